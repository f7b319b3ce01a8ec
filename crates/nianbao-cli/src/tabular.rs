//! The data files for analysts: one row per table cell (`cells.csv`), one row per
//! rule instance (`findings.csv`), one row per cross-year or duplicate comparison
//! (`cross_year.csv`). Each report's rows are made as text by the worker that read it
//! and copied in source order at the end.

use std::fmt::Write as _;
use std::io::{self, Write};

use nianbao::model::CellValue;
use nianbao::rules::{Finding, Status};
use nianbao::{Analysis, Number, TableKind};

use crate::csv::{push_field, write_record};

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

/// The start of every row of a report: source, agency and year, each a field, and the
/// separator after them (written once a report, not once a cell).
fn row_prefix(source: &str, analysis: &Analysis) -> String {
    let meta = &analysis.report.meta;
    let mut prefix = String::new();
    push_field(&mut prefix, source);
    prefix.push(',');
    push_field(&mut prefix, meta.agency.as_deref().unwrap_or_default());
    prefix.push(',');
    if let Some(year) = meta.year {
        let _ = write!(prefix, "{year}");
    }
    prefix.push(',');
    prefix
}

/// The cells.csv rows of a report (every cell of its three tables, in table, row and
/// column order) into `rows`, and into `values` one line a cell, `path\tkind\tvalue`,
/// for comparing reports of one year without reading them again ([`parse_values`]).
pub fn cell_rows(rows: &mut String, values: &mut String, source: &str, analysis: &Analysis) {
    let prefix = row_prefix(source, analysis);
    let report = &analysis.report;
    for kind in TableKind::ALL {
        let Some(table) = report.table(kind) else {
            continue;
        };
        let format = table.format.map_or("", |f| f.as_str());
        for (i, row) in table.rows.iter().enumerate() {
            let extra;
            let row_key = match row.key.as_deref() {
                Some(key) => key,
                None => {
                    extra = format!("rows[{i}]");
                    &extra
                }
            };
            for (column, cell) in &row.cells {
                // Keys are identifiers of the catalogue (letters, digits, `_`, `.`,
                // `[]`): no field of theirs needs quoting.
                rows.push_str(&prefix);
                for field in [kind.key(), format, row_key, column] {
                    rows.push_str(field);
                    rows.push(',');
                }
                let path_at = rows.len();
                let _ = write!(rows, "{}.{row_key}.{column}", kind.key());
                let path_end = rows.len();
                rows.push(',');
                push_field(rows, &row.label);
                rows.push(',');
                let value_at = rows.len();
                let word = match &cell.value {
                    CellValue::Number(n) => {
                        let _ = write!(rows, "{n}");
                        "number"
                    }
                    CellValue::Blank => "blank",
                    CellValue::Placeholder => "placeholder",
                    CellValue::Text => "text",
                };
                let value_end = rows.len();
                rows.push(',');
                match &cell.verbatim {
                    Some(v) => push_field(rows, v),
                    None => rows.extend_from_within(value_at..value_end),
                }
                rows.push(',');
                rows.push_str(word);
                rows.push_str("\r\n");
                values.extend(rows.get(path_at..path_end));
                values.push('\t');
                values.push_str(word);
                values.push('\t');
                values.extend(rows.get(value_at..value_end));
                values.push('\n');
            }
        }
    }
}

/// The (path, value) pairs of what [`cell_rows`] wrote into `values`.
pub fn parse_values(text: &str) -> Vec<(String, CellValue)> {
    text.lines()
        .filter_map(|line| {
            let mut parts = line.split('\t');
            let (path, word, value) = (parts.next()?, parts.next()?, parts.next()?);
            let value = match word {
                "number" => CellValue::Number(value.parse().ok()?),
                "blank" => CellValue::Blank,
                "placeholder" => CellValue::Placeholder,
                _ => CellValue::Text,
            };
            Some((path.to_owned(), value))
        })
        .collect()
}

