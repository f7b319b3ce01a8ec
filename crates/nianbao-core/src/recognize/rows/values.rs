//! Placing a row's value cells in the columns of its template row.

use std::borrow::Cow;

use super::RowView;
use crate::catalog::ColumnSpec;
use crate::ir;
use crate::model::Cell;
use crate::text;
use crate::{Diagnostic, codes};

/// Places a row's value cells in columns.
///
/// When there are as many values as columns, they go in order. When the source
/// knows spans and the header gave each column's grid position, values go by grid
/// column. Otherwise blank cells left over at the start are dropped, and what is left
/// goes in order, with a diagnostic.
pub fn place_values(
    view: &RowView<'_>,
    columns: &[ColumnSpec],
    header_cols: &[(u32, &'static str)],
    spans_known: bool,
    diagnostics: &mut Vec<Diagnostic>,
) -> Vec<(Cow<'static, str>, Cell)> {
    let parse = |c: &ir::Cell, col: &ColumnSpec| {
        Cell::parse(&c.text, col.kind).with_provenance(c.provenance)
    };
    let mut values: &[&ir::Cell] = &view.values;
    if values.len() != columns.len() && spans_known && !header_cols.is_empty() {
        let by_grid: Vec<(Cow<'static, str>, Cell)> = columns
            .iter()
            .map(|col| {
                let cell = header_cols
                    .iter()
                    .find(|(_, key)| *key == col.key)
                    .and_then(|(grid, _)| {
                        values
                            .iter()
                            .find(|c| c.col <= *grid && *grid < c.col + c.col_span.max(1))
                    });
                (
                    Cow::Borrowed(col.key),
                    cell.map_or(Cell::BLANK, |c| parse(c, col)),
                )
            })
            .collect();
        return by_grid;
    }
    if values.len() > columns.len() {
        let extra = values.len() - columns.len();
        let leading_blank = values
            .iter()
            .take(extra)
            .all(|c| text::trim(&c.text).is_empty());
        if leading_blank {
            values = values.get(extra..).unwrap_or_default();
        }
    }
    if values.len() != columns.len() {
        // Which value is whose column, the source does not say: no number is placed
        // by its order alone.
        let filled: Vec<&str> = values
            .iter()
            .map(|c| text::trim(&c.text))
            .filter(|t| !t.is_empty())
            .collect();
        diagnostics.push(Diagnostic::warning(
            codes::ROW_VALUE_COUNT,
            format!(
                "row {:?} has {} value cells for {} columns ({}); which is whose column the source does not show, so all are left blank",
                view.label(),
                values.len(),
                columns.len(),
                filled.join(" | ")
            ),
            Some(view.row.pos.clone()),
        ));
        return columns
            .iter()
            .map(|col| {
                (
                    Cow::Borrowed(col.key),
                    Cell::BLANK.with_provenance(crate::model::Provenance::NoEvidence),
                )
            })
            .collect();
    }
    columns
        .iter()
        .enumerate()
        .map(|(i, col)| {
            let cell = values.get(i).map_or(
                Cell::BLANK.with_provenance(crate::model::Provenance::NoEvidence),
                |c| parse(c, col),
            );
            (Cow::Borrowed(col.key), cell)
        })
        .collect()
}

/// Places a row's values in `columns` and adds the row to the table, with a
/// diagnostic for every cell that holds text where a number belongs.
#[allow(clippy::too_many_arguments)] // each is one fact about the row being added
pub fn push_row(
    table: &mut crate::model::Table,
    view: &RowView<'_>,
    key: Option<&'static str>,
    columns: &[ColumnSpec],
    header_cols: &[(u32, &'static str)],
    spans_known: bool,
    diagnostics: &mut Vec<Diagnostic>,
) {
    let label = view.label();
    let cells = place_values(view, columns, header_cols, spans_known, diagnostics);
    text_cell_diagnostics(&label, &cells, &view.row.pos, diagnostics);
    table.rows.push(crate::model::Row {
        key: key.map(Cow::Borrowed),
        label,
        cells,
        pos: view.row.pos.clone(),
    });
}

/// Diagnostics for cells that hold text where a number belongs.
pub fn text_cell_diagnostics(
    row_label: &str,
    cells: &[(Cow<'static, str>, Cell)],
    pos: &crate::Pos,
    diagnostics: &mut Vec<Diagnostic>,
) {
    for (key, cell) in cells {
        if cell.value == crate::CellValue::Text {
            diagnostics.push(Diagnostic::warning(
                codes::CELL_TEXT,
                format!(
                    "row {row_label:?}, column {key:?} holds text, not a number: {:?}",
                    cell.verbatim.as_deref().unwrap_or("")
                ),
                Some(pos.clone()),
            ));
        }
    }
}
