//! The streaming reader of the main document part: one pass of quick-xml events,
//! no DOM, turned into paragraphs and table grids.

use nianbao_core::ir::{Block, Paragraph, Table};
use nianbao_core::{Diagnostic, Limits, Pos};
use quick_xml::Reader;
use quick_xml::events::{BytesStart, Event};

use super::error::DocxError;
use super::grid::{Added, CellProps, GridBuilder, Merge, RowProps};
use super::numbering::Numbering;
use super::styles::{Styles, outline_to_heading};
use super::text;
use super::xml;

/// Namespace URIs whose prefixes the reader learns from the root element.
const W_NS: &[&[u8]] = &[
    b"http://schemas.openxmlformats.org/wordprocessingml/2006/main",
    b"http://purl.oclc.org/ooxml/wordprocessingml/main",
];
const MC_NS: &[u8] = b"http://schemas.openxmlformats.org/markup-compatibility/2006";
const M_NS: &[&[u8]] = &[
    b"http://schemas.openxmlformats.org/officeDocument/2006/math",
    b"http://purl.oclc.org/ooxml/officeDocument/math",
];

/// The elements the reader reacts to; everything else is read through.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Tag {
    P,
    PPr,
    PStyle,
    Ilvl,
    NumId,
    OutlineLvl,
    RPr,
    Vanish,
    Del,
    R,
    T,
    Tab,
    Br,
    Cr,
    NoBreakHyphen,
    Sym,
    FldChar,
    TxbxContent,
    Tbl,
    Tr,
    TrPr,
    GridBefore,
    TblHeader,
    Tc,
    TcPr,
    GridSpan,
    VMerge,
    HMerge,
    AltChunk,
    /// Never shown or only a record of the past: deleted text, field instructions,
    /// content-control properties, former formatting, ruby guides, table properties.
    Skip,
    AlternateContent,
    Branch,
    Other,
}

