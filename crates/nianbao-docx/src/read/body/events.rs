//! The XML event layer of the body reader: the namespaces learnt from the root, the
//! tags the reader reacts to, events with skipped subtrees and unchosen
//! `mc:AlternateContent` branches left out, and the byte-level fast skip.

use quick_xml::events::{BytesStart, Event};

use super::BodyReader;
use crate::read::error::DocxError;

/// Namespace URIs whose prefixes the reader learns from the root element.
const W_NS: &[&[u8]] = &[
    b"http://schemas.openxmlformats.org/wordprocessingml/2006/main",
    b"http://purl.oclc.org/ooxml/wordprocessingml/main",
];
const MC_NS: &[u8] = b"http://schemas.openxmlformats.org/markup-compatibility/2006";
const M_NS: &[&[u8]] = &[
    b"http://schemas.openxmlformats.org/officeDocument/2006/math",
    b"http://purl.oclc.org/ooxml/officeDocument/math",
];

/// The elements the reader reacts to; everything else is read through.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Tag {
    P,
    PPr,
    RPr,
    Del,
    R,
    T,
    Tab,
    Br,
    Cr,
    NoBreakHyphen,
    Sym,
    FldChar,
    TxbxContent,
    Tbl,
    Tr,
    TrPr,
    Tc,
    TcPr,
    AltChunk,
    /// Never shown or only a record of the past: deleted text, field instructions,
    /// content-control properties, former formatting, ruby guides, table properties.
    Skip,
    AlternateContent,
    Branch,
    Other,
}

