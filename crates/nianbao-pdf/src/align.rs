//! Tables drawn without ruling lines, read from the alignment of their text (the
//! fallback when a page has rows of text in columns and no lines around them).
//!
//! A line of text splits into runs at gaps wider than [`RUN_GAP`] ems. At least
//! [`MIN_LINES`] lines of two or more runs, close together, make a region; the
//! columns are the gaps that at least [`MIN_LINES`] of its lines show between runs
//! and that few runs cross. A line with a number outside the first column is a value
//! row; the text around it (labels wrapped over several lines, centred on their row)
//! is joined into cells, line by line, while the lines stay closer than [`CELL_GAP`]
//! ems, and a cell goes to the value row whose line it covers. Text above the first
//! value row is the header; text that covers no value row is a row of its own.
//!
//! A number is placed only where one column holds it: a number that crosses a
//! column gap, or two numbers in one column of one line, are left out (and counted
//! in [`Aligned::unplaced`]), never put in a column by a guess.

use crate::grid::{Grid, GridCell};
use crate::interp::Glyph;
use crate::lines::{self, Line};
use crate::normalize;

/// A gap wider than this many ems between two glyphs of a line separates two runs.
const RUN_GAP: f32 = 1.2;
/// Lines of two or more runs further apart than this many ems are not one table.
const ROW_REACH: f32 = 10.0;
/// Lines of runs, and lines showing a column gap, a table needs at least.
const MIN_LINES: usize = 3;
/// Lines of one cell are closer than this many ems.
const CELL_GAP: f32 = 0.7;
/// A narrow line at most this many ems above a region belongs to it.
const ABOVE_GAP: f32 = 3.0;
/// A line of one run wider than this share of the region ends it (prose, a heading).
const WIDE: f32 = 0.6;
/// A column gap may be crossed by at most one line in this many that show it.
const CROSS_RATIO: usize = 5;
/// Runs of text on a page beyond which no table is looked for (a report's page has a
/// few hundred; the search is quadratic in a region's runs).
const MAX_PAGE_RUNS: usize = 20_000;
/// Runs in one region beyond which it is read as text.
const MAX_REGION_RUNS: usize = 5_000;
/// Rows of text only looked back over for one at the same height.
const LEVEL_LOOKBACK: usize = 8;
/// A white band down a whole region at least this many ems wide separates columns.
const RIVER: f32 = 0.8;
/// A run goes to one column when that column holds this share of its width.
const OWN_COLUMN: f32 = 0.8;

/// A table found from text alignment on one page.
#[derive(Debug, Clone)]
pub struct Aligned {
    /// Left edge of the region.
    pub x0: f32,
    /// Top edge.
    pub y0: f32,
    /// Right edge.
    pub x1: f32,
    /// Bottom edge.
    pub y1: f32,
    /// The logical grid.
    pub grid: Grid,
    /// Values left out because no single column holds them (their text).
    pub unplaced: Vec<String>,
}

impl Aligned {
    /// Whether a glyph's centre is inside the region.
    pub fn holds(&self, g: &Glyph) -> bool {
        let (x, y) = (g.cx(), g.cy());
        x >= self.x0 - 0.5 && x <= self.x1 + 0.5 && y >= self.y0 - 0.5 && y <= self.y1 + 0.5
    }
}

/// A line split into runs.
struct TextLine {
    runs: Vec<Line>,
    x0: f32,
    x1: f32,
    y0: f32,
    y1: f32,
    size: f32,
}

