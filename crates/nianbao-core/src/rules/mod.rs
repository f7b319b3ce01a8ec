//! The consistency rules (勾稽关系) of the reference (`docs/REFERENCE.md`).
//!
//! Every rule instance gives [`Status::Passed`], [`Status::Failed`] (with the numbers
//! involved) or [`Status::NotAssessable`] (a blank cell, a placeholder, text or a
//! missing row is involved: a blank is not a zero). A failed rule never changes a
//! number.

mod cross_year;
mod finding;
pub mod text;
mod within_report;

pub use cross_year::{CrossYearError, check_cross_year};
pub use finding::{Claim, Finding, Status, Term};

use std::collections::BTreeSet;

/// Every rule: its id and what it states.
pub const RULES: [(&str, &str); 9] = [
    (
        "applications.balance",
        "per column: 一 + 二 = （七）总计 + 四",
    ),
    (
        "applications.results_sum",
        "per column: （七）总计 = the sum of the result rows （一）…（六）",
    ),
    (
        "applications.column_total",
        "per row: 总计 = 自然人 + the five 法人或其他组织 columns",
    ),
    (
        "review_litigation.group_total",
        "per group: 总计 = 结果维持 + 结果纠正 + 其他结果 + 尚未审结",
    ),
    (
        "cross_year.carry",
        "this year's 二 = last year's 四, per column",
    ),
    (
        "cross_year.in_force",
        "(soft) this year's 现行有效 = last year's 现行有效 + 制发 − 废止",
    ),
    (
        "text.active_disclosure",
        "a figure the narrative states for a table-2 cell = that cell",
    ),
    (
        "text.applications",
        "a figure the narrative states for a table-3 total = that cell",
    ),
    (
        "text.review_litigation",
        "a figure the narrative states for a table-4 total = that cell (litigation: 直接起诉 + 复议后起诉)",
    ),
];

/// Checks every rule that one report can be checked against, in a stable order: the
/// rules within the tables, then the `text.*` rules (narrative against tables).
pub fn check(report: &crate::Report) -> Vec<Finding> {
    let mut findings = within_report::check(report);
    findings.extend(text::findings(report));
    findings
}

/// The ids of the rules with at least one failed instance, sorted.
pub fn failed_rules(findings: &[Finding]) -> BTreeSet<&str> {
    findings
        .iter()
        .filter(|f| f.status == Status::Failed)
        .map(|f| f.rule.as_str())
        .collect()
}
