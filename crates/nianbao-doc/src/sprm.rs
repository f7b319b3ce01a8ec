//! Property modifiers (`Sprm` + operand, [MS-DOC] 2.6) and the paragraph and table
//! properties the reader takes from them.

use crate::bytes::{i16_at, i32_at, u8_at, u16_at};

/// Iterates over the `(sprm, operand)` pairs of a `grpprl`; stops at the first one cut short.
pub(crate) fn iter(grpprl: &[u8]) -> impl Iterator<Item = (u16, &[u8])> {
    let mut pos = 0usize;
    std::iter::from_fn(move || {
        let sprm = u16_at(grpprl, pos)?;
        let at = pos + 2;
        let (start, len) = match sprm >> 13 {
            0 | 1 => (at, 1),
            2 | 4 | 5 => (at, 2),
            3 => (at, 4),
            7 => (at, 3),
            _ => match sprm {
                // sprmTDefTable, sprmTDefTable10: a 2-byte size, counted with one more.
                0xD608 | 0xD606 => (at + 2, usize::from(u16_at(grpprl, at)?).saturating_sub(1)),
                // sprmPChgTabs: a size of 255 means a longer operand, not handled: stop.
                0xC615 if u8_at(grpprl, at)? == 255 => return None,
                _ => (at + 1, usize::from(u8_at(grpprl, at)?)),
            },
        };
        let operand = grpprl.get(start..start.checked_add(len)?)?;
        pos = start + len;
        Some((sprm, operand))
    })
}

/// The cell properties of one cell of `sprmTDefTable` (`TCGRF`, [MS-DOC] 2.9.328).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(crate) struct CellFlags {
    /// `fFirstMerged`: the first of horizontally merged cells.
    pub(crate) first_merged: bool,
    /// `fMerged`: merged into the cell on its left.
    pub(crate) merged: bool,
    /// `fVertMerge`: part of a vertical merge.
    pub(crate) vert_merge: bool,
    /// `fVertRestart`: starts a vertical merge.
    pub(crate) vert_restart: bool,
}

impl CellFlags {
    fn from_tcgrf(v: u16) -> Self {
        CellFlags {
            first_merged: v & 0x01 != 0,
            merged: v & 0x02 != 0,
            vert_merge: v & 0x20 != 0,
            vert_restart: v & 0x40 != 0,
        }
    }
}

/// The row definition of `sprmTDefTable`: cell boundaries (twips) and cell flags.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct RowDef {
    /// `itcMac + 1` boundaries, left to right.
    pub(crate) centers: Vec<i16>,
    /// One entry per cell (missing entries default).
    pub(crate) cells: Vec<CellFlags>,
}

impl RowDef {
    fn parse(op: &[u8]) -> Option<RowDef> {
        let n = usize::from(u8_at(op, 0)?).min(63);
        let centers = (0..=n)
            .map(|i| i16_at(op, 1 + i * 2))
            .collect::<Option<Vec<_>>>()?;
        let tcs = 1 + (n + 1) * 2;
        let cells = (0..n)
            .map(|i| {
                u16_at(op, tcs + i * 20).map_or_else(CellFlags::default, CellFlags::from_tcgrf)
            })
            .collect();
        Some(RowDef { centers, cells })
    }

    fn cell_mut(&mut self, i: usize) -> Option<&mut CellFlags> {
        self.cells.get_mut(i)
    }
}

/// The paragraph properties the reader uses.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct ParaProps {
    /// The style (`istd`).
    pub(crate) istd: u16,
    /// `sprmPFInTable`.
    pub(crate) in_table: bool,
    /// `sprmPItap` (with `sprmPDtap` applied): the table depth.
    pub(crate) itap: Option<i32>,
    /// `sprmPFTtp`: the end of a row of a top-level table.
    pub(crate) ttp: bool,
    /// `sprmPFInnerTableCell`: the end of a cell of a nested table.
    pub(crate) inner_cell: bool,
    /// `sprmPFInnerTtp`: the end of a row of a nested table.
    pub(crate) inner_ttp: bool,
    /// `sprmPIlfo`: the list (1-based index of the LFO; 0 none).
    pub(crate) ilfo: Option<i16>,
    /// `sprmPIlvl`: the list level.
    pub(crate) ilvl: Option<u8>,
    /// `sprmPOutLvl`: the outline level (9 = body text).
    pub(crate) outline: Option<u8>,
    /// The row definition (on a row end).
    pub(crate) row: Option<RowDef>,
    /// `sprmTTableHeader`: a header row.
    pub(crate) header: bool,
}

