//! Finding the runs of lines that hold a table (outside the Tika layout, whose tab
//! marks tables by itself), and telling which layout each one is in.

use nianbao_core::recognize::sections::heading_key;
use nianbao_core::text::label_key;

use crate::lines::Line;
use crate::shape::{chunks, is_footer, split_values};

/// The layout of a table region.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum RegionKind {
    /// `pdftotext -layout`: cells separated by runs of spaces (or tabs).
    Layout,
    /// One cell per line (plain `pdftotext`, text copied from a web page).
    Cells,
    /// `|`-separated rows: Markdown tables, or web copy-paste.
    Pipe,
}

/// Whether a line is a `|`-separated row.
pub(crate) fn is_pipe_row(line: &Line) -> bool {
    let t = line.text.trim();
    t.contains('|') && t.len() > 1 && !t.ends_with('。')
}

/// Whether a line is a Markdown heading (`## 表三`).
pub(crate) fn markdown_heading<'a>(line: &'a Line<'_>) -> Option<(u8, &'a str)> {
    let t = line.raw.trim_start();
    let hashes = t.chars().take_while(|&c| c == '#').count();
    if (1..=6).contains(&hashes) {
        let rest = t.get(hashes..).unwrap_or_default();
        if rest.starts_with([' ', '\u{3000}']) || rest.is_empty() {
            return Some((u8::try_from(hashes).unwrap_or(6), rest.trim()));
        }
    }
    None
}

/// Label keys that start a national table.
fn is_marker(text: &str) -> bool {
    let key = label_key(text);
    key.starts_with("第二十条")
        || key.contains("勾稽关系")
        || matches!(
            key.as_str(),
            "信息内容" | "申请人情况" | "行政复议" | "本年新收政府信息公开申请数量"
        )
}

/// Whether a line is prose: one run of text that ends a sentence or is long.
fn is_prose(line: &Line) -> bool {
    let t = line.text.trim();
    let cs = chunks(&line.text);
    cs.len() <= 1
        && !is_pipe_row(line)
        && (t.ends_with('。') || t.ends_with('；') || t.chars().count() > 40)
}

/// Whether a line may start a table.
fn is_start(lines: &[Line], i: usize) -> bool {
    let Some(line) = lines.get(i) else {
        return false;
    };
    if line.is_blank() || line.raw.starts_with('\t') {
        return false;
    }
    let not_heading = || heading_key(&line.raw).is_none();
    if is_pipe_row(line) {
        return not_heading();
    }
    let cs = split_values(chunks(&line.text));
    if cs.iter().any(|c| is_marker(&c.text)) {
        return not_heading();
    }
    // A row of a label and values, followed by another row of several cells.
    let has_value = cs.iter().any(|c| c.is_value());
    let has_text = cs.iter().any(|c| !c.is_value());
    has_value
        && has_text
        && not_heading()
        && lines
            .iter()
            .skip(i + 1)
            .find(|l| !l.is_blank())
            .is_some_and(|l| split_values(chunks(&l.text)).len() >= 2)
}

/// If a table starts at `lines[start]`, where it ends (exclusive) and its layout.
pub(crate) fn table_region(lines: &[Line], start: usize) -> Option<(usize, RegionKind)> {
    if !is_start(lines, start) {
        return None;
    }
    let mut end = start + 1;
    let mut last = start;
    let piped = lines.get(start).is_some_and(is_pipe_row);
    for (j, line) in lines.iter().enumerate().skip(start + 1) {
        if line.raw.starts_with('\t') && !line.is_blank() {
            break;
        }
        if line.is_blank() {
            continue;
        }
        if is_footer(&line.text) {
            continue;
        }
        if markdown_heading(line).is_some() {
            // Converters put headings between the fragments of one table; a section
            // heading ends the table.
            if markdown_heading(line).is_some_and(|(_, t)| heading_key(t).is_some()) {
                break;
            }
            continue;
        }
        if heading_key(&line.raw).is_some() || is_prose(line) || (piped && !is_pipe_row(line)) {
            break;
        }
        last = j;
        end = j + 1;
    }
    let end = end.max(last + 1);
    let region = lines.get(start..end).unwrap_or_default();
    let non_blank = region.iter().filter(|l| !l.is_blank()).count();
    let pipes = region.iter().filter(|l| is_pipe_row(l)).count();
    let multi = region
        .iter()
        .filter(|l| !is_pipe_row(l) && split_values(chunks(&l.text)).len() >= 2)
        .count();
    let kind = if pipes * 2 >= non_blank {
        RegionKind::Pipe
    } else if multi >= 2 {
        RegionKind::Layout
    } else {
        RegionKind::Cells
    };
    Some((end, kind))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lines::split;
    use nianbao_core::Limits;

    fn region(src: &str, start: usize) -> Option<(usize, RegionKind)> {
        let lines = split(src, &Limits::default()).unwrap();
        table_region(&lines, start)
    }

    #[test]
    fn regions_and_kinds() {
        let layout = "二、主动公开政府信息情况\n第二十条 第（一）项\n\n信息内容   本年制发件数   本年废止件数\n规章     1     0\n\n三、收到和处理政府信息公开申请情况\n";
        assert_eq!(region(layout, 0), None);
        assert_eq!(region(layout, 1), Some((5, RegionKind::Layout)));
        let cells = "第二十条第（五）项\n信息内容\n本年处理决定数量\n行政许可\n12\n这是一段很长的说明文字，它不属于表格，而是正文的一部分，用来结束表格。\n";
        assert_eq!(region(cells, 0), Some((5, RegionKind::Cells)));
        let pipe = "| 信息内容 | 本年处理决定数量 |\n|---|---|\n| 行政许可 | 12 |\n\n## 表三\n\n| 行政处罚 | 3 |\n## 三、收到和处理政府信息公开申请情况\n";
        assert_eq!(region(pipe, 0), Some((7, RegionKind::Pipe)));
        assert_eq!(region("一段普通的文字，没有表格。\n", 0), None);
    }
}
