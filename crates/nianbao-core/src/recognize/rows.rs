//! Splitting a grid row into its label cells and its value cells, matching labels to
//! template rows, and placing values in columns.

use crate::catalog::{ColumnSpec, RowSpec};
use crate::ir;
use crate::model::Cell;
use crate::text::{self, label_key, similarity};
use crate::{Diagnostic, codes};

/// How alike a label must be to a template label to match it.
pub const MATCH_THRESHOLD: f64 = 0.8;

/// A grid row seen as labels followed by values.
#[derive(Debug)]
pub struct RowView<'a> {
    /// The non-empty label cells, left to right.
    pub labels: Vec<&'a ir::Cell>,
    /// The cells after the last label cell.
    pub values: Vec<&'a ir::Cell>,
    /// The row.
    pub row: &'a ir::Row,
}

impl<'a> RowView<'a> {
    /// Splits a row: label cells are those holding text that is not a value; values are
    /// every cell after the last label cell.
    pub fn new(row: &'a ir::Row) -> Self {
        let last_label = row
            .cells
            .iter()
            .rposition(|c| !Cell::looks_like_value(&c.text));
        let (labels, values) = match last_label {
            Some(i) => row.cells.split_at(i + 1),
            None => row.cells.split_at(0),
        };
        RowView {
            labels: labels
                .iter()
                .filter(|c| !text::trim(&c.text).is_empty())
                .collect(),
            values: values.iter().collect(),
            row,
        }
    }

    /// The label cells' texts joined by a space, as printed.
    pub fn label(&self) -> String {
        self.labels
            .iter()
            .map(|c| text::trim(&c.text))
            .collect::<Vec<_>>()
            .join(" ")
    }

    /// The label keys of the label cells.
    pub fn label_keys(&self) -> Vec<String> {
        self.labels.iter().map(|c| label_key(&c.text)).collect()
    }

    /// Whether any value cell holds something (a number, a placeholder or text).
    pub fn has_values(&self) -> bool {
        self.values.iter().any(|c| !text::trim(&c.text).is_empty())
    }
}

/// A label matched to a template row.
#[derive(Debug, Clone, Copy)]
pub struct LabelMatch {
    /// The template row.
    pub spec: &'static RowSpec,
    /// How alike (1 = the same key).
    pub score: f64,
}

/// The best template row for one label key, if any is alike enough.
pub fn match_key(key: &str, specs: &[&'static RowSpec]) -> Option<LabelMatch> {
    if key.is_empty() {
        return None;
    }
    let mut best: Option<LabelMatch> = None;
    for spec in specs {
        for label in spec.labels() {
            let score = similarity(key, &label_key(label));
            if score >= MATCH_THRESHOLD && best.is_none_or(|b| score > b.score) {
                best = Some(LabelMatch { spec, score });
            }
        }
    }
    best
}

/// The template row for a row's labels: the most specific (last) label first, then
/// the labels joined, then each earlier label.
pub fn match_row(view: &RowView<'_>, specs: &[&'static RowSpec]) -> Option<LabelMatch> {
    let keys = view.label_keys();
    let last = keys.last().and_then(|k| match_key(k, specs));
    if let Some(m) = last.filter(|m| m.score >= 1.0) {
        return Some(m);
    }
    let joined = match_key(&keys.concat(), specs);
    let earlier = keys.iter().rev().skip(1).find_map(|k| match_key(k, specs));
    [last, joined, earlier]
        .into_iter()
        .flatten()
        .max_by(|a, b| a.score.total_cmp(&b.score))
}

/// A diagnostic when a label matched only approximately.
pub fn fuzzy_diagnostic(view: &RowView<'_>, m: &LabelMatch) -> Option<Diagnostic> {
    (m.score < 1.0).then(|| {
        Diagnostic::info(
            codes::LABEL_FUZZY,
            format!(
                "label {:?} read as {:?} ({}), similarity {:.2}",
                view.label(),
                m.spec.label,
                m.spec.key,
                m.score
            ),
            Some(view.row.pos.clone()),
        )
    })
}

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
) -> Vec<(String, Cell)> {
    let parse = |c: &ir::Cell, col: &ColumnSpec| Cell::parse(&c.text, col.kind);
    let mut values = view.values.clone();
    if values.len() != columns.len() && spans_known && !header_cols.is_empty() {
        let by_grid: Vec<(String, Cell)> = columns
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
                    col.key.to_owned(),
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
            values.drain(..extra);
        }
    }
    if values.len() != columns.len() {
        diagnostics.push(Diagnostic::warning(
            codes::ROW_VALUE_COUNT,
            format!(
                "row {:?} has {} value cells for {} columns; values were placed by their order",
                view.label(),
                values.len(),
                columns.len()
            ),
            Some(view.row.pos.clone()),
        ));
    }
    columns
        .iter()
        .enumerate()
        .map(|(i, col)| {
            let cell = values.get(i).map_or(Cell::BLANK, |c| parse(c, col));
            (col.key.to_owned(), cell)
        })
        .collect()
}

/// Diagnostics for cells that hold text where a number belongs.
pub fn text_cell_diagnostics(
    row_label: &str,
    cells: &[(String, Cell)],
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
