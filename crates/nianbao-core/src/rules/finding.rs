//! The result of one rule instance.

use crate::{Number, SectionKey};

/// Whether a rule instance holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
#[cfg_attr(
    feature = "json",
    derive(serde::Serialize, serde::Deserialize, schemars::JsonSchema)
)]
#[cfg_attr(feature = "json", serde(rename_all = "snake_case"))]
pub enum Status {
    /// Both sides are numbers and they are equal.
    Passed,
    /// Both sides are numbers and they differ.
    Failed,
    /// A cell involved is blank, a placeholder, text, or its row is missing.
    NotAssessable,
}

/// One cell a rule instance reads.
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(
    feature = "json",
    derive(serde::Serialize, serde::Deserialize, schemars::JsonSchema)
)]
#[non_exhaustive]
pub struct Term {
    /// The cell's path: `applications.new_received.total`.
    pub path: String,
    /// Its number, or `null` when it has none.
    pub value: Option<Number>,
}

/// The result of one rule instance (one column, one row or one group).
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(
    feature = "json",
    derive(serde::Serialize, serde::Deserialize, schemars::JsonSchema)
)]
#[non_exhaustive]
pub struct Finding {
    /// The rule id (`applications.balance`).
    pub rule: String,
    /// Which instance: a column key, a row path or a group key.
    pub instance: String,
    /// Whether it holds.
    pub status: Status,
    /// The sum of the left side, when every term there is a number and the sum fits a
    /// number (±9.2 × 10^18). A sum past that is still compared exactly: the status is
    /// passed or failed, never "not assessable", when no term is blank.
    pub left: Option<Number>,
    /// The sum of the right side, when every term there is a number and the sum fits a
    /// number (±9.2 × 10^18); compared exactly either way.
    pub right: Option<Number>,
    /// The cells of the left side.
    pub left_terms: Vec<Term>,
    /// The cells of the right side.
    pub right_terms: Vec<Term>,
    /// A soft rule states what is expected, not what must hold.
    #[cfg_attr(
        feature = "json",
        serde(default, skip_serializing_if = "std::ops::Not::not")
    )]
    pub soft: bool,
    /// For a `text.*` rule: the figure the narrative states and where (the left side is
    /// that figure, the right side the table cell it describes).
    #[cfg_attr(
        feature = "json",
        serde(default, skip_serializing_if = "Option::is_none")
    )]
    pub claim: Option<Claim>,
}

/// A figure stated in the narrative, and where it stands: the evidence of a `text.*`
/// finding.
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(
    feature = "json",
    derive(serde::Serialize, serde::Deserialize, schemars::JsonSchema)
)]
#[non_exhaustive]
pub struct Claim {
    /// The section whose paragraph states it; `None` for the preamble (the paragraphs
    /// before the first section).
    pub section: Option<SectionKey>,
    /// The paragraph's index in that section's `paragraphs` (or in `preamble`).
    pub paragraph: usize,
    /// Where the figure starts in the paragraph, in characters (Unicode scalar values).
    pub start: usize,
    /// Where the figure ends (exclusive), in characters.
    pub end: usize,
    /// The figure as printed (`12`, `十二`).
    pub text: String,
    /// The sentence that states it.
    pub sentence: String,
}

impl Claim {
    /// A claim at a place in a paragraph.
    pub fn new(
        section: Option<SectionKey>,
        paragraph: usize,
        start: usize,
        end: usize,
        text: impl Into<String>,
        sentence: impl Into<String>,
    ) -> Claim {
        Claim {
            section,
            paragraph,
            start,
            end,
            text: text.into(),
            sentence: sentence.into(),
        }
    }
}

/// `#[non_exhaustive]`: build it with [`Term::new`].
///
/// ```
/// use nianbao_core::Number;
/// use nianbao_core::rules::{Finding, Status, Term};
/// let left = vec![Term::new("applications.new_received.total", Some(Number::from(3)))];
/// let right = vec![Term::new("applications.results.total.total", Some(Number::from(3)))];
/// let f = Finding::evaluate("applications.balance", "total", left, right);
/// assert_eq!(f.status, Status::Passed);
/// ```
impl Term {
    /// A term: a cell's path and its number (`None` when the cell has none).
    pub fn new(path: impl Into<String>, value: Option<Number>) -> Self {
        Term {
            path: path.into(),
            value,
        }
    }
}

