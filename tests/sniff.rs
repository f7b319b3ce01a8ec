//! The content decides the reader before the extension (`testdata/sniff/`, see its
//! README): a file named `.txt` that is a .docx, HTML, a web archive, a PDF, an image,
//! a spreadsheet or a .doc is read as what it is, or refused with an error that says
//! what it is.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]

use std::path::{Path, PathBuf};

use nianbao::{Error, Options};

fn data(path: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("testdata")
        .join(path)
}

/// The report read from `path` (recognized, no source set) and the format used.
fn report(path: &str) -> (nianbao::Format, nianbao::Report) {
    let bytes = std::fs::read(data(path)).unwrap();
    let (format, doc) = nianbao::read_document(&bytes, Some(path), &Options::default())
        .unwrap_or_else(|e| panic!("{path}: {e}"));
    (format, nianbao::analyze(&doc).report)
}

fn error(path: &str) -> Error {
    match nianbao::read_path(data(path)) {
        Ok(_) => panic!("{path}: read"),
        Err(e) => e,
    }
}

#[test]
fn a_docx_and_a_page_named_txt_are_read_as_what_they_are() {
    for (named, real) in [
        ("sniff/docx-named.txt", "html/word-export-2021.docx"),
        ("sniff/html-named.txt", "html/portal-2019.html"),
    ] {
        let (format, got) = report(named);
        let (real_format, expected) = report(real);
        assert_eq!(format, real_format, "{named}");
        assert!(got.has_report_content(), "{named}");
        assert_eq!(got, expected, "{named}");
    }
}

#[test]
fn web_archives_are_read_through_their_page() {
    for (mht, page) in [
        ("sniff/gbk-layout-2021.mht", "html/gbk-layout-2021.html"),
        ("sniff/portal-2019.mht", "html/portal-2019.html"),
    ] {
        let (format, mut got) = report(mht);
        let (_, mut expected) = report(page);
        assert_eq!(format, nianbao::Format::Html, "{mht}");
        assert!(got.has_report_content(), "{mht}");
        // The page's properties say it came out of a web archive, decoded to UTF-8.
        let container = got.source.properties.remove("container").unwrap();
        assert!(container.starts_with("mhtml ("), "{container}");
        assert_eq!(got.source.properties["encoding"], "UTF-8");
        got.source = Default::default();
        expected.source = Default::default();
        assert!(got == expected, "{mht}: not the report of {page}");
        // Also when named .txt, or not named at all.
        let bytes = std::fs::read(data(mht)).unwrap();
        for name in [Some("saved.txt"), None] {
            let (format, doc) = nianbao::read_document(&bytes, name, &Options::default()).unwrap();
            assert_eq!(format, nianbao::Format::Html);
            let mut again = nianbao::analyze(&doc).report;
            again.source = Default::default();
            assert!(again == expected, "{mht} as {name:?}");
        }
    }
    let e = error("sniff/pictures-only.mht");
    assert_eq!(e.kind(), "unsupported", "{e}");
    assert!(e.to_string().contains("no text/html part"), "{e}");
}

#[test]
fn what_no_reader_takes_is_named() {
    for (path, kind, phrase) in [
        ("sniff/scan-named.txt", "unsupported", "a PNG image"),
        ("sniff/xlsx-named.txt", "unsupported", "xlsx"),
        (
            "sniff/missing-main-part.docx",
            "malformed",
            "missing part word/main.xml",
        ),
    ] {
        let e = error(path);
        assert_eq!(e.kind(), kind, "{path}: {e}");
        assert!(e.to_string().contains(phrase), "{path}: {e}");
        assert!(e.file().ends_with(path), "{path}: {e}");
    }
    // The missing part's error says the package has a document.xml nothing points at.
    let e = error("sniff/missing-main-part.docx").to_string();
    assert!(
        e.contains("word/document.xml that it does not point at"),
        "{e}"
    );
}

/// A PDF or a Word 97–2003 file under a `.txt` name goes to its own reader (this build
/// has them), which says what it found: the PDF has no text, the .doc's compound file
/// is broken (`testdata/bad/word97.doc`).
#[test]
fn pdf_and_doc_named_txt_go_to_their_readers() {
    let e = error("sniff/pdf-named.txt");
    assert_eq!(e.kind(), "no_report", "{e}");
    let e = error("sniff/doc-named.txt");
    assert_eq!(e.kind(), "malformed", "{e}");
    assert!(e.to_string().contains("compound file"), "{e}");
    for (path, format) in [
        ("sniff/pdf-named.txt", nianbao::Format::Pdf),
        ("sniff/doc-named.txt", nianbao::Format::Doc),
    ] {
        let bytes = std::fs::read(data(path)).unwrap();
        assert_eq!(nianbao::Format::sniff(&bytes), format, "{path}");
    }
}

#[test]
fn a_forced_format_is_the_callers_word() {
    let bytes = std::fs::read(data("sniff/html-named.txt")).unwrap();
    let options = Options::default().with_format(nianbao::Format::Text);
    let (format, _) = nianbao::read_document(&bytes, Some("a.txt"), &options).unwrap();
    assert_eq!(format, nianbao::Format::Text);
}
