//! The streaming reader of the main document part: one pass of quick-xml events,
//! no DOM, turned into paragraphs and table grids.

use std::sync::Arc;

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
    RPr,
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
    Tc,
    TcPr,
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

    /// The byte offset in the part of the next unread byte.
    fn position(&self) -> u64 {
        self.reader.buffer_position() + self.skipped
    }

    /// Jumps over the content of the element `qname` whose start was just read, to
    /// right before its end tag, when that is safe to do by bytes: the end tag is
    /// within a few kilobytes, and the content holds no element of the same name, no
    /// comment, CDATA or processing instruction, no former properties (`*Change`) and
    /// no element whose local name is in `wanted`. Formatting the reader does not need
    /// is then never tokenized (nor checked for well-formedness). One pass over the
    /// bytes; returns whether it jumped. A `>` inside an attribute value (legal, never
    /// written by Word, WPS or LibreOffice) can only make it fall back: the end tag it
    /// stops at must be `</qname>` at depth 0, and no element inside may be `qname`.
    fn fast_skip(&mut self, qname: &[u8], wanted: &[&[u8]]) -> bool {
        const WINDOW: usize = 8192;
        let input: &'a [u8] = self.reader.get_ref();
        let window = input.get(..input.len().min(WINDOW)).unwrap_or_default();
        let find = |byte: u8, from: usize| -> Option<usize> {
            // The byte is often right there (tags follow one another).
            match window.get(from) {
                Some(&b) if b == byte => Some(from),
                Some(_) => memchr::memchr(byte, window.get(from..)?).map(|i| from + i),
                None => None,
            }
        };
        let mut depth = 0u32;
        let mut from = 0usize;
        loop {
            let Some(lt) = find(b'<', from) else {
                return false;
            };
            match window.get(lt + 1) {
                Some(b'/') => {
                    let Some(gt) = find(b'>', lt + 2) else {
                        return false;
                    };
                    if depth == 0 {
                        if window.get(lt + 2..gt) != Some(qname) {
                            return false;
                        }
                        *self.reader.get_mut() = input.get(lt..).unwrap_or_default();
                        self.skipped += lt as u64;
                        return true;
                    }
                    depth -= 1;
                    from = gt + 1;
                }
                Some(b'!' | b'?' | b'>') | None => return false,
                Some(_) => {
                    let end = lt + 1 + name_len(window.get(lt + 1..).unwrap_or_default());
                    let name = window.get(lt + 1..end).unwrap_or_default();
                    // Most names have a one-letter prefix (`w:`).
                    let colon = match name.get(1) {
                        Some(b':') => Some(1),
                        _ => name.iter().rposition(|&b| b == b':'),
                    };
                    let local = match colon {
                        Some(colon) => name.get(colon + 1..).unwrap_or_default(),
                        None => name,
                    };
                    if same_name(name, qname)
                        || local.ends_with(b"Change")
                        || wanted.iter().any(|w| same_name(local, w))
                    {
                        return false;
                    }
                    let Some(gt) = find(b'>', end) else {
                        return false;
                    };
                    if window.get(gt - 1) != Some(&b'/') {
                        depth += 1;
                    }
                    from = gt + 1;
                }
            }
        }
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
        if same_name(prefix, &self.w) {
            return w_tag(local, empty);
        }
        if same_name(prefix, &self.mc) {
            return match local {
                b"AlternateContent" => Tag::AlternateContent,
                b"Choice" | b"Fallback" => Tag::Branch,
                _ => Tag::Other,
            };
        }
        if same_name(prefix, &self.m) && local == b"t" {
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
            let offset = self.position();
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
                Event::Eof if self.depth > 0 => {
                    let detail = format!("the part ends inside {} open elements", self.depth);
                    return Err(DocxError::xml(self.part, offset, detail));
                }
                Event::Eof => return Ok(Ev::Eof),
                _ => continue,
            };
            let depth = self.depth + 1;
            if u64::from(depth) > self.limits.max_depth {
                return Err(self.depth_error(depth, offset));
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
                    self.fast_skip(e.name().as_ref(), &[]);
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
                        return Err(self.depth_error(level, self.position()));
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

    fn paragraph(
        &mut self,
        end: u32,
        offset: u64,
    ) -> Result<(Paragraph, bool, Vec<Block>), DocxError> {
        self.paragraphs += 1;
        nianbao_core::work::add(1);
        self.check_count("max_nodes", self.paragraphs, self.limits.max_nodes, offset)?;
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
                    Tag::PPr => self.para_props(depth, e.name().as_ref(), &mut props)?,
                    Tag::R => hidden = false,
                    Tag::RPr => hidden = self.run_hidden(depth, e.name().as_ref())?,
                    Tag::T => {
                        // `xml:space="preserve"` is the only attribute w:t has.
                        let raw = e.attributes_raw();
                        let preserve = !raw.is_empty()
                            && memchr::memmem::find(raw, b"preserve").is_some()
                            && xml::attr(&e, b"space").is_some_and(|v| v.as_ref() == b"preserve");
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
                    Tag::TxbxContent => self.container(depth, &mut Sink::Blocks(&mut floating))?,
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
        let text_is_empty = text.is_empty();
        // Paragraphs of a cell become the cell's text, and empty ones are dropped:
        // neither needs a position of its own.
        let pos = if self.in_cell == 0 && (!text_is_empty || props.mark_deleted) {
            self.pos(offset)
        } else {
            Pos::default()
        };
        let para = Paragraph::new(text, pos).with_heading_level(heading_level);
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
            Some(b"end") if self.fields.pop() == Some(false) => {
                self.fields_in_instruction -= 1;
            }
            _ => {}
        }
    }

    fn para_props(
        &mut self,
        depth: u32,
        qname: &[u8],
        props: &mut ParaProps,
    ) -> Result<(), DocxError> {
        // Every name the closure reacts to: a child holding none of them is jumped over.
        const WANTED: &[&[u8]] = &[b"pStyle", b"numId", b"ilvl", b"outlineLvl", b"del"];
        self.properties(depth, qname, WANTED, |local, e| match local {
            b"pStyle" => props.style = xml::val(e).map(|v| v.into_owned()),
            b"numId" => props.num_id = xml::val_u32(e),
            b"ilvl" => props.ilvl = xml::val_u32(e),
            b"outlineLvl" => props.outline = xml::val_u32(e).map(outline_to_heading),
            // Only the paragraph mark's w:rPr holds a w:del inside w:pPr.
            b"del" => props.mark_deleted = true,
            _ => {}
        })
    }

    /// Reads a run's `w:rPr` (opened at `depth`): whether the run is hidden.
    fn run_hidden(&mut self, depth: u32, qname: &[u8]) -> Result<bool, DocxError> {
        let mut hidden = false;
        self.properties(depth, qname, &[b"vanish"], |local, e| {
            if local == b"vanish" {
                hidden = xml::on_off(e);
            }
        })?;
        Ok(hidden)
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
                    e,
                    ..
                } => {
                    let props = self.row_props(depth, e.name().as_ref())?;
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

    fn row_props(&mut self, depth: u32, qname: &[u8]) -> Result<RowProps, DocxError> {
        const WANTED: &[&[u8]] = &[b"gridBefore", b"tblHeader", b"del"];
        let mut props = RowProps::default();
        self.properties(depth, qname, WANTED, |local, e| match local {
            b"gridBefore" => props.grid_before = xml::val_u32(e).unwrap_or(0),
            b"tblHeader" => props.header = xml::on_off(e),
            b"del" => props.deleted = true,
            _ => {}
        })?;
        Ok(props)
    }

    fn cell_props(
        &mut self,
        depth: u32,
        qname: &[u8],
        props: &mut CellProps,
    ) -> Result<(), DocxError> {
        const WANTED: &[&[u8]] = &[b"gridSpan", b"vMerge", b"hMerge"];
        self.properties(depth, qname, WANTED, |local, e| match local {
            b"gridSpan" => props.span = xml::val_u32(e).unwrap_or(1),
            b"vMerge" => props.vmerge = merge_val(e),
            b"hMerge" => props.hmerge = merge_val(e),
            _ => {}
        })
    }

    /// Reads a property element (`w:pPr`, `w:rPr`, `w:tcPr`, `w:trPr`) opened at
    /// `depth` in a tight loop over the raw events, calling `f(local name, element)` for
    /// each element inside; former properties of tracked changes (`*Change`) are skipped.
    fn properties(
        &mut self,
        depth: u32,
        qname: &[u8],
        wanted: &[&[u8]],
        mut f: impl FnMut(&[u8], &BytesStart<'_>),
    ) -> Result<(), DocxError> {
        if self.pending_close {
            self.pending_close = false;
            self.depth = depth - 1;
            return Ok(());
        }
        self.fast_skip(qname, wanted);
        let mut level = depth;
        loop {
            let offset = self.position();
            let ev = self.reader.read_event().map_err(|e| self.xml_err(&e))?;
            match ev {
                Event::Start(e) => {
                    level += 1;
                    if u64::from(level) > self.limits.max_depth {
                        return Err(self.depth_error(level, offset));
                    }
                    let local = e.local_name();
                    if local.as_ref().ends_with(b"Change") {
                        self.skip_subtree(level, offset)?;
                        level -= 1;
                    } else {
                        f(local.as_ref(), &e);
                        self.fast_skip(e.name().as_ref(), wanted);
                    }
                }
                Event::Empty(e) => {
                    if u64::from(level + 1) > self.limits.max_depth {
                        return Err(self.depth_error(level + 1, offset));
                    }
                    f(e.local_name().as_ref(), &e);
                }
                Event::End(_) => {
                    if level == depth {
                        break;
                    }
                    level -= 1;
                }
                Event::Eof => {
                    return Err(DocxError::xml(self.part, offset, "element never closed"));
                }
                _ => {}
            }
        }
        self.depth = depth - 1;
        Ok(())
    }

    fn cell(&mut self, end: u32, offset: u64, grid: &mut GridBuilder) -> Result<(), DocxError> {
        self.cells += 1;
        let max = self.limits.max_document_cells;
        self.check_count("max_document_cells", self.cells, max, offset)?;
        let mut props = CellProps::default();
        let mut text = String::new();
        let mut nested = Vec::new();
        self.in_cell += 1;
        let read = self.container(
            end,
            &mut Sink::Cell {
                text: &mut text,
                nested: &mut nested,
                props: &mut props,
            },
        );
        self.in_cell -= 1;
        read?;
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

/// The tag of a WordprocessingML element by its local name, dispatched on the length
/// first: most elements of a real document are formatting that falls through to `Other`.
/// (`w:del` and `w:moveFrom` are markers when empty, deleted content otherwise.)
fn w_tag(local: &[u8], empty: bool) -> Tag {
    let tag = match local.len() {
        1 => match local.first() {
            Some(b'p') => Tag::P,
            Some(b'r') => Tag::R,
            Some(b't') => Tag::T,
            _ => Tag::Other,
        },
        2 => match local {
            b"tc" => Tag::Tc,
            b"tr" => Tag::Tr,
            b"br" => Tag::Br,
            b"cr" => Tag::Cr,
            b"rt" => Tag::Skip,
            _ => Tag::Other,
        },
        3 => match local {
            b"tbl" => Tag::Tbl,
            b"pPr" => Tag::PPr,
            b"rPr" => Tag::RPr,
            b"tab" => Tag::Tab,
            b"sym" => Tag::Sym,
            b"del" => Tag::Del,
            b"shd" => Tag::Skip,
            _ => Tag::Other,
        },
        4 => match local {
            b"ptab" => Tag::Tab,
            b"tcPr" => Tag::TcPr,
            b"trPr" => Tag::TrPr,
            _ => Tag::Other,
        },
        5 => match local {
            b"tblPr" | b"sdtPr" => Tag::Skip,
            _ => Tag::Other,
        },
        6 => match local {
            b"rFonts" | b"ffData" | b"sectPr" | b"rubyPr" => Tag::Skip,
            _ => Tag::Other,
        },
        7 => match local {
            b"fldChar" => Tag::FldChar,
            b"fldData" | b"tblGrid" | b"tblPrEx" | b"delText" => Tag::Skip,
            _ => Tag::Other,
        },
        8 => match local {
            b"moveFrom" => Tag::Del,
            b"altChunk" => Tag::AltChunk,
            b"sdtEndPr" => Tag::Skip,
            _ => Tag::Other,
        },
        9 => match local {
            b"instrText" | b"pPrChange" | b"rPrChange" | b"tcBorders" => Tag::Skip,
            _ => Tag::Other,
        },
        10 => match local {
            b"tblBorders" | b"trPrChange" | b"tcPrChange" => Tag::Skip,
            _ => Tag::Other,
        },
        11 => match local {
            b"txbxContent" => Tag::TxbxContent,
            b"tblPrChange" => Tag::Skip,
            _ => Tag::Other,
        },
        _ => match local {
            b"noBreakHyphen" => Tag::NoBreakHyphen,
            b"delInstrText" | b"sectPrChange" | b"tblGridChange" | b"tblPrExChange"
            | b"numberingChange" => Tag::Skip,
            _ => Tag::Other,
        },
    };
    if tag == Tag::Del && !empty {
        Tag::Skip
    } else {
        tag
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

/// Whether two element names (or prefixes) are equal: lengths and last bytes first, so
/// that the common cases (a one-letter prefix, names that differ) make no call to
/// `memcmp`, which costs more than these short names.
#[inline]
fn same_name(a: &[u8], b: &[u8]) -> bool {
    a.len() == b.len() && a.last() == b.last() && (a.len() <= 1 || a == b)
}

/// The length of the element name at the start of `tag` (after its `<`): up to white
/// space, `/` or `>`, or the whole of `tag`. Eight bytes are looked at a time, so that
/// the short names of formatting (`w:sz`, `w:rFonts`) cost no loop.
fn name_len(tag: &[u8]) -> usize {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGHS: u64 = 0x8080_8080_8080_8080;
    // A high bit in each byte equal to `c`: exact for the first such byte, which is
    // all that is used.
    let equal = |word: u64, c: u8| {
        let x = word ^ (ONES * u64::from(c));
        x.wrapping_sub(ONES) & !x & HIGHS
    };
    let mut at = 0;
    while let Some(chunk) = tag.get(at..at + 8) {
        let mut bytes = [0u8; 8];
        bytes.copy_from_slice(chunk);
        let word = u64::from_le_bytes(bytes);
        let found = equal(word, b' ')
            | equal(word, b'\t')
            | equal(word, b'\r')
            | equal(word, b'\n')
            | equal(word, b'/')
            | equal(word, b'>');
        if found != 0 {
            return at + (found.trailing_zeros() / 8) as usize;
        }
        at += 8;
    }
    let rest = tag.get(at..).unwrap_or_default();
    at + rest
        .iter()
        .position(|&b| matches!(b, b' ' | b'\t' | b'\r' | b'\n' | b'/' | b'>'))
        .unwrap_or(rest.len())
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn name_len_agrees_with_a_byte_loop() {
        let simple = |t: &[u8]| {
            t.iter()
                .position(|&b| matches!(b, b' ' | b'\t' | b'\r' | b'\n' | b'/' | b'>'))
                .unwrap_or(t.len())
        };
        let mut cases: Vec<Vec<u8>> = [
            "w:sz w:val=\"24\"/>",
            "w:rFonts w:ascii=\"宋体\"/>",
            "w:rFonts/>",
            "w:tcBorders>",
            "w:p>",
            "a",
            "",
            "名前\tx",
            "w:averyveryverylongname\r\n",
        ]
        .iter()
        .map(|s| s.as_bytes().to_vec())
        .collect();
        // Every delimiter at every place of a 20-byte name, and bytes next to them
        // (borrows across bytes must not make a false first match).
        for d in [b' ', b'\t', b'\r', b'\n', b'/', b'>'] {
            for at in 0..20 {
                for fill in [
                    b'a',
                    0x00,
                    0x01,
                    0x3f,
                    0x2e,
                    0x80,
                    0xff,
                    d + 1,
                    d.wrapping_sub(1),
                ] {
                    let mut t = vec![fill; 24];
                    if fill == d || matches!(fill, b' ' | b'\t' | b'\r' | b'\n' | b'/' | b'>') {
                        continue;
                    }
                    t[at] = d;
                    cases.push(t);
                }
            }
        }
        for t in &cases {
            assert_eq!(name_len(t), simple(t), "{:?}", String::from_utf8_lossy(t));
        }
    }

    /// Every element name the reader reacts to, with its tag (as a non-empty element).
    const NAMED: &[(&str, Tag)] = &[
        ("p", Tag::P),
        ("r", Tag::R),
        ("t", Tag::T),
        ("tc", Tag::Tc),
        ("tr", Tag::Tr),
        ("br", Tag::Br),
        ("cr", Tag::Cr),
        ("rt", Tag::Skip),
        ("tbl", Tag::Tbl),
        ("pPr", Tag::PPr),
        ("rPr", Tag::RPr),
        ("tab", Tag::Tab),
        ("ptab", Tag::Tab),
        ("sym", Tag::Sym),
        ("del", Tag::Skip),
        ("moveFrom", Tag::Skip),
        ("tcPr", Tag::TcPr),
        ("trPr", Tag::TrPr),
        ("fldChar", Tag::FldChar),
        ("altChunk", Tag::AltChunk),
        ("txbxContent", Tag::TxbxContent),
        ("noBreakHyphen", Tag::NoBreakHyphen),
        ("shd", Tag::Skip),
        ("tblPr", Tag::Skip),
        ("sdtPr", Tag::Skip),
        ("sdtEndPr", Tag::Skip),
        ("rFonts", Tag::Skip),
        ("ffData", Tag::Skip),
        ("fldData", Tag::Skip),
        ("sectPr", Tag::Skip),
        ("rubyPr", Tag::Skip),
        ("tblGrid", Tag::Skip),
        ("tblPrEx", Tag::Skip),
        ("delText", Tag::Skip),
        ("instrText", Tag::Skip),
        ("delInstrText", Tag::Skip),
        ("pPrChange", Tag::Skip),
        ("rPrChange", Tag::Skip),
        ("tcBorders", Tag::Skip),
        ("tblBorders", Tag::Skip),
        ("tblPrChange", Tag::Skip),
        ("trPrChange", Tag::Skip),
        ("tcPrChange", Tag::Skip),
        ("sectPrChange", Tag::Skip),
        ("tblGridChange", Tag::Skip),
        ("tblPrExChange", Tag::Skip),
        ("numberingChange", Tag::Skip),
        ("hyperlink", Tag::Other),
        ("sdt", Tag::Other),
        ("sdtContent", Tag::Other),
        ("ins", Tag::Other),
        ("bookmarkStart", Tag::Other),
        ("proofErr", Tag::Other),
    ];

    #[test]
    fn every_name_maps_to_its_tag() {
        for (name, tag) in NAMED {
            assert_eq!(w_tag(name.as_bytes(), false), *tag, "{name}");
        }
        assert_eq!(w_tag(b"del", true), Tag::Del);
        assert_eq!(w_tag(b"moveFrom", true), Tag::Del);
    }
}
