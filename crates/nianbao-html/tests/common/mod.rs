//! Helpers shared by the integration tests.
#![allow(dead_code)]

use nianbao_core::ir::{Block, Document, Table};

/// The folder of our HTML fixtures.
pub const TESTDATA: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../../testdata/html");

/// Reads a fixture with default limits.
pub fn read_fixture(name: &str, url: Option<&str>) -> Document {
    let bytes = std::fs::read(format!("{TESTDATA}/{name}")).unwrap();
    nianbao_html::read(&bytes, url, &Default::default()).unwrap()
}

/// The tables of a document.
pub fn tables(doc: &Document) -> Vec<&Table> {
    doc.blocks
        .iter()
        .filter_map(|b| match b {
            Block::Table(t) => Some(t),
            Block::Paragraph(_) => None,
        })
        .collect()
}

/// The paragraph texts of a document.
pub fn paragraphs(doc: &Document) -> Vec<&str> {
    doc.blocks
        .iter()
        .filter_map(|b| match b {
            Block::Paragraph(p) => Some(p.text.as_str()),
            Block::Table(_) => None,
        })
        .collect()
}

/// The tables as the generator's expected files write them: one line per cell with
/// its grid column, spans and text (`\n` written as `\\n`).
pub fn dump(tables: &[&Table]) -> String {
    let mut out = String::new();
    for (t, table) in tables.iter().enumerate() {
        out.push_str(&format!("table {t}\n"));
        for (r, row) in table.rows.iter().enumerate() {
            out.push_str(&format!("row {r}\n"));
            for c in &row.cells {
                out.push_str(&format!(
                    "  c{} cs{} rs{} {}\n",
                    c.col,
                    c.col_span,
                    c.row_span,
                    c.text.replace('\n', "\\n")
                ));
            }
        }
    }
    out
}

/// The expected table dump of a fixture.
pub fn expected_tables(name: &str) -> String {
    std::fs::read_to_string(format!("{TESTDATA}/expected/{name}.tables.txt")).unwrap()
}
