//! The page's character encoding: BOM, then `<meta charset>` or `http-equiv`, then
//! detection from the bytes (UTF-8 if the bytes are valid UTF-8, else GB18030, the
//! superset of the GB2312/GBK that Chinese government sites still serve).

#[cfg(test)]
use encoding_rs::GBK;
use encoding_rs::{Encoding, GB18030, UTF_8};
use nianbao_core::Diagnostic;

/// How far into the page a `<meta>` charset declaration is looked for. Browsers look
/// at 1024 bytes; Word and some portals put long comments or scripts first.
const PRESCAN_BYTES: usize = 8192;

/// Where the encoding came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Source {
    /// A byte-order mark.
    Bom,
    /// A `<meta>` declaration.
    Meta,
    /// Detected from the bytes.
    Detected,
}

impl Source {
    /// `bom`, `meta` or `detected`.
    pub fn as_str(self) -> &'static str {
        match self {
            Source::Bom => "bom",
            Source::Meta => "meta",
            Source::Detected => "detected",
        }
    }
}

/// A decoded page.
#[derive(Debug)]
pub struct Decoded {
    /// The text.
    pub text: String,
    /// The encoding used, as the text reader names it (`UTF-8`, `GBK`, `GB18030`, `UTF-16LE`).
    pub encoding: String,
    /// Where the encoding came from.
    pub source: Source,
}

/// Decodes the page, adding a diagnostic when the declared charset was wrong or
/// undecodable bytes were replaced.
pub fn decode(bytes: &[u8], diagnostics: &mut Vec<Diagnostic>) -> Decoded {
    if let Some((enc, bom_len)) = Encoding::for_bom(bytes) {
        let rest = bytes.get(bom_len..).unwrap_or_default();
        return finish(enc, rest, Source::Bom, diagnostics);
    }
    if let Some(declared) = prescan(bytes) {
        // Valid UTF-8 with non-ASCII text is UTF-8 whatever the page says (GBK text
        // is almost never valid UTF-8, but UTF-8 bytes decode as GBK mojibake).
        let utf8_in_disguise =
            declared != UTF_8 && !bytes.is_ascii() && std::str::from_utf8(bytes).is_ok();
        let (text, had_errors) = declared.decode_without_bom_handling(bytes);
        if !had_errors && !utf8_in_disguise {
            return Decoded {
                text: text.into_owned(),
                encoding: name(declared),
                source: Source::Meta,
            };
        }
        // The declaration is wrong (a page re-saved as UTF-8 that still says gb2312,
        // or the reverse): take the encoding the bytes really are in, if one fits.
        if let Some(actual) = detect_clean(bytes).filter(|e| *e != declared) {
            diagnostics.push(Diagnostic::warning(
                "html.charset_mismatch",
                format!(
                    "the page declares charset {} but is {}; read as {}",
                    name(declared),
                    name(actual),
                    name(actual)
                ),
                None,
            ));
            return finish(actual, bytes, Source::Detected, diagnostics);
        }
        return finish(declared, bytes, Source::Meta, diagnostics);
    }
    let enc = detect_clean(bytes).unwrap_or(GB18030);
    if enc != UTF_8 {
        diagnostics.push(Diagnostic::info(
            "html.charset_detected",
            format!(
                "the page declares no charset; its bytes read as {}",
                name(enc)
            ),
            None,
        ));
    }
    finish(enc, bytes, Source::Detected, diagnostics)
}

fn finish(
    enc: &'static Encoding,
    bytes: &[u8],
    source: Source,
    diagnostics: &mut Vec<Diagnostic>,
) -> Decoded {
    let (text, had_errors) = enc.decode_without_bom_handling(bytes);
    if had_errors {
        diagnostics.push(Diagnostic::warning(
            "html.undecodable_bytes",
            format!(
                "some bytes are not valid {} and were replaced by U+FFFD",
                name(enc)
            ),
            None,
        ));
    }
    Decoded {
        text: text.into_owned(),
        encoding: name(enc),
        source,
    }
}

/// UTF-8 when the bytes are valid UTF-8, else GB18030 when they decode cleanly as it.
fn detect_clean(bytes: &[u8]) -> Option<&'static Encoding> {
    if std::str::from_utf8(bytes).is_ok() {
        return Some(UTF_8);
    }
    let (_, had_errors) = GB18030.decode_without_bom_handling(bytes);
    (!had_errors).then_some(GB18030)
}

fn name(enc: &'static Encoding) -> String {
    enc.name().to_ascii_uppercase()
}