fn split_runs(glyphs: Vec<&Glyph>) -> Option<TextLine> {
    let mut sorted = glyphs;
    sorted.sort_by(|a, b| a.x0.total_cmp(&b.x0));
    let mut runs: Vec<Vec<&Glyph>> = Vec::new();
    let mut right = f32::MIN;
    let mut size = 0.0f32;
    for g in sorted {
        let em = g.size.max(size).max(0.1);
        if runs.is_empty() || g.x0 - right > RUN_GAP * em {
            runs.push(Vec::new());
        }
        if let Some(run) = runs.last_mut() {
            run.push(g);
        }
        right = right.max(g.x1);
        size = g.size;
    }
    let runs: Vec<Line> = runs.into_iter().filter_map(lines::line_of).collect();
    let first = runs.first()?;
    Some(TextLine {
        x0: first.x0,
        x1: runs.iter().map(|r| r.x1).fold(f32::MIN, f32::max),
        y0: runs.iter().map(|r| r.y0).fold(f32::MAX, f32::min),
        y1: runs.iter().map(|r| r.y1).fold(f32::MIN, f32::max),
        size: runs.iter().map(|r| r.size).fold(0.0, f32::max).max(0.1),
        runs,
    })
}

/// Whether a cell's text is a number (after full-width digits are normalized).
fn is_number(text: &str) -> bool {
    crate::grid::is_number(&normalize::number_cell(text))
}

/// The regions of a page: ranges of line indices with at least [`MIN_LINES`] lines of
/// two or more runs.
fn regions(lines: &[TextLine]) -> Vec<std::ops::Range<usize>> {
    let mut out = Vec::new();
    // The current region: first line, last line of runs, count, left and right.
    let mut cur: Option<(usize, usize, usize, f32, f32, f32)> = None;
    let close = |cur: Option<(usize, usize, usize, f32, f32, f32)>,
                 out: &mut Vec<std::ops::Range<usize>>| {
        if let Some((first, last, count, x0, x1, _)) = cur
            && count >= MIN_LINES
        {
            // Continuation lines of the last row's labels, right below it.
            let mut end = last + 1;
            while let (Some(l), Some(prev)) = (lines.get(end), lines.get(end - 1)) {
                let narrow = l.runs.len() == 1 && l.x1 - l.x0 <= WIDE * (x1 - x0);
                if !(narrow && l.x0 >= x0 - l.size && l.x1 <= x1 + l.size)
                    || l.y0 - prev.y1 > CELL_GAP * l.size
                {
                    break;
                }
                end += 1;
            }
            // Text right above: a header, a title row, or the end of a label cut by
            // the page break.
            let mut start = first;
            while let (Some(prev), Some(l)) = (
                start.checked_sub(1).and_then(|i| lines.get(i)),
                lines.get(start),
            ) {
                let narrow = prev.runs.len() == 1 && prev.x1 - prev.x0 <= WIDE * (x1 - x0);
                if !(narrow && prev.x0 >= x0 - 0.5 * prev.size && prev.x1 <= x1 + prev.size)
                    || l.y0 - prev.y1 > ABOVE_GAP * prev.size
                {
                    break;
                }
                start -= 1;
            }
            out.push(start..end);
        }
    };
    for (i, l) in lines.iter().enumerate() {
        if l.runs.len() >= 2 {
            cur = match cur {
                Some((first, last, count, x0, x1, size))
                    if lines
                        .get(last)
                        .is_some_and(|p| l.y0 - p.y1 <= ROW_REACH * size.max(l.size)) =>
                {
                    Some((first, i, count + 1, x0.min(l.x0), x1.max(l.x1), size))
                }
                other => {
                    close(other, &mut out);
                    Some((i, i, 1, l.x0, l.x1, l.size))
                }
            };
        } else if let Some((_, _, _, x0, x1, size)) = cur {
            let width = (x1 - x0).max(1.0);
            let wide = l.x1 - l.x0 > WIDE * width;
            if wide || l.size > 1.25 * size {
                close(cur.take(), &mut out);
            }
        }
    }
    close(cur, &mut out);
    out
}

