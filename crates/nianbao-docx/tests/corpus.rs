//! The real corpus read through this reader and recognized: the blank template, the
//! 淮安 2024 report against its ground truth, and the 200 files of the bench corpus.

mod common;

use nianbao_core::rules::Status;
use nianbao_core::{Limits, SectionKey, TableFormat, TableKind, analyze, codes};
use pretty_assertions::assert_eq;

fn analysis_of(name: &str) -> nianbao_core::Analysis {
    let bytes = std::fs::read(common::corpus().join(name)).unwrap();
    let doc = nianbao_docx::read(&bytes, &Limits::default()).unwrap();
    analyze(&doc)
}

#[test]
fn blank_template_every_table_and_row_recognized_every_value_blank() {
    let analysis = analysis_of("template-2021-blank.docx");
    let report = &analysis.report;
    for kind in TableKind::ALL {
        let table = report
            .table(kind)
            .unwrap_or_else(|| panic!("{} not recognized", kind.key()));
        let format = if kind == TableKind::ReviewLitigation {
            None
        } else {
            Some(TableFormat::Format2021)
        };
        assert_eq!(table.format, format, "{}", kind.key());
        let expected: Vec<&str> = kind.rows(format).iter().map(|r| r.key).collect();
        let found: Vec<&str> = table
            .rows
            .iter()
            .map(|r| r.key.as_deref().unwrap_or("<extra>"))
            .collect();
        assert_eq!(found, expected, "{}", kind.key());
        for row in &table.rows {
            let spec = kind.row(format, row.key.as_deref().unwrap()).unwrap();
            assert_eq!(row.cells.len(), spec.columns.len(), "{}", row.label);
            for (column, cell) in &row.cells {
                assert!(cell.is_blank(), "{}.{column} is {cell:?}", row.label);
            }
        }
    }
    let unknown_rows: Vec<_> = analysis
        .diagnostics
        .iter()
        .filter(|d| {
            [
                codes::ROW_EXTRA,
                codes::ROW_MISSING,
                codes::ROW_DUPLICATE,
                codes::LABEL_FUZZY,
                codes::TABLE_UNRECOGNIZED,
            ]
            .contains(&d.code.as_str())
        })
        .collect();
    assert!(unknown_rows.is_empty(), "{unknown_rows:?}");
    assert!(
        analysis
            .findings
            .iter()
            .all(|f| f.status == Status::NotAssessable)
    );
    assert_eq!(
        report
            .source
            .properties
            .get("application")
            .map(|a| a.starts_with("WPS Office")),
        Some(true)
    );
}

#[test]
fn huaian_2024_equals_its_expected_json() {
    let analysis = analysis_of("huaian-2024.docx");
    let expected: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string(common::corpus().join("huaian-2024.docx.expected.json")).unwrap(),
    )
    .unwrap();
    let actual = nianbao_json::to_value(&analysis);
    let mut diffs = Vec::new();
    for table in ["active_disclosure", "applications", "review_litigation"] {
        for d in nianbao_json::golden::differences(&expected[table], &actual["report"][table]) {
            diffs.push(format!("{table}.{d}"));
        }
    }
    for key in ["agency", "year"] {
        if expected["meta"][key] != actual["report"]["meta"][key] {
            diffs.push(format!(
                "meta.{key}: expected {}, found {}",
                expected["meta"][key], actual["report"]["meta"][key]
            ));
        }
    }
    for d in nianbao_json::golden::differences(
        &expected["meta"]["template"],
        &actual["report"]["meta"]["template"],
    ) {
        diffs.push(format!("meta.template.{d}"));
    }
    assert!(diffs.is_empty(), "{}", diffs.join("\n"));
    let failed = nianbao_core::rules::failed_rules(&analysis.findings);
    let expected_failed: Vec<&str> = expected["violated_rules"]
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v.as_str().unwrap())
        .collect();
    assert_eq!(failed.into_iter().collect::<Vec<_>>(), expected_failed);

    let report = &analysis.report;
    let keys: Vec<SectionKey> = report.sections.iter().map(|s| s.key).collect();
    assert_eq!(keys, SectionKey::ALL);
    let paragraphs = |k| report.section(k).unwrap().paragraphs.len();
    assert_eq!(paragraphs(SectionKey::Overview), 6);
    assert_eq!(paragraphs(SectionKey::Problems), 2);
    assert_eq!(paragraphs(SectionKey::OtherMatters), 1);
    assert!(
        report.section(SectionKey::Overview).unwrap().paragraphs[1]
            .starts_with("（一）主动公开情况。")
    );
}

