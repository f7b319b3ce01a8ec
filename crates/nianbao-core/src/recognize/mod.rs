//! The recognizer: Document → Report. Format-blind: it sees paragraphs and grids.
//!
//! Sections are found by their heading text ([`sections`]), tables by their labels
//! ([`classify`]), rows by label keys tolerant of the drift of real reports
//! ([`rows`]). Every guess is a [`Diagnostic`] with a stable code and a place.

mod active_disclosure;
mod applications;
pub mod classify;
pub mod markers;
mod meta;
mod review_litigation;
// The row matcher's internals (`RowView`, `MATCH_THRESHOLD`, …): not part of the API.
#[doc(hidden)]
pub mod rows;
pub mod sections;

pub use markers::looks_like_report;
pub use meta::{agency_from_title, find_year};

use crate::catalog::TableKind;
use crate::ir::{Block, Document};
use crate::model::{ReportKind, Source, Table};
use crate::{Diagnostic, Report, codes, text};

/// A recognized report and what the recognizer had to guess.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Recognized {
    /// The report.
    pub report: Report,
    /// Every guess, with a stable code and a place. The reader's own diagnostics
    /// (from [`Document::diagnostics`]) come first.
    pub diagnostics: Vec<Diagnostic>,
}

/// Recognizes a report in a document. Never fails: what is not found is missing from
/// the report and said in a diagnostic.
pub fn recognize(doc: &Document) -> Recognized {
    let mut diagnostics = doc.diagnostics.clone();
    let mut collector = sections::SectionCollector::default();
    let mut groups: Vec<(TableKind, Vec<&crate::ir::Table>)> = Vec::new();
    let mut other_tables = Vec::new();
    // The group the previous table went to, while no text stands between.
    let mut previous: Option<usize> = None;
    for block in &doc.blocks {
        match block {
            Block::Paragraph(p) => {
                if !text::trim(&p.text).is_empty() {
                    previous = None;
                }
                collector.push(&p.text, &p.pos, &mut diagnostics);
            }
            Block::Table(t) => match classify::classify(t) {
                Some(kind) => {
                    let i = match groups.iter().position(|(k, _)| *k == kind) {
                        Some(i) => i,
                        None => {
                            groups.push((kind, Vec::new()));
                            groups.len() - 1
                        }
                    };
                    if let Some((_, tables)) = groups.get_mut(i) {
                        tables.push(t);
                    }
                    previous = Some(i);
                }
                None => match previous.and_then(|i| groups.get_mut(i)) {
                    Some((kind, tables)) if continues(*kind, t) => tables.push(t),
                    _ => {
                        diagnostics.push(Diagnostic::info(
                            codes::TABLE_UNRECOGNIZED,
                            "a table that is none of the three national tables was kept as it is",
                            Some(t.pos.clone()),
                        ));
                        other_tables.push(grid_text(t));
                    }
                },
            },
        }
    }
    let body: Vec<&str> = doc.paragraphs().map(|p| p.text.as_str()).collect();
    let mut report = Report {
        meta: meta::read_meta(&collector.preamble, &doc.properties, &body),
        source: Source {
            properties: doc.properties.clone(),
            ..Source::default()
        },
        other_tables,
        ..Report::default()
    };
    if report.meta.title.is_none() {
        diagnostics.push(Diagnostic::warning(
            codes::META_TITLE_MISSING,
            "no title was found before the first section",
            None,
        ));
    }
    for (kind, grids) in &groups {
        let table = match kind {
            TableKind::ActiveDisclosure => active_disclosure::read(grids, &mut diagnostics),
            TableKind::Applications => applications::read(grids, &mut diagnostics),
            TableKind::ReviewLitigation => review_litigation::read(grids, &mut diagnostics),
        };
        *report.table_slot(*kind) = Some(table);
    }
    let national = !groups.is_empty();
    report.meta.kind = if national {
        ReportKind::National
    } else {
        ReportKind::Legacy
    };
    if national {
        for kind in TableKind::ALL {
            if report.table(kind).is_none() {
                diagnostics.push(Diagnostic::warning(
                    codes::TABLE_MISSING,
                    format!("table {:?} ({}) was not found", kind.key(), kind.title()),
                    None,
                ));
            }
        }
    } else {
        diagnostics.push(Diagnostic::warning(
            codes::REPORT_NOT_RECOGNIZED,
            "no national table (2019 or 2021 format) was recognized",
            None,
        ));
    }
    if national || !collector.sections.is_empty() {
        collector.report_missing(&mut diagnostics);
    }
    report.preamble = collector.preamble;
    report.sections = collector.sections;
    Recognized {
        report,
        diagnostics,
    }
}