/// One event as the structural readers see it.
enum Ev<'a> {
    Open {
        tag: Tag,
        e: BytesStart<'a>,
        depth: u32,
        offset: u64,
    },
    Close {
        depth: u32,
    },
    Text(quick_xml::events::BytesText<'a>),
    Ref(quick_xml::events::BytesRef<'a>),
    CData(quick_xml::events::BytesCData<'a>),
    Eof,
}

/// The reader of one main document part.
pub(crate) struct BodyReader<'a, 's> {
    reader: Reader<&'a [u8]>,
    part: &'a str,
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
    scratch: String,
    pub(crate) diagnostics: Vec<Diagnostic>,
}

/// Paragraph properties as read from `w:pPr`.
#[derive(Default)]
struct ParaProps {
    style: Option<Vec<u8>>,
    num_id: Option<u32>,
    ilvl: Option<u32>,
    outline: Option<Option<u8>>,
    mark_deleted: bool,
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
            scratch: String::new(),
            diagnostics: Vec::new(),
        }
    }

    /// Reads the whole part into blocks.
    pub(crate) fn read(mut self) -> Result<(Vec<Block>, Vec<Diagnostic>), DocxError> {
        let mut blocks = Vec::new();
        self.container(0, &mut blocks, None)?;
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
        Pos::part_offset(self.part, offset)
    }

    fn warn(&mut self, code: &str, message: &str, offset: Option<u64>) {
        let pos = offset.map(|o| self.pos(o));
        self.diagnostics
            .push(Diagnostic::warning(code, message, pos));
    }

    fn xml_err(&self, err: &quick_xml::Error) -> DocxError {
        xml::error(self.part, &self.reader, err)
    }

    fn learn_namespaces(&mut self, e: &BytesStart<'_>) {
        for attr in e.attributes().flatten() {
            let key = attr.key.as_ref();
            let prefix: &[u8] = if key == b"xmlns" {
                b""
            } else if let Some(p) = key.strip_prefix(b"xmlns:") {
                p
            } else {
                continue;
            };
            let uri = attr.value.as_ref();
            if W_NS.contains(&uri) {
                self.w = prefix.to_vec();
            } else if uri == MC_NS {
                self.mc = prefix.to_vec();
            } else if M_NS.contains(&uri) {
                self.m = prefix.to_vec();
            }
        }
    }

    fn classify(&self, e: &BytesStart<'_>, empty: bool) -> Tag {
        let name = e.name();
        let full = name.as_ref();
        let (prefix, local): (&[u8], &[u8]) = match full.iter().position(|&b| b == b':') {
            Some(i) => (
                full.get(..i).unwrap_or_default(),
                full.get(i + 1..).unwrap_or_default(),
            ),
            None => (b"", full),
        };
        if prefix == self.w.as_slice() {
            return match local {
                b"p" => Tag::P,
                b"r" => Tag::R,
                b"t" => Tag::T,
                b"rPr" => Tag::RPr,
                b"pPr" => Tag::PPr,
                b"tc" => Tag::Tc,
                b"tcPr" => Tag::TcPr,
                b"tr" => Tag::Tr,
                b"trPr" => Tag::TrPr,
                b"tbl" => Tag::Tbl,
                b"tab" => Tag::Tab,
                b"ptab" => Tag::Tab,
                b"br" => Tag::Br,
                b"cr" => Tag::Cr,
                b"gridSpan" => Tag::GridSpan,
                b"vMerge" => Tag::VMerge,
                b"hMerge" => Tag::HMerge,
                b"pStyle" => Tag::PStyle,
                b"ilvl" => Tag::Ilvl,
                b"numId" => Tag::NumId,
                b"outlineLvl" => Tag::OutlineLvl,
                b"vanish" => Tag::Vanish,
                b"del" | b"moveFrom" => {
                    if empty {
                        Tag::Del
                    } else {
                        Tag::Skip
                    }
                }
                b"noBreakHyphen" => Tag::NoBreakHyphen,
                b"sym" => Tag::Sym,
                b"fldChar" => Tag::FldChar,
                b"txbxContent" => Tag::TxbxContent,
                b"gridBefore" => Tag::GridBefore,
                b"tblHeader" => Tag::TblHeader,
                b"altChunk" => Tag::AltChunk,
                b"instrText" | b"delText" | b"delInstrText" | b"sdtPr" | b"sdtEndPr"
                | b"pPrChange" | b"rPrChange" | b"tblPrChange" | b"trPrChange" | b"tcPrChange"
                | b"sectPrChange" | b"tblGridChange" | b"tblPrExChange" | b"numberingChange"
                | b"rt" | b"tblPr" | b"tblPrEx" | b"tblGrid" | b"sectPr" | b"ffData"
                | b"fldData" | b"rubyPr" | b"tcBorders" | b"tblBorders" | b"shd" | b"rFonts" => {
                    Tag::Skip
                }
                _ => Tag::Other,
            };
        }
        if prefix == self.mc.as_slice() {
            return match local {
                b"AlternateContent" => Tag::AlternateContent,
                b"Choice" | b"Fallback" => Tag::Branch,
                _ => Tag::Other,
            };
        }
        if prefix == self.m.as_slice() && local == b"t" {
            return Tag::T;
        }
        Tag::Other
    }

    /// The next event for the structural readers: empty elements are opened and
    /// closed, skipped subtrees and unchosen `mc:AlternateContent` branches are gone.
    fn next(&mut self) -> Result<Ev<'a>, DocxError> {
        if self.pending_close {
            self.pending_close = false;
            let depth = self.depth;
            self.depth -= 1;
            return Ok(Ev::Close { depth });
        }
        loop {
            let offset = self.reader.buffer_position();
            let ev = self.reader.read_event().map_err(|e| self.xml_err(&e))?;
            let (e, empty) = match ev {
                Event::Start(e) => (e, false),
                Event::Empty(e) => (e, true),
                Event::End(_) => {
                    let depth = self.depth;
                    self.depth = self.depth.saturating_sub(1);
                    if let Some(&(d, _)) = self.alternates.last()
                        && d == depth
                    {
                        self.alternates.pop();
                    }
                    return Ok(Ev::Close { depth });
                }
                Event::Text(t) => return Ok(Ev::Text(t)),
                Event::GeneralRef(r) => return Ok(Ev::Ref(r)),
                Event::CData(c) => return Ok(Ev::CData(c)),
                Event::Eof => return Ok(Ev::Eof),
                _ => continue,
            };
            let depth = self.depth + 1;
            if u64::from(depth) > self.limits.max_depth {
                return Err(DocxError::limit(
                    "max_depth",
                    u64::from(depth),
                    self.limits.max_depth,
                    self.part,
                    offset,
                ));
            }
            if !self.root_seen {
                self.root_seen = true;
                self.learn_namespaces(&e);
            }
            let tag = self.classify(&e, empty);
            let skip = match tag {
                Tag::Skip => true,
                Tag::AlternateContent => {
                    if !empty {
                        self.alternates.push((depth, false));
                    }
                    false
                }
                Tag::Branch => match self.alternates.last_mut() {
                    Some((d, taken)) if *d + 1 == depth => std::mem::replace(taken, true),
                    _ => false,
                },
                _ => false,
            };
            if skip {
                if !empty {
                    self.skip_subtree(depth, offset)?;
                }
                continue;
            }
            self.depth = depth;
            if empty {
                self.pending_close = true;
            }
            return Ok(Ev::Open {
                tag,
                e,
                depth,
                offset,
            });
        }
    }

    /// Skips the rest of an element opened at `depth` (its start was consumed).
    fn skip_subtree(&mut self, depth: u32, offset: u64) -> Result<(), DocxError> {
        let mut level = depth;
        loop {
            match self.reader.read_event().map_err(|e| self.xml_err(&e))? {
                Event::Start(_) => {
                    level += 1;
                    if u64::from(level) > self.limits.max_depth {
                        let at = self.reader.buffer_position();
                        return Err(DocxError::limit(
                            "max_depth",
                            u64::from(level),
                            self.limits.max_depth,
                            self.part,
                            at,
                        ));
                    }
                }
                Event::End(_) => {
                    if level == depth {
                        return Ok(());
                    }
                    level -= 1;
                }
                Event::Eof => {
                    return Err(DocxError::xml(self.part, offset, "element never closed"));
                }
                _ => {}
            }
        }
    }

    /// Skips the element that `Ev::Open` at `depth` started.
    fn skip_open(&mut self, depth: u32, offset: u64) -> Result<(), DocxError> {
        if self.pending_close {
            self.pending_close = false;
        } else {
            self.skip_subtree(depth, offset)?;
        }
        self.depth = depth - 1;
        Ok(())
    }

    /// Reads block content (paragraphs and tables) until the element at `end` closes
    /// (0: the end of the part). Inside a cell, `cell` receives its `w:tcPr`.
    fn container(
        &mut self,
        end: u32,
        out: &mut Vec<Block>,
        mut cell: Option<&mut CellProps>,
    ) -> Result<(), DocxError> {
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
                    } else if !para.text.is_empty() {
                        out.push(Block::Paragraph(para));
                    }
                    out.extend(floating);
                }
                Ev::Open {
                    tag: Tag::Tbl,
                    depth,
                    offset,
                    ..
                } => {
                    flush(&mut carry, out);
                    let table = self.table(depth, offset)?;
                    out.push(Block::Table(table));
                }
                Ev::Open {
                    tag: Tag::TcPr,
                    depth,
                    ..
                } if cell.is_some() => {
                    if let Some(props) = cell.as_deref_mut() {
                        self.cell_props(depth, props)?;
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
        flush(&mut carry, out);
        Ok(())
    }

    fn paragraph(
        &mut self,
        end: u32,
        offset: u64,
    ) -> Result<(Paragraph, bool, Vec<Block>), DocxError> {
        let mut text = String::new();
        let mut floating = Vec::new();
        let mut props = ParaProps::default();
        let mut hidden = false;
        let mut page_break = false;
        loop {
            match self.next()? {
                Ev::Open {
                    tag,
                    e,
                    depth,
                    offset: at,
                } => match tag {
                    Tag::PPr => self.para_props(depth, &mut props)?,
                    Tag::R => hidden = false,
                    Tag::RPr => hidden = self.run_hidden(depth)?,
                    Tag::T => {
                        let preserve =
                            xml::attr(&e, b"space").is_some_and(|v| v.as_ref() == b"preserve");
                        self.text_content(depth, at)?;
                        if !hidden && self.fields_in_instruction == 0 {
                            let s = if preserve {
                                self.scratch.as_str()
                            } else {
                                self.scratch.trim_matches(is_xml_space)
                            };
                            push_text(&mut text, s, &mut page_break);
                        }
                    }
                    _ if hidden || self.fields_in_instruction > 0 => {
                        if tag == Tag::FldChar {
                            self.field_char(&e);
                        } else if tag == Tag::TxbxContent || tag == Tag::P || tag == Tag::Tbl {
                            self.skip_open(depth, at)?;
                        }
                    }
                    Tag::Tab => push_text(&mut text, "\t", &mut page_break),
                    Tag::Cr => push_text(&mut text, "\n", &mut page_break),
                    Tag::Br => match xml::attr(&e, b"type").as_deref() {
                        Some(b"page") | Some(b"column") => page_break = true,
                        _ => push_text(&mut text, "\n", &mut page_break),
                    },
                    Tag::NoBreakHyphen => push_text(&mut text, "-", &mut page_break),
                    Tag::Sym => {
                        if let Some(c) = sym_char(&e) {
                            let mut buf = [0u8; 4];
                            push_text(&mut text, c.encode_utf8(&mut buf), &mut page_break);
                        }
                    }
                    Tag::FldChar => self.field_char(&e),
                    Tag::TxbxContent => self.container(depth, &mut floating, None)?,
                    Tag::P => {
                        let (p, _, more) = self.paragraph(depth, at)?;
                        if !p.text.is_empty() {
                            floating.push(Block::Paragraph(p));
                        }
                        floating.extend(more);
                    }
                    Tag::Tbl => {
                        let table = self.table(depth, at)?;
                        floating.push(Block::Table(table));
                    }
                    _ => {}
                },
                Ev::Close { depth } if depth == end => break,
                Ev::Eof => break,
                _ => {}
            }
        }
        if self.fields_in_instruction > 0 {
            // A field instruction cannot hold a paragraph mark: drop the broken fields
            // rather than hide the rest of the document.
            self.warn(
                "docx.field_unterminated",
                "a field instruction ran past its paragraph; the field was dropped",
                Some(offset),
            );
            self.fields.retain(|in_result| *in_result);
            self.fields_in_instruction = 0;
        }
        let style = self.styles.get(props.style.as_deref());
        let num_id = props.num_id.or(style.num_id);
        if let Some(num_id) = num_id {
            let ilvl = props.ilvl.or(style.ilvl).unwrap_or(0);
            if let Some(number) = self.numbering.next(num_id, ilvl) {
                text.insert_str(0, &number);
            }
        }
        let heading_level = match props.outline {
            Some(level) => level,
            None => style.heading,
        };
        let para = Paragraph {
            text,
            heading_level,
            pos: self.pos(offset),
        };
        Ok((para, props.mark_deleted, floating))
    }

    /// Collects the text of a `w:t` (opened at `end`) into `self.scratch`.
    fn text_content(&mut self, end: u32, offset: u64) -> Result<(), DocxError> {
        self.scratch.clear();
        loop {
            match self.next()? {
                Ev::Text(t) => {
                    let s = t
                        .decode()
                        .map_err(|e| DocxError::xml(self.part, offset, e.to_string()))?;
                    self.scratch.push_str(&s);
                }
                Ev::Ref(r) => {
                    if let Ok(Some(c)) = r.resolve_char_ref() {
                        self.scratch.push(c);
                    } else {
                        let name = r
                            .decode()
                            .map_err(|e| DocxError::xml(self.part, offset, e.to_string()))?;
                        match quick_xml::escape::resolve_predefined_entity(&name) {
                            Some(s) => self.scratch.push_str(s),
                            None => {
                                return Err(DocxError::xml(
                                    self.part,
                                    offset,
                                    format!("unknown entity &{name};"),
                                ));
                            }
                        }
                    }
                }
                Ev::CData(c) => {
                    let s = c
                        .decode()
                        .map_err(|e| DocxError::xml(self.part, offset, e.to_string()))?;
                    self.scratch.push_str(&s);
                }
                Ev::Open {
                    depth, offset: at, ..
                } => self.skip_open(depth, at)?,
                Ev::Close { depth } if depth == end => return Ok(()),
                Ev::Close { .. } => {}
                Ev::Eof => return Ok(()),
            }
        }
    }

    fn field_char(&mut self, e: &BytesStart<'_>) {
        match xml::attr(e, b"fldCharType").as_deref() {
            Some(b"begin") => {
                self.fields.push(false);
                self.fields_in_instruction += 1;
            }
            Some(b"separate") => {
                if let Some(last) = self.fields.last_mut()
                    && !*last
                {
                    *last = true;
                    self.fields_in_instruction -= 1;
                }
            }
            Some(b"end") => {
                if self.fields.pop() == Some(false) {
                    self.fields_in_instruction -= 1;
                }
            }
            _ => {}
        }
    }

    fn para_props(&mut self, end: u32, props: &mut ParaProps) -> Result<(), DocxError> {
        let mut in_rpr = false;
        loop {
            match self.next()? {
                Ev::Open { tag, e, .. } => match tag {
                    Tag::PStyle => props.style = xml::val(&e).map(|v| v.into_owned()),
                    Tag::NumId => props.num_id = xml::val_u32(&e),
                    Tag::Ilvl => props.ilvl = xml::val_u32(&e),
                    Tag::OutlineLvl => props.outline = xml::val_u32(&e).map(outline_to_heading),
                    Tag::RPr => in_rpr = true,
                    Tag::Del if in_rpr => props.mark_deleted = true,
                    _ => {}
                },
                Ev::Close { depth } if depth == end => return Ok(()),
                Ev::Eof => return Ok(()),
                _ => {}
            }
        }
    }

    /// Reads a run's `w:rPr` (opened at `end`): whether the run is hidden.
    fn run_hidden(&mut self, end: u32) -> Result<bool, DocxError> {
        let mut hidden = false;
        loop {
            match self.next()? {
                Ev::Open {
                    tag: Tag::Vanish,
                    e,
                    ..
                } => hidden = xml::on_off(&e),
                Ev::Close { depth } if depth == end => return Ok(hidden),
                Ev::Eof => return Ok(hidden),
                _ => {}
            }
        }
    }

    fn table(&mut self, end: u32, offset: u64) -> Result<Table, DocxError> {
        let mut grid = GridBuilder::new(self.pos(offset));
        loop {
            match self.next()? {
                Ev::Open {
                    tag: Tag::Tr,
                    depth,
                    offset: at,
                    ..
                } => self.row(depth, at, &mut grid)?,
                Ev::Open {
                    tag: Tag::P | Tag::Tbl | Tag::Tc,
                    depth,
                    offset: at,
                    ..
                } => self.skip_open(depth, at)?,
                Ev::Close { depth } if depth == end => break,
                Ev::Eof => break,
                _ => {}
            }
        }
        Ok(grid.finish())
    }

    fn row(&mut self, end: u32, offset: u64, grid: &mut GridBuilder) -> Result<(), DocxError> {
        grid.start_row(self.pos(offset));
        loop {
            match self.next()? {
                Ev::Open {
                    tag: Tag::TrPr,
                    depth,
                    ..
                } => {
                    let props = self.row_props(depth)?;
                    grid.row_props(props);
                }
                Ev::Open {
                    tag: Tag::Tc,
                    depth,
                    offset: at,
                    ..
                } => self.cell(depth, at, grid)?,
                Ev::Open {
                    tag: Tag::P | Tag::Tbl | Tag::Tr,
                    depth,
                    offset: at,
                    ..
                } => self.skip_open(depth, at)?,
                Ev::Close { depth } if depth == end => break,
                Ev::Eof => break,
                _ => {}
            }
        }
        grid.end_row();
        Ok(())
    }

    fn row_props(&mut self, end: u32) -> Result<RowProps, DocxError> {
        let mut props = RowProps::default();
        loop {
            match self.next()? {
                Ev::Open { tag, e, .. } => match tag {
                    Tag::GridBefore => props.grid_before = xml::val_u32(&e).unwrap_or(0),
                    Tag::TblHeader => props.header = xml::on_off(&e),
                    Tag::Del => props.deleted = true,
                    _ => {}
                },
                Ev::Close { depth } if depth == end => return Ok(props),
                Ev::Eof => return Ok(props),
                _ => {}
            }
        }
    }

    fn cell_props(&mut self, end: u32, props: &mut CellProps) -> Result<(), DocxError> {
        loop {
            match self.next()? {
                Ev::Open { tag, e, .. } => match tag {
                    Tag::GridSpan => props.span = xml::val_u32(&e).unwrap_or(1),
                    Tag::VMerge => props.vmerge = merge_val(&e),
                    Tag::HMerge => props.hmerge = merge_val(&e),
                    _ => {}
                },
                Ev::Close { depth } if depth == end => return Ok(()),
                Ev::Eof => return Ok(()),
                _ => {}
            }
        }
    }

    fn cell(&mut self, end: u32, offset: u64, grid: &mut GridBuilder) -> Result<(), DocxError> {
        let mut props = CellProps::default();
        let mut blocks = Vec::new();
        self.container(end, &mut blocks, Some(&mut props))?;
        let mut text = String::new();
        let mut nested = Vec::new();
        for block in blocks {
            match block {
                Block::Paragraph(p) => {
                    if !text.is_empty() {
                        text.push('\n');
                    }
                    text.push_str(&p.text);
                }
                Block::Table(t) => nested.push(t),
            }
        }
        let pos = self.pos(offset);
        if let Added::Merged { had_text: true } =
            grid.add_cell(props, text, nested, pos, self.limits)?
        {
            self.diagnostics.push(Diagnostic::info(
                "docx.merged_cell_text",
                "a cell covered by a vertical merge had text; it was appended to the merged cell",
                Some(self.pos(offset)),
            ));
        }
        Ok(())
    }
}

