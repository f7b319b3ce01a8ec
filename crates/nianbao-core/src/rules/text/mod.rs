//! The `text.*` rules: the figures the narrative states (`本年共收到政府信息公开申请 12
//! 件`, `现行有效规范性文件 66 件`) against the table cells they describe.
//!
//! Every figure of the preamble and the sections (a number, in Arabic digits or Chinese
//! numerals, followed by 件 条 次 个 项 元 or 万元) is listed by [`claims`]. A figure is
//! compared only when exactly one phrase pattern (`patterns.rs`, one entry per
//! pattern) maps its clause to one cell or sum of cells, and nothing in its clause or
//! sentence makes it something else: an approximate figure (余 多 约 近 超过 以上 左右),
//! a clause with several figures, a sentence about another year, a change or a share
//! (同比 增加 占 %), one number for several cells (各 均 分别), or two cells the
//! wording could mean ([`Why`]). Table-3 and table-4 wording (办结, 行政复议) counts
//! outside sections 三 and 四 only in a sentence naming 信息公开 or 依申请. A wrong
//! finding is worse than a missing one.
//!
//! Each compared figure is a finding of `text.applications`, `text.review_litigation`
//! or `text.active_disclosure` (by the table it checks): the instance is the cell path
//! (or a short key for a sum: `review_litigation.litigation.total`), the left term the
//! figure (path `text.<section key or preamble>.<paragraph index>`), the right terms
//! the cells, and `claim` its place and sentence.
//!
//! Paragraphs that do not end a sentence are read on into the next (a text dump cuts
//! lines in the middle of words); page number lines are left out. A figure is placed
//! in the paragraph it starts in; one cut across two paragraphs is not listed.

mod compare;
mod numerals;
mod patterns;
mod stream;

use std::fmt;

use super::{Claim, Finding};
use crate::model::ReportKind;
use crate::{Number, Report, SectionKey};
pub use numerals::Unit;
use stream::{Stream, containing, ends_sentence, spans};

/// A sentence longer than this is quoted around the figure only.
const MAX_SENTENCE: usize = 200;

/// A figure the narrative states, and what became of it.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct StatedFigure {
    /// Where it stands: section, paragraph, character offsets of the number as
    /// printed, and its sentence.
    pub claim: Claim,
    /// Its value: in 件 for a count, in 万元 for money (元 divided by 10,000 exactly).
    pub value: Number,
    /// What it counts.
    pub unit: Unit,
    /// The unit as printed (`件`, `元`, `万元`, `万件`).
    pub unit_text: String,
    /// Whether a marker makes it approximate (余 多 约 近 超过 以上 左右 …).
    pub approximate: bool,
    /// The comparison with the table, or why there is none.
    pub outcome: Outcome,
}

/// What became of a stated figure.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum Outcome {
    /// Compared with the cells it describes: the finding (passed, failed or not
    /// assessable), the same as [`super::check`] gives.
    Compared(Box<Finding>),
    /// Not compared, and why.
    NotCompared(Why),
}

/// Why a stated figure is not compared.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum Why {
    /// It is approximate (余 多 约 近 超过 以上 左右 …).
    Approximate,
    /// No pattern says which cell it describes.
    NoCell,
    /// The wording could describe any of these cells (instances).
    Ambiguous(Vec<String>),
    /// Its clause states other figures too.
    SeveralFigures,
    /// Its sentence is about another year than the report's (or names a year and the
    /// report's year is unknown).
    OtherYear,
    /// A word makes it a change, a share, a running total or a number for several
    /// cells (`同比`, `累计`, `占`, `各`).
    Qualified(String),
    /// The cell it describes is not in this table's format (2019 table 2 has no
    /// 制发 / 废止 / 现行有效 or 收费金额 column).
    NotInFormat,
    /// The report is in no national format: there are no tables to compare with.
    NoNationalTables,
}

impl fmt::Display for Why {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Why::Approximate => write!(f, "approximate"),
            Why::NoCell => write!(f, "no table cell named"),
            Why::Ambiguous(cells) => write!(f, "could be any of {}", cells.join(", ")),
            Why::SeveralFigures => write!(f, "its clause states several figures"),
            Why::OtherYear => write!(f, "about another year"),
            Why::Qualified(word) => write!(f, "qualified by {word:?}"),
            Why::NotInFormat => write!(f, "no such cell in this table's format"),
            Why::NoNationalTables => write!(f, "the report has no national tables"),
        }
    }
}

impl StatedFigure {
    /// The finding, when the figure was compared.
    pub fn finding(&self) -> Option<&Finding> {
        match &self.outcome {
            Outcome::Compared(f) => Some(f),
            Outcome::NotCompared(_) => None,
        }
    }
}

/// Every figure the preamble and the sections state, in the order of the report,
/// each with its comparison or why there is none (at most [`MAX_FIGURES`]).
pub fn claims(report: &Report) -> Vec<StatedFigure> {
    walk(report, false)
}

