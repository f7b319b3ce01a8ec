//! List numbering ([MS-DOC] 2.9.147 `LSTF`, 2.9.150 `LVL`, 2.9.131 `LFO`): list
//! definitions, their overrides, and the counters rendered as Word prints them.

use std::collections::BTreeMap;

use nianbao_core::text::{LIST_LEVELS as LEVELS, ListCounter, ListSuffix, NumFmt};

use crate::bytes::{i16_at, i32_at, u8_at, u16_at, u32_at};
use crate::fib::FcLcb;

/// One level of a list.
#[derive(Debug, Clone, Default)]
struct Level {
    start: u32,
    fmt: NumFmt,
    legal: bool,
    /// A deeper level restarts when a level before this index increments (0: never).
    restart: usize,
    /// `ixchFollow`: 0 tab, 1 space, 2 nothing.
    follow: ListSuffix,
    /// The number text: UTF-16 units, a unit below 9 standing for that level's counter.
    text: Vec<u16>,
}

#[derive(Debug, Clone, Default)]
struct List {
    lsid: i32,
    levels: Vec<Level>,
}

#[derive(Debug, Clone, Default)]
struct Override {
    lsid: i32,
    /// Per level: a start-at override and a whole level replacing the list's.
    levels: Vec<(usize, Option<u32>, Option<Level>)>,
}

/// The lists of a document and the state of their counters.
#[derive(Debug, Default)]
pub(crate) struct Lists {
    lists: Vec<List>,
    overrides: Vec<Override>,
    counters: BTreeMap<i32, ListCounter>,
    used: Vec<bool>,
}

/// Parses one `LVL` at `at`; returns it and the offset after it.
fn parse_level(t: &[u8], at: usize, index: usize) -> Option<(Level, usize)> {
    let start = i32_at(t, at)?;
    let nfc = u8_at(t, at + 4)?;
    let flags = u8_at(t, at + 5)?;
    let follow = u8_at(t, at + 15)?;
    let cb_chpx = usize::from(u8_at(t, at + 24)?);
    let cb_papx = usize::from(u8_at(t, at + 25)?);
    let restart_lim = usize::from(u8_at(t, at + 26)?);
    let xst = at + 28 + cb_papx + cb_chpx;
    let cch = usize::from(u16_at(t, xst)?);
    let text = (0..cch)
        .map(|i| u16_at(t, xst + 2 + i * 2))
        .collect::<Option<Vec<_>>>()?;
    let no_restart = flags & 0x08 != 0;
    let level = Level {
        start: u32::try_from(start).unwrap_or(0),
        fmt: NumFmt::from_nfc(nfc),
        legal: flags & 0x04 != 0,
        restart: if no_restart { restart_lim } else { index },
        follow: match follow {
            0 => ListSuffix::Tab,
            1 => ListSuffix::Space,
            _ => ListSuffix::Nothing,
        },
        text,
    };
    Some((level, xst + 2 + cch * 2))
}

impl Lists {
    /// Reads `PlfLst` (with the levels after it) and `PlfLfo` from the table stream.
    /// A cut-short structure ends the lists read so far: numbering is then not rendered
    /// for the lists that are missing, which the caller reports.
    pub(crate) fn parse(t: &[u8], lst: FcLcb, lfo: FcLcb) -> (Lists, bool) {
        let mut out = Lists::default();
        let mut complete = true;
        if lst.lcb >= 2 {
            let at = lst.fc as usize;
            let count = usize::try_from(i16_at(t, at).unwrap_or(0)).unwrap_or(0);
            let mut lvl = at + 2 + count * 28;
            for i in 0..count {
                let lstf = at + 2 + i * 28;
                let (Some(lsid), Some(flags)) = (i32_at(t, lstf), u8_at(t, lstf + 26)) else {
                    complete = false;
                    break;
                };
                let n = if flags & 1 != 0 { 1 } else { LEVELS };
                let mut list = List {
                    lsid,
                    levels: Vec::with_capacity(n),
                };
                for index in 0..n {
                    match parse_level(t, lvl, index) {
                        Some((level, next)) => {
                            list.levels.push(level);
                            lvl = next;
                        }
                        None => {
                            complete = false;
                            break;
                        }
                    }
                }
                out.lists.push(list);
                if !complete {
                    break;
                }
            }
        }
        if lfo.lcb >= 4 {
            let at = lfo.fc as usize;
            let count = u32_at(t, at).unwrap_or(0) as usize;
            // 16 bytes an LFO: a count the stream cannot hold is corrupt.
            let count = count.min(t.len().saturating_sub(at) / 16);
            let mut data = at + 4 + count * 16;
            for i in 0..count {
                let o = at + 4 + i * 16;
                let (Some(lsid), Some(clfolvl)) = (i32_at(t, o), u8_at(t, o + 12)) else {
                    complete = false;
                    break;
                };
                let mut ov = Override {
                    lsid,
                    levels: Vec::new(),
                };
                // Every LFO has its LFOData (parallel to the LFOs): cp, then the levels.
                data += 4;
                {
                    for _ in 0..clfolvl {
                        let (Some(start), Some(flags)) = (i32_at(t, data), u32_at(t, data + 4))
                        else {
                            complete = false;
                            break;
                        };
                        data += 8;
                        let ilvl = (flags & 0x0F) as usize;
                        let start_at =
                            (flags & 0x10 != 0).then(|| u32::try_from(start).unwrap_or(0));
                        let mut level = None;
                        if flags & 0x20 != 0 {
                            match parse_level(t, data, ilvl) {
                                Some((l, next)) => {
                                    level = Some(l);
                                    data = next;
                                }
                                None => {
                                    complete = false;
                                    break;
                                }
                            }
                        }
                        ov.levels.push((ilvl, start_at, level));
                    }
                }
                out.overrides.push(ov);
            }
        }
        out.used = vec![false; out.overrides.len()];
        (out, complete)
    }

