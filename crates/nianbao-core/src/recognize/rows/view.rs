//! A grid row seen as its label cells followed by its value cells.

use crate::ir;
use crate::model::Cell;
use crate::text::{self, label_key};

/// A grid row seen as labels followed by values.
#[derive(Debug)]
pub struct RowView<'a> {
    /// The non-empty label cells, left to right.
    pub labels: Vec<&'a ir::Cell>,
    /// The cells after the last label cell.
    pub values: Vec<&'a ir::Cell>,
    /// The row.
    pub row: &'a ir::Row,
    /// The label keys of the label cells, computed once.
    keys: Vec<String>,
}

impl<'a> RowView<'a> {
    /// Splits a row: label cells are those holding text that is not a value; values are
    /// every cell after the last label cell.
    pub fn new(row: &'a ir::Row) -> Self {
        let last_label = row
            .cells
            .iter()
            .rposition(|c| !Cell::looks_like_value(&c.text));
        match last_label {
            Some(i) => Self::split_at(row, i + 1),
            None => Self::split_at(row, 0),
        }
    }

    /// Like [`RowView::new`], for a table whose rows have `columns` values: when fewer
    /// value cells follow the last label and the row is long enough, text in a value
    /// cell (`见附件`) was taken for a label; then the last `columns` cells are the
    /// values, as long as a label still stands before them.
    pub fn with_columns(row: &'a ir::Row, columns: usize) -> Self {
        // The would-be values must mostly be values: a header row of labels is not.
        let tail = row
            .cells
            .get(row.cells.len().saturating_sub(columns)..)
            .unwrap_or_default();
        let texts = tail
            .iter()
            .filter(|c| !Cell::looks_like_value(&c.text))
            .count();
        let numbers = tail
            .iter()
            .filter(|c| {
                Cell::parse(&c.text, crate::catalog::ColumnKind::Money)
                    .as_number()
                    .is_some()
            })
            .count();
        if numbers > 0 && texts * 3 <= columns {
            Self::last_cells_as_values(row, columns)
        } else {
            Self::new(row)
        }
    }

    /// For a row already matched to a template row of `columns` values: the last
    /// `columns` cells are its values (text in them included), as long as a label
    /// still stands before them; otherwise as [`RowView::new`].
    pub fn last_cells_as_values(row: &'a ir::Row, columns: usize) -> Self {
        let view = Self::new(row);
        view.resplit(columns).unwrap_or(view)
    }

    /// For a view made by [`RowView::new`]: the view [`RowView::last_cells_as_values`]
    /// gives when it differs from this one, else `None`.
    pub fn resplit(&self, columns: usize) -> Option<Self> {
        let row = self.row;
        let n = row.cells.len();
        if self.values.len() >= columns || n <= columns {
            return None;
        }
        let split = n - columns;
        row.cells
            .iter()
            .take(split)
            .any(|c| !Cell::looks_like_value(&c.text))
            .then(|| Self::split_at(row, split))
    }

    fn split_at(row: &'a ir::Row, at: usize) -> Self {
        let (labels, values) = row.cells.split_at(at.min(row.cells.len()));
        let labels: Vec<&ir::Cell> = labels
            .iter()
            .filter(|c| !text::trim(&c.text).is_empty())
            .collect();
        let keys = labels.iter().map(|c| label_key(&c.text)).collect();
        RowView {
            labels,
            values: values.iter().collect(),
            row,
            keys,
        }
    }

    /// The label cells' texts joined by a space, as printed.
    pub fn label(&self) -> String {
        let mut label = String::new();
        for (i, cell) in self.labels.iter().enumerate() {
            if i > 0 {
                label.push(' ');
            }
            label.push_str(text::trim(&cell.text));
        }
        label
    }

    /// Whether the printed label starts with `c` (`注` of a note row), without
    /// building it.
    pub fn label_starts_with(&self, c: char) -> bool {
        self.labels
            .first()
            .is_some_and(|cell| text::trim(&cell.text).starts_with(c))
    }

    /// The label keys of the label cells.
    pub fn label_keys(&self) -> &[String] {
        &self.keys
    }

    /// Whether any value cell holds something (a number, a placeholder or text).
    pub fn has_values(&self) -> bool {
        self.values.iter().any(|c| !text::trim(&c.text).is_empty())
    }
}
