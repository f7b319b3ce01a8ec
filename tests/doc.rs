//! The .doc reader through the facade: LibreOffice's .doc of the real corpus against
//! the .docx ground truth, and each .doc fixture against the .docx it was made from.
#![cfg(all(feature = "doc", feature = "docx", feature = "json"))]
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]

mod common;

use std::io::Write;
use std::path::Path;

use nianbao::ir::{Block, Document, Table};
use nianbao::{Format, Limits, Options, TableFormat, TableKind};
use pretty_assertions::assert_eq;

fn lo(name: &str) -> std::path::PathBuf {
    common::testdata().join("doc/libreoffice").join(name)
}

#[test]
fn huaian_2024_doc_equals_the_docx_expected_json() {
    let analysis = nianbao::read_path(lo("huaian-2024.doc")).unwrap();
    assert_eq!(analysis.report.source.format.as_deref(), Some("doc"));
    let expected: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string(common::corpus().join("huaian-2024.docx.expected.json")).unwrap(),
    )
    .unwrap();
    // The dates of SummaryInformation, as the .docx's core properties give them.
    let props = &analysis.report.source.properties;
    assert_eq!(
        props.get("created").map(String::as_str),
        Some("2025-12-03T06:30:00Z")
    );
    assert_eq!(
        props.get("modified").map(String::as_str),
        Some("2025-12-08T22:17:24Z")
    );
    let actual = nianbao::json::to_value(&analysis);
    let diffs = common::check_against_expected(&actual, &expected);
    assert!(diffs.is_empty(), "{diffs:#?}");
}

#[test]
fn blank_template_doc_gives_every_table_and_row_blank() {
    let bytes = std::fs::read(lo("template-2021-blank.doc")).unwrap();
    let (format, doc) = nianbao::read_document(&bytes, None, &Options::default()).unwrap();
    assert_eq!(format, Format::Doc);
    let analysis = nianbao::analyze(&doc);
    let report = &analysis.report;
    for kind in TableKind::ALL {
        let table = report
            .table(kind)
            .unwrap_or_else(|| panic!("{} not recognized", kind.key()));
        let format = (kind != TableKind::ReviewLitigation).then_some(TableFormat::Format2021);
        assert_eq!(table.format, format, "{}", kind.key());
        let expected: Vec<&str> = kind.rows(format).iter().map(|r| r.key).collect();
        let found: Vec<&str> = table
            .rows
            .iter()
            .map(|r| r.key.as_deref().unwrap_or("<extra>"))
            .collect();
        assert_eq!(found, expected, "{}", kind.key());
        for row in &table.rows {
            for (column, cell) in &row.cells {
                assert!(cell.is_blank(), "{}.{column} is {cell:?}", row.label);
            }
        }
    }
}

/// A table without positions, as nested tuples: (text, col, col_span, row_span, nested),
/// cell texts exactly as read.
type Shape = Vec<Vec<(String, u32, u32, u32, Vec<String>)>>;

fn shape(t: &Table) -> Shape {
    t.rows
        .iter()
        .map(|r| {
            r.cells
                .iter()
                .map(|c| {
                    let nested = c.nested.iter().map(|n| format!("{:?}", shape(n))).collect();
                    (c.text.clone(), c.col, c.col_span, c.row_span, nested)
                })
                .collect()
        })
        .collect()
}

/// The blocks of a document as comparable strings (paragraphs trimmed, empty ones left
/// out: the two formats keep different empty paragraphs).
fn blocks(doc: &Document) -> Vec<String> {
    doc.blocks
        .iter()
        .filter_map(|b| match b {
            Block::Paragraph(p) if p.text.trim().is_empty() => None,
            Block::Paragraph(p) => Some(format!("P {}", p.text.trim_end())),
            Block::Table(t) => Some(format!("T {:?}", shape(t))),
        })
        .collect()
}

