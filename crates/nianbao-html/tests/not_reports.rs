//! Pages that hold no report read cleanly, and say so: no report markers, nothing
//! that a recognizer could mistake for half a report.

mod common;

use common::*;

#[test]
fn news_article_about_a_report_is_not_a_report() {
    let doc = read_fixture("news-article.html", None);
    assert!(!nianbao_html::has_report_markers(&doc));
    assert!(common::tables(&doc).is_empty());
    assert!(
        doc.diagnostics
            .iter()
            .any(|d| d.code == "html.no_report_markers")
    );
    assert_eq!(
        doc.properties["title"],
        "我县发布2023年政府信息公开工作年度报告"
    );
    assert_eq!(doc.properties["published"], "2024-01-31 09:00");
    assert_eq!(doc.properties["publisher"], "县融媒体中心");
}

#[test]
fn not_found_page_is_not_a_report() {
    let doc = read_fixture("not-found-404.html", None);
    assert!(!nianbao_html::has_report_markers(&doc));
    assert_eq!(doc.properties["title"], "404 页面不存在");
    assert!(paragraphs(&doc).contains(&"抱歉，您访问的页面不存在或已被删除。"));
}

#[test]
fn every_report_fixture_has_markers() {
    for name in ["word-export-2021", "portal-2019", "gbk-layout-2021"] {
        let doc = read_fixture(&format!("{name}.html"), None);
        assert!(nianbao_html::has_report_markers(&doc), "{name}");
        assert!(
            !doc.diagnostics
                .iter()
                .any(|d| d.code == "html.no_report_markers"),
            "{name}"
        );
    }
}

#[test]
fn a_menu_entry_is_no_heading() {
    // Two section names as links in a menu are not two section headings.
    let page =
        "<div><a href=1>一、总体情况</a></div><div><a href=2>二、主动公开政府信息情况</a></div>";
    let doc = nianbao_html::read(page.as_bytes(), None, &Default::default()).unwrap();
    assert!(
        doc.diagnostics
            .iter()
            .any(|d| d.code == "html.no_report_markers")
    );
}
