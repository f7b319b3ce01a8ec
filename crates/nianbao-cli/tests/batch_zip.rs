//! `nianbao batch` on .zip archives: read in memory, GBK entry names decoded,
//! escaping entry names refused, corrupt archives and entries in errors.csv.

mod common;

use std::collections::BTreeMap;
use std::fs;

use common::*;
use pretty_assertions::assert_eq;

fn fixture(rel: &str) -> Vec<u8> {
    fs::read(fixtures().join(rel)).unwrap()
}

/// The archive of the test: what Chinese Windows' "send to compressed folder" makes
/// (GBK names, no UTF-8 flag) mixed with flagged UTF-8 names and hostile entries.
fn bundle() -> Vec<u8> {
    let county = fixture("reports/county/示例县人民政府-2021.txt");
    let dept = fixture("reports/departments/示例县交通运输局-2022.txt");
    let town = fixture("reports/towns/示例镇-2023.tika.txt");
    ZipBuilder::default()
        .entry("年报/".as_bytes(), true, b"")
        .entry("年报/示例县人民政府-2021.txt".as_bytes(), true, &county)
        .entry(&gbk("年报/交通运输局2022.txt"), false, &dept)
        .entry(&gbk("乡镇\\示例镇2023.txt"), false, &town)
        .entry(
            "审计/示例县审计局-2024.docx".as_bytes(),
            true,
            &docx_report(),
        )
        .entry(b"../../evil.txt", false, &county)
        .entry(b"/tmp/evil-absolute.txt", false, &county)
        .entry(b"bad/corrupt.docx", false, &fixture("bad/corrupt.docx"))
        .entry(b"bad/empty.txt", false, b"")
        .entry(
            b"bad/meeting-notice.txt",
            false,
            &fixture("bad/meeting-notice.txt"),
        )
        .entry(b"readme.epub", false, b"PK not read")
        .finish()
}

#[test]
fn zip_batch_converts_entries_and_contains_hostile_names() {
    let root = scratch("zip");
    fs::create_dir_all(root.join("in")).unwrap();
    fs::write(root.join("in/bundle.zip"), bundle()).unwrap();
    fs::write(root.join("in/broken.zip"), b"PK\x05\x06 this is no archive").unwrap();
    fs::create_dir_all(root.join("work")).unwrap();
    let before = tree(&root);
    let out = run_in(
        &root.join("work"),
        &["batch", "../in/bundle.zip", "../in/broken.zip", "-o", "out"],
    );
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert_eq!(
        out.status.code(),
        Some(1),
        "{stdout}\n{}",
        String::from_utf8_lossy(&out.stderr)
    );

    // Nothing was written outside OUTDIR (no evil.txt anywhere, no extraction).
    let after: BTreeMap<_, _> = tree(&root)
        .into_iter()
        .filter(|(p, _)| !p.starts_with("work/out"))
        .collect();
    assert_eq!(before, after);
    let outputs: Vec<String> = tree(&root.join("work/out"))
        .into_keys()
        .map(|p| p.to_string_lossy().into_owned())
        .collect();
    assert_eq!(
        outputs,
        [
            ".nianbao-resume.jsonl",
            ".nianbao.lock",
            "agencies.csv",
            "bundle/乡镇/示例镇2023.txt.json",
            "bundle/审计/示例县审计局-2024.docx.json",
            "bundle/年报/交通运输局2022.txt.json",
            "bundle/年报/示例县人民政府-2021.txt.json",
            "cells.csv",
            "cross_year.csv",
            "errors.csv",
            "findings.csv",
            "reports.jsonl",
            "summary.csv",
        ]
    );

    // The GBK names are decoded in the outputs' sources and paths.
    let written =
        fs::read_to_string(root.join("work/out/bundle/年报/交通运输局2022.txt.json")).unwrap();
    assert_eq!(
        written,
        library_json(
            &fixture("reports/departments/示例县交通运输局-2022.txt"),
            "../in/bundle.zip!年报/交通运输局2022.txt"
        )
    );

    let summary = csv_records(&root.join("work/out/summary.csv"));
    let status: Vec<(&str, &str)> = summary
        .iter()
        .map(|r| (r["source"].as_str(), r["status"].as_str()))
        .collect();
    assert_eq!(
        status,
        [
            ("../in/broken.zip", "failed"),
            ("../in/bundle.zip!../../evil.txt", "failed"),
            ("../in/bundle.zip!/tmp/evil-absolute.txt", "failed"),
            ("../in/bundle.zip!bad/corrupt.docx", "failed"),
            ("../in/bundle.zip!bad/empty.txt", "skipped"),
            ("../in/bundle.zip!bad/meeting-notice.txt", "skipped"),
            ("../in/bundle.zip!readme.epub", "skipped"),
            ("../in/bundle.zip!乡镇\\示例镇2023.txt", "ok"),
            ("../in/bundle.zip!审计/示例县审计局-2024.docx", "ok"),
            ("../in/bundle.zip!年报/交通运输局2022.txt", "ok"),
            ("../in/bundle.zip!年报/示例县人民政府-2021.txt", "ok"),
        ]
    );
    let errors = csv_records(&root.join("work/out/errors.csv"));
    let kinds: Vec<(&str, &str)> = errors
        .iter()
        .map(|r| (r["source"].as_str(), r["kind"].as_str()))
        .collect();
    assert_eq!(kinds.len(), 4, "{kinds:?}");
    assert_eq!(kinds[0], ("../in/broken.zip", "malformed"));
    assert_eq!(kinds[1], ("../in/bundle.zip!../../evil.txt", "unsafe_name"));
    assert_eq!(
        kinds[2],
        ("../in/bundle.zip!/tmp/evil-absolute.txt", "unsafe_name")
    );
    assert_eq!(kinds[3].1, "malformed", "{kinds:?}");
    assert!(errors[3]["error"].starts_with("../in/bundle.zip!bad/corrupt.docx: "));
    let reasons: Vec<&str> = summary
        .iter()
        .filter(|r| r["status"] == "skipped")
        .map(|r| r["reason"].as_str())
        .collect();
    assert_eq!(reasons, ["no_report", "no_report", "other_type"]);
    assert!(
        stdout.contains("skipped         3  (no_report 2, other_type 1)"),
        "{stdout}"
    );
    let jsonl = fs::read_to_string(root.join("work/out/reports.jsonl")).unwrap();
    assert_eq!(jsonl.lines().count(), 4);
    let docx =
        fs::read_to_string(root.join("work/out/bundle/审计/示例县审计局-2024.docx.json")).unwrap();
    assert_eq!(
        docx,
        library_json(
            &docx_report(),
            "../in/bundle.zip!审计/示例县审计局-2024.docx"
        )
    );
}