/// The column boundaries of a region (left edge, the middle of each gap, right edge).
fn columns(lines: &[&TextLine]) -> Vec<f32> {
    let mut edges: Vec<f32> = lines
        .iter()
        .flat_map(|l| l.runs.iter().flat_map(|r| [r.x0, r.x1]))
        .collect();
    edges.sort_by(f32::total_cmp);
    edges.dedup_by(|a, b| (*a - *b).abs() < 0.5);
    let mut sizes: Vec<f32> = lines.iter().map(|l| l.size).collect();
    sizes.sort_by(f32::total_cmp);
    let em = sizes.get(sizes.len() / 2).copied().unwrap_or(10.0);
    let left = edges.first().copied().unwrap_or(0.0);
    let right = edges.last().copied().unwrap_or(0.0);
    // Sorted ends, so that each count below is two binary searches (runs of one line
    // never overlap, and neither do its gaps).
    let sorted = |mut v: Vec<f32>| {
        v.sort_by(f32::total_cmp);
        v
    };
    let runs = || lines.iter().flat_map(|l| l.runs.iter());
    let gaps = || {
        lines
            .iter()
            .flat_map(|l| l.runs.windows(2).map(|w| (w[0].x1, w[1].x0)))
    };
    let run_x0 = sorted(runs().map(|r| r.x0).collect());
    let run_x1 = sorted(runs().map(|r| r.x1).collect());
    let gap_x0 = sorted(gaps().map(|g| g.0).collect());
    let gap_x1 = sorted(gaps().map(|g| g.1).collect());
    let first_x1 = sorted(
        lines
            .iter()
            .map(|l| l.runs.iter().map(|r| r.x1).fold(f32::MAX, f32::min))
            .collect(),
    );
    let last_x0 = sorted(
        lines
            .iter()
            .map(|l| l.runs.iter().map(|r| r.x0).fold(f32::MIN, f32::max))
            .collect(),
    );
    let below = |v: &[f32], x: f32| v.partition_point(|&e| e < x);
    let at_most = |v: &[f32], x: f32| v.partition_point(|&e| e <= x);
    let mut bounds = vec![left];
    // The current gap (start, end) while elementary intervals are gaps.
    let mut gap: Option<(f32, f32)> = None;
    for w in edges.windows(2) {
        let [a, b] = [w[0], w[1]];
        let mid = (a + b) / 2.0;
        // Lines with a run across `mid`, and lines with a gap there.
        let crossed = below(&run_x0, mid).saturating_sub(at_most(&run_x1, mid));
        let shown = below(&gap_x0, mid).saturating_sub(at_most(&gap_x1, mid));
        // A white band down the whole region, with text on both sides.
        let river = crossed == 0
            && b - a >= RIVER * em
            && at_most(&first_x1, a + 0.5) >= MIN_LINES
            && last_x0.len().saturating_sub(below(&last_x0, b - 0.5)) >= MIN_LINES;
        if b - a >= 1.0 && (river || (shown >= MIN_LINES && crossed * CROSS_RATIO <= shown)) {
            gap = Some(gap.map_or((a, b), |(s, _)| (s, b)));
        } else if let Some((s, e)) = gap.take() {
            bounds.push((s + e) / 2.0);
        }
    }
    if let Some((s, e)) = gap {
        bounds.push((s + e) / 2.0);
    }
    bounds.push(right);
    bounds
}

/// A cell of a row being built.
struct RowCell {
    col: usize,
    span: usize,
    text: String,
    /// A number from a line of values.
    value: bool,
    /// Its left edge (orders text cells that share a column).
    x0: f32,
}

/// A row being built: its top and its cells.
struct RowCells {
    top: f32,
    cells: Vec<RowCell>,
}

impl RowCells {
    /// Whether no cell of the row covers a column of `c0..c0 + span`.
    fn free(&self, c0: usize, span: usize) -> bool {
        !self
            .cells
            .iter()
            .any(|c| c.col < c0 + span && c0 < c.col + c.span)
    }

