//! Table 2, 主动公开政府信息情况: blocks headed 第二十条第（N）项, each with a
//! 信息内容 header row and data rows.

use std::sync::OnceLock;

use crate::catalog::{
    ACTIVE_COLUMN_LABELS, ACTIVE_DISCLOSURE_2019, ACTIVE_DISCLOSURE_2021, ColumnKind, ColumnSpec,
    TableFormat, TableKind,
};
use crate::ir;
use crate::model::Table;
use crate::text::{label_key, similarity_at_least_of};
use crate::{Diagnostic, codes};

use super::rows::{self, MATCH_THRESHOLD, RowRole, RowView};

/// Reads table 2 from its grids.
pub fn read(grids: &[&ir::Table], diagnostics: &mut Vec<Diagnostic>) -> Table {
    let views: Vec<(RowView<'_>, bool)> = grids
        .iter()
        .flat_map(|g| g.rows.iter().map(|r| (RowView::new(r), g.spans_known)))
        .collect();
    let pos = grids.first().map(|g| g.pos.clone()).unwrap_or_default();
    let format = detect_format(&views, diagnostics, &pos);
    let specs = TableKind::ActiveDisclosure.rows(Some(format));
    let mut table = Table::new(TableKind::ActiveDisclosure, Some(format));
    table.pos = pos;
    let mut header: Vec<(u32, &'static str)> = Vec::new();
    let mut last_columns: &'static [ColumnSpec] = &[];
    for (view, spans_known) in &views {
        let keys = view.label_keys();
        let Some(first) = keys.first() else {
            continue;
        };
        if first.starts_with("第二十条") && !view.has_values() {
            header.clear();
            continue;
        }
        if view.label_starts_with('注') {
            table.notes.push(view.label());
            continue;
        }
        if first == "信息内容" {
            header = header_columns(view);
            continue;
        }
        // A row with no value cell after its last label is no data row, unless a
        // number stands among its "labels" (text in its last value cell).
        let holds_number = || {
            view.row.cells.iter().any(|c| {
                crate::Cell::parse(&c.text, crate::catalog::ColumnKind::Money)
                    .as_number()
                    .is_some()
            })
        };
        if view.values.is_empty() && !holds_number() {
            continue;
        }
        let (key, columns) = match rows::row_role(view, &specs, &table, diagnostics) {
            RowRole::Template(m) => {
                last_columns = m.spec.columns;
                (Some(m.spec.key), m.spec.columns.to_vec())
            }
            RowRole::Extra => (None, extra_row_columns(&header, last_columns)),
            RowRole::Skip => continue,
        };
        // Text in a value cell (`见附件`) was taken for a label: now that the row's
        // columns are known, the last cells are its values.
        let resplit = view.resplit(columns.len());
        let view = resplit.as_ref().unwrap_or(view);
        rows::push_row(
            &mut table,
            view,
            key,
            &columns,
            &header,
            *spans_known,
            diagnostics,
        );
    }
    super::report_missing_rows(&table, diagnostics);
    table
}

/// The column keys of a 信息内容 header row with their grid columns.
fn header_columns(view: &RowView<'_>) -> Vec<(u32, &'static str)> {
    view.labels
        .iter()
        .skip(1)
        .filter_map(|cell| {
            let key = label_key(&cell.text);
            column_label(&key).map(|(k, _)| (cell.col, k))
        })
        .collect()
}

/// The column key and format of a header label key.
fn column_label(key: &str) -> Option<(&'static str, Option<TableFormat>)> {
    static LENGTHS: OnceLock<Vec<usize>> = OnceLock::new();
    let lengths = LENGTHS.get_or_init(|| {
        ACTIVE_COLUMN_LABELS
            .iter()
            .map(|(label, _, _)| label.chars().count())
            .collect()
    });
    // An equal label is the best match (only equal keys are alike by 1).
    if let Some((_, col, format)) = ACTIVE_COLUMN_LABELS.iter().find(|(l, _, _)| *l == key) {
        return Some((col, *format));
    }
    let len = key.chars().count();
    ACTIVE_COLUMN_LABELS
        .iter()
        .zip(lengths)
        .filter_map(|((label, col, format), label_len)| {
            similarity_at_least_of(key, len, label, *label_len, MATCH_THRESHOLD)
                .map(|score| (score, *col, *format))
        })
        .max_by(|a, b| a.0.total_cmp(&b.0))
        .map(|(_, col, format)| (col, format))
}

/// Columns for an extra row: the current block's header, or the previous row's.
fn extra_row_columns(
    header: &[(u32, &'static str)],
    last: &'static [ColumnSpec],
) -> Vec<ColumnSpec> {
    if header.is_empty() {
        return last.to_vec();
    }
    header
        .iter()
        .map(|(_, key)| {
            let kind = if key.starts_with("amount") {
                ColumnKind::Money
            } else if *key == "change" {
                ColumnKind::SignedCount
            } else {
                ColumnKind::Count
            };
            ColumnSpec {
                key,
                label: key,
                kind,
            }
        })
        .collect()
}

/// Votes for a format from header labels and the rows only one format has; failing
/// that, from how many values the 行政许可 row has.
fn detect_format(
    views: &[(RowView<'_>, bool)],
    diagnostics: &mut Vec<Diagnostic>,
    pos: &crate::Pos,
) -> TableFormat {
    let (mut v2019, mut v2021) = (0, 0);
    let only_2019: Vec<_> = ACTIVE_DISCLOSURE_2019
        .iter()
        .filter(|r| r.key == "other_services" || r.key == "procurement")
        .collect();
    let mut licensing_values = None;
    for (view, _) in views {
        let keys = view.label_keys();
        if keys.first().is_some_and(|k| k == "信息内容") {
            for key in keys.iter().skip(1) {
                match column_label(key) {
                    Some((_, Some(TableFormat::Trial2019))) => v2019 += 1,
                    Some((_, Some(TableFormat::Format2021))) => v2021 += 1,
                    _ => {}
                }
            }
        } else if let Some(last) = keys.last() {
            if rows::match_key(last, &only_2019).is_some() {
                v2019 += 1;
            }
            if last == "行政许可" {
                licensing_values = Some(view.values.len());
            }
        }
    }
    if v2019 != v2021 {
        return if v2019 > v2021 {
            TableFormat::Trial2019
        } else {
            TableFormat::Format2021
        };
    }
    let spec_2019 = ACTIVE_DISCLOSURE_2019.iter().find(|r| r.key == "licensing");
    let spec_2021 = ACTIVE_DISCLOSURE_2021.iter().find(|r| r.key == "licensing");
    let guess = match licensing_values {
        Some(n) if spec_2019.is_some_and(|s| s.columns.len() == n) => TableFormat::Trial2019,
        Some(n) if spec_2021.is_some_and(|s| s.columns.len() == n) => TableFormat::Format2021,
        _ => TableFormat::Format2021,
    };
    diagnostics.push(Diagnostic::warning(
        codes::TABLE_FORMAT_GUESSED,
        format!(
            "table 2's labels do not tell its format; read as the {} format",
            guess.as_str()
        ),
        Some(pos.clone()),
    ));
    guess
}
