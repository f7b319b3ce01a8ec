//! The hand-built fixtures of `testdata/doc/word-style/` (made by
//! `testdata/doc/make_word_style.py`): what Word writes and LibreOffice does not.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]

use std::path::Path;

use nianbao_core::Limits;
use nianbao_core::ir::{Block, Document};
use pretty_assertions::assert_eq;

fn read(name: &str) -> Document {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../testdata/doc/word-style")
        .join(name);
    nianbao_doc::read(&std::fs::read(path).unwrap(), &Limits::default()).unwrap()
}

/// Five pieces, 8-bit and UTF-16, lying in the stream in another order than the text
/// (the last edit appended at the end): read in character order, Windows-1252's
/// 0x80–0x9F mapped (“ ” € —), a paragraph running over three pieces.
#[test]
fn fast_saved_pieces_in_mixed_encodings() {
    let doc = read("fast-saved.doc");
    let texts: Vec<&str> = doc.paragraphs().map(|p| p.text.as_str()).collect();
    assert_eq!(
        texts,
        [
            "Annual report of the Example County",
            "一、总体情况",
            "Café “quoted” €5 — （一）主动公开：本年度新制发规范性文件12件。",
        ]
    );
    // Positions are byte offsets of the WordDocument stream, where each piece lies.
    let offsets: Vec<u64> = doc.paragraphs().map(|p| p.pos.offset.unwrap()).collect();
    assert_eq!(offsets, [1200, 3200, 1100]);
}

/// Row ends whose properties are one PAPX shared in the page; a cell merged over two
/// rows; two cells merged across.
#[test]
fn rows_sharing_one_table_definition() {
    let doc = read("shared-row-def.doc");
    let tables: Vec<_> = doc.tables().collect();
    assert_eq!(tables.len(), 1);
    let grid: Vec<Vec<(&str, u32, u32, u32)>> = tables[0]
        .rows
        .iter()
        .map(|r| {
            r.cells
                .iter()
                .map(|c| (c.text.as_str(), c.col, c.col_span, c.row_span))
                .collect()
        })
        .collect();
    assert_eq!(
        grid,
        vec![
            vec![("项目", 0, 1, 2), ("本年", 1, 1, 1), ("上年", 2, 1, 1)],
            vec![("合计", 1, 2, 1)],
            vec![("收到申请", 0, 1, 1), ("12", 1, 1, 1), ("10", 2, 1, 1)],
        ]
    );
    assert!(tables[0].spans_known);
    let paragraphs: Vec<&str> = doc
        .blocks
        .iter()
        .filter_map(|b| match b {
            Block::Paragraph(p) => Some(p.text.as_str()),
            Block::Table(_) => None,
        })
        .collect();
    assert_eq!(paragraphs, ["表", "完"]);
}

/// Hidden text and a tracked deletion do not show; a tracked insertion does.
#[test]
fn hidden_and_deleted_text_does_not_show() {
    let doc = read("revisions.doc");
    let texts: Vec<&str> = doc.paragraphs().map(|p| p.text.as_str()).collect();
    assert_eq!(texts, ["一、总体情况", "本年度共收到申请12件。"]);
}

/// Limits: a nesting depth of 0 refuses the table; few cells refuse it too.
#[test]
fn limits_are_checked_as_cells_arrive() {
    let bytes = std::fs::read(
        Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("../../testdata/doc/word-style/shared-row-def.doc"),
    )
    .unwrap();
    let limits = Limits {
        max_table_cells: 5,
        ..Limits::default()
    };
    let err = nianbao_doc::read(&bytes, &limits).unwrap_err();
    assert!(err.to_string().contains("max_table_cells"), "{err}");
    let limits = Limits {
        max_depth: 0,
        ..Limits::default()
    };
    let err = nianbao_doc::read(&bytes, &limits).unwrap_err();
    assert!(err.to_string().contains("max_depth"), "{err}");
    let limits = Limits {
        max_part_bytes: 1000,
        ..Limits::default()
    };
    let err = nianbao_doc::read(&bytes, &limits).unwrap_err();
    assert!(err.to_string().contains("max_part_bytes"), "{err}");
}
