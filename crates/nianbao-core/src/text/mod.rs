//! Text helpers shared by the recognizer and the readers: white space, full-width
//! forms, heading numbering, the label keys used to match labels, and Word's list
//! numbers (formats and counters).

mod label;
mod list_counter;
mod numbering;
mod numfmt;

pub use label::{label_key, label_key_into};
// The recognizer's fuzzy matching: public for the readers' and the benches' use, not
// part of the API (hidden; they may change in any release).
#[doc(hidden)]
pub use label::{
    similarity, similarity_at_least, similarity_at_least_of, similarity_bound, similarity_of,
};
pub use list_counter::{LIST_LEVELS, ListCounter, ListSuffix};
pub use numbering::{Numbering, NumberingStyle, chinese_numeral, strip_numbering};
pub use numfmt::NumFmt;

/// Whether a character is white space as reports use it: ASCII and Unicode spaces,
/// U+3000, NBSP, and the zero-width characters (ZWSP, ZWNJ, ZWJ, BOM).
pub fn is_space(c: char) -> bool {
    // No space between U+3001 and U+FEFE (CJK text, the common case).
    if ('\u{3001}'..='\u{fefe}').contains(&c) {
        return false;
    }
    c.is_whitespace()
        || matches!(
            c,
            '\u{200b}' | '\u{200c}' | '\u{200d}' | '\u{2060}' | '\u{feff}'
        )
}

/// Trims [`is_space`] characters at both ends.
pub fn trim(s: &str) -> &str {
    // Most texts (cell values, labels) have nothing to trim: look at both ends first.
    let mut ends = s.chars();
    match (ends.next(), ends.next_back()) {
        (None, _) => s,
        (Some(first), last) if !is_space(first) && !last.is_some_and(is_space) => s,
        _ => s.trim_matches(is_space),
    }
}

/// Whether a (trimmed) cell text is a placeholder meaning "nothing": `—` `-` `/` `无`
/// and their doubled or full-width forms.
pub fn is_placeholder(s: &str) -> bool {
    let s = trim(s);
    !s.is_empty()
        && (s == "无"
            || s == "空"
            || s == "——"
            || s.chars().all(|c| {
                matches!(
                    c,
                    '—' | '-' | '－' | '–' | '―' | '─' | '/' | '／' | '\\' | '＼' | '_' | '…'
                )
            }))
}

/// Folds the full-width forms of digits, letters and number signs (`０-９` `Ａ-ｚ`
/// `＋` `－` `．` `，` `％`) to ASCII; everything else (brackets, spaces) is kept.
pub fn fold_full_width(s: &str) -> String {
    s.chars()
        .map(|c| match c {
            '０'..='９' | 'Ａ'..='Ｚ' | 'ａ'..='ｚ' | '＋' | '－' | '．' | '，' | '％' => {
                char::from_u32(u32::from(c) - 0xfee0).unwrap_or(c)
            }
            _ => c,
        })
        .collect()
}

/// Whether commas in an ASCII number separate groups of three digits (`3,985,758`).
pub fn has_valid_thousands_groups(s: &str) -> bool {
    let s = s.trim_start_matches(['+', '-']);
    let int = s.split('.').next().unwrap_or("");
    let mut groups = int.split(',');
    let first_ok = groups
        .next()
        .is_some_and(|g| (1..=3).contains(&g.len()) && g.bytes().all(|b| b.is_ascii_digit()));
    first_ok && groups.all(|g| g.len() == 3 && g.bytes().all(|b| b.is_ascii_digit()))
}

/// Whether a text is one bracketed annotation: `（…）` or `(…)`.
pub fn is_bracketed(s: &str) -> bool {
    let s = trim(s);
    (s.starts_with('（') || s.starts_with('(')) && (s.ends_with('）') || s.ends_with(')'))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_fast_path_of_is_space_agrees_with_unicode() {
        let zero_width = ['\u{200b}', '\u{200c}', '\u{200d}', '\u{2060}', '\u{feff}'];
        for c in (0..=0x10ffff).filter_map(char::from_u32) {
            assert_eq!(
                is_space(c),
                c.is_whitespace() || zero_width.contains(&c),
                "U+{:04X}",
                u32::from(c)
            );
        }
    }

    #[test]
    fn white_space_and_placeholders() {
        assert_eq!(trim("\u{3000}\u{a0} 1\u{200b}\n"), "1");
        for (s, trimmed) in [
            ("", ""),
            (" ", ""),
            ("a", "a"),
            ("公开", "公开"),
            ("公 开", "公 开"),
            ("\u{3000}公开", "公开"),
            ("公开\u{feff}", "公开"),
            ("\u{200b}", ""),
            ("1 ", "1"),
        ] {
            assert_eq!(trim(s), trimmed, "{s:?}");
            assert_eq!(trim(s), s.trim_matches(is_space), "{s:?}");
        }
        assert!(is_placeholder("—"));
        assert!(is_placeholder(" / "));
        assert!(is_placeholder("无"));
        assert!(!is_placeholder("0"));
        assert!(!is_placeholder(""));
        assert_eq!(fold_full_width("１２．５＋"), "12.5+");
        assert!(has_valid_thousands_groups("3,985,758"));
        assert!(!has_valid_thousands_groups("39,85,758"));
    }
}
