//! Splitting a grid row into its label cells and its value cells, matching labels to
//! template rows, and placing values in columns.

use std::borrow::Cow;
use std::sync::OnceLock;

use crate::catalog::{self, ColumnSpec, RowSpec};
use crate::ir;
use crate::model::Cell;
use crate::text::{self, label_key};
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

/// A label matched to a template row.
#[derive(Debug, Clone, Copy)]
pub struct LabelMatch {
    /// The template row.
    pub spec: &'static RowSpec,
    /// How alike (1 = the same key).
    pub score: f64,
}

/// The label keys (with their length in characters) of a template row's label and
/// aliases, computed once per process. A template row is found by its place in the
/// catalogue's arrays (no hashing on the hot path); a row from elsewhere by its key and
/// label.
pub fn spec_keys(spec: &'static RowSpec) -> &'static [(String, usize)] {
    type Keys = Vec<Vec<(String, usize)>>;
    static KEYS: OnceLock<[Keys; 4]> = OnceLock::new();
    let tables = catalogue_rows();
    let keys = KEYS.get_or_init(|| {
        tables.map(|rows| {
            rows.iter()
                .map(|s| {
                    s.labels()
                        .map(label_key)
                        .map(|k| {
                            let n = k.chars().count();
                            (k, n)
                        })
                        .collect()
                })
                .collect()
        })
    });
    let found = tables.iter().zip(keys).find_map(|(rows, keys)| {
        let i = index_in(rows, spec).or_else(|| {
            rows.iter()
                .position(|r| r.key == spec.key && r.label == spec.label)
        })?;
        keys.get(i)
    });
    found.map_or(&[], Vec::as_slice)
}

/// Every template row of the catalogue, by table and format.
fn catalogue_rows() -> [&'static [RowSpec]; 4] {
    [
        &catalog::ACTIVE_DISCLOSURE_2019,
        &catalog::ACTIVE_DISCLOSURE_2021,
        &catalog::APPLICATION_ROWS,
        &catalog::REVIEW_GROUPS,
    ]
}

/// The index of `item` in `slice` when it is one of its elements (by address).
fn index_in(slice: &[RowSpec], item: &RowSpec) -> Option<usize> {
    let range = slice.as_ptr_range();
    let at = std::ptr::from_ref(item);
    range
        .contains(&at)
        .then(|| (at as usize - range.start as usize) / size_of::<RowSpec>().max(1))
}

/// The best template row for one label key, if any is alike enough: an equal key
/// first, else the most similar.
pub fn match_key(key: &str, specs: &[&'static RowSpec]) -> Option<LabelMatch> {
    if key.is_empty() {
        return None;
    }
    if let Some(spec) = specs
        .iter()
        .find(|s| spec_keys(s).iter().any(|(k, _)| k == key))
    {
        return Some(LabelMatch { spec, score: 1.0 });
    }
    let len = key.chars().count();
    let mut best: Option<LabelMatch> = None;
    for spec in specs {
        for (label, label_len) in spec_keys(spec) {
            let bound = text::similarity_bound(len, *label_len);
            if bound < MATCH_THRESHOLD || best.is_some_and(|b| bound <= b.score) {
                continue;
            }
            let score = text::similarity_of(key, len, label, *label_len);
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
    // The row's own label is gone, its item number left (`（六）其他处理` `1.`): the
    // group label before it names no row.
    if keys.len() > 1
        && keys
            .last()
            .is_some_and(|k| !k.is_empty() && k.chars().all(|c| c.is_ascii_digit()))
    {
        return None;
    }
    let last = keys.last().and_then(|k| match_key(k, specs));
    if let Some(m) = last.filter(|m| m.score >= 1.0) {
        return Some(m);
    }
    let joined = if keys.len() > 1 {
        match_key(&keys.concat(), specs)
    } else {
        // One label: joined, it is the last label again.
        last
    };
    let earlier = keys.iter().rev().skip(1).find_map(|k| match_key(k, specs));
    [last, joined, earlier]
        .into_iter()
        .flatten()
        .max_by(|a, b| a.score.total_cmp(&b.score))
}

/// What a data row is to the table being built.
#[derive(Debug)]
pub enum RowRole {
    /// A template row not seen before.
    Template(LabelMatch),
    /// A row with values whose label matches no template row (a local addition).
    Extra,
    /// Nothing to keep: a repeat of a template row already read, or no values.
    Skip,
}

/// Decides what a row is, with the diagnostics that go with it (a repeated row, an
/// approximate label, an extra row).
pub fn row_role(
    view: &RowView<'_>,
    specs: &[&'static RowSpec],
    table: &crate::model::Table,
    diagnostics: &mut Vec<Diagnostic>,
) -> RowRole {
    match match_row(view, specs) {
        Some(m) if table.row(m.spec.key).is_some() => {
            diagnostics.push(Diagnostic::warning(
                codes::ROW_DUPLICATE,
                format!(
                    "row {:?} repeats {:?}; the first is kept",
                    view.label(),
                    m.spec.key
                ),
                Some(view.row.pos.clone()),
            ));
            RowRole::Skip
        }
        Some(m) => {
            diagnostics.extend(fuzzy_diagnostic(view, &m));
            RowRole::Template(m)
        }
        None if view.has_values() && !view.labels.is_empty() => {
            diagnostics.push(Diagnostic::warning(
                codes::ROW_EXTRA,
                format!(
                    "row {:?} is not in the template; kept as an extra row",
                    view.label()
                ),
                Some(view.row.pos.clone()),
            ));
            RowRole::Extra
        }
        None => RowRole::Skip,
    }
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalog::{TableFormat, TableKind};

    fn key_of(labels: &[&str], format: TableFormat) -> Option<&'static str> {
        let table = ir::Table::from_text_rows(vec![
            labels.iter().copied().chain(["1", "2"]).collect::<Vec<_>>(),
        ]);
        let row = table.rows.first().unwrap();
        let view = RowView::new(row);
        match_row(&view, &TableKind::Applications.rows(Some(format))).map(|m| m.spec.key)
    }

    #[test]
    fn every_drift_example_of_the_spec() {
        use TableFormat::*;
        let f21 = Format2021;
        // 、 vs ， vs , inside the （六） labels
        for sep in ["、", "，", ","] {
            let label =
                format!("1.申请人无正当理由逾期不补正{sep}行政机关不再处理其政府信息公开申请");
            assert_eq!(
                key_of(&["（六）其他处理", &label], f21),
                Some("results.other.overdue_correction"),
                "{sep}"
            );
        }
        assert_eq!(
            key_of(&["（六）其他"], Trial2019),
            Some("results.other.other")
        );
        assert_eq!(
            key_of(&["（六）其他处理"], Trial2019),
            Some("results.other.other")
        );
        assert_eq!(key_of(&["3.其他"], f21), Some("results.other.other"));
        assert_eq!(
            key_of(&["2.其他法律行政止公开"], f21),
            Some("results.denied.prohibited_by_law")
        );
        assert_eq!(
            key_of(&["4.无正当理由大量反复 申请"], f21),
            Some("results.not_processed.excessive")
        );
        assert_eq!(key_of(&["（七）总 计"], f21), Some("results.total"));
        assert_eq!(key_of(&["（七）合计"], f21), Some("results.total"));
        assert_eq!(
            key_of(&["三、本年度办理结果", "（一）予以公开"], f21),
            Some("results.granted")
        );
        assert_eq!(
            key_of(&["（三）不予公开", "1.属于国家秘密"], f21),
            Some("results.denied.state_secret")
        );
        assert_eq!(
            key_of(
                &[
                    "（二）部分公开（区分处理的，只计这一情形，",
                    "不计其他情形）"
                ],
                f21
            ),
            Some("results.partially_granted")
        );
        assert_eq!(
            key_of(&["二、上年结转政府信息公开申请数量"], f21),
            Some("carried_over")
        );
        assert_eq!(
            key_of(&["四、结转下年度继续办理"], f21),
            Some("carried_forward")
        );
        assert_eq!(
            key_of(&["1.屬於國家秘密"], f21),
            Some("results.denied.state_secret")
        );
        // Not rows of the table.
        assert_eq!(key_of(&["其他主动公开文件"], f21), None);
        assert_eq!(key_of(&["申请人情况"], f21), None);
    }

    #[test]
    fn text_in_a_value_cell_stays_a_value() {
        let table = ir::Table::from_text_rows(vec![vec![
            "1.属于国家秘密",
            "1",
            "见附件",
            "0",
            "0",
            "0",
            "0",
            "1",
        ]]);
        let row = table.rows.first().unwrap();
        assert_eq!(RowView::new(row).values.len(), 5);
        let view = RowView::with_columns(row, 7);
        assert_eq!(view.label(), "1.属于国家秘密");
        assert_eq!(view.values.len(), 7);
        // A row of labels only stays as it is.
        let header = ir::Table::from_text_rows(vec![vec!["自然人", "商业企业"]]);
        assert_eq!(
            RowView::with_columns(header.rows.first().unwrap(), 7)
                .labels
                .len(),
            2
        );
    }

    #[test]
    fn resplit_is_the_last_cells_view_when_it_differs() {
        // Text in three value cells: `new` sees four values, the last seven are values.
        let table = ir::Table::from_text_rows(vec![vec![
            "1.属于国家秘密",
            "1",
            "见附件",
            "另见",
            "附表",
            "0",
            "0",
            "1",
        ]]);
        let row = table.rows.first().unwrap();
        let view = RowView::new(row);
        assert_eq!(view.values.len(), 3);
        let resplit = view.resplit(7).expect("the last seven cells are values");
        assert_eq!(resplit.values.len(), 7);
        assert_eq!(resplit.label(), "1.属于国家秘密");
        assert_eq!(
            RowView::last_cells_as_values(row, 7).values.len(),
            resplit.values.len()
        );
        // Enough values already, or no label left before them: nothing to re-split.
        assert!(resplit.resplit(7).is_none());
        assert!(view.resplit(3).is_none());
        assert!(view.resplit(8).is_none());
        assert!(view.label_starts_with('1'));
        assert!(!view.label_starts_with('注'));
    }

    #[test]
    fn values_follow_the_last_label() {
        let table = ir::Table::from_text_rows(vec![vec![
            "",
            "（三）不予公开",
            "1.属于国家秘密",
            "\u{a0}",
            "",
            "1",
            "—",
            "2",
            "3",
            "6",
        ]]);
        let view = RowView::new(table.rows.first().unwrap());
        assert_eq!(view.label(), "（三）不予公开 1.属于国家秘密");
        assert_eq!(view.values.len(), 7);
        let mut d = Vec::new();
        let cells = place_values(
            &view,
            &crate::catalog::APPLICANT_COLUMNS,
            &[],
            false,
            &mut d,
        );
        let shown: Vec<String> = cells
            .iter()
            .map(|(k, c)| format!("{k}={:?}", c.as_number().map(|n| n.to_string())))
            .collect();
        assert_eq!(shown[0], "natural_person=None");
        assert_eq!(shown[2], "research=Some(\"1\")");
        assert_eq!(shown[6], "total=Some(\"6\")");
        assert!(d.is_empty());
        // Fewer values than columns: nothing placed by order alone, all blank for
        // want of evidence, with a diagnostic that shows the values.
        let short = ir::Table::from_text_rows(vec![vec!["1.属于国家秘密", "1", "2"]]);
        let view = RowView::new(short.rows.first().unwrap());
        let cells = place_values(
            &view,
            &crate::catalog::APPLICANT_COLUMNS,
            &[],
            false,
            &mut d,
        );
        assert!(
            cells
                .iter()
                .all(|(_, c)| c.is_blank() && c.provenance == crate::model::Provenance::NoEvidence)
        );
        assert_eq!(d[0].code, codes::ROW_VALUE_COUNT);
        assert!(d[0].message.contains("1 | 2"), "{}", d[0].message);
    }
}
