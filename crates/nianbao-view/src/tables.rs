//! The three national tables in the official layout of their format (the rows and
//! groups of [`layout`](nianbao_core::catalog::layout), the labels of the catalogue),
//! each value cell with its path, its value and, when a failed rule reads it, the
//! rule and its numbers; and the other tables as plain grids.

use std::collections::BTreeMap;

use nianbao_core::catalog::layout::{
    LayoutRow, active_value_columns, application_groups, extra_row_fits, layout_rows,
};
use nianbao_core::catalog::{
    APPLICANT_COLUMNS, APPLICATION_GROUP_LABELS, APPLICATIONS_HEADER_NOTE, ColumnSpec,
    REVIEW_COLUMNS, REVIEW_GROUPS,
};
use nianbao_core::model::{Normalization, Provenance, Row, Table};
use nianbao_core::rules::Finding;
use nianbao_core::{Cell, CellValue, TableKind};

use crate::html::Html;
use crate::marks::{cell_id, table_id};

/// What the tables need to mark cells.
#[derive(Debug)]
pub struct Marking<'a> {
    /// Every finding of the report.
    pub findings: &'a [Finding],
    /// The failed findings of each cell path.
    pub failed: BTreeMap<&'a str, Vec<usize>>,
}

/// Writes a national table.
pub fn table(h: &mut Html, table: &Table, m: &Marking<'_>) {
    let format = table
        .format
        .map_or("common to both formats".to_owned(), |f| {
            format!("{} format", f.as_str())
        });
    h.raw("<table class=\"national ")
        .raw(table.kind.key())
        .raw("\"")
        .attr("id", &table_id(table.kind))
        .raw("><caption>")
        .text(table.kind.title())
        .raw(" <small>")
        .text(&format)
        .raw("</small></caption>\n");
    let columns = match table.kind {
        TableKind::ActiveDisclosure => active_disclosure(h, table, m),
        TableKind::Applications => applications(h, table, m),
        TableKind::ReviewLitigation => review_litigation(h, table, m),
    };
    for note in &table.notes {
        h.raw("<tr class=\"note\"><td")
            .attr("colspan", &columns.to_string())
            .raw(">")
            .text(note)
            .raw("</td></tr>\n");
    }
    h.raw("</table>\n");
}

/// Table 2: blocks headed by 第二十条第（N）项, each with its 信息内容 header row, on a
/// grid of one label column and three value columns (the last value of a row spans
/// what is left, as in the template). Returns the number of grid columns.
fn active_disclosure(h: &mut Html, table: &Table, m: &Marking<'_>) -> usize {
    let rows = layout_rows(table);
    let value_columns = active_value_columns(&rows);
    let mut block: Option<&str> = None;
    let mut columns: &[ColumnSpec] = &[];
    for item in &rows {
        let prefix = item.path(table.kind);
        match item {
            LayoutRow::Template { spec, row } => {
                if spec.group != block {
                    block = spec.group;
                    columns = spec.columns;
                    h.raw("<tr class=\"block\"><th")
                        .attr("colspan", &(value_columns + 1).to_string())
                        .raw(">")
                        .text(spec.group.unwrap_or(""))
                        .raw("</th></tr>\n<tr class=\"head\"><th>信息内容</th>");
                    for (i, c) in columns.iter().enumerate() {
                        let span = spread(i, columns.len(), value_columns);
                        h.raw("<th")
                            .raw(&colspan(span))
                            .raw(">")
                            .text(c.label)
                            .raw("</th>");
                    }
                    h.raw("</tr>\n");
                }
                row_start(h, spec.label, 1, row.is_none());
                let row = row.map(|(_, r)| r);
                for (i, c) in columns.iter().enumerate() {
                    let span = spread(i, columns.len(), value_columns);
                    value(h, m, &prefix, c.key, row.and_then(|r| r.cell(c.key)), span);
                }
                rest_of_row(h, m, &prefix, row, columns);
                h.raw("</tr>\n");
            }
            LayoutRow::Extra { row, .. } => {
                row_start(h, &row.label, 1, false);
                extra_values(h, m, &prefix, row, columns, value_columns);
                h.raw("</tr>\n");
            }
        }
    }
    value_columns + 1
}

/// The span of the `i`-th of `n` values on a grid of `width` value columns: the last
/// takes what is left.
fn spread(i: usize, n: usize, width: usize) -> usize {
    if i + 1 == n {
        width.saturating_sub(n.saturating_sub(1)).max(1)
    } else {
        1
    }
}

/// ` colspan="n"`, or nothing for 1.
fn colspan(n: usize) -> String {
    if n > 1 {
        format!(" colspan=\"{n}\"")
    } else {
        String::new()
    }
}

/// Opens a data row with its label cell (`missing`: a template row the report lacks).
fn row_start(h: &mut Html, label: &str, span: usize, missing: bool) {
    h.raw(if missing {
        "<tr class=\"missing-row\" title=\"this row is not in the report\">"
    } else {
        "<tr>"
    });
    h.raw("<th class=\"label\"")
        .raw(&colspan(span))
        .raw(">")
        .text(label)
        .raw("</th>");
}

