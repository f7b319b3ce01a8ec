//! Lines to the Document IR: each run of lines goes to the table reconstructor its
//! look calls for; everything else becomes paragraphs.

use nianbao_core::ir::{Block, Document, Pos, Table};
use nianbao_core::{Diagnostic, Limits};

use crate::lines::Line;
use crate::{TxtError, tika};

/// The table layouts the reader knows, by the names recorded in `layout`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) enum Layout {
    /// Apache Tika: a tab before every cell.
    Tika,
}

impl Layout {
    /// The name recorded in the document's `layout` property.
    pub(crate) fn name(self) -> &'static str {
        match self {
            Layout::Tika => "tika",
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
}

impl Builder {
    /// Adds a paragraph for a non-blank line.
    fn paragraph(&mut self, line: &Line) {
        if !line.is_blank() {
            self.doc
                .push_paragraph(line.raw.clone(), Pos::line(line.no));
        }
    }

    /// Adds a table read in `layout`.
    fn table(&mut self, table: Table, layout: Layout) {
        if !self.layouts.contains(&layout) {
            self.layouts.push(layout);
        }
        self.doc.blocks.push(Block::Table(table));
    }

    /// Adds a diagnostic.
    pub(crate) fn diagnostic(&mut self, d: Diagnostic) {
        self.doc.diagnostics.push(d);
    }
}

/// Reads the body: tables in every layout, paragraphs between them.
pub(crate) fn build(lines: &[Line], limits: &Limits, b: &mut Builder) -> Result<(), TxtError> {
    let mut i = 0usize;
    while let Some(line) = lines.get(i) {
        if tika::is_cell_line(line) && !line.is_blank() {
            let (table, used) = tika::read_table(lines.get(i..).unwrap_or_default(), limits)?;
            b.table(table, Layout::Tika);
            i += used.max(1);
            continue;
        }
        b.paragraph(line);
        i += 1;
    }
    Ok(())
}
