//! The piece table (`Clx`, [MS-DOC] 2.9.38): where each run of characters of the
//! document lies in the `WordDocument` stream, as 8-bit (compressed) or UTF-16 text.
//!
//! A fast-saved file appends its edits at the end of the stream and lists the text
//! as many pieces in any order of the stream; the character positions (CPs) still
//! run in reading order.

use nianbao_core::Limits;

use crate::DocError;
use crate::bytes::{i16_at, u8_at, u16_at, u32_at};
use crate::fib::FcLcb;

/// One piece: characters `cp_start..cp_end` of the document.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Piece {
    pub(crate) cp_start: u32,
    pub(crate) cp_end: u32,
    /// The byte offset of the first character in the `WordDocument` stream.
    pub(crate) fc: u32,
    /// One byte a character (Windows-1252) instead of two (UTF-16LE).
    pub(crate) compressed: bool,
    /// The property modifier of the piece (`Prm`).
    pub(crate) prm: u16,
}

impl Piece {
    /// The byte offset of character `cp` (which must be in the piece).
    pub(crate) fn fc_of(&self, cp: u32) -> u32 {
        let n = cp.saturating_sub(self.cp_start);
        if self.compressed {
            self.fc.saturating_add(n)
        } else {
            self.fc.saturating_add(n.saturating_mul(2))
        }
    }
}

/// The piece table with the property lists (`RgPrc`) that pieces may point to.
#[derive(Debug, Default)]
pub(crate) struct PieceTable {
    pub(crate) pieces: Vec<Piece>,
    pub(crate) grpprls: Vec<Vec<u8>>,
}

impl PieceTable {
    /// Parses the `Clx` at `at` in the table stream; `wd_len` is the length of the
    /// `WordDocument` stream every piece must lie in.
    pub(crate) fn parse(
        table: &[u8],
        name: &'static str,
        at: FcLcb,
        wd_len: usize,
        limits: &Limits,
    ) -> Result<PieceTable, DocError> {
        let start = at.fc as usize;
        let end = start.saturating_add(at.lcb as usize).min(table.len());
        let mut pos = start;
        let mut out = PieceTable::default();
        let corrupt = |pos: usize, what: &str| DocError::corrupt(name, pos as u64, what);
        loop {
            if pos >= end {
                return Err(corrupt(
                    pos,
                    "the piece table (Pcdt) is missing from the Clx",
                ));
            }
            match u8_at(table, pos) {
                Some(0x01) => {
                    let cb = i16_at(table, pos + 1).ok_or_else(|| corrupt(pos, "Prc cut short"))?;
                    let cb = usize::try_from(cb).map_err(|_| corrupt(pos, "negative Prc size"))?;
                    let data = table
                        .get(pos + 3..pos + 3 + cb)
                        .filter(|_| pos + 3 + cb <= end)
                        .ok_or_else(|| corrupt(pos, "Prc cut short"))?;
                    DocError::check_limit(
                        "max_entries",
                        out.grpprls.len() as u64 + 1,
                        limits.max_entries,
                        name,
                    )?;
                    out.grpprls.push(data.to_vec());
                    pos += 3 + cb;
                }
                Some(0x02) => {
                    let lcb = u32_at(table, pos + 1)
                        .ok_or_else(|| corrupt(pos, "Pcdt cut short"))?
                        as usize;
                    let plc = pos + 5;
                    if plc.saturating_add(lcb) > table.len() || lcb < 4 {
                        return Err(corrupt(pos, "the piece table runs past the table stream"));
                    }
                    let n = (lcb - 4) / 12;
                    DocError::check_limit("max_entries", n as u64, limits.max_entries, name)?;
                    out.pieces.reserve(n);
                    let pcds = plc + (n + 1) * 4;
                    for i in 0..n {
                        let cp_at = plc + i * 4;
                        let (Some(cp_start), Some(cp_end)) =
                            (u32_at(table, cp_at), u32_at(table, cp_at + 4))
                        else {
                            return Err(corrupt(cp_at, "piece table cut short"));
                        };
                        let pcd = pcds + i * 8;
                        let (Some(fc_raw), Some(prm)) =
                            (u32_at(table, pcd + 2), u16_at(table, pcd + 6))
                        else {
                            return Err(corrupt(pcd, "piece descriptor cut short"));
                        };
                        if cp_end < cp_start
                            || out.pieces.last().is_some_and(|p| p.cp_end != cp_start)
                        {
                            return Err(corrupt(cp_at, "piece character positions out of order"));
                        }
                        let compressed = fc_raw & 0x4000_0000 != 0;
                        let fc = fc_raw & 0x3FFF_FFFF;
                        let fc = if compressed { fc / 2 } else { fc };
                        let piece = Piece {
                            cp_start,
                            cp_end,
                            fc,
                            compressed,
                            prm,
                        };
                        let bytes_end = u64::from(piece.fc_of(cp_end));
                        if bytes_end > wd_len as u64 || piece.fc_of(cp_end) < fc {
                            return Err(corrupt(
                                pcd,
                                "a piece of text lies outside the WordDocument stream",
                            ));
                        }
                        out.pieces.push(piece);
                    }
                    return Ok(out);
                }
                _ => return Err(corrupt(pos, "neither a Prc nor a Pcdt in the Clx")),
            }
        }
    }

