//! Table 3, 收到和处理政府信息公开申请情况.

use std::sync::OnceLock;

use crate::catalog::{
    APPLICANT_COLUMNS, APPLICATION_GROUP_LABELS, ColumnSpec, TableFormat, TableKind,
};
use crate::ir;
use crate::model::Table;
use crate::text::{label_key, similarity_at_least_of};
use crate::{Diagnostic, codes};

use super::rows::{self, MATCH_THRESHOLD, RowRole, RowView};

/// Reads table 3 from its grids (a table broken over pages comes as several grids).
pub fn read(grids: &[&ir::Table], diagnostics: &mut Vec<Diagnostic>) -> Table {
    let views: Vec<(RowView<'_>, bool)> = grids
        .iter()
        .flat_map(|g| {
            g.rows.iter().map(|r| {
                (
                    RowView::with_columns(r, APPLICANT_COLUMNS.len()),
                    g.spans_known,
                )
            })
        })
        .collect();
    let headers: Vec<bool> = views.iter().map(|(v, _)| is_header(v)).collect();
    let format = detect_format(&views, diagnostics, grids.first().map(|g| &g.pos));
    let specs = TableKind::Applications.rows(Some(format));
    let header_cols = header_columns(&views, &headers);
    let mut table = Table::new(TableKind::Applications, Some(format));
    table.pos = grids.first().map(|g| g.pos.clone()).unwrap_or_default();
    for ((view, spans_known), header) in views.iter().zip(&headers) {
        if view.labels.is_empty() && !view.has_values() {
            continue;
        }
        if view.label_starts_with('注') {
            table.notes.push(view.label());
            continue;
        }
        // A row's last seven cells are its values when fewer follow its last "label":
        // text in value cells (`见附件`) was taken for labels. (`with_columns` made
        // that split already when the cells are mostly values; a view with fewer
        // values is the one `RowView::new` makes, which `resplit` expects.)
        let resplit = view.resplit(APPLICANT_COLUMNS.len());
        let values_view = resplit.as_ref().unwrap_or(view);
        if *header || values_view.values.is_empty() {
            continue;
        }
        // Matched by the labels before its values when they match a row, so that text
        // in a value cell (`转政府信息公开申请数量`) cannot match another row.
        let label_view = match &resplit {
            Some(v) if rows::match_row(v, &specs).is_some() => v,
            _ => view,
        };
        let key = match rows::row_role(label_view, &specs, &table, diagnostics) {
            RowRole::Template(m) => Some(m.spec.key),
            RowRole::Extra => None,
            RowRole::Skip => continue,
        };
        rows::push_row(
            &mut table,
            values_view,
            key,
            &APPLICANT_COLUMNS,
            &header_cols,
            *spans_known,
            diagnostics,
        );
    }
    super::report_missing_rows(&table, diagnostics);
    table
}

/// 2021 when the （六） block has its three rows, 2019 when （六）其他处理 is a row of
/// its own; decided by labels, never by the year.
fn detect_format(
    views: &[(RowView<'_>, bool)],
    diagnostics: &mut Vec<Diagnostic>,
    pos: Option<&crate::Pos>,
) -> TableFormat {
    let only_2021: Vec<_> = TableKind::Applications
        .rows(Some(TableFormat::Format2021))
        .into_iter()
        .filter(|r| r.key.starts_with("results.other.overdue"))
        .collect();
    let mut has_2021 = false;
    let mut has_2019 = false;
    for (view, _) in views {
        let keys = view.label_keys();
        if keys
            .iter()
            .any(|k| rows::match_key(k, &only_2021).is_some())
        {
            has_2021 = true;
        } else if keys.last().is_some_and(|k| k == "其他处理") && !view.values.is_empty() {
            has_2019 = true;
        }
    }
    match (has_2021, has_2019) {
        (true, _) => TableFormat::Format2021,
        (false, true) => TableFormat::Trial2019,
        (false, false) => {
            diagnostics.push(Diagnostic::warning(
                codes::TABLE_FORMAT_GUESSED,
                "table 3 has no （六） rows to tell its format; read as the 2021 format",
                pos.cloned(),
            ));
            TableFormat::Format2021
        }
    }
}

/// Whether a row is part of the header (申请人情况, 自然人, 商业企业 …) or holds only
/// group labels (（三）不予公开 on a line of its own).
fn is_header(view: &RowView<'_>) -> bool {
    let keys = view.label_keys();
    // Two column names make a header row (a row of one label cannot have two).
    let column_hits = if keys.len() < 2 {
        0
    } else {
        keys.iter()
            .filter(|k| applicant_column(k).is_some())
            .take(2)
            .count()
    };
    let only_groups = !keys.is_empty()
        && keys
            .iter()
            .all(|k| k.contains("勾稽关系") || group_keys().contains(k));
    column_hits >= 2 || only_groups
}

/// The grid column of each applicant column, from the header rows.
fn header_columns(views: &[(RowView<'_>, bool)], headers: &[bool]) -> Vec<(u32, &'static str)> {
    let mut cols = Vec::new();
    for ((view, spans_known), header) in views.iter().zip(headers) {
        if !header || !spans_known {
            continue;
        }
        for cell in view.row.cells.iter() {
            if let Some(col) = applicant_column(&label_key(&cell.text))
                && !cols.iter().any(|(_, k)| *k == col.key)
            {
                cols.push((cell.col, col.key));
            }
        }
    }
    cols
}

/// The label keys of the group labels, computed once.
fn group_keys() -> &'static [String] {
    static KEYS: OnceLock<Vec<String>> = OnceLock::new();
    KEYS.get_or_init(|| {
        APPLICATION_GROUP_LABELS
            .iter()
            .map(|l| label_key(l))
            .collect()
    })
}

/// The applicant column a header label key names, if any.
fn applicant_column(key: &str) -> Option<&'static ColumnSpec> {
    static KEYS: OnceLock<Vec<(String, usize)>> = OnceLock::new();
    let keys = KEYS.get_or_init(|| {
        APPLICANT_COLUMNS
            .iter()
            .map(|c| label_key(c.label))
            .map(|k| {
                let n = k.chars().count();
                (k, n)
            })
            .collect()
    });
    let len = key.chars().count();
    APPLICANT_COLUMNS
        .iter()
        .zip(keys)
        .find(|(_, (k, n))| similarity_at_least_of(key, len, k, *n, MATCH_THRESHOLD).is_some())
        .map(|(c, _)| c)
}