/// The charset a `<meta charset=…>` or `<meta http-equiv=Content-Type
/// content="text/html; charset=…">` in the first bytes declares.
pub fn prescan(bytes: &[u8]) -> Option<&'static Encoding> {
    let head = bytes.get(..PRESCAN_BYTES.min(bytes.len())).unwrap_or(bytes);
    let lower: Vec<u8> = head.iter().map(u8::to_ascii_lowercase).collect();
    let mut from = 0;
    while let Some(start) = find(&lower, b"<meta", from) {
        let end = find(&lower, b">", start).unwrap_or(lower.len());
        let tag = lower.get(start..end).unwrap_or_default();
        from = end;
        let Some(at) = find(tag, b"charset", 0) else {
            continue;
        };
        let rest = tag.get(at + b"charset".len()..).unwrap_or_default();
        let rest = trim_start(rest);
        let Some(rest) = rest.strip_prefix(b"=") else {
            continue;
        };
        let rest = trim_start(rest);
        let rest = rest
            .strip_prefix(b"\"")
            .or_else(|| rest.strip_prefix(b"'"))
            .unwrap_or(rest);
        let label_len = rest
            .iter()
            .position(|b| !(b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b':' | b'.')))
            .unwrap_or(rest.len());
        let label = rest.get(..label_len).unwrap_or_default();
        if let Some(enc) = Encoding::for_label(label) {
            // As browsers do: a page that says UTF-16 in ASCII bytes is not UTF-16.
            if enc == encoding_rs::UTF_16LE || enc == encoding_rs::UTF_16BE {
                return Some(UTF_8);
            }
            if enc == encoding_rs::X_USER_DEFINED {
                return Some(encoding_rs::WINDOWS_1252);
            }
            return Some(enc);
        }
    }
    None
}

fn trim_start(s: &[u8]) -> &[u8] {
    let n = s.iter().take_while(|b| b.is_ascii_whitespace()).count();
    s.get(n..).unwrap_or_default()
}

fn find(hay: &[u8], needle: &[u8], from: usize) -> Option<usize> {
    hay.get(from..)?
        .windows(needle.len())
        .position(|w| w == needle)
        .map(|p| p + from)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn gbk(s: &str) -> Vec<u8> {
        GBK.encode(s).0.into_owned()
    }

    #[test]
    fn meta_charset_and_http_equiv() {
        assert_eq!(prescan(b"<meta charset=\"gb2312\">"), Some(GBK));
        assert_eq!(
            prescan(b"<META HTTP-EQUIV=\"Content-Type\" CONTENT=\"text/html; charset=GBK\">"),
            Some(GBK)
        );
        assert_eq!(prescan(b"<meta charset='utf-16'>"), Some(UTF_8));
        assert_eq!(prescan(b"<meta name=x content=y>"), None);
    }

    #[test]
    fn gbk_page_by_http_equiv() {
        let mut page = b"<html><head><meta http-equiv=Content-Type content=\"text/html; charset=gb2312\"></head><body>".to_vec();
        page.extend(gbk("一、总体情况"));
        let mut d = Vec::new();
        let out = decode(&page, &mut d);
        assert!(out.text.contains("一、总体情况"));
        assert_eq!(out.encoding, "GBK");
        assert_eq!(out.source, Source::Meta);
        assert!(d.is_empty());
    }

    #[test]
    fn undeclared_gbk_is_detected() {
        let page = gbk("<p>收到和处理政府信息公开申请情况</p>");
        let mut d = Vec::new();
        let out = decode(&page, &mut d);
        assert!(out.text.contains("收到和处理"));
        assert_eq!(out.encoding, "GB18030");
        assert_eq!(
            d.first().map(|d| d.code.as_str()),
            Some("html.charset_detected")
        );
    }

    #[test]
    fn wrong_declaration_is_corrected() {
        let page = "<meta charset=gb2312><p>总体情况</p>".as_bytes();
        let mut d = Vec::new();
        let out = decode(page, &mut d);
        assert!(out.text.contains("总体情况"));
        assert_eq!(out.encoding, "UTF-8");
        assert_eq!(
            d.first().map(|d| d.code.as_str()),
            Some("html.charset_mismatch")
        );
    }

    #[test]
    fn bom_wins() {
        let mut page = vec![0xff, 0xfe];
        for u in "<p>年报</p>".encode_utf16() {
            page.extend(u.to_le_bytes());
        }
        let mut d = Vec::new();
        let out = decode(&page, &mut d);
        assert_eq!(out.text, "<p>年报</p>");
        assert_eq!(out.source, Source::Bom);
    }
}
