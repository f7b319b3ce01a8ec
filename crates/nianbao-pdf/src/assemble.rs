//! Pages into the Document IR: tables and paragraphs in reading order, a table that
//! runs over a page break joined, page numbers dropped, diagnostics for what could not
//! be read.

use std::sync::Arc;

use nianbao_core::Diagnostic;
use nianbao_core::ir::{Block, Cell, Document, Paragraph, Pos, Row, Table};
use nianbao_core::model::Provenance;

use crate::align::{self, Aligned};
use crate::grid::{self, Grid, TableBox};
use crate::interp::{Glyph, PageContent, Segment};
use crate::lines::{self, Line};

/// The share of the page height at the top and bottom where page numbers are looked for.
const MARGIN_ZONE: f32 = 0.12;

/// One page after layout analysis.
pub struct Page {
    no: u32,
    /// Tables with the glyphs inside each.
    tables: Vec<(TableBox, Vec<Glyph>)>,
    /// Tables drawn without lines, read from the alignment of their text.
    aligned: Vec<Aligned>,
    /// Text lines outside tables, page numbers removed.
    lines: Vec<Line>,
    /// Body text margins.
    left: f32,
    right: f32,
    /// The page height.
    height: f32,
}

enum Item {
    Line(usize),
    Table(usize),
    Aligned(usize),
}

impl Page {
    /// Lays out one page's content.
    pub fn new(no: u32, content: PageContent, max_cells: u64, doc: &mut Document) -> Page {
        let PageContent {
            glyphs,
            segments,
            size,
            unmapped,
            unmapped_fonts,
            ..
        } = content;
        let total = glyphs.len();
        if unmapped > 0 {
            let share = unmapped as f64 * 100.0 / total.max(1) as f64;
            doc.diagnostics.push(Diagnostic::warning(
                "pdf.unmapped_glyphs",
                format!(
                    "page {no}: {unmapped} of {total} glyphs ({share:.1} %) have no Unicode mapping \
                     (font {}); they are left out, not guessed",
                    unmapped_fonts.join(", ")
                ),
                Some(page_pos(no, None)),
            ));
        }
        let visible = glyphs.iter().any(|g| !g.invisible && g.text.is_some());
        let invisible = glyphs.iter().filter(|g| g.invisible).count();
        let glyphs: Vec<Glyph> = if visible && invisible > 0 {
            doc.diagnostics.push(Diagnostic::info(
                "pdf.invisible_text",
                format!("page {no}: {invisible} invisible glyphs (rendering mode 3) left out"),
                Some(page_pos(no, None)),
            ));
            glyphs.into_iter().filter(|g| !g.invisible).collect()
        } else {
            glyphs
        };
        let boxes = grid::find_tables(&segments).unwrap_or_else(|| {
            doc.diagnostics.push(Diagnostic::warning(
                "pdf.too_many_lines",
                format!("page {no}: too many ruling lines to look for tables; read as text"),
                Some(page_pos(no, None)),
            ));
            Vec::new()
        });
        let mut tables: Vec<(TableBox, Vec<Glyph>)> =
            boxes.into_iter().map(|b| (b, Vec::new())).collect();
        let mut flow: Vec<&Glyph> = Vec::new();
        for g in &glyphs {
            match tables.iter_mut().find(|(b, _)| b.holds(g)) {
                Some((_, inside)) => inside.push(g.clone()),
                None => flow.push(g),
            }
        }
        // A "table" of one cell is a frame around text: its glyphs are text.
        let (real, frames): (Vec<_>, Vec<_>) = tables.into_iter().partition(|(b, _)| {
            grid::build(&b.h, &b.v, &[], &[], &[], max_cells)
                .is_some_and(|g| g.rows.iter().map(Vec::len).sum::<usize>() > 1)
        });
        let frame_glyphs: Vec<Glyph> = frames.into_iter().flat_map(|(_, g)| g).collect();
        flow.extend(frame_glyphs.iter());
        let aligned = align::find(&flow, max_cells);
        if !aligned.is_empty() {
            flow.retain(|g| !aligned.iter().any(|a| a.holds(g)));
        }
        for a in &aligned {
            let cols = a
                .grid
                .rows
                .iter()
                .flatten()
                .map(|c| c.col + c.col_span)
                .max()
                .unwrap_or(0);
            doc.diagnostics.push(Diagnostic::info(
                "pdf.table_from_alignment",
                format!(
                    "page {no}: a table drawn without ruling lines, read from the alignment \
                     of its text ({} rows, {cols} columns)",
                    a.grid.rows.len()
                ),
                Some(page_pos(no, None)),
            ));
            if !a.unplaced.is_empty() {
                doc.diagnostics.push(Diagnostic::warning(
                    "pdf.alignment_unplaced",
                    format!(
                        "page {no}: {} value(s) of a table without ruling lines are in no \
                         single column and were left out: {}",
                        a.unplaced.len(),
                        a.unplaced.join(", ")
                    ),
                    Some(page_pos(no, None)),
                ));
            }
        }
        let height = size.1.max(1.0);
        let lines: Vec<Line> = lines::lines(&flow)
            .into_iter()
            .filter(|l| {
                let in_zone = l.y1 < height * MARGIN_ZONE || l.y0 > height * (1.0 - MARGIN_ZONE);
                !(in_zone && lines::is_page_number(&l.text))
            })
            .collect();
        let mut page = Page {
            no,
            tables: real,
            aligned,
            lines,
            left: 0.0,
            right: 0.0,
            height,
        };
        page.set_margins();
        page
    }

