//! Our fixtures in other encodings: UTF-16 with a byte-order mark, GBK, Big5
//! (Traditional Chinese), and mojibake baked into a UTF-8 file.

mod common;

use common::check_fixture;

#[test]
fn utf16le_tika() {
    let (doc, _) = check_fixture("sample-2021.tika.utf16le.txt");
    assert_eq!(doc.properties["encoding"], "UTF-16LE");
}

#[test]
fn utf16be_cells() {
    let (doc, _) = check_fixture("sample-2021.cells.utf16be.txt");
    assert_eq!(doc.properties["encoding"], "UTF-16BE");
}

#[test]
fn gbk_layout() {
    let (doc, _) = check_fixture("sample-2021.layout.gbk.txt");
    assert_eq!(doc.properties["encoding"], "GB18030");
    assert!(
        doc.diagnostics
            .iter()
            .any(|d| d.code == "txt.encoding_guessed")
    );
}

#[test]
fn big5_traditional_chinese_passes_through() {
    let name = "sample-2021.pipe.big5-traditional.txt";
    let doc = nianbao_txt::read(&common::fixture(name), &nianbao_core::Limits::default()).unwrap();
    assert_eq!(doc.properties["encoding"], "Big5");
    assert_eq!(doc.properties["layout"], "pipe");
    let t3 = common::tables(&doc)[1];
    assert_eq!(
        common::texts(t3).last().unwrap()[0],
        "四、結轉下年度繼續辦理"
    );
    let r = nianbao_core::recognize(&doc);
    let diffs = common::compare(
        &r.report,
        &common::fixture_expected(name),
        &[nianbao_core::TableKind::ActiveDisclosure],
    );
    assert!(diffs.is_empty(), "{diffs:#?}");
}

/// Traditional labels reach the recognizer as they are; `label_key` folds them.
#[test]
fn big5_traditional_chinese_recognized() {
    let (doc, _) = check_fixture("sample-2021.pipe.big5-traditional.txt");
    assert_eq!(doc.properties["encoding"], "Big5");
}

#[test]
fn mojibake_repaired_and_the_broken_line_reported() {
    let (doc, _) = check_fixture("sample-2021.pipe.mojibake.txt");
    assert_eq!(doc.properties["mojibake_repaired"], "true");
    assert_eq!(doc.properties["encoding"], "UTF-8");
    let warnings: Vec<_> = doc
        .diagnostics
        .iter()
        .filter(|d| d.code == "txt.mojibake" && d.severity == nianbao_core::Severity::Warning)
        .collect();
    assert_eq!(warnings.len(), 1, "{:#?}", doc.diagnostics);
}
