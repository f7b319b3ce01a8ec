//! Every file of the shared corpus that has a reader, against its `expected.json`,
//! cell for cell.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]

mod common;

use std::fs;

use nianbao::Format;

/// Whether this build reads a format (a format without a reader is skipped, by name).
#[allow(clippy::match_like_matches_macro)] // the arms are constants per build
fn has_reader(format: Format) -> bool {
    match format {
        Format::Text => cfg!(feature = "txt"),
        Format::Docx => cfg!(feature = "docx"),
        Format::Html => cfg!(feature = "html"),
        _ => false,
    }
}

#[test]
fn corpus_files_equal_their_expected_json() {
    let dir = common::corpus();
    let mut checked = 0;
    let mut failures = Vec::new();
    let mut entries: Vec<_> = fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("the shared corpus must be at {}: {e}", dir.display()))
        .map(|e| e.unwrap().path())
        .filter(|p| p.to_string_lossy().ends_with(".expected.json"))
        .collect();
    entries.sort();
    for expected_path in entries {
        let source = expected_path.with_file_name(
            expected_path
                .file_name()
                .unwrap()
                .to_string_lossy()
                .trim_end_matches(".expected.json"),
        );
        let Some(format) = Format::from_path(&source) else {
            println!("skipped (no reader for this format): {}", source.display());
            continue;
        };
        if !has_reader(format) {
            println!(
                "skipped (no {} reader yet): {}",
                format.name(),
                source.display()
            );
            continue;
        }
        let expected: serde_json::Value =
            serde_json::from_str(&fs::read_to_string(&expected_path).unwrap()).unwrap();
        let analysis = nianbao::read_path(&source).unwrap_or_else(|e| panic!("{e}"));
        let actual = nianbao::json::to_value(&analysis);
        let diffs = common::check_against_expected(&actual, &expected);
        println!("{}: {} differences", source.display(), diffs.len());
        for d in &diffs {
            failures.push(format!("{}: {d}", source.display()));
        }
        checked += 1;
    }
    assert!(checked > 0, "no corpus file was checked");
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
