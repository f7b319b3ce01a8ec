//! A recognized table laid out as the official template prints it: every template row
//! of its format at its place (a row the source lacks comes back, blank), the extra
//! rows of the source (local additions) where they were, and the groups that head the
//! rows of table 3. What the output adapters (the .docx writer, the HTML pages) print.
//!
//! ```
//! use nianbao_core::catalog::layout::{LayoutRow, layout_rows};
//! use nianbao_core::model::{Row, Table};
//! use nianbao_core::{TableFormat, TableKind};
//!
//! let mut table = Table::new(TableKind::ActiveDisclosure, Some(TableFormat::Format2021));
//! table.rows.push(Row::new(Some("licensing"), "行政许可"));
//! table.rows.push(Row::new(None, "其他主动公开文件"));
//! let rows = layout_rows(&table);
//! // 规章 and 行政规范性文件 come back before 行政许可; the extra row keeps its place.
//! assert_eq!(rows.len(), 7);
//! assert!(matches!(rows[0], LayoutRow::Template { row: None, .. }));
//! assert!(matches!(rows[3], LayoutRow::Extra { index: 1, .. }));
//! ```

use super::{ColumnSpec, RowSpec, TableKind};
use crate::model::{Row, Table};

/// One printed row of a table in its official layout.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum LayoutRow<'a> {
    /// A template row: its spec, and the source's row with its index in
    /// [`Table::rows`], or `None` when the source lacks it (it is printed blank).
    Template {
        /// The row of the template.
        spec: &'static RowSpec,
        /// The source's row, and its index in the table's rows.
        row: Option<(usize, &'a Row)>,
    },
    /// An extra row of the source (a local addition the template does not have), or
    /// a row whose key the template of this format does not know.
    Extra {
        /// Its index in [`Table::rows`] (its cells' paths are `table.rows[index].column`).
        index: usize,
        /// The row.
        row: &'a Row,
    },
}

impl<'a> LayoutRow<'a> {
    /// The source's row, when there is one.
    pub fn row(&self) -> Option<&'a Row> {
        match self {
            LayoutRow::Template { row, .. } => row.map(|(_, r)| r),
            LayoutRow::Extra { row, .. } => Some(row),
        }
    }

    /// The JSON path of the row's cells without the column (`applications.results.total`,
    /// `active_disclosure.rows[3]`): the paths [`Table::cells`] gives.
    pub fn path(&self, kind: TableKind) -> String {
        match self {
            LayoutRow::Template { spec, .. } => format!("{}.{}", kind.key(), spec.key),
            LayoutRow::Extra { index, .. } => format!("{}.rows[{index}]", kind.key()),
        }
    }
}

/// The rows of `table` in the source's order, with every template row of its format
/// that the source lacks put back at its template place (before the first source row
/// that comes after it in the template), and rows whose key the template does not
/// know kept as extra rows. Linear in the rows (the template has at most 26).
pub fn layout_rows(table: &Table) -> Vec<LayoutRow<'_>> {
    let specs = table.kind.rows(table.format);
    let index = |row: &Row| {
        let key = row.key.as_deref()?;
        specs.iter().position(|s| s.key == key)
    };
    let present: Vec<bool> = specs
        .iter()
        .map(|s| table.rows.iter().any(|r| r.key.as_deref() == Some(s.key)))
        .collect();
    let mut done = vec![false; specs.len()];
    let mut out = Vec::with_capacity(table.rows.len() + specs.len());
    let mut put_back_missing = |upto: usize, out: &mut Vec<LayoutRow<'_>>| {
        for (j, spec) in specs.iter().enumerate().take(upto) {
            if !present.get(j).copied().unwrap_or(true) && !done.get(j).copied().unwrap_or(true) {
                if let Some(d) = done.get_mut(j) {
                    *d = true;
                }
                out.push(LayoutRow::Template { spec, row: None });
            }
        }
    };
    for (i, row) in table.rows.iter().enumerate() {
        match index(row) {
            Some(s) => {
                put_back_missing(s, &mut out);
                if let Some(spec) = specs.get(s) {
                    out.push(LayoutRow::Template {
                        spec,
                        row: Some((i, row)),
                    });
                }
            }
            None => out.push(LayoutRow::Extra { index: i, row }),
        }
    }
    put_back_missing(specs.len(), &mut out);
    out
}

/// The value columns of table 2's grid in the template (the widest block has three).
pub const ACTIVE_VALUE_COLUMNS: usize = 3;

