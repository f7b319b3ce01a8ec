//! Placing cells in a table's logical grid, as the HTML table model does: a cell
//! starts at the first column of its row not covered by a `rowspan` from above.

use nianbao_core::Pos;
use nianbao_core::ir::Row;

use crate::HtmlError;

/// A cell's spans as written (`rowspan = 0` means "to the end of the table").
#[derive(Debug, Clone, Copy)]
pub struct Span {
    /// `colspan`, at least 1 after placing.
    pub cols: u32,
    /// `rowspan`; 0 reaches to the last row.
    pub rows: u32,
}

/// Where a cell landed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Placed {
    /// The first grid column.
    pub col: u32,
    /// The columns covered.
    pub col_span: u32,
    /// The rows covered, clipped to the rows the table has.
    pub row_span: u32,
}

/// The occupancy of a table's grid.
#[derive(Debug)]
pub struct Grid {
    rows: usize,
    /// For each column, the first row index it is free again.
    free_from: Vec<usize>,
    /// For each row, whether a cell from an earlier row covers part of it.
    covered: Vec<bool>,
    max_cells: u64,
    pos: Pos,
    /// The row and end column of the last cell placed.
    last: Option<(usize, usize)>,
}

impl Grid {
    /// An empty grid of `rows` rows; it fails when rows × columns passes `max_cells`.
    pub fn new(rows: usize, max_cells: u64, pos: Pos) -> Self {
        Grid {
            rows,
            free_from: Vec::new(),
            covered: vec![false; rows],
            max_cells,
            pos,
            last: None,
        }
    }

    /// Places the next cell of row `row` (cells of a row are placed left to right).
    /// `group_end` is the index after the last row of the row's group (`thead`,
    /// `tbody`, `tfoot`): as in browsers, a rowspan never reaches past its group.
    pub fn place(&mut self, row: usize, group_end: usize, span: Span) -> Result<Placed, HtmlError> {
        let mut col = self.cursor(row);
        // Skip columns covered by a rowspan from above.
        while self.free_from.get(col).is_some_and(|&f| f > row) {
            col += 1;
        }
        let col_span = span.cols.max(1);
        let left = group_end.min(self.rows).saturating_sub(row).max(1);
        let row_span = match span.rows {
            0 => left,
            n => (n as usize).min(left),
        };
        let end = col + col_span as usize;
        let area = (end as u64).saturating_mul(self.rows.max(1) as u64);
        if area > self.max_cells {
            return Err(HtmlError::TooManyCells {
                actual: area,
                max: self.max_cells,
                pos: self.pos.clone(),
            });
        }
        if self.free_from.len() < end {
            self.free_from.resize(end, 0);
        }
        for f in self.free_from.iter_mut().skip(col).take(col_span as usize) {
            *f = row + row_span;
        }
        for c in self.covered.iter_mut().skip(row + 1).take(row_span - 1) {
            *c = true;
        }
        self.last = Some((row, end));
        Ok(Placed {
            col: u32::try_from(col).unwrap_or(u32::MAX),
            col_span,
            row_span: u32::try_from(row_span).unwrap_or(u32::MAX),
        })
    }

    /// Where the next cell of `row` starts looking: after the previous cell of the
    /// same row, or at column 0.
    fn cursor(&self, row: usize) -> usize {
        match self.last {
            Some((r, end)) if r == row => end,
            _ => 0,
        }
    }

    /// Drops the rows that hold nothing: every cell empty, no cell spanning rows and
    /// no cell from above reaching into them (Word's `supportMisalignedColumns`
    /// filler row of empty cells is one).
    pub fn drop_filler_rows(&self, rows: Vec<Row>) -> Vec<Row> {
        rows.into_iter()
            .enumerate()
            .filter(|(i, row)| {
                let covered = self.covered.get(*i).copied().unwrap_or(false);
                covered
                    || row
                        .cells
                        .iter()
                        .any(|c| c.row_span > 1 || !nianbao_core::text::trim(&c.text).is_empty())
            })
            .map(|(_, r)| r)
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn place(grid: &mut Grid, row: usize, cols: u32, rows: u32) -> (u32, u32, u32) {
        let p = grid.place(row, 99, Span { cols, rows }).unwrap();
        (p.col, p.col_span, p.row_span)
    }

    #[test]
    fn rowspan_pushes_later_cells_right() {
        // | a (2 rows) | b | c |
        // |            | d (2 cols) |
        let mut g = Grid::new(2, 100, Pos::default());
        assert_eq!(place(&mut g, 0, 1, 2), (0, 1, 2));
        assert_eq!(place(&mut g, 0, 1, 1), (1, 1, 1));
        assert_eq!(place(&mut g, 0, 1, 1), (2, 1, 1));
        assert_eq!(place(&mut g, 1, 2, 1), (1, 2, 1));
    }

    #[test]
    fn covered_column_in_the_middle() {
        // | a | b (3 rows) | c |
        // | d |            | e |
        let mut g = Grid::new(3, 100, Pos::default());
        place(&mut g, 0, 1, 1);
        place(&mut g, 0, 1, 3);
        place(&mut g, 0, 1, 1);
        assert_eq!(place(&mut g, 1, 1, 1), (0, 1, 1));
        assert_eq!(place(&mut g, 1, 1, 1), (2, 1, 1));
        assert_eq!(place(&mut g, 2, 1, 1), (0, 1, 1));
        assert_eq!(place(&mut g, 2, 1, 1), (2, 1, 1));
    }

    #[test]
    fn spans_are_clipped_and_zero_reaches_the_end() {
        let mut g = Grid::new(3, 100, Pos::default());
        assert_eq!(place(&mut g, 0, 1, 0), (0, 1, 3));
        let mut g = Grid::new(3, 100, Pos::default());
        place(&mut g, 0, 1, 1);
        assert_eq!(place(&mut g, 1, 0, 9), (0, 1, 2));
    }

    #[test]
    fn rowspan_stops_at_its_row_group() {
        // thead of 2 rows, tbody of 2 rows: a rowspan of 4 in the head covers 2.
        let mut g = Grid::new(4, 100, Pos::default());
        let p = g.place(0, 2, Span { cols: 1, rows: 4 }).unwrap();
        assert_eq!(p.row_span, 2);
        let p = g.place(2, 4, Span { cols: 1, rows: 0 }).unwrap();
        assert_eq!((p.col, p.row_span), (0, 2));
    }

    #[test]
    fn grid_area_is_limited() {
        let mut g = Grid::new(1000, 10_000, Pos::line(3));
        assert!(g.place(0, 1000, Span { cols: 5, rows: 1 }).is_ok());
        let err = g
            .place(
                0,
                1000,
                Span {
                    cols: 1000,
                    rows: 1,
                },
            )
            .unwrap_err();
        assert!(matches!(err, HtmlError::TooManyCells { max: 10_000, .. }));
    }
}
