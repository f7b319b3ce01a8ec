//! Table 4, 政府信息公开行政复议、行政诉讼情况: fifteen value columns under two
//! header levels (行政复议 | 行政诉讼 › 未经复议直接起诉 / 复议后起诉), one data row.

use std::borrow::Cow;

use nianbao_core::catalog::layout::{LayoutRow, layout_rows};
use nianbao_core::catalog::{REVIEW_COLUMNS, REVIEW_GROUPS};
use nianbao_core::model::Table;

use super::column_texts;
use super::grid::{Grid, Spec, widths};
use crate::write::style::SIZE_TABLE_SMALL;
use crate::write::text::cell_text;

/// The columns of the grid: three groups of five.
const COLUMNS: usize = 15;

/// Table 4 in the official layout.
pub fn review_litigation(table: &Table) -> docx_rs::Table {
    let mut grid = Grid::new(widths(&[1; COLUMNS]), SIZE_TABLE_SMALL);
    let group = |i: usize| REVIEW_GROUPS.get(i).map_or("", |g| g.label);
    let litigation = REVIEW_GROUPS
        .get(1)
        .and_then(|g| g.group)
        .unwrap_or("行政诉讼");
    grid.row(&[Spec::new(group(0)).span(5), Spec::new(litigation).span(10)]);
    let mut second: Vec<Spec<'_>> = REVIEW_COLUMNS
        .iter()
        .map(|c| Spec::new(c.label).restart())
        .collect();
    second.push(Spec::new(group(1)).span(5));
    second.push(Spec::new(group(2)).span(5));
    grid.row(&second);
    let mut third: Vec<Spec<'_>> = REVIEW_COLUMNS
        .iter()
        .map(|_| Spec::new("").cont())
        .collect();
    for _ in 0..2 {
        third.extend(REVIEW_COLUMNS.iter().map(|c| Spec::new(c.label)));
    }
    grid.row(&third);

    let mut values: Vec<Cow<'_, str>> = Vec::with_capacity(COLUMNS);
    let mut extra_rows = Vec::new();
    for item in layout_rows(table) {
        match item {
            LayoutRow::Template { row, .. } => {
                values.extend(column_texts(row.map(|(_, r)| r), &REVIEW_COLUMNS));
            }
            LayoutRow::Extra { row, .. } => extra_rows.push(row),
        }
    }
    let cells: Vec<Spec<'_>> = values.iter().map(|v| Spec::new(v)).collect();
    grid.row(&cells);
    for row in extra_rows {
        let values: Vec<Cow<'_, str>> = row
            .cells
            .iter()
            .take(COLUMNS)
            .map(|(_, c)| cell_text(c))
            .collect();
        let cells: Vec<Spec<'_>> = values.iter().map(|v| Spec::new(v)).collect();
        grid.row(&cells);
    }
    for note in &table.notes {
        grid.full_row(note);
    }
    grid.build()
}