/// The value columns of table 2's grid for these rows: three, or more when an extra
/// row has more values.
pub fn active_value_columns(rows: &[LayoutRow<'_>]) -> usize {
    rows.iter()
        .filter_map(|r| match r {
            LayoutRow::Extra { row, .. } => Some(row.cells.len()),
            LayoutRow::Template { .. } => None,
        })
        .fold(ACTIVE_VALUE_COLUMNS, usize::max)
}

/// Whether an extra row's values go under `columns` (the block it sits in): every key
/// of its cells is one of theirs. Else they are printed in the order of the source.
pub fn extra_row_fits(row: &Row, columns: &[ColumnSpec]) -> bool {
    !columns.is_empty()
        && row
            .cells
            .iter()
            .all(|(k, _)| columns.iter().any(|c| c.key == k))
}

/// The group every result row of table 3 sits in.
const RESULTS: &str = "三、本年度办理结果";

/// The groups a template row of table 3 sits in, outermost first: `[]` for 一、二、四,
/// `[三、本年度办理结果]` for （一）（二）（七） (and the 2019 （六）),
/// `[三、本年度办理结果, （三）不予公开]` for the rows of a numbered group.
fn chain_of(spec: &RowSpec) -> Vec<&'static str> {
    match spec.group {
        None => Vec::new(),
        Some(RESULTS) => vec![RESULTS],
        Some(group) => vec![RESULTS, group],
    }
}

/// The label groups of table 3 (the merged cells left of its labels) for every row
/// of [`layout_rows`], outermost first; an extra row sits in the groups its
/// neighbouring template rows share, so that it continues their merges.
pub fn application_groups(rows: &[LayoutRow<'_>]) -> Vec<Vec<&'static str>> {
    let template: Vec<Option<Vec<&'static str>>> = rows
        .iter()
        .map(|r| match r {
            LayoutRow::Template { spec, .. } => Some(chain_of(spec)),
            LayoutRow::Extra { .. } => None,
        })
        .collect();
    (0..rows.len())
        .map(|i| match template.get(i).cloned().flatten() {
            Some(chain) => chain,
            None => {
                let before = template
                    .get(..i)
                    .and_then(|t| t.iter().rev().flatten().next());
                let after = template
                    .get(i + 1..)
                    .and_then(|t| t.iter().flatten().next());
                match (before, after) {
                    (Some(b), Some(a)) => b
                        .iter()
                        .zip(a)
                        .take_while(|(x, y)| x == y)
                        .map(|(x, _)| *x)
                        .collect(),
                    _ => Vec::new(),
                }
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalog::TableFormat;

    fn shape(rows: &[LayoutRow<'_>]) -> Vec<String> {
        rows.iter()
            .map(|r| match r {
                LayoutRow::Template { spec, row: Some(_) } => spec.key.to_owned(),
                LayoutRow::Template { spec, row: None } => format!("({})", spec.key),
                LayoutRow::Extra { row, index } => format!("+{}@{index}", row.label),
            })
            .collect()
    }

    #[test]
    fn missing_rows_come_back_at_their_place_and_extra_rows_stay() {
        let kind = TableKind::ActiveDisclosure;
        let mut table = Table::new(kind, Some(TableFormat::Format2021));
        table.rows = vec![
            Row::new(Some("regulations"), "规章"),
            Row::new(None, "其他主动公开文件"),
            Row::new(Some("punishment"), "行政处罚"),
            Row::new(Some("unknown_key"), "自创行"),
        ];
        let rows = layout_rows(&table);
        assert_eq!(
            shape(&rows),
            [
                "regulations",
                "+其他主动公开文件@1",
                "(normative_documents)",
                "(licensing)",
                "punishment",
                "+自创行@3",
                "(coercion)",
                "(fees)"
            ]
        );
        assert_eq!(rows[1].path(kind), "active_disclosure.rows[1]");
        assert_eq!(rows[4].path(kind), "active_disclosure.punishment");
    }

    #[test]
    fn an_extra_row_continues_the_groups_it_sits_in() {
        let mut table = Table::new(TableKind::Applications, Some(TableFormat::Format2021));
        table.rows = vec![
            Row::new(Some("results.granted"), "（一）予以公开"),
            Row::new(None, "其中：网上申请"),
            Row::new(Some("results.partially_granted"), "（二）部分公开"),
            Row::new(Some("results.denied.state_secret"), "1.属于国家秘密"),
            Row::new(None, "9.其他"),
            Row::new(
                Some("results.denied.prohibited_by_law"),
                "2.其他法律行政法规禁止公开",
            ),
            Row::new(Some("results.total"), "（七）总计"),
            Row::new(None, "另行统计"),
            Row::new(Some("carried_forward"), "四、结转下年度继续办理"),
        ];
        let rows = layout_rows(&table);
        let groups = application_groups(&rows);
        let at = |label: &str| {
            rows.iter()
                .position(|r| r.row().is_some_and(|row| row.label == label))
                .unwrap()
        };
        assert_eq!(groups[at("9.其他")], [RESULTS, "（三）不予公开"]);
        assert_eq!(groups[at("其中：网上申请")], [RESULTS]);
        assert!(groups[at("另行统计")].is_empty());
        assert!(groups[at("四、结转下年度继续办理")].is_empty());
    }
}
