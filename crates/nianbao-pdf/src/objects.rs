//! The object layer: loading with lopdf under our limits, and typed look-ups that
//! follow references (bounded by lopdf's reference-chain limit).

use std::cell::{Cell, RefCell};
use std::collections::BTreeSet;

use lopdf::{Dictionary, Document, Object, ObjectId, Stream};

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
    /// Glyphs shown so far, all pages.
    glyphs: Cell<u64>,
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

/// Whether `b` separates tokens (PDF white space).
fn is_space(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\r' | b'\n' | b'\x0c' | b'\0')
}

/// Counts the tokens of PDF syntax in `bytes`: each delimiter and each run of other
/// bytes. Every object lopdf builds (a number, a name, an array, a dictionary entry)
/// is at least one token, so this bounds what parsing `bytes` can allocate.
fn count_tokens(bytes: &[u8]) -> u64 {
    let mut n = 0u64;
    let mut in_run = false;
    for &b in bytes {
        if is_space(b) {
            in_run = false;
        } else if matches!(
            b,
            b'[' | b']' | b'<' | b'>' | b'(' | b')' | b'{' | b'}' | b'/' | b'%'
        ) {
            n += 1;
            in_run = false;
        } else if !in_run {
            n += 1;
            in_run = true;
        }
    }
    n
}

/// The position of `needle` in `hay` from `from`.
fn find(hay: &[u8], from: usize, needle: &[u8]) -> Option<usize> {
    hay.get(from..)?
        .windows(needle.len())
        .position(|w| w == needle)
        .map(|p| p + from)
}

/// The tokens lopdf parses in the file itself: everything outside stream data, and
/// the stream data too where it holds object headers (a damaged file is repaired by
/// scanning for `N G obj` everywhere).
fn count_file_tokens(bytes: &[u8]) -> u64 {
    let mut n = 0u64;
    let mut at = 0usize;
    while let Some(kw) = find(bytes, at, b"stream") {
        let after = kw + 6;
        let eol = match bytes.get(after..after + 2) {
            Some([b'\r', b'\n']) => Some(after + 2),
            Some([b'\n', _]) | Some([b'\r', _]) => Some(after + 1),
            _ => None,
        };
        let is_end = kw >= 3 && bytes.get(kw - 3..kw) == Some(b"end");
        let Some(start) = eol.filter(|_| !is_end) else {
            n += count_tokens(bytes.get(at..after).unwrap_or_default());
            at = after;
            continue;
        };
        n += count_tokens(bytes.get(at..start).unwrap_or_default());
        let end = find(bytes, start, b"endstream").unwrap_or(bytes.len());
        let data = bytes.get(start..end).unwrap_or_default();
        if count_objects(data) > 0 {
            n += count_tokens(data);
        }
        at = end;
    }
    n + count_tokens(bytes.get(at..).unwrap_or_default())
}

/// What the object streams of the document being loaded decode to, counted as lopdf
/// meets them (its load filter is a plain function, so the count lives here, one per
/// thread).
#[derive(Clone, Copy, Default)]
struct ObjectStreamBudget {
    /// Tokens left for object streams.
    left: u64,
    /// Bytes one object stream may decode to.
    per_stream: usize,
    /// Tokens found past `left` (the stream that went over was emptied).
    over: u64,
}

thread_local! {
    static OBJECT_STREAMS: Cell<ObjectStreamBudget> = Cell::new(ObjectStreamBudget::default());
    /// The object numbers the object streams met so far hold.
    static MEMBERS: RefCell<BTreeSet<u32>> = const { RefCell::new(BTreeSet::new()) };
}

/// The object numbers an object stream's header lists (pairs of number and offset
/// before `/First`).
fn member_numbers(dict: &Dictionary, data: &[u8]) -> Vec<u32> {
    let first = match dict.get(b"First") {
        Ok(Object::Integer(n)) => usize::try_from(*n).unwrap_or(0),
        _ => 0,
    };
    let head = data.get(..first.min(data.len())).unwrap_or_default();
    head.split(|b| is_space(*b))
        .filter(|t| !t.is_empty())
        .step_by(2)
        .filter_map(|t| std::str::from_utf8(t).ok()?.parse().ok())
        .collect()
}

/// lopdf's load filter: an object stream's tokens are counted before lopdf parses
/// them; one that would go over the budget is emptied (and the load then refused).
fn count_object_stream(id: ObjectId, obj: &mut Object) -> Option<(ObjectId, Object)> {
    if let Object::Stream(stream) = obj
        && stream.dict.has_type(b"ObjStm")
    {
        let mut budget = OBJECT_STREAMS.with(Cell::get);
        let data = stream
            .decompressed_content_with_limit(budget.per_stream)
            .unwrap_or_default();
        let tokens = count_tokens(&data);
        if tokens > budget.left || budget.over > 0 {
            budget.over = budget.over.saturating_add(tokens.max(1));
            stream.content.clear();
            stream.dict.remove(b"Filter");
        } else {
            budget.left -= tokens;
            let members = member_numbers(&stream.dict, &data);
            MEMBERS.with(|m| m.borrow_mut().extend(members));
        }
        OBJECT_STREAMS.with(|b| b.set(budget));
    }
    // lopdf keeps a file-level object as the filter left it and ignores what is
    // returned; an object-stream member is replaced by what is returned, so only a
    // member is copied.
    if MEMBERS.with(|m| m.borrow().contains(&id.0)) && !matches!(obj, Object::Stream(_)) {
        Some((id, obj.clone()))
    } else {
        Some((id, Object::Null))
    }
}

