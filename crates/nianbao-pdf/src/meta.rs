//! The document information dictionary into document properties.

use std::collections::BTreeMap;

use lopdf::Object;

use crate::objects::{Pdf, as_dict};

/// A PDF text string: UTF-16 with a byte-order mark (big- or, as WPS writes it,
/// little-endian), UTF-8 with a BOM, else PDFDocEncoding (read as Latin-1).
pub fn text_string(bytes: &[u8]) -> String {
    let units = |b: &[u8], be: bool| -> String {
        let u: Vec<u16> = b
            .chunks_exact(2)
            .map(|c| match c {
                [x, y] if be => u16::from(*x) << 8 | u16::from(*y),
                [x, y] => u16::from(*y) << 8 | u16::from(*x),
                _ => 0,
            })
            .collect();
        char::decode_utf16(u)
            .map(|r| r.unwrap_or('\u{fffd}'))
            .collect()
    };
    let s = if let Some(rest) = bytes.strip_prefix(b"\xfe\xff") {
        units(rest, true)
    } else if let Some(rest) = bytes.strip_prefix(b"\xff\xfe") {
        units(rest, false)
    } else if let Some(rest) = bytes.strip_prefix(b"\xef\xbb\xbf") {
        String::from_utf8_lossy(rest).into_owned()
    } else {
        bytes.iter().map(|&b| char::from(b)).collect()
    };
    s.trim_matches(|c: char| c == '\0' || c.is_whitespace())
        .to_owned()
}

/// A PDF date (`D:20250225100250+08'00'`) as ISO 8601, else as written.
pub fn date(s: &str) -> String {
    let d = s.strip_prefix("D:").unwrap_or(s);
    let digits: String = d.chars().take_while(char::is_ascii_digit).collect();
    if digits.len() < 8 {
        return s.to_owned();
    }
    let part = |a: usize, b: usize| digits.get(a..b).unwrap_or("00");
    let mut out = format!("{}-{}-{}", part(0, 4), part(4, 6), part(6, 8));
    if digits.len() >= 12 {
        out.push_str(&format!(
            "T{}:{}:{}",
            part(8, 10),
            part(10, 12),
            part(12, 14)
        ));
        let tz = d.get(digits.len()..).unwrap_or("");
        let tz_digits: String = tz.chars().filter(char::is_ascii_digit).collect();
        if tz.starts_with('Z') {
            out.push('Z');
        } else if let Some(sign) = tz.chars().next().filter(|c| *c == '+' || *c == '-')
            && tz_digits.len() >= 4
        {
            out.push_str(&format!(
                "{sign}{}:{}",
                tz_digits.get(0..2).unwrap_or("00"),
                tz_digits.get(2..4).unwrap_or("00")
            ));
        }
    }
    out
}

/// Title, author, subject, keywords, creator, producer, created and modified.
pub fn info(pdf: &Pdf<'_>, out: &mut BTreeMap<String, String>) {
    let Some(info) = pdf
        .doc
        .trailer
        .get(b"Info")
        .ok()
        .and_then(|o| pdf.resolve(o))
        .and_then(as_dict)
    else {
        return;
    };
    let keys: [(&[u8], &str); 8] = [
        (b"Title", "title"),
        (b"Author", "author"),
        (b"Subject", "subject"),
        (b"Keywords", "keywords"),
        (b"Creator", "creator"),
        (b"Producer", "producer"),
        (b"CreationDate", "created"),
        (b"ModDate", "modified"),
    ];
    for (key, name) in keys {
        if let Some(Object::String(bytes, _)) = pdf.get(info, key) {
            let mut value = text_string(bytes);
            if name == "created" || name == "modified" {
                value = date(&value);
            }
            if !value.is_empty() {
                out.insert(name.to_owned(), value);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strings_and_dates() {
        assert_eq!(text_string(b"\xfe\xff\x4e\x00"), "一");
        assert_eq!(text_string(b"\xff\xfe\x00\x4e"), "一");
        assert_eq!(text_string(b"WPS"), "WPS");
        assert_eq!(date("D:20250225100250+08'00'"), "2025-02-25T10:02:50+08:00");
        assert_eq!(date("D:20250225"), "2025-02-25");
    }
}