#[test]
fn bench_corpus_all_read_recognized_and_consistent() {
    let dir = common::corpus().join("bench");
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "docx"))
        .collect();
    files.sort();
    assert_eq!(files.len(), 200);
    let mut problems = Vec::new();
    for path in &files {
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        let doc = match nianbao_docx::read(&std::fs::read(path).unwrap(), &Limits::default()) {
            Ok(doc) => doc,
            Err(e) => {
                problems.push(format!("{name}: {e}"));
                continue;
            }
        };
        let analysis = analyze(&doc);
        let report = &analysis.report;
        for kind in TableKind::ALL {
            match report.table(kind) {
                None => problems.push(format!("{name}: {} not recognized", kind.key())),
                Some(t) => {
                    for row in &t.rows {
                        if row.key.is_none() {
                            problems.push(format!("{name}: extra row {}", row.label));
                        }
                        for (column, cell) in &row.cells {
                            if cell.as_number().is_none() {
                                problems
                                    .push(format!("{name}: {} {column} is {cell:?}", row.label));
                            }
                        }
                    }
                }
            }
        }
        if report.meta.year.is_none() || report.meta.agency.is_none() {
            problems.push(format!("{name}: meta {:?}", report.meta));
        }
        for f in &analysis.findings {
            if f.status != Status::Passed {
                problems.push(format!(
                    "{name}: {} {} is {:?}",
                    f.rule, f.instance, f.status
                ));
            }
        }
        let rules: std::collections::BTreeSet<&str> =
            analysis.findings.iter().map(|f| f.rule.as_str()).collect();
        for rule in [
            "applications.balance",
            "applications.results_sum",
            "applications.column_total",
            "review_litigation.group_total",
        ] {
            if !rules.contains(rule) {
                problems.push(format!("{name}: rule {rule} not checked"));
            }
        }
    }
    assert!(
        problems.is_empty(),
        "{} problems:\n{}",
        problems.len(),
        problems
            .iter()
            .take(40)
            .cloned()
            .collect::<Vec<_>>()
            .join("\n")
    );
}

#[test]
fn every_position_in_the_huaian_docx_points_at_its_element() {
    use std::io::Read;
    let bytes = std::fs::read(common::corpus().join("huaian-2024.docx")).unwrap();
    let mut xml = Vec::new();
    zip::ZipArchive::new(std::io::Cursor::new(&bytes[..]))
        .unwrap()
        .by_name("word/document.xml")
        .unwrap()
        .read_to_end(&mut xml)
        .unwrap();
    let doc = nianbao_docx::read(&bytes, &Limits::default()).unwrap();
    let at = |pos: &nianbao_core::Pos, tag: &[u8]| {
        assert_eq!(pos.part.as_deref(), Some("word/document.xml"));
        let offset = pos.offset.unwrap() as usize;
        assert!(
            xml[offset..].starts_with(tag),
            "{pos}: {:?}",
            String::from_utf8_lossy(&xml[offset..offset + 12])
        );
    };
    let mut cells = 0;
    for block in &doc.blocks {
        match block {
            nianbao_core::ir::Block::Paragraph(p) => at(&p.pos, b"<w:p "),
            nianbao_core::ir::Block::Table(t) => {
                at(&t.pos, b"<w:tbl>");
                for row in &t.rows {
                    at(&row.pos, b"<w:tr");
                    for cell in &row.cells {
                        at(&cell.pos, b"<w:tc>");
                        cells += 1;
                    }
                }
            }
        }
    }
    assert_eq!(cells, 279);
}
