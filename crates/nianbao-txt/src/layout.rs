//! `pdftotext -layout`: a row is one line with cells separated by runs of spaces.
//! Long labels wrap, so the numbers sit on any line of a two- or three-line label;
//! merged labels run vertically one character per line; page footers and repeated
//! headers sit inside tables.
//!
//! Each line with values is a data row. Its label is the text chunk nearest to its
//! values, joined with the lines above and below that start in the same column;
//! where the lines between two data rows could belong to either, the split that
//! makes whole labels of the catalogue wins, and failing that the label is taken to
//! be centred on its numbers. Text in other columns (vertical labels, group labels)
//! is dropped. Lines without values before the first data row are header rows, one
//! cell per chunk. Blank value cells are found from the value columns of the rows
//! that have all of them.

use nianbao_core::Limits;
use nianbao_core::ir::{Row, Table};
use nianbao_core::text::label_key;

use crate::TxtError;
use crate::cells::{check_limit, row_of, table_of};
use crate::lines::Line;
use crate::shape::{Chunk, chunks, is_footer, split_values};
use crate::vocabulary::{Fit, Vocabulary};

/// A non-blank line of the table, cut into chunks.
#[derive(Debug)]
struct Cut<'a> {
    line: &'a Line<'a>,
    texts: Vec<Chunk>,
    values: Vec<Chunk>,
    page_break: bool,
}

impl Cut<'_> {
    /// Whether the line stands as a row of its own: a block heading (第二十条…), a
    /// header row (信息内容…, or several chunks), or a note.
    fn is_barrier(&self) -> bool {
        if self.texts.len() >= 2 {
            return true;
        }
        self.texts.first().is_some_and(|c| {
            let key = label_key(&c.text);
            key.starts_with("第二十条")
                || key == "信息内容"
                || c.text.trim_start().starts_with('注')
        })
    }
}

/// Whether two columns are the same, allowing for a character of jitter.
fn aligned(a: usize, b: usize) -> bool {
    a.abs_diff(b) <= 1
}

/// A data row being built.
#[derive(Debug)]
struct Pending {
    /// The label parts, top to bottom.
    label: Vec<String>,
    /// How many parts came from above the numbers.
    above: usize,
    /// The column of the label, if it has one.
    x: Option<usize>,
    values: Vec<Chunk>,
    line: u32,
    block: usize,
}

/// Reads a region of lines in the `pdftotext -layout` layout.
pub(crate) fn read_table(
    lines: &[Line],
    vocab: &Vocabulary,
    limits: &Limits,
) -> Result<Table, TxtError> {
    // Every chunk of a line may become a cell: their count is checked against
    // `max_table_cells` as the lines arrive, not once the whole table is built.
    let mut count = 0u64;
    let cuts: Vec<Cut<'_>> = lines
        .iter()
        .filter(|l| !l.is_blank() && !is_footer(&l.text))
        .map(|line| {
            let (values, texts): (Vec<Chunk>, Vec<Chunk>) = split_values(chunks(&line.text))
                .into_iter()
                .partition(Chunk::is_value);
            let n = (values.len() + texts.len()) as u64;
            nianbao_core::work::add(n);
            count = count.saturating_add(n);
            check_limit(count, limits, line.no)?;
            Ok(Cut {
                line,
                texts,
                values,
                page_break: line.page_break,
            })
        })
        .collect::<Result<_, TxtError>>()?;
    let first_line = lines.first().map_or(1, |l| l.no);
    let mut items: Vec<Item> = Vec::new();
    let mut pending: Vec<Pending> = Vec::new();
    // A set: looked up for every text line after a page break.
    let mut header_texts: std::collections::HashSet<String> = std::collections::HashSet::new();
    let mut gap: Vec<&Cut<'_>> = Vec::new();
    let mut block = 0usize;
    let mut seen_data = false;
    let mut after_break = false;
    for cut in &cuts {
        after_break |= cut.page_break;
        if cut.values.is_empty() {
            if !seen_data {
                header_texts.insert(squash(&cut.line.text));
                items.push(Item::Text(text_row(cut)));
                if cut.is_barrier() {
                    block += 1;
                }
            } else if after_break && header_texts.contains(&squash(&cut.line.text)) {
                // A header repeated on the new page.
            } else {
                gap.push(cut);
            }
            continue;
        }
        after_break = false;
        seen_data = true;
        // Settle the gap between the previous data row and this one.
        let own = cut
            .texts
            .iter()
            .rfind(|t| cut.values.first().is_none_or(|v| t.x < v.x));
        let barriers = gap.iter().filter(|g| g.is_barrier()).count();
        let x_next = own.map(|o| o.x).or_else(|| {
            gap.iter()
                .rev()
                .take_while(|g| !g.is_barrier())
                .filter_map(|g| g.texts.first())
                .find(|t| t.text.chars().count() > 1)
                .map(|t| t.x)
        });
        let (before, between, after) = split_gap(&gap);
        if barriers > 0 {
            block += 1;
        }
        let prev = pending.last_mut();
        let mut next_above: Vec<String> = Vec::new();
        match prev {
            Some(p)
                if barriers == 0
                    && p.x
                        .is_some_and(|px| x_next.is_some_and(|nx| aligned(px, nx))) =>
            {
                let x = p.x.unwrap_or_default();
                let cands: Vec<String> = before.iter().filter_map(|g| single_at(g, x)).collect();
                let s = choose_split(vocab, p, &cands, own.map(|o| o.text.as_str()), true);
                p.label.extend(cands.iter().take(s).cloned());
                next_above.extend(cands.into_iter().skip(s));
            }
            Some(p) => {
                if let Some(x) = p.x {
                    let cands: Vec<String> =
                        before.iter().filter_map(|g| single_at(g, x)).collect();
                    let s = choose_split(vocab, p, &cands, None, false);
                    p.label.extend(cands.into_iter().take(s));
                }
                if let Some(nx) = x_next {
                    let src = if barriers == 0 { &before } else { &after };
                    next_above.extend(src.iter().filter_map(|g| single_at(g, nx)));
                }
            }
            None => {
                if let Some(nx) = x_next {
                    next_above.extend(after.iter().filter_map(|g| single_at(g, nx)));
                }
            }
        }
        for b in between {
            flush(&mut pending, &mut items);
            items.push(Item::Text(text_row(b)));
        }
        gap.clear();
        let above = next_above.len();
        let mut label = next_above;
        if let Some(o) = own {
            label.push(o.text.clone());
        }
        flush(&mut pending, &mut items);
        pending.push(Pending {
            label,
            above,
            x: x_next,
            values: cut.values.clone(),
            line: cut.line.no,
            block,
        });
    }
    // Lines after the last data row.
    let (before, between, _) = split_gap(&gap);
    if let Some(p) = pending.last_mut()
        && let Some(x) = p.x
    {
        let cands: Vec<String> = before.iter().filter_map(|g| single_at(g, x)).collect();
        let s = choose_split(vocab, p, &cands, None, false);
        p.label.extend(cands.into_iter().take(s));
    }
    flush(&mut pending, &mut items);
    for b in between {
        items.push(Item::Text(text_row(b)));
    }
    let mut rows = finish(items);
    join_split_headers(&mut rows, vocab);
    table_of(
        rows,
        first_line,
        limits,
        nianbao_core::model::Provenance::Layout,
    )
}

