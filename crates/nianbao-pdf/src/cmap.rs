//! ToUnicode CMaps: character codes to Unicode text.
//!
//! Only what a ToUnicode map uses is read: `codespacerange`, `bfchar` and `bfrange`
//! (with a start value or an array). Ranges are kept as ranges, never expanded, so a
//! range of four billion codes costs what a range of four does; the number of entries
//! is capped by [`MAX_ENTRIES`].

use crate::lexer::{Lexer, Operand};

/// The most `bfchar` pairs plus `bfrange` ranges one map may hold.
pub const MAX_ENTRIES: usize = 1 << 17;

/// A parsed ToUnicode map.
#[derive(Debug, Clone, Default)]
pub struct ToUnicode {
    /// Single codes, sorted by code.
    chars: Vec<(u32, String)>,
    /// Ranges `lo..=hi` mapping to consecutive text (the last UTF-16 unit counts up).
    ranges: Vec<Range>,
    /// The byte lengths codes have, from the code space ranges.
    code_lengths: Vec<(u8, u32, u32)>,
    /// Whether the map was cut at [`MAX_ENTRIES`].
    pub truncated: bool,
}

#[derive(Debug, Clone)]
struct Range {
    lo: u32,
    hi: u32,
    target: RangeTarget,
}

#[derive(Debug, Clone)]
enum RangeTarget {
    /// UTF-16 units of `lo`'s text; the last unit is offset by `code - lo`.
    Start(Vec<u16>),
    /// One text per code from `lo`.
    List(Vec<String>),
}

fn code_of(bytes: &[u8]) -> Option<u32> {
    if bytes.is_empty() || bytes.len() > 4 {
        return None;
    }
    Some(bytes.iter().fold(0u32, |acc, &b| acc << 8 | u32::from(b)))
}

fn utf16_units(bytes: &[u8]) -> Vec<u16> {
    bytes
        .chunks(2)
        .map(|c| match c {
            [a, b] => u16::from(*a) << 8 | u16::from(*b),
            [a] => u16::from(*a),
            _ => 0,
        })
        .collect()
}

fn text_of(units: &[u16]) -> String {
    char::decode_utf16(units.iter().copied())
        .map(|r| r.unwrap_or('\u{fffd}'))
        .collect()
}

impl ToUnicode {
    /// Parses a ToUnicode CMap stream's decoded bytes.
    pub fn parse(data: &[u8]) -> ToUnicode {
        let mut map = ToUnicode::default();
        let mut lx = Lexer::with_max_operands(data, 3 * 100 + 3);
        let mut operands = Vec::new();
        let mut entries = 0usize;
        while let Some(op) = lx.next_op(&mut operands) {
            match op {
                b"endcodespacerange" => {
                    for pair in operands.chunks(2) {
                        if let [Operand::Str(lo), Operand::Str(hi)] = pair
                            && let (Some(l), Some(h)) = (code_of(lo), code_of(hi))
                            && let Ok(len) = u8::try_from(lo.len())
                        {
                            map.code_lengths.push((len, l, h));
                        }
                    }
                }
                b"endbfchar" => {
                    for pair in operands.chunks(2) {
                        if entries >= MAX_ENTRIES {
                            map.truncated = true;
                            break;
                        }
                        if let [Operand::Str(src), Operand::Str(dst)] = pair
                            && let Some(code) = code_of(src)
                        {
                            map.chars.push((code, text_of(&utf16_units(dst))));
                            entries += 1;
                        }
                    }
                }
                b"endbfrange" => {
                    for triple in operands.chunks(3) {
                        if entries >= MAX_ENTRIES {
                            map.truncated = true;
                            break;
                        }
                        let [Operand::Str(lo), Operand::Str(hi), dst] = triple else {
                            continue;
                        };
                        let (Some(lo), Some(hi)) = (code_of(lo), code_of(hi)) else {
                            continue;
                        };
                        if hi < lo {
                            continue;
                        }
                        let target = match dst {
                            Operand::Str(d) => RangeTarget::Start(utf16_units(d)),
                            Operand::Array(items) => RangeTarget::List(
                                items
                                    .iter()
                                    .map(|i| match i {
                                        Operand::Str(d) => text_of(&utf16_units(d)),
                                        _ => String::new(),
                                    })
                                    .collect(),
                            ),
                            _ => continue,
                        };
                        map.ranges.push(Range { lo, hi, target });
                        entries += 1;
                    }
                }
                _ => {}
            }
        }
        // Later entries win over earlier ones for the same code (stable sort, last kept).
        map.chars.sort_by_key(|(c, _)| *c);
        map.chars.reverse();
        map.chars.dedup_by_key(|(c, _)| *c);
        map.chars.reverse();
        map.ranges.sort_by_key(|r| r.lo);
        map
    }

    /// Whether the map maps nothing.
    pub fn is_empty(&self) -> bool {
        self.chars.is_empty() && self.ranges.is_empty()
    }

    /// The byte length of the code starting `bytes` by the code space ranges, if any apply.
    pub fn code_len(&self, bytes: &[u8]) -> Option<usize> {
        for &(len, lo, hi) in &self.code_lengths {
            let code = code_of(bytes.get(..usize::from(len))?)?;
            if (lo..=hi).contains(&code) {
                return Some(usize::from(len));
            }
        }
        None
    }

    /// The text of a code.
    pub fn lookup(&self, code: u32) -> Option<String> {
        if let Ok(i) = self.chars.binary_search_by_key(&code, |(c, _)| *c) {
            return self.chars.get(i).map(|(_, t)| t.clone());
        }
        let i = self.ranges.partition_point(|r| r.lo <= code);
        // Ranges may overlap; look back over those starting at or before the code.
        for r in self.ranges.get(..i)?.iter().rev().take(8) {
            if code <= r.hi {
                let off = code - r.lo;
                return match &r.target {
                    RangeTarget::Start(units) => {
                        let mut units = units.clone();
                        let last = units.last_mut()?;
                        *last = u16::try_from(u32::from(*last) + off).ok()?;
                        Some(text_of(&units))
                    }
                    RangeTarget::List(list) => list.get(usize::try_from(off).ok()?).cloned(),
                };
            }
        }
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chars_and_ranges() {
        let data = b"/CIDInit /ProcSet findresource begin 1 begincodespacerange <0000> <FFFF> endcodespacerange
2 beginbfchar <0010> <002D> <0611> <672C> endbfchar
2 beginbfrange <0013> <001C> <0030> <0100> <0102> [<4E00> <0066006C>] endbfrange
1 beginbfrange <00000000> <FFFFFFFF> <0041> endbfrange";
        let m = ToUnicode::parse(data);
        assert_eq!(m.lookup(0x10).as_deref(), Some("-"));
        assert_eq!(m.lookup(0x611).as_deref(), Some("本"));
        assert_eq!(m.lookup(0x15).as_deref(), Some("2"));
        assert_eq!(m.lookup(0x101).as_deref(), Some("fl"));
        assert_eq!(m.code_len(&[0, 0x10]), Some(2));
        // A huge range is not expanded; a code past U+FFFF in it is unmapped.
        assert_eq!(m.lookup(0x0020_0000), None);
    }
}
