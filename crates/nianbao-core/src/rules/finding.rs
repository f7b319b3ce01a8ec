//! The result of one rule instance.

use crate::Number;

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
pub struct Finding {
    /// The rule id (`applications.balance`).
    pub rule: String,
    /// Which instance: a column key, a row path or a group key.
    pub instance: String,
    /// Whether it holds.
    pub status: Status,
    /// The sum of the left side, when every term there is a number.
    pub left: Option<Number>,
    /// The sum of the right side, when every term there is a number.
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
}

impl Finding {
    /// Evaluates `sum(left) = sum(right)`.
    pub fn evaluate(
        rule: &str,
        instance: &str,
        left_terms: Vec<Term>,
        right_terms: Vec<Term>,
    ) -> Finding {
        let left = sum(&left_terms);
        let right = sum(&right_terms);
        let status = match (left, right) {
            (Some(l), Some(r)) if l == r => Status::Passed,
            (Some(_), Some(_)) => Status::Failed,
            _ => Status::NotAssessable,
        };
        Finding {
            rule: rule.to_owned(),
            instance: instance.to_owned(),
            status,
            left,
            right,
            left_terms,
            right_terms,
            soft: false,
        }
    }

    /// A sentence for people: `applications.balance [total]: 3 + 0 = 2 + 1 — passed`.
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
        format!(
            "{} [{}]: {} = {} — {status}{sums}",
            self.rule,
            self.instance,
            side(&self.left_terms),
            side(&self.right_terms)
        )
    }
}

fn sum(terms: &[Term]) -> Option<Number> {
    terms
        .iter()
        .try_fold(Number::int(0), |acc, t| acc.checked_add(t.value?))
}
