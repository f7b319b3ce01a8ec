//! `nianbao convert`, `nianbao check` and `nianbao schema`.

mod common;

use std::fs;

use common::*;
use pretty_assertions::assert_eq;

const COUNTY: &str = "reports/county/示例县人民政府-2021.txt";
const BROKEN: &str = "reports/departments/示例县交通运输局-2022.txt";

fn analysis_of(path: &std::path::Path) -> nianbao::Analysis {
    nianbao::read_path(path).unwrap()
}

#[test]
fn convert_one_file_prints_its_pretty_json() {
    let path = fixtures().join(COUNTY);
    let out = nianbao().arg("convert").arg(&path).output().unwrap();
    assert_eq!(out.status.code(), Some(0), "{out:?}");
    let expected = nianbao::json::to_string(&analysis_of(&path)) + "\n";
    assert_eq!(String::from_utf8(out.stdout).unwrap(), expected);
}

#[test]
fn convert_several_files_prints_json_lines_and_skips_a_non_report() {
    let a = fixtures().join(COUNTY);
    let b = fixtures().join(BROKEN);
    let bad = fixtures().join("bad/meeting-notice.txt");
    let out = nianbao()
        .arg("convert")
        .args([&a, &bad, &b])
        .output()
        .unwrap();
    // A file without a report is skipped, not a failure.
    assert_eq!(out.status.code(), Some(0));
    let expected = [&a, &b]
        .iter()
        .map(|p| nianbao::json::to_string_compact(&analysis_of(p)) + "\n")
        .collect::<String>();
    assert_eq!(String::from_utf8(out.stdout).unwrap(), expected);
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(
        stderr.contains("skipped ") && stderr.contains("meeting-notice.txt: no report found"),
        "{stderr}"
    );
    // A corrupt file fails.
    let corrupt = fixtures().join("bad/corrupt.docx");
    let out = nianbao()
        .arg("convert")
        .args([&a, &corrupt])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
}

#[test]
fn convert_writes_a_file_or_a_folder() {
    let root = scratch("convert-out");
    let a = fixtures().join(COUNTY);
    let b = fixtures().join(BROKEN);
    let one = nianbao()
        .arg("convert")
        .arg(&a)
        .arg("-o")
        .arg(root.join("one.json"))
        .output()
        .unwrap();
    assert_eq!(one.status.code(), Some(0), "{one:?}");
    assert_eq!(
        fs::read_to_string(root.join("one.json")).unwrap(),
        nianbao::json::to_string(&analysis_of(&a)) + "\n"
    );
    let many = nianbao()
        .arg("convert")
        .args([&a, &b])
        .arg("-o")
        .arg(root.join("many"))
        .output()
        .unwrap();
    assert_eq!(many.status.code(), Some(0), "{many:?}");
    for p in [&a, &b] {
        let name = format!("{}.json", p.file_name().unwrap().to_str().unwrap());
        assert_eq!(
            fs::read_to_string(root.join("many").join(name)).unwrap(),
            nianbao::json::to_string(&analysis_of(p)) + "\n"
        );
    }
    let missing = nianbao()
        .arg("convert")
        .arg(root.join("no-such-file.txt"))
        .output()
        .unwrap();
    assert_eq!(missing.status.code(), Some(1));
    let no_file = nianbao().arg("convert").output().unwrap();
    assert_eq!(no_file.status.code(), Some(2));
}

#[test]
fn convert_to_docx_writes_a_report_that_reads_back() {
    let root = scratch("convert-docx");
    let a = fixtures().join(COUNTY);
    let out = nianbao()
        .args(["convert", "--to", "docx", "-o"])
        .arg(root.join("county.docx"))
        .arg(&a)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{out:?}");
    let written = nianbao::read_path(root.join("county.docx")).unwrap();
    let original = analysis_of(&a);
    assert_eq!(table_values(&written), table_values(&original));
    assert_eq!(written.report.meta.agency, original.report.meta.agency);
    // Several .docx need a folder.
    let several = nianbao()
        .args(["convert", "--to", "docx"])
        .args([&a, &a])
        .output()
        .unwrap();
    assert_eq!(several.status.code(), Some(2));
}

