//! The tables of a collapsed line: its text cut into row labels and runs of digits,
//! each run split into its row's cells where the split is forced.

use nianbao_core::catalog::{
    ACTIVE_COLUMN_LABELS, ACTIVE_DISCLOSURE_2019, ACTIVE_DISCLOSURE_2021, APPLICATION_ROWS,
    REVIEW_COLUMNS, REVIEW_GROUPS, RowSpec, TableFormat, TableKind,
};
use nianbao_core::ir::{Cell, Pos, Row, Table};
use nianbao_core::model::Provenance;
use nianbao_core::recognize::rows::spec_keys;
use nianbao_core::text::{label_key, strip_numbering};
use nianbao_core::{Diagnostic, Limits};

use super::paragraph;
use crate::cells::check_limit;
use crate::glued::{self, Split, Stated, SumRule};
use crate::prose::{self, Claim};
use crate::reader::{Builder, Layout};
use crate::{TxtError, codes};

/// The most characters of a row label looked at before a run of digits.
const MAX_LABEL: usize = 80;

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
pub(super) fn row_table(
    region: &[char],
    kind: TableKind,
    claims: &[Claim],
    line: u32,
    b: &mut Builder,
) -> (Table, String) {
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
        let stated = prose::for_row(claims, spec);
        let values = split_run(run, &paths, rule.as_ref(), &stated, line, b);
        let mut cells = vec![Cell::new(printed.trim(), 0, Pos::line(line))];
        cells.extend(values);
        rows.push(numbered_row(cells, line));
    }
    (
        Table::new(Pos::line(line))
            .with_rows(rows)
            .with_spans_known(false),
        rest,
    )
}

/// Table 4 from its region: the header words as printed, then its one row of values.
pub(super) fn review_table(region: &[char], line: u32, b: &mut Builder) -> (Table, String) {
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
        let cells = split_run(run, &paths, Some(&rule), &[], line, b);
        rows.push(numbered_row(cells, line));
        values_read = true;
    }
    (
        Table::new(Pos::line(line))
            .with_rows(rows)
            .with_spans_known(false),
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

/// Splits a run into cells for `paths` (one per cell): the forced split, else the
/// only split agreeing with the figures the prose states for the cells (`stated`, one
/// per cell or empty), or blank cells with a diagnostic showing the digits.
fn split_run(
    run: &str,
    paths: &[String],
    rule: Option<&SumRule>,
    stated: &[Option<&Claim>],
    line: u32,
    b: &mut Builder,
) -> Vec<Cell> {
    let (digits, unit) = match run.strip_suffix("万元") {
        Some(d) => (d, "万元"),
        None => run.strip_suffix('元').map_or((run, ""), |d| (d, "元")),
    };
    let cell = |text: String, col: u32, provenance: Provenance| {
        Cell::new(text, col, Pos::line(line)).with_provenance(provenance)
    };
    // The cells of a split, the unit kept on the last.
    let filled = |values: Vec<String>, provenance: Provenance| -> Vec<Cell> {
        let last = values.len().saturating_sub(1);
        values
            .into_iter()
            .enumerate()
            .map(|(i, v)| {
                let text = if i == last { format!("{v}{unit}") } else { v };
                cell(text, col(i + 1), provenance)
            })
            .collect()
    };
    let blank = || -> Vec<Cell> {
        (0..paths.len())
            .map(|i| cell(String::new(), col(i + 1), Provenance::NoEvidence))
            .collect()
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
            filled(values, provenance)
        }
        Split::Undecided => {
            let figures: Vec<Option<&str>> = if stated.len() == paths.len() {
                stated.iter().map(|c| c.map(|c| c.value.as_str())).collect()
            } else {
                vec![None; paths.len()]
            };
            let sentences = || {
                let mut quoted: Vec<String> = Vec::new();
                for c in stated.iter().flatten() {
                    let q = format!("{:?}", c.clause);
                    if !quoted.contains(&q) {
                        quoted.push(q);
                    }
                }
                quoted.join(", ")
            };
            match glued::split_stated(digits, &figures) {
                Stated::Cells(values) => {
                    b.diagnostic(Diagnostic::warning(
                        codes::SPLIT_BY_TEXT,
                        format!(
                            "the glued digits {run:?} were split by the only split that agrees with the figures the report states ({}): {}; cells: {}",
                            sentences(),
                            values.join("|"),
                            paths.join(", ")
                        ),
                        Some(Pos::line(line)),
                    ));
                    return filled(values, Provenance::StatedInText);
                }
                Stated::Contradicted => {
                    b.diagnostic(Diagnostic::warning(
                        codes::TEXT_CONTRADICTS_DIGITS,
                        format!(
                            "the figures the report states ({}) agree with no split of the glued digits {run:?}; left blank: {}",
                            sentences(),
                            paths.join(", ")
                        ),
                        Some(Pos::line(line)),
                    ));
                    return blank();
                }
                Stated::Undecided => {}
            }
            b.diagnostic(Diagnostic::warning(
                codes::GLUED_DIGITS,
                format!(
                    "the glued digits {run:?} do not tell where one cell ends and the next begins; left blank: {}",
                    paths.join(", ")
                ),
                Some(Pos::line(line)),
            ));
            blank()
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
    Row::new(cells, Pos::line(line))
}

/// A statistics appendix (legacy reports): each label with its run of digits, split
/// where one digit per column forces it, else kept whole as printed.
pub(super) fn appendix(
    body: &[char],
    line: u32,
    limits: &Limits,
    b: &mut Builder,
) -> Result<(), TxtError> {
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
        Table::new(Pos::line(line))
            .with_rows(rows)
            .with_spans_known(false),
        Layout::Collapsed,
        limits,
    )?;
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
}
