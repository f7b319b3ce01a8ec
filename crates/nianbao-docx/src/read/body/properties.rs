//! The property elements the reader needs (`w:pPr`, `w:rPr`, `w:trPr`, `w:tcPr`),
//! read in a tight loop over the raw events; what no reader needs is jumped over.

use quick_xml::events::{BytesStart, Event};

use super::BodyReader;
use super::paragraph::ParaProps;
use crate::read::error::DocxError;
use crate::read::grid::{CellProps, Merge, RowProps};
use crate::read::styles::outline_to_heading;
use crate::read::xml;

impl BodyReader<'_, '_> {
    pub(super) fn para_props(
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
    pub(super) fn run_hidden(&mut self, depth: u32, qname: &[u8]) -> Result<bool, DocxError> {
        let mut hidden = false;
        self.properties(depth, qname, &[b"vanish"], |local, e| {
            if local == b"vanish" {
                hidden = xml::on_off(e);
            }
        })?;
        Ok(hidden)
    }

    pub(super) fn row_props(&mut self, depth: u32, qname: &[u8]) -> Result<RowProps, DocxError> {
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

    pub(super) fn cell_props(
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
    pub(super) fn properties(
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
}

fn merge_val(e: &BytesStart<'_>) -> Merge {
    match xml::val(e).as_deref() {
        Some(b"restart") => Merge::Restart,
        _ => Merge::Continue,
    }
}
