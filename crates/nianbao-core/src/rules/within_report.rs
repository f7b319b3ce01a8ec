//! The rules within one report.

use super::{Finding, Term};
use crate::Report;
use crate::catalog::{APPLICANT_COLUMNS, REVIEW_COLUMNS, REVIEW_GROUPS, TableKind};
use crate::model::{Provenance, Table};

/// A term for a cell of a table (`None` value when the cell or row is missing or holds
/// no number).
pub(super) fn term(table: &Table, row: &str, column: &str) -> Term {
    Term {
        path: format!("{}.{row}.{column}", table.kind.key()),
        value: table.number(row, column),
    }
}

/// Checks the rules within the tables, in a stable order.
pub(super) fn check(report: &Report) -> Vec<Finding> {
    let mut findings = Vec::new();
    if let Some(t) = &report.applications {
        applications(t, &mut findings);
    }
    if let Some(t) = &report.review_litigation {
        for group in &REVIEW_GROUPS {
            let (parts, total) = REVIEW_COLUMNS.split_at(REVIEW_COLUMNS.len() - 1);
            findings.push(unless_split_by_it(
                t,
                group.key,
                Finding::evaluate(
                    "review_litigation.group_total",
                    group.key,
                    total.iter().map(|c| term(t, group.key, c.key)).collect(),
                    parts.iter().map(|c| term(t, group.key, c.key)).collect(),
                ),
            ));
        }
    }
    findings
}

fn applications(t: &Table, findings: &mut Vec<Finding>) {
    for col in &APPLICANT_COLUMNS {
        findings.push(Finding::evaluate(
            "applications.balance",
            col.key,
            vec![
                term(t, "new_received", col.key),
                term(t, "carried_over", col.key),
            ],
            vec![
                term(t, "results.total", col.key),
                term(t, "carried_forward", col.key),
            ],
        ));
    }
    let result_rows: Vec<&str> = TableKind::Applications
        .rows(t.format)
        .into_iter()
        .map(|r| r.key)
        .filter(|k| k.starts_with("results.") && *k != "results.total")
        .collect();
    for col in &APPLICANT_COLUMNS {
        findings.push(Finding::evaluate(
            "applications.results_sum",
            col.key,
            vec![term(t, "results.total", col.key)],
            result_rows.iter().map(|r| term(t, r, col.key)).collect(),
        ));
    }
    let (parts, total) = APPLICANT_COLUMNS.split_at(APPLICANT_COLUMNS.len() - 1);
    for row in TableKind::Applications.rows(t.format) {
        findings.push(unless_split_by_it(
            t,
            row.key,
            Finding::evaluate(
                "applications.column_total",
                row.key,
                total.iter().map(|c| term(t, row.key, c.key)).collect(),
                parts.iter().map(|c| term(t, row.key, c.key)).collect(),
            ),
        ));
    }
}