/// Splits a gap at its barrier lines: the lines before the first barrier, the
/// barrier lines (and lines between them), and the lines after the last.
fn split_gap<'g, 'a>(
    gap: &[&'g Cut<'a>],
) -> (Vec<&'g Cut<'a>>, Vec<&'g Cut<'a>>, Vec<&'g Cut<'a>>) {
    let first = gap.iter().position(|g| g.is_barrier());
    let last = gap.iter().rposition(|g| g.is_barrier());
    match (first, last) {
        (Some(f), Some(l)) => (
            gap.get(..f).unwrap_or_default().to_vec(),
            gap.get(f..=l).unwrap_or_default().to_vec(),
            gap.get(l + 1..).unwrap_or_default().to_vec(),
        ),
        _ => (gap.to_vec(), Vec::new(), gap.to_vec()),
    }
}

/// The text of a one-chunk line that starts at column `x`.
fn single_at(cut: &Cut<'_>, x: usize) -> Option<String> {
    match cut.texts.as_slice() {
        [only] if aligned(only.x, x) => Some(only.text.clone()),
        _ => None,
    }
}

/// How many of `cands` go below the previous row's numbers (the rest go above the
/// next row's): the split that makes whole catalogue labels, else the one that centres
/// the previous label on its numbers.
fn choose_split(
    vocab: &Vocabulary,
    prev: &Pending,
    cands: &[String],
    next_own: Option<&str>,
    joint: bool,
) -> usize {
    let base: String = prev.label.concat();
    let sym = prev.above.min(cands.len());
    let mut best = (i32::MIN, usize::MAX, 0usize);
    for s in 0..=cands.len() {
        let mut p = base.clone();
        for c in cands.iter().take(s) {
            p.push_str(c);
        }
        let mut score = if vocab.fit(&p) == Fit::Exact { 2 } else { 0 };
        if joint {
            let mut n: String = cands.iter().skip(s).cloned().collect();
            n.push_str(next_own.unwrap_or_default());
            score += match vocab.fit(&n) {
                Fit::Exact => 2,
                Fit::Prefix => 1,
                Fit::None => 0,
            };
        }
        let key = (score, usize::MAX - s.abs_diff(sym), s);
        if (key.0, key.1) > (best.0, best.1) {
            best = key;
        }
    }
    best.2
}

/// A row of the table being built: a text row, or a data row.
#[derive(Debug)]
enum Item {
    Text(Row),
    Data(Pending),
}

/// Moves the data rows built so far into the items.
fn flush(pending: &mut Vec<Pending>, items: &mut Vec<Item>) {
    items.extend(pending.drain(..).map(Item::Data));
}