/// The findings.csv rows of a report: every rule instance checked.
pub fn finding_rows(rows: &mut String, source: &str, analysis: &Analysis) {
    let prefix = row_prefix(source, analysis);
    for f in &analysis.findings {
        rows.push_str(&prefix);
        for field in [f.rule.as_str(), &f.instance] {
            push_field(rows, field);
            rows.push(',');
        }
        rows.push_str(status_word(f.status));
        rows.push_str(if f.soft { ",true," } else { ",false," });
        for n in [f.left, f.right] {
            if let Some(n) = n {
                let _ = write!(rows, "{n}");
            }
            rows.push(',');
        }
        // Paths are catalogue identifiers and values numbers: no quoting needed.
        for (i, side) in [&f.left_terms, &f.right_terms].into_iter().enumerate() {
            for (j, t) in side.iter().enumerate() {
                if j > 0 {
                    rows.push_str("; ");
                }
                rows.push_str(&t.path);
                rows.push('=');
                if let Some(v) = t.value {
                    let _ = write!(rows, "{v}");
                }
            }
            if i == 0 {
                rows.push(',');
            }
        }
        let (stated, sentence) = f
            .claim
            .as_ref()
            .map_or(("", ""), |c| (c.text.as_str(), c.sentence.as_str()));
        rows.push(',');
        push_field(rows, stated);
        rows.push(',');
        push_field(rows, sentence);
        rows.push_str("\r\n");
    }
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
    /// How it went.
    pub status: Status,
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
    /// A row with no sides and no note yet: `years` and `sources` are (earlier, later).
    pub fn new(
        agency: &str,
        years: (i32, i32),
        sources: (&str, &str),
        rule: &str,
        column: &str,
        status: Status,
    ) -> Self {
        CrossYearRow {
            agency: agency.to_owned(),
            year: years.1,
            previous_year: years.0,
            rule: rule.to_owned(),
            column: column.to_owned(),
            status,
            left: String::new(),
            right: String::new(),
            source: sources.1.to_owned(),
            previous_source: sources.0.to_owned(),
            note: String::new(),
        }
    }

    /// The row of a finding of [`nianbao::rules::check_cross_year`].
    pub fn of_finding(f: &Finding, agency: &str, sources: (&str, &str), years: (i32, i32)) -> Self {
        let mut row = CrossYearRow::new(agency, years, sources, &f.rule, &f.instance, f.status);
        row.left = number(f.left);
        row.right = number(f.right);
        if f.soft {
            row.note = "soft: states what is expected".into();
        }
        row
    }

    /// The line of the batch's index page.
    pub fn to_view_line(&self) -> nianbao::view::CrossYearLine {
        let mut line = nianbao::view::CrossYearLine::new(
            &self.agency,
            self.year,
            self.previous_year,
            &self.rule,
            &self.column,
            self.status,
        );
        line.left = self.left.clone();
        line.right = self.right.clone();
        line.source = self.source.clone();
        line.previous_source = self.previous_source.clone();
        line.note = self.note.clone();
        line
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
                status_word(self.status),
                &self.left,
                &self.right,
                &self.source,
                &self.previous_source,
                &self.note,
            ],
        )
    }
}

/// A cell value as a cross_year.csv side: the value as `CellValue` shows it, or
/// `(none)` when the report has no such cell.
pub fn value_word(value: Option<&CellValue>) -> String {
    value.map_or_else(|| "(none)".into(), CellValue::to_string)
}

#[cfg(test)]
mod tests {
    use super::*;
    use nianbao::model::{Row, Table};
    use nianbao::{Cell, TableFormat};

    fn analysis() -> Analysis {
        let mut t = Table::new(TableKind::ActiveDisclosure, Some(TableFormat::Format2021));
        t.rows.push(
            Row::new(Some("regulations"), "规章, 含\"修订\"")
                .with_cell("issued", Cell::number(Number::from(2)))
                .with_cell("repealed", Cell::BLANK),
        );
        let mut extra = Cell::BLANK;
        extra.value = CellValue::Text;
        extra.verbatim = Some("=1+1".into());
        t.rows
            .push(Row::new(None, "其他").with_cell("issued", extra));
        let mut a = Analysis::default();
        a.report.meta.agency = Some("示例县,人民政府".into());
        a.report.meta.year = Some(2023);
        a.report.active_disclosure = Some(t);
        a
    }

    #[test]
    fn cell_rows_quote_what_needs_it_and_keep_the_values() {
        let (mut rows, mut values) = (String::new(), String::new());
        cell_rows(&mut rows, &mut values, "a.txt", &analysis());
        let lines: Vec<&str> = rows.split_terminator("\r\n").collect();
        assert_eq!(
            lines,
            [
                "a.txt,\"示例县,人民政府\",2023,active_disclosure,2021,regulations,issued,\
                 active_disclosure.regulations.issued,\"规章, 含\"\"修订\"\"\",2,2,number",
                "a.txt,\"示例县,人民政府\",2023,active_disclosure,2021,regulations,repealed,\
                 active_disclosure.regulations.repealed,\"规章, 含\"\"修订\"\"\",,,blank",
                "a.txt,\"示例县,人民政府\",2023,active_disclosure,2021,rows[1],issued,\
                 active_disclosure.rows[1].issued,其他,,\"'=1+1\",text",
            ]
        );
        assert_eq!(
            parse_values(&values),
            [
                (
                    "active_disclosure.regulations.issued".to_owned(),
                    CellValue::Number(Number::from(2))
                ),
                (
                    "active_disclosure.regulations.repealed".to_owned(),
                    CellValue::Blank
                ),
                (
                    "active_disclosure.rows[1].issued".to_owned(),
                    CellValue::Text
                ),
            ]
        );
    }

    #[test]
    fn finding_rows_list_both_sides() {
        let mut a = analysis();
        let term =
            |path: &str, v: Option<i64>| nianbao::rules::Term::new(path, v.map(Number::from));
        a.findings.push(nianbao::rules::Finding::evaluate(
            "applications.balance",
            "total",
            vec![term("x.a", Some(1)), term("x.b", None)],
            vec![term("x.c", Some(1))],
        ));
        let mut rows = String::new();
        finding_rows(&mut rows, "a.txt", &a);
        assert_eq!(
            rows,
            "a.txt,\"示例县,人民政府\",2023,applications.balance,total,not_assessable,false,,1,\
             x.a=1; x.b=,x.c=1,,\r\n"
        );
    }
}