/// Whether the catalog leads to a page tree node.
fn has_page_tree(doc: &Document) -> bool {
    let root = doc
        .trailer
        .get(b"Root")
        .ok()
        .and_then(|r| doc.dereference(r).ok())
        .and_then(|(_, o)| as_dict(o));
    root.and_then(|r| r.get(b"Pages").ok())
        .and_then(|p| doc.dereference(p).ok())
        .is_some_and(|(_, o)| as_dict(o).is_some())
}

/// Loads the object graph under the syntax budget: lopdf with our object-stream
/// filter, and (as lopdf does unfiltered) a rebuild by scanning when the page tree
/// cannot be found.
fn load_doc(bytes: &[u8], limits: &PdfLimits, file_tokens: u64) -> Result<Document, PdfError> {
    let per_stream = usize::try_from(limits.common.max_part_bytes).unwrap_or(usize::MAX);
    let start = ObjectStreamBudget {
        left: limits.max_syntax_tokens.saturating_sub(file_tokens),
        per_stream,
        over: 0,
    };
    let load = |reconstruct: bool| {
        OBJECT_STREAMS.with(|b| b.set(start));
        MEMBERS.with(|m| m.borrow_mut().clear());
        let mut options = lopdf::LoadOptions::with_max_decompressed_size(per_stream);
        options.filter = Some(count_object_stream);
        options.force_reconstruct = reconstruct;
        let doc = Document::load_mem_with_options(bytes, options);
        let budget = OBJECT_STREAMS.with(Cell::get);
        MEMBERS.with(|m| m.borrow_mut().clear());
        if budget.over > 0 {
            return Err(PdfError::limit(
                "max_syntax_tokens",
                file_tokens
                    .saturating_add(start.left - budget.left)
                    .saturating_add(budget.over),
                limits.max_syntax_tokens,
            ));
        }
        doc.map_err(|e| match e {
            lopdf::Error::Decryption(_) | lopdf::Error::InvalidPassword => PdfError::Encrypted,
            other => PdfError::Malformed(other.to_string()),
        })
    };
    let doc = load(false)?;
    if has_page_tree(&doc) {
        return Ok(doc);
    }
    match load(true) {
        Ok(rebuilt) if has_page_tree(&rebuilt) => Ok(rebuilt),
        Err(e @ PdfError::Limit { .. }) => Err(e),
        _ => Ok(doc),
    }
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
        let tokens = count_file_tokens(bytes);
        if tokens > limits.max_syntax_tokens {
            return Err(PdfError::limit(
                "max_syntax_tokens",
                tokens,
                limits.max_syntax_tokens,
            ));
        }
        let doc = load_doc(bytes, limits, tokens)?;
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
            glyphs: Cell::new(0),
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
        self.decode_within(stream, 0)
    }

    /// As [`Pdf::decode`], for a stream that joins `before` bytes already decoded
    /// into one part (a page's content given as an array of streams): the part as a
    /// whole stays within the per-stream size.
    pub fn decode_within(&self, stream: &Stream, before: u64) -> Result<Vec<u8>, PdfError> {
        let common = &self.limits.common;
        let raw = u64::try_from(stream.content.len()).unwrap_or(u64::MAX);
        let by_ratio = raw
            .saturating_mul(common.max_compression_ratio)
            .max(1 << 20);
        let left = common.max_total_bytes.saturating_sub(self.decoded.get());
        let room = common.max_part_bytes.saturating_sub(before);
        let cap = room.min(by_ratio).min(left);
        let cap_usize = usize::try_from(cap).unwrap_or(usize::MAX);
        let data = match stream.decompressed_content_with_limit(cap_usize) {
            Ok(d) => d,
            Err(lopdf::Error::Decompress(lopdf::DecompressError::MemoryLimitExceeded {
                ..
            })) => {
                return Err(self.over_limit(cap, raw, before));
            }
            // A filter we do not decode (images) or broken data: nothing to read there.
            Err(_) => Vec::new(),
        };
        let got = u64::try_from(data.len()).unwrap_or(u64::MAX);
        if got > cap {
            return Err(self.over_limit(cap, raw, before));
        }
        self.decoded.set(self.decoded.get().saturating_add(got));
        Ok(data)
    }

    /// Counts one glyph shown against the document's limit.
    pub fn count_glyph(&self) -> Result<(), PdfError> {
        let n = self.glyphs.get().saturating_add(1);
        self.glyphs.set(n);
        if n > self.limits.max_glyphs {
            return Err(PdfError::limit("max_glyphs", n, self.limits.max_glyphs));
        }
        Ok(())
    }

    /// The limit that a stream stopped at `cap` ran into.
    fn over_limit(&self, cap: u64, raw: u64, before: u64) -> PdfError {
        let common = &self.limits.common;
        if cap == common.max_part_bytes.saturating_sub(before) {
            PdfError::limit(
                "max_part_bytes",
                before.saturating_add(cap).saturating_add(1),
                common.max_part_bytes,
            )
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

    /// A one-page PDF whose catalog, page tree and page sit in an object stream
    /// (uncompressed), found through a cross-reference stream; `extra` is put in the
    /// object stream as object 4.
    fn with_object_stream(extra: &[u8]) -> Vec<u8> {
        let members: [&[u8]; 4] = [
            b"<< /Type /Catalog /Pages 2 0 R >>",
            b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>",
            extra,
        ];
        let mut head = String::new();
        let mut body = Vec::new();
        for (i, m) in members.iter().enumerate() {
            head.push_str(&format!("{} {} ", i + 1, body.len()));
            body.extend_from_slice(m);
            body.push(b'\n');
        }
        let data = [head.as_bytes(), &body].concat();
        let mut out = b"%PDF-1.7\n".to_vec();
        let objstm_at = out.len();
        out.extend(
            format!(
                "5 0 obj\n<< /Type /ObjStm /N 4 /First {} /Length {} >>\nstream\n",
                head.len(),
                data.len()
            )
            .as_bytes(),
        );
        out.extend(&data);
        out.extend(b"\nendstream\nendobj\n");
        let xref_at = out.len();
        let mut rows = vec![0u8, 0, 0, 0, 0, 0xff, 0xff];
        for i in 0..4u16 {
            rows.extend([2, 0, 0, 0, 5]);
            rows.extend(i.to_be_bytes());
        }
        rows.push(1);
        rows.extend(u32::try_from(objstm_at).unwrap().to_be_bytes());
        rows.extend([0, 0]);
        rows.push(1);
        rows.extend(u32::try_from(xref_at).unwrap().to_be_bytes());
        rows.extend([0, 0]);
        out.extend(
            format!(
                "6 0 obj\n<< /Type /XRef /Size 7 /W [1 4 2] /Root 1 0 R /Length {} >>\nstream\n",
                rows.len()
            )
            .as_bytes(),
        );
        out.extend(&rows);
        out.extend(format!("\nendstream\nendobj\nstartxref\n{xref_at}\n%%EOF\n").as_bytes());
        out
    }

    #[test]
    fn reads_objects_from_object_streams() {
        let limits = PdfLimits::default();
        let bytes = with_object_stream(b"[1 2 3]");
        let pdf = Pdf::load(&bytes, &limits).unwrap();
        assert!(has_page_tree(&pdf.doc));
        assert_eq!(
            pdf.doc.get_object((4, 0)).unwrap(),
            &Object::Array(vec![1.into(), 2.into(), 3.into()])
        );
    }

    #[test]
    fn object_stream_tokens_are_counted_before_parsing() {
        let limits = PdfLimits {
            max_syntax_tokens: 2_000,
            ..PdfLimits::default()
        };
        let big = [b"[".as_slice(), &b"0 ".repeat(3_000), b"]"].concat();
        let err = Pdf::load(&with_object_stream(&big), &limits).err().unwrap();
        assert!(
            matches!(err, PdfError::Limit { limit: "max_syntax_tokens", actual, .. } if actual > 3_000),
            "{err}"
        );
        // The same tokens in the file itself are refused before lopdf parses them.
        let mut flat = b"%PDF-1.7\n1 0 obj\n".to_vec();
        flat.extend(&big);
        flat.extend(b"\nendobj\n");
        let err = Pdf::load(&flat, &limits).err().unwrap();
        assert!(
            matches!(
                err,
                PdfError::Limit {
                    limit: "max_syntax_tokens",
                    ..
                }
            ),
            "{err}"
        );
    }

    #[test]
    fn file_tokens_skip_stream_data_without_objects() {
        let plain = b"1 0 obj << /Length 9 >>\nstream\n[0 0 0 0]\nendstream endobj";
        assert_eq!(count_file_tokens(plain), 13);
        let hidden = b"<< >>\nstream\n2 0 obj [0 0] endobj\nendstream";
        assert_eq!(count_file_tokens(hidden), 5 + 8 + 1);
    }

    #[test]
    fn counts_announced_objects() {
        assert_eq!(
            count_objects(b"1 0 obj\n<<>>\nendobj 12 0 obj 3 0 objx /obj"),
            2
        );
    }
}
