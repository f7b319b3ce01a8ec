//! Fonts: how a shown string splits into codes, each code's Unicode text and width.
//!
//! - Type0 (composite) fonts: Identity-H/V take two bytes a code; the Adobe-GB1 CMaps
//!   `UniGB-UCS2-*`/`UniGB-UTF16-*` are Unicode already and `GBK-EUC-*`/`GB-EUC-*`/
//!   `GBpc-EUC-*` are GBK bytes; widths from `/W` ranges (kept as ranges, never
//!   expanded) and `/DW`; writing mode from the CMap's `-V`.
//! - Simple fonts (Type1, TrueType, Type3): one byte a code; text from the encoding
//!   with its Differences; widths from `/Widths`; Type 3 glyph space by `/FontMatrix`.
//! - A `ToUnicode` map, when present, is used first for every kind.
//!
//! A code with no text is *unmapped*: it is counted, never guessed.

use std::rc::Rc;

use lopdf::{Dictionary, Object};

use crate::cmap::ToUnicode;
use crate::error::PdfError;
use crate::objects::{Pdf, as_dict, num};

/// The most `/W` entries kept for one font.
const MAX_WIDTH_ENTRIES: usize = 1 << 16;

/// How a composite font's codes become Unicode without a ToUnicode map.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum CidText {
    /// No way (Identity CMaps: the codes are glyph ids).
    None,
    /// Codes are UTF-16 (UniGB-UCS2, UniGB-UTF16).
    Utf16,
    /// Codes are GBK bytes, one or two a code (GBK-EUC, GB-EUC, GBpc-EUC).
    Gbk,
}

/// One code of a shown string.
#[derive(Debug, Clone, PartialEq)]
pub struct Code {
    /// The code's value.
    pub code: u32,
    /// How many bytes it took.
    pub len: u8,
    /// The text, when the font says it.
    pub text: Option<String>,
    /// The horizontal (or, in vertical mode, vertical) advance in text-space units
    /// for a font size of 1.
    pub advance: f32,
}

/// A font ready for decoding.
#[derive(Debug)]
pub struct Font {
    /// The base font name, for diagnostics.
    pub name: String,
    kind: Kind,
    to_unicode: Option<ToUnicode>,
    /// Vertical writing (Identity-V and other `-V` CMaps).
    pub vertical: bool,
    /// The glyph height in text space for a font size of 1 (1 for all but Type 3).
    pub em_height: f32,
}

#[derive(Debug)]
enum Kind {
    Simple {
        /// Text per byte from the encoding (without ToUnicode).
        text: Box<[Option<String>; 256]>,
        /// Widths in text space per byte.
        widths: Box<[f32; 256]>,
    },
    Composite {
        cid_text: CidText,
        /// `(lo, hi, width)` sorted by `lo`, in thousandths.
        widths: Vec<(u32, u32, f32)>,
        default_width: f32,
    },
}

impl Font {
    /// A font for an unknown or broken font resource: every code unmapped, one byte a code.
    pub fn fallback() -> Rc<Font> {
        Rc::new(Font {
            name: String::from("(missing font)"),
            kind: Kind::Simple {
                text: Box::new(std::array::from_fn(|_| None)),
                widths: Box::new([0.5; 256]),
            },
            to_unicode: None,
            vertical: false,
            em_height: 1.0,
        })
    }

