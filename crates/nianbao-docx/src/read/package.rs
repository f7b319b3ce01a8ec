//! The zip package: opening it under the limits, finding and inflating parts.

use std::io::{Cursor, Read};

use flate2::{Decompress, FlushDecompress, Status};
use nianbao_core::Limits;
use quick_xml::events::Event;
use zip::{CompressionMethod, ZipArchive};

use super::error::DocxError;
use super::sniff::{self, Sniffed};
use super::xml;

/// Parts over this size must respect `max_compression_ratio`.
const RATIO_FLOOR: u64 = 1 << 20;

/// An opened .docx package.
pub(crate) struct Package<'a> {
    bytes: &'a [u8],
    archive: ZipArchive<Cursor<&'a [u8]>>,
    inflater: Decompress,
    limits: &'a Limits,
    total: u64,
}

impl<'a> Package<'a> {
    /// Opens `bytes` as a zip package, after checking the input size and the number of
    /// entries the package announces, and tells what the input is when it is no zip.
    pub(crate) fn open(bytes: &'a [u8], limits: &'a Limits) -> Result<Self, DocxError> {
        let len = bytes.len() as u64;
        DocxError::check_limit("max_input_bytes", len, limits.max_input_bytes, "")?;
        match sniff::non_zip(bytes) {
            Some(Sniffed::NotDocx(what)) => {
                return Err(DocxError::NotDocx {
                    what: what.to_owned(),
                });
            }
            Some(Sniffed::Encrypted(what)) => {
                return Err(DocxError::Encrypted {
                    what: what.to_owned(),
                });
            }
            None => {}
        }
        if let Some(entries) = announced_entries(bytes) {
            DocxError::check_limit("max_entries", entries, limits.max_entries, "")?;
        }
        let archive = ZipArchive::new(Cursor::new(bytes)).map_err(|e| DocxError::zip(&e))?;
        let entries = archive.len() as u64;
        DocxError::check_limit("max_entries", entries, limits.max_entries, "")?;
        Ok(Package {
            bytes,
            archive,
            inflater: Decompress::new(false),
            limits,
            total: 0,
        })
    }

    /// The exact name under which `part` is stored (zip names are matched without
    /// regard to case or a leading slash, as OPC says), if it is there.
    pub(crate) fn find(&self, part: &str) -> Option<usize> {
        let part = part.trim_start_matches('/');
        if let Some(i) = self.archive.index_for_name(part) {
            return Some(i);
        }
        self.archive
            .file_names()
            .find(|n| {
                n.trim_start_matches('/')
                    .replace('\\', "/")
                    .eq_ignore_ascii_case(part)
            })
            .and_then(|n| self.archive.index_for_name(n))
    }

    /// Inflates `part`, or `None` when the package has no such part.
    ///
    /// The compressed bytes are taken straight from the input and inflated with one
    /// decompressor reused for every part, into a buffer of the announced size (which
    /// the limits bound); the CRC is checked as the zip layer would.
    pub(crate) fn read(&mut self, part: &str) -> Result<Option<Vec<u8>>, DocxError> {
        let Some(index) = self.find(part) else {
            return Ok(None);
        };
        let limits = self.limits;
        let (method, start, compressed, declared, crc, encrypted) =
            match self.archive.by_index_raw(index) {
                Ok(f) => (
                    f.compression(),
                    f.data_start(),
                    f.compressed_size(),
                    f.size(),
                    f.crc32(),
                    f.encrypted(),
                ),
                Err(e) => return Err(DocxError::zip(&e)),
            };
        if encrypted {
            return Err(DocxError::Encrypted {
                what: format!("the zip entry {part} is password-protected"),
            });
        }
        check_part(limits, part, declared, compressed, self.total)?;
        let raw = usize::try_from(start)
            .ok()
            .zip(usize::try_from(compressed).ok())
            .and_then(|(s, n)| self.bytes.get(s..s.checked_add(n)?))
            .ok_or_else(|| DocxError::Zip {
                detail: format!("{part}: the entry runs past the end of the file"),
            })?;
        let data = match method {
            CompressionMethod::Stored => raw.to_vec(),
            CompressionMethod::Deflated => self.inflate(raw, declared, part)?,
            other => {
                return Err(DocxError::UnsupportedFeature {
                    part: part.to_owned(),
                    detail: format!("compression method {other}"),
                });
            }
        };
        let actual = data.len() as u64;
        check_part(limits, part, actual, compressed, self.total)?;
        if crc32fast::hash(&data) != crc {
            return Err(DocxError::Zip {
                detail: format!("{part}: checksum mismatch"),
            });
        }
        self.total += actual;
        Ok(Some(data))
    }