/// An extra row's values: under the block's columns when its keys are theirs, else in
/// the order of the source.
fn extra_values(
    h: &mut Html,
    m: &Marking<'_>,
    prefix: &str,
    row: &Row,
    columns: &[ColumnSpec],
    width: usize,
) {
    if extra_row_fits(row, columns) {
        for (i, c) in columns.iter().enumerate() {
            let span = spread(i, columns.len(), width);
            value(h, m, prefix, c.key, row.cell(c.key), span);
        }
    } else {
        let n = row.cells.len();
        for (i, (key, cell)) in row.cells.iter().enumerate() {
            value(h, m, prefix, key, Some(cell), spread(i, n, width));
        }
        if n == 0 {
            h.raw("<td").raw(&colspan(width)).raw("></td>");
        }
    }
}

/// The cells of a template row under columns its template does not have (a JSON
/// written by hand): shown after the others, so that no cell is hidden.
fn rest_of_row(
    h: &mut Html,
    m: &Marking<'_>,
    prefix: &str,
    row: Option<&Row>,
    columns: &[ColumnSpec],
) {
    for (key, cell) in row.map_or(&[][..], |r| &r.cells) {
        if !columns.iter().any(|c| c.key == key) {
            value(h, m, prefix, key, Some(cell), 1);
        }
    }
}

/// Table 3: three label columns (the merged groups 三、本年度办理结果 and （三）…（六）)
/// and seven value columns under 申请人情况 › 自然人 | 法人或其他组织 | 总计.
fn applications(h: &mut Html, table: &Table, m: &Marking<'_>) -> usize {
    const LABEL_COLUMNS: usize = 3;
    let group = |i: usize| APPLICATION_GROUP_LABELS.get(i).copied().unwrap_or("");
    let column = |i: usize| APPLICANT_COLUMNS.get(i).map_or("", |c| c.label);
    h.raw("<tr class=\"head\"><th colspan=\"3\" rowspan=\"3\" class=\"header-note\">")
        .text(APPLICATIONS_HEADER_NOTE)
        .raw("</th><th colspan=\"7\">")
        .text(group(4))
        .raw("</th></tr>\n<tr class=\"head\"><th rowspan=\"2\">")
        .text(column(0))
        .raw("</th><th colspan=\"5\">")
        .text(group(5))
        .raw("</th><th rowspan=\"2\">")
        .text(column(6))
        .raw("</th></tr>\n<tr class=\"head\">");
    for i in 1..6 {
        h.element("th", "", column(i));
    }
    h.raw("</tr>\n");
    let rows = layout_rows(table);
    let chains = application_groups(&rows);
    let empty = Vec::new();
    for (i, item) in rows.iter().enumerate() {
        let chain = chains.get(i).unwrap_or(&empty);
        let (label, row, missing) = match item {
            LayoutRow::Template { spec, row } => (spec.label, row.map(|(_, r)| r), row.is_none()),
            LayoutRow::Extra { row, .. } => (row.label.as_str(), Some(*row), false),
        };
        h.raw(if missing {
            "<tr class=\"missing-row\" title=\"this row is not in the report\">"
        } else {
            "<tr>"
        });
        for (level, name) in chain.iter().enumerate() {
            let same = |j: usize| {
                chains
                    .get(j)
                    .is_some_and(|c| c.get(..=level) == chain.get(..=level))
            };
            if i > 0 && same(i - 1) {
                continue;
            }
            let span = (i + 1..rows.len()).take_while(|j| same(*j)).count() + 1;
            h.raw("<th class=\"group\"");
            if span > 1 {
                h.raw(&format!(" rowspan=\"{span}\""));
            }
            h.raw(">").text(name).raw("</th>");
        }
        h.raw("<th class=\"label\"")
            .raw(&colspan(LABEL_COLUMNS.saturating_sub(chain.len())))
            .raw(">")
            .text(label)
            .raw("</th>");
        let prefix = item.path(table.kind);
        match item {
            LayoutRow::Extra { row, .. } => {
                extra_values(
                    h,
                    m,
                    &prefix,
                    row,
                    &APPLICANT_COLUMNS,
                    APPLICANT_COLUMNS.len(),
                );
            }
            LayoutRow::Template { .. } => {
                for c in &APPLICANT_COLUMNS {
                    value(h, m, &prefix, c.key, row.and_then(|r| r.cell(c.key)), 1);
                }
                rest_of_row(h, m, &prefix, row, &APPLICANT_COLUMNS);
            }
        }
        h.raw("</tr>\n");
    }
    LABEL_COLUMNS + APPLICANT_COLUMNS.len()
}

