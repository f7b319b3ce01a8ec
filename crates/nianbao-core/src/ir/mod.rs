//! The Document IR: what every reader produces and the recognizer consumes.
//!
//! # The contract for a new adapter
//!
//! A reader (docx, text, HTML, …) turns its bytes into a [`Document`]: the body of the
//! report as a flat sequence of [`Block`]s in reading order. Nothing else is needed for
//! recognition; the recognizer never sees a file format.
//!
//! - **Paragraphs** carry their text as the reader of the document sees it: automatic
//!   numbering rendered (`一、总体情况`), fields showing their result, bookmarks and
//!   markup markers removed. Keep leading indentation (U+3000, NBSP) as it is: the
//!   recognizer trims it. A paragraph with no text may be dropped or kept; both are fine.
//! - **Tables** are logical grids ([`Table`]): rows of [`Cell`]s, each cell placed at its
//!   first grid column with its column and row span. A cell covered by a vertical merge
//!   is **not** repeated: only the cell that starts the merge is in the grid, with
//!   `row_span > 1`. A cell's text joins its paragraphs with `'\n'`.
//! - Where the source cannot tell spans (text dumps that drop merged cells), put the
//!   cells one after another with `col` counting up from 0 and spans of 1, and set
//!   [`Table::spans_known`] to `false`: the recognizer then maps values by their order
//!   among a row's value cells.
//! - Every block and cell carries a [`Pos`]: a line for text, a part name and byte
//!   offset for XML. Diagnostics point there.
//! - Text outside the body (headers, footers, footnotes, comments) is not part of the
//!   Document. Document properties go into [`Document::properties`].
//! - A table nested inside a cell stays in [`Cell::nested`]; it is not flattened into
//!   the parent row.

mod pos;

pub use pos::Pos;

use std::collections::BTreeMap;

/// A document as read from its source, before recognition.
///
/// `#[non_exhaustive]`: start from `Document::default()` and push blocks.
///
/// ```
/// use nianbao_core::ir::{Block, Cell, Document, Paragraph, Pos, Row, Table};
/// let mut doc = Document::default();
/// doc.push_paragraph("一、总体情况", Pos::line(1));
/// doc.blocks.push(Block::Paragraph(
///     Paragraph::new("二、主动公开政府信息情况", Pos::line(2)).with_heading_level(Some(1)),
/// ));
/// let header = Row::new(vec![Cell::new("行政复议", 0, Pos::line(3)).with_spans(5, 1)], Pos::line(3))
///     .with_header(true);
/// doc.blocks.push(Block::Table(Table::new(Pos::line(3)).with_rows(vec![header])));
/// assert_eq!(doc.tables().count(), 1);
/// ```
#[derive(Debug, Clone, Default, PartialEq)]
#[non_exhaustive]
pub struct Document {
    /// The body, in reading order.
    pub blocks: Vec<Block>,
    /// Document properties where the format has them (title, author, created, …),
    /// and what the reader found out about the source (`encoding`, `layout`, …).
    pub properties: BTreeMap<String, String>,
    /// Things the reader noticed but could still read around, with stable codes.
    pub diagnostics: Vec<crate::Diagnostic>,
}

/// One block of the body: a paragraph or a table.
#[derive(Debug, Clone, PartialEq)]
pub enum Block {
    /// A paragraph of text (a heading is a paragraph too).
    Paragraph(Paragraph),
    /// A table as a logical grid.
    Table(Table),
}

/// A paragraph of body text.
///
/// `#[non_exhaustive]`: build it with [`Paragraph::new`].
#[derive(Debug, Clone, Default, PartialEq)]
#[non_exhaustive]
pub struct Paragraph {
    /// The text as a reader of the document sees it.
    pub text: String,
    /// The heading level the source declares (Word outline level or `<h1>`…), if any.
    pub heading_level: Option<u8>,
    /// Where the paragraph starts in the source.
    pub pos: Pos,
}

/// A table as a logical grid of rows and cells.
///
/// `#[non_exhaustive]`: build it with [`Table::new`] (or [`Table::from_text_rows`]).
#[derive(Debug, Clone, Default, PartialEq)]
#[non_exhaustive]
pub struct Table {
    /// The rows, top to bottom.
    pub rows: Vec<Row>,
    /// Whether `col`, `col_span` and `row_span` of the cells are real grid positions.
    /// Text dumps that drop merged cells set this to `false`.
    pub spans_known: bool,
    /// Where the table starts in the source.
    pub pos: Pos,
}

/// A row of a table.
///
/// `#[non_exhaustive]`: build it with [`Row::new`].
#[derive(Debug, Clone, Default, PartialEq)]
#[non_exhaustive]
pub struct Row {
    /// The cells that start in this row, left to right.
    pub cells: Vec<Cell>,
    /// Whether the source marks this row as a header repeated on each page.
    pub is_header: bool,
    /// Where the row starts in the source.
    pub pos: Pos,
}

