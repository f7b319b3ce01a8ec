//! Crawler text: a header block of `key: value` lines ending in `==== 正文 ====`, and
//! a report whose white space was collapsed, so that the whole of it is one line:
//! headings mid-line, table cells glued (`规范性文件898989`, `（一）予以公开210000021`,
//! and the next label's own number glued on: `…20000027.属于行政执法案卷`).
//!
//! The line is cut at its section headings; tables are found by their first labels
//! (第二十条, 申请人情况, 行政复议 … 结果维持, a 统计表 heading); in a table, each run
//! of digits belongs to the template row whose label ends just before it, and is
//! split into the row's cells only where [`glued::split`] says the split is forced.
//! Every other run stays blank, with a diagnostic that shows the digits and names the
//! cells.

use std::collections::BTreeMap;

use nianbao_core::catalog::{
    ACTIVE_COLUMN_LABELS, ACTIVE_DISCLOSURE_2019, ACTIVE_DISCLOSURE_2021, APPLICATION_ROWS,
    REVIEW_COLUMNS, REVIEW_GROUPS, RowSpec, TableFormat, TableKind,
};
use nianbao_core::ir::{Block, Cell, Paragraph, Pos, Row, Table};
use nianbao_core::model::Provenance;
use nianbao_core::recognize::rows::spec_keys;
use nianbao_core::recognize::sections::heading_key;
use nianbao_core::text::{label_key, strip_numbering};
use nianbao_core::{Diagnostic, Limits};

use crate::cells::check_limit;
use crate::glued::{self, Split, SumRule};
use crate::lines::Line;
use crate::reader::{Builder, Layout};
use crate::{TxtError, codes};

/// The shortest line that can be a whole collapsed report.
const MIN_CHARS: usize = 500;
/// The most characters of a heading (numbering included).
const MAX_HEADING: usize = 40;
/// The most characters of a row label looked at before a run of digits.
const MAX_LABEL: usize = 80;

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
            section_body(body, line.no, limits, b)?;
        }
    }
    Ok(())
}

/// Adds a paragraph unless it is blank.
fn paragraph(b: &mut Builder, text: &str, line: u32) {
    let text = text.trim();
    if !text.is_empty() {
        b.doc.blocks.push(Block::Paragraph(Paragraph {
            text: text.to_owned(),
            heading_level: None,
            pos: Pos::line(line),
        }));
    }
}

/// A section's text: narrative, then the tables that start in it.
fn section_body(
    body: &[char],
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
            kind => row_table(region, *kind, line, b),
        };
        let count: usize = table.rows.iter().map(|r| r.cells.len()).sum();
        check_limit(u64::try_from(count).unwrap_or(u64::MAX), limits, line)?;
        b.table(table, Layout::Collapsed);
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

/// A region of a table cut into `(label text, run of digits)` pairs, and the text
/// after the last run. A run is digits with the spaces and decimal points between
/// them (a unit 元/万元 right after it stays with it); digits followed by 年 are text
/// (`2017年度`); an item number glued to the end of a run (`…72.没有现成信息`) goes
/// back to the label it numbers when it is the next number of its list.
fn pieces(region: &[char]) -> (Vec<(String, String)>, String) {
    let mut out: Vec<(String, String)> = Vec::new();
    let mut label = String::new();
    let mut i = 0;
    while i < region.len() {
        let c = region.get(i).copied().unwrap_or(' ');
        if !c.is_ascii_digit() {
            label.push(c);
            i += 1;
            continue;
        }
        // A run: digits, with spaces or one decimal point between digits.
        let mut end = i;
        while let Some(&d) = region.get(end) {
            let between = (d == ' ' || d == '.')
                && region.get(end + 1).is_some_and(char::is_ascii_digit)
                && end > i;
            if d.is_ascii_digit() || between {
                end += 1;
            } else {
                break;
            }
        }
        let mut run: String = region.get(i..end).unwrap_or_default().iter().collect();
        let next = region.get(end).copied();
        if next == Some('年') {
            label.push_str(&run);
            i = end;
            continue;
        }
        let mut after = end;
        // An item number glued on: `…0000007` + `2.` → the run ends in the number.
        let mut carried = String::new();
        let last_item = item_number(&label).unwrap_or(0);
        if matches!(next, Some('.' | '．' | '、')) {
            let expected = (last_item + 1).to_string();
            if run == expected || run == "1" {
                // The item number of the next label, standing on its own.
                label.push_str(&run);
                i = end;
                continue;
            }
            if run.ends_with(&expected) && run.len() > expected.len() {
                run.truncate(run.len() - expected.len());
                carried = expected;
            } else {
                // The number is not the next of its list: the run cannot be told
                // from the number; keep it whole (it will not split).
                run.push('?');
            }
        } else {
            for unit in ["万元", "元"] {
                let u: Vec<char> = unit.chars().collect();
                if region.get(end..end + u.len()) == Some(u.as_slice()) {
                    run.push_str(unit);
                    after = end + u.len();
                    break;
                }
            }
        }
        out.push((std::mem::take(&mut label), run.trim().to_owned()));
        label.push_str(&carried);
        i = after;
    }
    (out, label)
}