#[test]
fn check_tells_rules_and_diagnostics() {
    let good = nianbao()
        .arg("check")
        .arg(fixtures().join(COUNTY))
        .output()
        .unwrap();
    assert_eq!(good.status.code(), Some(0), "{good:?}");
    let text = String::from_utf8(good.stdout).unwrap();
    assert!(!text.contains('\x1b'), "no colours when not on a terminal");
    assert!(
        text.contains("agency, year 示例县人民政府 · 2021"),
        "{text}"
    );
    assert!(
        text.contains("rules        42 passed, 0 failed, 0 not assessable"),
        "{text}"
    );
    assert!(
        text.contains("✓ applications.balance [total]: 203 + 5 = 204 + 4 — passed"),
        "{text}"
    );
    assert!(text.contains("0 left blank for want of evidence"), "{text}");

    // Per table, how its cells were placed: a crawler's glued table 4 split by its
    // groups' sums, table 2's undecidable runs left blank.
    let crawl = nianbao()
        .arg("check")
        .arg(fixtures().join("../../corpus/pingtan-zhsyq-2024.crawl.txt"))
        .output()
        .unwrap();
    let text = String::from_utf8(crawl.stdout).unwrap();
    assert!(
        text.contains("cells: 0 read from a grid, 0 placed by layout, 0 split one digit per cell, 15 split by a row's sum, 0 split by figures the text states, 0 left blank for want of evidence"),
        "{text}"
    );
    assert!(
        text.contains("cells: 0 read from a grid, 4 placed by layout, 3 split one digit per cell, 0 split by a row's sum, 0 split by figures the text states, 3 left blank for want of evidence"),
        "{text}"
    );

    // 2022's table 2: `8855698` split by the figures its prose states (制发 88件,
    // 现行有效 698件).
    let stated = nianbao()
        .arg("check")
        .arg(fixtures().join("../../corpus/pingtan-zhsyq-2022.crawl.txt"))
        .output()
        .unwrap();
    let text = String::from_utf8(stated.stdout).unwrap();
    assert!(
        text.contains("cells: 0 read from a grid, 4 placed by layout, 3 split one digit per cell, 0 split by a row's sum, 3 split by figures the text states, 0 left blank for want of evidence"),
        "{text}"
    );
    assert!(text.contains("warning txt.split_by_text"), "{text}");

    let broken = nianbao()
        .arg("check")
        .arg(fixtures().join(BROKEN))
        .output()
        .unwrap();
    // A broken rule is what `check` shows; it is not a failure of the command (exit 0)
    // unless --strict asks (exit 3).
    assert_eq!(broken.status.code(), Some(0));
    let strict = nianbao()
        .args(["check", "--strict"])
        .arg(fixtures().join(BROKEN))
        .output()
        .unwrap();
    assert_eq!(strict.status.code(), Some(3));
    let text = String::from_utf8(broken.stdout).unwrap();
    assert!(
        text.contains(
            "✗ review_litigation.group_total [review]: 4 = 0 + 2 + 1 + 0 — FAILED (4 ≠ 3)"
        ),
        "{text}"
    );

    let sample = nianbao()
        .current_dir(concat!(env!("CARGO_MANIFEST_DIR"), "/../.."))
        .args(["check", "testdata/sample/xiangning-shuanghe-2020.tika.txt"])
        .output()
        .unwrap();
    let text = String::from_utf8(sample.stdout).unwrap();
    assert!(
        text.contains("    warning section.duplicate at line "),
        "{text}"
    );
    assert!(text.contains("missing: other_matters"), "{text}");
}

#[test]
fn schema_prints_the_json_schema() {
    let out = nianbao().arg("schema").output().unwrap();
    assert_eq!(out.status.code(), Some(0));
    let printed: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(printed, nianbao::json::schema());
}
