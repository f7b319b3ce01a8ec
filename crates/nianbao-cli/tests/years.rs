//! Years linked: `nianbao batch` groups reports by agency (names normalized) and year,
//! checks the cross-year rules on consecutive years and compares duplicates cell by
//! cell (cross_year.csv, agencies.csv); `nianbao compare A B` does the same for two
//! files; cells.csv and findings.csv hold every cell and every rule instance.

mod common;

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

use common::*;
use pretty_assertions::assert_eq;

fn testdata() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../testdata")
}

/// `nianbao batch DIR -o OUT` in a scratch folder; returns OUT.
fn batch(name: &str, input: &Path) -> PathBuf {
    let root = scratch(name);
    let out = run_in(
        &root,
        &["batch", input.to_str().unwrap(), "-o", "out", "-j", "2"],
    );
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}\n{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    root.join("out")
}

/// The file name of a source path.
fn file(source: &str) -> &str {
    source.rsplit('/').next().unwrap()
}

/// cross_year.csv as (year, previous year, rule, column, status, left, right, source,
/// previous source) with sources reduced to file names.
fn cross_year(out: &Path) -> BTreeSet<[String; 9]> {
    csv_records(&out.join("cross_year.csv"))
        .into_iter()
        .map(|r| {
            [
                r["year"].clone(),
                r["previous_year"].clone(),
                r["rule"].clone(),
                r["column"].clone(),
                r["status"].clone(),
                r["left"].clone(),
                r["right"].clone(),
                file(&r["source"]).to_owned(),
                file(&r["previous_source"]).to_owned(),
            ]
        })
        .collect()
}

fn row(fields: [&str; 9]) -> [String; 9] {
    fields.map(str::to_owned)
}

#[test]
fn consecutive_years_agree_disagree_and_duplicates_are_compared() {
    let out = batch("years", &testdata().join("years"));
    let rows = cross_year(&out);
    let carry = [
        "natural_person",
        "commercial",
        "research",
        "social_welfare",
        "legal_services",
    ];
    let mut expected = BTreeSet::new();
    // 2022 → 2023: every rule holds (written from the fixtures' tables by hand).
    let agree = [("5", "5"), ("1", "1"), ("0", "0"), ("0", "0"), ("0", "0")];
    for (col, (l, r)) in carry.iter().zip(agree) {
        expected.insert(row([
            "2023",
            "2022",
            "cross_year.carry",
            col,
            "passed",
            l,
            r,
            "county-2023.txt",
            "county-2022.txt",
        ]));
    }
    expected.insert(row([
        "2023",
        "2022",
        "cross_year.carry",
        "other_org",
        "passed",
        "0",
        "0",
        "county-2023.txt",
        "county-2022.txt",
    ]));
    expected.insert(row([
        "2023",
        "2022",
        "cross_year.carry",
        "total",
        "passed",
        "6",
        "6",
        "county-2023.txt",
        "county-2022.txt",
    ]));
    // in_force: 15 + 1 = 14 + 2; 48 + 3 = 39 + 12.
    expected.insert(row([
        "2023",
        "2022",
        "cross_year.in_force",
        "regulations",
        "passed",
        "16",
        "16",
        "county-2023.txt",
        "county-2022.txt",
    ]));
    expected.insert(row([
        "2023",
        "2022",
        "cross_year.in_force",
        "normative_documents",
        "passed",
        "51",
        "51",
        "county-2023.txt",
        "county-2022.txt",
    ]));
    // 2023 → 2024, twice (the report and its re-publication): 其他 0 ≠ 1, 总计 7 ≠ 8;
    // 规范性文件 60 + 2 ≠ 48 + 10.
    for current in ["county-2024.txt", "county-2024.republished.txt"] {
        let agree = [("6", "6"), ("1", "1"), ("0", "0"), ("0", "0"), ("0", "0")];
        for (col, (l, r)) in carry.iter().zip(agree) {
            expected.insert(row([
                "2024",
                "2023",
                "cross_year.carry",
                col,
                "passed",
                l,
                r,
                current,
                "county-2023.txt",
            ]));
        }
        expected.insert(row([
            "2024",
            "2023",
            "cross_year.carry",
            "other_org",
            "failed",
            "0",
            "1",
            current,
            "county-2023.txt",
        ]));
        expected.insert(row([
            "2024",
            "2023",
            "cross_year.carry",
            "total",
            "failed",
            "7",
            "8",
            current,
            "county-2023.txt",
        ]));
        expected.insert(row([
            "2024",
            "2023",
            "cross_year.in_force",
            "regulations",
            "passed",
            "17",
            "17",
            current,
            "county-2023.txt",
        ]));
        expected.insert(row([
            "2024",
            "2023",
            "cross_year.in_force",
            "normative_documents",
            "failed",
            "62",
            "58",
            current,
            "county-2023.txt",
        ]));
    }
    // The two 2024 reports differ in one cell.
    expected.insert(row([
        "2024",
        "2024",
        "duplicate",
        "active_disclosure.licensing.decisions",
        "failed",
        "1520",
        "1502",
        "county-2024.txt",
        "county-2024.republished.txt",
    ]));
    assert_eq!(rows, expected);

    // Every row names the merged agency; the township stays apart.
    let agencies: BTreeSet<String> = column(&out.join("cross_year.csv"), "agency")
        .into_iter()
        .collect();
    assert_eq!(agencies, BTreeSet::from(["示例县".to_owned()]));
    let groups: BTreeMap<String, String> = csv_records(&out.join("agencies.csv"))
        .into_iter()
        .map(|r| (r["agency"].clone(), r["names"].clone()))
        .collect();
    assert_eq!(
        groups,
        BTreeMap::from([
            (
                "示例县".to_owned(),
                "示例县人民政府; 示例县人民政府办公室; 示例縣人民政府".to_owned()
            ),
            ("示例县示例镇".to_owned(), "示例县示例镇人民政府".to_owned()),
        ])
    );
}

