//! Writing a [`Report`] as a clean .docx: the official layout of its format, typeset
//! as a Chinese official document (GB/T 9704-2012).
//!
//! What is written, in order: the title lines (方正小标宋简体 二号, centered), the
//! rest of the preamble, then the six sections in canonical order and wording (a
//! section the source lacks is written with its heading and no text), each table
//! right after its section's paragraphs (二 → table 2, 三 → table 3, 四 → table 4),
//! the tables that are none of the three after section 六, and, when asked for, the
//! findings appendix.
//!
//! Tables use the labels of the reference (`docs/REFERENCE.md`) and the merges of the official template; rows
//! the source lacks are written blank at their template place, extra rows of the
//! source stay where they were, notes (`注：…`) are rows across the table. Numbers
//! are printed as normalized (see [`cell_text`]), blank cells blank,
//! placeholders and text as in the source.

mod appendix;
mod package;
mod style;
mod tables;
mod text;

use std::io::Cursor;

use docx_rs::{AlignmentType, Docx, Footer, PageNum, Paragraph, SpecialIndentType};
use nianbao_core::rules::Finding;
use nianbao_core::{Report, SectionKey, TableKind};

pub use appendix::HEADING as APPENDIX_HEADING;
pub use tables::HEADER_NOTE;
pub use text::cell_text;

/// What to write besides the report.
#[derive(Debug, Clone, Default, PartialEq)]
#[non_exhaustive]
pub struct WriteOptions {
    /// Findings of the consistency rules (from [`nianbao_core::rules::check`]): when
    /// set, the failed ones are listed in a short appendix after section 六.
    pub findings_appendix: Option<Vec<Finding>>,
}

impl WriteOptions {
    /// Lists the failed findings in an appendix after section 六.
    pub fn with_findings_appendix(mut self, findings: Vec<Finding>) -> Self {
        self.findings_appendix = Some(findings);
        self
    }
}

/// Why a report could not be written.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum DocxWriteError {
    /// A text holds a character XML 1.0 forbids (a control character such as U+000C).
    #[error(
        "{place}: the character U+{code:04X} cannot be written to a .docx (XML 1.0 forbids it)"
    )]
    InvalidCharacter {
        /// Where the text is in the report (`section overview, paragraph 3`).
        place: String,
        /// The character's code point.
        code: u32,
    },
    /// Packing the parts into the zip failed.
    #[error("packing the .docx failed: {source}")]
    Package {
        /// The cause.
        #[source]
        source: Box<dyn std::error::Error + Send + Sync>,
    },
}

impl From<DocxWriteError> for nianbao_core::Error {
    /// [`Error::Write`](nianbao_core::Error::Write), with the place of a forbidden
    /// character; name the output with [`with_file`](nianbao_core::Error::with_file).
    fn from(e: DocxWriteError) -> Self {
        let detail = e.to_string();
        let place = match e {
            DocxWriteError::InvalidCharacter { place, .. } => Some(place),
            DocxWriteError::Package { .. } => None,
        };
        nianbao_core::Error::Write {
            file: nianbao_core::UNNAMED.to_owned(),
            place,
            detail,
        }
    }
}

/// Writes a report as a .docx and returns its bytes. The same report and options
/// always give the same bytes.
///
/// ```
/// use nianbao_core::Report;
/// use nianbao_docx::write::{write, WriteOptions};
///
/// let mut report = Report::default();
/// report.preamble = vec!["示例县2021年政府信息公开工作年度报告".to_owned()];
/// report.meta.title = Some(report.preamble[0].clone());
/// let bytes = write(&report, &WriteOptions::default()).unwrap();
/// assert!(bytes.starts_with(b"PK\x03\x04"));
/// ```
///
/// # Errors
///
/// [`DocxWriteError::InvalidCharacter`] when a text holds a character XML 1.0 forbids
/// (naming its place in the report), [`DocxWriteError::Package`] when packing fails.
pub fn write(report: &Report, options: &WriteOptions) -> Result<Vec<u8>, DocxWriteError> {
    validate(report)?;
    let mut docx = Docx::new()
        .styles(style::styles())
        .page_size(style::PAGE_WIDTH, style::PAGE_HEIGHT)
        .page_margin(style::page_margin())
        .footer(page_number(AlignmentType::Right))
        .even_footer(page_number(AlignmentType::Left));

    let title_lines = title_lines(report);
    if title_lines == 0
        && let Some(title) = &report.meta.title
    {
        // Spaced as a one-line title in the preamble is, so that what is read back
        // (the title now its first line) is written the same.
        docx = docx.add_paragraph(title_line(title, true));
    }
    for (i, p) in report.preamble.iter().enumerate() {
        docx = docx.add_paragraph(if i < title_lines {
            title_line(p, i + 1 == title_lines)
        } else {
            text::body(p)
        });
    }
    let mut ends_with_table = false;
    for key in SectionKey::ALL {
        docx = docx.add_paragraph(text::styled(style::id::HEADING1, key.heading()).keep_next(true));
        for section in report.sections.iter().filter(|s| s.key == key) {
            for p in &section.paragraphs {
                docx = docx.add_paragraph(text::body(p));
            }
        }
        ends_with_table = false;
        let table = match key {
            SectionKey::ActiveDisclosure => report
                .table(TableKind::ActiveDisclosure)
                .map(tables::active_disclosure),
            SectionKey::Applications => report
                .table(TableKind::Applications)
                .map(tables::applications),
            SectionKey::ReviewLitigation => report
                .table(TableKind::ReviewLitigation)
                .map(tables::review_litigation),
            _ => None,
        };
        if let Some(table) = table {
            docx = docx.add_table(table);
            ends_with_table = true;
        }
    }
    for grid in &report.other_tables {
        if let Some(table) = tables::plain(grid) {
            if ends_with_table {
                docx = docx.add_paragraph(tables::spacer());
            }
            docx = docx.add_table(table);
            ends_with_table = true;
        }
    }
    if let Some(findings) = &options.findings_appendix {
        docx = docx.add_paragraph(text::styled(style::id::HEADING1, appendix::HEADING));
        for p in appendix::paragraphs(findings) {
            docx = docx.add_paragraph(text::body(&p));
        }
        ends_with_table = false;
    }
    if ends_with_table {
        docx = docx.add_paragraph(tables::spacer());
    }

    let mut xml = docx.build();
    xml.doc_props.core = package::core_xml(report.meta.title.as_deref());
    xml.doc_props.app = package::app_xml(nianbao_core::GENERATOR);
    xml.font_table = package::font_table_xml();
    let mut stored = Cursor::new(Vec::new());
    xml.pack(&mut stored).map_err(|e| DocxWriteError::Package {
        source: Box::new(e),
    })?;
    package::deflate(stored.get_ref()).map_err(|e| DocxWriteError::Package {
        source: Box::new(e),
    })
}

