//! Bytes to text: byte-order marks, strict UTF-8, UTF-16 without a mark, and the
//! legacy Chinese encodings (GB18030, which covers GBK and GB2312, and Big5) chosen
//! by how well they decode.

use encoding_rs::{BIG5, Encoding, GB18030, UTF_16BE, UTF_16LE};
use nianbao_core::Diagnostic;

use crate::TxtError;
use crate::common_chars::CommonChars;

/// Text decoded from bytes, with the name of the encoding used.
#[derive(Debug)]
pub(crate) struct Decoded {
    /// The text.
    pub text: String,
    /// The encoding name as recorded in the document properties.
    pub encoding: &'static str,
    /// What the decoder had to guess or replace.
    pub diagnostics: Vec<Diagnostic>,
}

/// The name we record for an encoding.
fn name_of(enc: &'static Encoding) -> &'static str {
    if enc == GB18030 {
        "GB18030"
    } else {
        enc.name()
    }
}

/// How clean a decoded text is.
#[derive(Debug, Default, Clone, Copy)]
struct Quality {
    chars: usize,
    controls: usize,
    replacements: usize,
}

impl Quality {
    fn of(s: &str) -> Self {
        let mut q = Quality::default();
        for c in s.chars() {
            q.chars += 1;
            if c == '\u{fffd}' {
                q.replacements += 1;
            } else if is_control(c) {
                q.controls += 1;
            }
        }
        q
    }

    /// Whether the text is too damaged or too binary to be a text document.
    fn is_garbage(&self) -> bool {
        self.controls * 50 > self.chars || self.replacements * 20 > self.chars
    }
}

/// A control character that does not occur in text files (tab, line ends and form
/// feed do).
pub(crate) fn is_control(c: char) -> bool {
    (c < ' ' && !matches!(c, '\t' | '\n' | '\r' | '\u{c}')) || ('\u{7f}'..='\u{9f}').contains(&c)
}

/// The 1-based line of a byte offset.
fn line_of(bytes: &[u8], offset: usize) -> u32 {
    let n = bytes
        .get(..offset)
        .map_or(0, |b| b.iter().filter(|&&b| b == b'\n').count());
    u32::try_from(n.saturating_add(1)).unwrap_or(u32::MAX)
}

/// Guesses UTF-16 without a byte-order mark from the zero bytes of ASCII text.
fn utf16_without_bom(bytes: &[u8]) -> Option<&'static Encoding> {
    if bytes.len() < 8 || !bytes.len().is_multiple_of(2) {
        return None;
    }
    let pairs = bytes.len() / 2;
    let (mut even, mut odd) = (0usize, 0usize);
    for pair in bytes.chunks_exact(2) {
        if let [a, b] = pair {
            even += usize::from(*a == 0);
            odd += usize::from(*b == 0);
        }
    }
    if odd * 4 > pairs && even * 20 < pairs {
        Some(UTF_16LE)
    } else if even * 4 > pairs && odd * 20 < pairs {
        Some(UTF_16BE)
    } else {
        None
    }
}

/// Decodes `bytes`, choosing the encoding as described in the module docs.
pub(crate) fn decode(bytes: &[u8], common: &CommonChars) -> Result<Decoded, TxtError> {
    let mut diagnostics = Vec::new();
    let (text, enc, first_bad) = if let Some((enc, bom_len)) = Encoding::for_bom(bytes) {
        let body = bytes.get(bom_len..).unwrap_or_default();
        let (text, errors) = enc.decode_without_bom_handling(body);
        (
            text.into_owned(),
            enc,
            if errors { bom_len } else { bytes.len() },
        )
    } else if let Some(enc) = utf16_without_bom(bytes) {
        let (text, _) = enc.decode_without_bom_handling(bytes);
        diagnostics.push(Diagnostic::info(
            crate::codes::ENCODING_GUESSED,
            format!(
                "no byte-order mark; read as {} from its zero bytes",
                name_of(enc)
            ),
            None,
        ));
        (text.into_owned(), enc, bytes.len())
    } else {
        match std::str::from_utf8(bytes) {
            Ok(s) => (s.to_owned(), encoding_rs::UTF_8, bytes.len()),
            Err(e) => {
                let first_bad = e.valid_up_to();
                let (text, enc) = best_legacy(bytes, common);
                diagnostics.push(Diagnostic::info(
                    crate::codes::ENCODING_GUESSED,
                    format!(
                        "not UTF-8 (byte {first_bad} is not); read as {}, which decodes it best",
                        name_of(enc)
                    ),
                    None,
                ));
                (text, enc, first_bad)
            }
        }
    };
    let q = Quality::of(&text);
    if q.is_garbage() {
        let offset = if first_bad < bytes.len() {
            first_bad
        } else {
            bytes
                .iter()
                .position(|&b| b < b' ' && !matches!(b, b'\t' | b'\n' | b'\r' | 0x0c))
                .unwrap_or(0)
        };
        return Err(TxtError::Undecodable {
            line: line_of(bytes, offset),
            offset: u64::try_from(offset).unwrap_or(u64::MAX),
            detail: format!(
                "not text: read as {}, {} of {} characters are control characters and {} could not be decoded",
                name_of(enc),
                q.controls,
                q.chars,
                q.replacements
            ),
        });
    }
    // `first_bad` is the input length when the bytes decoded without error: U+FFFD
    // found then was in the file itself.
    if q.replacements > 0 && first_bad < bytes.len() {
        diagnostics.push(Diagnostic::warning(
            crate::codes::DECODE_REPLACED,
            format!(
                "{} byte sequences could not be decoded as {} and were replaced by U+FFFD",
                q.replacements,
                name_of(enc)
            ),
            None,
        ));
    }
    Ok(Decoded {
        text,
        encoding: name_of(enc),
        diagnostics,
    })
}