    fn inflate(&mut self, raw: &[u8], declared: u64, part: &str) -> Result<Vec<u8>, DocxError> {
        let max = self.limits.max_part_bytes;
        self.inflater.reset(false);
        // The declared size passed the limits, so it bounds the allocation.
        let mut out = Vec::with_capacity(usize::try_from(declared.saturating_add(1)).unwrap_or(0));
        loop {
            let consumed = usize::try_from(self.inflater.total_in()).unwrap_or(usize::MAX);
            let input = raw.get(consumed..).unwrap_or_default();
            let before = (self.inflater.total_in(), self.inflater.total_out());
            let status = self
                .inflater
                .decompress_vec(input, &mut out, FlushDecompress::Finish)
                .map_err(|e| DocxError::Zip {
                    detail: format!("{part}: {e}"),
                })?;
            if status == Status::StreamEnd {
                return Ok(out);
            }
            DocxError::check_limit("max_part_bytes", out.len() as u64, max, part)?;
            if out.len() == out.capacity() {
                // The entry is larger than it said: grow, still under the part limit.
                out.reserve(out.len().clamp(4096, 1 << 24));
            } else if before == (self.inflater.total_in(), self.inflater.total_out()) {
                return Err(DocxError::Zip {
                    detail: format!("{part}: truncated deflate stream"),
                });
            }
        }
    }

    /// What a package without a main document part is.
    pub(crate) fn describe_non_document(&mut self) -> &'static str {
        let mimetype = match self.find("mimetype") {
            Some(i) => self.archive.by_index(i).ok().and_then(|f| {
                let mut head = Vec::new();
                f.take(128).read_to_end(&mut head).ok().map(|_| head)
            }),
            None => None,
        };
        sniff::zip_without_document(self.archive.file_names(), mimetype.as_deref())
    }
}

fn check_part(
    limits: &Limits,
    part: &str,
    size: u64,
    compressed: u64,
    total: u64,
) -> Result<(), DocxError> {
    DocxError::check_limit("max_part_bytes", size, limits.max_part_bytes, part)?;
    if size > RATIO_FLOOR {
        let ratio = size / compressed.max(1);
        DocxError::check_limit(
            "max_compression_ratio",
            ratio,
            limits.max_compression_ratio,
            part,
        )?;
    }
    let sum = total.saturating_add(size);
    DocxError::check_limit("max_total_bytes", sum, limits.max_total_bytes, part)?;
    Ok(())
}

/// The entry count of the end-of-central-directory record, read before the zip layer
/// allocates for it (`None` when there is no plain record, e.g. zip64).
fn announced_entries(bytes: &[u8]) -> Option<u64> {
    let tail_start = bytes.len().saturating_sub(22 + 0xFFFF);
    let tail = bytes.get(tail_start..)?;
    let at = tail.windows(4).rposition(|w| w == b"PK\x05\x06")?;
    let rec = tail.get(at..at + 22)?;
    let entries = u16::from_le_bytes([*rec.get(10)?, *rec.get(11)?]);
    (entries != 0xFFFF).then_some(u64::from(entries))
}

/// The relationships of a part that matter to the reader.
#[derive(Debug, Default)]
pub(crate) struct Rels {
    /// `(type suffix, resolved part name)` pairs, e.g. `("styles", "word/styles.xml")`.
    pub(crate) targets: Vec<(String, String)>,
}

