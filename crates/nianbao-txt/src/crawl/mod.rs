//! Crawler text: a header block of `key: value` lines ending in `==== 正文 ====`, and
//! a report whose white space was collapsed, so that the whole of it is one line:
//! headings mid-line, table cells glued (`规范性文件898989`, `（一）予以公开210000021`,
//! and the next label's own number glued on: `…20000027.属于行政执法案卷`).
//!
//! The line is cut at its section headings; tables are found by their first labels
//! (第二十条, 申请人情况, 行政复议 … 结果维持, a 统计表 heading); in a table, each run
//! of digits belongs to the template row whose label ends just before it, and is
//! split into the row's cells only where `glued::split` says the split is forced.
//! Every other run stays blank, with a diagnostic that shows the digits and names the
//! cells.

mod tables;

use std::collections::BTreeMap;

use nianbao_core::Limits;
use nianbao_core::catalog::TableKind;
use nianbao_core::ir::{Block, Paragraph, Pos};
use nianbao_core::recognize::sections::heading_key;

use crate::TxtError;
use crate::cells::check_limit;
use crate::lines::Line;
use crate::prose::Claim;
use crate::reader::{Builder, Layout};

use tables::{appendix, review_table, row_table};

/// The shortest line that can be a whole collapsed report.
const MIN_CHARS: usize = 500;
/// The most characters of a heading (numbering included).
const MAX_HEADING: usize = 40;

/// The crawler's header fields and the document properties they go to.
const HEADER_FIELDS: [(&str, &str); 5] = [
    ("标题", "title"),
    ("发布时间", "published"),
    ("发布机构", "publisher"),
    ("原文链接", "url"),
    ("文号", "document_number"),
];

/// The number of lines of a crawler's header block at the start (`标题: …` lines up
/// to a `==== 正文 ====` line), with the properties it gives; `None` when the text
/// does not start with one.
pub(crate) fn header(lines: &[Line]) -> Option<(usize, BTreeMap<String, String>)> {
    let end = lines.iter().take(16).position(|l| {
        let t = l.text.trim();
        t.contains("正文") && t.starts_with("===") && t.ends_with("===")
    })?;
    let mut props = BTreeMap::new();
    for line in lines.get(..end)? {
        let t = line.text.trim();
        if t.is_empty() {
            continue;
        }
        let Some((key, value)) = t.split_once(':').or_else(|| t.split_once('：')) else {
            continue;
        };
        if let Some((_, prop)) = HEADER_FIELDS.iter().find(|(k, _)| *k == key.trim()) {
            let value = value.trim();
            if !value.is_empty() {
                props.insert((*prop).to_owned(), value.to_owned());
            }
        }
    }
    props.contains_key("title").then_some((end + 1, props))
}

/// Whether a line is a whole report collapsed onto one line: long, with at least two
/// section headings in it.
pub(crate) fn is_collapsed(line: &Line) -> bool {
    if line.text.len() < MIN_CHARS * 3 {
        return false;
    }
    let chars: Vec<char> = line.text.chars().collect();
    chars.len() >= MIN_CHARS && headings(&chars).len() >= 2
}

/// A heading found in a collapsed line: where it starts and ends (char indices).
#[derive(Debug, Clone, Copy)]
struct Heading {
    start: usize,
    end: usize,
    /// A statistics appendix (`六、政府信息公开情况统计表`), not one of the six.
    appendix: bool,
}

/// The headings of a collapsed line: a Chinese numeral with `、` followed by the
/// longest text (up to [`MAX_HEADING`]) that names a section, or ends in 统计表.
fn headings(chars: &[char]) -> Vec<Heading> {
    const NUMERALS: &str = "一二三四五六七八九十";
    let mut out = Vec::new();
    let mut i = 0;
    while i + 2 < chars.len() {
        let numbered = chars.get(i).is_some_and(|c| NUMERALS.contains(*c))
            && chars.get(i + 1) == Some(&'、')
            && (i == 0 || !chars.get(i - 1).is_some_and(|c| NUMERALS.contains(*c)));
        let attachment = chars.get(i) == Some(&'附') && chars.get(i + 1) == Some(&'件');
        if !numbered && !attachment {
            i += 1;
            continue;
        }
        let mut found = None;
        let mut text = String::new();
        for (len, c) in chars.iter().skip(i).take(MAX_HEADING).enumerate() {
            text.push(*c);
            if numbered && heading_key(&text).is_some() {
                found = Some((i + len + 1, false));
            } else if found.is_none() && text.ends_with("统计表") {
                found = Some((i + len + 1, true));
                break;
            }
        }
        match found {
            Some((end, appendix)) => {
                out.push(Heading {
                    start: i,
                    end,
                    appendix,
                });
                i = end;
            }
            None => i += 1,
        }
    }
    out
}

