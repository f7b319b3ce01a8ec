//! The headline of a report: who, when, which formats, the figures a summary shows
//! and how the rules went (one row of a batch's `summary.csv`).
//!
//! ```
//! let analysis = nianbao_core::Analysis::default();
//! let h = nianbao_core::headline::Headline::of(&analysis);
//! assert_eq!(h.numbers, [None; 6]);
//! assert_eq!(h.table_formats, [None; 3]);
//! ```

use crate::catalog::keys::{ApplicantColumn, ApplicationRow, ReviewColumn, ReviewGroup};
use crate::{Analysis, Number, Report, TableKind};

/// The names of the headline numbers, in the order of [`Headline::numbers`].
pub const NUMBER_NAMES: [&str; 6] = [
    "new_requests",
    "carried_over",
    "total_processed",
    "carried_forward",
    "review_total",
    "litigation_total",
];

/// The summary of one analysed report.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
#[non_exhaustive]
pub struct Headline {
    /// The publishing agency.
    pub agency: Option<String>,
    /// The year reported on.
    pub year: Option<i32>,
    /// The format of tables 2, 3 and 4: `2019`, `2021`, `found` (table 4 is the same in
    /// both formats) or `None` when the table is missing.
    pub table_formats: [Option<&'static str>; 3],
    /// New requests (一), carried over (二), total processed (（七）总计), carried
    /// forward (四) — all from the 总计 column of table 3 — then the 总计 of 行政复议 and
    /// the 总计 of both 行政诉讼 groups added (named by [`NUMBER_NAMES`]).
    pub numbers: [Option<Number>; 6],
    /// The ids of the rules with a failed instance.
    pub rules_failed: Vec<String>,
    /// How many diagnostics.
    pub diagnostics: usize,
}

impl Headline {
    /// The headline of an analysis.
    pub fn of(analysis: &Analysis) -> Headline {
        let report = &analysis.report;
        let apps = |row: ApplicationRow| {
            report
                .table(TableKind::Applications)
                .and_then(|t| t.value(row, ApplicantColumn::Total))
        };
        let review = |group: ReviewGroup| {
            report
                .table(TableKind::ReviewLitigation)
                .and_then(|t| t.value(group, ReviewColumn::Total))
        };
        let litigation = review(ReviewGroup::LitigationDirect)
            .zip(review(ReviewGroup::LitigationAfterReview))
            .and_then(|(a, b)| a.checked_add(b));
        Headline {
            agency: report.meta.agency.clone(),
            year: report.meta.year,
            table_formats: table_formats(report),
            numbers: [
                apps(ApplicationRow::NewReceived),
                apps(ApplicationRow::CarriedOver),
                apps(ApplicationRow::ResultsTotal),
                apps(ApplicationRow::CarriedForward),
                review(ReviewGroup::Review),
                litigation,
            ],
            rules_failed: crate::rules::failed_rules(&analysis.findings)
                .into_iter()
                .map(str::to_owned)
                .collect(),
            diagnostics: analysis.diagnostics.len(),
        }
    }

    /// The headline numbers with their names ([`NUMBER_NAMES`]).
    pub fn named_numbers(&self) -> impl Iterator<Item = (&'static str, Option<Number>)> + '_ {
        NUMBER_NAMES.into_iter().zip(self.numbers)
    }
}

fn table_formats(report: &Report) -> [Option<&'static str>; 3] {
    TableKind::ALL.map(|kind| {
        report
            .table(kind)
            .map(|t| t.format.map_or("found", |f| f.as_str()))
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Row, Table};
    use crate::{Cell, TableFormat};

    #[test]
    fn the_headline_numbers_of_a_report() {
        let total = |n| Cell::number(Number::from(n));
        let mut apps = Table::new(TableKind::Applications, Some(TableFormat::Format2021));
        for (key, n) in [
            ("new_received", 5),
            ("results.total", 4),
            ("carried_forward", 1),
        ] {
            apps.rows
                .push(Row::new(Some(key), key).with_cell("total", total(n)));
        }
        let mut review = Table::new(TableKind::ReviewLitigation, None);
        for (key, n) in [
            ("review", 2),
            ("litigation_direct", 1),
            ("litigation_after_review", 3),
        ] {
            review
                .rows
                .push(Row::new(Some(key), key).with_cell("total", total(n)));
        }
        let mut analysis = Analysis::default();
        analysis.report.meta.agency = Some("示例县人民政府".into());
        analysis.report.applications = Some(apps);
        analysis.report.review_litigation = Some(review);
        let h = Headline::of(&analysis);
        assert_eq!(h.table_formats, [None, Some("2021"), Some("found")]);
        let shown: Vec<(&str, Option<String>)> = h
            .named_numbers()
            .map(|(name, n)| (name, n.map(|n| n.to_string())))
            .collect();
        assert_eq!(
            shown,
            [
                ("new_requests", Some("5".into())),
                ("carried_over", None),
                ("total_processed", Some("4".into())),
                ("carried_forward", Some("1".into())),
                ("review_total", Some("2".into())),
                ("litigation_total", Some("4".into())),
            ]
        );
    }
}
