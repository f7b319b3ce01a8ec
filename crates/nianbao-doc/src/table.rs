//! Turning the rows of a .doc table into a logical grid: the cell boundaries of each
//! row's `sprmTDefTable` give the grid columns, `fMerged` joins cells horizontally,
//! `fVertMerge`/`fVertRestart` make a cell span rows.

use std::collections::BTreeMap;

use nianbao_core::ir::{Cell, Pos, Row, Table};

use crate::sprm::{CellFlags, RowDef};

/// A cell as read, before placing.
#[derive(Debug, Default)]
pub(crate) struct DraftCell {
    pub(crate) text: String,
    pub(crate) nested: Vec<Table>,
    pub(crate) pos: Pos,
    /// Whether a paragraph has been added (the next one is joined with `'\n'`).
    pub(crate) started: bool,
}

/// A row as read, with the definition of its row end.
#[derive(Debug, Default)]
pub(crate) struct DraftRow {
    pub(crate) cells: Vec<DraftCell>,
    pub(crate) def: Option<RowDef>,
    pub(crate) header: bool,
    pub(crate) pos: Pos,
}

/// Boundaries closer than this (twips) are one grid line: rounding in the writer.
const SNAP: i32 = 4;

struct Placed {
    cell: DraftCell,
    left: i32,
    right: i32,
    flags: CellFlags,
}

/// Builds the grid of a table from its rows.
pub(crate) fn build(rows: Vec<DraftRow>, pos: Pos) -> Table {
    let mut placed_rows: Vec<(Vec<Placed>, bool, Pos)> = Vec::with_capacity(rows.len());
    let mut lines: Vec<i32> = Vec::new();
    for row in rows {
        let def = row.def.unwrap_or_default();
        let mut placed: Vec<Placed> = Vec::with_capacity(row.cells.len());
        let mut last_right = 0i32;
        for (i, cell) in row.cells.into_iter().enumerate() {
            let bounds = (def.centers.get(i), def.centers.get(i + 1));
            let (left, right) = match bounds {
                (Some(&l), Some(&r)) if r > l => (i32::from(l), i32::from(r)),
                // No boundary given: a cell of one unit after the last.
                _ => (last_right, last_right + 1),
            };
            let flags = def.cells.get(i).copied().unwrap_or_default();
            last_right = right;
            if flags.merged
                && !flags.first_merged
                && let Some(prev) = placed.last_mut()
            {
                prev.right = prev.right.max(right);
                if !cell.text.is_empty() {
                    if !prev.cell.text.is_empty() {
                        prev.cell.text.push('\n');
                    }
                    prev.cell.text.push_str(&cell.text);
                }
                prev.cell.nested.extend(cell.nested);
                continue;
            }
            placed.push(Placed {
                cell,
                left,
                right,
                flags,
            });
        }
        for p in &placed {
            lines.push(p.left);
            lines.push(p.right);
        }
        placed_rows.push((placed, row.header, row.pos));
    }
    lines.sort_unstable();
    let mut grid: Vec<i32> = Vec::with_capacity(lines.len());
    for l in lines {
        if grid.last().is_none_or(|&g| l - g > SNAP) {
            grid.push(l);
        }
    }
    let col_of = |x: i32| -> u32 { grid.partition_point(|&g| g + SNAP < x) as u32 };

    let mut out = Table::new(pos).with_rows(Vec::with_capacity(placed_rows.len()));
    // The cell of a vertical merge still open at each grid column: (row, index in row).
    let mut open: BTreeMap<u32, (usize, usize)> = BTreeMap::new();
    for (placed, header, row_pos) in placed_rows {
        let r = out.rows.len();
        let mut cells: Vec<Cell> = Vec::with_capacity(placed.len());
        for p in placed {
            let col = col_of(p.left);
            let span = col_of(p.right).saturating_sub(col).max(1);
            let continues = p.flags.vert_merge && !p.flags.vert_restart;
            if continues
                && let Some(&(row, index)) = open.get(&col)
                && let Some(start) = out.rows.get_mut(row).and_then(|x| x.cells.get_mut(index))
                && start.col_span == span
            {
                start.row_span = start.row_span.saturating_add(1);
                if !p.cell.text.is_empty() {
                    start.text.push('\n');
                    start.text.push_str(&p.cell.text);
                }
                start.nested.extend(p.cell.nested);
                continue;
            }
            let covered: Vec<u32> = open.range(col..col + span).map(|(c, _)| *c).collect();
            for c in covered {
                open.remove(&c);
            }
            if p.flags.vert_merge {
                open.insert(col, (r, cells.len()));
            }
            cells.push(
                Cell::new(p.cell.text, col, p.cell.pos)
                    .with_spans(span, 1)
                    .with_nested(p.cell.nested),
            );
        }
        out.rows.push(Row::new(cells, row_pos).with_header(header));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row(texts: &[&str], centers: &[i16], flags: &[CellFlags]) -> DraftRow {
        DraftRow {
            cells: texts
                .iter()
                .map(|t| DraftCell {
                    text: (*t).to_owned(),
                    ..DraftCell::default()
                })
                .collect(),
            def: Some(RowDef {
                centers: centers.to_vec(),
                cells: flags.to_vec(),
            }),
            ..DraftRow::default()
        }
    }

    const N: CellFlags = CellFlags {
        first_merged: false,
        merged: false,
        vert_merge: false,
        vert_restart: false,
    };
    const START: CellFlags = CellFlags {
        vert_merge: true,
        vert_restart: true,
        ..N
    };
    const CONT: CellFlags = CellFlags {
        vert_merge: true,
        ..N
    };

    #[test]
    fn spans_from_boundaries_and_merges() {
        let rows = vec![
            // A header over two columns by its boundaries.
            row(&["甲", "乙"], &[0, 1000, 3000], &[N, N]),
            // Three cells; the first starts a vertical merge.
            row(&["三、", "a", "b"], &[0, 1000, 2002, 3000], &[START, N, N]),
            row(&["", "c", "d"], &[0, 1000, 2000, 3000], &[CONT, N, N]),
            // fFirstMerged + fMerged: one cell over the last two columns.
            row(
                &["x", "y", ""],
                &[0, 1000, 2000, 3000],
                &[
                    N,
                    CellFlags {
                        first_merged: true,
                        ..N
                    },
                    CellFlags { merged: true, ..N },
                ],
            ),
        ];
        let t = build(rows, Pos::default());
        let shape: Vec<Vec<(String, u32, u32, u32)>> = t
            .rows
            .iter()
            .map(|r| {
                r.cells
                    .iter()
                    .map(|c| (c.text.clone(), c.col, c.col_span, c.row_span))
                    .collect()
            })
            .collect();
        let s = |t: &str, c, cs, rs| (t.to_owned(), c, cs, rs);
        assert_eq!(
            shape,
            vec![
                vec![s("甲", 0, 1, 1), s("乙", 1, 2, 1)],
                vec![s("三、", 0, 1, 2), s("a", 1, 1, 1), s("b", 2, 1, 1)],
                vec![s("c", 1, 1, 1), s("d", 2, 1, 1)],
                vec![s("x", 0, 1, 1), s("y", 1, 2, 1)],
            ]
        );
        assert!(t.spans_known);
    }

    #[test]
    fn continuation_without_a_start_is_kept() {
        let t = build(vec![row(&["a"], &[0, 100], &[CONT])], Pos::default());
        assert_eq!(t.rows[0].cells[0].text, "a");
    }
}
