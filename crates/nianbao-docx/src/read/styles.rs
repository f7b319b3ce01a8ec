//! Paragraph styles (`word/styles.xml`): what a style says about outline level and
//! numbering, resolved through `w:basedOn`.

use std::collections::HashMap;

use quick_xml::events::Event;

use super::error::DocxError;
use super::xml;

/// How many `w:basedOn` hops are followed (cycles end there).
const MAX_CHAIN: usize = 32;

/// What the reader needs of one style, after inheritance.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(crate) struct StyleInfo {
    /// The heading level (1-based), from `w:outlineLvl` or a `heading N` name.
    pub(crate) heading: Option<u8>,
    /// `w:numPr/w:numId`.
    pub(crate) num_id: Option<u32>,
    /// `w:numPr/w:ilvl`.
    pub(crate) ilvl: Option<u32>,
}

#[derive(Debug, Default)]
struct RawStyle {
    based_on: Option<Vec<u8>>,
    /// From `w:outlineLvl` (`Some(None)` for level 9, "body text").
    outline: Option<Option<u8>>,
    from_name: Option<u8>,
    num_id: Option<u32>,
    ilvl: Option<u32>,
}

/// The paragraph styles of a document.
#[derive(Debug, Default)]
pub(crate) struct Styles {
    resolved: HashMap<Vec<u8>, StyleInfo>,
    default_paragraph: Option<Vec<u8>>,
}

/// Blanks out `w:latentStyles` (nine tenths of a typical `styles.xml`, and nothing the
/// reader needs) with spaces, so the parser skips it as one text event while byte
/// offsets stay those of the part.
pub(crate) fn blank_latent_styles(data: &mut [u8]) {
    let Some(name_at) = memchr::memmem::find(data, b"latentStyles") else {
        return;
    };
    let Some(open) = data
        .get(..name_at)
        .and_then(|head| memchr::memrchr(b'<', head))
    else {
        return;
    };
    // Only an element name: `<latentStyles` or `<prefix:latentStyles`.
    let prefix = data.get(open + 1..name_at).unwrap_or_default();
    let is_name = match prefix.split_last() {
        None => true,
        Some((b':', p)) => p.iter().all(|b| b.is_ascii_alphanumeric() || *b == b'_'),
        Some(_) => false,
    };
    if !is_name {
        return;
    }
    let Some(gt) = data
        .get(name_at..)
        .and_then(|tail| memchr::memchr(b'>', tail))
        .map(|i| name_at + i)
    else {
        return;
    };
    let end = if data.get(gt.wrapping_sub(1)) == Some(&b'/') {
        gt + 1
    } else {
        let Some(close) = data
            .get(gt..)
            .and_then(|tail| memchr::memmem::find(tail, b"latentStyles>"))
        else {
            return;
        };
        let close_at = gt + close;
        // The closing tag is `</` plus the same prefix.
        let expected_start = close_at.checked_sub(prefix.len() + 2);
        if expected_start.and_then(|i| data.get(i..i + 2)) != Some(b"</") {
            return;
        }
        close_at + b"latentStyles>".len()
    };
    if let Some(region) = data.get_mut(open..end) {
        region.fill(b' ');
    }
}