/// The .docx of a fixture folder of `testdata/docx/`, zipped as the docx tests do.
fn docx_fixture(name: &str) -> Vec<u8> {
    let root = common::testdata().join("docx").join(name);
    let mut parts: Vec<(String, Vec<u8>)> = Vec::new();
    let mut stack = vec![root.clone()];
    while let Some(dir) = stack.pop() {
        for entry in std::fs::read_dir(&dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                stack.push(path);
            } else {
                let rel = path
                    .strip_prefix(&root)
                    .unwrap()
                    .to_string_lossy()
                    .replace('\\', "/");
                parts.push((rel, std::fs::read(&path).unwrap()));
            }
        }
    }
    let mut rels = String::from(
        r#"<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">"#,
    );
    for (id, part, kind) in [
        ("rId1", "styles.xml", "styles"),
        ("rId2", "numbering.xml", "numbering"),
    ] {
        if parts.iter().any(|p| p.0 == format!("word/{part}")) {
            rels.push_str(&format!(r#"<Relationship Id="{id}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/{kind}" Target="{part}"/>"#));
        }
    }
    rels.push_str("</Relationships>");
    parts.push(("word/_rels/document.xml.rels".to_owned(), rels.into_bytes()));
    let mut writer = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    for (name, data) in parts {
        writer
            .start_file(name, zip::write::SimpleFileOptions::default())
            .unwrap();
        writer.write_all(&data).unwrap();
    }
    writer.finish().unwrap().into_inner()
}

fn read(bytes: &[u8], format: Format) -> Document {
    let options = Options::default().with_format(format);
    nianbao::read_document(bytes, None, &options).unwrap().1
}

/// The LibreOffice .doc of the table fixtures (merges three levels deep, a nested
/// table, the merged layout of table 4) read as the .docx they were made from reads.
#[test]
fn libreoffice_docs_read_as_their_docx_sources() {
    let mut failures = Vec::new();
    for name in ["vmerge-deep", "nested-table"] {
        let docx = read(&docx_fixture(name), Format::Docx);
        let doc = read(
            &std::fs::read(lo(&format!("{name}.doc"))).unwrap(),
            Format::Doc,
        );
        if blocks(&docx) != blocks(&doc) {
            failures.push(format!(
                "{name}:\n docx {:#?}\n doc  {:#?}",
                blocks(&docx),
                blocks(&doc)
            ));
        }
    }
    let merged =
        std::fs::read(common::testdata().join("docx/libreoffice/merged-table.docx")).unwrap();
    let docx = read(&merged, Format::Docx);
    let doc = read(&std::fs::read(lo("merged-table.doc")).unwrap(), Format::Doc);
    if blocks(&docx) != blocks(&doc) {
        failures.push(format!(
            "merged-table:\n docx {:#?}\n doc  {:#?}",
            blocks(&docx),
            blocks(&doc)
        ));
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn ole_bytes_without_a_name_go_to_the_doc_reader() {
    let bytes = std::fs::read(lo("numbering.doc")).unwrap();
    assert_eq!(Format::sniff(&bytes), Format::Doc);
    assert_eq!(Format::from_path(Path::new("a/b.wps")), Some(Format::Doc));
    let (format, doc) = nianbao::read_document(&bytes, None, &Options::default()).unwrap();
    assert_eq!(format, Format::Doc);
    assert!(doc.paragraphs().any(|p| p.text == "一、总体情况"));
    let _ = Limits::default();
}

fn doc_blocks(name: &str) -> Vec<String> {
    blocks(&read(&std::fs::read(lo(name)).unwrap(), Format::Doc))
}

/// Where LibreOffice's .doc says something else than its .docx source, the .doc is read
/// as LibreOffice itself shows it (`soffice --convert-to txt` of the .doc): the list
/// that shared a definition with a `startOverride` became a list of its own (三、, not
/// 六、), `w:gridBefore`/`w:gridAfter` became empty and widened cells, fields were
/// updated (the page number, a date). Checked by hand against that text.
#[test]
fn libreoffice_docs_read_as_libreoffice_shows_them() {
    assert_eq!(
        doc_blocks("numbering.doc"),
        [
            "一、总体情况",
            "（一）主动公开情况",
            "①公开文件",
            "②公开数据",
            "（二）依申请公开情况",
            "二、主动公开政府信息情况",
            "（一）规章",
            "１．全角编号",
            "２．第二项",
            "甲、天干编号",
            "A. Letter",
            "项目符号",
            "五、存在的主要问题及改进情况",
            "三、其他需要报告的事项",
            "附件（不编号）",
            "1、十进制",
        ]
        .map(|t| format!("P {t}"))
    );
    // Field codes never show; the results do.
    let field = doc_blocks("field.doc");
    assert_eq!(field.len(), 4, "{field:?}");
    assert_eq!(field[0], "P 第1页");
    assert_eq!(field[1], "P 单位：示例县人民政府");
    assert_eq!(field[3], "P 勾选完");
    assert!(
        field
            .iter()
            .all(|b| !b.contains("PAGE") && !b.contains("MERGEFIELD")),
        "{field:?}"
    );
    assert_eq!(
        doc_blocks("hidden-revisions.doc"),
        ["P 一、总体情况", "P 本年度共收到申请12件。"]
    );
    let grid = doc_blocks("grid-before.doc");
    let s = |t: &str, c, cs| (t.to_owned(), c, cs, 1, Vec::<String>::new());
    let expected: Shape = vec![
        vec![s("A", 0, 1), s("B", 1, 1), s("C", 2, 1), s("D", 3, 1)],
        vec![s("", 0, 1), s("", 1, 1), s("c2", 2, 1), s("c3", 3, 1)],
        vec![s("", 0, 1), s("c1-2", 1, 2), s("", 3, 1)],
        vec![s("short", 0, 4)],
    ];
    assert_eq!(grid, vec![format!("T {expected:?}")]);
}