/// The number of the last list item in a label (`（三）不予公开1.属于国家秘密` → 1).
fn item_number(label: &str) -> Option<u32> {
    let chars: Vec<char> = label.chars().collect();
    let mut found = None;
    for (i, c) in chars.iter().enumerate() {
        if matches!(c, '.' | '．' | '、') && i > 0 {
            let digits: String = chars
                .get(..i)
                .unwrap_or_default()
                .iter()
                .rev()
                .take_while(|c| c.is_ascii_digit())
                .collect::<Vec<_>>()
                .into_iter()
                .rev()
                .collect();
            if !digits.is_empty() {
                found = digits.parse().ok();
            }
        }
    }
    found
}

/// The format of a table-2 region, told by the column labels printed in it (the
/// format with more of its own labels), if they tell it.
fn active_format(region: &[char]) -> Option<TableFormat> {
    let key = label_key(&region.iter().collect::<String>());
    let (mut v2019, mut v2021) = (0, 0);
    for (label, _, format) in &ACTIVE_COLUMN_LABELS {
        if key.contains(label) {
            match format {
                Some(TableFormat::Trial2019) => v2019 += 1,
                Some(TableFormat::Format2021) => v2021 += 1,
                _ => {}
            }
        }
    }
    match v2019.cmp(&v2021) {
        std::cmp::Ordering::Greater => Some(TableFormat::Trial2019),
        std::cmp::Ordering::Less => Some(TableFormat::Format2021),
        std::cmp::Ordering::Equal => None,
    }
}

/// The template rows a label may name in a table of `kind`: table 2's rows of its
/// format when known (else of both), table 3's of both formats.
fn specs(kind: TableKind, format: Option<TableFormat>) -> Vec<&'static RowSpec> {
    match kind {
        TableKind::ActiveDisclosure => match format {
            Some(TableFormat::Trial2019) => ACTIVE_DISCLOSURE_2019.iter().collect(),
            Some(TableFormat::Format2021) => ACTIVE_DISCLOSURE_2021.iter().collect(),
            _ => ACTIVE_DISCLOSURE_2019
                .iter()
                .chain(ACTIVE_DISCLOSURE_2021.iter())
                .collect(),
        },
        TableKind::Applications => APPLICATION_ROWS.iter().collect(),
        TableKind::ReviewLitigation => REVIEW_GROUPS.iter().collect(),
    }
}

