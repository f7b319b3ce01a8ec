//! The rules that need last year's report too.

use super::within_report::term;
use super::{Finding, Term};
use crate::Report;
use crate::catalog::{APPLICANT_COLUMNS, TableFormat};

/// Checks `cross_year.carry` (this year's 二 = last year's 四, per column) and the
/// soft `cross_year.in_force` (this year's 现行有效 = last year's 现行有效 + 制发 −
/// 废止, for 规章 and 行政规范性文件, when both tables are in the 2021 format).
pub fn check_cross_year(previous: &Report, current: &Report) -> Vec<Finding> {
    let mut findings = Vec::new();
    if let (Some(prev), Some(cur)) = (&previous.applications, &current.applications) {
        for col in &APPLICANT_COLUMNS {
            findings.push(Finding::evaluate(
                "cross_year.carry",
                col.key,
                vec![term(cur, "carried_over", col.key)],
                vec![term(prev, "carried_forward", col.key)],
            ));
        }
    }
    if let (Some(prev), Some(cur)) = (&previous.active_disclosure, &current.active_disclosure) {
        let both_2021 = prev.format == Some(TableFormat::Format2021)
            && cur.format == Some(TableFormat::Format2021);
        for row in ["regulations", "normative_documents"] {
            if !both_2021 {
                continue;
            }
            let repealed = term(cur, row, "repealed");
            // in_force = previous in_force + issued − repealed, written without a
            // subtraction: in_force + repealed = previous in_force + issued.
            let mut f = Finding::evaluate(
                "cross_year.in_force",
                row,
                vec![term(cur, row, "in_force"), repealed],
                vec![
                    Term {
                        path: format!("previous.{}", term(prev, row, "in_force").path),
                        ..term(prev, row, "in_force")
                    },
                    term(cur, row, "issued"),
                ],
            );
            f.soft = true;
            findings.push(f);
        }
    }
    findings
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Number;
    use crate::catalog::TableKind;
    use crate::model::{Cell, Row, Table};
    use crate::rules::Status;

    fn row(key: &str, cells: &[(&str, i64)]) -> Row {
        Row {
            key: Some(key.to_owned().into()),
            label: key.into(),
            cells: cells
                .iter()
                .map(|(k, v)| (k.to_string().into(), Cell::number(Number::int(*v))))
                .collect(),
            pos: Default::default(),
        }
    }

    fn report(
        carried_over: i64,
        carried_forward: i64,
        in_force: i64,
        issued: i64,
        repealed: i64,
    ) -> Report {
        let mut apps = Table::new(TableKind::Applications, Some(TableFormat::Format2021));
        let all = |v| {
            APPLICANT_COLUMNS
                .iter()
                .map(|c| (c.key, v))
                .collect::<Vec<_>>()
        };
        apps.rows.push(row("carried_over", &all(carried_over)));
        apps.rows
            .push(row("carried_forward", &all(carried_forward)));
        let mut ad = Table::new(TableKind::ActiveDisclosure, Some(TableFormat::Format2021));
        ad.rows.push(row(
            "regulations",
            &[
                ("issued", issued),
                ("repealed", repealed),
                ("in_force", in_force),
            ],
        ));
        Report {
            applications: Some(apps),
            active_disclosure: Some(ad),
            ..Report::default()
        }
    }

    #[test]
    fn carry_and_in_force() {
        let last = report(0, 5, 10, 0, 0);
        let this = report(5, 0, 12, 3, 1);
        let f = check_cross_year(&last, &this);
        assert!(
            f.iter()
                .filter(|f| f.rule == "cross_year.carry")
                .all(|f| f.status == Status::Passed)
        );
        let in_force: Vec<_> = f
            .iter()
            .filter(|f| f.rule == "cross_year.in_force")
            .collect();
        assert_eq!(in_force[0].status, Status::Passed);
        assert!(in_force[0].soft);
        assert_eq!(in_force[1].status, Status::NotAssessable); // no normative_documents row

        let this = report(4, 0, 13, 3, 1);
        let f = check_cross_year(&last, &this);
        assert!(
            f.iter()
                .filter(|f| f.rule == "cross_year.carry")
                .all(|f| f.status == Status::Failed)
        );
        assert_eq!(
            f.iter()
                .find(|f| f.rule == "cross_year.in_force")
                .unwrap()
                .status,
            Status::Failed
        );
    }
}
