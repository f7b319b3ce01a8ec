//! The data files for analysts: one row per table cell (`cells.csv`), one row per
//! rule instance (`findings.csv`), one row per cross-year or duplicate comparison
//! (`cross_year.csv`). Each report's rows are made as text by the worker that read it
//! and copied in source order at the end.

use std::io::{self, Write};

use nianbao::model::CellValue;
use nianbao::rules::{Finding, Status, Term};
use nianbao::{Analysis, Number, TableKind};

use crate::csv::write_record;

/// The header of cells.csv.
pub const CELLS_HEADER: [&str; 12] = [
    "source",
    "agency",
    "year",
    "table",
    "table_format",
    "row",
    "column",
    "path",
    "label",
    "value",
    "verbatim",
    "kind",
];

/// The header of findings.csv.
pub const FINDINGS_HEADER: [&str; 13] = [
    "source",
    "agency",
    "year",
    "rule",
    "instance",
    "status",
    "soft",
    "left",
    "right",
    "left_terms",
    "right_terms",
    "stated",
    "sentence",
];

/// The header of cross_year.csv.
pub const CROSS_YEAR_HEADER: [&str; 11] = [
    "agency",
    "year",
    "previous_year",
    "rule",
    "column",
    "status",
    "left",
    "right",
    "source",
    "previous_source",
    "note",
];

/// The cells.csv rows of a report: every cell of its three tables, in table, row and
/// column order.
pub fn cell_rows<W: Write>(out: &mut W, source: &str, analysis: &Analysis) -> io::Result<()> {
    let report = &analysis.report;
    let agency = report.meta.agency.as_deref().unwrap_or_default();
    let year = report.meta.year.map(|y| y.to_string()).unwrap_or_default();
    for kind in TableKind::ALL {
        let Some(table) = report.table(kind) else {
            continue;
        };
        let format = table.format.map_or("", |f| f.as_str());
        for (i, row) in table.rows.iter().enumerate() {
            let row_key = row
                .key
                .as_deref()
                .map_or_else(|| format!("rows[{i}]"), str::to_owned);
            for (column, cell) in &row.cells {
                let (value, kind_word) = match &cell.value {
                    CellValue::Number(n) => (n.to_string(), "number"),
                    CellValue::Blank => (String::new(), "blank"),
                    CellValue::Placeholder => (String::new(), "placeholder"),
                    CellValue::Text => (String::new(), "text"),
                };
                let verbatim = match (&cell.verbatim, &cell.value) {
                    (Some(v), _) => v.clone(),
                    (None, CellValue::Number(_)) => value.clone(),
                    (None, _) => String::new(),
                };
                let path = format!("{}.{row_key}.{column}", kind.key());
                write_record(
                    out,
                    &[
                        source,
                        agency,
                        &year,
                        kind.key(),
                        format,
                        &row_key,
                        column,
                        &path,
                        &row.label,
                        &value,
                        &verbatim,
                        kind_word,
                    ],
                )?;
            }
        }
    }
    Ok(())
}

/// The findings.csv rows of a report: every rule instance checked.
pub fn finding_rows<W: Write>(out: &mut W, source: &str, analysis: &Analysis) -> io::Result<()> {
    let meta = &analysis.report.meta;
    let agency = meta.agency.as_deref().unwrap_or_default();
    let year = meta.year.map(|y| y.to_string()).unwrap_or_default();
    for f in &analysis.findings {
        let (stated, sentence) = f
            .claim
            .as_ref()
            .map_or(("", ""), |c| (c.text.as_str(), c.sentence.as_str()));
        write_record(
            out,
            &[
                source,
                agency,
                &year,
                &f.rule,
                &f.instance,
                status_word(f.status),
                if f.soft { "true" } else { "false" },
                &number(f.left),
                &number(f.right),
                &terms(&f.left_terms),
                &terms(&f.right_terms),
                stated,
                sentence,
            ],
        )?;
    }
    Ok(())
}

/// `passed`, `failed`, `not_assessable`: the words of the JSON.
pub fn status_word(status: Status) -> &'static str {
    match status {
        Status::Passed => "passed",
        Status::Failed => "failed",
        Status::NotAssessable => "not_assessable",
    }
}

/// A number as written in the JSON, or empty.
pub fn number(n: Option<Number>) -> String {
    n.map(|n| n.to_string()).unwrap_or_default()
}

/// The terms of one side: `path=value` joined by `; ` (`path=` for a blank).
fn terms(terms: &[Term]) -> String {
    terms
        .iter()
        .map(|t| format!("{}={}", t.path, number(t.value)))
        .collect::<Vec<_>>()
        .join("; ")
}

/// One finding of the cross-year rules as a cross_year.csv row.
#[derive(Debug, Clone)]
pub struct CrossYearRow {
    /// The agency, normalized.
    pub agency: String,
    /// The later report's year.
    pub year: i32,
    /// The earlier report's year (the same year for a duplicate).
    pub previous_year: i32,
    /// The rule (`cross_year.carry`, `cross_year.in_force`, `duplicate`).
    pub rule: String,
    /// The column (a rule's instance) or, for a duplicate, the cell path.
    pub column: String,
    /// `passed`, `failed`, `not_assessable`.
    pub status: &'static str,
    /// The later report's side.
    pub left: String,
    /// The earlier report's side.
    pub right: String,
    /// The later report's source.
    pub source: String,
    /// The earlier report's source.
    pub previous_source: String,
    /// What else to know (soft rule, names merged).
    pub note: String,
}

impl CrossYearRow {
    /// The row of a finding of [`nianbao::rules::check_cross_year`].
    pub fn of_finding(f: &Finding, agency: &str, sources: (&str, &str), years: (i32, i32)) -> Self {
        CrossYearRow {
            agency: agency.to_owned(),
            year: years.1,
            previous_year: years.0,
            rule: f.rule.clone(),
            column: f.instance.clone(),
            status: status_word(f.status),
            left: number(f.left),
            right: number(f.right),
            source: sources.1.to_owned(),
            previous_source: sources.0.to_owned(),
            note: if f.soft {
                "soft: states what is expected".into()
            } else {
                String::new()
            },
        }
    }

    /// Writes the row.
    pub fn write<W: Write>(&self, out: &mut W) -> io::Result<()> {
        write_record(
            out,
            &[
                self.agency.as_str(),
                &self.year.to_string(),
                &self.previous_year.to_string(),
                &self.rule,
                &self.column,
                self.status,
                &self.left,
                &self.right,
                &self.source,
                &self.previous_source,
                &self.note,
            ],
        )
    }
}

/// A cell value as a cross_year.csv side: the number, `(blank)`, `(placeholder)`,
/// `(text)`, or `(none)` when the report has no such cell.
pub fn value_word(value: Option<&CellValue>) -> String {
    match value {
        Some(CellValue::Number(n)) => n.to_string(),
        Some(CellValue::Blank) => "(blank)".into(),
        Some(CellValue::Placeholder) => "(placeholder)".into(),
        Some(CellValue::Text) => "(text)".into(),
        None => "(none)".into(),
    }
}