    /// The body text's margins: the left edge most lines start at (a browser's
    /// print of a portal page has menus and links further out), and the right edge
    /// of the lines that start there or a first-line indent from it.
    fn set_margins(&mut self) {
        let mut starts: std::collections::BTreeMap<i64, usize> = Default::default();
        for l in &self.lines {
            *starts.entry((l.x0 / 2.0).round() as i64).or_default() += 1;
        }
        // The most common start (2-point bins; the leftmost of equals).
        let mode = starts
            .iter()
            .max_by(|a, b| a.1.cmp(b.1).then(b.0.cmp(a.0)))
            .map(|(k, _)| *k as f32 * 2.0);
        let Some(mode) = mode else {
            self.left = f32::MAX;
            self.right = f32::MIN;
            return;
        };
        let size = {
            let mut sizes: Vec<f32> = self.lines.iter().map(|l| l.size).collect();
            sizes.sort_by(f32::total_cmp);
            sizes.get(sizes.len() / 2).copied().unwrap_or(10.0)
        };
        self.left = self
            .lines
            .iter()
            .map(|l| l.x0)
            .filter(|x| (x - mode).abs() <= size)
            .fold(mode, f32::min);
        self.right = self
            .lines
            .iter()
            .filter(|l| l.x0 >= self.left - size && l.x0 <= self.left + 3.0 * size)
            .map(|l| l.x1)
            .fold(f32::MIN, f32::max);
    }

    /// Whether a line is in the top or bottom margin zone.
    fn in_zone(&self, l: &Line) -> bool {
        l.y1 < self.height * MARGIN_ZONE || l.y0 > self.height * (1.0 - MARGIN_ZONE)
    }

    fn items(&self) -> Vec<Item> {
        let mut items: Vec<(f32, Item)> = self
            .lines
            .iter()
            .enumerate()
            .map(|(i, l)| (l.y0, Item::Line(i)))
            .chain(
                self.tables
                    .iter()
                    .enumerate()
                    .map(|(i, (b, _))| (b.y0, Item::Table(i))),
            )
            .chain(
                self.aligned
                    .iter()
                    .enumerate()
                    .map(|(i, a)| (a.y0, Item::Aligned(i))),
            )
            .collect();
        items.sort_by(|a, b| a.0.total_cmp(&b.0));
        items.into_iter().map(|(_, i)| i).collect()
    }
}

/// A running header or footer's text with its digits blanked (`2024/1/5 第3页` and
/// `2024/1/5 第4页` are the same line).
fn running_key(text: &str) -> String {
    text.chars()
        .map(|c| if c.is_ascii_digit() { '#' } else { c })
        .filter(|c| !c.is_whitespace())
        .collect()
}

