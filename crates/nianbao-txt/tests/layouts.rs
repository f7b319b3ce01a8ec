//! Our own fixtures (testdata/txt, written by make_fixtures.py): one synthetic report
//! laid out as each kind of text dump, recognized and compared cell for cell.

mod common;

use common::check_fixture;

#[test]
fn tika_with_bom_crlf_blanks_and_bookmark() {
    let (doc, _) = check_fixture("sample-2021.tika.txt");
    assert_eq!(doc.properties["layout"], "tika");
    assert_eq!(doc.properties["encoding"], "UTF-8");
}

#[test]
fn pdftotext_layout_with_wraps_footers_and_blank_cells() {
    let (doc, _) = check_fixture("sample-2021.layout.txt");
    assert_eq!(doc.properties["layout"], "pdftotext-layout");
}

#[test]
fn one_cell_per_line_with_placeholders_and_zero_width() {
    let (doc, _) = check_fixture("sample-2021.cells.txt");
    assert_eq!(doc.properties["layout"], "cell-per-line");
}

#[test]
fn pipe_rows_with_empty_spans_and_mixed_line_ends() {
    let (doc, _) = check_fixture("sample-2021.pipe.txt");
    assert_eq!(doc.properties["layout"], "pipe");
}

#[test]
fn markdown_fragments_with_detached_labels() {
    let (doc, r) = check_fixture("sample-2021.markdown.txt");
    assert_eq!(doc.properties["layout"], "markdown");
    assert!(r.report.meta.title.is_some());
}
