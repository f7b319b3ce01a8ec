//! The package parts the writer makes itself: the document properties (title and
//! generator, nothing personal, no dates) and the font table (with the fallback of
//! every Chinese font).

use std::fmt::Write as _;
use std::io::{Cursor, Read, Write as _};

use zip::write::SimpleFileOptions;
use zip::{CompressionMethod, DateTime, ZipArchive, ZipWriter};

use super::style::FONTS;

/// Escapes text for XML content or a quoted attribute.
fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            '\n' | '\t' | '\r' => out.push(' '),
            c => out.push(c),
        }
    }
    out
}

/// `docProps/core.xml`: the title only. No creator, no last editor, no dates: a
/// written report carries no personal data and the same report gives the same bytes.
pub fn core_xml(title: Option<&str>) -> Vec<u8> {
    let mut s = String::from(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">"#,
    );
    if let Some(title) = title {
        let _ = write!(s, "<dc:title>{}</dc:title>", escape(title));
    }
    s.push_str("</cp:coreProperties>");
    s.into_bytes()
}

/// `docProps/app.xml`: the generator's name and version.
pub fn app_xml(generator: &str) -> Vec<u8> {
    format!(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties" xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes"><Application>{}</Application><DocSecurity>0</DocSecurity></Properties>"#,
        escape(generator)
    )
    .into_bytes()
}

/// `word/fontTable.xml`: every font the styles name, GB2312 charset (`86`), with its
/// `w:altName` so that a system without 仿宋_GB2312 uses 仿宋, and so on.
pub fn font_table_xml() -> Vec<u8> {
    let mut s = String::from(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:fonts xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">"#,
    );
    for (name, alt) in FONTS {
        let _ = write!(
            s,
            r#"<w:font w:name="{}"><w:altName w:val="{}"/><w:charset w:val="86"/><w:family w:val="auto"/><w:pitch w:val="variable"/></w:font>"#,
            escape(name),
            escape(alt)
        );
    }
    s.push_str(
        r#"<w:font w:name="Times New Roman"><w:charset w:val="00"/><w:family w:val="roman"/><w:pitch w:val="variable"/></w:font></w:fonts>"#,
    );
    s.into_bytes()
}

/// The package again, its parts deflated (docx-rs stores them uncompressed), folder
/// entries left out, every date the zip epoch: the same parts give the same bytes.
pub fn deflate(stored: &[u8]) -> zip::result::ZipResult<Vec<u8>> {
    let mut archive = ZipArchive::new(Cursor::new(stored))?;
    let mut out = ZipWriter::new(Cursor::new(Vec::with_capacity(stored.len() / 4)));
    let options = SimpleFileOptions::default()
        .compression_method(CompressionMethod::Deflated)
        .last_modified_time(DateTime::default());
    let mut buf = Vec::new();
    for i in 0..archive.len() {
        let mut entry = archive.by_index(i)?;
        if entry.is_dir() {
            continue;
        }
        buf.clear();
        entry.read_to_end(&mut buf)?;
        out.start_file(entry.name(), options)?;
        out.write_all(&buf)?;
    }
    Ok(out.finish()?.into_inner())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn properties_hold_title_and_generator_only() {
        let core = String::from_utf8(core_xml(Some("甲县<2021>年报"))).unwrap();
        assert!(core.contains("<dc:title>甲县&lt;2021&gt;年报</dc:title>"));
        assert!(
            !core.contains("creator")
                && !core.contains("lastModifiedBy")
                && !core.contains("created")
        );
        let app = String::from_utf8(app_xml("nianbao 0.1.0")).unwrap();
        assert!(app.contains("<Application>nianbao 0.1.0</Application>"));
    }

    #[test]
    fn fonts_have_fallbacks() {
        let t = String::from_utf8(font_table_xml()).unwrap();
        assert!(t.contains(r#"<w:font w:name="仿宋_GB2312"><w:altName w:val="仿宋"/>"#));
        assert!(t.contains(r#"<w:font w:name="楷体_GB2312"><w:altName w:val="楷体"/>"#));
    }
}
