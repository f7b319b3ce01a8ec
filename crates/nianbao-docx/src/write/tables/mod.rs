//! The three national tables in the official layout, and the other tables as plain
//! grids.

mod active_disclosure;
mod applications;
mod grid;
mod review_litigation;

pub use active_disclosure::active_disclosure;
pub use applications::{HEADER_NOTE, applications};
pub use grid::{plain, spacer};
pub use review_litigation::review_litigation;

use std::borrow::Cow;

use nianbao_core::catalog::{ColumnSpec, RowSpec};
use nianbao_core::model::{Row, Table};

use crate::write::text::cell_text;

/// The printed text of a row's cell in each column (blank where the row, or its cell,
/// is missing).
fn column_texts<'a>(row: Option<&'a Row>, columns: &[ColumnSpec]) -> Vec<Cow<'a, str>> {
    columns
        .iter()
        .map(|c| {
            row.and_then(|r| r.cell(c.key))
                .map(cell_text)
                .unwrap_or_default()
        })
        .collect()
}

/// A row to print: a template row (with the source's row, or `None` when the source
/// lacks it: it is printed blank), or an extra row of the source.
#[derive(Debug, Clone, Copy)]
enum Item<'a> {
    Template(&'static RowSpec, Option<&'a Row>),
    Extra(&'a Row),
}

/// The rows of `table` in the source order, with every template row of `specs` the
/// source lacks put back at its template place (before the first source row that
/// comes after it in the template), and rows whose key the template does not know
/// kept as extra rows.
fn items<'a>(table: &'a Table, specs: &[&'static RowSpec]) -> Vec<Item<'a>> {
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
    let mut put_back_missing = |upto: usize, out: &mut Vec<Item<'a>>| {
        for (j, spec) in specs.iter().enumerate().take(upto) {
            if !present.get(j).copied().unwrap_or(true) && !done.get(j).copied().unwrap_or(true) {
                if let Some(d) = done.get_mut(j) {
                    *d = true;
                }
                out.push(Item::Template(spec, None));
            }
        }
    };
    for row in &table.rows {
        match index(row) {
            Some(i) => {
                put_back_missing(i, &mut out);
                if let Some(spec) = specs.get(i) {
                    out.push(Item::Template(spec, Some(row)));
                }
            }
            None => out.push(Item::Extra(row)),
        }
    }
    put_back_missing(specs.len(), &mut out);
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use nianbao_core::{TableKind, catalog::TableFormat};

    fn row(key: Option<&str>, label: &str) -> Row {
        Row::new(key, label)
    }

    fn shape(items: &[Item<'_>]) -> Vec<String> {
        items
            .iter()
            .map(|i| match i {
                Item::Template(s, Some(_)) => s.key.to_owned(),
                Item::Template(s, None) => format!("({})", s.key),
                Item::Extra(r) => format!("+{}", r.label),
            })
            .collect()
    }

    #[test]
    fn missing_rows_come_back_at_their_place_and_extra_rows_stay() {
        let kind = TableKind::ActiveDisclosure;
        let specs = kind.rows(Some(TableFormat::Format2021));
        let mut table = Table::new(kind, Some(TableFormat::Format2021));
        table.rows = vec![
            row(Some("regulations"), "规章"),
            row(None, "其他主动公开文件"),
            row(Some("punishment"), "行政处罚"),
            row(Some("unknown_key"), "自创行"),
        ];
        assert_eq!(
            shape(&items(&table, &specs)),
            [
                "regulations",
                "+其他主动公开文件",
                "(normative_documents)",
                "(licensing)",
                "punishment",
                "+自创行",
                "(coercion)",
                "(fees)"
            ]
        );
    }
}
