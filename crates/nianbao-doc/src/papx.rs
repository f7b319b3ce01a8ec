//! Paragraph properties by file offset: the bin table (`PlcBtePapx`) and its 512-byte
//! formatted disk pages (`PapxFkp`, [MS-DOC] 2.9.175), read once into a sorted list
//! of runs.

use crate::DocError;
use crate::bytes::{u8_at, u16_at, u32_at};
use crate::fib::FcLcb;

const PAGE: usize = 512;

/// The paragraph properties of the bytes `fc_start..fc_end` of the `WordDocument`
/// stream: an `istd` and a `grpprl` at `at..at + len` in that stream.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Run {
    fc_start: u32,
    fc_end: u32,
    at: u32,
    len: u32,
}

/// Every paragraph run of the document, sorted by file offset.
#[derive(Debug, Default)]
pub(crate) struct Papx {
    runs: Vec<Run>,
}

/// The 512-byte property pages a bin table (`PlcBtePapx`, `PlcBteChpx`) at `at` in
/// the table stream names, with their offsets in `wd`: `kind` (paragraph, character)
/// names them in errors.
pub(crate) fn pages<'a>(
    table: &[u8],
    name: &'static str,
    at: FcLcb,
    wd: &'a [u8],
    kind: &str,
) -> Result<Vec<(usize, &'a [u8])>, DocError> {
    let corrupt = |pos: usize, what: String| DocError::corrupt(name, pos as u64, what);
    let start = at.fc as usize;
    let lcb = at.lcb as usize;
    if lcb < 4 {
        return Ok(Vec::new());
    }
    if start.saturating_add(lcb) > table.len() {
        return Err(corrupt(
            start,
            format!("the {kind} bin table runs past the table stream"),
        ));
    }
    let n = (lcb - 4) / 8;
    if n > wd.len() / PAGE + 1 {
        return Err(corrupt(
            start,
            format!("more {kind} pages than the document holds"),
        ));
    }
    let mut out = Vec::with_capacity(n);
    for i in 0..n {
        let pn_at = start + (n + 1) * 4 + i * 4;
        let pn = u32_at(table, pn_at)
            .ok_or_else(|| corrupt(pn_at, format!("{kind} bin table cut short")))?
            & 0x003F_FFFF;
        let base = pn as usize * PAGE;
        let Some(page) = wd.get(base..base.saturating_add(PAGE)) else {
            return Err(DocError::corrupt(
                "WordDocument",
                base as u64,
                format!("a {kind} page lies outside the stream"),
            ));
        };
        out.push((base, page));
    }
    Ok(out)
}

impl Papx {
    /// Reads the bin table at `at` in `table` and the pages it names in `wd`.
    pub(crate) fn parse(
        table: &[u8],
        name: &'static str,
        at: FcLcb,
        wd: &[u8],
    ) -> Result<Papx, DocError> {
        let mut runs = Vec::new();
        for (base, page) in pages(table, name, at, wd, "paragraph")? {
            let crun = usize::from(u8_at(page, PAGE - 1).unwrap_or(0));
            for r in 0..crun {
                let (Some(fc_start), Some(fc_end)) = (u32_at(page, r * 4), u32_at(page, r * 4 + 4))
                else {
                    break;
                };
                let bx = (crun + 1) * 4 + r * 13;
                let offset = usize::from(u8_at(page, bx).unwrap_or(0)) * 2;
                let (at, len) = if offset == 0 {
                    (0, 0)
                } else {
                    match u8_at(page, offset) {
                        Some(0) => (
                            offset + 2,
                            usize::from(u8_at(page, offset + 1).unwrap_or(0)) * 2,
                        ),
                        Some(cb) => (offset + 1, usize::from(cb) * 2 - 1),
                        None => (0, 0),
                    }
                };
                let len = if at + len > PAGE { 0 } else { len };
                runs.push(Run {
                    fc_start,
                    fc_end,
                    at: (base + at) as u32,
                    len: len as u32,
                });
            }
        }
        // Pages come in file order; a fast-saved file's pages may not.
        if !runs.is_sorted_by_key(|r| r.fc_start) {
            runs.sort_by_key(|r| r.fc_start);
        }
        Ok(Papx { runs })
    }

    /// The `istd` and the `grpprl` of the paragraph whose mark is at byte `fc`.
    pub(crate) fn at<'a>(&self, wd: &'a [u8], fc: u32) -> Option<(u16, &'a [u8])> {
        let i = self.runs.partition_point(|r| r.fc_start <= fc);
        let run = self.runs.get(i.checked_sub(1)?)?;
        if fc >= run.fc_end || run.len < 2 {
            return None;
        }
        let data = wd.get(run.at as usize..(run.at + run.len) as usize)?;
        Some((u16_at(data, 0)?, data.get(2..)?))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn runs_by_offset_and_shared_properties() {
        // One page at pn 1 with two runs sharing one PAPX (istd 3, sprmPFInTable).
        let mut wd = vec![0u8; 1024];
        let page = &mut wd[512..];
        for (i, fc) in [100u32, 150, 200].iter().enumerate() {
            page[i * 4..i * 4 + 4].copy_from_slice(&fc.to_le_bytes());
        }
        page[12] = 200; // bOffset of run 0 → byte 400
        page[25] = 200; // run 1 shares it
        page[400] = 3; // cb: 2*3-1 = 5 bytes
        page[401..406].copy_from_slice(&[3, 0, 0x16, 0x24, 1]);
        page[511] = 2;
        let mut table = Vec::new();
        for v in [100u32, 200, 1] {
            table.extend_from_slice(&v.to_le_bytes());
        }
        let p = Papx::parse(&table, "1Table", FcLcb { fc: 0, lcb: 12 }, &wd).unwrap();
        assert_eq!(p.at(&wd, 120), Some((3, &[0x16, 0x24, 1][..])));
        assert_eq!(p.at(&wd, 199), Some((3, &[0x16, 0x24, 1][..])));
        assert_eq!(p.at(&wd, 99), None);
        assert_eq!(p.at(&wd, 200), None);
    }
}
