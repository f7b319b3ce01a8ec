//! The Apache Tika layout: one table cell per line, prefixed by a tab; a blank line
//! between rows; two blank lines, or a line without a tab after a blank line, end
//! the table. A cell's text may go on over following lines that lack the tab
//! (`本年新` / `制作数量`): they are joined with `'\n'`. Merged cells make rows ragged
//! (vertical merges leave empty cells, horizontal ones disappear), so cells are put
//! one after another with spans of 1 and `spans_known = false`.

use nianbao_core::Limits;
use nianbao_core::ir::{Cell, Pos, Row, Table};

use crate::lines::Line;
use crate::{TxtError, cells};

/// Whether a line is a Tika cell line.
pub(crate) fn is_cell_line(line: &Line) -> bool {
    line.raw.starts_with('\t')
}

/// Removes Tika's `[bookmark: name]` markers from a cell text.
pub(crate) fn strip_bookmarks(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(start) = rest.find("[bookmark:") {
        let (before, from) = rest.split_at(start);
        out.push_str(before);
        match from.find(']') {
            Some(end) => rest = from.get(end + 1..).unwrap_or_default(),
            None => {
                out.push_str(from);
                rest = "";
            }
        }
    }
    out.push_str(rest);
    out
}

/// Reads the table that starts at `lines[0]` (a cell line). Returns the table and
/// how many lines it used.
pub(crate) fn read_table(lines: &[Line], limits: &Limits) -> Result<(Table, usize), TxtError> {
    let mut table = Table::new(lines.first().map_or_else(Pos::default, |l| Pos::line(l.no)))
        .with_spans_known(false);
    let mut row: Option<Row> = None;
    let mut blank_run = 0usize;
    let mut cell_count = 0u64;
    let mut used = 0usize;
    for line in lines {
        if is_cell_line(line) {
            blank_run = 0;
            let r = row.get_or_insert_with(|| Row::new(Vec::new(), Pos::line(line.no)));
            let col = u32::try_from(r.cells.len()).unwrap_or(u32::MAX);
            let text = strip_bookmarks(line.raw.get(1..).unwrap_or_default());
            r.cells.push(Cell::new(text, col, Pos::line(line.no)));
            cell_count += 1;
            cells::check_limit(cell_count, limits, line.no)?;
        } else if line.is_blank() {
            if let Some(r) = row.take() {
                table.rows.push(r);
            }
            blank_run += 1;
            if blank_run >= 2 {
                used += 1;
                break;
            }
        } else if let Some(cell) = row.as_mut().and_then(|r| r.cells.last_mut()) {
            // A continuation line of the last cell.
            cell.text.push('\n');
            cell.text.push_str(&strip_bookmarks(&line.raw));
        } else {
            break;
        }
        used += 1;
    }
    if let Some(r) = row.take() {
        table.rows.push(r);
    }
    Ok((table, used))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lines::split;

    fn texts(t: &Table) -> Vec<Vec<&str>> {
        t.rows
            .iter()
            .map(|r| r.cells.iter().map(|c| c.text.as_str()).collect())
            .collect()
    }

    #[test]
    fn rows_cells_continuations_and_end() {
        let src = "\t信息内容\n\t本年新\n制作数量\n\n\t规章\n\t[bookmark: _GoBack]0\n\t\u{a0}\n\t\n\n\n三、收到\n";
        let lines = split(src, &Limits::default()).unwrap();
        let (t, used) = read_table(&lines, &Limits::default()).unwrap();
        assert_eq!(
            texts(&t),
            [
                vec!["信息内容", "本年新\n制作数量"],
                vec!["规章", "0", "\u{a0}", ""]
            ]
        );
        assert_eq!(used, 10);
        assert!(!t.spans_known);
        assert_eq!(t.rows[1].cells[3].col, 3);
        assert_eq!(t.rows[1].cells[1].pos, Pos::line(6));
    }

    #[test]
    fn a_line_without_tab_after_a_blank_ends_the_table() {
        let lines = split("\ta\n\nnext\n", &Limits::default()).unwrap();
        let (t, used) = read_table(&lines, &Limits::default()).unwrap();
        assert_eq!(texts(&t), [vec!["a"]]);
        assert_eq!(used, 2);
    }

    #[test]
    fn bookmarks_are_removed() {
        assert_eq!(strip_bookmarks("[bookmark: _GoBack]0"), "0");
        assert_eq!(
            strip_bookmarks("a[bookmark: x]b[bookmark: y"),
            "ab[bookmark: y"
        );
    }
}