/// One event as the structural readers see it.
pub(super) enum Ev<'a> {
    Open {
        tag: Tag,
        e: BytesStart<'a>,
        depth: u32,
        offset: u64,
    },
    Close {
        depth: u32,
    },
    Text(quick_xml::events::BytesText<'a>),
    Ref(quick_xml::events::BytesRef<'a>),
    CData(quick_xml::events::BytesCData<'a>),
    Eof,
}

impl<'a> BodyReader<'a, '_> {
    /// The byte offset in the part of the next unread byte.
    pub(super) fn position(&self) -> u64 {
        self.reader.buffer_position() + self.skipped
    }

    /// Jumps over the content of the element `qname` whose start was just read, to
    /// right before its end tag, when that is safe to do by bytes: the end tag is
    /// within a few kilobytes, and the content holds no element of the same name, no
    /// comment, CDATA or processing instruction, no former properties (`*Change`) and
    /// no element whose local name is in `wanted`. Formatting the reader does not need
    /// is then never tokenized (nor checked for well-formedness). One pass over the
    /// bytes; returns whether it jumped. A `>` inside an attribute value (legal, never
    /// written by Word, WPS or LibreOffice) can only make it fall back: the end tag it
    /// stops at must be `</qname>` at depth 0, and no element inside may be `qname`.
    pub(super) fn fast_skip(&mut self, qname: &[u8], wanted: &[&[u8]]) -> bool {
        const WINDOW: usize = 8192;
        let input: &'a [u8] = self.reader.get_ref();
        let window = input.get(..input.len().min(WINDOW)).unwrap_or_default();
        let find = |byte: u8, from: usize| -> Option<usize> {
            // The byte is often right there (tags follow one another).
            match window.get(from) {
                Some(&b) if b == byte => Some(from),
                Some(_) => memchr::memchr(byte, window.get(from..)?).map(|i| from + i),
                None => None,
            }
        };
        let mut depth = 0u32;
        let mut from = 0usize;
        loop {
            let Some(lt) = find(b'<', from) else {
                return false;
            };
            match window.get(lt + 1) {
                Some(b'/') => {
                    let Some(gt) = find(b'>', lt + 2) else {
                        return false;
                    };
                    if depth == 0 {
                        if window.get(lt + 2..gt) != Some(qname) {
                            return false;
                        }
                        *self.reader.get_mut() = input.get(lt..).unwrap_or_default();
                        self.skipped += lt as u64;
                        return true;
                    }
                    depth -= 1;
                    from = gt + 1;
                }
                Some(b'!' | b'?' | b'>') | None => return false,
                Some(_) => {
                    let end = lt + 1 + name_len(window.get(lt + 1..).unwrap_or_default());
                    let name = window.get(lt + 1..end).unwrap_or_default();
                    // Most names have a one-letter prefix (`w:`).
                    let colon = match name.get(1) {
                        Some(b':') => Some(1),
                        _ => name.iter().rposition(|&b| b == b':'),
                    };
                    let local = match colon {
                        Some(colon) => name.get(colon + 1..).unwrap_or_default(),
                        None => name,
                    };
                    if same_name(name, qname)
                        || local.ends_with(b"Change")
                        || wanted.iter().any(|w| same_name(local, w))
                    {
                        return false;
                    }
                    let Some(gt) = find(b'>', end) else {
                        return false;
                    };
                    if window.get(gt - 1) != Some(&b'/') {
                        depth += 1;
                    }
                    from = gt + 1;
                }
            }
        }
    }

    pub(super) fn learn_namespaces(&mut self, e: &BytesStart<'_>) {
        for attr in e.attributes().flatten() {
            let key = attr.key.as_ref();
            let prefix: &[u8] = if key == b"xmlns" {
                b""
            } else if let Some(p) = key.strip_prefix(b"xmlns:") {
                p
            } else {
                continue;
            };
            let uri = attr.value.as_ref();
            if W_NS.contains(&uri) {
                self.w = prefix.to_vec();
            } else if uri == MC_NS {
                self.mc = prefix.to_vec();
            } else if M_NS.contains(&uri) {
                self.m = prefix.to_vec();
            }
        }
    }

    pub(super) fn classify(&self, e: &BytesStart<'_>, empty: bool) -> Tag {
        let name = e.name();
        let full = name.as_ref();
        let (prefix, local): (&[u8], &[u8]) = match full.iter().position(|&b| b == b':') {
            Some(i) => (
                full.get(..i).unwrap_or_default(),
                full.get(i + 1..).unwrap_or_default(),
            ),
            None => (b"", full),
        };
        if same_name(prefix, &self.w) {
            return w_tag(local, empty);
        }
        if same_name(prefix, &self.mc) {
            return match local {
                b"AlternateContent" => Tag::AlternateContent,
                b"Choice" | b"Fallback" => Tag::Branch,
                _ => Tag::Other,
            };
        }
        if same_name(prefix, &self.m) && local == b"t" {
            return Tag::T;
        }
        Tag::Other
    }

    /// The next event for the structural readers: empty elements are opened and
    /// closed, skipped subtrees and unchosen `mc:AlternateContent` branches are gone.
    pub(super) fn next(&mut self) -> Result<Ev<'a>, DocxError> {
        if self.pending_close {
            self.pending_close = false;
            let depth = self.depth;
            self.depth -= 1;
            return Ok(Ev::Close { depth });
        }
        loop {
            let offset = self.position();
            let ev = self.reader.read_event().map_err(|e| self.xml_err(&e))?;
            let (e, empty) = match ev {
                Event::Start(e) => (e, false),
                Event::Empty(e) => (e, true),
                Event::End(_) => {
                    let depth = self.depth;
                    self.depth = self.depth.saturating_sub(1);
                    if let Some(&(d, _)) = self.alternates.last()
                        && d == depth
                    {
                        self.alternates.pop();
                    }
                    return Ok(Ev::Close { depth });
                }
                Event::Text(t) => return Ok(Ev::Text(t)),
                Event::GeneralRef(r) => return Ok(Ev::Ref(r)),
                Event::CData(c) => return Ok(Ev::CData(c)),
                Event::Eof if self.depth > 0 => {
                    let detail = format!("the part ends inside {} open elements", self.depth);
                    return Err(DocxError::xml(self.part, offset, detail));
                }
                Event::Eof => return Ok(Ev::Eof),
                _ => continue,
            };
            let depth = self.depth + 1;
            if u64::from(depth) > self.limits.max_depth {
                return Err(self.depth_error(depth, offset));
            }
            if !self.root_seen {
                self.root_seen = true;
                self.learn_namespaces(&e);
            }
            let tag = self.classify(&e, empty);
            let skip = match tag {
                Tag::Skip => true,
                Tag::AlternateContent => {
                    if !empty {
                        self.alternates.push((depth, false));
                    }
                    false
                }
                Tag::Branch => match self.alternates.last_mut() {
                    Some((d, taken)) if *d + 1 == depth => std::mem::replace(taken, true),
                    _ => false,
                },
                _ => false,
            };
            if skip {
                if !empty {
                    self.fast_skip(e.name().as_ref(), &[]);
                    self.skip_subtree(depth, offset)?;
                }
                continue;
            }
            self.depth = depth;
            if empty {
                self.pending_close = true;
            }
            return Ok(Ev::Open {
                tag,
                e,
                depth,
                offset,
            });
        }
    }

    /// Skips the rest of an element opened at `depth` (its start was consumed).
    pub(super) fn skip_subtree(&mut self, depth: u32, offset: u64) -> Result<(), DocxError> {
        let mut level = depth;
        loop {
            match self.reader.read_event().map_err(|e| self.xml_err(&e))? {
                Event::Start(_) => {
                    level += 1;
                    if u64::from(level) > self.limits.max_depth {
                        return Err(self.depth_error(level, self.position()));
                    }
                }
                Event::End(_) => {
                    if level == depth {
                        return Ok(());
                    }
                    level -= 1;
                }
                Event::Eof => {
                    return Err(DocxError::xml(self.part, offset, "element never closed"));
                }
                _ => {}
            }
        }
    }

    /// Skips the element that `Ev::Open` at `depth` started.
    pub(super) fn skip_open(&mut self, depth: u32, offset: u64) -> Result<(), DocxError> {
        if self.pending_close {
            self.pending_close = false;
        } else {
            self.skip_subtree(depth, offset)?;
        }
        self.depth = depth - 1;
        Ok(())
    }
}

