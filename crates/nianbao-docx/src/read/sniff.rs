//! Telling what an input really is when it is not a .docx.

/// What a non-zip input looks like, as a sentence for the error; `None` for a zip.
pub(crate) fn non_zip(bytes: &[u8]) -> Option<Sniffed> {
    if bytes.starts_with(b"PK\x03\x04") || bytes.starts_with(b"PK\x05\x06") {
        return None;
    }
    if bytes.starts_with(&[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]) {
        return Some(compound_file(bytes));
    }
    let head = strip_bom(bytes.get(..bytes.len().min(1024)).unwrap_or(bytes));
    let what = if head.starts_with(b"{\\rtf") {
        "an RTF document (.rtf), not a .docx"
    } else if head.starts_with(b"%PDF") {
        "a PDF file, not a .docx"
    } else if contains(head, b"w:wordDocument")
        || contains(head, b"wordml") && !contains(head, b"pkg:package")
    {
        "a Word 2003 XML document (flat .xml), not a .docx"
    } else if contains(head, b"pkg:package") {
        "a Word flat OPC XML document (.xml), not a .docx"
    } else if contains_ci(head, b"mime-version") {
        "a web archive (.mht), not a .docx"
    } else if contains_ci(head, b"<html") || contains_ci(head, b"<!doctype html") {
        "an HTML page saved with a .docx name, not a .docx"
    } else if head.is_empty() {
        "an empty file, not a .docx"
    } else {
        "not a zip container, so not a .docx"
    };
    Some(Sniffed::NotDocx(what))
}

/// What the sniffer found.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Sniffed {
    /// Some other format.
    NotDocx(&'static str),
    /// An encrypted OOXML package (a compound file holding `EncryptedPackage`).
    Encrypted(&'static str),
}

/// A zip package that has no WordprocessingML main part: say what it is.
pub(crate) fn zip_without_document<'a>(
    mut names: impl Iterator<Item = &'a str>,
    mimetype: Option<&[u8]>,
) -> &'static str {
    if let Some(mime) = mimetype {
        if mime.starts_with(b"application/vnd.oasis.opendocument.text") {
            return "an OpenDocument text (.odt), not a .docx";
        }
        if mime.starts_with(b"application/vnd.oasis.opendocument") {
            return "an OpenDocument file (spreadsheet or presentation), not a .docx";
        }
    }
    let mut what = "a zip archive without word/document.xml, not a .docx";
    for name in names.by_ref() {
        let lower = name.to_ascii_lowercase();
        if lower == "xl/workbook.xml" || lower == "xl/workbook.bin" {
            return "an Excel workbook (.xlsx), not a .docx";
        }
        if lower == "ppt/presentation.xml" {
            return "a PowerPoint presentation (.pptx), not a .docx";
        }
        if lower == "ofd.xml" {
            what = "an OFD document (.ofd), not a .docx";
        }
    }
    what
}

fn compound_file(bytes: &[u8]) -> Sniffed {
    // Stream names sit in the directory sectors as UTF-16LE; finding them is enough to
    // name the format and avoids following the FAT chains.
    if has_stream(bytes, "EncryptedPackage") || has_stream(bytes, "EncryptionInfo") {
        return Sniffed::Encrypted(
            "an encrypted (password-protected) Office document: remove the password and save it again as .docx",
        );
    }
    let what = if has_stream(bytes, "WordDocument") {
        "a Word 97-2003 binary document (.doc, or a WPS .wps in that format), not a .docx: save it as .docx"
    } else if has_stream(bytes, "Workbook") || has_stream(bytes, "Book") {
        "an Excel 97-2003 workbook (.xls), not a .docx"
    } else if has_stream(bytes, "PowerPoint Document") {
        "a PowerPoint 97-2003 presentation (.ppt), not a .docx"
    } else if has_stream(bytes, "MatOST") || has_stream(bytes, "CONTENTS") {
        "a Microsoft Works document (.wps), not a .docx"
    } else {
        "an OLE2 compound file (the family of .doc, .wps and .xls), not a .docx"
    };
    Sniffed::NotDocx(what)
}

fn has_stream(bytes: &[u8], name: &str) -> bool {
    let needle: Vec<u8> = name.encode_utf16().flat_map(u16::to_le_bytes).collect();
    contains(bytes, &needle)
}

fn strip_bom(bytes: &[u8]) -> &[u8] {
    bytes.strip_prefix(&[0xEF, 0xBB, 0xBF][..]).unwrap_or(bytes)
}

fn contains(hay: &[u8], needle: &[u8]) -> bool {
    !needle.is_empty() && hay.windows(needle.len()).any(|w| w == needle)
}

fn contains_ci(hay: &[u8], needle: &[u8]) -> bool {
    !needle.is_empty()
        && hay
            .windows(needle.len())
            .any(|w| w.eq_ignore_ascii_case(needle))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cfb_with(stream: &str) -> Vec<u8> {
        let mut bytes = vec![0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];
        bytes.resize(512, 0);
        bytes.extend(stream.encode_utf16().flat_map(u16::to_le_bytes));
        bytes.resize(1024, 0);
        bytes
    }

    #[test]
    fn zip_is_not_sniffed() {
        assert_eq!(non_zip(b"PK\x03\x04rest"), None);
    }

    #[test]
    fn doc_and_encrypted_are_told_apart() {
        assert!(
            matches!(non_zip(&cfb_with("WordDocument")), Some(Sniffed::NotDocx(w)) if w.contains(".doc"))
        );
        assert!(matches!(
            non_zip(&cfb_with("EncryptedPackage")),
            Some(Sniffed::Encrypted(_))
        ));
        assert!(
            matches!(non_zip(&cfb_with("Workbook")), Some(Sniffed::NotDocx(w)) if w.contains(".xls"))
        );
        assert!(
            matches!(non_zip(&cfb_with("Other")), Some(Sniffed::NotDocx(w)) if w.contains("OLE2"))
        );
    }

    #[test]
    fn text_formats_are_named() {
        assert!(
            matches!(non_zip(b"{\\rtf1\\ansi"), Some(Sniffed::NotDocx(w)) if w.contains("RTF"))
        );
        assert!(matches!(non_zip(b"%PDF-1.7"), Some(Sniffed::NotDocx(w)) if w.contains("PDF")));
        assert!(matches!(non_zip(b""), Some(Sniffed::NotDocx(w)) if w.contains("empty")));
    }

    #[test]
    fn zips_are_named_by_their_parts() {
        let names = ["[Content_Types].xml", "xl/workbook.xml"];
        assert!(zip_without_document(names.into_iter(), None).contains(".xlsx"));
        let odt = zip_without_document(
            std::iter::empty(),
            Some(b"application/vnd.oasis.opendocument.text"),
        );
        assert!(odt.contains(".odt"));
    }
}
