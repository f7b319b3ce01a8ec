//! A recognized national table: rows keyed by the paths of the reference (`docs/REFERENCE.md`).

use std::borrow::Cow;

use super::{Cell, CellValue, Number, Provenance};
use crate::Pos;
use crate::catalog::keys::{ColumnKey, RowKey};
use crate::catalog::{TableFormat, TableKind};

/// One of the three national tables, recognized.
///
/// `#[non_exhaustive]`: build it with [`Table::new`] and push [`Row`]s.
///
/// ```
/// use nianbao_core::{Cell, Number, TableKind, model::{Row, Table}};
/// let mut t = Table::new(TableKind::ReviewLitigation, None);
/// t.rows.push(Row::new(Some("review"), "行政复议").with_cell("total", Cell::number(Number::from(3))));
/// assert_eq!(t.number("review", "total"), Some(Number::from(3)));
/// ```
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
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
///
/// `#[non_exhaustive]`: build it with [`Row::new`], [`Row::with_cell`] and
/// [`Row::with_pos`].
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
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
    /// An empty table of a kind and format (no rows or notes, position unknown).
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

    /// The number at a row path and column key, when the cell holds one. A misspelt
    /// key gives `None`: prefer [`Table::value`] with typed keys.
    pub fn number(&self, row: &str, column: &str) -> Option<Number> {
        self.cell(row, column)?.as_number()
    }

    /// The cell at a typed row and column: `None` when this table is another one, or
    /// lacks the row or the column.
    pub fn typed_cell<R: RowKey>(&self, row: R, column: R::Column) -> Option<&Cell> {
        if self.kind != R::TABLE {
            return None;
        }
        self.cell(row.path(), column.key())
    }

    /// The number at a typed row and column, when the cell holds one: a misspelt key
    /// does not compile (see [`keys`](crate::catalog::keys)).
    ///
    /// ```
    /// use nianbao_core::catalog::keys::{ReviewColumn, ReviewGroup};
    /// use nianbao_core::{Cell, Number, TableKind, model::{Row, Table}};
    /// let mut t = Table::new(TableKind::ReviewLitigation, None);
    /// t.rows.push(Row::new(Some("review"), "行政复议")
    ///     .with_cell("total", Cell::number(Number::from(3))));
    /// assert_eq!(t.value(ReviewGroup::Review, ReviewColumn::Total), Some(Number::from(3)));
    /// assert_eq!(t.value(ReviewGroup::LitigationDirect, ReviewColumn::Total), None);
    /// ```
    pub fn value<R: RowKey>(&self, row: R, column: R::Column) -> Option<Number> {
        self.typed_cell(row, column)?.as_number()
    }

    /// The extra rows (local additions the template does not have).
    pub fn extra_rows(&self) -> impl Iterator<Item = &Row> {
        self.rows.iter().filter(|r| r.key.is_none())
    }

    /// Every cell with its full JSON path, in row and column order: a template row's
    /// cell at `applications.results.total.natural_person`, an extra row's (the i-th
    /// row of the table) at `active_disclosure.rows[i].issued`, the paths of
    /// `report.cells` in the JSON.
    ///
    /// ```
    /// use nianbao_core::{Cell, Number, TableKind, model::{Row, Table}};
    /// let mut t = Table::new(TableKind::ReviewLitigation, None);
    /// t.rows.push(Row::new(Some("review"), "行政复议")
    ///     .with_cell("total", Cell::number(Number::from(3))));
    /// let paths: Vec<String> = t.cells().map(|(path, _)| path).collect();
    /// assert_eq!(paths, ["review_litigation.review.total"]);
    /// ```
    pub fn cells(&self) -> impl Iterator<Item = (String, &Cell)> {
        let table = self.kind.key();
        self.rows.iter().enumerate().flat_map(move |(i, row)| {
            let prefix = match &row.key {
                Some(key) => format!("{table}.{key}"),
                None => format!("{table}.rows[{i}]"),
            };
            row.cells
                .iter()
                .map(move |(col, cell)| (format!("{prefix}.{col}"), cell))
        })
    }

    /// Whether two tables hold the same values, whatever their source positions,
    /// printed labels, notes and verbatim texts: the same kind and format, the same
    /// template rows (in any order) with the same value in every column, and the same
    /// extra rows in the same order. This is the comparison a round trip (read, write,
    /// read again) wants; `==` compares everything.
    pub fn same_values(&self, other: &Table) -> bool {
        fn values(row: &Row) -> Vec<(&str, &CellValue)> {
            let mut v: Vec<_> = row.cells.iter().map(|(k, c)| (&**k, &c.value)).collect();
            v.sort_by(|a, b| a.0.cmp(b.0));
            v
        }
        fn keyed(t: &Table) -> Vec<(&str, Vec<(&str, &CellValue)>)> {
            let mut v: Vec<_> = t
                .rows
                .iter()
                .filter_map(|r| Some((r.key.as_deref()?, values(r))))
                .collect();
            v.sort_by(|a, b| a.0.cmp(b.0));
            v
        }
        fn extra(t: &Table) -> Vec<Vec<(&str, &CellValue)>> {
            t.extra_rows().map(values).collect()
        }
        self.kind == other.kind
            && self.format == other.format
            && keyed(self) == keyed(other)
            && extra(self) == extra(other)
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

impl Row {
    /// A row with no cells yet: `key` is its path under the table, or `None` for an
    /// extra row; `label` as printed.
    pub fn new(key: Option<&str>, label: impl Into<String>) -> Self {
        Row {
            key: key.map(|k| Cow::Owned(k.to_owned())),
            label: label.into(),
            cells: Vec::new(),
            pos: Pos::default(),
        }
    }

    /// The row with one more cell, under a column key.
    pub fn with_cell(mut self, column: &str, cell: Cell) -> Self {
        self.cells.push((Cow::Owned(column.to_owned()), cell));
        self
    }

    /// The row with its position in the source.
    pub fn with_pos(mut self, pos: Pos) -> Self {
        self.pos = pos;
        self
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalog::keys::{ReviewColumn, ReviewGroup};

    fn table(label: &str, line: u32, total: &str) -> Table {
        let mut t = Table::new(TableKind::ReviewLitigation, None);
        let mut row = Row::new(Some("review"), label)
            .with_cell(
                "upheld",
                Cell::parse("１", crate::catalog::ColumnKind::Count),
            )
            .with_cell(
                "total",
                Cell::parse(total, crate::catalog::ColumnKind::Count),
            );
        row.pos = Pos::line(line);
        t.rows.push(row);
        t.rows
            .push(Row::new(None, "其他").with_cell("total", Cell::number(Number::from(0))));
        t.pos = Pos::line(line);
        t
    }

    #[test]
    fn same_values_ignores_places_labels_and_verbatim_text() {
        let a = table("行政复议", 3, "2");
        let b = table("行政 复议", 9, "２");
        assert_ne!(a, b);
        assert!(a.same_values(&b));
        assert!(!a.same_values(&table("行政复议", 3, "3")));
        let mut c = a.clone();
        c.rows.reverse();
        // Template rows in any order; the extra row is still the same one.
        assert!(a.same_values(&c));
        c.rows.push(Row::new(None, "另一行"));
        assert!(!a.same_values(&c));
    }

    #[test]
    fn cells_come_with_their_paths() {
        let t = table("行政复议", 3, "2");
        let paths: Vec<String> = t.cells().map(|(p, _)| p).collect();
        assert_eq!(
            paths,
            [
                "review_litigation.review.upheld",
                "review_litigation.review.total",
                "review_litigation.rows[1].total"
            ]
        );
        assert_eq!(
            t.value(ReviewGroup::Review, ReviewColumn::Total),
            Some(Number::from(2))
        );
        assert_eq!(t.value(ReviewGroup::Review, ReviewColumn::Pending), None);
    }
}
