//! A cap on the attributes of one tag, applied before html5ever sees the page.
//!
//! html5ever checks each new attribute of a tag against the ones before it, so a tag
//! with `n` attributes costs `n²/2` comparisons: one tag with 100,000 attributes takes
//! seconds. A real tag has a handful; the attributes past [`MAX_ATTRIBUTES`] of a tag
//! are cut out of the text (the tag itself stays), in one linear pass that knows just
//! enough of HTML's tokenizer: tags, quoted values, comments and raw-text elements.

use std::borrow::Cow;

/// The attributes of one tag that are kept. With this cap the duplicate check costs at
/// most `MAX_ATTRIBUTES / 4` comparisons per byte of the page.
pub const MAX_ATTRIBUTES: usize = 100;

/// What [`cap`] cut.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct Cut {
    /// Tags that lost attributes.
    pub tags: u64,
    /// The 1-based line of the first such tag.
    pub first_line: Option<u32>,
}

/// Elements whose content is raw text: no tag inside them until their end tag.
const RAW_TEXT: &[&[u8]] = &[
    b"script",
    b"style",
    b"textarea",
    b"title",
    b"xmp",
    b"iframe",
    b"noembed",
    b"noframes",
];

/// `text` with every tag's attributes past the first [`MAX_ATTRIBUTES`] removed
/// (borrowed when no tag has that many), and what was cut.
pub fn cap(text: &str) -> (Cow<'_, str>, Cut) {
    let b = text.as_bytes();
    let mut out: Option<String> = None;
    let mut copied = 0usize;
    let mut cut = Cut::default();
    let mut i = 0usize;
    while let Some(off) = b
        .get(i..)
        .and_then(|rest| rest.iter().position(|&c| c == b'<'))
    {
        let lt = i + off;
        i = lt + 1;
        let rest = b.get(i..).unwrap_or_default();
        if rest.starts_with(b"!--") {
            i = find(b, i + 3, b"-->").map_or(b.len(), |e| e + 3);
            continue;
        }
        let name_start = i + usize::from(rest.first() == Some(&b'/'));
        if !b.get(name_start).is_some_and(u8::is_ascii_alphabetic) {
            continue;
        }
        let mut j = name_start;
        while b
            .get(j)
            .is_some_and(|&c| !c.is_ascii_whitespace() && c != b'>' && c != b'/')
        {
            j += 1;
        }
        let name = b.get(name_start..j).unwrap_or_default();
        let end_tag = name_start > i;
        let (end, cut_at) = scan_attributes(b, j);
        if let Some(at) = cut_at {
            let kept = out.get_or_insert_with(|| String::with_capacity(text.len()));
            kept.push_str(text.get(copied..at).unwrap_or_default());
            copied = end;
            cut.tags += 1;
            if cut.first_line.is_none() {
                let newlines = b
                    .get(..lt)
                    .unwrap_or_default()
                    .iter()
                    .filter(|&&c| c == b'\n');
                cut.first_line = Some(u32::try_from(newlines.count() + 1).unwrap_or(u32::MAX));
            }
        }
        i = end;
        if !end_tag && RAW_TEXT.iter().any(|r| r.eq_ignore_ascii_case(name)) {
            // Skip to the element's end tag (`</script`, any case).
            let mut k = i;
            i = b.len();
            while let Some(o) = b.get(k..).and_then(|r| r.iter().position(|&c| c == b'<')) {
                let at = k + o;
                let tail = b.get(at + 2..at + 2 + name.len()).unwrap_or_default();
                if b.get(at + 1) == Some(&b'/') && tail.eq_ignore_ascii_case(name) {
                    i = at;
                    break;
                }
                k = at + 1;
            }
        }
    }
    match out {
        None => (Cow::Borrowed(text), cut),
        Some(mut kept) => {
            kept.push_str(text.get(copied..).unwrap_or_default());
            (Cow::Owned(kept), cut)
        }
    }
}

/// Scans the attributes of a tag from `j` (just after its name): returns where the tag
/// ends (the index of its `>`, or the end of the text) and, when it has more than
/// [`MAX_ATTRIBUTES`], where the first attribute over the cap starts.
fn scan_attributes(b: &[u8], mut j: usize) -> (usize, Option<usize>) {
    let mut count = 0usize;
    let mut cut_at = None;
    while let Some(&c) = b.get(j) {
        match c {
            b'>' => return (j, cut_at),
            c if c.is_ascii_whitespace() || c == b'/' => j += 1,
            _ => {
                // An attribute: its name, then maybe `=` and a value.
                count += 1;
                if count > MAX_ATTRIBUTES && cut_at.is_none() {
                    cut_at = Some(j);
                }
                j += 1;
                while b
                    .get(j)
                    .is_some_and(|&c| !c.is_ascii_whitespace() && !matches!(c, b'>' | b'/' | b'='))
                {
                    j += 1;
                }
                while b.get(j).is_some_and(u8::is_ascii_whitespace) {
                    j += 1;
                }
                if b.get(j) != Some(&b'=') {
                    continue;
                }
                j += 1;
                while b.get(j).is_some_and(u8::is_ascii_whitespace) {
                    j += 1;
                }
                match b.get(j) {
                    Some(&q @ (b'"' | b'\'')) => {
                        j = b
                            .get(j + 1..)
                            .and_then(|r| r.iter().position(|&c| c == q))
                            .map_or(b.len(), |o| j + 1 + o + 1);
                    }
                    _ => {
                        while b
                            .get(j)
                            .is_some_and(|&c| !c.is_ascii_whitespace() && c != b'>')
                        {
                            j += 1;
                        }
                    }
                }
            }
        }
    }
    (b.len(), cut_at)
}

/// The index of `needle` in `b` at or after `from`.
fn find(b: &[u8], from: usize, needle: &[u8]) -> Option<usize> {
    b.get(from..)?
        .windows(needle.len())
        .position(|w| w == needle)
        .map(|o| from + o)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn many(n: usize) -> String {
        (0..n).map(|i| format!(" a{i}=\"x>y\"")).collect()
    }

    #[test]
    fn ordinary_pages_are_borrowed() {
        let page = "<p class=a id='b' hidden>1</p><script>if (a<b) x()</script><!-- <p -->";
        let (text, cut) = cap(page);
        assert!(matches!(text, Cow::Borrowed(_)));
        assert_eq!(cut, Cut::default());
    }

    #[test]
    fn attributes_past_the_cap_are_cut_and_the_tag_kept() {
        let page = format!("<p>x</p>\n<td{}>5</td><td{}>6</td>", many(150), many(3));
        let (text, cut) = cap(&page);
        assert_eq!(cut.tags, 1);
        assert_eq!(cut.first_line, Some(2));
        let expected = format!("<p>x</p>\n<td{} >5</td><td{}>6</td>", many(100), many(3));
        assert_eq!(text, expected);
    }

    #[test]
    fn raw_text_and_comments_are_not_tags() {
        let page = format!("<script>var s = '<p{}>';</script><p>1</p>", many(200));
        assert_eq!(cap(&page).1.tags, 0);
        let page = format!("<!--<p{}>--><p>1</p>", many(200));
        assert_eq!(cap(&page).1.tags, 0);
    }

    #[test]
    fn an_unclosed_tag_is_cut_to_the_end() {
        let page = format!("<p{}", many(120));
        let (text, cut) = cap(&page);
        assert_eq!(cut.tags, 1);
        assert_eq!(text.len(), format!("<p{} ", many(100)).len());
    }
}
