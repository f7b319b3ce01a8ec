//! Our own fixtures (testdata/html), each table asserted cell for cell against the grid
//! the fixture generator laid out.

mod common;

use common::*;
use nianbao_core::ir::Block;
use pretty_assertions::assert_eq;

fn assert_tables(name: &str) -> nianbao_core::ir::Document {
    let doc = read_fixture(&format!("{name}.html"), None);
    let tables = tables(&doc);
    assert_eq!(tables.len(), 3, "{name}: three report tables");
    assert!(tables.iter().all(|t| t.spans_known));
    assert_eq!(dump(&tables), expected_tables(name));
    doc
}

#[test]
fn word_export_2021() {
    let doc = assert_tables("word-export-2021");
    let p = paragraphs(&doc);
    assert_eq!(p[0], "青禾县人民政府2023年政府信息公开工作年度报告");
    assert_eq!(p[1], "一、总体情况");
    // The list number Word keeps in a downlevel-revealed conditional comment.
    assert!(p[3].starts_with("（一）"), "{:?}", p[3]);
    assert!(p[3].ends_with("主动公开情况"), "{:?}", p[3]);
    for heading in [
        "二、主动公开政府信息情况",
        "三、收到和处理政府信息公开申请情况",
        "四、政府信息公开行政复议、行政诉讼情况",
        "五、存在的主要问题及改进情况",
        "六、其他需要报告的事项",
    ] {
        assert!(p.contains(&heading), "{heading} missing from {p:?}");
    }
    // Nothing of the <head>: no CSS, no XML document properties.
    assert!(
        !p.iter()
            .any(|t| t.contains("font-face") || t.contains("办公室6"))
    );
    assert_eq!(doc.properties["encoding"], "UTF-8");
    assert_eq!(doc.properties["encoding_source"], "meta");
    assert_eq!(
        doc.properties["title"],
        "青禾县人民政府2023年政府信息公开工作年度报告"
    );
    assert_eq!(doc.properties["layout"], "html");
    assert!(!doc.properties.contains_key("url"));
}

#[test]
fn portal_2019_without_navigation() {
    let doc = read_fixture(
        "portal-2019.html",
        Some("https://example.invalid/bs/2020nb.html"),
    );
    let tables = tables(&doc);
    assert_eq!(dump(&tables), expected_tables("portal-2019"));
    let p = paragraphs(&doc);
    // The article starts at the report's own title; the page's h1 and info line,
    // the menu, breadcrumbs, related links, share bar and footer are left out.
    assert_eq!(p[0], "白石镇人民政府2020年政府信息公开工作年度报告");
    assert_eq!(p.last(), Some(&"2021年1月28日"));
    for chrome in [
        "首页",
        "政务公开",
        "登录",
        "当前位置",
        "相关信息",
        "版权所有",
        "分享到",
        "发布时间",
    ] {
        assert!(
            !p.iter().any(|t| t.contains(chrome)),
            "{chrome} kept: {p:?}"
        );
    }
    // The header rows are in <thead>.
    assert!(tables[1].rows[..3].iter().all(|r| r.is_header));
    assert!(!tables[1].rows[3].is_header);
    let props = &doc.properties;
    assert_eq!(props["url"], "https://example.invalid/bs/2020nb.html");
    assert_eq!(
        props["title"],
        "白石镇人民政府2020年政府信息公开工作年度报告"
    );
    assert_eq!(props["published"], "2021-01-28 16:40");
    // The 来源 line on the page wins over <meta name="ContentSource">.
    assert_eq!(props["publisher"], "白石镇人民政府");
    assert!(doc.diagnostics.iter().any(|d| d.code == "html.article"));
}

#[test]
fn gbk_page_with_http_equiv_only() {
    let doc = assert_tables("gbk-layout-2021");
    let props = &doc.properties;
    assert_eq!(props["encoding"], "GBK");
    assert_eq!(props["encoding_source"], "meta");
    // No ArticleTitle: the <title>, without the site name.
    assert_eq!(props["title"], "云溪区司法局2022年政府信息公开工作年度报告");
    let p = paragraphs(&doc);
    assert_eq!(p[0], "云溪区司法局2022年政府信息公开工作年度报告");
    assert!(
        p[1].starts_with("\u{a0}\u{a0}\u{a0}\u{a0}根据"),
        "indentation kept: {:?}",
        p[1]
    );
    for chrome in ["网站首页", "信息公开指南", "主办"] {
        assert!(
            !p.iter().any(|t| t.contains(chrome)),
            "{chrome} kept: {p:?}"
        );
    }
}

#[test]
fn positions_are_source_lines() {
    let doc = read_fixture("portal-2019.html", None);
    let text = std::fs::read_to_string(format!("{TESTDATA}/portal-2019.html")).unwrap();
    for block in &doc.blocks {
        let (pos, needle) = match block {
            Block::Paragraph(p) => (&p.pos, p.text.chars().take(6).collect::<String>()),
            Block::Table(t) => (&t.pos, "<table".to_owned()),
        };
        let line = pos.line.expect("every block has a line") as usize;
        let source_line = text.lines().nth(line - 1).unwrap();
        if let Block::Paragraph(_) = block {
            assert!(
                source_line.contains(&needle),
                "line {line} {source_line:?} lacks {needle:?}"
            );
        }
    }
    let t = &tables(&doc)[2];
    let cell = &t.rows[3].cells[0];
    let line = cell.pos.line.unwrap() as usize;
    assert!(text.lines().nth(line - 1).unwrap().contains("<td>0</td>"));
}
