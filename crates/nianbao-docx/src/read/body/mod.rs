//! The streaming reader of the main document part: one pass of quick-xml events,
//! no DOM, turned into paragraphs and table grids.
//!
//! - [`events`]: the XML event layer (namespaces, the tags the reader reacts to,
//!   skipped subtrees and unchosen `mc:AlternateContent` branches, the byte-level
//!   fast skip);
//! - [`paragraph`]: a paragraph's text (runs, fields, symbols, breaks, numbering);
//! - [`table`]: tables, rows and cells into the logical grid;
//! - [`properties`]: the property elements (`w:pPr`, `w:rPr`, `w:trPr`, `w:tcPr`).

mod events;
mod paragraph;
mod properties;
mod table;

use std::sync::Arc;

use nianbao_core::ir::{Block, Paragraph, Table};
use nianbao_core::{Diagnostic, Limits, Pos};
use quick_xml::Reader;

use super::error::DocxError;
use super::grid::CellProps;
use super::numbering::Numbering;
use super::styles::Styles;
use super::xml;
use events::{Ev, Tag};

/// The reader of one main document part.
pub(crate) struct BodyReader<'a, 's> {
    reader: Reader<&'a [u8]>,
    part: &'a str,
    /// The part's name, shared by every position the reader makes.
    part_name: Arc<str>,
    limits: &'a Limits,
    styles: &'s Styles,
    numbering: &'s mut Numbering,
    w: Vec<u8>,
    mc: Vec<u8>,
    m: Vec<u8>,
    root_seen: bool,
    depth: u32,
    pending_close: bool,
    /// Open `mc:AlternateContent` elements: their depth and whether a branch was read.
    alternates: Vec<(u32, bool)>,
    /// Open fields: `false` while in the instruction, `true` in the result.
    fields: Vec<bool>,
    fields_in_instruction: usize,
    /// How many table cells the reader is inside.
    in_cell: u32,
    /// Bytes jumped over by [`BodyReader::fast_skip`], added to quick-xml's positions.
    skipped: u64,
    scratch: String,
    /// Table cells read so far in the whole part (every table, nested ones too).
    cells: u64,
    /// Paragraphs read so far in the whole part.
    paragraphs: u64,
    pub(crate) diagnostics: Vec<Diagnostic>,
}

impl<'a, 's> BodyReader<'a, 's> {
    /// A reader over the UTF-8 text of `part`.
    pub(crate) fn new(
        data: &'a [u8],
        part: &'a str,
        limits: &'a Limits,
        styles: &'s Styles,
        numbering: &'s mut Numbering,
    ) -> Self {
        BodyReader {
            reader: xml::reader(data),
            part,
            part_name: Arc::from(part),
            limits,
            styles,
            numbering,
            w: b"w".to_vec(),
            mc: b"mc".to_vec(),
            m: b"m".to_vec(),
            root_seen: false,
            depth: 0,
            pending_close: false,
            alternates: Vec::new(),
            fields: Vec::new(),
            fields_in_instruction: 0,
            in_cell: 0,
            skipped: 0,
            scratch: String::new(),
            cells: 0,
            paragraphs: 0,
            diagnostics: Vec::new(),
        }
    }

    /// Reads the whole part into blocks.
    pub(crate) fn read(mut self) -> Result<(Vec<Block>, Vec<Diagnostic>), DocxError> {
        let mut blocks = Vec::new();
        self.container(0, &mut Sink::Blocks(&mut blocks))?;
        if !self.fields.is_empty() {
            self.warn(
                "docx.field_unterminated",
                "a field was still open at the end of the document",
                None,
            );
        }
        Ok((blocks, self.diagnostics))
    }

    fn pos(&self, offset: u64) -> Pos {
        Pos::part_offset(Arc::clone(&self.part_name), offset)
    }

    fn warn(&mut self, code: &str, message: &str, offset: Option<u64>) {
        let pos = offset.map(|o| self.pos(o));
        self.diagnostics
            .push(Diagnostic::warning(code, message, pos));
    }

