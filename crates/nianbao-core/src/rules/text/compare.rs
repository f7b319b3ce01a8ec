//! What a pattern's figure is compared with in a report, and the finding.

use super::Why;
use super::patterns::{Cells, Pattern};
use crate::catalog::{TableFormat, TableKind};
use crate::model::Provenance;
use crate::rules::within_report::term;
use crate::rules::{Claim, Finding, Status, Term};
use crate::{Number, Report};

/// The instance of a figure counting the new applications and those carried over.
pub(super) const RECEIVED_WITH_CARRIED: &str = "applications.new_received+carried_over.total";

/// The cells a figure is compared with.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Target {
    /// The table.
    pub table: TableKind,
    /// The finding's instance.
    pub instance: &'static str,
    /// The cells summed on the right side: `(row, column)`.
    pub cells: &'static [(&'static str, &'static str)],
}

/// The rule id of the `text.*` rule checking a table.
pub(super) fn rule_of(table: TableKind) -> &'static str {
    match table {
        TableKind::ActiveDisclosure => "text.active_disclosure",
        TableKind::Applications => "text.applications",
        TableKind::ReviewLitigation => "text.review_litigation",
    }
}

/// The carried-over cue words, which the wording after a 收到 figure may name.
const CARRIED_OVER: [&str; 4] = ["上年结转", "上年度结转", "上一年度结转", "上一年结转"];

/// The cells `pattern` describes in `report`; `clause` is the figure's clause, `next`
/// the clause after it in the same sentence (empty if none), `before` the text of the
/// sentence before the clause.
pub(super) fn resolve(
    report: &Report,
    pattern: &Pattern,
    clause: &str,
    next: &str,
    before: &str,
) -> Result<Target, Why> {
    match pattern.cells {
        Cells::Part(index) => part(index, clause, before),
        Cells::Of {
            table,
            cells,
            only_2021,
        } => {
            let format = report.table(table).and_then(|t| t.format);
            if only_2021 && format == Some(TableFormat::Trial2019) {
                return Err(Why::NotInFormat);
            }
            Ok(Target {
                table,
                instance: pattern.instance,
                cells,
            })
        }
        Cells::Received => received(report, pattern, next),
    }
}

/// The 行政复议 results, one cell each, and the 行政诉讼 ones, 直接起诉 + 复议后起诉.
const REVIEW_PARTS: [(&str, &[(&str, &str)]); 4] = [
    ("review_litigation.review.upheld", &[("review", "upheld")]),
    (
        "review_litigation.review.corrected",
        &[("review", "corrected")],
    ),
    ("review_litigation.review.other", &[("review", "other")]),
    ("review_litigation.review.pending", &[("review", "pending")]),
];
const LITIGATION_PARTS: [(&str, &[(&str, &str)]); 4] = [
    (
        "review_litigation.litigation.upheld",
        &[
            ("litigation_direct", "upheld"),
            ("litigation_after_review", "upheld"),
        ],
    ),
    (
        "review_litigation.litigation.corrected",
        &[
            ("litigation_direct", "corrected"),
            ("litigation_after_review", "corrected"),
        ],
    ),
    (
        "review_litigation.litigation.other",
        &[
            ("litigation_direct", "other"),
            ("litigation_after_review", "other"),
        ],
    ),
    (
        "review_litigation.litigation.pending",
        &[
            ("litigation_direct", "pending"),
            ("litigation_after_review", "pending"),
        ],
    ),
];

/// A table-4 result (`其中结果维持 N 件`): of 行政复议 or 行政诉讼, whichever the clause
/// names, else whichever the nearest clause before it in the sentence that speaks of
/// a review or a suit names. A subject naming both, or a part of the suits (直接起诉,
/// 复议后起诉), leaves it unsettled.
fn part(index: usize, clause: &str, before: &str) -> Result<Target, Why> {
    let speaks = |text: &str| ["复议", "诉讼", "起诉"].iter().any(|w| text.contains(w));
    let subject = if speaks(clause) {
        Some(clause)
    } else {
        before
            .rsplit(super::stream::ends_clause)
            .find(|t| speaks(t))
    };
    let subject = subject.map(|t| {
        let narrower = ["复议后", "经复议", "经行政复议", "直接"]
            .iter()
            .any(|w| t.contains(w));
        (narrower, t.contains("行政复议"), t.contains("行政诉讼"))
    });
    let subject = match subject {
        Some((false, review, litigation)) => Some((review, litigation)),
        _ => None,
    };
    let parts = match subject {
        Some((true, false)) => &REVIEW_PARTS,
        Some((false, true)) => &LITIGATION_PARTS,
        Some((true, true)) => {
            let of = |p: &[(&'static str, &[(&str, &str)]); 4]| {
                p.get(index).map_or(String::new(), |(i, _)| (*i).to_owned())
            };
            return Err(Why::Ambiguous(vec![
                of(&REVIEW_PARTS),
                of(&LITIGATION_PARTS),
            ]));
        }
        _ => return Err(Why::NoCell),
    };
    let (instance, cells) = parts.get(index).copied().ok_or(Why::NoCell)?;
    Ok(Target {
        table: TableKind::ReviewLitigation,
        instance,
        cells,
    })
}

/// 收到 / 受理 N 件申请: the new applications alone, or with those carried over.
fn received(report: &Report, pattern: &Pattern, next: &str) -> Result<Target, Why> {
    let next = crate::text::trim(next);
    let names_carried = CARRIED_OVER.iter().any(|w| next.contains(w));
    let both = || {
        Why::Ambiguous(vec![
            pattern.instance.to_owned(),
            RECEIVED_WITH_CARRIED.to_owned(),
        ])
    };
    if names_carried && ["含", "包括", "包含"].iter().any(|w| next.starts_with(w)) {
        return Ok(Target {
            table: TableKind::Applications,
            instance: RECEIVED_WITH_CARRIED,
            cells: &[("new_received", "total"), ("carried_over", "total")],
        });
    }
    if names_carried {
        // 收到 N 件，其中上年结转 M 件: N may or may not count the M.
        return Err(both());
    }
    // Both readings are one number when nothing was carried over.
    let carried = report
        .applications
        .as_ref()
        .and_then(|t| t.number("carried_over", "total"));
    if carried == Some(Number::int(0)) {
        Ok(Target {
            table: TableKind::Applications,
            instance: pattern.instance,
            cells: &[("new_received", "total")],
        })
    } else {
        Err(both())
    }
}

/// The finding comparing a stated figure with its cells. The left term's path names
/// the place: `text.<section key or preamble>.<paragraph index>`.
pub(super) fn finding(report: &Report, target: &Target, value: Number, claim: Claim) -> Finding {
    let part = claim.section.map_or("preamble", |s| s.key());
    let left = vec![Term {
        path: format!("text.{part}.{}", claim.paragraph),
        value: Some(value),
    }];
    let table = report.table(target.table);
    let right = target
        .cells
        .iter()
        .map(|(row, column)| match table {
            Some(t) => term(t, row, column),
            None => Term {
                path: format!("{}.{row}.{column}", target.table.key()),
                value: None,
            },
        })
        .collect();
    let mut finding = Finding::evaluate(rule_of(target.table), target.instance, left, right);
    // A cell placed by the figures the text states is no evidence against the text.
    let from_text = table.is_some_and(|t| {
        target.cells.iter().any(|(row, column)| {
            t.cell(row, column)
                .is_some_and(|c| c.provenance == Provenance::StatedInText)
        })
    });
    if from_text {
        finding.status = Status::NotAssessable;
    }
    finding.claim = Some(claim);
    finding
}
