//! The PDF reader through the facade: the real report, our own PDFs made by LibreOffice
//! and Chromium from the HTML fixture (same values as the HTML reads to), scans and a
//! font without a Unicode mapping. See `testdata/pdf/README.md`.
#![cfg(all(feature = "pdf", feature = "json", feature = "html"))]
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]

use std::path::{Path, PathBuf};

use nianbao::{Format, Options};
use serde_json::Value;

fn data(rel: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("testdata")
        .join(rel)
}

fn json_of(rel: &str) -> Value {
    let analysis = nianbao::read_path(data(rel)).unwrap_or_else(|e| panic!("{rel}: {e}"));
    serde_json::from_str(&nianbao::json::to_string(&analysis)).unwrap()
}

/// The keys of the six sections, in order.
const SIX: [&str; 6] = [
    "overview",
    "active_disclosure",
    "applications",
    "review_litigation",
    "problems",
    "other_matters",
];

/// The keys of a report's sections, in order.
fn section_keys(json: &Value) -> Vec<&str> {
    json["report"]["sections"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["key"].as_str().unwrap())
        .collect()
}

#[test]
fn pdf_is_a_format_by_extension() {
    assert_eq!(Format::from_path("a/年报.PDF"), Some(Format::Pdf));
    assert_eq!(Format::Pdf.name(), "pdf");
}

#[test]
fn huaian_sections_one_to_six_with_their_paragraphs() {
    let json = json_of("corpus/huaian-2024.pdf");
    let report = &json["report"];
    let sections = report["sections"].as_array().unwrap();
    assert_eq!(section_keys(&json), SIX);
    let paragraphs = |i: usize| -> Vec<String> {
        sections[i]["paragraphs"]
            .as_array()
            .unwrap()
            .iter()
            .map(|p| p.as_str().unwrap().to_owned())
            .collect()
    };
    let overview = paragraphs(0);
    // The intro paragraph and the five numbered ones, each joined over its wrapped
    // lines, (一) and (四) over a page break.
    assert_eq!(overview.len(), 6, "{overview:#?}");
    assert!(
        overview[1]
            .starts_with("（一）主动公开情况。2024年，市政府网站主动公开各类政府信息5500余条")
    );
    assert!(overview[1].contains("“建设‘四最’一流营商环境高质量推进产业发展”"));
    assert!(overview[4].contains("将栏目不更新、政策解读不通俗易懂"));
    assert!(overview[5].ends_with("不断提高全市政务公开工作人员的工作能力和水平。"));
    assert_eq!(paragraphs(4).len(), 2);
    assert_eq!(
        paragraphs(5),
        [
            "2024年，市政府严格落实《政府信息公开信息处理费管理办法》，全年收取政府信息公开信息处理费3940元。"
        ]
    );
    // No page number (`-3-`) is left in any paragraph.
    for s in sections {
        for p in s["paragraphs"].as_array().unwrap() {
            assert!(!p.as_str().unwrap().contains("-3-"), "{p}");
        }
    }
    assert_eq!(
        report["meta"]["title"],
        "淮安市人民政府2024年政府信息公开工作年度报告"
    );
    let props = &json["source"]["properties"];
    assert_eq!(props["created"], "2025-02-25T10:02:50+08:00");
    assert_eq!(props["pages"], "6");
    assert_eq!(json["diagnostics"], Value::Array(Vec::new()));
}

/// The three tables of a report's JSON.
fn tables(json: &Value) -> Value {
    let r = &json["report"];
    serde_json::json!({
        "active_disclosure": r["active_disclosure"],
        "applications": r["applications"],
        "review_litigation": r["review_litigation"],
        "meta": r["meta"],
    })
}

#[test]
fn libreoffice_and_chromium_pdfs_read_as_the_html_they_were_made_from() {
    // The HTML fixture's grids are checked against its generator in nianbao-html's
    // tests; the PDFs made from it must give the same report, every cell.
    let html = tables(&json_of("html/word-export-2021.html"));
    for pdf in [
        "pdf/word-export-2021.libreoffice.pdf",
        "pdf/word-export-2021.chromium.pdf",
        "pdf/word-export-2021.owner-password.pdf",
    ] {
        let json = json_of(pdf);
        pretty_assertions::assert_eq!(tables(&json), html, "{pdf}");
        assert_eq!(json["diagnostics"], Value::Array(Vec::new()), "{pdf}");
        // Chromium maps some glyphs to Kangxi radicals: none is left in the text.
        let text = json["report"].to_string();
        assert!(
            !text.chars().any(|c| ('\u{2e80}'..='\u{2fd5}').contains(&c)),
            "{pdf}: a compatibility radical is left"
        );
    }
}

