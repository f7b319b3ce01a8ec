//! Web archives (`.mht`, `.mhtml`): a MIME message whose first `text/html` part is
//! the page, in quoted-printable or base64 and in the charset its header names.
//! Browsers and Word save pages this way.

use std::borrow::Cow;

/// The page of a web archive, decoded to bytes.
#[derive(Debug)]
pub struct Page {
    /// The HTML, as bytes in `charset` (or undeclared).
    pub html: Vec<u8>,
    /// The `charset` of the part's `Content-Type`, if it has one.
    pub charset: Option<String>,
    /// The part's `Content-Transfer-Encoding` (`quoted-printable`, `base64`, `8bit`…).
    pub transfer_encoding: String,
}

/// Whether the bytes are a MIME message (a web archive, `.mht`): they start with
/// header lines, one of them `MIME-Version:` or a `Content-Type:` of `multipart/` or
/// `text/html`. [`read`](crate::read) reads such a message through its HTML part.
///
/// ```
/// assert!(nianbao_html::looks_like_mime(b"MIME-Version: 1.0\r\nContent-Type: multipart/related; boundary=x\r\n\r\n--x\r\n"));
/// assert!(!nianbao_html::looks_like_mime(b"<html><body>MIME-Version: 1.0\n\n</body></html>"));
/// ```
pub fn looks_like_mime(bytes: &[u8]) -> bool {
    let head = bytes.get(..bytes.len().min(4096)).unwrap_or(bytes);
    let Some(headers) = header_block(head) else {
        return false;
    };
    let headers = String::from_utf8_lossy(headers).to_ascii_lowercase();
    let first = headers.lines().next().unwrap_or_default();
    // The first line is a header (a name, a colon), as in any message.
    let is_header = first.split_once(':').is_some_and(|(name, _)| {
        !name.is_empty() && name.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-')
    });
    is_header
        && headers.lines().any(|l| {
            l.starts_with("mime-version:")
                || (l.starts_with("content-type:")
                    && (l.contains("multipart/") || l.contains("text/html")))
        })
}

/// The headers of a message or part: the bytes before the first empty line.
fn header_block(bytes: &[u8]) -> Option<&[u8]> {
    let end = find(bytes, b"\n\n")
        .map(|i| i + 1)
        .or_else(|| find(bytes, b"\r\n\r\n").map(|i| i + 2))?;
    bytes.get(..end)
}

/// Headers and body of a part (CRLF or LF line ends).
fn split_part(bytes: &[u8]) -> (&[u8], &[u8]) {
    let lf = find(bytes, b"\n\n").map(|i| (i, 2));
    let crlf = find(bytes, b"\r\n\r\n").map(|i| (i, 4));
    let cut = match (lf, crlf) {
        (Some(a), Some(b)) => Some(if a.0 < b.0 { a } else { b }),
        (a, b) => a.or(b),
    };
    match cut {
        Some((i, n)) => (
            bytes.get(..i).unwrap_or_default(),
            bytes.get(i + n..).unwrap_or_default(),
        ),
        None => (bytes, &[]),
    }
}

/// The value of header `name` (lower case, with its colon), unfolded.
fn header(headers: &[u8], name: &str) -> Option<String> {
    let text = String::from_utf8_lossy(headers);
    let mut value: Option<String> = None;
    for line in text.lines() {
        if let Some(v) = value.as_mut() {
            if line.starts_with([' ', '\t']) {
                v.push(' ');
                v.push_str(line.trim());
                continue;
            }
            break;
        }
        if line.len() >= name.len()
            && line
                .get(..name.len())
                .is_some_and(|n| n.eq_ignore_ascii_case(name))
        {
            value = Some(line.get(name.len()..).unwrap_or_default().trim().to_owned());
        }
    }
    value
}

/// A parameter of a header value (`boundary`, `charset`), unquoted.
fn param(value: &str, name: &str) -> Option<String> {
    value.split(';').skip(1).find_map(|p| {
        let (k, v) = p.split_once('=')?;
        k.trim()
            .eq_ignore_ascii_case(name)
            .then(|| v.trim().trim_matches('"').to_owned())
    })
}

/// How deep multiparts may nest (a saved page nests two: related, alternative).
const MAX_NESTING: u32 = 8;

/// The first `text/html` part of a MIME message, decoded; `None` when it has none.
pub fn html_part(bytes: &[u8]) -> Option<Page> {
    html_part_at(bytes, 0)
}

fn html_part_at(bytes: &[u8], depth: u32) -> Option<Page> {
    let (headers, body) = split_part(bytes);
    let content_type = header(headers, "content-type:").unwrap_or_default();
    let lower = content_type.to_ascii_lowercase();
    if lower.starts_with("multipart/") && depth < MAX_NESTING {
        let boundary = param(&content_type, "boundary")?;
        let delimiter = format!("--{boundary}");
        return body
            .split(|&b| b == b'\n')
            .fold(
                (Vec::<Vec<&[u8]>>::new(), false),
                |(mut parts, mut open), line| {
                    let line = line.strip_suffix(b"\r").unwrap_or(line);
                    if line.starts_with(delimiter.as_bytes()) {
                        open = !line.ends_with(b"--");
                        parts.push(Vec::new());
                    } else if open && let Some(part) = parts.last_mut() {
                        part.push(line);
                    }
                    (parts, open)
                },
            )
            .0
            .into_iter()
            .find_map(|lines| html_part_at(&lines.join(&b'\n'), depth + 1));
    }
    if !lower.starts_with("text/html") {
        return None;
    }
    let transfer_encoding = header(headers, "content-transfer-encoding:")
        .unwrap_or_else(|| "8bit".to_owned())
        .to_ascii_lowercase();
    let html = match transfer_encoding.as_str() {
        "quoted-printable" => quoted_printable(body),
        "base64" => base64(body),
        _ => body.to_vec(),
    };
    Some(Page {
        html,
        charset: param(&content_type, "charset"),
        transfer_encoding,
    })
}

