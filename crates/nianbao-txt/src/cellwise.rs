//! One cell per line: plain `pdftotext` (without `-layout`) and text copied from web
//! pages. A label line starts a row and the value lines after it fill it, as many
//! per row as the block has columns; rows of values whose labels the dump printed
//! elsewhere (plain `pdftotext` moves wrapped labels after the numbers) take, in
//! order, the whole catalogue labels joined from the label fragments that follow.

use nianbao_core::Limits;
use nianbao_core::ir::{Row, Table};
use nianbao_core::text::label_key;
use nianbao_core::{Diagnostic, Pos};

use crate::cells::{is_value, row_of, table_of};
use crate::lines::Line;
use crate::shape::is_footer;
use crate::vocabulary::{Fit, Vocabulary};
use crate::{TxtError, codes};

/// One non-blank line of the region.
#[derive(Debug, Clone)]
struct Token {
    text: String,
    line: u32,
    value: bool,
}

/// Whether a token stands as a row heading of its own (第二十条…) or opens a header
/// row (信息内容).
fn barrier(t: &Token) -> Option<bool> {
    let key = label_key(&t.text);
    if key.starts_with("第二十条") {
        Some(true)
    } else if key == "信息内容" {
        Some(false)
    } else {
        None
    }
}

/// A run of text tokens or of value tokens.
#[derive(Debug)]
struct Run {
    tokens: Vec<Token>,
    value: bool,
}

fn gcd(a: usize, b: usize) -> usize {
    if b == 0 { a } else { gcd(b, a % b) }
}

/// Splits a text run into units: fragments joined while they still make (the start
/// of) a catalogue label, cut back to the longest whole label.
fn units(vocab: &Vocabulary, tokens: &[Token]) -> Vec<(String, u32, Fit)> {
    let mut out = Vec::new();
    let mut i = 0usize;
    while let Some(first) = tokens.get(i) {
        let mut text = first.text.clone();
        let mut best = (i, vocab.fit(&text), text.clone());
        let mut j = i;
        while let Some(next) = tokens.get(j + 1) {
            let joined = format!("{text}{}", next.text);
            let fit = vocab.fit(&joined);
            if fit == Fit::None || vocab.fit(&text) == Fit::None {
                break;
            }
            j += 1;
            text = joined;
            if fit == Fit::Exact {
                best = (j, fit, text.clone());
            }
        }
        let (end, fit, text) = if best.1 == Fit::Exact {
            best
        } else {
            (i, vocab.fit(&first.text), first.text.clone())
        };
        out.push((text, first.line, fit));
        i = end + 1;
    }
    out
}

