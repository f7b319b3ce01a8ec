//! The object layer: loading with lopdf under our limits, and typed look-ups that
//! follow references (bounded by lopdf's reference-chain limit).

use std::cell::Cell;

use lopdf::{Dictionary, Document, Object, Stream};

use crate::PdfLimits;
use crate::error::PdfError;

/// A loaded PDF and the decoded-bytes budget spent on it.
pub struct Pdf<'l> {
    /// The object graph.
    pub doc: Document,
    /// The limits in force.
    pub limits: &'l PdfLimits,
    /// Bytes decoded from streams so far.
    decoded: Cell<u64>,
}

/// Counts `obj` keywords preceded by a generation number: the objects the file
/// announces, counted before lopdf parses them.
fn count_objects(bytes: &[u8]) -> u64 {
    let mut n = 0u64;
    let mut i = 0usize;
    while let Some(rest) = bytes.get(i..) {
        let Some(at) = rest.windows(4).position(|w| w == b" obj") else {
            break;
        };
        let end = i + at + 4;
        let boundary = bytes.get(end).is_none_or(|b| !b.is_ascii_alphanumeric());
        let digit_before = i + at > 0 && bytes.get(i + at - 1).is_some_and(u8::is_ascii_digit);
        if boundary && digit_before {
            n += 1;
        }
        i = end;
    }
    n
}

impl<'l> Pdf<'l> {
    /// Loads the object graph of `bytes`, checking the input size and the object count
    /// before parsing, and bounding what object streams may inflate to.
    pub fn load(bytes: &[u8], limits: &'l PdfLimits) -> Result<Self, PdfError> {
        let len = u64::try_from(bytes.len()).unwrap_or(u64::MAX);
        if len > limits.common.max_input_bytes {
            return Err(PdfError::limit(
                "max_input_bytes",
                len,
                limits.common.max_input_bytes,
            ));
        }
        let head = bytes.get(..1024).unwrap_or(bytes);
        if !head.windows(5).any(|w| w == b"%PDF-") {
            return Err(PdfError::Malformed("no %PDF- header".to_owned()));
        }
        let announced = count_objects(bytes);
        if announced > limits.max_objects {
            return Err(PdfError::limit(
                "max_objects",
                announced,
                limits.max_objects,
            ));
        }
        let per_stream = usize::try_from(limits.common.max_part_bytes).unwrap_or(usize::MAX);
        let options = lopdf::LoadOptions::with_max_decompressed_size(per_stream);
        let doc = Document::load_mem_with_options(bytes, options).map_err(|e| match e {
            lopdf::Error::Decryption(_) | lopdf::Error::InvalidPassword => PdfError::Encrypted,
            other => PdfError::Malformed(other.to_string()),
        })?;
        let objects = u64::try_from(doc.objects.len()).unwrap_or(u64::MAX);
        if objects > limits.max_objects {
            return Err(PdfError::limit("max_objects", objects, limits.max_objects));
        }
        // An owner password only (printing restrictions, common in published reports)
        // is decrypted with the empty user password on load; a document still locked
        // is refused.
        if doc.is_encrypted() && !doc.was_encrypted() {
            return Err(PdfError::Encrypted);
        }
        Ok(Pdf {
            doc,
            limits,
            decoded: Cell::new(0),
        })
    }

    /// The object itself, references followed.
    pub fn resolve<'a>(&'a self, obj: &'a Object) -> Option<&'a Object> {
        self.doc.dereference(obj).ok().map(|(_, o)| o)
    }

    /// `dict[key]`, references followed.
    pub fn get<'a>(&'a self, dict: &'a Dictionary, key: &[u8]) -> Option<&'a Object> {
        self.resolve(dict.get(key).ok()?)
    }

    /// `dict[key]` as a dictionary (a stream's dictionary too).
    pub fn get_dict<'a>(&'a self, dict: &'a Dictionary, key: &[u8]) -> Option<&'a Dictionary> {
        as_dict(self.get(dict, key)?)
    }

    /// `dict[key]` as a number.
    pub fn get_num(&self, dict: &Dictionary, key: &[u8]) -> Option<f32> {
        num(self.get(dict, key)?)
    }

    /// `dict[key]` as a name.
    pub fn get_name<'a>(&'a self, dict: &'a Dictionary, key: &[u8]) -> Option<&'a [u8]> {
        match self.get(dict, key)? {
            Object::Name(n) => Some(n),
            _ => None,
        }
    }

    /// `dict[key]` as an array.
    pub fn get_array<'a>(&'a self, dict: &'a Dictionary, key: &[u8]) -> Option<&'a [Object]> {
        match self.get(dict, key)? {
            Object::Array(a) => Some(a),
            _ => None,
        }
    }

    /// A stream's decoded bytes, within the per-stream size, the compression ratio
    /// (for output over 1 MiB) and the document's total.
    pub fn decode(&self, stream: &Stream) -> Result<Vec<u8>, PdfError> {
        let common = &self.limits.common;
        let raw = u64::try_from(stream.content.len()).unwrap_or(u64::MAX);
        let by_ratio = raw
            .saturating_mul(common.max_compression_ratio)
            .max(1 << 20);
        let left = common.max_total_bytes.saturating_sub(self.decoded.get());
        let cap = common.max_part_bytes.min(by_ratio).min(left);
        let cap_usize = usize::try_from(cap).unwrap_or(usize::MAX);
        let data = match stream.decompressed_content_with_limit(cap_usize) {
            Ok(d) => d,
            Err(lopdf::Error::Decompress(lopdf::DecompressError::MemoryLimitExceeded {
                ..
            })) => {
                return Err(self.over_limit(cap, raw));
            }
            // A filter we do not decode (images) or broken data: nothing to read there.
            Err(_) => Vec::new(),
        };
        let got = u64::try_from(data.len()).unwrap_or(u64::MAX);
        if got > cap {
            return Err(self.over_limit(cap, raw));
        }
        self.decoded.set(self.decoded.get().saturating_add(got));
        Ok(data)
    }

    /// The limit that a stream stopped at `cap` ran into.
    fn over_limit(&self, cap: u64, raw: u64) -> PdfError {
        let common = &self.limits.common;
        if cap == common.max_part_bytes {
            PdfError::limit("max_part_bytes", cap.saturating_add(1), cap)
        } else if cap < common.max_part_bytes
            && cap == common.max_total_bytes.saturating_sub(self.decoded.get())
        {
            PdfError::limit(
                "max_total_bytes",
                self.decoded.get().saturating_add(cap).saturating_add(1),
                common.max_total_bytes,
            )
        } else {
            PdfError::limit(
                "max_compression_ratio",
                cap / raw.max(1) + 1,
                common.max_compression_ratio,
            )
        }
    }
}

/// An object as a dictionary (a stream's dictionary too).
pub fn as_dict(obj: &Object) -> Option<&Dictionary> {
    match obj {
        Object::Dictionary(d) => Some(d),
        Object::Stream(s) => Some(&s.dict),
        _ => None,
    }
}

/// An object as a number.
pub fn num(obj: &Object) -> Option<f32> {
    match obj {
        Object::Integer(i) => Some(*i as f32),
        Object::Real(r) if r.is_finite() => Some(*r),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_announced_objects() {
        assert_eq!(
            count_objects(b"1 0 obj\n<<>>\nendobj 12 0 obj 3 0 objx /obj"),
            2
        );
    }
}
