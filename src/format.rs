//! Which reader a file goes to: by its content where the content says (a zip, an OLE
//! file, a PDF, an image, a web archive, HTML in a `.txt`), else by its extension,
//! else by the look of the text.

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
    /// A PDF file (text and tables read from the pages; scans are refused).
    Pdf,
    /// Word 97–2003 binary (.doc), and WPS Office .wps files in that format.
    Doc,
}

impl Format {
    /// The short name used in outputs: `docx`, `txt`, `html`, `pdf`, `doc`.
    pub fn name(self) -> &'static str {
        match self {
            Format::Docx => "docx",
            Format::Text => "txt",
            Format::Html => "html",
            Format::Pdf => "pdf",
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
    /// assert_eq!(Format::from_path("a.pdf"), Some(Format::Pdf));
    /// assert_eq!(Format::from_path("2019年报.WPS"), Some(Format::Doc));
    /// assert_eq!(Format::from_path("a.xlsx"), None);
    /// ```
    pub fn from_path(path: impl AsRef<Path>) -> Option<Format> {
        let ext = path.as_ref().extension()?.to_str()?.to_ascii_lowercase();
        match ext.as_str() {
            "docx" | "docm" => Some(Format::Docx),
            "doc" | "wps" => Some(Format::Doc),
            "txt" | "text" | "md" | "markdown" => Some(Format::Text),
            "html" | "htm" | "shtml" | "xhtml" | "mht" | "mhtml" => Some(Format::Html),
            "pdf" => Some(Format::Pdf),
            _ => None,
        }
    }

    /// The format the first bytes suggest: a zip goes to the .docx reader and an OLE
    /// compound file to the .doc reader (each says what it really is when it is another
    /// kind), a PDF to the PDF reader, markup or a web archive (`.mht`) to HTML, the
    /// rest to text.
    ///
    /// ```
    /// use nianbao::Format;
    /// assert_eq!(Format::sniff(b"PK\x03\x04rest"), Format::Docx);
    /// assert_eq!(Format::sniff(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"), Format::Doc);
    /// assert_eq!(Format::sniff(b"\xef\xbb\xbf<!DOCTYPE html><html>"), Format::Html);
    /// assert_eq!(Format::sniff("一、总体情况".as_bytes()), Format::Text);
    /// ```
    pub fn sniff(bytes: &[u8]) -> Format {
        if is_zip(bytes) {
            return Format::Docx;
        }
        if bytes.starts_with(OLE) {
            return Format::Doc;
        }
        if is_pdf(bytes) {
            return Format::Pdf;
        }
        #[cfg(feature = "html")]
        if nianbao_html::looks_like_html(bytes) || nianbao_html::looks_like_mime(bytes) {
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

/// The OLE compound file signature (.doc, .wps, .xls, encrypted Office files).
const OLE: &[u8] = &[0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

/// A zip: a .docx, or an .xlsx, .pptx, .odt the .docx reader names.
fn is_zip(bytes: &[u8]) -> bool {
    bytes.starts_with(b"PK\x03\x04")
}

/// A PDF file: `%PDF-` at the start (readers accept it within the first kilobyte, after
/// a few bytes of junk, as Acrobat does).
fn is_pdf(bytes: &[u8]) -> bool {
    let head = bytes.get(..1024).unwrap_or(bytes);
    head.windows(5).any(|w| w == b"%PDF-")
}

/// What the content is, when it is something no reader of this build reads: a PDF (in a
/// build without the `pdf` feature), an image, an RTF document. `None` for anything a
/// reader takes (or says more about).
pub(crate) fn unreadable(bytes: &[u8]) -> Option<String> {
    let what = if let Some(rest) = bytes
        .strip_prefix(b"%PDF-")
        .filter(|_| cfg!(not(feature = "pdf")))
    {
        let version: String = rest
            .iter()
            .take(3)
            .take_while(|b| b.is_ascii_digit() || **b == b'.')
            .map(|&b| char::from(b))
            .collect();
        return Some(format!(
            "a PDF document (%PDF-{version}): this build reads .docx, HTML and text; \
             convert it to text first (pdftotext -layout keeps the tables)"
        ));
    } else if bytes.starts_with(b"\x89PNG\r\n\x1a\n") {
        "a PNG image"
    } else if bytes.starts_with(b"\xff\xd8\xff") {
        "a JPEG image"
    } else if bytes.starts_with(b"GIF87a") || bytes.starts_with(b"GIF89a") {
        "a GIF image"
    } else if bytes.starts_with(b"II*\0") || bytes.starts_with(b"MM\0*") {
        "a TIFF image"
    } else if bytes.starts_with(b"BM") && bytes.get(6..10) == Some(&[0, 0, 0, 0]) {
        "a BMP image"
    } else if bytes.starts_with(b"RIFF") && bytes.get(8..12) == Some(b"WEBP") {
        "a WebP image"
    } else if bytes.starts_with(b"{\\rtf") {
        return Some("an RTF document: save it as .docx (or text) to read it".to_owned());
    } else {
        return None;
    };
    Some(format!(
        "{what}, not a document: a scan or a picture has no text to read (run OCR first)"
    ))
}

/// The reader for `bytes` named `name`: what the content says where it is sure (a zip
/// goes to the .docx reader and an OLE file to the .doc reader whatever its name, a PDF
/// to the PDF reader, a web archive or a page that starts like HTML to the HTML reader
/// even when named `.txt` or `.doc` — Word's "web page" saved under a .doc name), else
/// the extension, else [`Format::sniff`].
pub(crate) fn choose(bytes: &[u8], name: Option<&str>) -> Format {
    let by_name = name.and_then(Format::from_path);
    if is_zip(bytes) {
        return Format::Docx;
    }
    if bytes.starts_with(OLE) {
        return Format::Doc;
    }
    if is_pdf(bytes) {
        return Format::Pdf;
    }
    match by_name {
        // A .docx that is HTML or text: the .docx reader says what it really is.
        Some(Format::Docx) => Format::Docx,
        Some(Format::Doc) => match Format::sniff(bytes) {
            Format::Html => Format::Html,
            _ => Format::Doc,
        },
        Some(Format::Text) => match Format::sniff(bytes) {
            Format::Html => Format::Html,
            _ => Format::Text,
        },
        Some(f) => f,
        None => Format::sniff(bytes),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn content_decides_before_the_extension() {
        assert_eq!(choose(b"PK\x03\x04...", Some("a.txt")), Format::Docx);
        assert_eq!(choose(OLE, Some("a.html")), Format::Doc);
        assert_eq!(choose(OLE, Some("a.docx")), Format::Doc);
        assert_eq!(choose(b"PK\x03\x04...", Some("a.doc")), Format::Docx);
        #[cfg(feature = "html")]
        {
            assert_eq!(
                choose(b"<!DOCTYPE html><html>", Some("a.txt")),
                Format::Html
            );
            let mht = b"MIME-Version: 1.0\r\nContent-Type: multipart/related; boundary=x\r\n\r\n";
            assert_eq!(choose(mht, Some("a.txt")), Format::Html);
            assert_eq!(choose(mht, None), Format::Html);
            // Word's "web page" saved under a .doc name.
            assert_eq!(
                choose(
                    b"<html xmlns:w=\"urn:schemas-microsoft-com:office:word\">",
                    Some("a.doc")
                ),
                Format::Html
            );
        }
        assert_eq!(choose(b"<html>", Some("a.docx")), Format::Docx);
        assert_eq!(
            choose("一、总体情况".as_bytes(), Some("a.md")),
            Format::Text
        );
    }

    #[test]
    fn pdfs_and_images_are_named() {
        let pdf = unreadable(b"%PDF-1.7\n%\xe2\xe3");
        if cfg!(feature = "pdf") {
            assert_eq!(pdf, None, "this build reads PDFs");
            assert_eq!(choose(b"%PDF-1.7\n", Some("a.txt")), Format::Pdf);
        } else {
            let pdf = pdf.unwrap();
            assert!(pdf.starts_with("a PDF document (%PDF-1.7)"), "{pdf}");
        }
        for (bytes, what) in [
            (b"\x89PNG\r\n\x1a\n....".as_slice(), "PNG"),
            (b"\xff\xd8\xff\xe0\0\x10JFIF", "JPEG"),
            (b"GIF89a..", "GIF"),
            (b"II*\0\x08\0\0\0", "TIFF"),
            (b"MM\0*\0\0\0\x08", "TIFF"),
            (b"{\\rtf1\\ansi", "RTF"),
        ] {
            let msg = unreadable(bytes).unwrap();
            assert!(msg.contains(what), "{msg}");
        }
        assert_eq!(unreadable("一、总体情况".as_bytes()), None);
        assert_eq!(unreadable(b"PK\x03\x04"), None);
    }
}
