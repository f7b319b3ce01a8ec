//! The facade: choosing the reader, and what a non-report gives.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]

mod common;

use nianbao::{Error, Format, Options};

#[test]
fn pages_and_texts_that_are_no_report_give_no_report_found() {
    for page in ["html/news-article.html", "html/not-found-404.html"] {
        let err = nianbao::read_path(common::testdata().join(page)).unwrap_err();
        assert_eq!(err.kind(), "no_report", "{page}: {err}");
        assert!(err.to_string().contains("no report found"), "{err}");
        assert!(
            err.to_string().contains(page),
            "the error names the file: {err}"
        );
    }
    let novel = "第一章 风起\n\n那一年的雪下得很大，村口的老槐树上挂满了冰凌。\n".as_bytes();
    let err = nianbao::read_bytes(novel, Some("novel.txt"), &Options::default()).unwrap_err();
    assert!(matches!(err, Error::NoReport { .. }), "{err}");
    // The document is still there for whoever wants to look at it.
    let (format, doc) =
        nianbao::read_document(novel, Some("novel.txt"), &Options::default()).unwrap();
    assert_eq!(format, Format::Text);
    assert!(!nianbao::analyze(&doc).report.has_report_content());
}

/// One rule decides "is this a report" for every format, before recognition (the
/// Document) and after (the Report, a JSON read back): one section heading is not
/// enough, two are, and so is a national table.
#[test]
fn one_report_rule_before_and_after_recognition_in_every_format() {
    let one = "一、总体情况\n本年度工作正常开展。\n";
    let two = format!("{one}二、主动公开政府信息情况\n本年度主动公开信息120条。\n");
    let html = |text: &str| {
        let body: String = text.lines().map(|l| format!("<p>{l}</p>")).collect();
        format!("<html><body><div>{body}</div></body></html>")
    };
    for (name, bytes, is_report) in [
        ("one.txt", one.as_bytes().to_vec(), false),
        ("two.txt", two.as_bytes().to_vec(), true),
        ("one.html", html(one).into_bytes(), false),
        ("two.html", html(&two).into_bytes(), true),
    ] {
        let (_, doc) = nianbao::read_document(&bytes, Some(name), &Options::default()).unwrap();
        assert_eq!(
            nianbao::recognize::looks_like_report(&doc),
            is_report,
            "{name}"
        );
        assert_eq!(nianbao::html::has_report_markers(&doc), is_report, "{name}");
        let report = nianbao::analyze(&doc).report;
        assert_eq!(report.has_report_content(), is_report, "{name}");
        let read = nianbao::read_bytes(&bytes, Some(name), &Options::default());
        match read {
            Ok(analysis) => {
                assert!(is_report, "{name} read as a report");
                let back = nianbao::json::from_str(&nianbao::json::to_string(&analysis)).unwrap();
                assert!(back.report.has_report_content(), "{name}");
            }
            Err(e) => {
                assert!(!is_report, "{name}: {e}");
                assert!(matches!(e, Error::NoReport { .. }), "{name}: {e}");
            }
        }
    }
}

#[test]
fn the_reader_follows_the_extension_then_the_content() {
    let tika = std::fs::read(common::testdata().join("tika/county-2021.txt")).unwrap();
    // No name: the content says text.
    let a = nianbao::read_bytes(&tika, None, &Options::default()).unwrap();
    assert_eq!(a.report.source.format.as_deref(), Some("txt"));
    assert_eq!(a.report.source.name, None);
    // A name with an unknown extension: still the content.
    let a = nianbao::read_bytes(&tika, Some("download.bin"), &Options::default()).unwrap();
    assert_eq!(a.report.source.format.as_deref(), Some("txt"));
    // A .docx name on text: the .docx reader says what it is instead.
    let err = nianbao::read_bytes(&tika, Some("report.docx"), &Options::default()).unwrap_err();
    assert!(err.to_string().contains("report.docx"), "{err}");
    // A page is read as HTML without its name; a file name is not kept as its URL.
    let page = std::fs::read(common::testdata().join("html/portal-2019.html")).unwrap();
    let a = nianbao::read_bytes(&page, None, &Options::default()).unwrap();
    assert_eq!(a.report.source.format.as_deref(), Some("html"));
    let a = nianbao::read_path(common::testdata().join("html/portal-2019.html")).unwrap();
    assert!(!a.report.source.properties.contains_key("url"));
    let a = nianbao::read_bytes(
        &page,
        Some("https://www.example.gov.cn/a/2019.html"),
        &Options::default(),
    )
    .unwrap();
    assert_eq!(
        a.report.source.properties["url"],
        "https://www.example.gov.cn/a/2019.html"
    );
}

#[test]
fn limits_are_checked_before_reading() {
    let options = Options::default().with_limits(nianbao::Limits {
        max_input_bytes: 10,
        ..Default::default()
    });
    let err = nianbao::read_bytes(b"0123456789ABCDEF", Some("big.txt"), &options).unwrap_err();
    assert_eq!(err.kind(), "limit_exceeded");
    assert!(err.to_string().contains("max_input_bytes"), "{err}");
}

#[test]
fn read_path_with_takes_the_options() {
    let path = common::testdata().join("tika/county-2021.txt");
    let small = Options::default().with_limits(nianbao::Limits {
        max_input_bytes: 100,
        ..Default::default()
    });
    let err = nianbao::read_path_with(&path, &small).unwrap_err();
    assert_eq!(err.kind(), "limit_exceeded");
    assert_eq!(err.file(), path.display().to_string());
    let a = nianbao::read_path_with(&path, &Options::default()).unwrap();
    assert_eq!(a, nianbao::read_path(&path).unwrap());
    assert_eq!(a.report.source.name, Some(path.display().to_string()));
}

/// The scraper steps of examples/README.md fill `source.name` with the page's URL.
#[test]
fn the_scraper_steps_fill_the_source() {
    let bytes = std::fs::read(common::testdata().join("html/portal-2019.html")).unwrap();
    let url = "https://www.example.gov.cn/a/2019.html";
    let doc = nianbao::html::read(&bytes, Some(url), &nianbao::Limits::default()).unwrap();
    assert!(nianbao::html::has_report_markers(&doc));
    let analysis = nianbao::analyze(&doc);
    assert_eq!(analysis.report.source.name.as_deref(), Some(url));
    // The one call does the same, and names the format.
    let options = Options::default().with_format(Format::Html);
    let one = nianbao::read_bytes(&bytes, Some(url), &options).unwrap();
    assert_eq!(one.report.source.name.as_deref(), Some(url));
    assert_eq!(one.report.source.format.as_deref(), Some("html"));
    let mut expected = analysis.report;
    expected.source = one.report.source.clone();
    assert_eq!(one.report, expected);
}