/// Reads a region of one-cell-per-line text.
pub(crate) fn read_table(
    lines: &[Line],
    vocab: &Vocabulary,
    limits: &Limits,
    diagnostics: &mut Vec<Diagnostic>,
) -> Result<Table, TxtError> {
    let tokens: Vec<Token> = lines
        .iter()
        .filter(|l| !l.is_blank() && !is_footer(&l.text))
        .map(|l| Token {
            text: l.text.trim().to_owned(),
            line: l.no,
            value: is_value(&l.text),
        })
        .collect();
    let first_line = lines.first().map_or(1, |l| l.no);
    let mut runs: Vec<Run> = Vec::new();
    for t in tokens {
        match runs.last_mut() {
            Some(r) if r.value == t.value => r.tokens.push(t),
            _ => runs.push(Run {
                value: t.value,
                tokens: vec![t],
            }),
        }
    }
    // The row width of each block (blocks start at 第二十条 headings).
    let mut width_of_run: Vec<usize> = vec![0; runs.len()];
    let mut block_start = 0usize;
    let mut g = 0usize;
    for (i, run) in runs.iter().enumerate() {
        let new_block = !run.value && run.tokens.iter().any(|t| barrier(t) == Some(true));
        if new_block && i > 0 {
            for w in width_of_run.iter_mut().take(i).skip(block_start) {
                *w = g.max(1);
            }
            block_start = i;
            g = 0;
        }
        if run.value {
            g = gcd(g, run.tokens.len());
        }
    }
    for w in width_of_run.iter_mut().skip(block_start) {
        *w = g.max(1);
    }

    // Table 4 (行政复议 / 行政诉讼): its header is all text and its one row holds
    // every value; the order of the values is the dump's.
    let is_review = runs
        .first()
        .is_some_and(|r| !r.value && r.tokens.iter().any(|t| label_key(&t.text) == "行政复议"));
    if is_review {
        let value_runs = runs.iter().filter(|r| r.value).count();
        let mut rows: Vec<Row> = Vec::new();
        let header: Vec<(String, u32)> = runs
            .iter()
            .filter(|r| !r.value)
            .flat_map(|r| r.tokens.iter().map(|t| (t.text.clone(), t.line)))
            .collect();
        let values: Vec<(String, u32)> = runs
            .iter()
            .filter(|r| r.value)
            .flat_map(|r| r.tokens.iter().map(|t| (t.text.clone(), t.line)))
            .collect();
        if let Some(line) = header.first().map(|h| h.1) {
            rows.push(row_of(header, line));
        }
        if let Some(line) = values.first().map(|v| v.1) {
            if value_runs > 1 {
                diagnostics.push(Diagnostic::warning(
                    codes::ORDER_UNCERTAIN,
                    format!(
                        "table 4's values come in {value_runs} pieces between header words; they were kept in the order of the text, which may not be the order of the columns"
                    ),
                    Some(Pos::line(line)),
                ));
            }
            rows.push(row_of(values, line));
        }
        return table_of(rows, first_line, limits);
    }
    let mut rows: Vec<Row> = Vec::new();
    // Rows of values still waiting for their label: (index in rows).
    let mut orphans: Vec<usize> = Vec::new();
    let mut pool: Vec<Token> = Vec::new();
    for (i, run) in runs.iter().enumerate() {
        if !run.value {
            pool.extend(run.tokens.iter().cloned());
            continue;
        }
        // The label of this run: the longest tail of the pool that is a whole label,
        // else the last text line.
        let label_len = (1..=pool.len().min(4))
            .rev()
            .find(|&k| {
                let tail: String = pool
                    .iter()
                    .skip(pool.len() - k)
                    .map(|t| t.text.as_str())
                    .collect();
                vocab.fit(&tail) == Fit::Exact
            })
            .unwrap_or(usize::from(!pool.is_empty()));
        let label_tokens = pool.split_off(pool.len() - label_len);
        settle_pool(vocab, std::mem::take(&mut pool), &mut rows, &mut orphans);
        let width = width_of_run.get(i).copied().unwrap_or(1);
        let label: String = label_tokens.iter().map(|t| t.text.as_str()).collect();
        let label_line = label_tokens.first().map(|t| t.line);
        for (k, chunk) in run.tokens.chunks(width).enumerate() {
            let line = chunk.first().map_or(first_line, |t| t.line);
            let mut cells: Vec<(String, u32)> = Vec::new();
            if k == 0 && !label.is_empty() {
                cells.push((label.clone(), label_line.unwrap_or(line)));
            } else {
                orphans.push(rows.len());
            }
            cells.extend(chunk.iter().map(|t| (t.text.clone(), t.line)));
            rows.push(row_of(cells, line));
        }
    }
    settle_pool(vocab, pool, &mut rows, &mut orphans);
    for &o in &orphans {
        if let Some(r) = rows.get(o) {
            diagnostics.push(Diagnostic::warning(
                codes::LABEL_MISSING,
                "a row of values has no label: the dump printed none that could be matched to it",
                Some(r.pos.clone()),
            ));
        }
    }
    table_of(rows, first_line, limits)
}

/// Uses text lines that are not the label of the next row: block headings and header
/// rows become rows; whole row labels go, in order, to the rows waiting for one.
fn settle_pool(
    vocab: &Vocabulary,
    pool: Vec<Token>,
    rows: &mut Vec<Row>,
    orphans: &mut Vec<usize>,
) {
    if pool.is_empty() {
        return;
    }
    // Header rows: 第二十条… alone; 信息内容 and what follows it.
    if pool.iter().any(|t| barrier(t).is_some()) || orphans.is_empty() {
        let mut current: Vec<(String, u32)> = Vec::new();
        for t in pool {
            match barrier(&t) {
                Some(true) => {
                    if !current.is_empty() {
                        let line = current.first().map_or(t.line, |c| c.1);
                        rows.push(row_of(std::mem::take(&mut current), line));
                    }
                    rows.push(row_of(vec![(t.text.clone(), t.line)], t.line));
                }
                Some(false) => {
                    if !current.is_empty() {
                        let line = current.first().map_or(t.line, |c| c.1);
                        rows.push(row_of(std::mem::take(&mut current), line));
                    }
                    current.push((t.text.clone(), t.line));
                }
                None => current.push((t.text.clone(), t.line)),
            }
        }
        if let Some(line) = current.first().map(|c| c.1) {
            rows.push(row_of(current, line));
        }
        return;
    }
    let mut labels: Vec<(String, u32)> = units(vocab, &pool)
        .into_iter()
        .filter(|(_, _, fit)| *fit == Fit::Exact)
        .map(|(t, l, _)| (t, l))
        .collect();
    if labels.len() > orphans.len() {
        labels.retain(|(t, _)| !vocab.is_group(t));
    }
    let n = labels.len().min(orphans.len());
    for ((text, line), o) in labels.into_iter().zip(orphans.drain(..n)) {
        if let Some(row) = rows.get_mut(o) {
            let cell = nianbao_core::ir::Cell::new(text, 0, Pos::line(line));
            row.cells.insert(0, cell);
            for (c, col) in row.cells.iter_mut().zip(0u32..) {
                c.col = col;
            }
        }
    }
}