    /// Reads a font dictionary.
    pub fn load(pdf: &Pdf<'_>, dict: &Dictionary) -> Result<Font, PdfError> {
        let name = pdf
            .get_name(dict, b"BaseFont")
            .map(|n| String::from_utf8_lossy(n).into_owned())
            .unwrap_or_default();
        let to_unicode = match pdf.get(dict, b"ToUnicode") {
            Some(Object::Stream(s)) => {
                let map = ToUnicode::parse(&pdf.decode(s)?);
                (!map.is_empty()).then_some(map)
            }
            _ => None,
        };
        let subtype = pdf.get_name(dict, b"Subtype").unwrap_or_default();
        if subtype == b"Type0" {
            return Ok(Self::composite(pdf, dict, name, to_unicode));
        }
        let mut widths = Box::new([0.0f32; 256]);
        let mut scale = 0.001;
        if subtype == b"Type3"
            && let Some(m) = pdf.get_array(dict, b"FontMatrix")
            && let Some(a) = m.first().and_then(|o| pdf.resolve(o)).and_then(num)
        {
            scale = a;
        }
        let first = pdf.get_num(dict, b"FirstChar").unwrap_or(0.0).max(0.0) as usize;
        if let Some(ws) = pdf.get_array(dict, b"Widths") {
            for (i, w) in ws.iter().take(256).enumerate() {
                if let (Some(slot), Some(w)) =
                    (widths.get_mut(first + i), pdf.resolve(w).and_then(num))
                {
                    *slot = w * scale;
                }
            }
        } else {
            widths.fill(0.5);
        }
        let mut text: Box<[Option<String>; 256]> = Box::new(std::array::from_fn(|_| None));
        if let Ok(enc) = dict.get_font_encoding_with_limit(
            &pdf.doc,
            usize::try_from(pdf.limits.common.max_part_bytes).unwrap_or(usize::MAX),
        ) {
            let usable = matches!(
                enc,
                lopdf::Encoding::OneByteEncoding(_) | lopdf::Encoding::Differences(_)
            ) || matches!(enc, lopdf::Encoding::SimpleEncoding(b"WinAnsiEncoding"));
            if usable {
                for (b, slot) in text.iter_mut().enumerate() {
                    let byte = [u8::try_from(b).unwrap_or(0)];
                    if let Ok(s) = enc.bytes_to_string(&byte)
                        && !s.is_empty()
                        && !s.contains('\u{fffd}')
                        && !s.chars().all(char::is_control)
                    {
                        *slot = Some(s);
                    }
                }
            }
        }
        Ok(Font {
            name,
            kind: Kind::Simple { text, widths },
            to_unicode,
            vertical: false,
            em_height: 1.0,
        })
    }

    fn composite(
        pdf: &Pdf<'_>,
        dict: &Dictionary,
        name: String,
        to_unicode: Option<ToUnicode>,
    ) -> Font {
        let encoding = pdf.get_name(dict, b"Encoding").unwrap_or_default();
        let vertical = encoding.ends_with(b"-V");
        let cid_text =
            if encoding.starts_with(b"UniGB-UCS2") || encoding.starts_with(b"UniGB-UTF16") {
                CidText::Utf16
            } else if encoding.starts_with(b"GBK-EUC")
                || encoding.starts_with(b"GB-EUC")
                || encoding.starts_with(b"GBpc-EUC")
                || encoding.starts_with(b"GBK2K")
            {
                CidText::Gbk
            } else {
                CidText::None
            };
        let descendant = pdf
            .get_array(dict, b"DescendantFonts")
            .and_then(|a| a.first())
            .and_then(|o| pdf.resolve(o))
            .and_then(as_dict);
        let mut widths = Vec::new();
        let mut default_width = 1000.0;
        if let Some(desc) = descendant {
            default_width = pdf.get_num(desc, b"DW").unwrap_or(1000.0);
            if let Some(w) = pdf.get_array(desc, b"W") {
                read_cid_widths(pdf, w, &mut widths);
            }
        }
        widths.sort_by_key(|(lo, _, _)| *lo);
        Font {
            name,
            kind: Kind::Composite {
                cid_text,
                widths,
                default_width,
            },
            to_unicode,
            vertical,
            em_height: 1.0,
        }
    }

    /// Whether codes are one byte (single-byte word spacing `Tw` applies to code 32).
    pub fn is_simple(&self) -> bool {
        matches!(self.kind, Kind::Simple { .. })
    }