fn flush(carry: &mut Option<Paragraph>, out: &mut Vec<Block>) {
    if let Some(p) = carry.take()
        && !p.text.is_empty()
    {
        out.push(Block::Paragraph(p));
    }
}

fn merge_val(e: &BytesStart<'_>) -> Merge {
    match xml::val(e).as_deref() {
        Some(b"restart") => Merge::Restart,
        _ => Merge::Continue,
    }
}

fn is_xml_space(c: char) -> bool {
    matches!(c, ' ' | '\t' | '\r' | '\n')
}

/// Appends visible text; a pending page or column break becomes a line break only
/// between text, never at the start of a paragraph.
fn push_text(text: &mut String, s: &str, page_break: &mut bool) {
    if s.is_empty() {
        return;
    }
    if *page_break {
        if !text.is_empty() {
            text.push('\n');
        }
        *page_break = false;
    }
    text.push_str(s);
}

/// The character of a `w:sym`: `w:char` in hex, mapped from the Symbol font's private
/// area where it has a Unicode equivalent.
fn sym_char(e: &BytesStart<'_>) -> Option<char> {
    let code = xml::attr(e, b"char")?;
    let code = u32::from_str_radix(std::str::from_utf8(&code).ok()?.trim(), 16).ok()?;
    let font = xml::attr(e, b"font");
    let font = font.as_deref().unwrap_or_default();
    let low = if (0xF000..=0xF0FF).contains(&code) {
        code - 0xF000
    } else {
        code
    };
    if let Ok(byte) = u8::try_from(low) {
        let mapped = if font.eq_ignore_ascii_case(b"Symbol") {
            text::symbol_font_char(byte)
        } else if font.eq_ignore_ascii_case(b"Wingdings") {
            text::wingdings_char(byte)
        } else if font.eq_ignore_ascii_case(b"Wingdings 2") {
            text::wingdings2_char(byte)
        } else {
            None
        };
        if mapped.is_some() {
            return mapped;
        }
    }
    char::from_u32(code)
}
