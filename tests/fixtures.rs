//! Every fixture of our own in `testdata/` that has an `expected.json` beside it,
//! cell for cell (the same format as the real corpus). The real corpus
//! (`testdata/corpus/`) is `tests/corpus.rs`'s, with its list of known failures.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]

mod common;

use std::fs;
use std::path::{Path, PathBuf};

/// Every `X.expected.json` below `dir` but in the real corpus (`tests/corpus.rs`
/// checks that, with its known failures).
fn expected_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path == common::corpus() {
            continue;
        }
        if path.is_dir() {
            if path.file_name().is_some_and(|n| n == "corpus") && path.parent() == Some(dir) {
                continue;
            }
            expected_files(&path, out);
        } else if path.to_string_lossy().ends_with(".expected.json") {
            out.push(path);
        }
    }
}

#[test]
fn fixtures_equal_their_expected_json() {
    let mut files = Vec::new();
    expected_files(&common::testdata(), &mut files);
    files.sort();
    let mut failures = Vec::new();
    for expected_path in &files {
        let source = PathBuf::from(
            expected_path
                .to_string_lossy()
                .trim_end_matches(".expected.json"),
        );
        let expected: serde_json::Value =
            serde_json::from_str(&fs::read_to_string(expected_path).unwrap()).unwrap();
        let analysis = match nianbao::read_path(&source) {
            Ok(a) => a,
            Err(e) => {
                failures.push(format!("{}: {e}", source.display()));
                continue;
            }
        };
        let diffs = common::check_against_expected(&nianbao::json::to_value(&analysis), &expected);
        println!("{}: {} differences", source.display(), diffs.len());
        failures.extend(
            diffs
                .into_iter()
                .map(|d| format!("{}: {d}", source.display())),
        );
    }
    assert!(files.len() >= 2, "fixtures missing");
    assert!(
        failures.is_empty(),
        "{} differences:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

/// The report recognized in a document made of these grids (rows of cell texts).
fn recognize_grids(grids: Vec<Vec<Vec<&str>>>) -> nianbao::Report {
    recognize_tables(
        grids
            .into_iter()
            .map(nianbao::ir::Table::from_text_rows)
            .collect(),
    )
}

/// The report recognized in a document made of these grids only.
fn recognize_tables(grids: Vec<nianbao::ir::Table>) -> nianbao::Report {
    let mut doc = nianbao::ir::Document::default();
    doc.blocks = grids.into_iter().map(nianbao::ir::Block::Table).collect();
    nianbao::recognize(&doc).report
}

/// A 2019-format block 第二十条第（一）项 whose 规章 row is `row`.
fn regulations_2019(row: Vec<&str>) -> Vec<Vec<&str>> {
    vec![
        vec!["第二十条第（一）项"],
        vec![
            "信息内容",
            "本年新制作数量",
            "本年新公开数量",
            "对外公开总数量",
        ],
        row,
    ]
}

/// The number of a cell, printed.
fn number(t: &nianbao::model::Table, row: &str, col: &str) -> Option<String> {
    t.number(row, col).map(|n| n.to_string())
}

/// Found by the roundtrip fuzz target: text in a value cell was taken for a label and
/// pushed the row's numbers into its label.
#[test]
fn text_in_a_value_cell_is_a_value_in_every_table() {
    let report = recognize_grids(vec![
        vec![
            vec!["第二十条第（一）项"],
            vec!["信息内容", "本年制发件数", "本年废止件数", "现行有效件数"],
            vec!["规章", "7", "见附件", "11"],
        ],
        vec![
            vec!["行政复议", "行政诉讼"],
            vec!["结果维持", "结果纠正", "其他结果", "尚未审结", "总计"],
            "1 见附件 0 0 1 0 0 0 0 0 0 0 0 0 0".split(' ').collect(),
        ],
    ]);
    let ad = report.active_disclosure.unwrap();
    assert_eq!(ad.row("regulations").unwrap().label, "规章");
    assert_eq!(number(&ad, "regulations", "issued").as_deref(), Some("7"));
    assert_eq!(
        ad.cell("regulations", "repealed").unwrap().value,
        nianbao::CellValue::Text
    );
    let rl = report.review_litigation.unwrap();
    assert_eq!(number(&rl, "review", "upheld").as_deref(), Some("1"));
    assert_eq!(
        rl.cell("review", "corrected").unwrap().value,
        nianbao::CellValue::Text
    );
    assert_eq!(number(&rl, "review", "total").as_deref(), Some("1"));
}

/// Found by the roundtrip fuzz target: text in the last value cell of a table-2 row
/// left no value cell after the last "label", and the row was dropped.
#[test]
fn text_in_the_last_value_cell_keeps_the_row() {
    let report = recognize_grids(vec![regulations_2019(vec!["规章", "—", "-3", "Q"])]);
    let ad = report.active_disclosure.unwrap();
    assert_eq!(
        number(&ad, "regulations", "published").as_deref(),
        Some("-3")
    );
    assert_eq!(
        ad.cell("regulations", "made").unwrap().value,
        nianbao::CellValue::Placeholder
    );
    assert_eq!(
        ad.cell("regulations", "total_published").unwrap().value,
        nianbao::CellValue::Text
    );
}

/// Found by the roundtrip fuzz target: a table-2 row with more text than numbers in
/// its value cells.
#[test]
fn a_matched_table_2_row_takes_its_last_cells_as_values() {
    let report = recognize_grids(vec![regulations_2019(vec!["规章", "75", "i", "i"])]);
    let ad = report.active_disclosure.unwrap();
    assert_eq!(ad.row("regulations").unwrap().label, "规章");
    assert_eq!(number(&ad, "regulations", "made").as_deref(), Some("75"));
}

/// Found by the roundtrip fuzz target: table 4 with rows added below its data row
/// (extra rows of the model, written by the .docx writer) and blank cells in the data
/// row; a shorter row with more filled cells was taken for the data row.
#[test]
fn table_4_keeps_its_full_data_row_over_shorter_rows_below() {
    let report = recognize_grids(vec![vec![
        vec!["行政复议", "行政诉讼"],
        vec!["结果维持", "结果纠正", "其他结果", "尚未审结", "总计"],
        vec!["未经复议直接起诉", "复议后起诉"],
        "— _ -5074 _ _ _ _ _ _ _ _ _ _ _ _"
            .split(' ')
            .map(|c| if c == "_" { "" } else { c })
            .collect(),
        vec!["—", "—", "—", "—", ""],
        vec!["—", "-5155", "0"],
    ]]);
    let rl = report.review_litigation.unwrap();
    assert_eq!(number(&rl, "review", "other").as_deref(), Some("-5074"));
    assert_eq!(
        rl.cell("review", "upheld").unwrap().value,
        nianbao::CellValue::Placeholder
    );
    assert_eq!(number(&rl, "litigation_direct", "corrected"), None);
}

/// Found by the roundtrip fuzz target: in a table-3 row with text in three of its
/// seven value cells, the text was taken for labels and the row's numbers were lost.
/// A row matched by its label takes its last seven cells as values.
#[test]
fn table_3_cells_under_the_applicant_columns_are_values_whatever_they_hold() {
    use nianbao::ir::{Cell, Pos, Row, Table};
    let cell =
        |text: &str, col: u32, span: u32| Cell::new(text, col, Pos::default()).with_spans(span, 1);
    let row = |cells: Vec<Cell>| Row::new(cells, Pos::default());
    let grid = Table::new(Pos::default()).with_rows(vec![
        row(vec![
            cell("（本列数据的勾稽关系为：…）", 0, 3),
            cell("申请人情况", 3, 7),
        ]),
        row(vec![
            cell("自然人", 3, 1),
            cell("法人或其他组织", 4, 5),
            cell("总计", 9, 1),
        ]),
        row([
            "商业企业",
            "科研机构",
            "社会公益组织",
            "法律服务机构",
            "其他",
        ]
        .into_iter()
        .zip(4..)
        .map(|(t, c)| cell(t, c, 1))
        .collect()),
        row(
            std::iter::once(cell("一、本年新收政府信息公开申请数量", 0, 3))
                .chain(
                    ["见附件", "—", "83", "rmati", "无正当理由", "", ""]
                        .into_iter()
                        .zip(3..)
                        .map(|(t, c)| cell(t, c, 1)),
                )
                .collect(),
        ),
        row(
            std::iter::once(cell("二、上年结转政府信息公开申请数量", 0, 3))
                .chain((3..10).map(|c| cell("1", c, 1)))
                .collect(),
        ),
    ]);
    let report = recognize_tables(vec![grid]);
    let apps = report.applications.unwrap();
    assert_eq!(
        number(&apps, "new_received", "research").as_deref(),
        Some("83")
    );
    assert_eq!(
        apps.cell("new_received", "natural_person").unwrap().value,
        nianbao::CellValue::Text
    );
    assert_eq!(
        apps.cell("new_received", "commercial").unwrap().value,
        nianbao::CellValue::Placeholder
    );
    assert_eq!(number(&apps, "carried_over", "total").as_deref(), Some("1"));
}

/// Found by the roundtrip fuzz target: text in a table-3 value cell that looks like
/// another row's label (`转政府信息公开申请数量`) matched that row instead of the row's
/// own label. A row is matched by the labels before its seven values.
#[test]
fn text_in_a_table_3_value_cell_does_not_match_another_row() {
    let report = recognize_grids(vec![vec![
        vec!["申请人情况"],
        vec!["自然人", "法人或其他组织", "总计"],
        vec![
            "商业企业",
            "科研机构",
            "社会公益组织",
            "法律服务机构",
            "其他",
        ],
        vec![
            "一、本年新收政府信息公开申请数量",
            "—",
            "转政府信息公开申请数量",
            "86",
            "vv|1",
            "ww",
            "",
            "",
        ],
        vec![
            "二、上年结转政府信息公开申请数量",
            "1",
            "0",
            "0",
            "0",
            "0",
            "0",
            "1",
        ],
    ]]);
    let apps = report.applications.unwrap();
    assert_eq!(
        number(&apps, "new_received", "research").as_deref(),
        Some("86")
    );
    assert_eq!(number(&apps, "carried_over", "total").as_deref(), Some("1"));
}

/// The crawler fixtures whose prose states figures for a glued run: the diagnostic
/// each gets and the provenance of the run's cells (their values are checked against
/// the expected JSON by `fixtures_equal_their_expected_json`).
#[test]
fn figures_stated_in_the_prose_split_a_glued_run_only_when_they_force_it() {
    for (file, code, provenance) in [
        (
            "stated-2021.crawl.txt",
            "txt.split_by_text",
            "stated_in_text",
        ),
        (
            "stated-vague-2021.crawl.txt",
            "txt.glued_digits",
            "no_evidence",
        ),
        (
            "stated-contradicts-2021.crawl.txt",
            "txt.text_contradicts_digits",
            "no_evidence",
        ),
    ] {
        let path = common::testdata().join("crawl").join(file);
        let json = nianbao::json::to_value(&nianbao::read_path(&path).unwrap());
        let about_the_run: Vec<&str> = json["diagnostics"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|d| {
                d["message"]
                    .as_str()
                    .unwrap()
                    .contains("active_disclosure.normative_documents.issued")
            })
            .map(|d| d["code"].as_str().unwrap())
            .collect();
        assert_eq!(about_the_run, [code], "{file}");
        let rows = json["report"]["layout"]["active_disclosure"]["rows"]
            .as_array()
            .unwrap();
        let row = rows
            .iter()
            .find(|r| r["key"] == "normative_documents")
            .unwrap();
        for column in ["issued", "repealed", "in_force"] {
            assert_eq!(row["provenance"][column], provenance, "{file} {column}");
        }
        // The prose never overrides what the table prints (stated-2021 states
        // 行政许可 1600件 and 规章制发 5件).
        let table = &json["report"]["active_disclosure"];
        assert_eq!(table["licensing"]["decisions"], 1520, "{file}");
        assert_eq!(table["regulations"]["issued"], 0, "{file}");
    }
}