/// Drops running headers and footers: lines in the top or bottom margin zone whose
/// text, digits aside, is printed on two or more pages (a browser's date, title and
/// URL lines; a letterhead).
pub fn drop_running_lines(pages: &mut [Page]) {
    if pages.len() < 2 {
        return;
    }
    let mut seen: std::collections::BTreeMap<String, std::collections::BTreeSet<u32>> =
        Default::default();
    for page in pages.iter() {
        for l in page.lines.iter().filter(|l| page.in_zone(l)) {
            seen.entry(running_key(&l.text))
                .or_default()
                .insert(page.no);
        }
    }
    for page in pages.iter_mut() {
        let before = page.lines.len();
        let height = page.height;
        page.lines.retain(|l| {
            let zone = l.y1 < height * MARGIN_ZONE || l.y0 > height * (1.0 - MARGIN_ZONE);
            !(zone
                && seen
                    .get(&running_key(&l.text))
                    .is_some_and(|p| p.len() >= 2))
        });
        if page.lines.len() != before {
            page.set_margins();
        }
    }
}

/// Joins a label cut by a page break in tables read from alignment: when a page ends
/// with such a table and the next page starts with one whose first row is a single
/// piece of text (not a number, not a new list item) followed by a row of values,
/// that text ends the last label of the table before (as a ruled table's cut cell is
/// joined again).
pub fn join_cut_labels(pages: &mut [Page]) {
    for i in 1..pages.len() {
        let ends = pages
            .get(i - 1)
            .is_some_and(|p| matches!(p.items().last(), Some(Item::Aligned(_))));
        let starts = pages
            .get(i)
            .is_some_and(|p| matches!(p.items().first(), Some(Item::Aligned(0))));
        if !(ends && starts) {
            continue;
        }
        let cut = pages.get(i).and_then(|p| p.aligned.first()).and_then(|a| {
            // The next row holds values: the piece is no header of a new table.
            let values_follow = a
                .grid
                .rows
                .get(1)
                .is_some_and(|r| r.iter().any(|c| grid::is_number(&c.text)));
            match a.grid.rows.first().map(Vec::as_slice) {
                Some([only])
                    if !grid::is_number(&only.text)
                        && !grid::starts_with_marker(&only.text)
                        && values_follow =>
                {
                    Some(only.text.clone())
                }
                _ => None,
            }
        });
        let Some(cut) = cut else { continue };
        let label = pages
            .get_mut(i - 1)
            .and_then(|p| p.aligned.last_mut())
            .and_then(|a| a.grid.rows.last_mut())
            .filter(|row| row.iter().any(|c| grid::is_number(&c.text)))
            .and_then(|row| row.iter_mut().rev().find(|c| !grid::is_number(&c.text)));
        if let Some(label) = label {
            label.text.push_str(&cut);
            if let Some(a) = pages.get_mut(i).and_then(|p| p.aligned.first_mut()) {
                a.grid.rows.remove(0);
                a.grid.row_tops.remove(0);
            }
        }
    }
}

/// The position of a page (`page 3`), and of a line on it.
// Field by field: `Pos` may become `#[non_exhaustive]`, which forbids a struct literal here.
#[allow(clippy::field_reassign_with_default)]
pub(crate) fn page_pos(no: u32, line: Option<u32>) -> Pos {
    let mut pos = Pos::default();
    pos.part = Some(Arc::from(format!("page {no}")));
    pos.line = line;
    pos
}

