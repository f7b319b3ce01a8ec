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
    // every value. When the values come in pieces, the pieces are put back in the
    // order of the columns where their shape and the group labels tell it
    // ([`review_pieces_in_column_order`]); otherwise the order is the dump's.
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
        let placed = (value_runs > 1)
            .then(|| review_pieces_in_column_order(&runs))
            .flatten();
        let pieces: Vec<&Run> = match &placed {
            Some(order) => order.iter().filter_map(|&i| runs.get(i)).collect(),
            None => runs.iter().filter(|r| r.value).collect(),
        };
        let values: Vec<(String, u32)> = pieces
            .iter()
            .flat_map(|r| r.tokens.iter().map(|t| (t.text.clone(), t.line)))
            .collect();
        if let Some(line) = header.first().map(|h| h.1) {
            rows.push(row_of(header, line));
        }
        if let Some(line) = values.first().map(|v| v.1) {
            if placed.is_some() {
                diagnostics.push(Diagnostic::info(
                    codes::ORDER_INFERRED,
                    format!(
                        "table 4's values come in {value_runs} pieces between header words; they were put in the columns' order by their shape (a group's four results, its total apart) and the group labels printed before them"
                    ),
                    Some(Pos::line(line)),
                ));
            } else if value_runs > 1 {
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
        return table_of(
            rows,
            first_line,
            limits,
            nianbao_core::model::Provenance::Layout,
        );
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
        // Two or more row labels printed one after another before more than one row
        // of values (plain pdftotext printing a stretch of labels far from their
        // numbers): which row a value belongs to, the text does not show. The values stay without a
        // label (and are dropped with a diagnostic); nothing is placed by order.
        let width = width_of_run.get(i).copied().unwrap_or(1);
        let stacked = run.tokens.len() > width
            && units(vocab, &pool)
                .iter()
                .filter(|(t, _, fit)| *fit == Fit::Exact && !vocab.is_group(t) && is_row_label(t))
                .count()
                >= 2;
        // The label of this run: the longest tail of the pool that is a whole label,
        // else the last text line.
        let label_len = if stacked {
            0
        } else {
            (1..=pool.len().min(4))
                .rev()
                .find(|&k| {
                    let tail: String = pool
                        .iter()
                        .skip(pool.len() - k)
                        .map(|t| t.text.as_str())
                        .collect();
                    vocab.fit(&tail) == Fit::Exact
                })
                .unwrap_or(usize::from(!pool.is_empty()))
        };
        let label_tokens = pool.split_off(pool.len() - label_len);
        settle_pool(vocab, std::mem::take(&mut pool), &mut rows, &mut orphans);
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
    table_of(
        rows,
        first_line,
        limits,
        nianbao_core::model::Provenance::Layout,
    )
}

/// Whether a text is the label of a template row of one of the three tables (by its
/// label key, exactly).
pub(crate) fn is_row_label(text: &str) -> bool {
    use nianbao_core::catalog::{
        ACTIVE_DISCLOSURE_2019, ACTIVE_DISCLOSURE_2021, APPLICANT_COLUMNS, APPLICATION_ROWS,
        REVIEW_COLUMNS, REVIEW_GROUPS,
    };
    let key = nianbao_core::text::label_key(text);
    // A header word (其他, 总计) is no row label here.
    let column = APPLICANT_COLUMNS
        .iter()
        .chain(&REVIEW_COLUMNS)
        .any(|c| nianbao_core::text::label_key(c.label) == key);
    !key.is_empty()
        && !column
        && ACTIVE_DISCLOSURE_2019
            .iter()
            .chain(&ACTIVE_DISCLOSURE_2021)
            .chain(&APPLICATION_ROWS)
            .chain(&REVIEW_GROUPS)
            .any(|spec| {
                nianbao_core::recognize::rows::spec_keys(spec)
                    .iter()
                    .any(|(k, _)| *k == key)
            })
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
    // A label goes to a row waiting for one only when the two are alone: one row of
    // values, then one label. Several of each would be matched by order alone.
    if labels.len() != 1 || orphans.len() != 1 {
        for (text, line) in labels {
            rows.push(row_of(vec![(text, line)], line));
        }
        return;
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

/// The group labels of table 4, left to right: 行政复议, then 行政诉讼's 未经复议直接起诉
/// and 复议后起诉.
const REVIEW_GROUPS: [&str; 3] = ["行政复议", "未经复议直接起诉", "复议后起诉"];

/// Table 4 from plain `pdftotext`, whose reading order follows blocks of the page,
/// not columns: its 15 values (three groups of four results and a total) may come as
/// pieces such as `72 64 178 37` · `12 1 1 6` · `351` · `13 4 8 1 26` · `20`. Returns
/// the indices of the value runs in the order of the columns, when the pieces tell it
/// without guessing:
///
/// - every piece is a whole group (5 values), a group's four results (4) or a total
///   alone (1), with as many totals as groups of four;
/// - the k-th lone total belongs to the k-th group of four (both are read top to
///   bottom, block after block);
/// - the group read first is 行政复议 (the leftmost block); each other group is named
///   by a group label printed between the previous value piece and its own first
///   piece, and at most one group is left unnamed, which takes the remaining label.
///
/// `None` when any of that fails: then the values stay in the dump's order, with a
/// warning. The values are never used to decide (the group-total rule stays a check).
fn review_pieces_in_column_order(runs: &[Run]) -> Option<Vec<usize>> {
    let pieces: Vec<usize> = (0..runs.len())
        .filter(|&i| runs.get(i).is_some_and(|r| r.value))
        .collect();
    let len = |i: usize| runs.get(i).map_or(0, |r| r.tokens.len());
    if pieces.iter().map(|&i| len(i)).sum::<usize>() != 15 {
        return None;
    }
    let fours: Vec<usize> = pieces.iter().copied().filter(|&i| len(i) == 4).collect();
    let ones: Vec<usize> = pieces.iter().copied().filter(|&i| len(i) == 1).collect();
    if fours.len() != ones.len()
        || pieces.iter().any(|&i| !matches!(len(i), 1 | 4 | 5))
        || fours.iter().zip(&ones).any(|(four, one)| one < four)
    {
        return None;
    }
    // Each group as its pieces, in the order of its first piece.
    let mut groups: Vec<Vec<usize>> = pieces
        .iter()
        .copied()
        .filter(|&i| len(i) == 5)
        .map(|i| vec![i])
        .chain(fours.iter().zip(&ones).map(|(&f, &o)| vec![f, o]))
        .collect();
    groups.sort_by_key(|g| g.first().copied());
    // The group label printed before each group's first piece (since the last piece).
    let label_before = |first: usize| -> Option<usize> {
        let from = pieces
            .iter()
            .rev()
            .find(|&&p| p < first)
            .map_or(0, |p| p + 1);
        let mut found = None;
        for run in runs.get(from..first).unwrap_or_default() {
            for t in &run.tokens {
                if let Some(g) = REVIEW_GROUPS.iter().position(|l| label_key(&t.text) == *l) {
                    found = Some(g);
                }
            }
        }
        found
    };
    let mut named: [Option<usize>; 3] = [None; 3];
    let mut unnamed = Vec::new();
    for (k, group) in groups.iter().enumerate() {
        let label = if k == 0 {
            Some(0)
        } else {
            group
                .first()
                .and_then(|&f| label_before(f))
                .filter(|&g| g != 0)
        };
        match label {
            Some(g) => match named.get_mut(g) {
                Some(slot @ None) => *slot = Some(k),
                _ => return None,
            },
            None => unnamed.push(k),
        }
    }
    match unnamed.as_slice() {
        [] => {}
        [k] => {
            let free = named.iter().position(Option::is_none)?;
            if let Some(slot) = named.get_mut(free) {
                *slot = Some(*k);
            }
        }
        _ => return None,
    }
    let mut order = Vec::with_capacity(pieces.len());
    for k in named {
        order.extend(groups.get(k?)?.iter().copied());
    }
    Some(order)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Runs from `|`-separated pieces: a piece of numbers is a value run, any other a
    /// run of text tokens (split at spaces).
    fn runs(pieces: &str) -> Vec<Run> {
        pieces
            .split('|')
            .map(|p| {
                let tokens: Vec<Token> = p
                    .split_whitespace()
                    .map(|t| Token {
                        text: t.to_owned(),
                        line: 1,
                        value: t.chars().all(|c| c.is_ascii_digit()),
                    })
                    .collect();
                let value = tokens.iter().all(|t| t.value);
                Run { tokens, value }
            })
            .collect()
    }

    fn placed(pieces: &str) -> Option<Vec<String>> {
        let runs = runs(pieces);
        let order = review_pieces_in_column_order(&runs)?;
        Some(
            order
                .iter()
                .flat_map(|&i| runs[i].tokens.iter().map(|t| t.text.clone()))
                .collect(),
        )
    }

    fn numbers(s: &str) -> Vec<String> {
        s.split_whitespace().map(str::to_owned).collect()
    }

    #[test]
    fn plain_pdftotext_pieces_go_back_to_their_columns() {
        // The shape of plain pdftotext's table 4 (huaian-2024.pdf).
        let got = placed(
            "行政复议 行政诉讼 未经复议直接起诉 结果 维持 总计|72 64 178 37|结果 复议后起诉 尚未|12 1 1 6|总计|351|维持 纠正 结果 审结|13 4 8 1 26|总计|20",
        );
        assert_eq!(
            got,
            Some(numbers("72 64 178 37 351 13 4 8 1 26 12 1 1 6 20"))
        );
        // The same with the label of the direct group before its piece instead.
        let got = placed(
            "行政复议 结果|72 64 178 37|总计|351|未经复议直接起诉 维持|13 4 8 1 26|复议后起诉|12 1 1 6|总计|20",
        );
        assert_eq!(
            got,
            Some(numbers("72 64 178 37 351 13 4 8 1 26 12 1 1 6 20"))
        );
    }

    #[test]
    fn pieces_that_do_not_tell_their_order_are_left_alone() {
        // No label names either of the two later groups.
        assert_eq!(
            placed("行政复议|1 2 3 4 10|维持|1 1 1 1 4|纠正|2 2 2 2 8"),
            None
        );
        // Pieces of other shapes.
        assert_eq!(placed("行政复议|1 2 3|4 5 6 7 8 9 10 11 12 13 14 15"), None);
        // A lone total read before its four results.
        assert_eq!(
            placed("行政复议|10|复议后起诉|1 2 3 4|未经复议直接起诉|1 1 1 1 4|2 2 2 2 8"),
            None
        );
        // Not 15 values.
        assert_eq!(placed("行政复议|1 2 3 4|10"), None);
        // Two groups named by the same label.
        assert_eq!(
            placed("行政复议|1 2 3 4 10|复议后起诉|1 1 1 1 4|复议后起诉|2 2 2 2 8"),
            None
        );
    }
}
