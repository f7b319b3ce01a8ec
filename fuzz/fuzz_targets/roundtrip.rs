//! The structured round trip: a random report built the way the recognizer builds one
//! (catalogue rows and columns, cells parsed from random cell text), then
//! - written to JSON and read back, which must give the same analysis;
//! - written as .docx (when the writer accepts it), which must read back without error;
//!   where a table is recognized again, every number of its catalogue cells must come
//!   back equal. (Section text, labels and verbatim cell text are normalized by the
//!   writer on purpose, and random free text can change what the recognizer sees, so
//!   only the numbers are compared.)
#![no_main]

use arbitrary::Arbitrary;
use libfuzzer_sys::fuzz_target;
use nianbao_core::catalog::{SectionKey, TableFormat, TableKind};
use nianbao_core::model::{Meta, ReportKind, Row, Section, Table};
use nianbao_core::{Analysis, Cell, Diagnostic, Limits, Number, Pos, Report};
use nianbao_docx::write::{WriteOptions, write};

/// What a cell of the source said.
#[derive(Debug, Arbitrary)]
enum CellText {
    Int(i64),
    /// A decimal: mantissa and scale (taken modulo 5).
    Decimal(i64, u8),
    /// Any text: units, annotations, placeholders, full-width digits, words.
    Text(String),
    Blank,
    Placeholder,
}

impl CellText {
    fn text(&self) -> String {
        match self {
            CellText::Int(i) => i.to_string(),
            CellText::Decimal(m, s) => Number::new(*m, s % 5)
                .map(|n| n.to_string())
                .unwrap_or_default(),
            CellText::Text(t) => t.clone(),
            CellText::Blank => String::new(),
            CellText::Placeholder => "—".to_owned(),
        }
    }
}

#[derive(Debug, Arbitrary)]
struct TableInput {
    trial_2019: bool,
    /// Cells in catalogue order (rows, then columns); missing ones are blank.
    cells: Vec<CellText>,
    /// Catalogue rows left out (by index).
    dropped: Vec<u8>,
    /// Rows outside the catalogue: printed label and cells.
    extra_rows: Vec<(String, Vec<CellText>)>,
    notes: Vec<String>,
}

#[derive(Debug, Arbitrary)]
struct Input {
    title: Option<String>,
    agency: Option<String>,
    year: Option<i32>,
    year_text: Option<String>,
    legacy: bool,
    preamble: Vec<String>,
    sections: Vec<(u8, String, Vec<String>)>,
    tables: [Option<TableInput>; 3],
    other_tables: Vec<Vec<Vec<String>>>,
    diagnostics: Vec<(String, String, Option<u32>)>,
}

fn table(kind: TableKind, input: &TableInput) -> Table {
    let format = match kind {
        TableKind::ReviewLitigation => None,
        _ if input.trial_2019 => Some(TableFormat::Trial2019),
        _ => Some(TableFormat::Format2021),
    };
    let mut t = Table::new(kind, format);
    let mut texts = input.cells.iter();
    let specs = kind.rows(format);
    for (i, spec) in specs.iter().enumerate() {
        if input.dropped.iter().any(|d| usize::from(*d) == i) {
            continue;
        }
        let cells = spec
            .columns
            .iter()
            .map(|col| {
                let text = texts.next().map(CellText::text).unwrap_or_default();
                (col.key.into(), Cell::parse(&text, col.kind))
            })
            .collect();
        let mut row = Row::new(Some(spec.key), spec.label);
        row.cells = cells;
        t.rows.push(row);
    }
    let columns = specs.first().map(|s| s.columns).unwrap_or_default();
    for (label, cells) in &input.extra_rows {
        let cells = columns
            .iter()
            .zip(cells)
            .map(|(col, c)| (col.key.into(), Cell::parse(&c.text(), col.kind)))
            .collect();
        let mut row = Row::new(None, label.clone());
        row.cells = cells;
        t.rows.push(row);
    }
    t.notes = input.notes.clone();
    t
}

fn report(input: &Input) -> Report {
    let mut report = Report::default();
    let mut meta = Meta::default().with_kind(if input.legacy {
        ReportKind::Legacy
    } else {
        ReportKind::National
    });
    meta.title = input.title.clone();
    meta.agency = input.agency.clone();
    meta.year = input.year;
    meta.year_text = input.year_text.clone();
    report.meta = meta;
    report.preamble = input.preamble.clone();
    report.other_tables = input.other_tables.clone();
    for (k, heading, paragraphs) in &input.sections {
        let key = SectionKey::ALL[usize::from(*k) % SectionKey::ALL.len()];
        let mut section = Section::new(key, heading.clone());
        section.paragraphs = paragraphs.clone();
        report.sections.push(section);
    }
    for (kind, t) in TableKind::ALL.into_iter().zip(&input.tables) {
        if let Some(t) = t {
            *report.table_slot(kind) = Some(table(kind, t));
        }
    }
    report
}

fuzz_target!(|input: Input| {
    let report = report(&input);
    let findings = nianbao_core::rules::check(&report);
    let diagnostics = input
        .diagnostics
        .iter()
        .map(|(code, message, line)| {
            Diagnostic::warning(code, message.clone(), line.map(Pos::line))
        })
        .collect();
    let analysis = Analysis::new(report, findings, diagnostics);
    let json = nianbao_json::to_string(&analysis);
    match nianbao_json::from_str(&json) {
        Ok(back) => assert_eq!(
            back, analysis,
            "JSON round trip changed the analysis\n{json}"
        ),
        Err(e) => panic!("JSON we wrote does not read back: {e}\n{json}"),
    }
    docx_round_trip(&analysis.report);
});

fn docx_round_trip(report: &Report) {
    let Ok(bytes) = write(report, &WriteOptions::default()) else {
        return;
    };
    let doc = match nianbao_docx::read(&bytes, &Limits::default()) {
        Ok(doc) => doc,
        Err(e) => panic!("the .docx we wrote does not read back: {e}"),
    };
    let back = nianbao_core::recognize(&doc).report;
    for kind in TableKind::ALL {
        let (Some(source), Some(read)) = (report.table(kind), back.table(kind)) else {
            continue;
        };
        for row in source.rows.iter().filter(|r| r.key.is_some()) {
            let key = row.key.as_deref().unwrap_or_default();
            for (col, cell) in &row.cells {
                if let Some(n) = cell.as_number() {
                    let got = read.number(key, col);
                    assert_eq!(
                        got,
                        Some(n),
                        "{}.{key}.{col}: wrote {n}, read back {got:?}",
                        kind.key()
                    );
                }
            }
        }
    }
}