/// Builds the body from the laid-out pages.
pub fn assemble(pages: &[Page], max_cells: u64, doc: &mut Document) {
    // Parts of the table being built: (page index, table index).
    let mut group: Vec<(usize, usize)> = Vec::new();
    // The paragraph being built: text, last line, page index of that line.
    let mut open: Option<(Paragraph, Line, usize)> = None;
    let mut last_was_table = false;
    for (pi, page) in pages.iter().enumerate() {
        let items = page.items();
        for (k, item) in items.iter().enumerate() {
            match item {
                Item::Table(ti) => {
                    if let Some((p, _, _)) = open.take() {
                        doc.blocks.push(Block::Paragraph(p));
                    }
                    let continues = k == 0
                        && last_was_table
                        && group.last().is_some_and(|&(gp, gt)| {
                            gp + 1 == pi && same_outline(pages, (gp, gt), (pi, *ti))
                        });
                    if !continues && !group.is_empty() {
                        doc.blocks
                            .push(Block::Table(table_of(pages, &group, max_cells)));
                        group.clear();
                    }
                    group.push((pi, *ti));
                    last_was_table = true;
                }
                Item::Aligned(ai) => {
                    if let Some((p, _, _)) = open.take() {
                        doc.blocks.push(Block::Paragraph(p));
                    }
                    if !group.is_empty() {
                        doc.blocks
                            .push(Block::Table(table_of(pages, &group, max_cells)));
                        group.clear();
                    }
                    last_was_table = false;
                    if let Some(a) = page.aligned.get(*ai) {
                        doc.blocks.push(Block::Table(aligned_table(a, page.no)));
                    }
                }
                Item::Line(li) => {
                    let Some(line) = page.lines.get(*li) else {
                        continue;
                    };
                    if !group.is_empty() {
                        doc.blocks
                            .push(Block::Table(table_of(pages, &group, max_cells)));
                        group.clear();
                    }
                    last_was_table = false;
                    let runs_on = open.as_ref().is_some_and(|(_, prev, ppi)| {
                        let right = pages.get(*ppi).map_or(page.right, |p| p.right);
                        lines::wraps_into(prev, line, page.left, right)
                    });
                    match &mut open {
                        Some((p, prev, ppi)) if runs_on => {
                            if let (Some(a), Some(b)) =
                                (p.text.chars().last(), line.text.chars().next())
                                && a.is_ascii_alphanumeric()
                                && b.is_ascii_alphanumeric()
                            {
                                p.text.push(' ');
                            }
                            p.text.push_str(&line.text);
                            *prev = line.clone();
                            *ppi = pi;
                        }
                        _ => {
                            if let Some((p, _, _)) = open.take() {
                                doc.blocks.push(Block::Paragraph(p));
                            }
                            let line_no = u32::try_from(*li + 1).unwrap_or(u32::MAX);
                            open = Some((
                                Paragraph::new(line.text.clone(), page_pos(page.no, Some(line_no))),
                                line.clone(),
                                pi,
                            ));
                        }
                    }
                }
            }
        }
    }
    if let Some((p, _, _)) = open.take() {
        doc.blocks.push(Block::Paragraph(p));
    }
    if !group.is_empty() {
        doc.blocks
            .push(Block::Table(table_of(pages, &group, max_cells)));
    }
}

/// Whether a table at the top of the next page continues one at the end of this
/// page: the same right border, and left borders equal or one on a column line of the
/// other (a page that does not draw a label column merged down over the break again).
fn same_outline(pages: &[Page], a: (usize, usize), b: (usize, usize)) -> bool {
    let get = |(p, t): (usize, usize)| pages.get(p).and_then(|p| p.tables.get(t)).map(|(b, _)| b);
    match (get(a), get(b)) {
        (Some(a), Some(b)) => {
            let on_line = |t: &TableBox, x: f32| t.v.iter().any(|s| (s.x0 - x).abs() <= 3.0);
            (a.x1 - b.x1).abs() <= 3.0
                && ((a.x0 - b.x0).abs() <= 3.0 || on_line(a, b.x0) || on_line(b, a.x0))
        }
        _ => false,
    }
}

fn shift(s: &Segment, dy: f32) -> Segment {
    Segment {
        y0: s.y0 + dy,
        y1: s.y1 + dy,
        ..*s
    }
}

/// A table from its parts on consecutive pages, stacked into one space.
fn table_of(pages: &[Page], group: &[(usize, usize)], max_cells: u64) -> Table {
    let mut h = Vec::new();
    let mut v = Vec::new();
    let mut glyphs: Vec<Glyph> = Vec::new();
    let mut seams = Vec::new();
    let mut parts = Vec::new();
    let mut base = 0.0f32;
    let mut first_page = 0;
    for (k, &(pi, ti)) in group.iter().enumerate() {
        let Some((page, (b, gs))) = pages.get(pi).and_then(|p| Some((p, p.tables.get(ti)?))) else {
            continue;
        };
        if k == 0 {
            base = b.y0;
            first_page = page.no;
        } else {
            seams.push(base);
        }
        let dy = base - b.y0;
        parts.push([b.x0, base, b.x1, base + (b.y1 - b.y0)]);
        h.extend(b.h.iter().map(|s| shift(s, dy)));
        v.extend(b.v.iter().map(|s| shift(s, dy)));
        glyphs.extend(gs.iter().map(|g| Glyph {
            y0: g.y0 + dy,
            y1: g.y1 + dy,
            ..g.clone()
        }));
        base += b.y1 - b.y0;
    }
    let refs: Vec<&Glyph> = glyphs.iter().collect();
    // Each part was checked alone; stacked parts may still grow past the cell limit,
    // in which case the table is left empty rather than read partly.
    let mut grid = grid::build(&h, &v, &refs, &seams, &parts, max_cells).unwrap_or_default();
    drop_repeated_headers(&mut grid, &seams);
    ir_table(grid, page_pos(first_page, None), Provenance::Grid)
}