    /// The property list a piece's `Prm` points to (`Prm1`), if any.
    pub(crate) fn grpprl_of(&self, piece: &Piece) -> Option<&[u8]> {
        if piece.prm & 1 == 0 {
            return None;
        }
        self.grpprls
            .get(usize::from(piece.prm >> 1))
            .map(Vec::as_slice)
    }
}

/// The UTF-16 code unit of a byte of a compressed piece ([MS-DOC] 2.4.1: Windows-1252,
/// whose 0x80–0x9F are not Latin-1).
pub(crate) fn cp1252(b: u8) -> u16 {
    const HIGH: [u16; 32] = [
        0x20AC, 0x0081, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160,
        0x2039, 0x0152, 0x008D, 0x017D, 0x008F, 0x0090, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022,
        0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x009D, 0x017E, 0x0178,
    ];
    match b {
        0x80..=0x9F => HIGH
            .get(usize::from(b - 0x80))
            .copied()
            .unwrap_or(u16::from(b)),
        _ => u16::from(b),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn clx(pieces: &[(u32, u32, bool)], end_cp: u32) -> Vec<u8> {
        let mut plc = Vec::new();
        for (cp, _, _) in pieces {
            plc.extend_from_slice(&cp.to_le_bytes());
        }
        plc.extend_from_slice(&end_cp.to_le_bytes());
        for (_, fc, compressed) in pieces {
            plc.extend_from_slice(&0u16.to_le_bytes());
            let raw = if *compressed {
                (fc * 2) | 0x4000_0000
            } else {
                *fc
            };
            plc.extend_from_slice(&raw.to_le_bytes());
            plc.extend_from_slice(&0u16.to_le_bytes());
        }
        let mut out = vec![0x01, 2, 0, 0x08, 0x24];
        out.push(0x02);
        out.extend_from_slice(&(plc.len() as u32).to_le_bytes());
        out.extend_from_slice(&plc);
        out
    }

    #[test]
    fn compressed_and_unicode_pieces() {
        let data = clx(&[(0, 100, true), (5, 200, false)], 9);
        let lcb = FcLcb {
            fc: 0,
            lcb: data.len() as u32,
        };
        let t = PieceTable::parse(&data, "1Table", lcb, 1000, &Limits::default()).unwrap();
        assert_eq!(t.pieces.len(), 2);
        assert_eq!(t.pieces[0].fc, 100);
        assert!(t.pieces[0].compressed);
        assert_eq!(t.pieces[1].fc_of(7), 204);
        assert_eq!(t.grpprls, vec![vec![0x08, 0x24]]);
        // A piece past the stream's end.
        assert!(PieceTable::parse(&data, "1Table", lcb, 205, &Limits::default()).is_err());
        assert_eq!(cp1252(0x93), 0x201C);
        assert_eq!(cp1252(0x41), 0x41);
    }

    #[test]
    fn pieces_out_of_order_are_corrupt() {
        let data = clx(&[(0, 100, true), (7, 200, false)], 5);
        let lcb = FcLcb {
            fc: 0,
            lcb: data.len() as u32,
        };
        let err = PieceTable::parse(&data, "1Table", lcb, 1000, &Limits::default()).unwrap_err();
        assert!(err.to_string().contains("out of order"), "{err}");
    }
}