/// The tag of a WordprocessingML element by its local name, dispatched on the length
/// first: most elements of a real document are formatting that falls through to `Other`.
/// (`w:del` and `w:moveFrom` are markers when empty, deleted content otherwise.)
fn w_tag(local: &[u8], empty: bool) -> Tag {
    let tag = match local.len() {
        1 => match local.first() {
            Some(b'p') => Tag::P,
            Some(b'r') => Tag::R,
            Some(b't') => Tag::T,
            _ => Tag::Other,
        },
        2 => match local {
            b"tc" => Tag::Tc,
            b"tr" => Tag::Tr,
            b"br" => Tag::Br,
            b"cr" => Tag::Cr,
            b"rt" => Tag::Skip,
            _ => Tag::Other,
        },
        3 => match local {
            b"tbl" => Tag::Tbl,
            b"pPr" => Tag::PPr,
            b"rPr" => Tag::RPr,
            b"tab" => Tag::Tab,
            b"sym" => Tag::Sym,
            b"del" => Tag::Del,
            b"shd" => Tag::Skip,
            _ => Tag::Other,
        },
        4 => match local {
            b"ptab" => Tag::Tab,
            b"tcPr" => Tag::TcPr,
            b"trPr" => Tag::TrPr,
            _ => Tag::Other,
        },
        5 => match local {
            b"tblPr" | b"sdtPr" => Tag::Skip,
            _ => Tag::Other,
        },
        6 => match local {
            b"rFonts" | b"ffData" | b"sectPr" | b"rubyPr" => Tag::Skip,
            _ => Tag::Other,
        },
        7 => match local {
            b"fldChar" => Tag::FldChar,
            b"fldData" | b"tblGrid" | b"tblPrEx" | b"delText" => Tag::Skip,
            _ => Tag::Other,
        },
        8 => match local {
            b"moveFrom" => Tag::Del,
            b"altChunk" => Tag::AltChunk,
            b"sdtEndPr" => Tag::Skip,
            _ => Tag::Other,
        },
        9 => match local {
            b"instrText" | b"pPrChange" | b"rPrChange" | b"tcBorders" => Tag::Skip,
            _ => Tag::Other,
        },
        10 => match local {
            b"tblBorders" | b"trPrChange" | b"tcPrChange" => Tag::Skip,
            _ => Tag::Other,
        },
        11 => match local {
            b"txbxContent" => Tag::TxbxContent,
            b"tblPrChange" => Tag::Skip,
            _ => Tag::Other,
        },
        _ => match local {
            b"noBreakHyphen" => Tag::NoBreakHyphen,
            b"delInstrText" | b"sectPrChange" | b"tblGridChange" | b"tblPrExChange"
            | b"numberingChange" => Tag::Skip,
            _ => Tag::Other,
        },
    };
    if tag == Tag::Del && !empty {
        Tag::Skip
    } else {
        tag
    }
}

/// Whether two element names (or prefixes) are equal: lengths and last bytes first, so
/// that the common cases (a one-letter prefix, names that differ) make no call to
/// `memcmp`, which costs more than these short names.
#[inline]
pub(super) fn same_name(a: &[u8], b: &[u8]) -> bool {
    a.len() == b.len() && a.last() == b.last() && (a.len() <= 1 || a == b)
}

