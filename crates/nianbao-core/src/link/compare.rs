//! Two reports of one agency and year compared cell by cell.

use std::collections::{BTreeMap, BTreeSet};

use crate::model::CellValue;
use crate::{Report, TableKind};

/// A cell whose value differs between two reports (or that only one of them has).
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct CellDifference {
    /// The cell's path (`applications.new_received.total`; an extra row's
    /// `active_disclosure.rows[3].issued`).
    pub path: String,
    /// The value in the first report; `None` when it has no such cell.
    pub left: Option<CellValue>,
    /// The value in the second report; `None` when it has no such cell.
    pub right: Option<CellValue>,
}

/// How two reports' tables compare.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
#[non_exhaustive]
pub struct Comparison {
    /// Cells both have, with the same value (a blank equals a blank).
    pub same: usize,
    /// Cells that differ or that one report lacks, in table, row and column order of
    /// the first report, then the second's own by path.
    pub differences: Vec<CellDifference>,
    /// Tables in one report only.
    pub tables_in_one_only: Vec<TableKind>,
}

/// Compares the three tables of two reports cell by cell, by path. The format of a
/// table counts too: a 2019 table and a 2021 table of one year differ in every row
/// that one format has and the other lacks.
///
/// ```
/// use nianbao_core::{Cell, Number, Report, TableKind, model::{Row, Table}};
/// use nianbao_core::link::compare_cells;
/// let report = |n: i64| {
///     let mut t = Table::new(TableKind::ReviewLitigation, None);
///     t.rows.push(Row::new(Some("review"), "行政复议")
///         .with_cell("total", Cell::number(Number::from(n)))
///         .with_cell("upheld", Cell::BLANK));
///     let mut report = Report::default();
///     report.review_litigation = Some(t);
///     report
/// };
/// let c = compare_cells(&report(3), &report(4));
/// assert_eq!(c.same, 1);
/// assert_eq!(c.differences[0].path, "review_litigation.review.total");
/// ```
pub fn compare_cells(left: &Report, right: &Report) -> Comparison {
    let cells = |r: &Report| -> Vec<(String, CellValue)> {
        TableKind::ALL
            .iter()
            .filter_map(|k| r.table(*k))
            .flat_map(|t| t.cells().map(|(path, cell)| (path, cell.value.clone())))
            .collect()
    };
    compare_values(cells(left), cells(right))
}

/// Compares two reports' cells given as (path, value) pairs, each in the order of its
/// report (what [`compare_cells`] does with the tables themselves; a caller that
/// kept the values elsewhere, as `nianbao batch` does, gives them here). A table (the
/// path's first part) that only one side has is listed in
/// [`Comparison::tables_in_one_only`] and its cells are not compared one by one.
pub fn compare_values(
    left: impl IntoIterator<Item = (String, CellValue)>,
    right: impl IntoIterator<Item = (String, CellValue)>,
) -> Comparison {
    let table = |path: &str| path.split('.').next().and_then(TableKind::from_key);
    let left: Vec<(String, CellValue)> = left.into_iter().collect();
    let mut theirs: BTreeMap<String, CellValue> = right.into_iter().collect();
    let ours_tables: BTreeSet<TableKind> = left.iter().filter_map(|(p, _)| table(p)).collect();
    let their_tables: BTreeSet<TableKind> = theirs.keys().filter_map(|p| table(p)).collect();
    let mut comparison = Comparison {
        tables_in_one_only: ours_tables
            .symmetric_difference(&their_tables)
            .copied()
            .collect(),
        ..Comparison::default()
    };
    let skipped =
        |path: &str| table(path).is_some_and(|t| comparison_skips(&ours_tables, &their_tables, t));
    for (path, value) in left {
        if skipped(&path) {
            continue;
        }
        match theirs.remove(&path) {
            Some(other) if other == value => comparison.same += 1,
            other => comparison.differences.push(CellDifference {
                path,
                left: Some(value),
                right: other,
            }),
        }
    }
    for (path, value) in theirs {
        if !skipped(&path) {
            comparison.differences.push(CellDifference {
                path,
                left: None,
                right: Some(value),
            });
        }
    }
    comparison
}

/// Whether a table's cells are left out of the comparison: one side lacks the table.
fn comparison_skips(
    ours: &BTreeSet<TableKind>,
    theirs: &BTreeSet<TableKind>,
    t: TableKind,
) -> bool {
    ours.contains(&t) != theirs.contains(&t)
}
