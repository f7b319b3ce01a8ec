//! Builders of the hostile inputs of issue 18, shared by `tests/budget.rs` (one size
//! each, with the answer, peak memory and work asserted) and `benches/worst_cases.rs`
//! (1×, 2×, 4×, 8× sizes, timed).
#![allow(dead_code, clippy::unwrap_used)]

use std::fmt::Write as _;
use std::io::Write;

const W_NS: &str = r#"xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main""#;
const R_NS: &str = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

/// A .docx package of `document.xml` and, when given, `numbering.xml` (deflated).
pub fn docx(document: &str, numbering: Option<&str>) -> Vec<u8> {
    let rels = format!(
        r#"<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="{R_NS}/officeDocument" Target="word/document.xml"/></Relationships>"#
    );
    let doc_rels = format!(
        r#"<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="{R_NS}/numbering" Target="numbering.xml"/></Relationships>"#
    );
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let options = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated)
        .large_file(false);
    let mut parts = vec![
        (
            "[Content_Types].xml",
            r#"<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/></Types>"#,
        ),
        ("_rels/.rels", rels.as_str()),
        ("word/document.xml", document),
    ];
    if let Some(n) = numbering {
        parts.push(("word/_rels/document.xml.rels", doc_rels.as_str()));
        parts.push(("word/numbering.xml", n));
    }
    for (name, data) in parts {
        zip.start_file(name, options).unwrap();
        zip.write_all(data.as_bytes()).unwrap();
    }
    zip.finish().unwrap().into_inner()
}

/// `document.xml` around a body.
pub fn body(inner: &str) -> String {
    format!(
        r#"<?xml version="1.0" encoding="UTF-8"?><w:document {W_NS}><w:body>{inner}</w:body></w:document>"#
    )
}

/// `n` paragraphs of list `num_id`, level 0, each with the text `段`.
pub fn numbered_paragraphs(n: usize, num_id: u32) -> String {
    let mut s = String::new();
    for _ in 0..n {
        write!(
            s,
            r#"<w:p><w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="{num_id}"/></w:numPr></w:pPr><w:r><w:t>段</w:t></w:r></w:p>"#
        )
        .unwrap();
    }
    s
}

/// A package whose one list level has a text of `placeholders` `%1`s, used by
/// `paragraphs` paragraphs; with the size of its uncompressed parts.
pub fn numbering_text(placeholders: usize, paragraphs: usize) -> (Vec<u8>, usize) {
    let text = "%1".repeat(placeholders);
    let numbering = format!(
        r#"<w:numbering {W_NS}><w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="{text}"/><w:suff w:val="nothing"/></w:lvl></w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num></w:numbering>"#
    );
    let document = body(&numbered_paragraphs(paragraphs, 1));
    (
        docx(&document, Some(&numbering)),
        numbering.len() + document.len(),
    )
}

/// A package whose one list has `overrides` `w:lvlOverride`s (level `i % 9` starting
/// at `i + 1`), used by `paragraphs` paragraphs; with the size of its parts.
pub fn overrides(overrides: u32, paragraphs: usize) -> (Vec<u8>, usize) {
    let mut numbering = format!(
        r#"<w:numbering {W_NS}><w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/><w:suff w:val="nothing"/></w:lvl></w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="0"/>"#
    );
    for i in 0..overrides {
        write!(
            numbering,
            r#"<w:lvlOverride w:ilvl="{}"><w:startOverride w:val="{}"/></w:lvlOverride>"#,
            i % 9,
            i + 1
        )
        .unwrap();
    }
    numbering.push_str("</w:num></w:numbering>");
    let document = body(&numbered_paragraphs(paragraphs, 1));
    (
        docx(&document, Some(&numbering)),
        numbering.len() + document.len(),
    )
}

/// A table of 2 rows of `cells` cells, the second row continuing every vertical merge
/// of the first (cell `i` holds `i % 10`); with the size of `document.xml`.
pub fn vmerge(cells: usize) -> (Vec<u8>, usize) {
    let mut xml = String::from("<w:tbl>");
    for val in [r#" w:val="restart""#, ""] {
        xml.push_str("<w:tr>");
        for i in 0..cells {
            write!(
                xml,
                "<w:tc><w:tcPr><w:vMerge{val}/></w:tcPr><w:p><w:r><w:t>{}</w:t></w:r></w:p></w:tc>",
                i % 10
            )
            .unwrap();
        }
        xml.push_str("</w:tr>");
    }
    xml.push_str("</w:tbl>");
    let document = body(&xml);
    (docx(&document, None), document.len())
}

/// `tables` tables of `rows` × 1,000 cells `cell` between two section headings (one
/// heading alone is no report); with the size of `document.xml`.
pub fn tables(tables: usize, rows: usize, cell: &str) -> (Vec<u8>, usize) {
    let mut table = String::from("<w:tbl>");
    for _ in 0..rows {
        table.push_str("<w:tr>");
        for _ in 0..1_000 {
            table.push_str(cell);
        }
        table.push_str("</w:tr>");
    }
    table.push_str("</w:tbl>");
    let document = body(&format!(
        "<w:p><w:r><w:t>一、总体情况</w:t></w:r></w:p>{}{}",
        table.repeat(tables),
        "<w:p><w:r><w:t>二、主动公开政府信息情况</w:t></w:r></w:p>"
    ));
    (docx(&document, None), document.len())
}

/// An HTML page with a tag of `n` attributes between two paragraphs.
pub fn attributes(n: usize) -> String {
    let mut page = String::from("<html><body><p>一、总体情况</p><p");
    for i in 0..n {
        write!(page, " a{i}=\"{i}\"").unwrap();
    }
    page.push_str(">本年度……</p></body></html>");
    page
}

/// A line of prose, 120 bytes.
pub const PROSE: &str =
    "本年度，我单位认真贯彻落实条例，持续加大主动公开力度，规范依申请公开办理，各项工作有序推进。";

/// A text of a section heading, `lines` short lines and a second heading (one heading
/// alone is no report).
pub fn lines(lines: usize) -> String {
    format!(
        "一、总体情况\n{}二、主动公开政府信息情况\n",
        "本年度无变化。\n".repeat(lines)
    )
}

/// A pipe table of `rows` rows of 20 cells after a section heading.
pub fn pipe_table(rows: usize) -> String {
    format!(
        "二、主动公开政府信息情况\n{}",
        format!("|{}\n", "1|".repeat(20)).repeat(rows)
    )
}