    /// Splits a shown string into codes, each with text and advance, into `out`.
    pub fn decode(&self, bytes: &[u8], out: &mut Vec<Code>) {
        out.clear();
        let mut i = 0usize;
        while i < bytes.len() {
            let rest = bytes.get(i..).unwrap_or_default();
            let len = self.code_len(rest);
            let code_bytes = rest.get(..len).unwrap_or(rest);
            let code = code_bytes
                .iter()
                .fold(0u32, |acc, &b| acc << 8 | u32::from(b));
            let text = self
                .to_unicode
                .as_ref()
                .and_then(|m| m.lookup(code))
                .filter(|t| !t.is_empty() && !t.contains('\u{fffd}'))
                .or_else(|| self.own_text(code, code_bytes));
            out.push(Code {
                code,
                len: u8::try_from(code_bytes.len()).unwrap_or(1),
                text,
                advance: self.advance(code),
            });
            i += code_bytes.len().max(1);
        }
    }

    fn code_len(&self, rest: &[u8]) -> usize {
        match &self.kind {
            Kind::Simple { .. } => 1,
            Kind::Composite { cid_text, .. } => match cid_text {
                CidText::Gbk => {
                    if rest.first().is_some_and(|&b| b >= 0x81) {
                        2
                    } else {
                        1
                    }
                }
                _ => self
                    .to_unicode
                    .as_ref()
                    .and_then(|m| m.code_len(rest))
                    .filter(|&l| l == 2 || *cid_text == CidText::None)
                    .unwrap_or(2),
            },
        }
    }

    fn own_text(&self, code: u32, code_bytes: &[u8]) -> Option<String> {
        match &self.kind {
            Kind::Simple { text, .. } => text.get(usize::try_from(code).ok()?)?.clone(),
            Kind::Composite { cid_text, .. } => match cid_text {
                CidText::None => None,
                CidText::Utf16 => {
                    let c = char::from_u32(code).filter(|c| !c.is_control())?;
                    Some(c.to_string())
                }
                CidText::Gbk => {
                    let (s, _, bad) = encoding_rs::GBK.decode(code_bytes);
                    (!bad && !s.chars().all(char::is_control)).then(|| s.into_owned())
                }
            },
        }
    }

    fn advance(&self, code: u32) -> f32 {
        match &self.kind {
            Kind::Simple { widths, .. } => usize::try_from(code)
                .ok()
                .and_then(|c| widths.get(c))
                .copied()
                .unwrap_or(0.0),
            Kind::Composite {
                widths,
                default_width,
                ..
            } => {
                if self.vertical {
                    return 1.0;
                }
                let i = widths.partition_point(|(lo, _, _)| *lo <= code);
                let w = i
                    .checked_sub(1)
                    .and_then(|j| widths.get(j))
                    .filter(|(_, hi, _)| code <= *hi)
                    .map_or(*default_width, |(_, _, w)| *w);
                w / 1000.0
            }
        }
    }
}

/// Reads a `/W` array: `c [w1 w2 …]` and `c1 c2 w` entries, as ranges.
fn read_cid_widths(pdf: &Pdf<'_>, w: &[Object], out: &mut Vec<(u32, u32, f32)>) {
    let mut i = 0usize;
    let code = |o: Option<&Object>| -> Option<u32> {
        let n = pdf.resolve(o?).and_then(num)?;
        (n >= 0.0 && n <= u32::MAX as f32).then_some(n as u32)
    };
    while i < w.len() && out.len() < MAX_WIDTH_ENTRIES {
        let Some(first) = code(w.get(i)) else { break };
        match w.get(i + 1).and_then(|o| pdf.resolve(o)) {
            Some(Object::Array(list)) => {
                for (k, wv) in list.iter().enumerate().take(MAX_WIDTH_ENTRIES) {
                    let Some(wv) = pdf.resolve(wv).and_then(num) else {
                        continue;
                    };
                    let c = first.saturating_add(u32::try_from(k).unwrap_or(u32::MAX));
                    out.push((c, c, wv));
                    if out.len() >= MAX_WIDTH_ENTRIES {
                        break;
                    }
                }
                i += 2;
            }
            Some(_) => {
                let Some(last) = code(w.get(i + 1)) else {
                    break;
                };
                let Some(wv) = w.get(i + 2).and_then(|o| pdf.resolve(o)).and_then(num) else {
                    break;
                };
                if last >= first {
                    out.push((first, last, wv));
                }
                i += 3;
            }
            None => break,
        }
    }
}
