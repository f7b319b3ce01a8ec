//! A paragraph's text as Word shows it: runs (hidden ones left out), `w:t` text and
//! entities, fields (instructions hidden, results shown), tabs, breaks, symbols, text
//! boxes and their floating blocks, and the list number in front.

use nianbao_core::Pos;
use nianbao_core::ir::{Block, Paragraph};
use quick_xml::events::BytesStart;

use super::events::{Ev, Tag};
use super::{BodyReader, Sink};
use crate::read::error::DocxError;
use crate::read::{text, xml};

/// Paragraph properties as read from `w:pPr`.
#[derive(Default)]
pub(super) struct ParaProps {
    pub(super) style: Option<Vec<u8>>,
    pub(super) num_id: Option<u32>,
    pub(super) ilvl: Option<u32>,
    pub(super) outline: Option<Option<u8>>,
    pub(super) mark_deleted: bool,
}

impl BodyReader<'_, '_> {
    pub(super) fn paragraph(
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
    pub(super) fn text_content(&mut self, end: u32, offset: u64) -> Result<(), DocxError> {
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

    pub(super) fn field_char(&mut self, e: &BytesStart<'_>) {
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