#[test]
fn the_summary_counts_the_links_and_names_the_merged_agency() {
    let root = scratch("years-summary");
    let out = run_in(
        &root,
        &[
            "batch",
            testdata().join("years").to_str().unwrap(),
            "-o",
            "out",
        ],
    );
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        stdout.contains("years linked: 3 pairs of consecutive years (6 cross-year findings failed), 1 pair of one year (1 differing)"),
        "{stdout}"
    );
    assert!(
        stdout.contains(
            "agency names merged as 示例县: 示例县人民政府 = 示例县人民政府办公室 = 示例縣人民政府"
        ),
        "{stdout}"
    );
}

#[test]
fn the_corpus_links_one_agency_over_its_years_and_its_copies() {
    let dir = scratch("years-corpus-input");
    // The real reports only (the bench files are synthetic).
    for entry in std::fs::read_dir(testdata().join("corpus")).unwrap() {
        let path = entry.unwrap().path();
        if path.is_file()
            && !path.to_string_lossy().ends_with(".json")
            && !path.ends_with("README.md")
        {
            std::fs::copy(&path, dir.join(path.file_name().unwrap())).unwrap();
        }
    }
    let out = batch("years-corpus", &dir);
    let groups: BTreeMap<String, (String, String)> = csv_records(&out.join("agencies.csv"))
        .into_iter()
        .map(|r| {
            (
                r["agency"].clone(),
                (r["years"].clone(), r["reports"].clone()),
            )
        })
        .collect();
    // 平潭综合实验区: 2017 (legacy), 2019, 2022 and 2024 twice (the crawl text and the
    // portal page) — no consecutive years.
    assert_eq!(
        groups["平潭综合实验区"],
        ("2017;2019;2022;2024".to_owned(), "5".to_owned())
    );
    assert_eq!(groups["淮安市"], ("2024".to_owned(), "3".to_owned()));
    let rows = cross_year(&out);
    assert!(rows.iter().all(|r| r[2] == "duplicate"), "{rows:#?}");
    // 淮安 2024 as .docx, .pdf and pdftotext text: every cell the same; the first in
    // source order (the .docx) compared with each of the two others.
    let same: Vec<_> = rows.iter().filter(|r| r[4] == "passed").collect();
    assert_eq!(same.len(), 2, "{same:#?}");
    assert!(same.iter().all(|r| r[8] == "huaian-2024.docx"), "{same:#?}");
    assert!(
        same.iter()
            .all(|r| r[7].starts_with("huaian-2024") && r[3] == "*")
    );
    // 平潭 2024: the crawl text leaves the three 规范性文件 cells blank (its glued
    // digits decide nothing, see tests/corpus.rs); the page has them.
    let differ: BTreeSet<(String, String, String)> = rows
        .iter()
        .filter(|r| r[4] == "failed")
        .map(|r| (r[3].clone(), r[5].clone(), r[6].clone()))
        .collect();
    let expected: BTreeSet<(String, String, String)> =
        [("issued", "62"), ("repealed", "33"), ("in_force", "440")]
            .into_iter()
            .map(|(col, v)| {
                (
                    format!("active_disclosure.normative_documents.{col}"),
                    v.to_owned(),
                    "(blank)".to_owned(),
                )
            })
            .collect();
    assert_eq!(differ, expected);
}