impl Styles {
    /// Reads `styles.xml`.
    pub(crate) fn parse(data: &[u8], part: &str) -> Result<Styles, DocxError> {
        let mut raw: HashMap<Vec<u8>, RawStyle> = HashMap::new();
        let mut default_paragraph = None;
        let mut reader = xml::reader(data);
        let mut current: Option<(Vec<u8>, RawStyle)> = None;
        let mut in_ppr = false;
        let mut skip_depth = 0usize;
        loop {
            let ev = reader
                .read_event()
                .map_err(|e| xml::error(part, &reader, &e))?;
            let (e, empty) = match &ev {
                Event::Start(e) => (e, false),
                Event::Empty(e) => (e, true),
                Event::End(e) => {
                    if skip_depth > 0 {
                        skip_depth -= 1;
                        continue;
                    }
                    match e.local_name().as_ref() {
                        b"style" => {
                            if let Some((id, style)) = current.take() {
                                raw.insert(id, style);
                            }
                        }
                        b"pPr" => in_ppr = false,
                        _ => {}
                    }
                    continue;
                }
                Event::Eof => break,
                _ => continue,
            };
            if skip_depth > 0 {
                if !empty {
                    skip_depth += 1;
                }
                continue;
            }
            let local = e.local_name();
            match local.as_ref() {
                b"style" => {
                    let ty = xml::attr(e, b"type");
                    let is_para = ty
                        .as_deref()
                        .is_none_or(|t| t == b"paragraph" || t == b"numbering");
                    let id = xml::attr(e, b"styleId")
                        .map(|v| v.into_owned())
                        .unwrap_or_default();
                    if ty.as_deref() == Some(b"paragraph")
                        && xml::attr(e, b"default")
                            .is_some_and(|v| v.as_ref() == b"1" || v.as_ref() == b"true")
                    {
                        default_paragraph = Some(id.clone());
                    }
                    if is_para && !empty {
                        current = Some((id, RawStyle::default()));
                    } else if !empty {
                        skip_depth = 1;
                    }
                }
                b"pPrChange" | b"rPr" | b"tblPr" | b"trPr" | b"tcPr" | b"tblStylePr" if !empty => {
                    skip_depth = 1
                }
                b"pPr" if !empty => in_ppr = true,
                b"name" => {
                    if let (Some((_, s)), Some(v)) = (current.as_mut(), xml::val(e)) {
                        s.from_name = heading_from_name(&v);
                    }
                }
                b"basedOn" => {
                    if let (Some((_, s)), Some(v)) = (current.as_mut(), xml::val(e)) {
                        s.based_on = Some(v.into_owned());
                    }
                }
                b"outlineLvl" if in_ppr => {
                    if let (Some((_, s)), Some(v)) = (current.as_mut(), xml::val_u32(e)) {
                        s.outline = Some(outline_to_heading(v));
                    }
                }
                b"numId" if in_ppr => {
                    if let (Some((_, s)), Some(v)) = (current.as_mut(), xml::val_u32(e)) {
                        s.num_id = Some(v);
                    }
                }
                b"ilvl" if in_ppr => {
                    if let (Some((_, s)), Some(v)) = (current.as_mut(), xml::val_u32(e)) {
                        s.ilvl = Some(v);
                    }
                }
                _ => {}
            }
        }
        let resolved = raw
            .keys()
            .map(|id| (id.clone(), resolve(&raw, id)))
            .collect();
        Ok(Styles {
            resolved,
            default_paragraph,
        })
    }

    /// What style `id` says, or the default paragraph style when `id` is `None`.
    pub(crate) fn get(&self, id: Option<&[u8]>) -> StyleInfo {
        let id = id.or(self.default_paragraph.as_deref());
        id.and_then(|id| self.resolved.get(id))
            .copied()
            .unwrap_or_default()
    }
}

fn resolve(raw: &HashMap<Vec<u8>, RawStyle>, id: &[u8]) -> StyleInfo {
    let mut info = StyleInfo::default();
    let mut heading_known = false;
    let mut cur = raw.get(id);
    for _ in 0..MAX_CHAIN {
        let Some(style) = cur else { break };
        if !heading_known {
            if let Some(outline) = style.outline {
                info.heading = outline;
                heading_known = true;
            } else if let Some(level) = style.from_name {
                info.heading = Some(level);
                heading_known = true;
            }
        }
        if info.num_id.is_none() {
            info.num_id = style.num_id;
        }
        if info.ilvl.is_none() {
            info.ilvl = style.ilvl;
        }
        cur = style.based_on.as_deref().and_then(|b| raw.get(b));
    }
    info
}

