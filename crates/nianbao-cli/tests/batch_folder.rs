//! `nianbao batch` on a folder: good reports converted, bad ones in errors.csv,
//! outputs mirroring the tree, nothing written outside OUTDIR, exit code 1.

mod common;

use std::collections::BTreeMap;
use std::fs;
use std::path::Path;

use common::*;
use pretty_assertions::assert_eq;

const GOOD: [&str; 3] = [
    "reports/county/示例县人民政府-2021.txt",
    "reports/departments/示例县交通运输局-2022.txt",
    "reports/towns/示例镇-2023.tika.txt",
];
const DOCX: &str = "reports/audit/示例县审计局-2024.docx";
const GBK_NAME: &str = "乡镇/双鹤乡年报2021.txt";

/// Lays out `work/in/archive` (the fixtures plus a file whose name is GBK bytes)
/// and returns the scratch folder.
fn setup(name: &str) -> std::path::PathBuf {
    let root = scratch(name);
    let input = root.join("in/archive");
    copy_tree(&fixtures(), &input);
    let (dir, file) = GBK_NAME.split_once('/').unwrap();
    let gbk_dir = input.join(os_name(&gbk(dir)));
    fs::create_dir_all(&gbk_dir).unwrap();
    fs::copy(input.join(GOOD[0]), gbk_dir.join(os_name(&gbk(file)))).unwrap();
    fs::create_dir_all(input.join("reports/audit")).unwrap();
    fs::write(input.join(DOCX), docx_report()).unwrap();
    root
}

#[test]
fn folder_batch_converts_good_reports_and_lists_bad_ones() {
    let root = setup("folder");
    let before = tree(&root);
    let out = run_in(&root, &["batch", "in/archive", "-o", "out", "-j", "2"]);
    let stdout = String::from_utf8_lossy(&out.stdout);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{stdout}\n{stderr}");

    // Nothing outside OUTDIR changed.
    let after: BTreeMap<_, _> = tree(&root)
        .into_iter()
        .filter(|(p, _)| !p.starts_with("out"))
        .collect();
    assert_eq!(before, after);

    // Every good report converted, to the JSON the library makes, at the mirrored path.
    let input = root.join("in/archive");
    let mut expected_ok = Vec::new();
    for rel in GOOD.iter().copied().chain([GBK_NAME, DOCX]) {
        let source = format!("in/archive/{rel}");
        let bytes = if rel == GBK_NAME {
            fs::read(input.join(GOOD[0])).unwrap()
        } else {
            fs::read(input.join(rel)).unwrap()
        };
        let written = fs::read_to_string(root.join(format!("out/archive/{rel}.json")))
            .unwrap_or_else(|e| panic!("output of {rel}: {e}"));
        assert_eq!(written, library_json(&bytes, &source));
        expected_ok.push(source);
    }
    expected_ok.sort();

    let summary = csv_records(&root.join("out/summary.csv"));
    let sources: Vec<&str> = summary.iter().map(|r| r["source"].as_str()).collect();
    let mut sorted = sources.clone();
    sorted.sort();
    assert_eq!(sources, sorted, "summary.csv is sorted by source");
    let status: BTreeMap<&str, &str> = summary
        .iter()
        .map(|r| (r["source"].as_str(), r["status"].as_str()))
        .collect();
    let expected_status: BTreeMap<&str, &str> = [
        ("in/archive/bad/corrupt.docx", "failed"),
        ("in/archive/bad/empty.txt", "skipped"),
        ("in/archive/bad/meeting-notice.txt", "skipped"),
        ("in/archive/reports/index.csv", "skipped"),
    ]
    .into_iter()
    .chain(expected_ok.iter().map(|s| (s.as_str(), "ok")))
    .collect();
    assert_eq!(status, expected_status);
    let reasons: BTreeMap<&str, &str> = summary
        .iter()
        .filter(|r| r["status"] != "ok")
        .map(|r| (r["source"].as_str(), r["reason"].as_str()))
        .collect();
    assert_eq!(
        reasons,
        BTreeMap::from([
            ("in/archive/bad/corrupt.docx", "malformed"),
            ("in/archive/bad/empty.txt", "no_report"),
            ("in/archive/bad/meeting-notice.txt", "no_report"),
            ("in/archive/reports/index.csv", "other_type"),
        ])
    );

    // The headline numbers of one report, as its tables say.
    let county = summary
        .iter()
        .find(|r| r["source"] == "in/archive/reports/county/示例县人民政府-2021.txt")
        .unwrap();
    let headline: Vec<&str> = [
        "agency",
        "year",
        "applications_format",
        "new_requests",
        "carried_over",
        "total_processed",
        "carried_forward",
        "review_total",
        "litigation_total",
        "rules_failed",
    ]
    .iter()
    .map(|k| county[*k].as_str())
    .collect();
    assert_eq!(
        headline,
        [
            "示例县人民政府",
            "2021",
            "2021",
            "203",
            "5",
            "204",
            "4",
            "7",
            "13",
            ""
        ]
    );
    let docx = summary
        .iter()
        .find(|r| r["source"].ends_with("示例县审计局-2024.docx"))
        .unwrap();
    assert_eq!(
        [
            &docx["input_format"],
            &docx["agency"],
            &docx["new_requests"],
            &docx["status"]
        ],
        ["docx", "示例县审计局", "225", "ok"]
    );
    let broken = summary
        .iter()
        .find(|r| r["source"].ends_with("示例县交通运输局-2022.txt"))
        .unwrap();
    assert_eq!(broken["rules_failed"], "review_litigation.group_total");

    // Every failed file in errors.csv, with its error; the skipped ones are not failures.
    let errors = csv_records(&root.join("out/errors.csv"));
    let errors: Vec<(&str, &str)> = errors
        .iter()
        .map(|r| (r["source"].as_str(), r["kind"].as_str()))
        .collect();
    assert_eq!(errors, [("in/archive/bad/corrupt.docx", "malformed")]);

    // reports.jsonl: one line a converted report, in source order, each the report.
    let jsonl = fs::read_to_string(root.join("out/reports.jsonl")).unwrap();
    let lines: Vec<&str> = jsonl.lines().collect();
    assert_eq!(lines.len(), expected_ok.len());
    for (line, source) in lines.iter().zip(&expected_ok) {
        let analysis = nianbao::json::from_str(line).unwrap();
        assert_eq!(
            analysis.report.source.name.as_deref(),
            Some(source.as_str())
        );
    }

    // Only outputs in OUTDIR: no scratch left, nothing for the bad files; besides
    // them the lock file and the resume log.
    let outputs: Vec<String> = tree(&root.join("out"))
        .into_keys()
        .map(|p| p.to_string_lossy().into_owned())
        .filter(|p| p != ".nianbao.lock" && p != ".nianbao-resume.jsonl")
        .collect();
    assert!(root.join("out/.nianbao.lock").is_file());
    let log = fs::read_to_string(root.join("out/.nianbao-resume.jsonl")).unwrap();
    assert_eq!(log.lines().count(), expected_ok.len());
    let run_files = [
        "summary.csv",
        "errors.csv",
        "reports.jsonl",
        "cells.csv",
        "findings.csv",
        "cross_year.csv",
        "agencies.csv",
    ];
    assert_eq!(
        outputs.len(),
        run_files.len() + expected_ok.len(),
        "{outputs:?}"
    );
    assert!(
        outputs
            .iter()
            .all(|p| p.ends_with(".json") || run_files.contains(&p.as_str()))
    );
    assert!(stdout.contains("converted       5"), "{stdout}");
    assert!(
        stdout.contains("skipped         3  (no_report 2, other_type 1)"),
        "{stdout}"
    );
    assert!(stdout.contains("failed          1"), "{stdout}");
}