/// The length of the element name at the start of `tag` (after its `<`): up to white
/// space, `/` or `>`, or the whole of `tag`. Eight bytes are looked at a time, so that
/// the short names of formatting (`w:sz`, `w:rFonts`) cost no loop.
pub(super) fn name_len(tag: &[u8]) -> usize {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGHS: u64 = 0x8080_8080_8080_8080;
    // A high bit in each byte equal to `c`: exact for the first such byte, which is
    // all that is used.
    let equal = |word: u64, c: u8| {
        let x = word ^ (ONES * u64::from(c));
        x.wrapping_sub(ONES) & !x & HIGHS
    };
    let mut at = 0;
    while let Some(chunk) = tag.get(at..at + 8) {
        let mut bytes = [0u8; 8];
        bytes.copy_from_slice(chunk);
        let word = u64::from_le_bytes(bytes);
        let found = equal(word, b' ')
            | equal(word, b'\t')
            | equal(word, b'\r')
            | equal(word, b'\n')
            | equal(word, b'/')
            | equal(word, b'>');
        if found != 0 {
            return at + (found.trailing_zeros() / 8) as usize;
        }
        at += 8;
    }
    let rest = tag.get(at..).unwrap_or_default();
    at + rest
        .iter()
        .position(|&b| matches!(b, b' ' | b'\t' | b'\r' | b'\n' | b'/' | b'>'))
        .unwrap_or(rest.len())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn name_len_agrees_with_a_byte_loop() {
        let simple = |t: &[u8]| {
            t.iter()
                .position(|&b| matches!(b, b' ' | b'\t' | b'\r' | b'\n' | b'/' | b'>'))
                .unwrap_or(t.len())
        };
        let mut cases: Vec<Vec<u8>> = [
            "w:sz w:val=\"24\"/>",
            "w:rFonts w:ascii=\"宋体\"/>",
            "w:rFonts/>",
            "w:tcBorders>",
            "w:p>",
            "a",
            "",
            "名前\tx",
            "w:averyveryverylongname\r\n",
        ]
        .iter()
        .map(|s| s.as_bytes().to_vec())
        .collect();
        // Every delimiter at every place of a 20-byte name, and bytes next to them
        // (borrows across bytes must not make a false first match).
        for d in [b' ', b'\t', b'\r', b'\n', b'/', b'>'] {
            for at in 0..20 {
                for fill in [
                    b'a',
                    0x00,
                    0x01,
                    0x3f,
                    0x2e,
                    0x80,
                    0xff,
                    d + 1,
                    d.wrapping_sub(1),
                ] {
                    let mut t = vec![fill; 24];
                    if fill == d || matches!(fill, b' ' | b'\t' | b'\r' | b'\n' | b'/' | b'>') {
                        continue;
                    }
                    t[at] = d;
                    cases.push(t);
                }
            }
        }
        for t in &cases {
            assert_eq!(name_len(t), simple(t), "{:?}", String::from_utf8_lossy(t));
        }
    }

    /// Every element name the reader reacts to, with its tag (as a non-empty element).
    const NAMED: &[(&str, Tag)] = &[
        ("p", Tag::P),
        ("r", Tag::R),
        ("t", Tag::T),
        ("tc", Tag::Tc),
        ("tr", Tag::Tr),
        ("br", Tag::Br),
        ("cr", Tag::Cr),
        ("rt", Tag::Skip),
        ("tbl", Tag::Tbl),
        ("pPr", Tag::PPr),
        ("rPr", Tag::RPr),
        ("tab", Tag::Tab),
        ("ptab", Tag::Tab),
        ("sym", Tag::Sym),
        ("del", Tag::Skip),
        ("moveFrom", Tag::Skip),
        ("tcPr", Tag::TcPr),
        ("trPr", Tag::TrPr),
        ("fldChar", Tag::FldChar),
        ("altChunk", Tag::AltChunk),
        ("txbxContent", Tag::TxbxContent),
        ("noBreakHyphen", Tag::NoBreakHyphen),
        ("shd", Tag::Skip),
        ("tblPr", Tag::Skip),
        ("sdtPr", Tag::Skip),
        ("sdtEndPr", Tag::Skip),
        ("rFonts", Tag::Skip),
        ("ffData", Tag::Skip),
        ("fldData", Tag::Skip),
        ("sectPr", Tag::Skip),
        ("rubyPr", Tag::Skip),
        ("tblGrid", Tag::Skip),
        ("tblPrEx", Tag::Skip),
        ("delText", Tag::Skip),
        ("instrText", Tag::Skip),
        ("delInstrText", Tag::Skip),
        ("pPrChange", Tag::Skip),
        ("rPrChange", Tag::Skip),
        ("tcBorders", Tag::Skip),
        ("tblBorders", Tag::Skip),
        ("tblPrChange", Tag::Skip),
        ("trPrChange", Tag::Skip),
        ("tcPrChange", Tag::Skip),
        ("sectPrChange", Tag::Skip),
        ("tblGridChange", Tag::Skip),
        ("tblPrExChange", Tag::Skip),
        ("numberingChange", Tag::Skip),
        ("hyperlink", Tag::Other),
        ("sdt", Tag::Other),
        ("sdtContent", Tag::Other),
        ("ins", Tag::Other),
        ("bookmarkStart", Tag::Other),
        ("proofErr", Tag::Other),
    ];

    #[test]
    fn every_name_maps_to_its_tag() {
        for (name, tag) in NAMED {
            assert_eq!(w_tag(name.as_bytes(), false), *tag, "{name}");
        }
        assert_eq!(w_tag(b"del", true), Tag::Del);
        assert_eq!(w_tag(b"moveFrom", true), Tag::Del);
    }
}