    /// Whether no value of the row is in a column of `c0..c0 + span` (text cells
    /// may share a column: labels of two levels printed side by side).
    fn free_of_values(&self, c0: usize, span: usize) -> bool {
        !self
            .cells
            .iter()
            .any(|c| c.value && c.col < c0 + span && c0 < c.col + c.span)
    }
}

/// A piece of text in the region, with the columns it covers.
#[derive(Clone)]
struct Piece {
    text: String,
    c0: usize,
    c1: usize,
    lines: Vec<Line>,
    y0: f32,
    y1: f32,
    size: f32,
    numeric: bool,
    x0: f32,
    x1: f32,
}

/// The columns a run covers: one when it holds [`OWN_COLUMN`] of the run's width,
/// else every column it overlaps.
fn cover(bounds: &[f32], r: &Line) -> (usize, usize) {
    let n = bounds.len().saturating_sub(1);
    let width = (r.x1 - r.x0).max(0.1);
    // The columns holding the run's two ends, and those between.
    let col_at = |x: f32| bounds.partition_point(|&b| b <= x).clamp(1, n.max(1)) - 1;
    let (first, last) = (col_at(r.x0), col_at(r.x1));
    let mut over = Vec::new();
    for c in first..=last {
        let (Some(&a), Some(&b)) = (bounds.get(c), bounds.get(c + 1)) else {
            continue;
        };
        let shared = r.x1.min(b) - r.x0.max(a);
        if shared >= width * OWN_COLUMN {
            return (c, c);
        }
        if shared > 0.0 {
            over.push(c);
        }
    }
    match (over.first(), over.last()) {
        (Some(&a), Some(&b)) => (a, b),
        _ => {
            let c = col_at((r.x0 + r.x1) / 2.0);
            (c, c)
        }
    }
}

/// Finds the tables a page draws without lines among `glyphs` (those outside ruled
/// tables). `max_cells` bounds each grid.
pub fn find(glyphs: &[&Glyph], max_cells: u64) -> Vec<Aligned> {
    let lines: Vec<TextLine> = lines::groups(glyphs)
        .into_iter()
        .filter_map(split_runs)
        .collect();
    // The column search compares every run with every gap of its region: bounded.
    let runs: usize = lines.iter().map(|l| l.runs.len()).sum();
    if runs > MAX_PAGE_RUNS {
        return Vec::new();
    }
    regions(&lines)
        .into_iter()
        .filter_map(|range| {
            let region: Vec<&TextLine> = lines.get(range)?.iter().collect();
            let runs: usize = region.iter().map(|l| l.runs.len()).sum();
            if runs > MAX_REGION_RUNS {
                return None;
            }
            table(&region, max_cells)
        })
        .collect()
}

