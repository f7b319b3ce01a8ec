//! Table 4, 政府信息公开行政复议、行政诉讼情况: header rows and one data row of 15
//! values (行政复议, 未经复议直接起诉, 复议后起诉; five columns each).

use std::borrow::Cow;

use crate::catalog::{REVIEW_COLUMNS, REVIEW_GROUPS, TableKind};
use crate::ir;
use crate::model::{Cell, Provenance, Row, Table};
use crate::text::{self, label_key};
use crate::{Diagnostic, codes};

use super::rows::RowView;

/// How many values the data row has.
const VALUES: usize = 15;

/// Reads table 4 from its grids.
pub fn read(grids: &[&ir::Table], diagnostics: &mut Vec<Diagnostic>) -> Table {
    let views: Vec<(RowView<'_>, bool)> = grids
        .iter()
        .flat_map(|g| g.rows.iter().map(|r| (RowView::new(r), g.spans_known)))
        .collect();
    let mut table = Table::new(TableKind::ReviewLitigation, None);
    table.pos = grids.first().map(|g| g.pos.clone()).unwrap_or_default();
    for (view, _) in &views {
        if view.label_starts_with('注') {
            table.notes.push(view.label());
        }
    }
    // The data row: no header word among its labels (text in a value cell is still a
    // value), at least five cells; a row with a cell for each of the 15 columns
    // before a shorter one (rows added below it, blank cells in it), then the most
    // filled, the last of equals.
    let data = views
        .iter()
        .filter(|(v, _)| is_value_row(v))
        .max_by_key(|(v, _)| {
            let filled = v
                .row
                .cells
                .iter()
                .filter(|c| !text::trim(&c.text).is_empty())
                .count();
            (v.row.cells.len() >= VALUES, filled)
        });
    let Some((view, spans_known)) = data else {
        diagnostics.push(Diagnostic::warning(
            codes::ROW_MISSING,
            "table 4 has no row of values",
            Some(table.pos.clone()),
        ));
        return table;
    };
    // Every cell is a value, but a leading label column (数量) when the row is longer.
    let cells: Vec<&ir::Cell> = view.row.cells.iter().collect();
    let row_values: Vec<&ir::Cell> = if cells.len() > VALUES && !view.labels.is_empty() {
        cells
            .get(cells.len() - VALUES..)
            .map(<[_]>::to_vec)
            .unwrap_or_default()
    } else {
        cells
    };
    let values: Vec<&ir::Cell> = if row_values.len() != VALUES && *spans_known {
        by_header_columns(&views, &row_values).unwrap_or(row_values)
    } else {
        row_values
    };
    // Which value is whose column, a row of another length does not show: no number
    // is placed by its order alone.
    let placed = values.len() == VALUES;
    if !placed {
        diagnostics.push(Diagnostic::warning(
            codes::ROW_VALUE_COUNT,
            format!(
                "table 4's data row has {} values for 15 columns; all are left blank: review_litigation.*",
                values.len()
            ),
            Some(view.row.pos.clone()),
        ));
    }
    for (g, group) in REVIEW_GROUPS.iter().enumerate() {
        let cells: Vec<(Cow<'static, str>, Cell)> = REVIEW_COLUMNS
            .iter()
            .enumerate()
            .map(|(c, col)| {
                let cell = values
                    .get(g * REVIEW_COLUMNS.len() + c)
                    .filter(|_| placed)
                    .map_or(Cell::BLANK.with_provenance(Provenance::NoEvidence), |v| {
                        Cell::parse(&v.text, col.kind).with_provenance(v.provenance)
                    });
                (Cow::Borrowed(col.key), cell)
            })
            .collect();
        super::rows::text_cell_diagnostics(group.label, &cells, &view.row.pos, diagnostics);
        table.rows.push(Row {
            key: Some(Cow::Borrowed(group.key)),
            label: group.label.to_owned(),
            cells,
            pos: view.row.pos.clone(),
        });
    }
    table
}

/// When spans are known and the data row's cells do not come 15 to a row: the value
/// under each of the 15 column labels of the lowest header row that has them all.
fn by_header_columns<'a>(
    views: &[(RowView<'a>, bool)],
    data: &[&'a ir::Cell],
) -> Option<Vec<&'a ir::Cell>> {
    let column_keys: Vec<String> = REVIEW_COLUMNS.iter().map(|c| label_key(c.label)).collect();
    let header = views.iter().rev().find_map(|(v, _)| {
        let cols: Vec<u32> = v
            .row
            .cells
            .iter()
            .filter(|c| column_keys.contains(&label_key(&c.text)))
            .map(|c| c.col)
            .collect();
        (cols.len() == VALUES).then_some(cols)
    })?;
    header
        .into_iter()
        .map(|col| {
            data.iter()
                .find(|c| c.col <= col && col < c.col + c.col_span.max(1))
                .copied()
        })
        .collect()
}

/// Whether a row can be table 4's row of values: at least five cells, and none of its
/// labels a word of the header (行政复议, 结果维持, 总计 …) or a note.
fn is_value_row(view: &RowView<'_>) -> bool {
    const HEADER: [&str; 4] = ["行政复议", "行政诉讼", "未经复议直接起诉", "复议后起诉"];
    let header_word = |k: &str| {
        HEADER.contains(&k)
            || REVIEW_COLUMNS.iter().any(|c| label_key(c.label) == k)
            || k.starts_with('注')
    };
    view.row.cells.len() >= REVIEW_COLUMNS.len()
        && !view.label_keys().iter().any(|k| header_word(k))
}
