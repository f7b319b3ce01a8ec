//! Tables, rows and cells, placed into the logical grid by [`GridBuilder`].

use nianbao_core::Diagnostic;
use nianbao_core::ir::Table;

use super::events::{Ev, Tag};
use super::{BodyReader, Sink};
use crate::read::error::DocxError;
use crate::read::grid::{Added, CellProps, GridBuilder};

impl BodyReader<'_, '_> {
    pub(super) fn table(&mut self, end: u32, offset: u64) -> Result<Table, DocxError> {
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

    pub(super) fn row(
        &mut self,
        end: u32,
        offset: u64,
        grid: &mut GridBuilder,
    ) -> Result<(), DocxError> {
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

    pub(super) fn cell(
        &mut self,
        end: u32,
        offset: u64,
        grid: &mut GridBuilder,
    ) -> Result<(), DocxError> {
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