impl Rels {
    /// Parses a `.rels` part; `base` is the folder targets are relative to.
    pub(crate) fn parse(data: &[u8], part: &str, base: &str) -> Result<Rels, DocxError> {
        let mut rels = Rels::default();
        let mut reader = xml::reader(data);
        loop {
            let ev = reader
                .read_event()
                .map_err(|e| xml::error(part, &reader, &e))?;
            match ev {
                Event::Start(e) | Event::Empty(e) if e.local_name().as_ref() == b"Relationship" => {
                    let mut ty = None;
                    let mut target = None;
                    let mut external = false;
                    for attr in e.attributes().flatten() {
                        match attr.key.local_name().as_ref() {
                            b"Type" => ty = Some(xml::attr_string(&attr.value)),
                            b"Target" => target = Some(xml::attr_string(&attr.value)),
                            b"TargetMode" => external = attr.value.as_ref() == b"External",
                            _ => {}
                        }
                    }
                    if let (Some(ty), Some(target), false) = (ty, target, external) {
                        let kind = ty.rsplit('/').next().unwrap_or_default().to_owned();
                        rels.targets.push((kind, resolve(base, &target)));
                    }
                }
                Event::Eof => break,
                _ => {}
            }
        }
        Ok(rels)
    }

    /// The first target of relationship type `kind` (the last path segment of the type URI).
    pub(crate) fn target(&self, kind: &str) -> Option<&str> {
        self.targets
            .iter()
            .find(|(k, _)| k == kind)
            .map(|(_, t)| t.as_str())
    }
}

/// Resolves a relationship target against the folder of its source part.
pub(crate) fn resolve(base: &str, target: &str) -> String {
    let target = target.replace('\\', "/");
    let mut segments: Vec<&str> = Vec::new();
    if let Some(abs) = target.strip_prefix('/') {
        segments.extend(abs.split('/'));
    } else {
        segments.extend(base.split('/').filter(|s| !s.is_empty()));
        segments.extend(target.split('/'));
    }
    let mut out: Vec<&str> = Vec::new();
    for seg in segments {
        match seg {
            "" | "." => {}
            ".." => {
                out.pop();
            }
            s => out.push(s),
        }
    }
    out.join("/")
}

/// The folder of a part name (`word` for `word/document.xml`).
pub(crate) fn folder(part: &str) -> &str {
    part.rsplit_once('/').map_or("", |(dir, _)| dir)
}

/// The name of the relationships part of `part` (`word/_rels/document.xml.rels`).
pub(crate) fn rels_name(part: &str) -> String {
    match part.rsplit_once('/') {
        Some((dir, name)) => format!("{dir}/_rels/{name}.rels"),
        None => format!("_rels/{part}.rels"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn targets_resolve_against_the_source_folder() {
        assert_eq!(resolve("word", "styles.xml"), "word/styles.xml");
        assert_eq!(resolve("word", "/word/numbering.xml"), "word/numbering.xml");
        assert_eq!(
            resolve("word", "../customXml/item1.xml"),
            "customXml/item1.xml"
        );
        assert_eq!(resolve("", "word/document.xml"), "word/document.xml");
        assert_eq!(
            rels_name("word/document.xml"),
            "word/_rels/document.xml.rels"
        );
        assert_eq!(folder("word/document.xml"), "word");
    }

    #[test]
    fn rels_are_parsed() {
        let xml = br#"<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/><Relationship Id="rId9" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink" Target="http://x" TargetMode="External"/></Relationships>"#;
        let rels = Rels::parse(xml, "word/_rels/document.xml.rels", "word").unwrap();
        assert_eq!(rels.target("styles"), Some("word/styles.xml"));
        assert_eq!(rels.target("hyperlink"), None);
    }

    #[test]
    fn entry_count_is_read_from_the_record() {
        let mut bytes = b"PK\x03\x04junk".to_vec();
        bytes.extend_from_slice(b"PK\x05\x06\0\0\0\0\x07\0\x07\0\0\0\0\0\0\0\0\0\0\0");
        assert_eq!(announced_entries(&bytes), Some(7));
    }
}