/// Reads a collapsed line into paragraphs and tables.
pub(crate) fn read(line: &Line, limits: &Limits, b: &mut Builder) -> Result<(), TxtError> {
    let chars: Vec<char> = line.text.chars().collect();
    let heads = headings(&chars);
    let text = |from: usize, to: usize| -> String {
        chars.get(from..to).unwrap_or_default().iter().collect()
    };
    // Figures the prose states for table cells: evidence for glued runs only.
    let claims = crate::prose::claims(&line.text);
    let first = heads.first().map_or(chars.len(), |h| h.start);
    // The title runs into the introduction: it ends at the first 报告 before a space.
    let preamble = text(0, first);
    let title_end = preamble
        .find("报告 ")
        .filter(|at| preamble.get(..*at).is_some_and(|t| t.chars().count() <= 60));
    match title_end {
        Some(at) => {
            let (title, intro) = preamble.split_at(at + "报告".len());
            paragraph(b, title, line.no);
            paragraph(b, intro, line.no);
        }
        None => paragraph(b, &preamble, line.no),
    }
    for (n, h) in heads.iter().enumerate() {
        paragraph(b, &text(h.start, h.end), line.no);
        let end = heads.get(n + 1).map_or(chars.len(), |next| next.start);
        let body = chars.get(h.end..end).unwrap_or_default();
        if h.appendix {
            appendix(body, line.no, limits, b)?;
        } else {
            section_body(body, &claims, line.no, limits, b)?;
        }
    }
    Ok(())
}

/// Adds a paragraph unless it is blank.
pub(super) fn paragraph(b: &mut Builder, text: &str, line: u32) {
    let text = text.trim();
    if !text.is_empty() {
        b.doc.blocks.push(Block::Paragraph(Paragraph::new(
            text.to_owned(),
            Pos::line(line),
        )));
    }
}

/// A section's text: narrative, then the tables that start in it.
fn section_body(
    body: &[char],
    claims: &[Claim],
    line: u32,
    limits: &Limits,
    b: &mut Builder,
) -> Result<(), TxtError> {
    let starts = table_starts(body);
    let first = starts.first().map_or(body.len(), |(at, _)| *at);
    let narrative: String = body.get(..first).unwrap_or_default().iter().collect();
    // A signature after the last sentence (`…常规化、日常化。 平潭县人民政府`) is a
    // paragraph of its own.
    let narrative = narrative.trim_end();
    match narrative.rsplit_once(' ') {
        Some((text, last))
            if starts.is_empty()
                && text.trim_end().ends_with('。')
                && last.chars().count() <= 30
                && !last.contains(['。', '，', '；', '：']) =>
        {
            paragraph(b, text, line);
            paragraph(b, last, line);
        }
        _ => paragraph(b, narrative, line),
    }
    for (n, (at, kind)) in starts.iter().enumerate() {
        let end = starts.get(n + 1).map_or(body.len(), |(next, _)| *next);
        let region = body.get(*at..end).unwrap_or_default();
        let (table, rest) = match kind {
            TableKind::ReviewLitigation => review_table(region, line, b),
            kind => row_table(region, *kind, claims, line, b),
        };
        let count: usize = table.rows.iter().map(|r| r.cells.len()).sum();
        check_limit(u64::try_from(count).unwrap_or(u64::MAX), limits, line)?;
        b.table(table, Layout::Collapsed, limits)?;
        paragraph(b, &rest, line);
    }
    Ok(())
}

/// Where tables start in a section's text, in order (each kind once).
fn table_starts(body: &[char]) -> Vec<(usize, TableKind)> {
    let s: String = body.iter().collect();
    let char_at = |byte: usize| s.get(..byte).map_or(0, |p| p.chars().count());
    let mut out: Vec<(usize, TableKind)> = Vec::new();
    if let Some(at) = s.find("第二十条") {
        out.push((char_at(at), TableKind::ActiveDisclosure));
    }
    if let Some(at) = ["（本列数据", "(本列数据", "申请人情况"]
        .iter()
        .filter_map(|m| s.find(m))
        .min()
    {
        out.push((char_at(at), TableKind::Applications));
    }
    let review = s.match_indices("行政复议").find(|(at, _)| {
        let after: String = s.get(*at..).unwrap_or_default().chars().take(60).collect();
        after.contains("行政诉讼") && after.contains("结果维持")
    });
    if let Some((at, _)) = review {
        out.push((char_at(at), TableKind::ReviewLitigation));
    }
    out.sort_unstable();
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn crawler_header() {
        let text = "标题: 某县2020年政府信息公开工作年度报告\n发布机构: 某县人民政府办公室\n==================== 正文 ====================\n正文";
        let lines = crate::lines::split(text, &Limits::default()).unwrap();
        let (used, props) = header(&lines).unwrap();
        assert_eq!(used, 3);
        assert_eq!(props["publisher"], "某县人民政府办公室");
        assert_eq!(props["title"], "某县2020年政府信息公开工作年度报告");
    }
}
