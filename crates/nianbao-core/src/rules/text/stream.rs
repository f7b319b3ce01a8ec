//! A part of the narrative (the preamble or one section) as one run of characters:
//! paragraphs that do not end a sentence are joined to the next one (a text dump cuts
//! lines in the middle of words), with a map back to each paragraph.

/// Characters that end a sentence.
const SENTENCE_ENDS: [char; 7] = ['。', '！', '？', '!', '?', '；', ';'];
/// Characters that end a clause (and every sentence end).
const CLAUSE_ENDS: [char; 12] = [
    '，', ',', '：', ':', '、', '（', '）', '(', ')', '【', '】', '\n',
];

/// The paragraphs of one part, joined.
#[derive(Debug)]
pub(super) struct Stream {
    /// The characters.
    pub chars: Vec<char>,
    /// For each paragraph joined: where it starts in `chars` and its index.
    starts: Vec<(usize, usize)>,
}

/// A page number line (`-1-`, `— 2 —`, `第3页`): left out of the run.
fn is_page_number(p: &str) -> bool {
    let t = crate::text::trim(p);
    let digits = t.chars().filter(char::is_ascii_digit).count();
    digits > 0
        && t.chars().count() <= 12
        && t.chars().all(|c| {
            c.is_ascii_digit()
                || crate::text::is_space(c)
                || matches!(c, '-' | '—' | '－' | '–' | '第' | '页' | '共' | '/')
        })
}

impl Stream {
    /// Joins `paragraphs`: a paragraph goes on from the one before unless that one ends
    /// a sentence, in which case a line break separates them. Page number lines are
    /// left out.
    pub fn new(paragraphs: &[String]) -> Stream {
        let mut chars = Vec::new();
        let mut starts = Vec::new();
        for (index, p) in paragraphs.iter().enumerate() {
            if is_page_number(p) {
                continue;
            }
            let ends_sentence = chars
                .iter()
                .rev()
                .find(|c| !crate::text::is_space(**c))
                .is_none_or(|c| SENTENCE_ENDS.contains(c));
            if !chars.is_empty() && ends_sentence {
                chars.push('\n');
            }
            starts.push((chars.len(), index));
            chars.extend(p.chars());
        }
        Stream { chars, starts }
    }

    /// The paragraph and the offset in it of the character at `at`.
    pub fn place(&self, at: usize) -> Option<(usize, usize)> {
        let i = self
            .starts
            .partition_point(|(s, _)| *s <= at)
            .checked_sub(1)?;
        let (start, index) = self.starts.get(i)?;
        Some((*index, at - start))
    }

    /// The text between two positions.
    pub fn text(&self, start: usize, end: usize) -> String {
        self.chars
            .get(start..end)
            .unwrap_or_default()
            .iter()
            .collect()
    }
}

/// Splits a run into spans (start, end) ending at any of `ends`: linear.
pub(super) fn spans(chars: &[char], ends: impl Fn(char) -> bool) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut start = 0;
    for (i, c) in chars.iter().enumerate() {
        if ends(*c) {
            out.push((start, i));
            start = i + 1;
        }
    }
    out.push((start, chars.len()));
    out
}

/// The span of `spans` (sorted, as [`spans`] gives them) that holds `at`.
pub(super) fn containing(spans: &[(usize, usize)], at: usize) -> (usize, usize) {
    let i = spans.partition_point(|(_, end)| *end <= at);
    spans.get(i).copied().unwrap_or((at, at))
}

/// Whether a character ends a sentence (a line break between paragraphs does too).
pub(super) fn ends_sentence(c: char) -> bool {
    SENTENCE_ENDS.contains(&c) || c == '\n'
}

/// Whether a character ends a clause.
pub(super) fn ends_clause(c: char) -> bool {
    ends_sentence(c) || CLAUSE_ENDS.contains(&c)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_cut_mid_sentence_are_joined_and_mapped_back() {
        let paragraphs: Vec<String> = ["全市共受理申请 3119 件，答", "-1-", "复 3050 件。", "二是"]
            .iter()
            .map(|s| s.to_string())
            .collect();
        let s = Stream::new(&paragraphs);
        assert_eq!(
            s.text(0, s.chars.len()),
            "全市共受理申请 3119 件，答复 3050 件。\n二是"
        );
        let at = s.chars.iter().position(|c| *c == '0').unwrap();
        assert_eq!(s.place(at), Some((2, 3)));
        let (a, b) = containing(&spans(&s.chars, ends_sentence), at);
        assert_eq!(s.text(a, b), "全市共受理申请 3119 件，答复 3050 件");
        let clauses = spans(&s.chars, ends_clause);
        let (a, b) = containing(&clauses, at);
        assert_eq!(s.text(a, b), "答复 3050 件");
        assert_eq!(containing(&clauses, 0), (0, 14));
    }
}
