//! Which reader a file goes to: by its extension, else by its content.

use std::path::Path;

/// The input formats nianbao reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
#[non_exhaustive]
pub enum Format {
    /// Office Open XML word processing (.docx), from Word or WPS.
    Docx,
    /// A text dump: Tika, pdftotext, web copy-paste, Markdown; any common encoding.
    Text,
    /// An HTML page or fragment.
    Html,
    /// Word 97–2003 binary (.doc), and WPS Office .wps files in that format.
    Doc,
}

impl Format {
    /// The short name used in outputs: `docx`, `txt`, `html`, `doc`.
    pub fn name(self) -> &'static str {
        match self {
            Format::Docx => "docx",
            Format::Text => "txt",
            Format::Html => "html",
            Format::Doc => "doc",
        }
    }

    /// The format a file name's extension says, if it is one we read.
    ///
    /// ```
    /// use nianbao::Format;
    /// assert_eq!(Format::from_path("a/2020年报.DOCX"), Some(Format::Docx));
    /// assert_eq!(Format::from_path("x.pdftotext-layout.txt"), Some(Format::Text));
    /// assert_eq!(Format::from_path("page.htm"), Some(Format::Html));
    /// assert_eq!(Format::from_path("2019年报.WPS"), Some(Format::Doc));
    /// assert_eq!(Format::from_path("a.pdf"), None);
    /// ```
    pub fn from_path(path: impl AsRef<Path>) -> Option<Format> {
        let ext = path.as_ref().extension()?.to_str()?.to_ascii_lowercase();
        match ext.as_str() {
            "docx" | "docm" => Some(Format::Docx),
            "doc" | "wps" => Some(Format::Doc),
            "txt" | "text" | "md" | "markdown" => Some(Format::Text),
            "html" | "htm" | "shtml" | "xhtml" | "mht" => Some(Format::Html),
            _ => None,
        }
    }

    /// The format the first bytes suggest: a zip goes to the .docx reader and an OLE
    /// compound file to the .doc reader (each says what it really is when it is another
    /// kind), markup to HTML, the rest to text.
    ///
    /// ```
    /// use nianbao::Format;
    /// assert_eq!(Format::sniff(b"PK\x03\x04rest"), Format::Docx);
    /// assert_eq!(Format::sniff(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"), Format::Doc);
    /// assert_eq!(Format::sniff(b"\xef\xbb\xbf<!DOCTYPE html><html>"), Format::Html);
    /// assert_eq!(Format::sniff("一、总体情况".as_bytes()), Format::Text);
    /// ```
    pub fn sniff(bytes: &[u8]) -> Format {
        const OLE: &[u8] = &[0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
        if bytes.starts_with(b"PK\x03\x04") {
            return Format::Docx;
        }
        if bytes.starts_with(OLE) {
            return Format::Doc;
        }
        #[cfg(feature = "html")]
        if nianbao_html::looks_like_html(bytes) {
            return Format::Html;
        }
        let head = bytes
            .strip_prefix(b"\xef\xbb\xbf".as_slice())
            .unwrap_or(bytes);
        let head: Vec<u8> = head
            .iter()
            .take(1024)
            .skip_while(|b| b.is_ascii_whitespace())
            .map(u8::to_ascii_lowercase)
            .collect();
        let markup = [
            b"<!doctype html".as_slice(),
            b"<html",
            b"<head",
            b"<body",
            b"<meta",
            b"<div",
            b"<table",
            b"<p",
        ];
        if markup.iter().any(|m| head.starts_with(m)) {
            return Format::Html;
        }
        Format::Text
    }
}
