//! Building a logical table grid from WordprocessingML rows: grid columns from
//! `w:gridBefore` and `w:gridSpan`, vertical merges from `w:vMerge`, legacy
//! horizontal merges from `w:hMerge`.

use nianbao_core::ir::{Cell, Row, Table};
use nianbao_core::{Limits, Pos};

use super::error::DocxError;

/// `w:vMerge` or `w:hMerge` of a cell.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub(crate) enum Merge {
    /// Not merged.
    #[default]
    None,
    /// `w:val="restart"`: the cell starts a merge.
    Restart,
    /// `w:val="continue"` or no value: the cell continues the merge above (or left).
    Continue,
}

/// What `w:tcPr` says about a cell's place in the grid.
#[derive(Debug, Clone, Copy, Default)]
pub(crate) struct CellProps {
    /// `w:gridSpan` (0 when absent).
    pub(crate) span: u32,
    /// `w:vMerge`.
    pub(crate) vmerge: Merge,
    /// `w:hMerge` (Word 2003 documents).
    pub(crate) hmerge: Merge,
}

/// What `w:trPr` says about a row.
#[derive(Debug, Clone, Copy, Default)]
pub(crate) struct RowProps {
    /// `w:gridBefore`: grid columns skipped before the first cell.
    pub(crate) grid_before: u32,
    /// `w:tblHeader`: repeated as a header on each page.
    pub(crate) header: bool,
    /// `w:trPr/w:del`: the row is a tracked deletion, dropped when changes are accepted.
    pub(crate) deleted: bool,
}

/// A vertical merge still open: where its first cell is.
#[derive(Debug, Clone, Copy)]
struct Open {
    col: u32,
    row: usize,
    cell: usize,
}

/// What adding a cell did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Added {
    /// A new cell in the grid.
    Cell,
    /// The cell continues a merge and was folded into the merge's first cell.
    Merged {
        /// Whether the covered cell had text of its own (appended to the first cell).
        had_text: bool,
    },
    /// The row is deleted; the cell is dropped.
    Dropped,
}

/// Builds one table row by row.
#[derive(Debug)]
pub(crate) struct GridBuilder {
    table: Table,
    row: Row,
    row_props: RowProps,
    cursor: u32,
    cells: u64,
    open: Vec<Open>,
    next_open: Vec<Open>,
    /// How many cells the last row had: the next row's room (rows of a table are
    /// alike), so that a row's cells are not moved as they come.
    last_row_cells: usize,
}

impl GridBuilder {
    /// A new table starting at `pos`.
    pub(crate) fn new(pos: Pos) -> Self {
        GridBuilder {
            table: Table::new(pos),
            row: Row::default(),
            row_props: RowProps::default(),
            cursor: 0,
            cells: 0,
            open: Vec::new(),
            next_open: Vec::new(),
            last_row_cells: 0,
        }
    }

    /// Starts a row at `pos`.
    pub(crate) fn start_row(&mut self, pos: Pos) {
        // Capped: one huge row must not make every later row as big.
        self.row = Row::new(Vec::with_capacity(self.last_row_cells.min(64)), pos);
        self.row_props = RowProps::default();
        self.cursor = 0;
        self.next_open.clear();
    }

    /// Applies the row's `w:trPr`.
    pub(crate) fn row_props(&mut self, props: RowProps) {
        self.row.is_header = props.header;
        self.cursor = props.grid_before;
        self.row_props = props;
    }

    /// Adds the next cell of the row; `pos` is where it starts in `part`.
    pub(crate) fn add_cell(
        &mut self,
        props: CellProps,
        text: String,
        nested: Vec<Table>,
        pos: Pos,
        limits: &Limits,
    ) -> Result<Added, DocxError> {
        self.cells += 1;
        if self.cells > limits.max_table_cells {
            let (part, offset) = (
                pos.part.as_deref().unwrap_or_default().to_owned(),
                pos.offset.unwrap_or(0),
            );
            return Err(DocxError::limit(
                "max_table_cells",
                self.cells,
                limits.max_table_cells,
                &part,
                offset,
            ));
        }
        if self.row_props.deleted {
            return Ok(Added::Dropped);
        }
        // One unit for the cell and one per probe of the open merges.
        nianbao_core::work::add(1 + u64::from(usize::BITS - self.open.len().leading_zeros()));
        let col = self.cursor;
        let span = props.span.max(1);
        self.cursor = col.saturating_add(span);

        if props.vmerge == Merge::Continue
            // `open` is in column order (a row's cells come left to right): a binary
            // search keeps a row of 100,000 merged cells linear-logarithmic, not quadratic.
            && let Ok(at) = self.open.binary_search_by_key(&col, |o| o.col)
            && let Some(open) = self.open.get(at).copied()
            && let Some(first) = self
                .table
                .rows
                .get_mut(open.row)
                .and_then(|r| r.cells.get_mut(open.cell))
        {
            first.row_span = first.row_span.saturating_add(1);
            let had_text = append(first, text, nested);
            self.next_open.push(open);
            return Ok(Added::Merged { had_text });
        }
        if props.hmerge == Merge::Continue
            && let Some(prev) = self.row.cells.last_mut()
        {
            prev.col_span = prev.col_span.saturating_add(span);
            let had_text = append(prev, text, nested);
            return Ok(Added::Merged { had_text });
        }
        let index = self.row.cells.len();
        self.row.cells.push(
            Cell::new(text, col, pos)
                .with_spans(span, 1)
                .with_nested(nested),
        );
        // A continuation with nothing to continue starts a merge of its own, as Word shows it.
        if props.vmerge != Merge::None {
            self.next_open.push(Open {
                col,
                row: self.table.rows.len(),
                cell: index,
            });
        }
        Ok(Added::Cell)
    }