/// `w:outlineLvl` 0–8 is heading level 1–9; 9 is body text.
pub(crate) fn outline_to_heading(v: u32) -> Option<u8> {
    u8::try_from(v).ok().filter(|&v| v < 9).map(|v| v + 1)
}

/// `heading 2`, `Heading 2`, `标题 2` → 2.
fn heading_from_name(name: &[u8]) -> Option<u8> {
    let name = std::str::from_utf8(name).ok()?.trim();
    let rest = if name.len() > 8 && name.get(..8)?.eq_ignore_ascii_case("heading ") {
        name.get(8..)?
    } else {
        name.strip_prefix("标题 ")
            .or_else(|| name.strip_prefix("标题"))?
    };
    rest.trim()
        .parse::<u8>()
        .ok()
        .filter(|l| (1..=9).contains(l))
}

#[cfg(test)]
mod tests {
    use super::*;

    const STYLES: &str = r#"<w:styles xmlns:w="w">
      <w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/></w:style>
      <w:style w:type="paragraph" w:styleId="Heading1"><w:name w:val="heading 1"/><w:basedOn w:val="Normal"/>
        <w:pPr><w:numPr><w:numId w:val="3"/></w:numPr></w:pPr></w:style>
      <w:style w:type="paragraph" w:styleId="H1Child"><w:name w:val="My heading"/><w:basedOn w:val="Heading1"/>
        <w:pPr><w:numPr><w:ilvl w:val="1"/></w:numPr></w:pPr></w:style>
      <w:style w:type="paragraph" w:styleId="Body"><w:name w:val="heading 3"/><w:pPr><w:outlineLvl w:val="9"/></w:pPr></w:style>
      <w:style w:type="paragraph" w:styleId="Loop"><w:basedOn w:val="Loop"/></w:style>
      <w:style w:type="character" w:styleId="C"><w:name w:val="heading 1 Char"/><w:rPr><w:b/></w:rPr></w:style>
    </w:styles>"#;

    #[test]
    fn inheritance_and_names() {
        let styles = Styles::parse(STYLES.as_bytes(), "word/styles.xml").unwrap();
        assert_eq!(
            styles.get(Some(b"Heading1")),
            StyleInfo {
                heading: Some(1),
                num_id: Some(3),
                ilvl: None
            }
        );
        assert_eq!(
            styles.get(Some(b"H1Child")),
            StyleInfo {
                heading: Some(1),
                num_id: Some(3),
                ilvl: Some(1)
            }
        );
        assert_eq!(styles.get(Some(b"Body")).heading, None);
        assert_eq!(styles.get(Some(b"Loop")), StyleInfo::default());
        assert_eq!(styles.get(None), StyleInfo::default());
        assert_eq!(styles.get(Some(b"missing")), StyleInfo::default());
    }

    #[test]
    fn latent_styles_are_blanked_in_place() {
        let mut xml = br#"<w:styles><w:latentStyles w:count="2"><w:lsdException w:name="heading 1"/></w:latentStyles><w:style w:styleId="a"/></w:styles>"#.to_vec();
        let len = xml.len();
        blank_latent_styles(&mut xml);
        assert_eq!(xml.len(), len);
        let text = String::from_utf8(xml).unwrap();
        assert!(text.starts_with("<w:styles>  "), "{text}");
        assert!(text.contains("<w:style w:styleId=\"a\"/>"), "{text}");
        assert!(!text.contains("lsdException"), "{text}");
        let mut none = b"<w:styles/>".to_vec();
        blank_latent_styles(&mut none);
        assert_eq!(none, b"<w:styles/>");
    }

    #[test]
    fn heading_names() {
        assert_eq!(heading_from_name("Heading 2".as_bytes()), Some(2));
        assert_eq!(heading_from_name("标题 3".as_bytes()), Some(3));
        assert_eq!(heading_from_name("Normal".as_bytes()), None);
    }
}
