//! Small helpers over quick-xml shared by the part readers.

use std::borrow::Cow;

use quick_xml::Reader;
use quick_xml::events::BytesStart;

use super::error::DocxError;

/// A reader over an in-memory part: events borrow the part, nothing is copied.
pub(crate) fn reader(data: &[u8]) -> Reader<&[u8]> {
    let mut reader = Reader::from_reader(data);
    let config = reader.config_mut();
    config.trim_text(false);
    config.check_end_names = true;
    config.expand_empty_elements = false;
    reader
}

/// The part as UTF-8: a UTF-8 BOM is dropped and UTF-16 (with its BOM) is transcoded.
pub(crate) fn utf8_part(data: Vec<u8>, part: &str) -> Result<Vec<u8>, DocxError> {
    let (le, body) = match data.get(..2) {
        Some([0xFF, 0xFE]) => (true, data.get(2..).unwrap_or_default()),
        Some([0xFE, 0xFF]) => (false, data.get(2..).unwrap_or_default()),
        _ => {
            if data.starts_with(&[0xEF, 0xBB, 0xBF]) {
                return Ok(data.get(3..).unwrap_or_default().to_vec());
            }
            return Ok(data);
        }
    };
    let units = body.chunks_exact(2).map(|c| match c {
        [a, b] if le => u16::from_le_bytes([*a, *b]),
        [a, b] => u16::from_be_bytes([*a, *b]),
        _ => 0,
    });
    let mut out = String::with_capacity(body.len());
    for (i, ch) in char::decode_utf16(units).enumerate() {
        match ch {
            Ok(c) => out.push(c),
            Err(_) => return Err(DocxError::xml(part, 2 + 2 * i as u64, "invalid UTF-16")),
        }
    }
    // An encoding="UTF-16" declaration now lies; quick-xml reads UTF-8 whatever it says.
    Ok(out.into_bytes())
}

/// Turns a quick-xml error into a [`DocxError`] at the reader's error position.
pub(crate) fn error(part: &str, reader: &Reader<&[u8]>, err: &quick_xml::Error) -> DocxError {
    DocxError::xml(part, reader.error_position(), err.to_string())
}

/// An attribute value with entities resolved, as an owned string (lossy on bad UTF-8).
pub(crate) fn attr_string(value: &[u8]) -> String {
    let raw = String::from_utf8_lossy(value);
    match quick_xml::escape::unescape(&raw) {
        Ok(s) => s.into_owned(),
        Err(_) => raw.into_owned(),
    }
}

/// The value of the attribute whose local name is `name` (any prefix): the first one,
/// as with quick-xml's duplicate check, which is off here because it allocates.
pub(crate) fn attr<'a>(e: &'a BytesStart<'_>, name: &[u8]) -> Option<Cow<'a, [u8]>> {
    e.attributes()
        .with_checks(false)
        .flatten()
        .find(|a| a.key.local_name().as_ref() == name)
        .map(|a| a.value)
}

/// The `w:val` attribute.
pub(crate) fn val<'a>(e: &'a BytesStart<'_>) -> Option<Cow<'a, [u8]>> {
    attr(e, b"val")
}

/// `w:val` as a number (`None` when absent or not a number).
pub(crate) fn val_u32(e: &BytesStart<'_>) -> Option<u32> {
    val(e).and_then(|v| parse_u32(&v))
}

/// A decimal number, tolerating surrounding spaces.
pub(crate) fn parse_u32(v: &[u8]) -> Option<u32> {
    std::str::from_utf8(v).ok()?.trim().parse().ok()
}

/// An OOXML on/off property: present without `w:val`, or with a true value.
pub(crate) fn on_off(e: &BytesStart<'_>) -> bool {
    match val(e) {
        None => true,
        Some(v) => !matches!(v.as_ref(), b"0" | b"false" | b"off" | b"none"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utf16_parts_are_transcoded() {
        let mut data = vec![0xFF, 0xFE];
        data.extend("<a>一</a>".encode_utf16().flat_map(u16::to_le_bytes));
        assert_eq!(utf8_part(data, "p").unwrap(), "<a>一</a>".as_bytes());
        assert_eq!(
            utf8_part(b"\xEF\xBB\xBF<a/>".to_vec(), "p").unwrap(),
            b"<a/>"
        );
    }

    #[test]
    fn on_off_values() {
        assert!(on_off(&BytesStart::from_content("w:b", 3)));
        assert!(!on_off(&BytesStart::from_content(r#"w:b w:val="0""#, 3)));
        assert!(on_off(&BytesStart::from_content(r#"w:b w:val="true""#, 3)));
        assert_eq!(
            val_u32(&BytesStart::from_content(r#"w:gridSpan w:val="3""#, 10)),
            Some(3)
        );
        assert_eq!(attr_string(b"a&amp;b"), "a&b");
    }
}