/// A cell that starts in its row.
///
/// `#[non_exhaustive]`: build it with [`Cell::new`] and the `with_*` methods.
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub struct Cell {
    /// The text: paragraphs joined by `'\n'`, markers such as bookmarks removed.
    pub text: String,
    /// The first grid column the cell covers (0-based).
    pub col: u32,
    /// How many grid columns the cell covers (at least 1).
    pub col_span: u32,
    /// How many rows the cell covers, itself included (at least 1).
    pub row_span: u32,
    /// Tables nested inside the cell.
    pub nested: Vec<Table>,
    /// Where the cell starts in the source.
    pub pos: Pos,
    /// The evidence that ties the cell's text to its row and column.
    pub provenance: crate::model::Provenance,
}

impl Cell {
    /// A cell of one grid column and one row at column `col`.
    pub fn new(text: impl Into<String>, col: u32, pos: Pos) -> Self {
        Cell {
            text: text.into(),
            col,
            col_span: 1,
            row_span: 1,
            nested: Vec::new(),
            pos,
            provenance: crate::model::Provenance::Grid,
        }
    }

    /// The same cell covering `col_span` grid columns and `row_span` rows.
    pub fn with_spans(mut self, col_span: u32, row_span: u32) -> Self {
        self.col_span = col_span;
        self.row_span = row_span;
        self
    }

    /// The same cell with tables nested inside it.
    pub fn with_nested(mut self, nested: Vec<Table>) -> Self {
        self.nested = nested;
        self
    }

    /// The same cell, its text tied to its row and column by other evidence.
    pub fn with_provenance(mut self, provenance: crate::model::Provenance) -> Self {
        self.provenance = provenance;
        self
    }
}

impl Paragraph {
    /// A paragraph with no declared heading level.
    pub fn new(text: impl Into<String>, pos: Pos) -> Self {
        Paragraph {
            text: text.into(),
            heading_level: None,
            pos,
        }
    }

    /// The same paragraph with the heading level its source declares.
    pub fn with_heading_level(mut self, heading_level: Option<u8>) -> Self {
        self.heading_level = heading_level;
        self
    }
}

impl Row {
    /// A row of cells (not a repeated header row).
    pub fn new(cells: Vec<Cell>, pos: Pos) -> Self {
        Row {
            cells,
            is_header: false,
            pos,
        }
    }

    /// The same row, marked (or not) as a header repeated on each page.
    pub fn with_header(mut self, is_header: bool) -> Self {
        self.is_header = is_header;
        self
    }
}

impl Table {
    /// An empty table whose cells will sit at real grid positions (`spans_known` is
    /// `true`, unlike `Table::default()`).
    pub fn new(pos: Pos) -> Self {
        Table {
            rows: Vec::new(),
            spans_known: true,
            pos,
        }
    }

    /// The same table with these rows.
    pub fn with_rows(mut self, rows: Vec<Row>) -> Self {
        self.rows = rows;
        self
    }

    /// The same table, saying whether its cells' `col` and spans are real grid
    /// positions (`false` for text dumps that drop merged cells).
    pub fn with_spans_known(mut self, spans_known: bool) -> Self {
        self.spans_known = spans_known;
        self
    }

    /// The cell texts, row by row (as the source gives them, untrimmed).
    pub fn text_rows(&self) -> Vec<Vec<String>> {
        self.rows
            .iter()
            .map(|r| r.cells.iter().map(|c| c.text.clone()).collect())
            .collect()
    }

    /// A table whose rows are lists of cell texts placed one after another
    /// (`spans_known = false`), as a text dump gives them. Handy in tests and for
    /// simple adapters.
    pub fn from_text_rows<R, C>(rows: R) -> Self
    where
        R: IntoIterator<Item = C>,
        C: IntoIterator,
        C::Item: Into<String>,
    {
        let rows = rows
            .into_iter()
            .map(|cells| {
                Row::new(
                    cells
                        .into_iter()
                        .zip(0u32..)
                        .map(|(text, col)| Cell::new(text, col, Pos::default()))
                        .collect(),
                    Pos::default(),
                )
            })
            .collect();
        Table {
            rows,
            spans_known: false,
            pos: Pos::default(),
        }
    }
}

impl Document {
    /// The tables of the body, in order.
    pub fn tables(&self) -> impl Iterator<Item = &Table> {
        self.blocks.iter().filter_map(|b| match b {
            Block::Table(t) => Some(t),
            Block::Paragraph(_) => None,
        })
    }

    /// The paragraphs of the body, in order.
    pub fn paragraphs(&self) -> impl Iterator<Item = &Paragraph> {
        self.blocks.iter().filter_map(|b| match b {
            Block::Paragraph(p) => Some(p),
            Block::Table(_) => None,
        })
    }

    /// Appends a paragraph at `pos`.
    pub fn push_paragraph(&mut self, text: impl Into<String>, pos: Pos) {
        self.blocks
            .push(Block::Paragraph(Paragraph::new(text, pos)));
    }
}