/// Whether an unlabelled grid continues a table of `kind` (a table broken by a page):
/// at least two of its rows match the table's row labels.
fn continues(kind: TableKind, table: &crate::ir::Table) -> bool {
    let specs = kind.rows(None);
    let mut all = specs;
    if kind == TableKind::ActiveDisclosure {
        all.extend(TableKind::ActiveDisclosure.rows(Some(crate::TableFormat::Trial2019)));
    }
    table
        .rows
        .iter()
        .filter(|r| rows::match_row(&rows::RowView::new(r), &all).is_some())
        .count()
        >= 2
}

/// A grid as rows of trimmed cell text.
fn grid_text(table: &crate::ir::Table) -> Vec<Vec<String>> {
    table
        .rows
        .iter()
        .map(|r| {
            r.cells
                .iter()
                .map(|c| text::trim(&c.text).to_owned())
                .collect()
        })
        .collect()
}

/// Diagnostics for the template rows of a table's format that were not found.
fn report_missing_rows(table: &Table, diagnostics: &mut Vec<Diagnostic>) {
    for spec in table.kind.rows(table.format) {
        if table.row(spec.key).is_none() {
            diagnostics.push(Diagnostic::warning(
                codes::ROW_MISSING,
                format!(
                    "table {:?}: row {:?} ({}) was not found",
                    table.kind.key(),
                    spec.key,
                    spec.label
                ),
                Some(table.pos.clone()),
            ));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ir::{Cell, Pos, Row, Table as Grid};

    fn cell(text: &str, col: u32, col_span: u32) -> Cell {
        Cell {
            col_span,
            ..Cell::new(text, col, Pos::default())
        }
    }

    fn row(cells: Vec<Cell>) -> Row {
        Row {
            cells,
            is_header: false,
            pos: Pos::default(),
        }
    }

    #[test]
    fn values_go_by_grid_column_when_spans_disagree() {
        // 3 label columns + 7 value columns; the data row merges 科研机构 and
        // 社会公益组织 into one cell, so it has 6 value cells for 7 columns.
        let header = row(vec![
            cell("", 0, 3),
            cell("自然人", 3, 1),
            cell("商业企业", 4, 1),
            cell("科研机构", 5, 1),
            cell("社会公益组织", 6, 1),
            cell("法律服务机构", 7, 1),
            cell("其他", 8, 1),
            cell("总计", 9, 1),
        ]);
        let data = row(vec![
            cell("一、本年新收政府信息公开申请数量", 0, 3),
            cell("5", 3, 1),
            cell("1", 4, 1),
            cell("0", 5, 2),
            cell("0", 7, 1),
            cell("0", 8, 1),
            cell("6", 9, 1),
        ]);
        let grid = Grid {
            rows: vec![row(vec![cell("申请人情况", 3, 7)]), header, data],
            spans_known: true,
            pos: Pos::default(),
        };
        let doc = Document {
            blocks: vec![Block::Table(grid)],
            ..Document::default()
        };
        let r = recognize(&doc);
        let t = r.report.applications.unwrap();
        let n = |c: &str| t.number("new_received", c).map(|n| n.to_string());
        assert_eq!(n("natural_person").as_deref(), Some("5"));
        assert_eq!(n("research").as_deref(), Some("0"));
        assert_eq!(n("social_welfare").as_deref(), Some("0"));
        assert_eq!(n("total").as_deref(), Some("6"));
    }

    #[test]
    fn a_text_that_is_no_report_is_legacy_with_diagnostics() {
        let mut doc = Document::default();
        doc.push_paragraph("第一章 风起", Pos::line(1));
        doc.push_paragraph(
            "那一年的雪下得很大，村口的老槐树上挂满了冰凌。",
            Pos::line(2),
        );
        let r = recognize(&doc);
        assert!(!r.report.has_report_content());
        assert_eq!(r.report.meta.kind, ReportKind::Legacy);
        assert!(
            r.diagnostics
                .iter()
                .any(|d| d.code == codes::REPORT_NOT_RECOGNIZED)
        );
        assert!(r.report.applications.is_none());
    }

    #[test]
    fn a_table_broken_by_a_page_is_joined() {
        let first = Grid::from_text_rows(vec![
            vec!["申请人情况"],
            vec![
                "自然人",
                "商业企业",
                "科研机构",
                "社会公益组织",
                "法律服务机构",
                "其他",
                "总计",
            ],
            vec![
                "一、本年新收政府信息公开申请数量",
                "1",
                "0",
                "0",
                "0",
                "0",
                "0",
                "1",
            ],
        ]);
        let second = Grid::from_text_rows(vec![
            vec!["四、结转下年度继续办理", "0", "0", "0", "0", "0", "0", "0"],
            vec![
                "二、上年结转政府信息公开申请数量",
                "0",
                "0",
                "0",
                "0",
                "0",
                "0",
                "0",
            ],
        ]);
        let doc = Document {
            blocks: vec![Block::Table(first), Block::Table(second)],
            ..Document::default()
        };
        let r = recognize(&doc);
        let t = r.report.applications.unwrap();
        assert!(t.row("carried_forward").is_some());
        assert!(t.row("carried_over").is_some());
        assert!(r.report.other_tables.is_empty());
    }
}
