//! Recognition of our fixtures by the core recognizer: the HTML reader's Document is
//! enough to find every section, every table in its format, every template row, and
//! numbers that satisfy the rules.

mod common;

use common::*;
use nianbao_core::{SectionKey, TableFormat, TableKind, analyze, rules};

fn number(report: &nianbao_core::Report, kind: TableKind, row: &str, col: &str) -> String {
    report
        .table(kind)
        .and_then(|t| t.number(row, col))
        .map_or_else(|| format!("<no {row}/{col}>"), |n| n.to_string())
}

fn check_report(name: &str, format: TableFormat) -> nianbao_core::Analysis {
    let doc = read_fixture(&format!("{name}.html"), None);
    let analysis = analyze(&doc);
    let report = &analysis.report;
    assert!(report.has_report_content(), "{name}");
    for key in SectionKey::ALL {
        assert!(
            report.section(key).is_some(),
            "{name}: section {key:?} missing"
        );
    }
    assert_eq!(
        report
            .table(TableKind::ActiveDisclosure)
            .and_then(|t| t.format),
        Some(format),
        "{name}"
    );
    assert_eq!(
        report.table(TableKind::Applications).and_then(|t| t.format),
        Some(format),
        "{name}"
    );
    assert!(
        report.table(TableKind::ReviewLitigation).is_some(),
        "{name}"
    );
    let missing: Vec<_> = analysis
        .diagnostics
        .iter()
        .filter(|d| {
            d.code.starts_with("row.")
                || d.code.starts_with("table.")
                || d.code.starts_with("section.")
        })
        .collect();
    assert!(missing.is_empty(), "{name}: {missing:#?}");
    assert!(
        rules::failed_rules(&analysis.findings).is_empty(),
        "{name}: {:?}",
        rules::failed_rules(&analysis.findings)
    );
    analysis
}

#[test]
fn word_export_2021_is_recognized() {
    let a = check_report("word-export-2021", TableFormat::Format2021);
    let r = &a.report;
    assert_eq!(r.meta.year, Some(2023));
    assert_eq!(r.meta.agency.as_deref(), Some("青禾县人民政府"));
    let ad = TableKind::ActiveDisclosure;
    assert_eq!(number(r, ad, "normative_documents", "issued"), "3");
    assert_eq!(number(r, ad, "normative_documents", "in_force"), "25");
    assert_eq!(number(r, ad, "licensing", "decisions"), "1523");
    assert_eq!(number(r, ad, "fees", "amount_wan_yuan"), "96.5");
    let ap = TableKind::Applications;
    assert_eq!(number(r, ap, "new_received", "total"), "334");
    assert_eq!(number(r, ap, "results.total", "total"), "335");
    assert_eq!(number(r, ap, "carried_forward", "total"), "1");
    let rl = TableKind::ReviewLitigation;
    assert_eq!(number(r, rl, "review", "total"), "1");
    assert_eq!(number(r, rl, "litigation_direct", "pending"), "1");
    assert_eq!(number(r, rl, "litigation_direct", "total"), "2");
}

#[test]
fn portal_2019_is_recognized() {
    let a = check_report("portal-2019", TableFormat::Trial2019);
    let r = &a.report;
    assert_eq!(r.meta.year, Some(2020));
    assert_eq!(r.meta.agency.as_deref(), Some("白石镇人民政府"));
    let ad = TableKind::ActiveDisclosure;
    assert_eq!(number(r, ad, "licensing", "change"), "6");
    assert_eq!(number(r, ad, "punishment", "change"), "-3");
    assert_eq!(number(r, ad, "procurement", "amount_wan_yuan"), "25.1");
    // Blank cells stay blank, placeholders are no zeros.
    let t = r.table(ad).unwrap();
    assert!(
        t.cell("other_services", "decisions")
            .is_some_and(|c| c.is_blank())
    );
    assert!(
        t.cell("fees", "change")
            .is_some_and(|c| c.as_number().is_none())
    );
    let ap = TableKind::Applications;
    assert_eq!(number(r, ap, "new_received", "total"), "327");
    assert_eq!(number(r, ap, "results.total", "total"), "324");
    assert_eq!(number(r, ap, "carried_forward", "commercial"), "1");
    assert_eq!(
        number(
            r,
            TableKind::ReviewLitigation,
            "litigation_after_review",
            "pending"
        ),
        "1"
    );
}

#[test]
fn gbk_layout_2021_is_recognized() {
    let a = check_report("gbk-layout-2021", TableFormat::Format2021);
    let r = &a.report;
    assert_eq!(r.meta.year, Some(2022));
    assert_eq!(r.meta.agency.as_deref(), Some("云溪区司法局"));
    assert_eq!(
        number(r, TableKind::ActiveDisclosure, "punishment", "decisions"),
        "57"
    );
    assert_eq!(
        number(r, TableKind::Applications, "new_received", "total"),
        "347"
    );
    assert_eq!(
        number(r, TableKind::ReviewLitigation, "review", "total"),
        "0"
    );
}

#[test]
fn pages_without_a_report_give_no_report_content() {
    for name in ["news-article.html", "not-found-404.html"] {
        let doc = read_fixture(name, None);
        let analysis = analyze(&doc);
        assert!(
            !analysis.report.has_report_content(),
            "{name}: {:#?}",
            analysis.report
        );
        assert!(!nianbao_html::has_report_markers(&doc), "{name}");
    }
}
