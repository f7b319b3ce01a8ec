//! What a line looks like: its chunks of text separated by runs of spaces (or tabs),
//! whether a chunk is a value, whether a line is a page footer.

use crate::cells::is_value;

/// A run of text on a line, with the character column it starts at.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Chunk {
    /// The 0-based character column of its first character.
    pub x: usize,
    /// The text (inner single spaces kept).
    pub text: String,
}

impl Chunk {
    /// Whether the chunk is a value.
    pub(crate) fn is_value(&self) -> bool {
        is_value(&self.text)
    }

    /// The column just after its last character.
    pub(crate) fn end(&self) -> usize {
        self.x + self.text.chars().count()
    }

    /// Its middle column, doubled (to stay in integers).
    pub(crate) fn center2(&self) -> usize {
        self.x + self.end()
    }
}

/// Splits an analysis line into chunks at runs of two or more spaces, or any tab.
pub(crate) fn chunks(text: &str) -> Vec<Chunk> {
    let mut out = Vec::new();
    let mut cur = String::new();
    let mut start = 0usize;
    let mut spaces = 0usize;
    for (i, c) in text.chars().enumerate() {
        if c == ' ' || c == '\t' {
            if c == '\t' {
                spaces += 2;
            } else {
                spaces += 1;
            }
            continue;
        }
        if !cur.is_empty() && spaces >= 2 {
            out.push(Chunk {
                x: start,
                text: std::mem::take(&mut cur),
            });
        } else if !cur.is_empty() && spaces == 1 {
            cur.push(' ');
        }
        if cur.is_empty() {
            start = i;
        }
        spaces = 0;
        cur.push(c);
    }
    if !cur.is_empty() {
        out.push(Chunk {
            x: start,
            text: cur,
        });
    }
    out
}

/// Splits value chunks printed with single spaces between them (`0 0`) into one
/// chunk per value; other chunks are kept whole.
pub(crate) fn split_values(chunks: Vec<Chunk>) -> Vec<Chunk> {
    let mut out = Vec::with_capacity(chunks.len());
    for ch in chunks {
        let parts: Vec<&str> = ch.text.split(' ').collect();
        if parts.len() > 1 && parts.iter().all(|p| is_value(p)) && !looks_grouped(&parts) {
            let mut x = ch.x;
            for p in parts {
                out.push(Chunk {
                    x,
                    text: p.to_owned(),
                });
                x += p.chars().count() + 1;
            }
        } else {
            out.push(ch);
        }
    }
    out
}

/// Whether space-separated digit groups read as one number with thousands groups
/// (`3 985 758`): a first group of 1–3 digits, then groups of exactly three.
fn looks_grouped(parts: &[&str]) -> bool {
    parts.len() > 1
        && parts.first().is_some_and(|p| (1..=3).contains(&p.len()))
        && parts.iter().skip(1).all(|p| p.len() == 3)
        && parts.iter().all(|p| p.bytes().all(|b| b.is_ascii_digit()))
}

/// Whether a line is a page footer or header: `-4-`, `- 4 -`, `— 5 —`, `第 4 页`,
/// `第4页 共6页`, `4/6`.
pub(crate) fn is_footer(text: &str) -> bool {
    let t: String = nianbao_core::text::fold_full_width(text)
        .chars()
        .filter(|c| !nianbao_core::text::is_space(*c))
        .collect();
    if t.is_empty() {
        return false;
    }
    let digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    let dashes: &[char] = &['-', '—', '–', '―', '─'];
    let inner = t.trim_matches(dashes);
    if inner.len() < t.len() && t.starts_with(dashes) && t.ends_with(dashes) && digits(inner) {
        return true;
    }
    if let Some(rest) = t.strip_prefix('第') {
        let (page, after) = rest.split_once('页').unwrap_or((rest, "x"));
        if digits(page) {
            if after.is_empty() {
                return true;
            }
            if let Some(total) = after.strip_prefix('共').and_then(|a| a.strip_suffix('页')) {
                return digits(total);
            }
        }
    }
    if let Some((a, b)) = t.split_once('/') {
        return digits(a) && digits(b) && a.len() <= 3 && b.len() <= 3;
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chunks_at_runs_of_spaces() {
        let c = chunks("     法提供       2.没有现成信息  11 0");
        let t: Vec<(usize, &str)> = c.iter().map(|c| (c.x, c.text.as_str())).collect();
        assert_eq!(t, [(5, "法提供"), (15, "2.没有现成信息"), (25, "11 0")]);
        let s = split_values(c);
        assert_eq!(s.len(), 4);
        assert_eq!((s[3].x, s[3].text.as_str()), (28, "0"));
        assert_eq!(chunks("规章\t1\t0").len(), 3);
        assert_eq!(split_values(chunks("3 985 758")).len(), 1);
    }

    #[test]
    fn footers() {
        for f in ["-4-", "  — 5 —", "第 4 页", "第4页 共6页", "- 12 -", "3/6"] {
            assert!(is_footer(f), "{f}");
        }
        for f in ["4", "-", "第二十条 第（一）项", "0", "第一部分", "1/2/3"] {
            assert!(!is_footer(f), "{f}");
        }
    }
}