#[test]
fn a_pdf_whose_tables_have_no_lines_reads_them_from_the_alignment_of_their_text() {
    // The .docx fixture with every border removed, printed by LibreOffice: the same
    // values as the HTML it was made from, every cell, each table flagged.
    let html = tables(&json_of("html/word-export-2021.html"));
    let json = json_of("pdf/word-export-2021.borderless.pdf");
    pretty_assertions::assert_eq!(tables(&json), html);
    let codes = codes(&json);
    // Table 1 on page 1, table 3 over pages 2–4, table 4 on page 4.
    assert_eq!(codes, ["pdf.table_from_alignment"; 5], "{codes:?}");
    // Its cells were placed by layout, and the JSON says so.
    let provenance = json["report"]["layout"].to_string();
    assert!(provenance.contains("\"layout\""), "{provenance}");
}

/// The codes of a report's diagnostics, in order.
fn codes(json: &Value) -> Vec<&str> {
    json["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["code"].as_str().unwrap())
        .collect()
}

/// The three tables of a report's JSON, without the meta.
fn values(json: &Value) -> Value {
    let mut t = tables(json);
    t.as_object_mut().unwrap().remove("meta");
    t
}

#[test]
fn chromium_prints_of_portal_pages_read_the_html_values() {
    // Whole portal pages printed by Chromium (no header/footer): the tables' borders
    // are bevelled 3-D borders, their sides thin filled trapezoids. Every value equals
    // the HTML's, and so are the title, agency and year: the print carries the
    // portal's menus before the title (a menu item may even read as a heading), and
    // the title is the line that is a whole title by itself.
    for name in ["portal-2019", "gbk-layout-2021"] {
        let html_json = json_of(&format!("html/{name}.html"));
        let html = values(&html_json);
        let json = json_of(&format!("pdf/{name}.chromium.pdf"));
        pretty_assertions::assert_eq!(values(&json), html, "{name}");
        for key in ["title", "agency", "year"] {
            assert_eq!(
                json["report"]["meta"][key], html_json["report"]["meta"][key],
                "{name}: meta.{key}"
            );
            assert!(!json["report"]["meta"][key].is_null(), "{name}: meta.{key}");
        }
        let codes = codes(&json);
        assert!(
            !codes
                .iter()
                .any(|c| c.starts_with("pdf.") || c.starts_with("row.") || c.starts_with("label.")),
            "{name}: {codes:?}"
        );
    }
    // The GBK page's report: its six sections, each paragraph whole (a wrapped line
    // joined, a heading after a finished sentence kept apart).
    let json = json_of("pdf/gbk-layout-2021.chromium.pdf");
    let sections = json["report"]["sections"].as_array().unwrap();
    assert_eq!(section_keys(&json), SIX);
    assert_eq!(
        sections[0]["paragraphs"][0],
        "本年度，我单位认真贯彻落实《中华人民共和国政府信息公开条例》，持续加大主动公开力度，规范依申请公开办理，各项工作有序推进。"
    );
    assert_eq!(
        sections[4]["paragraphs"],
        serde_json::json!([
            "（一）主要问题：公开内容的解读还不够充分。（二）改进情况：加强政策解读，提高公开质量。"
        ])
    );
}

#[test]
fn a_pdf_locked_with_a_user_password_is_refused() {
    let err = nianbao::read_path(data("pdf/word-export-2021.user-password.pdf")).unwrap_err();
    assert_eq!(err.kind(), "unsupported");
    assert!(err.to_string().contains("encrypted"), "{err}");
}

#[test]
fn a_scan_is_refused_naming_its_pages() {
    let err = nianbao::read_path(data("pdf/scanned.pdf")).unwrap_err();
    assert_eq!(err.kind(), "unsupported");
    assert!(
        err.to_string().contains("scanned: needs OCR (pages 1, 2)"),
        "{err}"
    );
}

#[test]
fn a_scanned_page_among_text_pages_is_a_diagnostic() {
    let bytes = std::fs::read(data("pdf/scanned-mixed.pdf")).unwrap();
    let (format, doc) =
        nianbao::read_document(&bytes, Some("scanned-mixed.pdf"), &Options::default()).unwrap();
    assert_eq!(format, Format::Pdf);
    let texts: Vec<&str> = doc.paragraphs().map(|p| p.text.as_str()).collect();
    assert_eq!(texts, ["一、总体情况"]);
    let d = doc
        .diagnostics
        .iter()
        .find(|d| d.code == "pdf.scanned_pages")
        .unwrap();
    assert!(d.message.ends_with(": 2"), "{}", d.message);
}

#[test]
fn glyphs_without_a_unicode_mapping_are_counted_never_guessed() {
    let bytes = std::fs::read(data("pdf/unmapped-font.pdf")).unwrap();
    let (_, doc) =
        nianbao::read_document(&bytes, Some("unmapped-font.pdf"), &Options::default()).unwrap();
    let texts: Vec<&str> = doc.paragraphs().map(|p| p.text.as_str()).collect();
    assert_eq!(texts, ["一、总体情况"]);
    let d = doc
        .diagnostics
        .iter()
        .find(|d| d.code == "pdf.unmapped_glyphs")
        .unwrap();
    assert!(
        d.message.contains("10 of 16 glyphs (62.5 %)") && d.message.contains("FangSong_GB2312"),
        "{}",
        d.message
    );
}
