//! Every real case of `testdata/corpus` (at any depth) against its `expected.json`,
//! cell for cell; the cases that do not pass yet are listed, each with its reason.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]

mod common;

use std::fs;
use std::path::{Path, PathBuf};

use nianbao::Format;

/// Whether this build reads a format (a format without a reader is skipped, by name).
#[allow(clippy::match_like_matches_macro)] // the arms are constants per build
fn has_reader(format: Format) -> bool {
    match format {
        Format::Text => cfg!(feature = "txt"),
        Format::Docx => cfg!(feature = "docx"),
        Format::Html => cfg!(feature = "html"),
        Format::Pdf => cfg!(feature = "pdf"),
        Format::Doc => cfg!(feature = "doc"),
        _ => false,
    }
}

/// Real cases that do not equal their `expected.json` yet, each with the reason. The
/// list can only shrink: a listed case that starts passing fails the test until it is
/// taken off, and a case that fails and is not listed fails it too.
const KNOWN_FAILURES: &[(&str, &str)] = &[];

/// Real cases in which some cells cannot be read without a guess, each with how many
/// and why: the output leaves exactly that many cells null where the truth (read from
/// the page's HTML) has a number, and a reader's diagnostic names each of them. Every
/// other cell must equal the truth.
const UNDECIDED_CELLS: &[(&str, usize, &str)] = &[
    (
        "pingtan-zhsyq-2019.crawl.txt",
        19,
        "table 2 (2019 format) has no sum to split its glued runs by: 规范性文件 '898989', 行政许可 '3960181', … 政府集中采购 '13575394432.52元'; the prose states no figure for these cells",
    ),
    (
        "pingtan-zhsyq-2024.crawl.txt",
        3,
        "行政规范性文件 '6233440': seven digits for three cells and no sum; the prose states only 制发 (62件), which 62|33|440, 62|3|3440, 62|334|40 and 62|3344|0 all agree with",
    ),
];

/// Every `X.expected.json` below `dir`, at any depth, sorted.
fn expected_files(dir: &Path, out: &mut Vec<PathBuf>) {
    let entries = fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("the corpus must be at {}: {e}", dir.display()));
    for entry in entries {
        let path = entry.unwrap().path();
        if path.is_dir() {
            expected_files(&path, out);
        } else if path.to_string_lossy().ends_with(".expected.json") {
            out.push(path);
        }
    }
}

/// What reading one case against its expected JSON gave: the differences, or why it
/// could not be read at all.
fn check_case(source: &Path, expected_path: &Path) -> Result<Vec<String>, String> {
    let Some(format) = Format::from_path(source) else {
        return Err("no reader for this extension".to_owned());
    };
    if !has_reader(format) {
        return Err(format!("this build has no {} reader", format.name()));
    }
    let expected: serde_json::Value =
        serde_json::from_str(&fs::read_to_string(expected_path).unwrap()).unwrap();
    let analysis = nianbao::read_path(source).map_err(|e| e.to_string())?;
    let actual = nianbao::json::to_value(&analysis);
    let diffs = common::check_against_expected(&actual, &expected);
    let name = source.file_name().unwrap().to_string_lossy();
    let (undecided, mut diffs) = common::split_undecided(&actual, diffs);
    let allowed = UNDECIDED_CELLS
        .iter()
        .find(|(f, _, _)| *f == name)
        .map_or(0, |(_, n, _)| *n);
    if undecided.len() != allowed {
        diffs.push(format!(
            "{} cells left null for want of evidence, {allowed} listed in UNDECIDED_CELLS: {undecided:?}",
            undecided.len()
        ));
    }
    Ok(diffs)
}

#[test]
fn corpus_files_equal_their_expected_json() {
    let dir = common::corpus();
    let mut entries = Vec::new();
    expected_files(&dir, &mut entries);
    entries.sort();
    let mut passed = 0;
    let mut failures = Vec::new();
    let mut listed_seen = Vec::new();
    for expected_path in entries {
        let source = expected_path.with_file_name(
            expected_path
                .file_name()
                .unwrap()
                .to_string_lossy()
                .trim_end_matches(".expected.json"),
        );
        let name = source
            .strip_prefix(&dir)
            .unwrap()
            .to_string_lossy()
            .replace('\\', "/");
        let listed = KNOWN_FAILURES.iter().find(|(f, _)| *f == name);
        let outcome = check_case(&source, &expected_path);
        match (&outcome, listed) {
            (Ok(diffs), None) if diffs.is_empty() => {
                println!("{name}: equal");
                passed += 1;
            }
            (Ok(diffs), Some(_)) if diffs.is_empty() => failures.push(format!(
                "{name} now equals its expected.json: take it off KNOWN_FAILURES"
            )),
            (Ok(diffs), None) => {
                for d in diffs {
                    failures.push(format!("{name}: {d}"));
                }
            }
            (Err(e), None) => failures.push(format!("{name}: not read: {e}")),
            (outcome, Some((_, reason))) => {
                let what = match outcome {
                    Ok(diffs) => format!("{} differences", diffs.len()),
                    Err(e) => format!("not read: {e}"),
                };
                println!("{name}: known failure ({reason}): {what}");
            }
        }
        if listed.is_some() {
            listed_seen.push(name);
        }
    }
    for (file, _) in KNOWN_FAILURES {
        if !listed_seen.iter().any(|n| n == file) {
            failures.push(format!("{file} is in KNOWN_FAILURES but not in the corpus"));
        }
    }
    assert!(passed > 0, "no corpus file was checked");
    assert!(
        failures.is_empty(),
        "{} differences:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

#[test]
fn seed_report_sections_and_rules() {
    let analysis =
        nianbao::read_path(common::corpus().join("xiangning-shuanghe-2020.tika.txt")).unwrap();
    let report = &analysis.report;
    let keys: Vec<&str> = report.sections.iter().map(|s| s.key.key()).collect();
    assert_eq!(
        keys,
        [
            "overview",
            "active_disclosure",
            "applications",
            "review_litigation",
            "problems"
        ]
    );
    // The stray 五 heading at the end does not make a second section 5, and section
    // 5's content is all there.
    let problems = report.section(nianbao::SectionKey::Problems).unwrap();
    assert_eq!(problems.heading, "5、 存在的主要问题及改进情况");
    assert!(problems.paragraphs.len() >= 10, "{:?}", problems.paragraphs);
    assert!(
        problems
            .paragraphs
            .last()
            .unwrap()
            .starts_with("６、强化信息公开")
    );
    let codes: Vec<&str> = analysis
        .diagnostics
        .iter()
        .map(|d| d.code.as_str())
        .collect();
    assert!(codes.contains(&nianbao::codes::SECTION_DUPLICATE));
    let missing: Vec<&str> = analysis
        .diagnostics
        .iter()
        .filter(|d| d.code == nianbao::codes::SECTION_MISSING)
        .map(|d| d.message.as_str())
        .collect();
    assert_eq!(missing.len(), 1);
    assert!(missing[0].contains("other_matters"));
    // Every rule instance is listed: only the 总计 column of table 3 can be assessed.
    use nianbao::rules::Status;
    let assessable: Vec<(&str, &str, Status)> = analysis
        .findings
        .iter()
        .filter(|f| f.status != Status::NotAssessable)
        .map(|f| (f.rule.as_str(), f.instance.as_str(), f.status))
        .collect();
    assert_eq!(
        assessable,
        [
            ("applications.balance", "total", Status::Passed),
            ("applications.results_sum", "total", Status::Passed)
        ]
    );
    assert_eq!(analysis.findings.len(), 7 + 7 + 23 + 3);
}
