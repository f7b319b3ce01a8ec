//! Table grids: merges, grid offsets, nested tables, header rows.

mod common;

use common::{layout, read_fixture, tables};
use pretty_assertions::assert_eq;

fn rows(rows: &[&[&str]]) -> Vec<Vec<String>> {
    rows.iter()
        .map(|r| r.iter().map(|s| (*s).to_owned()).collect())
        .collect()
}

#[test]
fn vmerge_three_levels_deep() {
    let doc = read_fixture("vmerge-deep");
    let t = tables(&doc);
    assert_eq!(t.len(), 1);
    assert!(t[0].spans_known);
    assert_eq!(
        layout(t[0]),
        rows(&[
            &[
                "三、本年度办理结果@0+1x4",
                "（一）予以公开@1+2x1",
                "1@3+1x1"
            ],
            &["（三）不予公开@1+1x3", "1.属于国家秘密@2+1x2", "2@3+1x1"],
            &["3@3+1x1"],
            &["2.其他@2+1x1", "4@3+1x1"],
            // A bare continuation with nothing above to continue is a cell of its own.
            &["四、结转下年度继续办理@0+3x1", "5@3+1x1"],
        ])
    );
}

#[test]
fn grid_before_after_and_short_rows() {
    let doc = read_fixture("grid-before");
    assert_eq!(
        layout(tables(&doc)[0]),
        rows(&[
            &["A@0+1x1", "B@1+1x1", "C@2+1x1", "D@3+1x1"],
            &["c2@2+1x1", "c3@3+1x1"],
            &["c1-2@1+2x1"],
            &["short@0+1x1"],
        ])
    );
}

#[test]
fn nested_tables_stay_in_their_cell() {
    let doc = read_fixture("nested-table");
    let outer = tables(&doc)[0];
    assert_eq!(
        layout(outer),
        rows(&[
            &["外层标签@0+1x1", "说明@1+1x1"],
            &["下一行@0+1x1", "9@1+1x1"]
        ])
    );
    let cell = &outer.rows[0].cells[1];
    assert_eq!(cell.nested.len(), 1);
    assert_eq!(
        layout(&cell.nested[0]),
        rows(&[&["内1@0+1x1", "内2@1+1x1"]])
    );
    assert!(outer.rows[1].cells.iter().all(|c| c.nested.is_empty()));
}

#[test]
fn header_rows_are_read_once_and_marked() {
    let doc = read_fixture("header-rows");
    let t = tables(&doc)[0];
    assert_eq!(t.rows.len(), 4);
    let headers: Vec<bool> = t.rows.iter().map(|r| r.is_header).collect();
    assert_eq!(headers, [true, true, false, false]);
}

#[test]
fn positions_name_the_part_and_offset() {
    let doc = read_fixture("vmerge-deep");
    let t = tables(&doc)[0];
    assert_eq!(t.pos.part.as_deref(), Some("word/document.xml"));
    let table_at = t.pos.offset.unwrap();
    let cell_at = t.rows[0].cells[0].pos.offset.unwrap();
    assert!(cell_at > table_at);
    let xml = std::fs::read(common::testdata().join("vmerge-deep/word/document.xml")).unwrap();
    assert!(xml[table_at as usize..].starts_with(b"<w:tbl>"));
    assert!(xml[cell_at as usize..].starts_with(b"<w:tc>"));
}

#[test]
fn a_libreoffice_docx_from_an_html_table_with_rowspan_and_colspan() {
    let path = common::testdata().join("libreoffice/merged-table.docx");
    let doc = nianbao_docx::read(
        &std::fs::read(path).unwrap(),
        &nianbao_core::Limits::default(),
    )
    .unwrap();
    let t = tables(&doc);
    assert_eq!(t.len(), 2);
    let grid = layout(t[0]);
    assert_eq!(grid[0], ["行政复议@0+5x1", "行政诉讼@5+10x1"]);
    assert_eq!(
        grid[1],
        [
            "结果维持@0+1x2",
            "结果纠正@1+1x2",
            "其他结果@2+1x2",
            "尚未审结@3+1x2",
            "总计@4+1x2",
            "未经复议直接起诉@5+5x1",
            "复议后起诉@10+5x1"
        ]
    );
    assert_eq!(grid[2].len(), 10);
    assert_eq!(grid[2][0], "结果维持@5+1x1");
    let values: Vec<&str> = t[0].rows[3].cells.iter().map(|c| c.text.as_str()).collect();
    assert_eq!(
        values,
        [
            "3", "1", "0", "0", "4", "2", "0", "1", "0", "3", "1", "0", "0", "1", "2"
        ]
    );
    assert_eq!(
        layout(t[1]),
        rows(&[
            &[
                "三、本年度办理结果@0+1x3",
                "（一）予以公开@1+2x1",
                "5@3+1x1"
            ],
            &["（三）不予公开@1+1x2", "1.属于国家秘密@2+1x1", "0@3+1x1"],
            &["2.其他法律行政法规禁止公开@2+1x1", "1@3+1x1"],
        ])
    );
    assert_eq!(
        doc.properties.get("title").map(String::as_str),
        Some("示例县2022年政府信息公开工作年度报告")
    );

    // Recognized: table 4 with its three groups, every group total consistent.
    let analysis = nianbao_core::analyze(&doc);
    let review = analysis
        .report
        .table(nianbao_core::TableKind::ReviewLitigation)
        .unwrap();
    assert_eq!(
        review
            .number("litigation_direct", "other")
            .map(|n| n.to_string()),
        Some("1".into())
    );
    assert_eq!(
        review
            .number("litigation_after_review", "total")
            .map(|n| n.to_string()),
        Some("2".into())
    );
    let group_totals: Vec<_> = analysis
        .findings
        .iter()
        .filter(|f| f.rule == "review_litigation.group_total")
        .collect();
    assert_eq!(group_totals.len(), 3);
    assert!(
        group_totals
            .iter()
            .all(|f| f.status == nianbao_core::rules::Status::Passed)
    );
}
