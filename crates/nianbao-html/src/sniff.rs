//! Telling an HTML page from other input by its first bytes.

/// Tags that open an HTML page or fragment (the WHATWG MIME-sniffing list, plus the
/// block tags that fragments start with).
const OPENERS: &[&str] = &[
    "<!doctype html",
    "<html",
    "<head",
    "<script",
    "<iframe",
    "<h1",
    "<h2",
    "<h3",
    "<div",
    "<font",
    "<table",
    "<a",
    "<style",
    "<title",
    "<b",
    "<body",
    "<br",
    "<p",
    "<!--",
    "<meta",
    "<span",
    "<center",
    "<section",
    "<article",
];

/// Whether the bytes look like an HTML page or fragment: after a BOM and white space,
/// they start with an HTML tag (`<!DOCTYPE html>`, `<html>`, `<meta …>`, `<p>`, a
/// comment…), or an XML declaration followed by `<html`.
///
/// ```
/// assert!(nianbao_html::looks_like_html(b"\xef\xbb\xbf<!DOCTYPE html><html>"));
/// assert!(nianbao_html::looks_like_html(b"  <table border=1><tr><td>1</td></tr></table>"));
/// assert!(!nianbao_html::looks_like_html("一、总体情况".as_bytes()));
/// assert!(!nianbao_html::looks_like_html(b"PK\x03\x04"));
/// ```
pub fn looks_like_html(bytes: &[u8]) -> bool {
    let head = bytes.get(..4096).unwrap_or(bytes);
    let text: String = match encoding_rs::Encoding::for_bom(head) {
        Some((enc, bom)) => enc
            .decode_without_bom_handling(head.get(bom..).unwrap_or_default())
            .0
            .into_owned(),
        None => String::from_utf8_lossy(head).into_owned(),
    };
    let lower = text.trim_start().to_ascii_lowercase();
    let lower = match lower.strip_prefix("<?xml") {
        Some(rest) => rest
            .split_once("?>")
            .map_or("", |(_, r)| r)
            .trim_start()
            .to_owned(),
        None => lower,
    };
    OPENERS.iter().any(|tag| {
        lower.strip_prefix(tag).is_some_and(|rest| {
            tag.ends_with('-') || rest.starts_with([' ', '>', '\t', '\n', '\r', '/'])
        })
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pages_fragments_and_not() {
        assert!(looks_like_html(
            b"<html xmlns:o=\"urn:schemas-microsoft-com:office:office\">"
        ));
        assert!(looks_like_html(b"<?xml version=\"1.0\"?>\n<html>"));
        assert!(looks_like_html(
            b"<!-- saved from url=(0042)http://x -->\n<html>"
        ));
        assert!(looks_like_html(b"<P>text</P>"));
        assert!(!looks_like_html(b"<abc>"));
        assert!(!looks_like_html(b"<?xml version=\"1.0\"?><w:document>"));
        assert!(!looks_like_html(b"a < b"));
        assert!(!looks_like_html(b""));
    }
}