#[test]
fn cells_and_findings_hold_every_cell_and_rule_instance_of_the_json() {
    let out = batch("years-cells", &testdata().join("years"));
    let json = std::fs::read_to_string(out.join("reports.jsonl")).unwrap();
    let mut cells_expected = 0;
    let mut findings_expected = 0;
    for line in json.lines() {
        let analysis = nianbao::json::from_str(line).unwrap();
        for kind in nianbao::TableKind::ALL {
            cells_expected += analysis.report.table(kind).map_or(0, |t| t.cells().count());
        }
        findings_expected += analysis.findings.len();
    }
    let cells = csv_records(&out.join("cells.csv"));
    assert_eq!(cells.len(), cells_expected);
    assert_eq!(
        csv_records(&out.join("findings.csv")).len(),
        findings_expected
    );
    // One cell, all its columns.
    let cell = cells
        .iter()
        .find(|r| {
            file(&r["source"]) == "county-2022.txt"
                && r["path"] == "applications.new_received.total"
        })
        .unwrap();
    let fields: Vec<&str> = [
        "agency",
        "year",
        "table",
        "table_format",
        "row",
        "column",
        "label",
        "value",
        "verbatim",
        "kind",
    ]
    .iter()
    .map(|k| cell[*k].as_str())
    .collect();
    assert_eq!(
        fields,
        [
            "示例县人民政府",
            "2022",
            "applications",
            "2021",
            "new_received",
            "total",
            "一、本年新收政府信息公开申请数量",
            "132",
            "132",
            "number"
        ]
    );
    // A blank cell is a blank, not a zero (重复申请 of 科研机构 is empty in the template).
    let blank = cells
        .iter()
        .find(|r| {
            file(&r["source"]) == "county-2022.txt"
                && r["path"] == "applications.results.not_processed.repeated.research"
        })
        .unwrap();
    assert_eq!(
        (blank["value"].as_str(), blank["kind"].as_str()),
        ("", "blank")
    );
}

#[test]
fn compare_runs_the_cross_year_rules_or_the_duplicate_check() {
    let years = testdata().join("years");
    let run = |a: &str, b: &str| {
        let out = nianbao()
            .args(["compare", "--strict"])
            .arg(years.join(a))
            .arg(years.join(b))
            .output()
            .unwrap();
        (
            out.status.code(),
            String::from_utf8_lossy(&out.stdout).into_owned(),
        )
    };
    let (code, text) = run("county-2023.txt", "county-2022.txt");
    assert_eq!(code, Some(0), "{text}");
    assert!(text.contains("2022 → 2023: the cross-year rules"), "{text}");
    assert!(!text.contains("FAILED"), "{text}");
    let (code, text) = run("county-2023.txt", "county-2024.txt");
    assert_eq!(code, Some(3), "{text}");
    assert!(
        text.contains("cross_year.carry [total]: 7 = 8 — FAILED (7 ≠ 8)"),
        "{text}"
    );
    let (code, text) = run("county-2024.txt", "county-2024.republished.txt");
    assert_eq!(code, Some(3), "{text}");
    assert!(text.contains("199 cells the same, 1 differ"), "{text}");
    assert!(
        text.contains("active_disclosure.licensing.decisions: 1520 vs 1502"),
        "{text}"
    );
    let (code, text) = run("county-2022.txt", "county-2024.txt");
    assert_eq!(code, Some(1), "{text}");
    assert!(
        text.contains("neither one year nor consecutive years"),
        "{text}"
    );
    let (code, text) = run("county-2023.txt", "township-2023.txt");
    assert_eq!(code, Some(1), "{text}");
    assert!(
        text.contains("other agencies (示例县 and 示例县示例镇"),
        "{text}"
    );
}

#[test]
fn the_batch_index_page_lists_the_cross_year_findings_with_links() {
    let root = scratch("years-html");
    let input = testdata().join("years");
    let out = run_in(
        &root,
        &[
            "batch",
            input.to_str().unwrap(),
            "-o",
            "out",
            "--html",
            "-q",
        ],
    );
    assert_eq!(out.status.code(), Some(0), "{out:?}");
    let index = std::fs::read_to_string(root.join("out/index.html")).unwrap();
    assert!(!index.contains("No cross-year pairs"));
    let section = index
        .split("id=\"cross-year\"")
        .nth(1)
        .expect("a cross-year section");
    // Every row of cross_year.csv is a row of the section, failed ones marked.
    let rows = csv_records(&root.join("out/cross_year.csv"));
    assert_eq!(
        section.matches("<tr class=\"failed\">").count(),
        rows.iter().filter(|r| r["status"] == "failed").count()
    );
    assert_eq!(
        section.matches("<tr class=\"passed\">").count(),
        rows.iter().filter(|r| r["status"] == "passed").count()
    );
    assert!(section.contains("active_disclosure.licensing.decisions"));
    // Both reports of a pair are linked to their pages.
    for page in [
        "county-2023.txt",
        "county-2024.txt",
        "county-2024.republished.txt",
    ] {
        assert!(
            section.contains(&format!("html/years/{page}.html")),
            "{page}"
        );
        assert!(root.join(format!("out/html/years/{page}.html")).is_file());
    }
}
