//! Helpers shared by the integration tests.
#![allow(dead_code)]

use nianbao_core::ir::{Block, Document, Table};

/// The shared corpus beside the checkout.
pub const CORPUS: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../../../shared/corpus");

/// Our own fixtures.
pub const TESTDATA: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../../testdata/txt");

/// Reads a corpus file, or `None` (with a message) when the corpus is not there.
pub fn corpus(name: &str) -> Option<Vec<u8>> {
    let path = format!("{CORPUS}/{name}");
    match std::fs::read(&path) {
        Ok(b) => Some(b),
        Err(e) => {
            eprintln!("skipping: {path}: {e}");
            None
        }
    }
}

/// Reads one of our fixtures.
pub fn fixture(name: &str) -> Vec<u8> {
    let path = format!("{TESTDATA}/{name}");
    std::fs::read(&path).unwrap_or_else(|e| panic!("{path}: {e}"))
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

/// A table's cell texts, row by row.
pub fn texts(t: &Table) -> Vec<Vec<String>> {
    t.rows
        .iter()
        .map(|r| r.cells.iter().map(|c| c.text.clone()).collect())
        .collect()
}
