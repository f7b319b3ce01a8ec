//! A part of the narrative (the preamble or one section) as runs of characters:
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
    /// For each paragraph (or piece of one) joined: where it starts in `chars`, the
    /// paragraph's index and the piece's character offset in the paragraph.
    starts: Vec<(usize, usize, usize)>,
}

/// A run longer than this many characters is cut after a sentence end (or at twice
/// this length): memory follows it, not the paragraph's length.
const MAX_RUN: usize = 100_000;

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
    /// Joins `paragraphs` into runs: a paragraph goes on from the one before unless
    /// that one ends a sentence, where a new run starts. Page number lines are left
    /// out. Runs are read one at a time, so memory follows the longest run.
    pub fn runs(paragraphs: &[String]) -> impl Iterator<Item = Stream> + '_ {
        // Where the next run starts: paragraph, byte and character offset in it.
        let (mut p, mut byte, mut offset) = (0usize, 0usize, 0usize);
        std::iter::from_fn(move || {
            let mut run = Stream {
                chars: Vec::new(),
                starts: Vec::new(),
            };
            while let Some(text) = paragraphs.get(p) {
                if byte == 0 {
                    if is_page_number(text) {
                        p += 1;
                        continue;
                    }
                    if !run.starts.is_empty() && run.ends_sentence() {
                        break;
                    }
                }
                run.starts.push((run.chars.len(), p, offset));
                let rest = text.get(byte..).unwrap_or_default();
                let mut cut = None;
                for (i, c) in rest.char_indices() {
                    run.chars.push(c);
                    offset += 1;
                    let len = run.chars.len();
                    if len >= MAX_RUN && (SENTENCE_ENDS.contains(&c) || len >= 2 * MAX_RUN) {
                        cut = Some(byte + i + c.len_utf8());
                        break;
                    }
                }
                match cut {
                    Some(at) if at < text.len() => {
                        byte = at;
                        return Some(run);
                    }
                    _ => {
                        (p, byte, offset) = (p + 1, 0, 0);
                        if cut.is_some() {
                            return Some(run);
                        }
                    }
                }
            }
            (!run.starts.is_empty()).then_some(run)
        })
    }

    /// Whether the run so far ends a sentence (white space aside).
    fn ends_sentence(&self) -> bool {
        self.chars
            .iter()
            .rev()
            .find(|c| !crate::text::is_space(**c))
            .is_none_or(|c| SENTENCE_ENDS.contains(c))
    }

    /// The paragraph and the offset in it of the character at `at`.
    pub fn place(&self, at: usize) -> Option<(usize, usize)> {
        let i = self
            .starts
            .partition_point(|(s, _, _)| *s <= at)
            .checked_sub(1)?;
        let (start, index, offset) = self.starts.get(i)?;
        Some((*index, offset + (at - start)))
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

/// Whether a character ends a clause (a `、` does here: see [`clauses`]).
pub(super) fn ends_clause(c: char) -> bool {
    ends_sentence(c) || CLAUSE_ENDS.contains(&c)
}

/// Whether a character ends a sentence.
pub(super) fn ends_sentence(c: char) -> bool {
    SENTENCE_ENDS.contains(&c) || c == '\n'
}

/// The clauses of a run: spans ending at a sentence end or a clause mark. A `、`
/// ends a clause only after a figure (`行政诉讼1件、行政复议2件`); elsewhere it joins
/// words (`行政复议、行政诉讼案件3件` is one clause). `figure_ends` are sorted.
pub(super) fn clauses(chars: &[char], figure_ends: &[usize]) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut start = 0;
    let mut next_figure = 0;
    for (i, c) in chars.iter().enumerate() {
        while figure_ends.get(next_figure).is_some_and(|e| *e <= start) {
            next_figure += 1;
        }
        let figure_before = figure_ends.get(next_figure).is_some_and(|e| *e <= i);
        let ends = if *c == '、' {
            figure_before
        } else {
            ends_sentence(*c) || CLAUSE_ENDS.contains(c)
        };
        if ends {
            out.push((start, i));
            start = i + 1;
        }
    }
    out.push((start, chars.len()));
    out
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
        let runs: Vec<Stream> = Stream::runs(&paragraphs).collect();
        assert_eq!(runs.len(), 2);
        let s = &runs[0];
        assert_eq!(
            s.text(0, s.chars.len()),
            "全市共受理申请 3119 件，答复 3050 件。"
        );
        assert_eq!(runs[1].text(0, 2), "二是");
        assert_eq!(runs[1].place(0), Some((3, 0)));
        let at = s.chars.iter().position(|c| *c == '0').unwrap();
        assert_eq!(s.place(at), Some((2, 3)));
        let (a, b) = containing(&spans(&s.chars, ends_sentence), at);
        assert_eq!(s.text(a, b), "全市共受理申请 3119 件，答复 3050 件");
        let clauses = clauses(&s.chars, &[]);
        let (a, b) = containing(&clauses, at);
        assert_eq!(s.text(a, b), "答复 3050 件");
        assert_eq!(containing(&clauses, 0), (0, 14));
    }

    #[test]
    fn a_list_mark_ends_a_clause_only_after_a_figure() {
        let chars: Vec<char> = "行政复议、行政诉讼3件、规章1件".chars().collect();
        // The figures end at 10 (3) and 16 (1).
        assert_eq!(clauses(&chars, &[10, 16]), [(0, 11), (12, 16)]);
    }

    #[test]
    fn a_long_paragraph_is_cut_after_a_sentence_end() {
        let sentence = "新收申请1件。";
        let long = sentence.repeat(MAX_RUN / 7 + 10);
        let paragraphs = vec!["开头".to_owned(), long.clone()];
        let runs: Vec<Stream> = Stream::runs(&paragraphs).collect();
        assert_eq!(runs.len(), 2);
        assert_eq!(runs[0].chars.len(), 2 + (MAX_RUN - 2).div_ceil(7) * 7);
        // The second run starts inside paragraph 1, at the offset where the first ended.
        let first_len = runs[0].chars.len() - 2;
        assert_eq!(runs[1].place(0), Some((1, first_len)));
        assert_eq!(
            runs[0].chars.len() + runs[1].chars.len(),
            2 + long.chars().count()
        );
        // With no sentence end, the cut is at twice the length.
        let flat = vec!["一".repeat(2 * MAX_RUN + 5)];
        let runs: Vec<Stream> = Stream::runs(&flat).collect();
        assert_eq!(
            runs.iter().map(|r| r.chars.len()).collect::<Vec<_>>(),
            [2 * MAX_RUN, 5]
        );
    }
}
