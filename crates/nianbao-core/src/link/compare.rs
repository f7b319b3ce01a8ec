//! Two reports of one agency and year compared cell by cell.

use std::collections::BTreeMap;

use crate::model::{Cell, CellValue};
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
    /// the first report, then the second's own.
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
///     Report { review_litigation: Some(t), ..Report::default() }
/// };
/// let c = compare_cells(&report(3), &report(4));
/// assert_eq!(c.same, 1);
/// assert_eq!(c.differences[0].path, "review_litigation.review.total");
/// ```
pub fn compare_cells(left: &Report, right: &Report) -> Comparison {
    let mut comparison = Comparison::default();
    for kind in TableKind::ALL {
        let (a, b) = match (left.table(kind), right.table(kind)) {
            (None, None) => continue,
            (Some(a), Some(b)) => (a, b),
            _ => {
                comparison.tables_in_one_only.push(kind);
                continue;
            }
        };
        let theirs: BTreeMap<String, &Cell> = b.cells().collect();
        let mut seen = 0usize;
        for (path, cell) in a.cells() {
            match theirs.get(&path) {
                Some(other) => {
                    seen += 1;
                    if other.value == cell.value {
                        comparison.same += 1;
                    } else {
                        comparison.differences.push(CellDifference {
                            path,
                            left: Some(cell.value.clone()),
                            right: Some(other.value.clone()),
                        });
                    }
                }
                None => comparison.differences.push(CellDifference {
                    path,
                    left: Some(cell.value.clone()),
                    right: None,
                }),
            }
        }
        if seen < theirs.len() {
            let ours: BTreeMap<String, &Cell> = a.cells().collect();
            for (path, cell) in b.cells() {
                if !ours.contains_key(&path) {
                    comparison.differences.push(CellDifference {
                        path,
                        left: None,
                        right: Some(cell.value.clone()),
                    });
                }
            }
        }
    }
    comparison
}