/// Decodes with GB18030 and Big5 and keeps the one with fewer errors and more
/// common characters.
fn best_legacy(bytes: &[u8], common: &CommonChars) -> (String, &'static Encoding) {
    let score = |s: &str| -> i64 {
        let (c, _) = common.count(s);
        let q = Quality::of(s);
        i64::try_from(c).unwrap_or(i64::MAX)
            - 5 * i64::try_from(q.replacements + q.controls).unwrap_or(i64::MAX / 8)
    };
    let (gb, _) = GB18030.decode_without_bom_handling(bytes);
    let (big5, _) = BIG5.decode_without_bom_handling(bytes);
    if score(&big5) > score(&gb) {
        (big5.into_owned(), BIG5)
    } else {
        (gb.into_owned(), GB18030)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn dec(bytes: &[u8]) -> Result<Decoded, TxtError> {
        decode(bytes, &CommonChars::new())
    }

    #[test]
    fn utf8_with_and_without_bom() {
        let d = dec("一、总体情况".as_bytes()).unwrap();
        assert_eq!((d.text.as_str(), d.encoding), ("一、总体情况", "UTF-8"));
        let d = dec(b"\xef\xbb\xbf\xe4\xb8\x80").unwrap();
        assert_eq!((d.text.as_str(), d.encoding), ("一", "UTF-8"));
        assert!(d.diagnostics.is_empty());
    }

    #[test]
    fn utf16_with_bom_and_without() {
        let mut le = vec![0xff, 0xfe];
        le.extend(
            "政府信息公开 2021\n"
                .encode_utf16()
                .flat_map(u16::to_le_bytes),
        );
        let d = dec(&le).unwrap();
        assert_eq!(
            (d.text.as_str(), d.encoding),
            ("政府信息公开 2021\n", "UTF-16LE")
        );
        let mut be = vec![0xfe, 0xff];
        be.extend("申请".encode_utf16().flat_map(u16::to_be_bytes));
        assert_eq!(dec(&be).unwrap().encoding, "UTF-16BE");
        let bare: Vec<u8> = "table 3: 2021 report\n"
            .encode_utf16()
            .flat_map(u16::to_le_bytes)
            .collect();
        let d = dec(&bare).unwrap();
        assert_eq!(
            (d.text.as_str(), d.encoding),
            ("table 3: 2021 report\n", "UTF-16LE")
        );
    }

    #[test]
    fn gbk_and_big5_are_told_apart() {
        let text = "三、收到和处理政府信息公开申请情况\n本年新收政府信息公开申请数量";
        let (gbk, _, _) = encoding_rs::GBK.encode(text);
        let d = dec(&gbk).unwrap();
        assert_eq!((d.text.as_str(), d.encoding), (text, "GB18030"));
        assert_eq!(d.diagnostics[0].code, "txt.encoding_guessed");
        let trad = "三、收到和處理政府信息公開申請情況\n本年新收政府信息公開申請數量";
        let (big5, _, _) = BIG5.encode(trad);
        let d = dec(&big5).unwrap();
        assert_eq!((d.text.as_str(), d.encoding), (trad, "Big5"));
    }

    #[test]
    fn binary_noise_is_an_error_with_a_place() {
        let mut state = 0x1234_5678_u32;
        let noise: Vec<u8> = (0..4096)
            .map(|_| {
                state ^= state << 13;
                state ^= state >> 17;
                state ^= state << 5;
                state.to_le_bytes()[0]
            })
            .collect();
        let err = dec(&noise).unwrap_err();
        assert!(
            matches!(err, TxtError::Undecodable { line: 1.., .. }),
            "{err:?}"
        );
        assert!(dec(&[0u8; 64]).is_err());
    }
}