#[test]
fn entries_claiming_one_output_path_fail_the_later_one() {
    let root = scratch("zip-collision");
    let county = fixture("reports/county/示例县人民政府-2021.txt");
    let town = fixture("reports/towns/示例镇-2023.tika.txt");
    let zip = ZipBuilder::default()
        .entry(b"a/x.txt", false, &county)
        .entry(b"a\\x.txt", false, &town)
        .finish();
    fs::write(root.join("dup.zip"), zip).unwrap();
    let out = run_in(&root, &["batch", "dup.zip", "-o", "out"]);
    assert_eq!(out.status.code(), Some(1));
    let errors = csv_records(&root.join("out/errors.csv"));
    assert_eq!(errors.len(), 1);
    assert_eq!(errors[0]["source"], "dup.zip!a\\x.txt");
    assert_eq!(errors[0]["kind"], "collision");
    let written = fs::read_to_string(root.join("out/dup/a/x.txt.json")).unwrap();
    assert_eq!(written, library_json(&county, "dup.zip!a/x.txt"));
}

/// Two entries of the very same name: the zip crate keeps one; the central directory
/// read by nianbao lists both, and both fail (which one is meant cannot be told).
#[test]
fn two_entries_of_one_name_are_both_listed_and_neither_converted() {
    let root = scratch("zip-same-name");
    let county = fixture("reports/county/示例县人民政府-2021.txt");
    let town = fixture("reports/towns/示例镇-2023.tika.txt");
    let zip = ZipBuilder::default()
        .entry(b"x.txt", false, &county)
        .entry(b"other.txt", false, &town)
        .entry(b"x.txt", false, &town)
        .finish();
    fs::write(root.join("same.zip"), zip).unwrap();
    let out = run_in(&root, &["batch", "same.zip", "-o", "out"]);
    assert_eq!(out.status.code(), Some(1), "{out:?}");
    let summary = csv_records(&root.join("out/summary.csv"));
    let rows: Vec<(&str, &str, &str)> = summary
        .iter()
        .map(|r| {
            (
                r["source"].as_str(),
                r["status"].as_str(),
                r["reason"].as_str(),
            )
        })
        .collect();
    assert_eq!(
        rows,
        [
            ("same.zip!other.txt", "ok", ""),
            ("same.zip!x.txt (entry 1)", "failed", "duplicate"),
            ("same.zip!x.txt (entry 3)", "failed", "duplicate"),
        ]
    );
    let errors = csv_records(&root.join("out/errors.csv"));
    assert!(
        errors[0]["error"].contains("the archive holds 2 entries of this name (entries 1, 3)"),
        "{errors:?}"
    );
    assert!(!root.join("out/same/x.txt.json").exists());
}