/// Turns the items into rows, placing the values of rows with blank cells under
/// the value columns of their block.
fn finish(items: Vec<Item>) -> Vec<Row> {
    // Per block: the widest value count and the value centres of the rows that have it.
    let mut widths: Vec<(usize, usize, Vec<usize>, usize)> = Vec::new(); // (block, n, sums, count)
    for item in &items {
        if let Item::Data(p) = item {
            let n = p.values.len();
            match widths.iter_mut().find(|w| w.0 == p.block) {
                Some(w) if w.1 > n => {}
                Some(w) if w.1 == n => {
                    for (sum, v) in w.2.iter_mut().zip(&p.values) {
                        *sum += v.center2();
                    }
                    w.3 += 1;
                }
                Some(w) => *w = (p.block, n, p.values.iter().map(Chunk::center2).collect(), 1),
                None => widths.push((p.block, n, p.values.iter().map(Chunk::center2).collect(), 1)),
            }
        }
    }
    items
        .into_iter()
        .map(|item| match item {
            Item::Text(row) => row,
            Item::Data(p) => {
                let mut cells: Vec<(String, u32)> = Vec::new();
                if !p.label.is_empty() {
                    cells.push((p.label.concat(), p.line));
                }
                let centres: Vec<usize> = widths
                    .iter()
                    .find(|w| w.0 == p.block)
                    .map(|w| w.2.iter().map(|s| s / w.3.max(1)).collect())
                    .unwrap_or_default();
                cells.extend(place(&p.values, &centres).into_iter().map(|t| (t, p.line)));
                row_of(cells, p.line)
            }
        })
        .collect()
}

/// Places values under the nearest of the column centres, in order; where that
/// fails (no centres, or two values for one column) they are kept in order.
fn place(values: &[Chunk], centres: &[usize]) -> Vec<String> {
    let in_order = || values.iter().map(|v| v.text.clone()).collect::<Vec<_>>();
    if values.len() >= centres.len() {
        return in_order();
    }
    let mut out = vec![String::new(); centres.len()];
    let mut last: Option<usize> = None;
    for v in values {
        let c = v.center2();
        let Some((i, _)) = centres
            .iter()
            .enumerate()
            .min_by_key(|(_, x)| x.abs_diff(c))
        else {
            return in_order();
        };
        if last.is_some_and(|l| i <= l) {
            return in_order();
        }
        if let Some(slot) = out.get_mut(i) {
            slot.clone_from(&v.text);
        }
        last = Some(i);
    }
    out
}

/// A row of a line's text chunks; each cell's position keeps its column.
fn text_row(cut: &Cut<'_>) -> Row {
    let mut row = row_of(
        cut.texts
            .iter()
            .map(|t| (t.text.clone(), cut.line.no))
            .collect(),
        cut.line.no,
    );
    for (cell, chunk) in row.cells.iter_mut().zip(&cut.texts) {
        cell.pos.column = u32::try_from(chunk.x + 1).ok();
    }
    row
}

/// Joins header words that the dump split over lines (`商业企` / `业`): in the rows
/// before the first value, a cell that starts a catalogue label takes the cell one to
/// three rows below it in the same column when together they still make (the start
/// of) a label. Rows left empty are removed.
fn join_split_headers(rows: &mut Vec<Row>, vocab: &Vocabulary) {
    let header_len = rows
        .iter()
        .position(|r| r.cells.iter().any(|c| crate::cells::is_value(&c.text)))
        .unwrap_or(rows.len());
    for i in 0..header_len {
        let n = rows.get(i).map_or(0, |r| r.cells.len());
        for a in 0..n {
            let Some((upper, x)) = rows
                .get(i)
                .and_then(|r| r.cells.get(a))
                .and_then(|c| Some((c.text.clone(), c.pos.column?)))
            else {
                continue;
            };
            if vocab.fit(&upper) != Fit::Prefix {
                continue;
            }
            let below = (i + 1..header_len.min(i + 4)).find_map(|j| {
                let r = rows.get(j)?;
                let b = r.cells.iter().position(|c| {
                    c.pos.column.is_some_and(|bx| bx.abs_diff(x) <= 1)
                        && vocab.fit(&format!("{upper}{}", c.text)) != Fit::None
                })?;
                Some((j, b))
            });
            if let Some((j, b)) = below {
                let lower = rows.get_mut(j).map(|r| r.cells.remove(b));
                if let (Some(lower), Some(cell)) =
                    (lower, rows.get_mut(i).and_then(|r| r.cells.get_mut(a)))
                {
                    cell.text.push_str(&lower.text);
                }
            }
        }
    }
    let mut index = 0usize;
    rows.retain(|r| {
        index += 1;
        index > header_len || !r.cells.is_empty()
    });
    for r in rows.iter_mut() {
        for (c, col) in r.cells.iter_mut().zip(0u32..) {
            c.col = col;
        }
    }
}

/// Collapses runs of spaces, to compare header lines across pages.
fn squash(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}