/// A row's own-sum finding, not assessable when the row's values were split out of
/// glued digits by that very sum ([`Provenance::RowSum`]): it is no evidence then.
fn unless_split_by_it(t: &Table, row: &str, mut finding: Finding) -> Finding {
    let split_by_sum = t.row(row).is_some_and(|r| {
        r.cells
            .iter()
            .any(|(_, c)| c.provenance == Provenance::RowSum)
    });
    if split_by_sum {
        finding.status = super::Status::NotAssessable;
    }
    finding
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Number;
    use crate::catalog::TableFormat;
    use crate::model::{Cell, Row};
    use crate::rules::Status;

    fn table(
        kind: TableKind,
        format: Option<TableFormat>,
        values: &dyn Fn(&str, &str) -> Option<i64>,
    ) -> Table {
        let mut t = Table::new(kind, format);
        for spec in kind.rows(format) {
            let cells = spec
                .columns
                .iter()
                .map(|c| {
                    let cell = values(spec.key, c.key)
                        .map_or(Cell::BLANK, |v| Cell::number(Number::int(v)));
                    (c.key.into(), cell)
                })
                .collect();
            t.rows.push(Row {
                key: Some(spec.key.into()),
                label: spec.label.into(),
                cells,
                pos: Default::default(),
            });
        }
        t
    }

    /// A consistent table 3: every result row holds 1 per column (total 6), 二 = 0,
    /// 四 = 1 per column.
    fn consistent(row: &str, col: &str, format: TableFormat) -> Option<i64> {
        let results = TableKind::Applications
            .rows(Some(format))
            .iter()
            .filter(|r| r.key.starts_with("results.") && r.key != "results.total")
            .count() as i64;
        let per = match row {
            "carried_over" => 0,
            "carried_forward" => 1,
            "results.total" => results,
            "new_received" => results + 1,
            _ => 1,
        };
        Some(if col == "total" { per * 6 } else { per })
    }

    fn statuses(findings: &[Finding], rule: &str) -> Vec<Status> {
        findings
            .iter()
            .filter(|f| f.rule == rule)
            .map(|f| f.status)
            .collect()
    }

    #[test]
    fn table_3_rules_pass_fail_and_not_assessable() {
        for format in [TableFormat::Trial2019, TableFormat::Format2021] {
            let report = Report {
                applications: Some(table(TableKind::Applications, Some(format), &|r, c| {
                    consistent(r, c, format)
                })),
                ..Report::default()
            };
            let f = check(&report);
            assert!(
                f.iter().all(|f| f.status == Status::Passed),
                "{format:?}: {:?}",
                f.iter().find(|f| f.status != Status::Passed)
            );
            assert_eq!(statuses(&f, "applications.balance").len(), 7);
            assert_eq!(
                statuses(&f, "applications.column_total").len(),
                if format == TableFormat::Trial2019 {
                    23
                } else {
                    25
                }
            );

            // One number off breaks the three rules it is part of, and no other.
            let broken = Report {
                applications: Some(table(TableKind::Applications, Some(format), &|r, c| {
                    let v = consistent(r, c, format);
                    if (r, c) == ("results.granted", "natural_person") {
                        v.map(|v| v + 1)
                    } else {
                        v
                    }
                })),
                ..Report::default()
            };
            let f = check(&broken);
            let failed: Vec<(&str, &str)> = f
                .iter()
                .filter(|f| f.status == Status::Failed)
                .map(|f| (f.rule.as_str(), f.instance.as_str()))
                .collect();
            assert_eq!(
                failed,
                vec![
                    ("applications.results_sum", "natural_person"),
                    ("applications.column_total", "results.granted")
                ]
            );
            let finding = f.iter().find(|f| f.status == Status::Failed).unwrap();
            assert_eq!(
                finding.left.map(|n| n.to_string()),
                Some(
                    consistent("results.total", "natural_person", format)
                        .unwrap()
                        .to_string()
                )
            );
            assert!(finding.describe().contains("FAILED"));

            // A blank cell makes its instances not assessable, not failed.
            let blank = Report {
                applications: Some(table(TableKind::Applications, Some(format), &|r, c| {
                    if (r, c) == ("carried_over", "research") {
                        None
                    } else {
                        consistent(r, c, format)
                    }
                })),
                ..Report::default()
            };
            let f = check(&blank);
            let na: Vec<(&str, &str)> = f
                .iter()
                .filter(|f| f.status == Status::NotAssessable)
                .map(|f| (f.rule.as_str(), f.instance.as_str()))
                .collect();
            assert_eq!(
                na,
                vec![
                    ("applications.balance", "research"),
                    ("applications.column_total", "carried_over")
                ]
            );
        }
    }

    #[test]
    fn table_4_group_total() {
        let values = |r: &str, c: &str| -> Option<i64> {
            match (r, c) {
                ("review", "total") => Some(0), // 10/1/0/0 with 总计 0, as one district printed it
                ("review", "upheld") => Some(10),
                ("review", "corrected") => Some(1),
                ("litigation_direct", "pending") => None,
                (_, "total") => Some(4),
                _ => Some(1),
            }
        };
        let report = Report {
            review_litigation: Some(table(TableKind::ReviewLitigation, None, &values)),
            ..Report::default()
        };
        let f = check(&report);
        assert_eq!(
            statuses(&f, "review_litigation.group_total"),
            vec![Status::Failed, Status::NotAssessable, Status::Passed]
        );
    }

    #[test]
    fn a_row_split_by_its_own_sum_does_not_assess_that_sum() {
        let values = |_: &str, c: &str| -> Option<i64> { Some(if c == "total" { 4 } else { 1 }) };
        let mut t = table(TableKind::ReviewLitigation, None, &values);
        for (_, cell) in &mut t.rows[2].cells {
            cell.provenance = Provenance::RowSum;
        }
        let report = Report {
            review_litigation: Some(t),
            ..Report::default()
        };
        assert_eq!(
            statuses(&check(&report), "review_litigation.group_total"),
            vec![Status::Passed, Status::Passed, Status::NotAssessable]
        );
    }
}
