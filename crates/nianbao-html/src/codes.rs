//! The diagnostic codes of the HTML reader (`Diagnostic::code`).

/// No heading or table label of a report was found in the page: the whole page body
/// was read.
pub const NO_REPORT_MARKERS: &str = "html.no_report_markers";
/// The page holds the report twice (a print copy, a hidden copy): the first copy was
/// kept.
pub const DUPLICATE_COPY: &str = "html.duplicate_copy";
/// Only the article holding the report was read; the page's other blocks (menus,
/// footers) were left out.
pub const ARTICLE: &str = "html.article";
/// The declared charset is not the one the bytes are in: the bytes' own was used.
pub const CHARSET_MISMATCH: &str = "html.charset_mismatch";
/// No charset was declared: it was detected from the bytes.
pub const CHARSET_DETECTED: &str = "html.charset_detected";
/// Some bytes could not be decoded and were replaced by U+FFFD.
pub const UNDECODABLE_BYTES: &str = "html.undecodable_bytes";
/// A list of links (navigation, related articles) was skipped.
pub const LINKS_SKIPPED: &str = "html.links_skipped";
/// Tags with more attributes than the reader keeps (100): the attributes past that were
/// left out before parsing, bounding the parser's duplicate-attribute check.
pub const ATTRIBUTES_CUT: &str = "html.attributes_cut";

/// Every code above.
pub const ALL: [&str; 8] = [
    NO_REPORT_MARKERS,
    DUPLICATE_COPY,
    ARTICLE,
    CHARSET_MISMATCH,
    CHARSET_DETECTED,
    UNDECODABLE_BYTES,
    LINKS_SKIPPED,
    ATTRIBUTES_CUT,
];

#[cfg(test)]
mod tests {
    /// Every `"html.…"` code the reader's sources write is listed in [`super::ALL`].
    #[test]
    fn every_code_in_the_sources_is_listed() {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
        let mut found = Vec::new();
        for entry in std::fs::read_dir(dir).unwrap() {
            let text = std::fs::read_to_string(entry.unwrap().path()).unwrap();
            for piece in text.split("\"html.").skip(1) {
                let code: String = piece
                    .chars()
                    .take_while(|c| c.is_ascii_lowercase() || *c == '_')
                    .collect();
                if !code.is_empty() && piece[code.len()..].starts_with('"') {
                    found.push(format!("html.{code}"));
                }
            }
        }
        assert!(found.len() >= 7);
        for code in found {
            assert!(
                super::ALL.contains(&code.as_str()),
                "{code} is not in codes::ALL"
            );
        }
    }
}