/// How many preamble paragraphs are the title: the shortest run of leading lines that
/// joined give `meta.title` (white space aside), or 0.
fn title_lines(report: &Report) -> usize {
    let Some(title) = report.meta.title.as_deref() else {
        return 0;
    };
    let squeeze = |s: &str| s.chars().filter(|c| !c.is_whitespace()).collect::<String>();
    let title = squeeze(title);
    let mut joined = String::new();
    for (i, line) in report.preamble.iter().enumerate() {
        joined.push_str(&squeeze(line));
        if joined == title {
            return i + 1;
        }
        if !title.starts_with(&joined) {
            break;
        }
    }
    0
}

/// A title line; the last one keeps a blank line of body height below it.
fn title_line(line: &str, last: bool) -> Paragraph {
    let p = text::styled(style::id::TITLE, line);
    if last {
        p.line_spacing(
            docx_rs::LineSpacing::new()
                .line_rule(docx_rs::LineSpacingType::Exact)
                .line(style::LINE_TITLE)
                .after(style::LINE_BODY as u32),
        )
    } else {
        p
    }
}

/// The footer: `— 1 —`, on the right of odd pages and the left of even pages, one
/// character in from the margin.
fn page_number(side: AlignmentType) -> Footer {
    let indent = style::INDENT_PAGE_NUMBER;
    let p = Paragraph::new()
        .style(style::id::FOOTER)
        .align(side)
        .add_run(docx_rs::Run::new().add_text("— "))
        .add_page_num(PageNum::new())
        .add_run(docx_rs::Run::new().add_text(" —"));
    let p = match side {
        AlignmentType::Left => p.indent(Some(indent), None::<SpecialIndentType>, None, None),
        _ => p.indent(Some(0), None, Some(indent), None),
    };
    Footer::new().add_paragraph(p)
}

/// Checks that every text of the report can be written.
fn validate(report: &Report) -> Result<(), DocxWriteError> {
    fn check(text: &str, place: impl FnOnce() -> String) -> Result<(), DocxWriteError> {
        match text.chars().find(|c| !text::is_xml_char(*c)) {
            Some(c) => Err(DocxWriteError::InvalidCharacter {
                place: place(),
                code: u32::from(c),
            }),
            None => Ok(()),
        }
    }
    if let Some(title) = &report.meta.title {
        check(title, || "the title".to_owned())?;
    }
    for (i, p) in report.preamble.iter().enumerate() {
        check(p, || format!("preamble, paragraph {}", i + 1))?;
    }
    for s in &report.sections {
        for (i, p) in s.paragraphs.iter().enumerate() {
            check(p, || {
                format!("section {}, paragraph {}", s.key.key(), i + 1)
            })?;
        }
    }
    for table in TableKind::ALL.into_iter().filter_map(|k| report.table(k)) {
        let t = table.kind.key();
        for (i, note) in table.notes.iter().enumerate() {
            check(note, || format!("table {t}, note {}", i + 1))?;
        }
        for (r, row) in table.rows.iter().enumerate() {
            let name = || match &row.key {
                Some(key) => key.to_string(),
                None => format!("row {}", r + 1),
            };
            check(&row.label, || format!("table {t}, {}, label", name()))?;
            for (col, cell) in &row.cells {
                check(&text::cell_text(cell), || {
                    format!("table {t}, {}, column {col}", name())
                })?;
            }
        }
    }
    for (n, grid) in report.other_tables.iter().enumerate() {
        for (r, row) in grid.iter().enumerate() {
            for (c, cell) in row.iter().enumerate() {
                check(cell, || {
                    format!("other table {}, row {}, cell {}", n + 1, r + 1, c + 1)
                })?;
            }
        }
    }
    Ok(())
}
