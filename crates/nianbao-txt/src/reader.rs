//! Lines to the Document IR: each run of lines goes to the table reconstructor its
//! look calls for; everything else becomes paragraphs.

use nianbao_core::ir::{Block, Document, Paragraph, Pos, Table};
use nianbao_core::{Diagnostic, Limits};

use crate::lines::Line;
use crate::regions::{RegionKind, markdown_heading, table_region};
use crate::vocabulary::Vocabulary;
use crate::{TxtError, cellwise, crawl, layout, pipe, tika};

/// The table layouts the reader knows, by the names recorded in `layout`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) enum Layout {
    /// Apache Tika: a tab before every cell.
    Tika,
    /// `pdftotext -layout`: cells separated by runs of spaces.
    Pdftotext,
    /// One cell per line (plain `pdftotext`, web copy-paste).
    CellPerLine,
    /// Markdown tables.
    Markdown,
    /// `|`-separated rows without Markdown separator lines.
    Pipe,
    /// A whole report collapsed onto one line by a crawler, cells glued.
    Collapsed,
}

impl Layout {
    /// The name recorded in the document's `layout` property.
    pub(crate) fn name(self) -> &'static str {
        match self {
            Layout::Tika => "tika",
            Layout::Pdftotext => "pdftotext-layout",
            Layout::CellPerLine => "cell-per-line",
            Layout::Markdown => "markdown",
            Layout::Pipe => "pipe",
            Layout::Collapsed => "collapsed",
        }
    }
}

/// Builds the document body from lines.
#[derive(Debug, Default)]
pub(crate) struct Builder {
    /// The document being built.
    pub doc: Document,
    /// The layouts of the tables found, in order of first use.
    pub layouts: Vec<Layout>,
    /// Cells in the tables added so far.
    cells: u64,
}

impl Builder {
    /// Adds a paragraph for a non-blank line (a Markdown heading loses its `#`s).
    fn paragraph(&mut self, line: &Line) {
        if line.is_blank() {
            return;
        }
        let (text, heading_level) = match markdown_heading(line) {
            Some((level, text)) => (text.to_owned(), Some(level)),
            None => (line.raw.to_string(), None),
        };
        self.doc.blocks.push(Block::Paragraph(
            Paragraph::new(text, Pos::line(line.no)).with_heading_level(heading_level),
        ));
    }

    /// Adds a table read in `layout`, checking [`Limits::max_document_cells`] for all
    /// the tables so far.
    pub(crate) fn table(
        &mut self,
        table: Table,
        layout: Layout,
        limits: &Limits,
    ) -> Result<(), TxtError> {
        let cells: usize = table.rows.iter().map(|r| r.cells.len()).sum();
        self.cells = self
            .cells
            .saturating_add(u64::try_from(cells).unwrap_or(u64::MAX));
        if self.cells > limits.max_document_cells {
            return Err(TxtError::LimitExceeded {
                limit: "max_document_cells",
                actual: self.cells,
                max: limits.max_document_cells,
                line: table.pos.line.unwrap_or(1),
            });
        }
        if !self.layouts.contains(&layout) {
            self.layouts.push(layout);
        }
        self.doc.blocks.push(Block::Table(table));
        Ok(())
    }

    /// Adds a diagnostic.
    pub(crate) fn diagnostic(&mut self, d: Diagnostic) {
        self.doc.diagnostics.push(d);
    }
}

/// Reads the body: tables in every layout, paragraphs between them.
pub(crate) fn build(lines: &[Line], limits: &Limits, b: &mut Builder) -> Result<(), TxtError> {
    let vocab = Vocabulary::new();
    let mut i = 0usize;
    if let Some((used, properties)) = crawl::header(lines) {
        b.doc.properties.extend(properties);
        i = used;
    }
    while let Some(line) = lines.get(i) {
        if crawl::is_collapsed(line) {
            crawl::read(line, limits, b)?;
            i += 1;
            continue;
        }
        if tika::is_cell_line(line) && !line.is_blank() {
            let (table, used) = tika::read_table(lines.get(i..).unwrap_or_default(), limits)?;
            b.table(table, Layout::Tika, limits)?;
            i += used.max(1);
            continue;
        }
        if let Some((end, kind)) = table_region(lines, i) {
            let region = lines.get(i..end).unwrap_or_default();
            let (table, layout) = match kind {
                RegionKind::Layout => (
                    layout::read_table(region, &vocab, limits)?,
                    Layout::Pdftotext,
                ),
                RegionKind::Cells => (
                    cellwise::read_table(region, &vocab, limits, &mut b.doc.diagnostics)?,
                    Layout::CellPerLine,
                ),
                RegionKind::Pipe => {
                    let markdown = region.iter().any(|l| {
                        let t = l.text.trim();
                        t.contains("---") && t.chars().all(|c| matches!(c, '|' | '-' | ':' | ' '))
                    });
                    (
                        pipe::read_table(region, limits)?,
                        if markdown {
                            Layout::Markdown
                        } else {
                            Layout::Pipe
                        },
                    )
                }
            };
            b.table(table, layout, limits)?;
            i = end.max(i + 1);
            continue;
        }
        b.paragraph(line);
        i += 1;
    }
    Ok(())
}