/// `#[non_exhaustive]`: build it with [`Finding::evaluate`], then set `soft` or
/// `claim` where they apply.
impl Finding {
    /// Evaluates `sum(left) = sum(right)`.
    pub fn evaluate(
        rule: &str,
        instance: &str,
        left_terms: Vec<Term>,
        right_terms: Vec<Term>,
    ) -> Finding {
        let left = Sum::of(&left_terms);
        let right = Sum::of(&right_terms);
        let status = match (left, right) {
            (Some(l), Some(r)) if l.equals(r) => Status::Passed,
            (Some(_), Some(_)) => Status::Failed,
            _ => Status::NotAssessable,
        };
        Finding {
            rule: rule.to_owned(),
            instance: instance.to_owned(),
            status,
            left: left.and_then(Sum::number),
            right: right.and_then(Sum::number),
            left_terms,
            right_terms,
            soft: false,
            claim: None,
        }
    }

    /// A sentence for people: `applications.balance [total]: 3 + 0 = 2 + 1 — passed`;
    /// a `text.*` finding adds where its figure is stated and the sentence.
    pub fn describe(&self) -> String {
        let side = |terms: &[Term]| {
            terms
                .iter()
                .map(|t| t.value.map_or("(blank)".to_owned(), |v| v.to_string()))
                .collect::<Vec<_>>()
                .join(" + ")
        };
        let status = match self.status {
            Status::Passed => "passed",
            Status::Failed => "FAILED",
            Status::NotAssessable => "not assessable",
        };
        let sums = match (self.left, self.right) {
            (Some(l), Some(r)) if self.status == Status::Failed => format!(" ({l} ≠ {r})"),
            _ => String::new(),
        };
        // A text.* finding says where the figure is stated.
        let stated = self.claim.as_ref().map_or(String::new(), |c| {
            let part = c.section.map_or("preamble", |s| s.key());
            format!(" — stated in {part} ¶{}: “{}”", c.paragraph, c.sentence)
        });
        format!(
            "{} [{}]: {} = {} — {status}{sums}{stated}",
            self.rule,
            self.instance,
            side(&self.left_terms),
            side(&self.right_terms)
        )
    }
}

/// An exact sum of numbers, wider than a [`Number`]: `digits × 10^-scale` in 128 bits,
/// so that cells of 9,223,372,036,854,775,807 add up without overflow.
#[derive(Debug, Clone, Copy)]
struct Sum {
    digits: i128,
    scale: u8,
}

impl Sum {
    /// The sum of the terms, `None` when one is not a number (or, past any real table,
    /// 10^7 terms of the largest numbers would not fit 128 bits).
    fn of(terms: &[Term]) -> Option<Sum> {
        let scale = terms
            .iter()
            .map(|t| t.value.map_or(0, |v| v.parts().1))
            .max()
            .unwrap_or(0);
        let mut digits = 0i128;
        for t in terms {
            let (m, s) = t.value?.parts();
            let factor = 10i128.checked_pow(u32::from(scale - s.min(scale)))?;
            digits = digits.checked_add(i128::from(m).checked_mul(factor)?)?;
        }
        Some(Sum { digits, scale })
    }

    /// Exact equality (both brought to the larger scale).
    fn equals(self, other: Sum) -> bool {
        let scale = self.scale.max(other.scale);
        let at = |s: Sum| {
            10i128
                .checked_pow(u32::from(scale - s.scale))
                .and_then(|f| s.digits.checked_mul(f))
        };
        matches!((at(self), at(other)), (Some(a), Some(b)) if a == b)
    }

    /// The sum as a [`Number`], when it fits one.
    fn number(self) -> Option<Number> {
        Number::new(i64::try_from(self.digits).ok()?, self.scale)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn terms(values: &[Option<(i64, u8)>]) -> Vec<Term> {
        values
            .iter()
            .map(|v| Term {
                path: "t".into(),
                value: v.and_then(|(m, s)| Number::new(m, s)),
            })
            .collect()
    }

    #[test]
    fn sums_past_i64_are_compared_exactly() {
        let max = Some((i64::MAX, 0));
        // MAX + MAX ≠ MAX: failed, not "not assessable"; the sum fits no Number.
        let f = Finding::evaluate("r", "i", terms(&[max, max]), terms(&[max]));
        assert_eq!(f.status, Status::Failed);
        assert_eq!((f.left, f.right), (None, Some(Number::int(i64::MAX))));
        // MAX + MAX = MAX + MAX: passed.
        let f = Finding::evaluate("r", "i", terms(&[max, max]), terms(&[max, max]));
        assert_eq!(f.status, Status::Passed);
        // MAX + 1 − 1 on each side in another order, with decimals.
        let f = Finding::evaluate(
            "r",
            "i",
            terms(&[max, Some((15, 1))]),
            terms(&[Some((5, 1)), Some((1, 0)), max]),
        );
        assert_eq!(f.status, Status::Passed);
        // A blank still makes it not assessable.
        let f = Finding::evaluate("r", "i", terms(&[max, None]), terms(&[max]));
        assert_eq!(f.status, Status::NotAssessable);
    }
}