impl ParaProps {
    /// The table depth: `itap` where given, else 1 for a paragraph in a table.
    pub(crate) fn depth(&self) -> u32 {
        match self.itap {
            Some(n) if n > 0 => n as u32,
            Some(_) => 0,
            None => u32::from(self.in_table),
        }
    }

    /// Applies the sprms of `grpprl` in order.
    pub(crate) fn apply(&mut self, grpprl: &[u8]) {
        for (sprm, op) in iter(grpprl) {
            let b = u8_at(op, 0).unwrap_or(0);
            match sprm {
                0x4600 => self.istd = u16_at(op, 0).unwrap_or(0),
                0x2416 => self.in_table = b != 0,
                0x2417 => self.ttp = b != 0,
                0x244B => self.inner_cell = b != 0,
                0x244C => self.inner_ttp = b != 0,
                0x6649 => self.itap = i32_at(op, 0),
                0x664A => {
                    let d = i32_at(op, 0).unwrap_or(0);
                    self.itap = Some(
                        self.itap
                            .unwrap_or(i32::from(self.in_table))
                            .saturating_add(d),
                    );
                }
                0x460B => self.ilfo = i16_at(op, 0),
                0x260A => self.ilvl = Some(b),
                0x2640 => self.outline = Some(b),
                0xD608 | 0xD606 => self.row = RowDef::parse(op),
                0x3404 => self.header = b != 0,
                // sprmTMerge (itcFirst, itcLim): merge cells horizontally.
                0x5624 => {
                    if let (Some(row), Some(first), Some(lim)) =
                        (self.row.as_mut(), u8_at(op, 0), u8_at(op, 1))
                    {
                        for i in usize::from(first)..usize::from(lim) {
                            if let Some(c) = row.cell_mut(i) {
                                c.first_merged = i == usize::from(first);
                                c.merged = i != usize::from(first);
                            }
                        }
                    }
                }
                // sprmTVertMerge (itc, ucm): 0 none, 1 continue, 3 restart.
                0xD62B => {
                    if let (Some(row), Some(itc), Some(ucm)) =
                        (self.row.as_mut(), u8_at(op, 0), u8_at(op, 1))
                        && let Some(c) = row.cell_mut(usize::from(itc))
                    {
                        c.vert_merge = ucm != 0;
                        c.vert_restart = ucm == 3;
                    }
                }
                _ => {}
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn operand_sizes() {
        // sprmPFInTable 1, sprmPItap 2, sprmPIlfo 3, sprmTDefTable (2 cells).
        let mut g = vec![0x16, 0x24, 1, 0x49, 0x66, 2, 0, 0, 0, 0x0B, 0x46, 3, 0];
        let mut def = vec![2u8];
        for c in [0i16, 1000, 2500] {
            def.extend_from_slice(&c.to_le_bytes());
        }
        let mut tc = [0u8; 20];
        tc[0] = 0x60; // fVertMerge + fVertRestart
        def.extend_from_slice(&tc);
        tc[0] = 0x02; // fMerged
        def.extend_from_slice(&tc);
        g.extend_from_slice(&[0x08, 0xD6]);
        g.extend_from_slice(&(def.len() as u16 + 1).to_le_bytes());
        g.extend_from_slice(&def);
        g.extend_from_slice(&[0x0A, 0x26, 4]);
        let mut p = ParaProps::default();
        p.apply(&g);
        assert!(p.in_table);
        assert_eq!(p.depth(), 2);
        assert_eq!(p.ilfo, Some(3));
        assert_eq!(p.ilvl, Some(4));
        let row = p.row.unwrap();
        assert_eq!(row.centers, vec![0, 1000, 2500]);
        assert!(row.cells[0].vert_restart && row.cells[0].vert_merge);
        assert!(row.cells[1].merged);
    }

    #[test]
    fn cut_short_stops() {
        assert_eq!(iter(&[0x49, 0x66, 2, 0]).count(), 0);
        assert_eq!(iter(&[0x08, 0xD6, 0xff, 0xff, 1]).count(), 0);
    }
}
