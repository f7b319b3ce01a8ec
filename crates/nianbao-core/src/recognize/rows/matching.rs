//! Matching a row's labels to the template rows of the catalogue.

use std::sync::OnceLock;

use super::RowView;
use crate::catalog::{self, RowSpec};
use crate::text::{self, label_key};
use crate::{Diagnostic, codes};

/// How alike a label must be to a template label to match it.
pub const MATCH_THRESHOLD: f64 = 0.8;

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