/// The findings of the `text.*` rules, in the order of the report.
pub fn findings(report: &Report) -> Vec<Finding> {
    walk(report, true)
        .into_iter()
        .filter_map(|c| match c.outcome {
            Outcome::Compared(f) => Some(*f),
            Outcome::NotCompared(_) => None,
        })
        .collect()
}

/// The most figures read from one report: a real report states a few dozen; past
/// this many (hostile input) the rest are not read.
pub const MAX_FIGURES: usize = 10_000;

/// The figures of a report; only those compared when `compared_only`.
fn walk(report: &Report, compared_only: bool) -> Vec<StatedFigure> {
    let mut out = Vec::new();
    let mut read = 0;
    let parts = std::iter::once((None, &report.preamble))
        .chain(report.sections.iter().map(|s| (Some(s.key), &s.paragraphs)));
    for (section, paragraphs) in parts {
        for run in Stream::runs(paragraphs) {
            if read >= MAX_FIGURES {
                return out;
            }
            let cx = Run {
                report,
                section,
                stream: &run,
                compared_only,
            };
            read += cx.figures(MAX_FIGURES - read, &mut out);
        }
    }
    out
}

/// One run of paragraphs being read.
struct Run<'a> {
    report: &'a Report,
    section: Option<SectionKey>,
    stream: &'a Stream,
    compared_only: bool,
}

impl Run<'_> {
    /// Reads at most `limit` figures of the run into `out`; returns how many it read.
    fn figures(&self, limit: usize, out: &mut Vec<StatedFigure>) -> usize {
        let (report, stream) = (self.report, self.stream);
        let chars = &stream.chars;
        let mut figures = numerals::figures(chars);
        figures.truncate(limit);
        if figures.is_empty() {
            return 0;
        }
        let sentences = spans(chars, ends_sentence);
        let ends: Vec<usize> = figures.iter().map(|f| f.end).collect();
        let clauses = stream::clauses(chars, &ends);
        // How many figures each clause holds.
        let mut per_clause = vec![0usize; clauses.len()];
        let clause_index = |at: usize| clauses.partition_point(|(_, end)| *end <= at);
        for f in &figures {
            if let Some(n) = per_clause.get_mut(clause_index(f.start)) {
                *n += 1;
            }
        }
        let mut clause_cache: Vec<Option<Clause>> = (0..clauses.len()).map(|_| None).collect();
        // What each sentence says (its years, whether it names 信息公开), read once.
        let mut facts: Vec<Option<Sentence>> = vec![None; sentences.len()];
        for f in &figures {
            let (Some((paragraph, start)), Some((last, _))) =
                (stream.place(f.start), stream.place(f.end.saturating_sub(1)))
            else {
                continue;
            };
            if last != paragraph {
                continue;
            }
            let (s_start, s_end) = containing(&sentences, f.start);
            let ci = clause_index(f.start);
            let several = per_clause.get(ci).copied().unwrap_or(0) > 1;
            let si = sentences.partition_point(|(_, end)| *end <= f.start);
            let sentence = facts
                .get_mut(si)
                .map(|s| {
                    s.get_or_insert_with(|| {
                        Sentence::of(chars.get(s_start..s_end).unwrap_or_default())
                    })
                    .clone()
                })
                .unwrap_or_default();
            // A clause's text and patterns are read once, however many figures it holds.
            let Some(slot) = clause_cache.get_mut(ci) else {
                continue;
            };
            let cached = slot.get_or_insert_with(|| {
                let (c_start, c_end) = clauses.get(ci).copied().unwrap_or((f.start, f.end));
                Clause {
                    text: stream.text(c_start, c_end),
                    matched: [None, None],
                }
            });
            let unit_slot = usize::from(f.unit == Unit::WanYuan);
            let text = &cached.text;
            let matched = match cached.matched.get_mut(unit_slot) {
                Some(m) => m
                    .get_or_insert_with(|| patterns::matching(text, f.unit))
                    .clone(),
                None => Vec::new(),
            };
            // The next clause of the same sentence (for 含上年结转 after a 收到
            // figure), read only for a clause with one figure.
            let next = match clauses.get(ci + 1) {
                Some((a, b)) if !several && *a <= s_end => stream.text(*a, *b),
                _ => String::new(),
            };
            // The sentence before the clause (at most 200 characters), for a table-4
            // result whose subject was named before it.
            let before = if !several
                && matched
                    .iter()
                    .any(|p| matches!(p.cells, patterns::Cells::Part(_)))
            {
                let c_start = clauses.get(ci).map_or(f.start, |c| c.0);
                stream.text(s_start.max(c_start.saturating_sub(200)), c_start)
            } else {
                String::new()
            };
            let context = Context {
                report,
                chars,
                clause: cached.text.as_str(),
                matched,
                next: &next,
                before: &before,
                several,
                section: self.section,
                sentence,
            };
            let judged = judge(&context, f);
            if self.compared_only && judged.is_err() {
                continue;
            }
            let claim = Claim::new(
                self.section,
                paragraph,
                start,
                start + (f.end - f.start),
                stream.text(f.start, f.end),
                quote(stream, s_start, s_end, f.start),
            );
            let outcome = match judged {
                Ok(target) => Outcome::Compared(Box::new(compare::finding(
                    report,
                    &target,
                    f.value,
                    claim.clone(),
                ))),
                Err(why) => Outcome::NotCompared(why),
            };
            out.push(StatedFigure {
                claim,
                value: f.value,
                unit: f.unit,
                unit_text: f.unit_text.to_owned(),
                approximate: f.approximate,
                outcome,
            });
        }
        figures.len()
    }
}