/// Decodes quoted-printable: `=XX` is a byte, `=` at the end of a line joins it to the
/// next; anything malformed is kept as it is.
fn quoted_printable(body: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(body.len());
    let mut i = 0;
    while let Some(&b) = body.get(i) {
        if b != b'=' {
            out.push(b);
            i += 1;
            continue;
        }
        let next = body.get(i + 1..i + 3).unwrap_or_default();
        if next.starts_with(b"\r\n") {
            i += 3;
        } else if next.starts_with(b"\n") {
            i += 2;
        } else if let [h, l] = next
            && let (Some(h), Some(l)) = (hex(*h), hex(*l))
        {
            out.push(h << 4 | l);
            i += 3;
        } else {
            out.push(b);
            i += 1;
        }
    }
    out
}

fn hex(b: u8) -> Option<u8> {
    (b as char).to_digit(16).and_then(|d| u8::try_from(d).ok())
}

/// Decodes base64, skipping white space and stopping at padding or a stray byte.
fn base64(body: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(body.len() / 4 * 3);
    let (mut acc, mut bits) = (0u32, 0u32);
    for &b in body {
        let v = match b {
            b'A'..=b'Z' => b - b'A',
            b'a'..=b'z' => b - b'a' + 26,
            b'0'..=b'9' => b - b'0' + 52,
            b'+' => 62,
            b'/' => 63,
            b if b.is_ascii_whitespace() => continue,
            _ => break,
        };
        acc = (acc << 6) | u32::from(v);
        bits += 6;
        if bits >= 8 {
            bits -= 8;
            out.push(((acc >> bits) & 0xff) as u8);
        }
    }
    out
}

/// The page as bytes the reader decodes: transcoded to UTF-8 (with a BOM) when the
/// part names a charset encoding_rs knows, else as they are.
pub fn to_reader_bytes(page: &Page) -> Cow<'_, [u8]> {
    let Some(enc) = page
        .charset
        .as_deref()
        .and_then(|c| encoding_rs::Encoding::for_label(c.as_bytes()))
    else {
        return Cow::Borrowed(&page.html);
    };
    let (text, _, _) = enc.decode(&page.html);
    let mut out = Vec::with_capacity(text.len() + 3);
    out.extend_from_slice(b"\xef\xbb\xbf");
    out.extend_from_slice(text.as_bytes());
    Cow::Owned(out)
}

fn find(b: &[u8], needle: &[u8]) -> Option<usize> {
    b.windows(needle.len()).position(|w| w == needle)
}

#[cfg(test)]
mod tests {
    use super::*;

    const MHT: &str = "From: <Saved by Blink>\r\nSubject: =?utf-8?Q?report?=\r\nMIME-Version: 1.0\r\nContent-Type: multipart/related;\r\n\ttype=\"text/html\";\r\n\tboundary=\"----=_NextPart_000\"\r\n\r\n------=_NextPart_000\r\nContent-Type: text/html; charset=\"gb2312\"\r\nContent-Transfer-Encoding: quoted-printable\r\n\r\n<p>=D2=BB=A1=A2=D7=DC=CC=E5=C7=E9=BF=F6</p><p class=3D\"x\">long line =\r\njoined</p>\r\n------=_NextPart_000\r\nContent-Type: image/png\r\nContent-Transfer-Encoding: base64\r\n\r\niVBORw0KGgo=\r\n------=_NextPart_000--\r\n";

    #[test]
    fn a_saved_page_is_found_and_decoded() {
        assert!(looks_like_mime(MHT.as_bytes()));
        let page = html_part(MHT.as_bytes()).unwrap();
        assert_eq!(page.charset.as_deref(), Some("gb2312"));
        assert_eq!(page.transfer_encoding, "quoted-printable");
        let bytes = to_reader_bytes(&page);
        let text = std::str::from_utf8(&bytes).unwrap();
        assert_eq!(
            text,
            "\u{feff}<p>一、总体情况</p><p class=\"x\">long line joined</p>"
        );
    }

    #[test]
    fn base64_parts_and_single_part_messages() {
        let msg = "MIME-Version: 1.0\nContent-Type: text/html; charset=utf-8\nContent-Transfer-Encoding: base64\n\nPHA+5LiA44CB5oC75L2T5oOF5Ya1PC9wPg==\n";
        let page = html_part(msg.as_bytes()).unwrap();
        assert_eq!(String::from_utf8(page.html).unwrap(), "<p>一、总体情况</p>");
    }

    #[test]
    fn not_mime() {
        assert!(!looks_like_mime("一、总体情况\n\n正文".as_bytes()));
        assert!(!looks_like_mime(
            b"<html><body>Content-Type: text/html\n\n</body></html>"
        ));
        let no_html = "MIME-Version: 1.0\nContent-Type: multipart/related; boundary=b\n\n--b\nContent-Type: image/png\n\nxx\n--b--\n";
        assert!(looks_like_mime(no_html.as_bytes()));
        assert!(html_part(no_html.as_bytes()).is_none());
    }
}
