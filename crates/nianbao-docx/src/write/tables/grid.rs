//! A table grid: fixed column widths, cells with spans and vertical merges, the
//! borders and margins of the official tables.

use docx_rs::{
    AlignmentType, BorderType, HeightRule, Paragraph, Table, TableAlignmentType, TableBorder,
    TableBorderPosition, TableBorders, TableCell, TableLayoutType, TableRow, VAlignType,
    VMergeType, WidthType,
};

use crate::write::style::{self, TEXT_WIDTH};
use crate::write::text;

/// The least height of a row, 5 mm.
const ROW_HEIGHT: f32 = 283.0;
/// Left and right cell margins, 0.7 mm.
const CELL_MARGIN: usize = 40;
/// Border width in eighths of a point (0.5 pt).
const BORDER: usize = 4;

/// One cell to place: its text, how many grid columns it spans, its vertical merge.
#[derive(Debug, Clone)]
pub struct Spec<'a> {
    text: &'a str,
    span: usize,
    merge: Option<VMergeType>,
    left: bool,
}

impl<'a> Spec<'a> {
    /// A centered cell of one column.
    pub fn new(text: &'a str) -> Self {
        Spec {
            text,
            span: 1,
            merge: None,
            left: false,
        }
    }

    /// Spans `n` grid columns (`w:gridSpan`).
    pub fn span(mut self, n: usize) -> Self {
        self.span = n.max(1);
        self
    }

    /// Starts a vertical merge (`w:vMerge w:val="restart"`).
    pub fn restart(mut self) -> Self {
        self.merge = Some(VMergeType::Restart);
        self
    }

    /// Continues the vertical merge above (`w:vMerge w:val="continue"`); prints nothing.
    pub fn cont(mut self) -> Self {
        self.merge = Some(VMergeType::Continue);
        self.text = "";
        self
    }

    /// Left-aligned (long labels, notes).
    pub fn left(mut self) -> Self {
        self.left = true;
        self
    }
}

/// Grid column widths in twips that share the type area in proportion to `weights`.
pub fn widths(weights: &[usize]) -> Vec<usize> {
    let total: usize = weights.iter().sum::<usize>().max(1);
    let mut out: Vec<usize> = weights.iter().map(|w| w * TEXT_WIDTH / total).collect();
    let used: usize = out.iter().sum();
    if let Some(last) = out.last_mut() {
        *last += TEXT_WIDTH.saturating_sub(used);
    }
    out
}

/// A table being built on a fixed grid.
///
/// Rows never split over a page, and every row but the last keeps with the next
/// (`w:keepNext` in its paragraphs), so a table that fits on a page is not broken and
/// its header never stays behind alone.
#[derive(Debug)]
pub struct Grid {
    widths: Vec<usize>,
    size: usize,
    rows: Vec<Vec<(Spec<'static>, String)>>,
}

impl Grid {
    /// An empty table on a grid of these widths, its text in `size` half-points
    /// ([`SIZE_TABLE`](style::SIZE_TABLE) or [`SIZE_TABLE_SMALL`](style::SIZE_TABLE_SMALL)).
    pub fn new(widths: Vec<usize>, size: usize) -> Self {
        Grid {
            widths,
            size,
            rows: Vec::new(),
        }
    }

    /// The number of grid columns.
    pub fn columns(&self) -> usize {
        self.widths.len()
    }

