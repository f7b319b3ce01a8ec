//! CSV writing (RFC 4180): quote a field when it holds a comma, a quote or a line break;
//! neutralize a field a spreadsheet would run as a formula (OWASP's CSV injection rule).

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

/// Whether a spreadsheet could take a field for a formula: it starts with `=`, `+`,
/// `-`, `@`, a tab or a carriage return (OWASP, "CSV Injection"). A plain number
/// (`-3`, `+1.5`) is left as it is: no spreadsheet runs it.
fn is_formula_like(field: &str) -> bool {
    let Some(first) = field.chars().next() else {
        return false;
    };
    if !matches!(first, '=' | '+' | '-' | '@' | '\t' | '\r') {
        return false;
    }
    let rest = field.get(1..).unwrap_or_default();
    let plain_number = matches!(first, '+' | '-')
        && !rest.is_empty()
        && rest.chars().all(|c| c.is_ascii_digit() || c == '.')
        && rest.chars().filter(|c| *c == '.').count() <= 1
        && rest.starts_with(|c: char| c.is_ascii_digit());
    !plain_number
}

/// Appends one field to a line being built, quoted or neutralized as needed (no
/// separator).
pub fn push_field(line: &mut String, field: &str) {
    // A leading apostrophe makes the cell text; the field is then quoted, as OWASP
    // advises, so that the apostrophe and what follows stay one field.
    if is_formula_like(field) {
        line.push_str("\"'");
        line.push_str(&field.replace('"', "\"\""));
        line.push('"');
    } else if field.contains([',', '"', '\n', '\r']) {
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

    #[test]
    fn formulas_are_neutralized() {
        let mut out = Vec::new();
        let fields = [
            "=HYPERLINK(\"http://x\",\"y\")人民政府",
            "+1+cmd",
            "-2+3",
            "@SUM(A1)",
            "\tx",
            "\rx",
            "-3",
            "+1.5",
            "a=b",
            "",
        ];
        write_record(&mut out, &fields).unwrap();
        assert_eq!(
            String::from_utf8(out).unwrap(),
            "\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")人民政府\",\"'+1+cmd\",\"'-2+3\",\
             \"'@SUM(A1)\",\"'\tx\",\"'\rx\",-3,+1.5,a=b,\r\n"
        );
    }
}