#[test]
fn all_good_gives_exit_code_0_and_outdir_inside_input_is_skipped() {
    let root = scratch("folder-all-good");
    let input = root.join("good");
    for rel in GOOD {
        let target = input.join(rel);
        fs::create_dir_all(target.parent().unwrap()).unwrap();
        fs::copy(fixtures().join(rel), target).unwrap();
    }
    // OUTDIR inside the input: a second run must not read its own outputs.
    for _ in 0..2 {
        let out = run_in(&root, &["batch", "good", "-o", "good/out"]);
        assert_eq!(out.status.code(), Some(0), "{out:?}");
        let summary = csv_records(&root.join("good/out/summary.csv"));
        assert_eq!(summary.len(), 3);
        assert!(summary.iter().all(|r| r["status"] == "ok"));
    }
    assert!(!Path::new(&root.join("good/out/good/out")).exists());
}

#[test]
fn usage_errors_give_exit_code_2() {
    let root = scratch("folder-usage");
    for args in [
        &["batch", "missing-folder", "-o", "out"][..],
        &["batch", "."][..],
        &["batch", ".", "-o", "out", "--to", "pdf"][..],
        &["batch", ".", "-o", "out", "-j", "0"][..],
        &["frobnicate"][..],
    ] {
        let out = run_in(&root, args);
        assert_eq!(out.status.code(), Some(2), "{args:?}: {out:?}");
    }
}

#[test]
fn docx_outputs_read_back_to_the_same_numbers() {
    let root = scratch("folder-docx");
    let input = root.join("in");
    for rel in GOOD {
        let target = input.join(rel);
        fs::create_dir_all(target.parent().unwrap()).unwrap();
        fs::copy(fixtures().join(rel), target).unwrap();
    }
    fs::create_dir_all(input.join("reports/audit")).unwrap();
    fs::write(input.join(DOCX), docx_report()).unwrap();
    let out = run_in(&root, &["batch", "in", "-o", "out", "--to", "json,docx"]);
    assert_eq!(out.status.code(), Some(0), "{out:?}");
    for rel in GOOD.iter().chain([&DOCX]) {
        let json = fs::read_to_string(root.join(format!("out/in/{rel}.json"))).unwrap();
        let original = nianbao::json::from_str(&json).unwrap();
        let docx = fs::read(root.join(format!("out/in/{rel}.docx"))).unwrap();
        let options = nianbao::Options::default();
        let reread = nianbao::read_bytes(&docx, Some("written.docx"), &options).unwrap();
        assert_eq!(table_values(&reread), table_values(&original), "{rel}");
    }
}
