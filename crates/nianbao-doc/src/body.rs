//! One pass over the characters of the main document: fields, paragraphs, list
//! numbers, and tables built from cell marks and row ends, nested by `itap` on an
//! explicit stack (no recursion).

use std::sync::Arc;

use nianbao_core::Limits;
use nianbao_core::ir::{Block, Paragraph, Pos, Table};

use crate::DocError;
use crate::bytes::{u8_at, u16_at, u32_at};
use crate::chpx::Hidden;
use crate::lists::Lists;
use crate::papx::Papx;
use crate::pieces::{Piece, PieceTable, cp1252};
use crate::sprm::{self, ParaProps, RowDef};
use crate::styles::Styles;
use crate::table::{self, DraftCell, DraftRow};

/// The stream positions point into.
const WORD_DOCUMENT: &str = "WordDocument";

/// Fields nested deeper than this are still balanced, but not tracked one by one.
const MAX_FIELD_DEPTH: usize = 1024;

/// A table being read.
#[derive(Default)]
struct Open {
    rows: Vec<DraftRow>,
    cells: Vec<DraftCell>,
    cell: DraftCell,
    cell_count: u64,
    pos: Pos,
}

/// What the body reader uses of the document.
pub(crate) struct Body<'a> {
    pub(crate) wd: &'a [u8],
    /// The `Data` stream (empty when the file has none).
    pub(crate) data: &'a [u8],
    pub(crate) pieces: &'a PieceTable,
    pub(crate) papx: &'a Papx,
    pub(crate) hidden: &'a Hidden,
    pub(crate) styles: &'a Styles,
    pub(crate) lists: &'a mut Lists,
    pub(crate) limits: &'a Limits,
}

/// The reader's state while it walks the characters.
struct State<'l> {
    part: Arc<str>,
    limits: &'l Limits,
    blocks: Vec<Block>,
    tables: Vec<Open>,
    text: String,
    /// Where the current paragraph starts, once it has a character.
    start: Option<u32>,
    /// Per open field: whether its code (not its result) is being read.
    fields: Vec<bool>,
    in_code: usize,
    fields_untracked: usize,
    high_surrogate: Option<u16>,
}

impl Body<'_> {
    /// Reads the first `ccp_text` characters (the main document) into blocks.
    pub(crate) fn read(mut self, ccp_text: u32) -> Result<Vec<Block>, DocError> {
        DocError::check_limit(
            "max_part_bytes",
            u64::from(ccp_text),
            self.limits.max_part_bytes,
            WORD_DOCUMENT,
        )?;
        let mut st = State {
            part: Arc::from(WORD_DOCUMENT),
            limits: self.limits,
            blocks: Vec::new(),
            tables: Vec::new(),
            text: String::new(),
            start: None,
            fields: Vec::new(),
            in_code: 0,
            fields_untracked: 0,
            high_surrogate: None,
        };
        for piece in &self.pieces.pieces {
            if piece.cp_start >= ccp_text {
                break;
            }
            let end = piece.cp_end.min(ccp_text);
            for cp in piece.cp_start..end {
                let fc = piece.fc_of(cp);
                let unit = if piece.compressed {
                    u8_at(self.wd, fc as usize).map(cp1252)
                } else {
                    u16_at(self.wd, fc as usize)
                };
                let Some(unit) = unit else {
                    return Err(DocError::corrupt(
                        WORD_DOCUMENT,
                        u64::from(fc),
                        "text runs past the end of the stream",
                    ));
                };
                match unit {
                    0x0D | 0x07 | 0x0C => {
                        let props = self.props(piece, fc);
                        st.paragraph(unit, props, self.lists)?;
                    }
                    // Field marks always count, so fields stay balanced.
                    0x13..=0x15 => st.character(unit, fc),
                    _ if !self.hidden.is_empty() && self.hidden.contains(fc) => {}
                    _ => st.character(unit, fc),
                }
            }
        }
        if !st.text.is_empty() {
            let props = ParaProps::default();
            st.paragraph(0x0D, props, self.lists)?;
        }
        while !st.tables.is_empty() {
            st.close_table();
        }
        Ok(st.blocks)
    }

    /// The properties of the paragraph whose mark is at `fc` in `piece`: the style's,
    /// then the paragraph's own, then the piece's modifier.
    fn props(&mut self, piece: &Piece, fc: u32) -> ParaProps {
        let (istd, grpprl) = self.papx.at(self.wd, fc).unwrap_or((0, &[]));
        let mut props = self.styles.base(istd);
        props.apply(grpprl);
        // sprmPHugePapx: properties too large for the page, in the Data stream.
        if let Some((_, op)) = sprm::iter(grpprl).find(|(s, _)| *s == 0x6646)
            && let Some(at) = u32_at(op, 0).map(|v| v as usize)
            && let Some(cb) = u16_at(self.data, at).map(usize::from)
            && let Some(huge) = self.data.get(at + 2..at + 2 + cb)
        {
            props.apply(huge);
        }
        if let Some(g) = self.pieces.grpprl_of(piece) {
            props.apply(g);
        }
        props
    }
}

