//! Table 2, 主动公开政府信息情况: blocks headed by 第二十条第（N）项, each with its
//! 信息内容 header row, on a grid of one label column and three value columns.

use std::borrow::Cow;

use nianbao_core::catalog::ColumnSpec;
use nianbao_core::catalog::layout::{LayoutRow, active_value_columns, extra_row_fits, layout_rows};
use nianbao_core::model::{Row, Table};

use super::column_texts;
use super::grid::{Grid, Spec, widths};
use crate::write::style::SIZE_TABLE;
use crate::write::text::cell_text;

/// Table 2 in the layout of its format.
pub fn active_disclosure(table: &Table) -> docx_rs::Table {
    let items = layout_rows(table);
    let value_columns = active_value_columns(&items);
    let mut grid = Grid::new(widths(&vec![1; value_columns + 1]), SIZE_TABLE);
    let mut block: Option<&str> = None;
    let mut columns: &[ColumnSpec] = &[];
    for item in items {
        match item {
            LayoutRow::Template { spec, row } => {
                if spec.group != block {
                    block = spec.group;
                    columns = spec.columns;
                    grid.full_row(spec.group.unwrap_or(""));
                    let labels: Vec<Cow<'_, str>> =
                        columns.iter().map(|c| Cow::Borrowed(c.label)).collect();
                    data_row(&mut grid, "信息内容", &labels, value_columns);
                }
                let values = column_texts(row.map(|(_, r)| r), columns);
                data_row(&mut grid, spec.label, &values, value_columns);
            }
            LayoutRow::Extra { row, .. } => {
                data_row(
                    &mut grid,
                    &row.label,
                    &extra_values(row, columns),
                    value_columns,
                );
            }
        }
    }
    for note in &table.notes {
        grid.full_row(note);
    }
    grid.build()
}

/// An extra row's values: under the block's columns when its keys are theirs, else
/// in the order of the source.
fn extra_values<'a>(row: &'a Row, columns: &[ColumnSpec]) -> Vec<Cow<'a, str>> {
    if extra_row_fits(row, columns) {
        column_texts(Some(row), columns)
    } else {
        row.cells.iter().map(|(_, c)| cell_text(c)).collect()
    }
}

/// A label cell and the values, the last value spanning what is left of the grid
/// (one value spans all three columns, two values are 1 + 2, as in the template).
fn data_row(grid: &mut Grid, label: &str, values: &[Cow<'_, str>], value_columns: usize) {
    let mut specs = vec![Spec::new(label)];
    let n = values.len();
    if n == 0 {
        specs.push(Spec::new("").span(value_columns));
    }
    for (i, v) in values.iter().enumerate() {
        let span = if i + 1 == n {
            value_columns.saturating_sub(n - 1)
        } else {
            1
        };
        specs.push(Spec::new(v).span(span));
    }
    grid.row(&specs);
}