    /// Appends a row; when its cells fall short of the grid, the last one spans the
    /// rest (a row with no cell gets one empty cell across the grid).
    pub fn row(&mut self, specs: &[Spec<'_>]) {
        let mut row: Vec<(Spec<'static>, String)> = specs
            .iter()
            .map(|s| {
                let owned = Spec {
                    text: "",
                    span: s.span,
                    merge: s.merge,
                    left: s.left,
                };
                (owned, s.text.to_owned())
            })
            .collect();
        let used: usize = row.iter().map(|(s, _)| s.span).sum();
        let short = self.columns().saturating_sub(used);
        match row.last_mut() {
            Some((last, _)) => last.span += short,
            None => row.push((Spec::new("").span(self.columns()), String::new())),
        }
        self.rows.push(row);
    }

    fn build_row(&self, row: &[(Spec<'static>, String)], keep_next: bool) -> TableRow {
        let style_id = if self.size == style::SIZE_TABLE_SMALL {
            style::id::TABLE_SMALL
        } else {
            style::id::TABLE
        };
        let mut col = 0;
        let mut cells = Vec::with_capacity(row.len());
        for (spec, text) in row {
            let width: usize = self.widths.iter().skip(col).take(spec.span).sum();
            col += spec.span;
            let mut p = text::styled(style_id, text).keep_next(keep_next);
            if spec.left {
                p = p.align(AlignmentType::Left);
            }
            let mut cell = TableCell::new()
                .add_paragraph(p)
                .width(width, WidthType::Dxa)
                .vertical_align(VAlignType::Center);
            if spec.span > 1 {
                cell = cell.grid_span(spec.span);
            }
            if let Some(m) = spec.merge {
                cell = cell.vertical_merge(m);
            }
            cells.push(cell);
        }
        TableRow::new(cells)
            .row_height(ROW_HEIGHT)
            .height_rule(HeightRule::AtLeast)
            .cant_split()
    }

    /// A row of one cell across the whole grid, left-aligned (a block title or a note).
    pub fn full_row(&mut self, text: &str) {
        let n = self.columns();
        self.row(&[Spec::new(text).span(n).left()]);
    }

    /// The finished table: centered, fixed layout, 0.5 pt borders.
    pub fn build(self) -> Table {
        let width: usize = self.widths.iter().sum();
        let border = |pos| {
            TableBorder::new(pos)
                .border_type(BorderType::Single)
                .size(BORDER)
                .color("000000")
        };
        let borders = TableBorders::new()
            .set(border(TableBorderPosition::Top))
            .set(border(TableBorderPosition::Left))
            .set(border(TableBorderPosition::Bottom))
            .set(border(TableBorderPosition::Right))
            .set(border(TableBorderPosition::InsideH))
            .set(border(TableBorderPosition::InsideV));
        let last = self.rows.len().saturating_sub(1);
        let rows: Vec<TableRow> = self
            .rows
            .iter()
            .enumerate()
            .map(|(i, r)| self.build_row(r, i < last))
            .collect();
        Table::new(rows)
            .set_grid(self.widths)
            .width(width, WidthType::Dxa)
            .align(TableAlignmentType::Center)
            .layout(TableLayoutType::Fixed)
            .set_borders(borders)
            .margins(
                docx_rs::TableCellMargins::new()
                    .margin_left(CELL_MARGIN, WidthType::Dxa)
                    .margin_right(CELL_MARGIN, WidthType::Dxa)
                    .margin_top(0, WidthType::Dxa)
                    .margin_bottom(0, WidthType::Dxa),
            )
    }
}

/// A table of text cells on an even grid (the tables of a report that are none of
/// the three national ones). The last cell of a short row spans the rest.
pub fn plain(grid: &[Vec<String>]) -> Option<Table> {
    let columns = grid.iter().map(Vec::len).max().filter(|n| *n > 0)?;
    let mut table = Grid::new(widths(&vec![1; columns]), style::SIZE_TABLE);
    for row in grid {
        let specs: Vec<Spec<'_>> = row.iter().map(|t| Spec::new(t)).collect();
        table.row(&specs);
    }
    Some(table.build())
}

/// An empty paragraph in table text: Word needs one between two tables that follow
/// each other, and a table must not end a document.
pub fn spacer() -> Paragraph {
    Paragraph::new().style(style::id::TABLE)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn widths_fill_the_type_area() {
        for weights in [
            vec![1; 15],
            vec![6, 8, 22, 7, 7, 7, 7, 7, 7, 7],
            vec![1, 1, 1, 1],
        ] {
            let w = widths(&weights);
            assert_eq!(w.iter().sum::<usize>(), TEXT_WIDTH, "{weights:?}");
            assert_eq!(w.len(), weights.len());
        }
    }
}
