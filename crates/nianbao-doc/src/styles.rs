//! The paragraph properties of styles (`STSH`, [MS-DOC] 2.9.271): what a paragraph
//! inherits from its style — list and outline level above all (a `一、` heading is
//! usually numbered through its heading style).

use crate::bytes::u16_at;
use crate::fib::FcLcb;
use crate::sprm::ParaProps;

/// Deepest chain of based-on styles followed.
const MAX_BASE_DEPTH: usize = 16;

/// The resolved paragraph properties of each style, by `istd`.
#[derive(Debug, Default)]
pub(crate) struct Styles {
    props: Vec<ParaProps>,
}

impl Styles {
    /// Reads the style sheet; a cut-short one yields the styles read before the cut.
    pub(crate) fn parse(t: &[u8], at: FcLcb) -> Styles {
        let start = at.fc as usize;
        let end = start.saturating_add(at.lcb as usize).min(t.len());
        let Some(cb_stshi) = u16_at(t, start) else {
            return Styles::default();
        };
        let cstd = usize::from(u16_at(t, start + 2).unwrap_or(0));
        let cb_base = usize::from(u16_at(t, start + 4).unwrap_or(10));
        // Own paragraph grpprl and base style of each style.
        let mut raw: Vec<(Option<usize>, &[u8])> = Vec::with_capacity(cstd.min(4096));
        let mut pos = start + 2 + usize::from(cb_stshi);
        for _ in 0..cstd {
            let Some(cb) = u16_at(t, pos).map(usize::from) else {
                break;
            };
            let std = pos + 2;
            pos = std + cb;
            if pos > end {
                break;
            }
            if cb == 0 {
                raw.push((None, &[]));
                continue;
            }
            let Some(std_data) = t.get(std..std + cb) else {
                break;
            };
            raw.push(style_papx(std_data, cb_base));
        }
        let mut props: Vec<Option<ParaProps>> = vec![None; raw.len()];
        for i in 0..raw.len() {
            // The chain from this style up to its root, followed without recursion.
            let mut chain = vec![i];
            let mut cur = i;
            while let Some(Some(base)) = raw.get(cur).map(|r| r.0) {
                if chain.len() > MAX_BASE_DEPTH || chain.contains(&base) || base >= raw.len() {
                    break;
                }
                if props.get(base).is_some_and(Option::is_some) {
                    chain.push(base);
                    break;
                }
                chain.push(base);
                cur = base;
            }
            let mut p = ParaProps::default();
            for &s in chain.iter().rev() {
                if let Some(Some(done)) = props.get(s) {
                    p = done.clone();
                } else if let Some((_, grpprl)) = raw.get(s) {
                    p.apply(grpprl);
                }
            }
            if let Some(slot) = props.get_mut(i) {
                *slot = Some(p);
            }
        }
        Styles {
            props: props.into_iter().map(Option::unwrap_or_default).collect(),
        }
    }

    /// The list and outline properties a paragraph of style `istd` starts with.
    pub(crate) fn base(&self, istd: u16) -> ParaProps {
        let mut p = ParaProps {
            istd,
            ..ParaProps::default()
        };
        if let Some(s) = self.props.get(usize::from(istd)) {
            p.ilfo = s.ilfo;
            p.ilvl = s.ilvl;
            p.outline = s.outline;
        }
        p
    }
}

/// The base style and the paragraph `grpprl` of one `STD` (paragraph styles only).
fn style_papx(std: &[u8], cb_base: usize) -> (Option<usize>, &[u8]) {
    let stk = u16_at(std, 2).unwrap_or(0) & 0x0F;
    let base = usize::from(u16_at(std, 2).unwrap_or(0) >> 4);
    let base = (base != 0x0FFF).then_some(base);
    if stk != 1 {
        return (base, &[]);
    }
    // xstzName: cch, cch UTF-16 units, a terminating zero.
    let name = cb_base;
    let cch = usize::from(u16_at(std, name).unwrap_or(0));
    let mut upx = name + 2 + cch * 2 + 2;
    upx += upx & 1;
    let cb = usize::from(u16_at(std, upx).unwrap_or(0));
    // UpxPapx: istd, then the grpprl.
    let grpprl = std.get(upx + 4..upx + 2 + cb).unwrap_or(&[]);
    (base, grpprl)
}
