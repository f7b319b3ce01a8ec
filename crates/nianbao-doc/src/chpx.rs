//! Character properties by file offset (`PlcBteChpx` and its `ChpxFkp` pages,
//! [MS-DOC] 2.9.33): only which bytes of text are hidden (`sprmCFVanish`) or deleted
//! in tracked changes (`sprmCFRMarkDel`), which a reader of the document does not see.

use crate::DocError;
use crate::bytes::{u8_at, u32_at};
use crate::fib::FcLcb;
use crate::papx::pages;
use crate::sprm;

const PAGE: usize = 512;

/// The byte ranges of the `WordDocument` stream whose text does not show, sorted.
#[derive(Debug, Default)]
pub(crate) struct Hidden {
    ranges: Vec<(u32, u32)>,
}

/// Whether a toggle operand turns the property on (1, or 0x81: the opposite of the
/// style's, which is off in the styles the reader does not follow).
fn on(op: &[u8]) -> bool {
    matches!(op.first(), Some(1 | 0x81))
}

impl Hidden {
    /// Reads the character bin table at `at` in `table` and the pages it names in `wd`.
    pub(crate) fn parse(
        table: &[u8],
        name: &'static str,
        at: FcLcb,
        wd: &[u8],
    ) -> Result<Hidden, DocError> {
        let mut ranges = Vec::new();
        for (_, page) in pages(table, name, at, wd, "character")? {
            let crun = usize::from(u8_at(page, PAGE - 1).unwrap_or(0));
            for r in 0..crun {
                let (Some(fc_start), Some(fc_end)) = (u32_at(page, r * 4), u32_at(page, r * 4 + 4))
                else {
                    break;
                };
                let offset = usize::from(u8_at(page, (crun + 1) * 4 + r).unwrap_or(0)) * 2;
                if offset == 0 {
                    continue;
                }
                let cb = usize::from(u8_at(page, offset).unwrap_or(0));
                let Some(grpprl) = page.get(offset + 1..offset + 1 + cb) else {
                    continue;
                };
                let hidden = sprm::iter(grpprl).fold(false, |h, (s, op)| match s {
                    0x083C | 0x0800 => h || on(op),
                    _ => h,
                });
                if hidden && fc_end > fc_start {
                    ranges.push((fc_start, fc_end));
                }
            }
        }
        ranges.sort_unstable();
        Ok(Hidden { ranges })
    }

    /// Whether nothing is hidden (the common case: no lookups then).
    pub(crate) fn is_empty(&self) -> bool {
        self.ranges.is_empty()
    }

    /// Whether the character at byte `fc` is hidden or deleted.
    pub(crate) fn contains(&self, fc: u32) -> bool {
        let i = self.ranges.partition_point(|r| r.0 <= fc);
        i.checked_sub(1)
            .and_then(|i| self.ranges.get(i))
            .is_some_and(|r| fc < r.1)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hidden_and_deleted_runs() {
        let mut wd = vec![0u8; 1024];
        let page = &mut wd[512..];
        for (i, fc) in [100u32, 110, 120, 130].iter().enumerate() {
            page[i * 4..i * 4 + 4].copy_from_slice(&fc.to_le_bytes());
        }
        // Run 0: sprmCFVanish on; run 1: none; run 2: sprmCFRMarkDel off.
        page[16] = 100;
        page[18] = 102;
        page[200..204].copy_from_slice(&[3, 0x3C, 0x08, 1]);
        page[202 + 2..202 + 6].copy_from_slice(&[3, 0x00, 0x08, 0]);
        page[511] = 3;
        let mut table = Vec::new();
        for v in [100u32, 130, 1] {
            table.extend_from_slice(&v.to_le_bytes());
        }
        let h = Hidden::parse(&table, "1Table", FcLcb { fc: 0, lcb: 12 }, &wd).unwrap();
        assert!(h.contains(100) && h.contains(109));
        assert!(!h.contains(110) && !h.contains(125) && !h.contains(99));
    }
}