/// The template row whose label ends `label`: the shortest ending whose key equals a
/// row's key (its numbering taken along), as `(where it starts, the row)`.
fn row_label(label: &[char], specs: &[&'static RowSpec]) -> Option<(usize, &'static RowSpec)> {
    let from = label.len().saturating_sub(MAX_LABEL);
    for start in (from..label.len()).rev() {
        let tail: String = label.get(start..).unwrap_or_default().iter().collect();
        let key = label_key(&tail);
        if key.is_empty() {
            continue;
        }
        if let Some(spec) = specs
            .iter()
            .find(|s| spec_keys(s).iter().any(|(k, _)| *k == key))
        {
            // Take the numbering before it along (`（一）`, `1.`, `四、`).
            let numbered = (start.saturating_sub(5)..start).find(|&s| {
                let with: String = label.get(s..).unwrap_or_default().iter().collect();
                let (n, rest) = strip_numbering(&with);
                n.is_some() && rest == tail.trim()
            });
            return Some((numbered.unwrap_or(start), spec));
        }
    }
    None
}

/// A table of rows (table 2 or 3) from its region; the text after its last run.
fn row_table(region: &[char], kind: TableKind, line: u32, b: &mut Builder) -> (Table, String) {
    let (pieces, rest) = pieces(region);
    let format = (kind == TableKind::ActiveDisclosure)
        .then(|| active_format(region))
        .flatten();
    let specs = specs(kind, format);
    let mut rows = Vec::new();
    for (label, run) in &pieces {
        let label_chars: Vec<char> = label.chars().collect();
        let Some((start, spec)) = row_label(&label_chars, &specs) else {
            // No row of the template ends here: keep the text and the digits.
            rows.push(text_row(&[label.trim(), run.trim()], line));
            continue;
        };
        let before: String = label_chars
            .get(..start)
            .unwrap_or_default()
            .iter()
            .collect();
        if !before.trim().is_empty() {
            rows.push(text_row(&[before.trim()], line));
        }
        let printed: String = label_chars
            .get(start..)
            .unwrap_or_default()
            .iter()
            .collect();
        let rule =
            (kind == TableKind::Applications).then(|| SumRule::consecutive(1, spec.columns.len()));
        let paths: Vec<String> = spec
            .columns
            .iter()
            .map(|c| format!("{}.{}.{}", kind.key(), spec.key, c.key))
            .collect();
        let values = split_run(run, &paths, rule.as_ref(), line, b);
        let mut cells = vec![Cell::new(printed.trim(), 0, Pos::line(line))];
        cells.extend(values);
        rows.push(numbered_row(cells, line));
    }
    (
        Table {
            rows,
            spans_known: false,
            pos: Pos::line(line),
        },
        rest,
    )
}

/// Table 4 from its region: the header words as printed, then its one row of values.
fn review_table(region: &[char], line: u32, b: &mut Builder) -> (Table, String) {
    let (pieces, rest) = pieces(region);
    let mut rows = Vec::new();
    let mut values_read = false;
    for (label, run) in &pieces {
        let words = header_words(label);
        if !words.is_empty() {
            rows.push(text_row(
                &words.iter().map(String::as_str).collect::<Vec<_>>(),
                line,
            ));
        }
        if values_read || words.is_empty() {
            rows.push(text_row(&[label.trim(), run.trim()], line));
            continue;
        }
        let width = REVIEW_COLUMNS.len();
        let paths: Vec<String> = REVIEW_GROUPS
            .iter()
            .flat_map(|g| {
                REVIEW_COLUMNS
                    .iter()
                    .map(move |c| format!("review_litigation.{}.{}", g.key, c.key))
            })
            .collect();
        let rule = SumRule::consecutive(REVIEW_GROUPS.len(), width);
        let cells = split_run(run, &paths, Some(&rule), line, b);
        rows.push(numbered_row(cells, line));
        values_read = true;
    }
    (
        Table {
            rows,
            spans_known: false,
            pos: Pos::line(line),
        },
        rest,
    )
}

/// The header words of table 4 in a text, in the order printed.
fn header_words(text: &str) -> Vec<String> {
    const WORDS: [&str; 9] = [
        "行政复议",
        "行政诉讼",
        "未经复议直接起诉",
        "复议后起诉",
        "结果维持",
        "结果纠正",
        "其他结果",
        "尚未审结",
        "总计",
    ];
    let compact: String = text.chars().filter(|c| !c.is_whitespace()).collect();
    let mut found: Vec<(usize, &str)> = Vec::new();
    for word in WORDS {
        for (at, _) in compact.match_indices(word) {
            found.push((at, word));
        }
    }
    found.sort_unstable();
    found.into_iter().map(|(_, w)| w.to_owned()).collect()
}

/// Splits a run into cells for `paths` (one per cell): the forced split, or blank
/// cells with a diagnostic showing the digits.
fn split_run(
    run: &str,
    paths: &[String],
    rule: Option<&SumRule>,
    line: u32,
    b: &mut Builder,
) -> Vec<Cell> {
    let (digits, unit) = match run.strip_suffix("万元") {
        Some(d) => (d, "万元"),
        None => run.strip_suffix('元').map_or((run, ""), |d| (d, "元")),
    };
    let cell = |text: String, col: u32, provenance: Provenance| Cell {
        provenance,
        ..Cell::new(text, col, Pos::line(line))
    };
    let run = run.trim_end_matches('?');
    match glued::split(digits, paths.len(), rule) {
        Split::Cells(values, provenance) => {
            if provenance == Provenance::RowSum {
                b.diagnostic(Diagnostic::warning(
                    codes::SPLIT_BY_SUM,
                    format!(
                        "the glued digits {run:?} were split by the row's own sum, the only split that satisfies it ({}); that rule is not assessable for the row: {}",
                        values.join("|"),
                        paths.join(", ")
                    ),
                    Some(Pos::line(line)),
                ));
            }
            let last = values.len().saturating_sub(1);
            values
                .into_iter()
                .enumerate()
                .map(|(i, v)| {
                    let text = if i == last { format!("{v}{unit}") } else { v };
                    cell(text, col(i + 1), provenance)
                })
                .collect()
        }
        Split::Undecided => {
            b.diagnostic(Diagnostic::warning(
                codes::GLUED_DIGITS,
                format!(
                    "the glued digits {run:?} do not tell where one cell ends and the next begins; left blank: {}",
                    paths.join(", ")
                ),
                Some(Pos::line(line)),
            ));
            (0..paths.len())
                .map(|i| cell(String::new(), col(i + 1), Provenance::NoEvidence))
                .collect()
        }
    }
}

/// A column number as `u32`.
fn col(i: usize) -> u32 {
    u32::try_from(i).unwrap_or(u32::MAX)
}

/// A row of text cells.
fn text_row(texts: &[&str], line: u32) -> Row {
    let cells = texts
        .iter()
        .filter(|t| !t.is_empty())
        .enumerate()
        .map(|(i, t)| Cell::new(*t, col(i), Pos::line(line)))
        .collect();
    numbered_row(cells, line)
}

/// A row of cells, their columns counted from 0.
fn numbered_row(mut cells: Vec<Cell>, line: u32) -> Row {
    for (i, c) in cells.iter_mut().enumerate() {
        c.col = col(i);
    }
    Row {
        cells,
        is_header: false,
        pos: Pos::line(line),
    }
}

/// A statistics appendix (legacy reports): each label with its run of digits, split
/// where one digit per column forces it, else kept whole as printed.
fn appendix(body: &[char], line: u32, limits: &Limits, b: &mut Builder) -> Result<(), TxtError> {
    let (pieces, rest) = pieces(body);
    if pieces.is_empty() {
        paragraph(b, &body.iter().collect::<String>(), line);
        return Ok(());
    }
    // The year columns the header names (`2017年度`, `历年累计`).
    let header = pieces.first().map(|(l, _)| l.as_str()).unwrap_or_default();
    let columns = header.matches("年度").count() + header.matches("累计").count();
    let mut rows = Vec::new();
    for (label, run) in &pieces {
        let mut texts = vec![label.trim().to_owned()];
        match glued::split(run.trim_end_matches('?'), columns.max(1), None) {
            Split::Cells(values, _) if !run.ends_with('?') => texts.extend(values),
            _ => texts.push(run.trim_end_matches('?').to_owned()),
        }
        rows.push(text_row(
            &texts.iter().map(String::as_str).collect::<Vec<_>>(),
            line,
        ));
    }
    let count: usize = rows.iter().map(|r| r.cells.len()).sum();
    check_limit(u64::try_from(count).unwrap_or(u64::MAX), limits, line)?;
    b.table(
        Table {
            rows,
            spans_known: false,
            pos: Pos::line(line),
        },
        Layout::Collapsed,
    );
    paragraph(b, &rest, line);
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn chars(s: &str) -> Vec<char> {
        s.chars().collect()
    }

    #[test]
    fn runs_and_glued_item_numbers() {
        let (p, rest) = pieces(&chars(
            "（三）不予公开1.属于国家秘密00000002.其他法律行政法规禁止公开0000000（七）总计",
        ));
        assert_eq!(
            p[0],
            ("（三）不予公开1.属于国家秘密".into(), "0000000".into())
        );
        assert_eq!(
            p[1],
            ("2.其他法律行政法规禁止公开".into(), "0000000".into())
        );
        assert_eq!(rest, "（七）总计");
        let (p, _) = pieces(&chars("政府集中采购13575394432.52元三、"));
        assert_eq!(p[0].1, "13575394432.52元");
        let (p, _) = pieces(&chars("指标名称2017年度历年累计主动公开文件数条212210037"));
        assert_eq!(p[0].0, "指标名称2017年度历年累计主动公开文件数条");
        // A number that is not the next of its list is not taken from the run.
        let (p, _) = pieces(&chars("1.甲00000005.乙0"));
        assert_eq!(p[0].1, "00000005?");
    }

    #[test]
    fn labels_end_at_a_template_row() {
        let specs = specs(TableKind::Applications, None);
        let label = chars("三、本年度办理结果（一）予以公开");
        let (start, spec) = row_label(&label, &specs).unwrap();
        assert_eq!(spec.key, "results.granted");
        assert_eq!(label[start..].iter().collect::<String>(), "（一）予以公开");
    }

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
