//! `nianbao batch` over a folder mixing the must-fail corpus (`testdata/bad/`) with good
//! reports: every good report converted, every bad file in errors.csv, none converted.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]

use std::collections::BTreeSet;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;

fn repo() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// The first field of every record of a CSV file after its header (RFC 4180 quoting:
/// messages may hold commas, quotes and newlines).
fn first_fields(csv: &str) -> Vec<String> {
    let mut records = Vec::new();
    let (mut field, mut first, mut quoted, mut at_start) = (String::new(), None, false, true);
    let mut chars = csv.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '"' if quoted && chars.peek() == Some(&'"') => {
                chars.next();
                field.push('"');
            }
            '"' => quoted = !quoted,
            ',' if !quoted => {
                first.get_or_insert(std::mem::take(&mut field));
            }
            '\n' if !quoted => {
                let f = first.take().unwrap_or_else(|| std::mem::take(&mut field));
                field.clear();
                if !at_start {
                    records.push(f);
                }
                at_start = false;
            }
            '\r' if !quoted => {}
            c => field.push(c),
        }
    }
    records
}

#[test]
fn batch_converts_every_good_report_and_lists_every_bad_file() {
    let root = Path::new(env!("CARGO_TARGET_TMPDIR")).join("bad_batch");
    let _ = fs::remove_dir_all(&root);
    let input = root.join("in");
    fs::create_dir_all(input.join("bad")).unwrap();
    fs::create_dir_all(input.join("good")).unwrap();

    let mut bad = BTreeSet::new();
    let mut skipped = BTreeSet::new();
    for entry in fs::read_dir(repo().join("testdata/bad")).unwrap() {
        let path = entry.unwrap().path();
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        if name == "README.md" || name == "make_bad.py" {
            continue;
        }
        fs::copy(&path, input.join("bad").join(&name)).unwrap();
        if nianbao::Format::from_path(&name).is_some() {
            bad.insert(format!("in/bad/{name}"));
        } else {
            // No reader takes the extension (the .xlsx): batch does not read it.
            skipped.insert(name);
        }
    }
    assert!(bad.len() >= 12, "{bad:?}");
    let mut good = BTreeSet::new();
    for rel in [
        "testdata/tika/county-2021.txt",
        "testdata/tika/township-2019.txt",
        "testdata/sample/xiangning-shuanghe-2020.tika.txt",
    ] {
        let name = Path::new(rel).file_name().unwrap().to_string_lossy();
        fs::copy(repo().join(rel), input.join("good").join(name.as_ref())).unwrap();
        good.insert(format!("good/{name}"));
    }

    let out = Command::new(env!("CARGO_BIN_EXE_nianbao"))
        .current_dir(&root)
        .args(["batch", "in", "-o", "out", "-j", "2"])
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{stdout}\n{stderr}");

    for g in &good {
        let json = root.join(format!("out/in/{g}.json"));
        let text = fs::read_to_string(&json).unwrap_or_else(|e| panic!("{g}: {e}\n{stderr}"));
        let v: serde_json::Value = serde_json::from_str(&text).unwrap();
        assert!(v["report"]["applications"].is_object(), "{g}");
    }
    let errors = fs::read_to_string(root.join("out/errors.csv")).unwrap();
    let listed: BTreeSet<String> = first_fields(&errors).into_iter().collect();
    // A hostile input that stays within every limit and holds nothing of a report (the
    // PDFs of deep arrays and of a huge /W range) is skipped as "no report", not failed:
    // it is listed in summary.csv with that reason, and is not converted either.
    let summary = fs::read_to_string(root.join("out/summary.csv")).unwrap();
    let no_report: BTreeSet<String> = summary
        .lines()
        .filter(|l| l.ends_with(",skipped,no_report"))
        .filter_map(|l| l.split(',').next())
        .map(str::to_owned)
        .collect();
    let accounted: BTreeSet<String> = listed.union(&no_report).cloned().collect();
    assert_eq!(
        accounted, bad,
        "errors.csv:\n{errors}\nsummary.csv:\n{summary}"
    );
    assert!(listed.len() >= 12, "errors.csv:\n{errors}");
    for b in bad.iter().chain(skipped.iter()) {
        let name = Path::new(b).file_name().unwrap().to_string_lossy();
        assert!(
            !root.join(format!("out/in/bad/{name}.json")).exists(),
            "{b} was converted"
        );
    }
}
