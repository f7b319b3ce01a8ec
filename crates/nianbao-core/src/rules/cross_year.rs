//! The rules that need last year's report too.

use super::within_report::term;
use super::{Finding, Term};
use crate::Report;
use crate::catalog::{APPLICANT_COLUMNS, TableFormat};
use crate::link::AgencyKey;
use crate::model::Table;

/// Why two reports cannot be compared year to year.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum CrossYearError {
    /// The two reports are by different agencies.
    #[error("the reports are by different agencies: {previous:?} and {current:?}")]
    AgencyMismatch {
        /// The agency of the earlier report, as printed.
        previous: String,
        /// The agency of the later report, as printed.
        current: String,
    },
    /// The later report's year is not the year after the earlier one's.
    #[error("the reports' years do not follow each other: {previous} then {current}")]
    YearsNotConsecutive {
        /// The year of the report given as the previous one.
        previous: i32,
        /// The year of the report given as the current one.
        current: i32,
    },
}

/// Checks `cross_year.carry` (this year's 二 = last year's 四, per column) and the
/// soft `cross_year.in_force` (this year's 现行有效 = last year's 现行有效 + 制发 −
/// 废止, for 规章 and 行政规范性文件, when both tables are in the 2021 format).
///
/// Terms read from last year's report have paths prefixed `previous.`
/// (`previous.applications.carried_forward.total`).
///
/// # Errors
///
/// [`CrossYearError::AgencyMismatch`] when both reports name their agency and the
/// names differ once normalized ([`AgencyKey`]: `淮安市人民政府` and `淮安市政府`
/// are one agency), and [`CrossYearError::YearsNotConsecutive`] when
/// both name their year and `current`'s is not `previous`'s plus one. When either
/// report lacks its agency or year, that check cannot be made and the rules are
/// checked regardless: their findings are as good as the caller's pairing.
pub fn check_cross_year(
    previous: &Report,
    current: &Report,
) -> Result<Vec<Finding>, CrossYearError> {
    if let (Some(p), Some(c)) = (&previous.meta.agency, &current.meta.agency)
        && AgencyKey::of(p) != AgencyKey::of(c)
    {
        return Err(CrossYearError::AgencyMismatch {
            previous: p.clone(),
            current: c.clone(),
        });
    }
    if let (Some(p), Some(c)) = (previous.meta.year, current.meta.year)
        && p.checked_add(1) != Some(c)
    {
        return Err(CrossYearError::YearsNotConsecutive {
            previous: p,
            current: c,
        });
    }
    let mut findings = Vec::new();
    if let (Some(prev), Some(cur)) = (&previous.applications, &current.applications) {
        for col in &APPLICANT_COLUMNS {
            findings.push(Finding::evaluate(
                "cross_year.carry",
                col.key,
                vec![term(cur, "carried_over", col.key)],
                vec![previous_term(prev, "carried_forward", col.key)],
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
                    previous_term(prev, row, "in_force"),
                    term(cur, row, "issued"),
                ],
            );
            f.soft = true;
            findings.push(f);
        }
    }
    Ok(findings)
}

/// A term of last year's report: its path prefixed `previous.`.
fn previous_term(prev: &Table, row: &str, column: &str) -> Term {
    let t = term(prev, row, column);
    Term {
        path: format!("previous.{}", t.path),
        ..t
    }
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
        let f = check_cross_year(&last, &this).unwrap();
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
        let f = check_cross_year(&last, &this).unwrap();
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

    #[test]
    fn terms_of_last_year_are_prefixed_previous() {
        let f = check_cross_year(&report(0, 5, 10, 0, 0), &report(5, 0, 12, 3, 1)).unwrap();
        let carry = f.iter().find(|f| f.rule == "cross_year.carry").unwrap();
        assert_eq!(
            carry.left_terms[0].path,
            "applications.carried_over.natural_person"
        );
        assert_eq!(
            carry.right_terms[0].path,
            "previous.applications.carried_forward.natural_person"
        );
        let in_force = f.iter().find(|f| f.rule == "cross_year.in_force").unwrap();
        assert_eq!(
            in_force.right_terms[0].path,
            "previous.active_disclosure.regulations.in_force"
        );
        assert_eq!(
            in_force.right_terms[1].path,
            "active_disclosure.regulations.issued"
        );
    }

    fn dated(agency: Option<&str>, year: Option<i32>) -> Report {
        let mut r = report(0, 0, 0, 0, 0);
        r.meta.agency = agency.map(str::to_owned);
        r.meta.year = year;
        r
    }

    #[test]
    fn agency_and_years_must_match() {
        let a = |y| dated(Some("示例县人民政府"), Some(y));
        assert!(check_cross_year(&a(2021), &a(2022)).is_ok());
        assert_eq!(
            check_cross_year(&a(2021), &a(2023)),
            Err(CrossYearError::YearsNotConsecutive {
                previous: 2021,
                current: 2023
            })
        );
        // Swapped: the "previous" report is the later one.
        assert!(check_cross_year(&a(2022), &a(2021)).is_err());
        let other = dated(Some("示例镇人民政府"), Some(2022));
        assert!(matches!(
            check_cross_year(&a(2021), &other),
            Err(CrossYearError::AgencyMismatch { .. })
        ));
        // White space inside a printed name is not a different agency.
        let spaced = dated(Some("示例县 人民政府"), Some(2022));
        assert!(check_cross_year(&a(2021), &spaced).is_ok());
        // Unknown agency or year: the rules are checked regardless.
        assert!(check_cross_year(&dated(None, None), &a(2022)).is_ok());
        assert!(check_cross_year(&a(2021), &dated(Some("示例县人民政府"), None)).is_ok());
    }
}
