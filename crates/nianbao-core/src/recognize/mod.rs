//! The recognizer: Document → Report. Format-blind: it sees paragraphs and grids.
//!
//! Sections are found by their heading text ([`sections`]), tables by their labels
//! ([`classify`]), rows by label keys tolerant of the drift of real reports
//! ([`rows`]). Every guess is a [`Diagnostic`] with a stable code and a place.

mod active_disclosure;
mod applications;
pub mod classify;
mod meta;
mod review_litigation;
pub mod rows;
pub mod sections;

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
    let mut report = Report {
        meta: meta::read_meta(&collector.preamble, &doc.properties),
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