/// The IR table of a table read from text alignment: its cells placed by layout.
fn aligned_table(a: &Aligned, page: u32) -> Table {
    ir_table(a.grid.clone(), page_pos(page, None), Provenance::Layout)
}

/// A grid as an IR table at `pos`, each cell with `provenance`.
fn ir_table(grid: Grid, pos: Pos, provenance: Provenance) -> Table {
    let rows = grid
        .rows
        .into_iter()
        .map(|cells| {
            let cells = cells
                .into_iter()
                .map(|c| {
                    Cell::new(
                        c.text,
                        u32::try_from(c.col).unwrap_or(u32::MAX),
                        pos.clone(),
                    )
                    .with_spans(
                        u32::try_from(c.col_span).unwrap_or(1),
                        u32::try_from(c.row_span).unwrap_or(1),
                    )
                    .with_provenance(provenance)
                })
                .collect();
            Row::new(cells, pos.clone())
        })
        .collect();
    Table::new(pos).with_rows(rows)
}

/// Drops a header row printed again after a page break (same texts in the same
/// columns as the table's first row), when no cell above spans into it.
fn drop_repeated_headers(grid: &mut Grid, seams: &[f32]) {
    let key = |row: &[grid::GridCell]| -> Vec<(usize, usize, String)> {
        row.iter()
            .map(|c| (c.col, c.col_span, c.text.clone()))
            .collect()
    };
    let Some(first) = grid.rows.first().map(|r| key(r)) else {
        return;
    };
    if first.iter().all(|(_, _, t)| t.trim().is_empty()) {
        return;
    }
    let mut drop = Vec::new();
    for seam in seams {
        let Some(ri) = grid.row_tops.iter().position(|t| (t - seam).abs() <= 2.0) else {
            continue;
        };
        if ri == 0 || grid.rows.get(ri).map(|r| key(r)) != Some(first.clone()) {
            continue;
        }
        let spanned = grid
            .rows
            .iter()
            .take(ri)
            .flatten()
            .any(|c| c.row + c.row_span > ri);
        if !spanned {
            drop.push(ri);
        }
    }
    for ri in drop.into_iter().rev() {
        grid.rows.remove(ri);
        grid.row_tops.remove(ri);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::grid::GridCell;

    fn row(texts: &[&str], r: usize) -> Vec<GridCell> {
        texts
            .iter()
            .enumerate()
            .map(|(c, t)| GridCell {
                text: (*t).to_owned(),
                row: r,
                col: c,
                row_span: 1,
                col_span: 1,
                y0: 0.0,
            })
            .collect()
    }

    #[test]
    fn a_header_repeated_after_a_page_break_is_dropped() {
        let mut grid = Grid {
            rows: vec![
                row(&["信息内容", "数量"], 0),
                row(&["规章", "1"], 1),
                row(&["信息内容", "数量"], 2),
                row(&["规范性文件", "2"], 3),
            ],
            row_tops: vec![0.0, 10.0, 20.0, 30.0, 40.0],
        };
        drop_repeated_headers(&mut grid, &[20.0]);
        let texts: Vec<&str> = grid.rows.iter().map(|r| r[0].text.as_str()).collect();
        assert_eq!(texts, ["信息内容", "规章", "规范性文件"]);
        // A row that only looks like the header where no page break is stays.
        let mut grid = Grid {
            rows: vec![row(&["a", "b"], 0), row(&["a", "b"], 1)],
            row_tops: vec![0.0, 10.0, 20.0],
        };
        drop_repeated_headers(&mut grid, &[]);
        assert_eq!(grid.rows.len(), 2);
    }

    #[test]
    fn running_keys_ignore_digits_and_spaces() {
        assert_eq!(
            running_key("11/30/26, 5:23 AM 报告"),
            running_key("11/30/26, 5:24 AM  报告")
        );
        assert_ne!(running_key("一、总体情况"), running_key("二、总体情况"));
    }
}
