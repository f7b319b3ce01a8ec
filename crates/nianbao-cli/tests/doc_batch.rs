//! `nianbao batch` over a folder mixing .doc, .wps, .docx, .txt and .html: every one
//! converted, and the .doc and .wps give the numbers of the .docx they were made from.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]

use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;

fn repo() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

#[test]
fn batch_converts_a_folder_mixing_every_format() {
    let root = Path::new(env!("CARGO_TARGET_TMPDIR")).join("doc_batch");
    let _ = fs::remove_dir_all(&root);
    let input = root.join("in");
    fs::create_dir_all(&input).unwrap();
    // The .wps is LibreOffice's .doc under WPS Office's extension: WPS writes .wps in
    // the Word 97–2003 format, and the reader goes by the content.
    let files = [
        (
            "testdata/doc/libreoffice/huaian-2024.doc",
            "huaian-2024.doc",
        ),
        (
            "testdata/doc/libreoffice/huaian-2024.doc",
            "huaian-2024-copy.wps",
        ),
        ("testdata/corpus/huaian-2024.docx", "huaian-2024.docx"),
        ("testdata/tika/county-2021.txt", "county-2021.txt"),
        (
            "testdata/corpus/pingtan-zhsyq-2024.html",
            "pingtan-zhsyq-2024.html",
        ),
    ];
    for (from, to) in files {
        fs::copy(repo().join(from), input.join(to)).unwrap();
    }
    let out = Command::new(env!("CARGO_BIN_EXE_nianbao"))
        .current_dir(&root)
        .args(["batch", "in", "-o", "out", "-j", "2"])
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(0), "{stderr}");
    let json = |name: &str| -> serde_json::Value {
        let text = fs::read_to_string(root.join(format!("out/in/{name}.json")))
            .unwrap_or_else(|e| panic!("{name}: {e}\n{stderr}"));
        serde_json::from_str(&text).unwrap()
    };
    for (_, name) in files {
        assert!(json(name)["report"]["applications"].is_object(), "{name}");
    }
    let docx = json("huaian-2024.docx");
    for name in ["huaian-2024.doc", "huaian-2024-copy.wps"] {
        let doc = json(name);
        assert_eq!(doc["source"]["format"], "doc", "{name}");
        for table in ["active_disclosure", "applications", "review_litigation"] {
            assert_eq!(
                doc["report"][table], docx["report"][table],
                "{name}: {table}"
            );
        }
    }
}