/// Table 4: fifteen value columns under 行政复议 | 行政诉讼 › 未经复议直接起诉 /
/// 复议后起诉, one data row (each group's five values under its own header, whatever
/// the order of the source), extra rows below it.
fn review_litigation(h: &mut Html, table: &Table, m: &Marking<'_>) -> usize {
    let width = REVIEW_GROUPS.len() * REVIEW_COLUMNS.len();
    let group = |i: usize| REVIEW_GROUPS.get(i);
    let litigation = group(1).and_then(|g| g.group).unwrap_or("行政诉讼");
    h.raw("<tr class=\"head\"><th colspan=\"5\">")
        .text(group(0).map_or("", |g| g.label))
        .raw("</th><th colspan=\"10\">")
        .text(litigation)
        .raw("</th></tr>\n<tr class=\"head\">");
    for c in &REVIEW_COLUMNS {
        h.element("th", " rowspan=\"2\"", c.label);
    }
    for i in 1..3 {
        h.element("th", " colspan=\"5\"", group(i).map_or("", |g| g.label));
    }
    h.raw("</tr>\n<tr class=\"head\">");
    for _ in 1..3 {
        for c in &REVIEW_COLUMNS {
            h.element("th", "", c.label);
        }
    }
    h.raw("</tr>\n<tr>");
    let rows = layout_rows(table);
    for spec in &REVIEW_GROUPS {
        let found = rows.iter().find_map(|r| match r {
            LayoutRow::Template { spec: s, row } if s.key == spec.key => Some(*row),
            _ => None,
        });
        let prefix = format!("{}.{}", table.kind.key(), spec.key);
        let row = found.flatten().map(|(_, r)| r);
        for c in &REVIEW_COLUMNS {
            value(h, m, &prefix, c.key, row.and_then(|r| r.cell(c.key)), 1);
        }
    }
    h.raw("</tr>\n");
    for item in &rows {
        let prefix = item.path(table.kind);
        match item {
            LayoutRow::Template { row, .. } => {
                if let Some((_, r)) = row
                    && r.cells
                        .iter()
                        .any(|(k, _)| !REVIEW_COLUMNS.iter().any(|c| c.key == k))
                {
                    h.raw("<tr>");
                    rest_of_row(h, m, &prefix, Some(r), &REVIEW_COLUMNS);
                    h.raw("</tr>\n");
                }
            }
            LayoutRow::Extra { row, .. } => {
                h.raw("<tr class=\"extra\"><th class=\"label\" colspan=\"15\">")
                    .text(&row.label)
                    .raw("</th></tr>\n<tr class=\"extra\">");
                extra_values(h, m, &prefix, row, &REVIEW_COLUMNS, width);
                h.raw("</tr>\n");
            }
        }
    }
    width
}

/// One value cell. `None`: the report has no such cell (its row is missing).
fn value(
    h: &mut Html,
    m: &Marking<'_>,
    prefix: &str,
    column: &str,
    cell: Option<&Cell>,
    span: usize,
) {
    let Some(cell) = cell else {
        h.raw("<td class=\"missing\"")
            .raw(&colspan(span))
            .raw("></td>");
        return;
    };
    let path = format!("{prefix}.{column}");
    let kind = match cell.value {
        CellValue::Number(_) => "number",
        CellValue::Blank => "blank",
        CellValue::Placeholder => "placeholder",
        CellValue::Text => "text",
    };
    let failed = m.failed.get(path.as_str());
    let mut class = format!("v {kind}");
    if failed.is_some() {
        class.push_str(" failed");
    }
    if cell.provenance != Provenance::Grid {
        class.push_str(" placed");
    }
    let mut title: Vec<String> = Vec::new();
    for i in failed.into_iter().flatten() {
        if let Some(f) = m.findings.get(*i) {
            title.push(f.describe());
        }
    }
    if let Some(v) = &cell.verbatim {
        title.push(format!("printed: {v}"));
    }
    if cell.provenance != Provenance::Grid {
        title.push(format!("placed by: {}", cell.provenance.name()));
    }
    title.push(path.clone());
    h.raw("<td")
        .attr("id", &cell_id(&path))
        .attr("class", &class)
        .raw(&colspan(span))
        .attr("data-path", &path);
    if let Some(n) = cell.as_number() {
        h.attr("data-value", &n.to_string());
    }
    h.attr("title", &title.join("\n")).raw(">");
    match &cell.value {
        CellValue::Number(n) => {
            h.element("span", " class=\"num\"", &n.to_string());
            for norm in &cell.normalizations {
                if let Normalization::Annotation { text } = norm {
                    h.element("span", " class=\"ann\"", text);
                }
            }
        }
        CellValue::Blank => {}
        CellValue::Placeholder => {
            h.element(
                "span",
                " class=\"ph\"",
                cell.verbatim.as_deref().unwrap_or("—"),
            );
        }
        CellValue::Text => {
            h.element(
                "span",
                " class=\"txt\"",
                cell.verbatim.as_deref().unwrap_or(""),
            );
        }
    }
    h.raw("</td>");
}

/// A table that is none of the three, as a plain grid of text.
pub fn plain(h: &mut Html, grid: &[Vec<String>], n: usize) {
    h.raw("<table class=\"plain\"")
        .attr("id", &format!("other-table-{n}"))
        .raw(">\n");
    for row in grid {
        h.raw("<tr>");
        for cell in row {
            h.element("td", "", cell);
        }
        h.raw("</tr>\n");
    }
    h.raw("</table>\n");
}
