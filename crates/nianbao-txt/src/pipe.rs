//! `|`-separated rows: Markdown tables from converters and web copy-paste. Empty
//! cells (`|||`) are kept as empty cells; Markdown separator rows and the headings a
//! converter puts between the fragments of one table are dropped; a row holding only
//! a label, followed by a row holding only its numbers, is joined into one row.

use nianbao_core::Limits;
use nianbao_core::ir::{Row, Table};
use nianbao_core::text::label_key;

use crate::TxtError;
use crate::cells::{check_limit, is_value, row_of, table_of};
use crate::lines::Line;
use crate::regions::is_pipe_row;

/// The cells of a `|` row.
fn cells_of(text: &str) -> Vec<String> {
    let t = text.trim();
    let t = t.strip_prefix('|').unwrap_or(t);
    let t = t.strip_suffix('|').unwrap_or(t);
    let mut out = Vec::new();
    let mut cur = String::new();
    let mut chars = t.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\\' if chars.peek() == Some(&'|') => {
                cur.push('|');
                chars.next();
            }
            '|' => out.push(std::mem::take(&mut cur)),
            _ => cur.push(c),
        }
    }
    out.push(cur);
    out.into_iter()
        .map(|c| {
            c.trim()
                .replace("<br/>", "\n")
                .replace("<br />", "\n")
                .replace("<br>", "\n")
        })
        .collect()
}

/// Whether a row is a Markdown separator (`|---|:---:|`).
fn is_separator(cells: &[String]) -> bool {
    cells.iter().any(|c| !c.is_empty())
        && cells.iter().all(|c| {
            c.is_empty() || c.chars().all(|ch| matches!(ch, '-' | ':' | ' ')) && c.contains('-')
        })
}

/// Whether a row holds only a label (one or two text cells, nothing else).
fn is_label_only(cells: &[(String, u32)]) -> bool {
    let texts: Vec<&str> = cells
        .iter()
        .map(|c| c.0.as_str())
        .filter(|t| !t.trim().is_empty())
        .collect();
    !texts.is_empty()
        && texts.len() <= 2
        && texts.iter().all(|t| !is_value(t))
        && !texts.iter().any(|t| {
            let k = label_key(t);
            k.starts_with("第二十条") || k == "信息内容"
        })
}

/// Whether a row holds only values.
fn is_values_only(cells: &[(String, u32)]) -> bool {
    cells.iter().any(|c| is_value(&c.0))
        && cells
            .iter()
            .all(|c| c.0.trim().is_empty() || is_value(&c.0))
}

/// Reads a region of `|` rows.
/// A row printed as one cell by a converter that lost the separators: a row label
/// and its values on one line (`行政许可 1520`), or the 信息内容 header
/// (`信息内容 本年处理决定数量`), split at its spaces. A cell whose words are not a
/// template row's label followed by values stays as it is.
fn split_one_cell_row(cells: Vec<String>) -> Vec<String> {
    let filled: Vec<&String> = cells.iter().filter(|c| !c.trim().is_empty()).collect();
    let [only] = filled.as_slice() else {
        return cells;
    };
    let words: Vec<&str> = only.split_whitespace().collect();
    if words.len() < 2 {
        return cells;
    }
    if words.first().is_some_and(|w| label_key(w) == "信息内容") {
        return words.into_iter().map(str::to_owned).collect();
    }
    let values = words.iter().rev().take_while(|w| is_value(w)).count();
    let label_words = words.len() - values;
    if values == 0 || label_words == 0 {
        return cells;
    }
    let label = words.get(..label_words).unwrap_or_default().concat();
    if !crate::cellwise::is_row_label(&label) {
        return cells;
    }
    std::iter::once(label)
        .chain(words.iter().skip(label_words).map(|w| (*w).to_owned()))
        .collect()
}

pub(crate) fn read_table(lines: &[Line], limits: &Limits) -> Result<Table, TxtError> {
    let first_line = lines.first().map_or(1, |l| l.no);
    let mut raw_rows: Vec<(Vec<(String, u32)>, u32)> = Vec::new();
    // Checked as the rows arrive (counting the `|`s of a line before splitting it),
    // not once the whole table is built.
    let mut count = 0u64;
    for line in lines.iter().filter(|l| is_pipe_row(l)) {
        let bars = line.text.bytes().filter(|&b| b == b'|').count();
        let n = u64::try_from(bars.saturating_sub(1)).unwrap_or(u64::MAX);
        nianbao_core::work::add(n);
        count = count.saturating_add(n);
        check_limit(count, limits, line.no)?;
        let cells = cells_of(&line.text);
        if is_separator(&cells) {
            continue;
        }
        let cells = split_one_cell_row(cells);
        raw_rows.push((cells.into_iter().map(|c| (c, line.no)).collect(), line.no));
    }
    let mut rows: Vec<Row> = Vec::new();
    let mut i = 0usize;
    while let Some((cells, line)) = raw_rows.get(i) {
        if let Some((next, _)) = raw_rows.get(i + 1)
            && is_label_only(cells)
            && is_values_only(next)
        {
            let mut joined: Vec<(String, u32)> = cells
                .iter()
                .filter(|c| !c.0.trim().is_empty())
                .cloned()
                .collect();
            joined.extend(next.iter().cloned());
            rows.push(row_of(joined, *line));
            i += 2;
            continue;
        }
        rows.push(row_of(cells.clone(), *line));
        i += 1;
    }
    table_of(
        rows,
        first_line,
        limits,
        nianbao_core::model::Provenance::Grid,
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_row_printed_as_one_cell_is_split() {
        let split = |t: &str| split_one_cell_row(vec![t.to_owned()]);
        assert_eq!(split("行政许可 97"), ["行政许可", "97"]);
        assert_eq!(
            split("信息内容 本年处理决定数量"),
            ["信息内容", "本年处理决定数量"]
        );
        assert_eq!(split("2.重复申请 4 1 0 0 0 0 5").len(), 8);
        // Not a template row's label: kept whole.
        assert_eq!(split("全年共办理 97"), ["全年共办理 97"]);
    }

    #[test]
    fn cells_and_separators() {
        assert_eq!(cells_of("| a | b |"), ["a", "b"]);
        assert_eq!(cells_of("a|1||3"), ["a", "1", "", "3"]);
        assert_eq!(
            cells_of("| 本年新<br>制作数量 | x\\|y |"),
            ["本年新\nh制作数量".replace('h', ""), "x|y".to_owned()]
        );
        assert!(is_separator(&cells_of("|---|:---:|")));
        assert!(!is_separator(&cells_of("| — | 0 |")));
    }
}
