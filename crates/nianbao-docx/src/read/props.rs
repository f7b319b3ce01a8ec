//! Document properties: `docProps/core.xml` (title, creator, dates) and
//! `docProps/app.xml` (the application that saved the file).

use std::collections::BTreeMap;

use quick_xml::events::Event;

use super::error::DocxError;
use super::xml;

/// Reads the properties of `core.xml` or `app.xml` into `out` under the keys `title`,
/// `author`, `created`, `modified` and `application`; empty values are left out.
pub(crate) fn read_into(
    data: &[u8],
    part: &str,
    out: &mut BTreeMap<String, String>,
) -> Result<(), DocxError> {
    let mut reader = xml::reader(data);
    let mut key: Option<&'static str> = None;
    let mut depth = 0usize;
    let mut text = String::new();
    loop {
        let ev = reader
            .read_event()
            .map_err(|e| xml::error(part, &reader, &e))?;
        match ev {
            Event::Start(e) => {
                depth += 1;
                // Only direct children of the root are properties.
                key = if depth == 2 {
                    match e.local_name().as_ref() {
                        b"title" => Some("title"),
                        b"creator" => Some("author"),
                        b"created" => Some("created"),
                        b"modified" => Some("modified"),
                        b"Application" => Some("application"),
                        _ => None,
                    }
                } else {
                    None
                };
                text.clear();
            }
            Event::Text(t) if key.is_some() => {
                text.push_str(
                    &t.decode().map_err(|e| {
                        DocxError::xml(part, reader.buffer_position(), e.to_string())
                    })?,
                );
            }
            Event::GeneralRef(r) if key.is_some() => {
                if let Ok(Some(c)) = r.resolve_char_ref() {
                    text.push(c);
                } else if let Some(s) = r
                    .decode()
                    .ok()
                    .and_then(|n| quick_xml::escape::resolve_predefined_entity(&n))
                {
                    text.push_str(s);
                }
            }
            Event::End(_) => {
                if let Some(k) = key.take() {
                    let value = text.trim();
                    if !value.is_empty() {
                        out.insert(k.to_owned(), value.to_owned());
                    }
                }
                depth = depth.saturating_sub(1);
            }
            Event::Eof => break,
            _ => {}
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn core_and_app_properties() {
        let core = r#"<cp:coreProperties xmlns:cp="c" xmlns:dc="d" xmlns:dcterms="t"><dc:title>示例县2021年报告 &amp; 附件</dc:title><dc:creator></dc:creator><dcterms:created>2022-01-05T08:00:00Z</dcterms:created><dcterms:modified>2022-01-06T08:00:00Z</dcterms:modified></cp:coreProperties>"#;
        let app = r#"<Properties><Application>WPS Office</Application><HeadingPairs><vt:vector><vt:lpstr>Title</vt:lpstr></vt:vector></HeadingPairs></Properties>"#;
        let mut out = BTreeMap::new();
        read_into(core.as_bytes(), "docProps/core.xml", &mut out).unwrap();
        read_into(app.as_bytes(), "docProps/app.xml", &mut out).unwrap();
        let got: Vec<(&str, &str)> = out.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect();
        assert_eq!(
            got,
            [
                ("application", "WPS Office"),
                ("created", "2022-01-05T08:00:00Z"),
                ("modified", "2022-01-06T08:00:00Z"),
                ("title", "示例县2021年报告 & 附件"),
            ]
        );
    }
}
