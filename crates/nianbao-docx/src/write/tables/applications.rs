//! Table 3, 收到和处理政府信息公开申请情况: three label columns (with the vertical
//! merges of 三、本年度办理结果 and its groups) and seven value columns under the two
//! header levels 申请人情况 › 自然人 | 法人或其他组织 (five) | 总计.

use nianbao_core::catalog::layout::{LayoutRow, application_groups, layout_rows};
use nianbao_core::catalog::{APPLICANT_COLUMNS, APPLICATION_GROUP_LABELS};
use nianbao_core::model::Table;

use super::column_texts;
use super::grid::{Grid, Spec, widths};
use crate::write::style::SIZE_TABLE_SMALL;

/// The label columns of the grid.
const LABEL_COLUMNS: usize = 3;
/// The weights of the grid columns: three label columns, seven value columns.
/// A value column holds seven digits of 小五 on one line.
const WEIGHTS: [usize; 10] = [50, 70, 190, 82, 82, 82, 82, 82, 82, 82];

/// The note the template prints in the top-left cell. The recognizer reads it as
/// part of the header, so it is always printed, as in the official template.
pub const HEADER_NOTE: &str = nianbao_core::catalog::APPLICATIONS_HEADER_NOTE;

/// Table 3 in the layout of its format.
pub fn applications(table: &Table) -> docx_rs::Table {
    let mut grid = Grid::new(widths(&WEIGHTS), SIZE_TABLE_SMALL);
    header(&mut grid, HEADER_NOTE);

    let items = layout_rows(table);
    let chains: Vec<Vec<&str>> = application_groups(&items);
    let empty = Vec::new();
    for (i, item) in items.iter().enumerate() {
        let chain = chains.get(i).unwrap_or(&empty);
        let above = i
            .checked_sub(1)
            .and_then(|j| chains.get(j))
            .unwrap_or(&empty);
        let below = chains.get(i + 1).unwrap_or(&empty);
        let mut specs_row: Vec<Spec<'_>> =
            Vec::with_capacity(LABEL_COLUMNS + APPLICANT_COLUMNS.len());
        for (level, group) in chain.iter().enumerate() {
            let same = |other: &Vec<&str>| other.get(..=level) == chain.get(..=level);
            specs_row.push(if same(above) {
                Spec::new("").cont()
            } else if same(below) {
                Spec::new(group).restart()
            } else {
                Spec::new(group)
            });
        }
        let label: &str = match item {
            LayoutRow::Template { spec, .. } => spec.label,
            LayoutRow::Extra { row, .. } => row.label.as_str(),
        };
        let row = item.row();
        specs_row.push(Spec::new(label).span(LABEL_COLUMNS - chain.len()).left());
        let values = column_texts(row, &APPLICANT_COLUMNS);
        specs_row.extend(values.iter().map(|v| Spec::new(v)));
        grid.row(&specs_row);
    }
    for note in &table.notes {
        grid.full_row(note);
    }
    grid.build()
}

/// The three header rows of the template.
fn header(grid: &mut Grid, note: &str) {
    let applicants = APPLICATION_GROUP_LABELS
        .get(4)
        .copied()
        .unwrap_or("申请人情况");
    let organisations = APPLICATION_GROUP_LABELS
        .get(5)
        .copied()
        .unwrap_or("法人或其他组织");
    let column = |i: usize| APPLICANT_COLUMNS.get(i).map_or("", |c| c.label);
    grid.row(&[
        Spec::new(note).span(LABEL_COLUMNS).restart(),
        Spec::new(applicants).span(APPLICANT_COLUMNS.len()),
    ]);
    grid.row(&[
        Spec::new("").span(LABEL_COLUMNS).cont(),
        Spec::new(column(0)).restart(),
        Spec::new(organisations).span(5),
        Spec::new(column(6)).restart(),
    ]);
    let mut third = vec![
        Spec::new("").span(LABEL_COLUMNS).cont(),
        Spec::new("").cont(),
    ];
    third.extend((1..6).map(|i| Spec::new(column(i))));
    third.push(Spec::new("").cont());
    grid.row(&third);
}
