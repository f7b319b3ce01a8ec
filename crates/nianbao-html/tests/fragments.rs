//! Fragments (no `<html>`, no `<body>`): what a CMS editor field or a copied table holds.

use nianbao_core::Limits;
use nianbao_core::ir::Block;
use pretty_assertions::assert_eq;

fn read(html: &str) -> nianbao_core::ir::Document {
    nianbao_html::read(html.as_bytes(), None, &Limits::default()).unwrap()
}

#[test]
fn bare_table_with_lines_in_cells() {
    let doc = read(
        "<table><tr><td rowspan=2><p>三、本年度</p><p>办理结果</p></td><td>（一）予以<br/>公开</td><td> 5 </td></tr>\
         <tr><td>（二）部分公开</td><td>&nbsp;</td></tr></table>",
    );
    let [Block::Table(t)] = doc.blocks.as_slice() else {
        panic!("one table: {:?}", doc.blocks)
    };
    let cells: Vec<Vec<(u32, u32, u32, &str)>> = t
        .rows
        .iter()
        .map(|r| {
            r.cells
                .iter()
                .map(|c| (c.col, c.col_span, c.row_span, c.text.as_str()))
                .collect()
        })
        .collect();
    assert_eq!(
        cells,
        vec![
            vec![
                (0, 1, 2, "三、本年度\n办理结果"),
                (1, 1, 1, "（一）予以\n公开"),
                (2, 1, 1, "5")
            ],
            // A blank cell (only NBSP) is empty text, at its true grid column.
            vec![(1, 1, 1, "（二）部分公开"), (2, 1, 1, "")],
        ]
    );
    assert_eq!(t.rows[0].cells[0].pos.line, Some(1));
}

#[test]
fn text_and_line_breaks() {
    let doc = read("一、总体情况<br>本年度……<br><br>二、主动公开政府信息情况");
    let texts: Vec<&str> = doc
        .blocks
        .iter()
        .filter_map(|b| match b {
            Block::Paragraph(p) => Some(p.text.as_str()),
            Block::Table(_) => None,
        })
        .collect();
    assert_eq!(
        texts,
        vec!["一、总体情况", "本年度……", "二、主动公开政府信息情况"]
    );
    assert!(nianbao_html::has_report_markers(&doc));
}

#[test]
fn url_is_kept_and_title_missing_is_fine() {
    let doc = nianbao_html::read(
        b"<p>x</p>",
        Some("http://example.invalid/p?id=1"),
        &Limits::default(),
    )
    .unwrap();
    assert_eq!(doc.properties["url"], "http://example.invalid/p?id=1");
    assert!(!doc.properties.contains_key("title"));
    assert_eq!(doc.properties["encoding"], "UTF-8");
    assert_eq!(doc.properties["encoding_source"], "detected");
}

#[test]
fn a_second_copy_of_the_report_is_left_out() {
    let report = "<p>一、总体情况</p><p>正文</p><p>二、主动公开政府信息情况</p>\
        <table><tr><td>结果维持</td><td>未经复议直接起诉</td></tr><tr><td>1</td><td>2</td></tr></table>";
    let page = format!(
        "<div class=nav><a href=/>首页</a></div><div class=pc>{report}</div><div class=mobile>{report}</div>"
    );
    let doc = read(&page);
    let texts: Vec<&str> = doc
        .blocks
        .iter()
        .filter_map(|b| match b {
            Block::Paragraph(p) => Some(p.text.as_str()),
            Block::Table(_) => None,
        })
        .collect();
    assert_eq!(
        texts,
        vec!["一、总体情况", "正文", "二、主动公开政府信息情况"]
    );
    assert_eq!(doc.blocks.len(), 4);
    assert!(
        doc.diagnostics
            .iter()
            .any(|d| d.code == "html.duplicate_copy")
    );
    // The lines are those of the first copy.
    assert!(doc.diagnostics.iter().any(|d| d.code == "html.article"));
}

#[test]
fn narrative_and_tables_in_sibling_blocks_are_one_report() {
    let page = "<div class=text><p>一、总体情况</p><p>二、主动公开政府信息情况</p></div>\
        <div class=tables><table><tr><td>结果维持</td><td>未经复议直接起诉</td></tr><tr><td>1</td><td>2</td></tr></table></div>";
    let doc = read(page);
    assert_eq!(doc.blocks.len(), 3);
    assert!(
        !doc.diagnostics
            .iter()
            .any(|d| d.code == "html.duplicate_copy")
    );
}

#[test]
fn meta_tags_when_the_page_has_no_info_line() {
    let page = "<html><head><meta name=\"PubDate\" content=\"2022/3/9 8:05\">\
        <meta name=\"ContentSource\" content=\"示例区政务服务中心\">\
        <meta name=\"ArticleTitle\" content=\" 示例区2021年政府信息公开工作年度报告 \">\
        <title>首页</title></head><body><p>正文</p></body></html>";
    let doc = read(page);
    assert_eq!(doc.properties["published"], "2022-03-09 08:05");
    assert_eq!(doc.properties["publisher"], "示例区政务服务中心");
    assert_eq!(
        doc.properties["title"],
        "示例区2021年政府信息公开工作年度报告"
    );
}