/// Builds the table of one region, if its lines show columns and values.
fn table(region: &[&TextLine], max_cells: u64) -> Option<Aligned> {
    let bounds = columns(region);
    let ncols = bounds.len().saturating_sub(1);
    if ncols < 2 {
        return None;
    }
    let mut unplaced = Vec::new();
    // Pieces by line; a line is a value row when it has a number outside column 0.
    let mut by_line: Vec<Vec<Piece>> = Vec::new();
    for l in region {
        let mut pieces: Vec<Piece> = Vec::new();
        for r in &l.runs {
            let (c0, c1) = cover(&bounds, r);
            let numeric = is_number(&r.text);
            if numeric && c0 != c1 {
                unplaced.push(r.text.clone());
                continue;
            }
            pieces.push(Piece {
                text: r.text.clone(),
                c0,
                c1,
                lines: vec![r.clone()],
                y0: r.y0,
                y1: r.y1,
                size: r.size,
                numeric,
                x0: r.x0,
                x1: r.x1,
            });
        }
        // Two numbers in one column of one line: neither is placed.
        let mut numbers: Vec<usize> = pieces.iter().filter(|p| p.numeric).map(|p| p.c0).collect();
        numbers.sort_unstable();
        let doubled: Vec<usize> = numbers
            .windows(2)
            .filter(|w| w[0] == w[1])
            .map(|w| w[0])
            .collect();
        pieces.retain(|p| {
            let out = p.numeric && doubled.binary_search(&p.c0).is_ok();
            if out {
                unplaced.push(p.text.clone());
            }
            !out
        });
        by_line.push(pieces);
    }
    let anchors: Vec<usize> = by_line
        .iter()
        .enumerate()
        .filter(|(_, ps)| ps.iter().any(|p| p.numeric && p.c0 > 0))
        .map(|(i, _)| i)
        .collect();
    let first_anchor = *anchors.first()?;
    let mut is_anchor = vec![false; by_line.len()];
    for &i in &anchors {
        if let Some(slot) = is_anchor.get_mut(i) {
            *slot = true;
        }
    }
    let max_size = region.iter().map(|l| l.size).fold(0.1, f32::max);
    // Anchor lines' centres.
    let anchor_cy: Vec<(usize, f32)> = anchors
        .iter()
        .filter_map(|&i| region.get(i).map(|l| (i, (l.y0 + l.y1) / 2.0)))
        .collect();
    // Text pieces joined into cells: a line continues the cell whose last line is
    // right above it and overlaps it across.
    let mut cells: Vec<Piece> = Vec::new();
    // The cells a later line may still continue (their last line is close above).
    let mut open: Vec<usize> = Vec::new();
    let mut values: Vec<(usize, Piece)> = Vec::new(); // (anchor line, value)
    for (li, pieces) in by_line.into_iter().enumerate() {
        let top = region.get(li).map_or(0.0, |l| l.y0);
        open.retain(|&i| cells.get(i).is_some_and(|c| c.y1 >= top - 3.0 * max_size));
        for p in pieces {
            if p.numeric && li >= first_anchor && is_anchor.get(li).copied().unwrap_or(false) {
                values.push((li, p));
                continue;
            }
            let below = open
                .iter()
                .filter_map(|&i| cells.get(i).map(|c| (i, c)))
                .filter(|(_, c)| {
                    let last = c.lines.last();
                    !c.numeric
                        && last.is_some_and(|l| l.x0 < p.x1 && p.x0 < l.x1)
                        && p.y0 - c.y1 <= CELL_GAP * p.size.max(c.size)
                        && p.y0 > c.y1 - 0.5 * p.size
                })
                .max_by(|a, b| a.1.y1.total_cmp(&b.1.y1))
                .map(|(i, _)| i);
            match below.and_then(|i| cells.get_mut(i)) {
                Some(c) if !p.numeric => {
                    c.c0 = c.c0.min(p.c0);
                    c.c1 = c.c1.max(p.c1);
                    c.y1 = c.y1.max(p.y1);
                    c.lines.extend(p.lines);
                }
                _ => {
                    open.push(cells.len());
                    cells.push(p);
                }
            }
        }
    }
    // Rows: each anchor line a row; text that covers no anchor line a row of its own.
    let mut rows: Vec<RowCells> = Vec::new();
    let mut anchor_row: Vec<Option<usize>> = vec![None; region.len()]; // by line
    for &(li, _) in &anchor_cy {
        let top = region.get(li).map_or(0.0, |l| l.y0);
        if let Some(slot) = anchor_row.get_mut(li) {
            *slot = Some(rows.len());
        }
        rows.push(RowCells {
            top,
            cells: Vec::new(),
        });
    }
    let row_of = |li: usize| anchor_row.get(li).copied().flatten();
    // Rows of text only, in the order made (their tops go down the page).
    let mut text_rows: Vec<usize> = Vec::new();
    for (li, v) in values {
        if let Some(row) = row_of(li).and_then(|r| rows.get_mut(r)) {
            row.cells.push(RowCell {
                col: v.c0,
                span: 1,
                text: normalize::number_cell(&v.text),
                value: true,
                x0: v.x0,
            });
        }
    }
    for cell in cells {
        let text = lines::join_cell(&cell.lines);
        let pad = 0.3 * cell.size;
        let (c0, span) = (cell.c0, cell.c1 - cell.c0 + 1);
        // The first anchor line at or below the cell's top (centres go down the page).
        let first = anchor_cy.partition_point(|(_, cy)| *cy < cell.y0 - pad);
        let covered = anchor_cy
            .get(first)
            .filter(|(_, cy)| *cy <= cell.y1 + pad)
            .and_then(|&(li, _)| row_of(li))
            .filter(|&r| rows.get(r).is_some_and(|row| row.free_of_values(c0, span)));
        let level = || {
            text_rows
                .iter()
                .rev()
                .take(LEVEL_LOOKBACK)
                .copied()
                .find(|&r| {
                    rows.get(r).is_some_and(|row| {
                        (row.top - cell.y0).abs() <= 0.5 * cell.size && row.free(c0, span)
                    })
                })
        };
        let new = RowCell {
            col: c0,
            span,
            text,
            value: false,
            x0: cell.x0,
        };
        match covered.or_else(level).and_then(|r| rows.get_mut(r)) {
            Some(row) => row.cells.push(new),
            None => {
                text_rows.push(rows.len());
                rows.push(RowCells {
                    top: cell.y0,
                    cells: vec![new],
                });
            }
        }
    }
    rows.sort_by(|a, b| a.top.total_cmp(&b.top));
    // Text cells sharing a column in a row: the column splits into as many grid
    // columns as the most cells one row puts in it.
    let mut widths = vec![1usize; ncols];
    for row in &mut rows {
        row.cells
            .sort_by(|a, b| a.col.cmp(&b.col).then(a.x0.total_cmp(&b.x0)));
        for same in row.cells.chunk_by(|a, b| a.col == b.col) {
            if let Some(w) = same.first().and_then(|c| widths.get_mut(c.col)) {
                *w = (*w).max(same.len());
            }
        }
    }
    let start: Vec<usize> = widths
        .iter()
        .scan(0, |acc, w| {
            let s = *acc;
            *acc += w;
            Some(s)
        })
        .collect();
    let total: usize = widths.iter().sum();
    if u64::try_from(rows.len().saturating_mul(total)).unwrap_or(u64::MAX) > max_cells {
        return None;
    }
    let mut grid = Grid::default();
    for (r, RowCells { top, cells, .. }) in rows.into_iter().enumerate() {
        let mut out: Vec<GridCell> = Vec::new();
        for here in cells.chunk_by(|a, b| a.col == b.col) {
            let Some(c) = here.first().map(|x| x.col) else {
                continue;
            };
            let first = start.get(c).copied().unwrap_or(0);
            let width = widths.get(c).copied().unwrap_or(1);
            for (i, cell) in here.iter().enumerate() {
                let last_col = cell.col + cell.span - 1;
                let end = start.get(last_col).copied().unwrap_or(first)
                    + widths.get(last_col).copied().unwrap_or(1);
                let from = first + i;
                let to = if i + 1 == here.len() {
                    end
                } else {
                    (from + 1).min(first + width)
                };
                out.push(GridCell {
                    text: cell.text.clone(),
                    row: r,
                    col: from,
                    row_span: 1,
                    col_span: to.saturating_sub(from).max(1),
                    y0: top,
                });
            }
        }
        grid.rows.push(out);
        grid.row_tops.push(top);
    }
    Some(Aligned {
        x0: region.iter().map(|l| l.x0).fold(f32::MAX, f32::min),
        y0: region.iter().map(|l| l.y0).fold(f32::MAX, f32::min),
        x1: region.iter().map(|l| l.x1).fold(f32::MIN, f32::max),
        y1: region.iter().map(|l| l.y1).fold(f32::MIN, f32::max),
        grid,
        unplaced,
    })
}

#[cfg(test)]
mod tests;
