//! Helpers shared by the table reconstructors.

use nianbao_core::Limits;
use nianbao_core::ir::{Cell, Pos, Row, Table};
use nianbao_core::model::Provenance;

use crate::TxtError;

/// Fails when a table has more cells than [`Limits::max_table_cells`].
pub(crate) fn check_limit(count: u64, limits: &Limits, line: u32) -> Result<(), TxtError> {
    if count > limits.max_table_cells {
        Err(TxtError::LimitExceeded {
            limit: "max_table_cells",
            actual: count,
            max: limits.max_table_cells,
            line,
        })
    } else {
        Ok(())
    }
}

/// A row of cells put one after another (spans of 1).
pub(crate) fn row_of(cells: Vec<(String, u32)>, line: u32) -> Row {
    Row::new(
        cells
            .into_iter()
            .zip(0u32..)
            .map(|((text, line), col)| Cell::new(text, col, Pos::line(line)))
            .collect(),
        Pos::line(line),
    )
}

/// A table of rows whose spans are unknown, checking the cell limit; every cell gets
/// `provenance` (how the layout ties a cell to its row and column).
pub(crate) fn table_of(
    mut rows: Vec<Row>,
    line: u32,
    limits: &Limits,
    provenance: Provenance,
) -> Result<Table, TxtError> {
    let count: usize = rows.iter().map(|r| r.cells.len()).sum();
    check_limit(u64::try_from(count).unwrap_or(u64::MAX), limits, line)?;
    for cell in rows.iter_mut().flat_map(|r| r.cells.iter_mut()) {
        cell.provenance = provenance;
    }
    Ok(Table::new(Pos::line(line))
        .with_rows(rows)
        .with_spans_known(false))
}

/// Whether a (trimmed) text is a number as tables print them: digits with an optional
/// sign, decimal point, thousands separators, full-width digits, a unit (`万元`,
/// `元`, `件`, `%`), or a placeholder (`—`, `-`, `/`, `无`).
pub(crate) fn is_value(s: &str) -> bool {
    let s = nianbao_core::text::trim(s);
    if s.is_empty() {
        return false;
    }
    if nianbao_core::text::is_placeholder(s) {
        return true;
    }
    let folded = nianbao_core::text::fold_full_width(s);
    let body = folded
        .trim_end_matches(['万', '元', '件', '个', '%', '次', '条', '项'])
        .trim();
    let body = body.strip_prefix(['+', '-']).unwrap_or(body);
    !body.is_empty()
        && body.chars().any(|c| c.is_ascii_digit())
        && body
            .chars()
            .all(|c| c.is_ascii_digit() || c == '.' || c == ',')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn values() {
        for v in [
            "0",
            "3985758",
            "96171.6",
            "3,985,758",
            "０",
            "+12",
            "-3",
            "0万元",
            "—",
            "/",
            "无",
        ] {
            assert!(is_value(v), "{v}");
        }
        for v in [
            "",
            "规章",
            "1.属于国家秘密",
            "2024年",
            "-4-",
            "第 4 页",
            "1、",
        ] {
            assert!(!is_value(v), "{v}");
        }
    }
}