/// A clause's text and the patterns that apply to it, per unit (count, money).
struct Clause {
    text: String,
    matched: [Option<Vec<&'static patterns::Pattern>>; 2],
}

/// What a sentence says that matters to all its figures.
#[derive(Debug, Clone, Default)]
struct Sentence {
    /// The years it names.
    years: Vec<i32>,
    /// Whether it names 信息公开 or 依申请.
    gi: bool,
}

impl Sentence {
    fn of(chars: &[char]) -> Sentence {
        let gi = patterns::GI_WORDS
            .iter()
            .any(|w| (0..chars.len()).any(|i| numerals::starts_with(chars, i, w)));
        Sentence {
            years: numerals::years(chars),
            gi,
        }
    }
}

/// What a figure is judged by.
struct Context<'a> {
    report: &'a Report,
    chars: &'a [char],
    clause: &'a str,
    matched: Vec<&'static patterns::Pattern>,
    next: &'a str,
    before: &'a str,
    several: bool,
    section: Option<SectionKey>,
    sentence: Sentence,
}

/// The cells a figure is compared with, or why it is not.
fn judge(cx: &Context<'_>, f: &numerals::Figure) -> Result<compare::Target, Why> {
    if f.approximate {
        return Err(Why::Approximate);
    }
    // A table-3 or table-4 pattern counts in its own section, or in a sentence
    // that names 信息公开 / 依申请.
    let matched: Vec<&patterns::Pattern> = cx
        .matched
        .iter()
        .copied()
        .filter(|p| {
            p.section()
                .is_none_or(|s| cx.sentence.gi || cx.section == Some(s))
        })
        .collect();
    let Some(first) = matched.first() else {
        return Err(Why::NoCell);
    };
    if cx.several {
        return Err(Why::SeveralFigures);
    }
    let report_year = cx.report.meta.year;
    if cx.sentence.years.iter().any(|y| Some(*y) != report_year)
        || patterns::OTHER_YEAR.iter().any(|w| cx.clause.contains(w))
        || last_year_not_carried(cx.clause)
    {
        return Err(Why::OtherYear);
    }
    if let Some(w) = patterns::QUALIFIERS.iter().find(|w| cx.clause.contains(*w)) {
        return Err(Why::Qualified((*w).to_owned()));
    }
    if let Some(w) = shared_before(cx.chars, f.start) {
        return Err(Why::Qualified(w.to_owned()));
    }
    let mut instances: Vec<String> = matched.iter().map(|p| p.instance.to_owned()).collect();
    instances.dedup();
    if instances.len() > 1 {
        return Err(Why::Ambiguous(instances));
    }
    if cx.report.meta.kind == ReportKind::Legacy {
        return Err(Why::NoNationalTables);
    }
    compare::resolve(cx.report, first, cx.clause, cx.next, cx.before)
}

/// Whether the clause says 上年 / 上一年 for something else than 上年结转.
fn last_year_not_carried(clause: &str) -> bool {
    let chars: Vec<char> = clause.chars().collect();
    (0..chars.len()).any(|i| {
        let at = if numerals::starts_with(&chars, i, "上一年") {
            i + 3
        } else if numerals::starts_with(&chars, i, "上年") {
            i + 2
        } else {
            return false;
        };
        let at = if chars.get(at) == Some(&'度') {
            at + 1
        } else {
            at
        };
        !numerals::starts_with(&chars, at, "结转")
    })
}

/// A word right before the figure giving one number to several cells (`各5件`).
fn shared_before(chars: &[char], start: usize) -> Option<&'static str> {
    let mut at = start;
    while at > 0 && chars.get(at - 1).is_some_and(|c| crate::text::is_space(*c)) {
        at -= 1;
    }
    patterns::SHARED.iter().copied().find(|w| {
        let n = w.chars().count();
        at >= n && numerals::starts_with(chars, at - n, w)
    })
}

/// The sentence from `start` to `end`, cut to [`MAX_SENTENCE`] characters around the
/// figure at `at` when longer (the cut marked `…`).
fn quote(stream: &Stream, start: usize, end: usize, at: usize) -> String {
    if end - start <= MAX_SENTENCE {
        return stream.text(start, end).trim().to_owned();
    }
    let from = at.saturating_sub(MAX_SENTENCE / 2).max(start);
    let to = (from + MAX_SENTENCE).min(end);
    let mut s = String::new();
    if from > start {
        s.push('…');
    }
    s.push_str(&stream.text(from, to));
    if to < end {
        s.push('…');
    }
    s
}

#[cfg(test)]
mod tests;
