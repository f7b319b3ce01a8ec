//! Splitting decoded text into lines (CR, LF and CRLF all end a line; a form feed
//! marks a page break), each kept verbatim and in a normalized form for layout
//! analysis.

use std::borrow::Cow;

use nianbao_core::Limits;

use crate::TxtError;

/// One line of the input.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Line<'a> {
    /// The 1-based line number.
    pub no: u32,
    /// The line as it is in the source, without its line end or form feeds (borrowed
    /// from the decoded text unless it had a form feed).
    pub raw: Cow<'a, str>,
    /// The line for analysis: zero-width characters removed, NBSP, U+3000 and other
    /// spaces turned into ASCII spaces (one character for one, so columns stay);
    /// borrowed when that changes nothing.
    pub text: Cow<'a, str>,
    /// Whether a form feed (a page break) came before or on this line.
    pub page_break: bool,
}

impl Line<'_> {
    /// Whether the line holds nothing but spaces.
    pub fn is_blank(&self) -> bool {
        self.text.trim().is_empty()
    }
}

/// Whether a character is dropped from the analysis text.
fn is_zero_width(c: char) -> bool {
    matches!(
        c,
        '\u{200b}' | '\u{200c}' | '\u{200d}' | '\u{2060}' | '\u{feff}' | '\u{ad}'
    )
}

/// Whether [`normalize`] changes a character.
fn normalizes(c: char) -> bool {
    is_zero_width(c) || (c != '\t' && c != ' ' && c.is_whitespace())
}

/// The analysis form of a verbatim line.
pub(crate) fn normalize(raw: &str) -> String {
    raw.chars()
        .filter(|&c| !is_zero_width(c))
        .map(|c| {
            if c != '\t' && c.is_whitespace() {
                ' '
            } else {
                c
            }
        })
        .collect()
}

/// Fails when line `no`, `len` bytes long, is over [`Limits::max_line_bytes`].
fn check_line_length(len: usize, no: u32, limits: &Limits) -> Result<(), TxtError> {
    let len = u64::try_from(len).unwrap_or(u64::MAX);
    if len > limits.max_line_bytes {
        return Err(TxtError::LimitExceeded {
            limit: "max_line_bytes",
            actual: len,
            max: limits.max_line_bytes,
            line: no,
        });
    }
    Ok(())
}

/// Checks [`Limits::max_line_bytes`] on the raw bytes, before anything is decoded, for
/// encodings whose line feed is the byte 0x0A (not UTF-16: its lines are checked after
/// decoding). A raw line is never longer than its decoded UTF-8 text but by the
/// replacement of two-byte GBK/Big5 characters (3 bytes in UTF-8 for 2 raw), so a raw
/// line over the limit is over it decoded too.
pub(crate) fn check_raw_lines(bytes: &[u8], limits: &Limits) -> Result<(), TxtError> {
    let head = bytes.get(..4096).unwrap_or(bytes);
    let utf16 =
        bytes.starts_with(&[0xff, 0xfe]) || bytes.starts_with(&[0xfe, 0xff]) || head.contains(&0);
    if utf16 || u64::try_from(bytes.len()).unwrap_or(u64::MAX) <= limits.max_line_bytes {
        return Ok(());
    }
    let mut start = 0usize;
    let mut no = 1u32;
    for end in memchr::memchr2_iter(b'\n', b'\r', bytes).chain(std::iter::once(bytes.len())) {
        check_line_length(end.saturating_sub(start), no, limits)?;
        // CR LF, LF and a lone CR each end one line.
        let crlf = bytes.get(end) == Some(&b'\r') && bytes.get(end + 1) == Some(&b'\n');
        if !crlf {
            no = no.saturating_add(1);
        }
        start = end + 1;
    }
    Ok(())
}

#[cfg(test)]
mod raw_line_tests {
    use super::*;

    #[test]
    fn a_long_raw_line_is_refused_before_decoding() {
        let limits = Limits {
            max_line_bytes: 10,
            ..Limits::default()
        };
        assert!(check_raw_lines(b"short\r\nlines\rhere\n", &limits).is_ok());
        let err = check_raw_lines(b"a\r\nb\rc\n0123456789ABC\n", &limits).unwrap_err();
        assert!(
            matches!(
                err,
                TxtError::LimitExceeded {
                    line: 4,
                    actual: 13,
                    ..
                }
            ),
            "{err}"
        );
        // UTF-16 is checked after decoding.
        assert!(check_raw_lines(b"\xff\xfe0\x001\x002\x003\x004\x005\x006\x00", &limits).is_ok());
    }
}

/// Splits `text` into lines, checking [`Limits::max_line_bytes`] and, line by line,
/// [`Limits::max_nodes`] (a line costs memory even when it is blank).
pub(crate) fn split<'a>(text: &'a str, limits: &Limits) -> Result<Vec<Line<'a>>, TxtError> {
    let mut lines = Vec::new();
    let mut no = 0u32;
    let mut rest = text;
    let mut pending_break = false;
    while !rest.is_empty() {
        no = no.saturating_add(1);
        nianbao_core::work::add(1);
        if u64::from(no) > limits.max_nodes {
            return Err(TxtError::LimitExceeded {
                limit: "max_nodes",
                actual: u64::from(no),
                max: limits.max_nodes,
                line: no,
            });
        }
        let end = rest.find(['\n', '\r']).unwrap_or(rest.len());
        let (body, tail) = rest.split_at(end);
        rest = if let Some(t) = tail.strip_prefix("\r\n") {
            t
        } else {
            tail.get(1..).unwrap_or_default()
        };
        check_line_length(body.len(), no, limits)?;
        let page_break = pending_break || body.contains('\u{c}');
        pending_break = false;
        let raw: Cow<'_, str> = if page_break {
            Cow::Owned(body.chars().filter(|&c| c != '\u{c}').collect())
        } else {
            Cow::Borrowed(body)
        };
        if raw.is_empty() && page_break && body.ends_with('\u{c}') {
            // A lone form feed line: the break belongs to the next line.
            pending_break = true;
        }
        let text = if raw.chars().any(normalizes) {
            Cow::Owned(normalize(&raw))
        } else {
            raw.clone()
        };
        lines.push(Line {
            no,
            raw,
            text,
            page_break,
        });
    }
    Ok(lines)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_ends_and_form_feeds() {
        let lines = split(
            "a\r\nb\rc\n\u{c}d\u{a0}\u{3000}e\u{200b}f\n",
            &Limits::default(),
        )
        .unwrap();
        let texts: Vec<&str> = lines.iter().map(|l| l.text.as_ref()).collect();
        assert_eq!(texts, ["a", "b", "c", "d  ef"]);
        assert_eq!(lines[3].raw, "d\u{a0}\u{3000}e\u{200b}f");
        assert!(lines[3].page_break && !lines[2].page_break);
        assert_eq!(lines[3].no, 4);
    }

    #[test]
    fn long_lines_hit_the_limit() {
        let limits = Limits {
            max_line_bytes: 4,
            ..Limits::default()
        };
        let err = split("ok\nfar too long\n", &limits).unwrap_err();
        assert!(matches!(
            err,
            TxtError::LimitExceeded {
                limit: "max_line_bytes",
                line: 2,
                ..
            }
        ));
    }
}