    /// Ends the row: merges not continued in it are closed.
    pub(crate) fn end_row(&mut self) {
        let row = std::mem::take(&mut self.row);
        self.last_row_cells = row.cells.len();
        if self.row_props.deleted {
            self.next_open.clear();
            return;
        }
        self.table.rows.push(row);
        std::mem::swap(&mut self.open, &mut self.next_open);
        self.next_open.clear();
    }

    /// The finished table.
    pub(crate) fn finish(self) -> Table {
        self.table
    }
}

/// Appends a covered cell's content to the cell that covers it; says whether it had text.
fn append(first: &mut Cell, text: String, nested: Vec<Table>) -> bool {
    first.nested.extend(nested);
    if text.is_empty() {
        return false;
    }
    if !first.text.is_empty() {
        first.text.push('\n');
    }
    first.text.push_str(&text);
    true
}

#[cfg(test)]
mod tests {
    use super::*;

    fn props(span: u32, vmerge: Merge) -> CellProps {
        CellProps {
            span,
            vmerge,
            hmerge: Merge::None,
        }
    }

    fn layout(table: &Table) -> Vec<Vec<(String, u32, u32, u32)>> {
        table
            .rows
            .iter()
            .map(|r| {
                r.cells
                    .iter()
                    .map(|c| (c.text.clone(), c.col, c.col_span, c.row_span))
                    .collect()
            })
            .collect()
    }

    #[test]
    fn vmerge_and_grid_before() {
        let limits = Limits::default();
        let mut g = GridBuilder::new(Pos::default());
        type Spec<'a> = (u32, &'a [(&'a str, u32, Merge)]);
        let rows: [Spec<'_>; 4] = [
            (0, &[("a", 1, Merge::Restart), ("b", 2, Merge::None)]),
            (
                0,
                &[
                    ("", 1, Merge::Continue),
                    ("c", 1, Merge::None),
                    ("d", 1, Merge::None),
                ],
            ),
            (0, &[("", 1, Merge::Continue), ("e", 2, Merge::None)]),
            (1, &[("f", 2, Merge::Continue)]),
        ];
        for (before, cells) in rows {
            g.start_row(Pos::default());
            g.row_props(RowProps {
                grid_before: before,
                ..RowProps::default()
            });
            for (text, span, vm) in cells {
                g.add_cell(
                    props(*span, *vm),
                    (*text).to_owned(),
                    Vec::new(),
                    Pos::default(),
                    &limits,
                )
                .unwrap();
            }
            g.end_row();
        }
        let t = g.finish();
        let s = |x: &str| x.to_owned();
        assert_eq!(
            layout(&t),
            vec![
                vec![(s("a"), 0, 1, 3), (s("b"), 1, 2, 1)],
                vec![(s("c"), 1, 1, 1), (s("d"), 2, 1, 1)],
                vec![(s("e"), 1, 2, 1)],
                vec![(s("f"), 1, 2, 1)],
            ]
        );
    }

    #[test]
    fn deleted_rows_and_cell_limit() {
        let limits = Limits {
            max_table_cells: 2,
            ..Limits::default()
        };
        let mut g = GridBuilder::new(Pos::default());
        g.start_row(Pos::default());
        g.row_props(RowProps {
            deleted: true,
            ..RowProps::default()
        });
        assert_eq!(
            g.add_cell(
                props(1, Merge::None),
                "x".into(),
                Vec::new(),
                Pos::default(),
                &limits
            )
            .unwrap(),
            Added::Dropped
        );
        g.end_row();
        g.start_row(Pos::default());
        g.add_cell(
            props(1, Merge::None),
            "y".into(),
            Vec::new(),
            Pos::default(),
            &limits,
        )
        .unwrap();
        let err = g.add_cell(
            props(1, Merge::None),
            "z".into(),
            Vec::new(),
            Pos::part_offset("word/document.xml", 7),
            &limits,
        );
        assert!(matches!(
            err,
            Err(DocxError::Limit {
                limit: "max_table_cells",
                actual: 3,
                ..
            })
        ));
    }
}
