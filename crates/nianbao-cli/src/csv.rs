//! CSV writing (RFC 4180): quote a field when it holds a comma, a quote or a line break.

use std::io::{self, Write};

/// The UTF-8 byte-order mark written at the start of every CSV, so that Excel (which
/// otherwise reads CSV in the Windows code page, GBK on Chinese Windows) shows the
/// Chinese names right. CSV readers that know UTF-8 skip it (`utf-8-sig` in Python).
pub const BOM: &str = "\u{feff}";

/// Writes one record, ending with CRLF as RFC 4180 says.
pub fn write_record<W: Write, S: AsRef<str>>(out: &mut W, fields: &[S]) -> io::Result<()> {
    let mut line = String::new();
    for (i, field) in fields.iter().enumerate() {
        if i > 0 {
            line.push(',');
        }
        push_field(&mut line, field.as_ref());
    }
    line.push_str("\r\n");
    out.write_all(line.as_bytes())
}

fn push_field(line: &mut String, field: &str) {
    if field.contains([',', '"', '\n', '\r']) {
        line.push('"');
        line.push_str(&field.replace('"', "\"\""));
        line.push('"');
    } else {
        line.push_str(field);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fields_are_quoted_when_needed() {
        let mut out = Vec::new();
        write_record(&mut out, &["a", "b,c", "say \"hi\"", "two\nlines", "乡"]).unwrap();
        assert_eq!(
            String::from_utf8(out).unwrap(),
            "a,\"b,c\",\"say \"\"hi\"\"\",\"two\nlines\",乡\r\n"
        );
    }
}