impl State<'_> {
    fn character(&mut self, unit: u16, fc: u32) {
        match unit {
            0x13 => {
                if self.fields.len() < MAX_FIELD_DEPTH {
                    self.fields.push(true);
                    self.in_code += 1;
                } else {
                    self.fields_untracked += 1;
                }
                return;
            }
            0x14 => {
                if self.fields_untracked == 0
                    && let Some(top) = self.fields.last_mut()
                    && *top
                {
                    *top = false;
                    self.in_code -= 1;
                }
                return;
            }
            0x15 => {
                if self.fields_untracked > 0 {
                    self.fields_untracked -= 1;
                } else if self.fields.pop() == Some(true) {
                    self.in_code -= 1;
                }
                return;
            }
            _ => {}
        }
        if self.in_code > 0 || self.fields_untracked > 0 {
            return;
        }
        let c = match unit {
            0x09 => '\t',
            0x0B => '\n',
            0x1E => '-',
            // Other control characters: pictures, footnote and comment marks, drawn
            // objects, the optional hyphen.
            0x00..=0x1F => return,
            0xD800..=0xDBFF => {
                self.high_surrogate = Some(unit);
                return;
            }
            0xDC00..=0xDFFF => match self.high_surrogate.take() {
                Some(high) => {
                    let v =
                        0x10000 + ((u32::from(high) - 0xD800) << 10) + (u32::from(unit) - 0xDC00);
                    char::from_u32(v).unwrap_or('\u{FFFD}')
                }
                None => '\u{FFFD}',
            },
            _ => char::from_u32(u32::from(unit)).unwrap_or('\u{FFFD}'),
        };
        if self.high_surrogate.take().is_some() {
            self.text.push('\u{FFFD}');
        }
        if self.start.is_none() {
            self.start = Some(fc);
        }
        self.text.push(c);
    }

    fn pos(&self, fc: u32) -> Pos {
        Pos::part_offset(Arc::clone(&self.part), u64::from(fc))
    }

    /// A paragraph ended by `mark` (paragraph mark, cell mark or section break).
    fn paragraph(
        &mut self,
        mark: u16,
        props: ParaProps,
        lists: &mut Lists,
    ) -> Result<(), DocError> {
        let mut depth = props.depth();
        if mark == 0x07 && depth == 0 {
            depth = 1;
        }
        DocError::check_limit(
            "max_depth",
            u64::from(depth),
            self.limits.max_depth,
            WORD_DOCUMENT,
        )?;
        while self.tables.len() > depth as usize {
            self.close_table();
        }
        let pos = self.pos(self.start.unwrap_or(0));
        while self.tables.len() < depth as usize {
            self.tables.push(Open {
                pos: pos.clone(),
                ..Open::default()
            });
        }
        let mut text = std::mem::take(&mut self.text);
        self.start = None;
        self.high_surrogate = None;
        let row_end = match depth {
            0 => false,
            1 => props.ttp,
            _ => props.inner_ttp,
        };
        if !row_end
            && let Some(ilfo) = props.ilfo
            && ilfo > 0
            && let Some(number) = lists.next(ilfo, props.ilvl.unwrap_or(0))
        {
            text.insert_str(0, &number);
        }
        let max_cells = self.limits.max_table_cells;
        let Some(open) = self.tables.last_mut() else {
            if !text.is_empty() {
                let heading_level = props.outline.filter(|&l| l < 9).map(|l| l + 1);
                self.blocks.push(Block::Paragraph(
                    Paragraph::new(text, pos).with_heading_level(heading_level),
                ));
            }
            return Ok(());
        };
        if row_end {
            if open.cell.started {
                let cell = std::mem::take(&mut open.cell);
                open.cells.push(cell);
            }
            let def = props
                .row
                .or_else(|| open.rows.last().and_then(|r| r.def.clone()));
            let cells = std::mem::take(&mut open.cells);
            let row_pos = cells.first().map_or_else(|| pos.clone(), |c| c.pos.clone());
            open.rows.push(DraftRow {
                cells,
                def,
                header: props.header,
                pos: row_pos,
            });
            return Ok(());
        }
        let cell = &mut open.cell;
        if !cell.started {
            cell.pos = pos;
            cell.started = true;
            open.cell_count += 1;
            DocError::check_limit("max_table_cells", open.cell_count, max_cells, WORD_DOCUMENT)?;
        }
        // Paragraphs joined by '\n'; an empty one is dropped (as the .docx reader does).
        if !text.is_empty() {
            if !cell.text.is_empty() {
                cell.text.push('\n');
            }
            cell.text.push_str(&text);
        }
        let cell_end = if depth == 1 {
            mark == 0x07
        } else {
            props.inner_cell
        };
        if cell_end {
            let cell = std::mem::take(&mut open.cell);
            open.cells.push(cell);
        }
        Ok(())
    }

    /// Closes the innermost open table: into the cell that holds it, or the body.
    fn close_table(&mut self) {
        let Some(mut open) = self.tables.pop() else {
            return;
        };
        if open.cell.started {
            let cell = std::mem::take(&mut open.cell);
            open.cells.push(cell);
        }
        if !open.cells.is_empty() {
            // A row never ended: keep its cells with the last row's boundaries.
            let def: Option<RowDef> = open.rows.last().and_then(|r| r.def.clone());
            let cells = std::mem::take(&mut open.cells);
            let pos = cells.first().map(|c| c.pos.clone()).unwrap_or_default();
            open.rows.push(DraftRow {
                cells,
                def,
                header: false,
                pos,
            });
        }
        let table: Table = table::build(open.rows, open.pos);
        match self.tables.last_mut() {
            Some(parent) => {
                if !parent.cell.started {
                    parent.cell.started = true;
                    parent.cell.pos = table.pos.clone();
                }
                parent.cell.nested.push(table);
            }
            None => self.blocks.push(Block::Table(table)),
        }
    }
}
