//! A recognized national table: rows keyed by the paths of REPORT.md.

use std::borrow::Cow;

use super::{Cell, Number, Provenance};
use crate::Pos;
use crate::catalog::{TableFormat, TableKind};

/// One of the three national tables, recognized.
#[derive(Debug, Clone, PartialEq)]
pub struct Table {
    /// Which table.
    pub kind: TableKind,
    /// The format, decided from the table's own labels (never from the year).
    /// `None` for table 4, which is the same in both formats.
    pub format: Option<TableFormat>,
    /// The rows in the order of the source: template rows with their key, extra rows
    /// (local additions) without one, at the place they had.
    pub rows: Vec<Row>,
    /// Note rows printed in the table (`注：…`), and the header's note.
    pub notes: Vec<String>,
    /// Where the table starts in the source.
    pub pos: Pos,
}

/// One row of a recognized table.
#[derive(Debug, Clone, PartialEq)]
pub struct Row {
    /// The row's path under the table (`results.denied.state_secret`), or `None` for
    /// an extra row that the template does not have.
    pub key: Option<Cow<'static, str>>,
    /// The label as printed (label cells joined by a space).
    pub label: String,
    /// The values by column key, in column order. Keys of the catalogue are borrowed
    /// from it (no allocation per cell); others, read from JSON, are owned.
    pub cells: Vec<(Cow<'static, str>, Cell)>,
    /// Where the row starts in the source.
    pub pos: Pos,
}

impl Row {
    /// The cell of a column.
    pub fn cell(&self, column: &str) -> Option<&Cell> {
        self.cells.iter().find(|(k, _)| k == column).map(|(_, c)| c)
    }
}

impl Table {
    /// An empty table of a kind and format.
    pub fn new(kind: TableKind, format: Option<TableFormat>) -> Self {
        Table {
            kind,
            format,
            rows: Vec::new(),
            notes: Vec::new(),
            pos: Pos::default(),
        }
    }

    /// The template row with this path (`new_received`, `results.total`, …).
    pub fn row(&self, key: &str) -> Option<&Row> {
        self.rows.iter().find(|r| r.key.as_deref() == Some(key))
    }

    /// The cell at a row path and column key.
    pub fn cell(&self, row: &str, column: &str) -> Option<&Cell> {
        self.row(row)?.cell(column)
    }

    /// The number at a row path and column key, when the cell holds one.
    pub fn number(&self, row: &str, column: &str) -> Option<Number> {
        self.cell(row, column)?.as_number()
    }

    /// The extra rows (local additions the template does not have).
    pub fn extra_rows(&self) -> impl Iterator<Item = &Row> {
        self.rows.iter().filter(|r| r.key.is_none())
    }

    /// How many of the table's cells each kind of evidence placed, in the order of
    /// [`Provenance::ALL`] (a kind that placed none is listed with 0).
    pub fn provenance_counts(&self) -> Vec<(Provenance, usize)> {
        Provenance::ALL
            .into_iter()
            .map(|p| {
                let n = self
                    .rows
                    .iter()
                    .flat_map(|r| &r.cells)
                    .filter(|(_, c)| c.provenance == p)
                    .count();
                (p, n)
            })
            .collect()
    }
}
