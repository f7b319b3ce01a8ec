//! The figures of a report that a summary shows: who, when, which formats, the
//! headline numbers and how the rules went.

use nianbao::{Analysis, Number, Report, TableKind};

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
    /// the 总计 of both 行政诉讼 groups added.
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
        let apps = |row: &str| {
            report
                .table(TableKind::Applications)
                .and_then(|t| t.number(row, "total"))
        };
        let review = |group: &str| {
            report
                .table(TableKind::ReviewLitigation)
                .and_then(|t| t.number(group, "total"))
        };
        let litigation = review("litigation_direct")
            .zip(review("litigation_after_review"))
            .and_then(|(a, b)| a.checked_add(b));
        Headline {
            agency: report.meta.agency.clone(),
            year: report.meta.year,
            table_formats: table_formats(report),
            numbers: [
                apps("new_received"),
                apps("carried_over"),
                apps("results.total"),
                apps("carried_forward"),
                review("review"),
                litigation,
            ],
            rules_failed: nianbao::rules::failed_rules(&analysis.findings)
                .into_iter()
                .map(str::to_owned)
                .collect(),
            diagnostics: analysis.diagnostics.len(),
        }
    }
}

fn table_formats(report: &Report) -> [Option<&'static str>; 3] {
    TableKind::ALL.map(|kind| {
        report
            .table(kind)
            .map(|t| t.format.map_or("found", |f| f.as_str()))
    })
}
