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

/// At the IR level: split header words joined, wrapped labels joined, the footer and
/// the header repeated after the page break gone, blank cells kept in their columns.
#[test]
fn pdftotext_layout_rows_at_ir_level() {
    let doc = nianbao_txt::read(
        &common::fixture("sample-2021.layout.txt"),
        &nianbao_core::Limits::default(),
    )
    .unwrap();
    let t3 = common::texts(common::tables(&doc)[1]);
    assert!(t3.contains(&vec![
        "商业企业".to_owned(),
        "科研机构".into(),
        "社会公益组织".into(),
        "法律服务机构".into()
    ]));
    assert_eq!(
        t3.iter()
            .filter(|r| r.first().is_some_and(|c| c == "申请人情况"))
            .count(),
        1
    );
    assert!(!t3.iter().flatten().any(|c| c.contains("- 4 -")));
    let row = |label: &str| {
        t3.iter()
            .find(|r| r.first().is_some_and(|c| c == label))
            .cloned()
    };
    assert_eq!(
        row("（二）部分公开（区分处理的，只计这一情形，不计其他情形）")
            .unwrap()
            .len(),
        8
    );
    assert_eq!(
        row("3.要求提供公开出版物").unwrap(),
        ["3.要求提供公开出版物", "", "", "", "", "", "", "0"]
    );
    assert!(
        row("2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请").is_some()
    );
}