    fn xml_err(&self, err: &quick_xml::Error) -> DocxError {
        DocxError::xml(
            self.part,
            self.reader.error_position() + self.skipped,
            err.to_string(),
        )
    }

    /// Fails when a document-wide count, just increased at `offset`, is over its
    /// limit `name`.
    fn check_count(
        &self,
        name: &'static str,
        count: u64,
        max: u64,
        offset: u64,
    ) -> Result<(), DocxError> {
        if count > max {
            return Err(DocxError::limit(name, count, max, self.part, offset));
        }
        Ok(())
    }

    /// The error for an element nested `depth` levels deep, over `max_depth`.
    fn depth_error(&self, depth: u32, offset: u64) -> DocxError {
        DocxError::limit(
            "max_depth",
            u64::from(depth),
            self.limits.max_depth,
            self.part,
            offset,
        )
    }

    /// Reads block content (paragraphs and tables) until the element at `end` closes
    /// (0: the end of the part) into `out`.
    fn container(&mut self, end: u32, out: &mut Sink<'_>) -> Result<(), DocxError> {
        // A paragraph whose mark is a tracked deletion joins the next one.
        let mut carry: Option<Paragraph> = None;
        loop {
            match self.next()? {
                Ev::Open {
                    tag: Tag::P,
                    depth,
                    offset,
                    ..
                } => {
                    let (mut para, mark_deleted, floating) = self.paragraph(depth, offset)?;
                    if let Some(prev) = carry.take() {
                        para.text.insert_str(0, &prev.text);
                        para.pos = prev.pos;
                    }
                    if mark_deleted {
                        carry = Some(para);
                    } else {
                        out.paragraph(para);
                    }
                    for block in floating {
                        out.block(block);
                    }
                }
                Ev::Open {
                    tag: Tag::Tbl,
                    depth,
                    offset,
                    ..
                } => {
                    if let Some(p) = carry.take() {
                        out.paragraph(p);
                    }
                    let table = self.table(depth, offset)?;
                    out.block(Block::Table(table));
                }
                Ev::Open {
                    tag: Tag::TcPr,
                    depth,
                    e,
                    ..
                } => {
                    if let Sink::Cell { props, .. } = out {
                        self.cell_props(depth, e.name().as_ref(), props)?;
                    }
                }
                Ev::Open {
                    tag: Tag::AltChunk,
                    offset,
                    ..
                } => {
                    self.warn(
                        "docx.alt_chunk",
                        "an imported chunk (w:altChunk: HTML, RTF or another document) was not read",
                        Some(offset),
                    );
                }
                Ev::Close { depth } if depth == end => break,
                Ev::Eof => break,
                _ => {}
            }
        }
        if let Some(p) = carry.take() {
            out.paragraph(p);
        }
        Ok(())
    }
}

/// Where a container's blocks go: the body (or a text box) keeps blocks; a cell joins
/// its paragraphs into its text and keeps its tables nested.
enum Sink<'x> {
    Blocks(&'x mut Vec<Block>),
    Cell {
        text: &'x mut String,
        nested: &'x mut Vec<Table>,
        props: &'x mut CellProps,
    },
}

impl Sink<'_> {
    /// Adds a paragraph; an empty one is dropped.
    fn paragraph(&mut self, para: Paragraph) {
        if para.text.is_empty() {
            return;
        }
        match self {
            Sink::Blocks(blocks) => blocks.push(Block::Paragraph(para)),
            // The first paragraph of a cell becomes its text as it is (no copy).
            Sink::Cell { text, .. } if text.is_empty() => **text = para.text,
            Sink::Cell { text, .. } => {
                text.push('\n');
                text.push_str(&para.text);
            }
        }
    }

    /// Adds a block.
    fn block(&mut self, block: Block) {
        match (self, block) {
            (sink, Block::Paragraph(p)) => sink.paragraph(p),
            (Sink::Blocks(blocks), table) => blocks.push(table),
            (Sink::Cell { nested, .. }, Block::Table(t)) => nested.push(t),
        }
    }
}