    /// The number printed before a paragraph of list `ilfo` (1-based) at level `ilvl`,
    /// with what follows it; advances the counters. `None` for no list or a bullet.
    pub(crate) fn next(&mut self, ilfo: i16, ilvl: u8) -> Option<String> {
        let index = usize::try_from(ilfo).ok()?.checked_sub(1)?;
        let ov = self.overrides.get(index)?;
        let list = self.lists.iter().find(|l| l.lsid == ov.lsid)?;
        let ilvl = usize::from(ilvl).min(list.levels.len().saturating_sub(1));
        let level_of = |i: usize| -> Option<&Level> {
            ov.levels
                .iter()
                .rev()
                .find_map(|(l, _, lvl)| (*l == i).then_some(lvl.as_ref()).flatten())
                .or_else(|| list.levels.get(i))
        };
        let start_of = |i: usize| -> u32 {
            ov.levels
                .iter()
                .rev()
                .find_map(|(l, s, _)| (*l == i).then_some(*s).flatten())
                .or_else(|| level_of(i).map(|l| l.start))
                .unwrap_or(1)
        };
        let counters = self.counters.entry(list.lsid).or_default();
        if let Some(used) = self.used.get_mut(index)
            && !*used
        {
            *used = true;
            for (l, s, _) in &ov.levels {
                if s.is_some() {
                    counters.reset(*l);
                }
            }
        }
        counters.advance(ilvl, start_of, |deeper| {
            let restart = level_of(deeper).map_or(deeper, |l| l.restart);
            u32::try_from(restart).unwrap_or(u32::MAX)
        });
        let level = level_of(ilvl)?;
        if !level.fmt.is_counter() {
            return None;
        }
        let mut out = String::new();
        for unit in char::decode_utf16(level.text.iter().copied()) {
            match unit {
                Ok(c) if (c as u32) < LEVELS as u32 => {
                    let i = c as usize;
                    let fmt = if level.legal {
                        NumFmt::Decimal
                    } else {
                        level_of(i).map_or(NumFmt::Decimal, |l| l.fmt)
                    };
                    counters.render(i, fmt, start_of, &mut out);
                }
                Ok(c) => out.push(c),
                Err(_) => out.push('\u{FFFD}'),
            }
        }
        level.follow.append(&mut out);
        (!out.is_empty()).then_some(out)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A table stream with one list (chineseCounting `%1、`, then decimal `(%2)`) and
    /// two overrides of it, the second restarting at 5.
    fn stream() -> (Vec<u8>, FcLcb, FcLcb) {
        let mut t = vec![1u8, 0];
        let mut lstf = [0u8; 28];
        lstf[0..4].copy_from_slice(&7i32.to_le_bytes());
        t.extend_from_slice(&lstf);
        let lst = FcLcb {
            fc: 0,
            lcb: t.len() as u32,
        };
        for i in 0..9u16 {
            let mut lvlf = [0u8; 28];
            lvlf[0..4].copy_from_slice(&1i32.to_le_bytes());
            lvlf[4] = if i == 0 { 37 } else { 0 };
            lvlf[15] = 2;
            t.extend_from_slice(&lvlf);
            let text: Vec<u16> = if i == 0 {
                vec![0, '、' as u16]
            } else {
                vec!['(' as u16, i, ')' as u16]
            };
            t.extend_from_slice(&(text.len() as u16).to_le_bytes());
            for u in text {
                t.extend_from_slice(&u.to_le_bytes());
            }
        }
        let lfo_at = t.len();
        t.extend_from_slice(&2u32.to_le_bytes());
        for clfolvl in [0u8, 1] {
            let mut lfo = [0u8; 16];
            lfo[0..4].copy_from_slice(&7i32.to_le_bytes());
            lfo[12] = clfolvl;
            t.extend_from_slice(&lfo);
        }
        t.extend_from_slice(&0u32.to_le_bytes());
        t.extend_from_slice(&0u32.to_le_bytes());
        t.extend_from_slice(&5i32.to_le_bytes());
        t.extend_from_slice(&0x10u32.to_le_bytes());
        let lfo = FcLcb {
            fc: lfo_at as u32,
            lcb: (t.len() - lfo_at) as u32,
        };
        (t, lst, lfo)
    }

    #[test]
    fn chinese_counting_with_levels_and_a_restart() {
        let (t, lst, lfo) = stream();
        let (mut lists, complete) = Lists::parse(&t, lst, lfo);
        assert!(complete);
        assert_eq!(lists.next(1, 0).as_deref(), Some("一、"));
        assert_eq!(lists.next(1, 1).as_deref(), Some("(1)"));
        assert_eq!(lists.next(1, 1).as_deref(), Some("(2)"));
        assert_eq!(lists.next(1, 0).as_deref(), Some("二、"));
        assert_eq!(lists.next(1, 1).as_deref(), Some("(1)"));
        assert_eq!(lists.next(2, 0).as_deref(), Some("五、"));
        assert_eq!(lists.next(1, 0).as_deref(), Some("六、"));
        assert_eq!(lists.next(0, 0), None);
        assert_eq!(lists.next(3, 0), None);
    }

    #[test]
    fn cut_short_lists_say_so() {
        let (t, lst, lfo) = stream();
        let (_, complete) = Lists::parse(&t[..100], lst, lfo);
        assert!(!complete);
    }
}
