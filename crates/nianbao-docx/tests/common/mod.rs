//! Shared helpers: zip a fixture folder of `testdata/docx/` into a .docx in memory, and
//! show tables compactly.
#![allow(dead_code)]

use std::io::{Cursor, Write};
use std::path::{Path, PathBuf};

use nianbao_core::Limits;
use nianbao_core::ir::{Document, Paragraph, Table};
use zip::write::SimpleFileOptions;

/// `testdata/docx/` at the root of the repository.
pub fn testdata() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../testdata/docx")
}

/// The real corpus, copied into the repository.
pub fn corpus() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../testdata/corpus")
}

const CONTENT_TYPES: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>"#;

const ROOT_RELS: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/></Relationships>"#;

/// Zips the parts in `parts` (name, content) into a .docx.
pub fn zip_parts(parts: &[(String, Vec<u8>)]) -> Vec<u8> {
    let mut writer = zip::ZipWriter::new(Cursor::new(Vec::new()));
    let options = SimpleFileOptions::default().compression_method(zip::CompressionMethod::Deflated);
    for (name, data) in parts {
        writer.start_file(name.as_str(), options).unwrap();
        writer.write_all(data).unwrap();
    }
    writer.finish().unwrap().into_inner()
}

/// The .docx made of the files under `testdata/docx/<name>/`, with the package
/// boilerplate ([Content_Types].xml, the relationships) added where the folder has none.
pub fn package(name: &str) -> Vec<u8> {
    let root = testdata().join(name);
    let mut parts = Vec::new();
    collect(&root, &root, &mut parts);
    let has = |p: &str| parts.iter().any(|(n, _)| n == p);
    let mut extra = Vec::new();
    if !has("[Content_Types].xml") {
        extra.push((
            "[Content_Types].xml".to_owned(),
            CONTENT_TYPES.as_bytes().to_vec(),
        ));
    }
    if !has("_rels/.rels") {
        extra.push(("_rels/.rels".to_owned(), ROOT_RELS.as_bytes().to_vec()));
    }
    if !has("word/_rels/document.xml.rels") {
        let mut rels = String::from(
            r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">"#,
        );
        if has("word/styles.xml") {
            rels.push_str(r#"<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>"#);
        }
        if has("word/numbering.xml") {
            rels.push_str(r#"<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/numbering" Target="numbering.xml"/>"#);
        }
        rels.push_str("</Relationships>");
        extra.push(("word/_rels/document.xml.rels".to_owned(), rels.into_bytes()));
    }
    extra.extend(parts);
    zip_parts(&extra)
}

fn collect(root: &Path, dir: &Path, out: &mut Vec<(String, Vec<u8>)>) {
    let mut entries: Vec<_> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    entries.sort();
    for path in entries {
        if path.is_dir() {
            collect(root, &path, out);
        } else {
            let name = path
                .strip_prefix(root)
                .unwrap()
                .to_string_lossy()
                .replace('\\', "/");
            out.push((name, std::fs::read(&path).unwrap()));
        }
    }
}

/// Reads fixture `name` with the default limits.
pub fn read_fixture(name: &str) -> Document {
    nianbao_docx::read(&package(name), &Limits::default()).unwrap()
}

/// The paragraphs of the body, in order.
pub fn paragraphs(doc: &Document) -> Vec<&Paragraph> {
    doc.paragraphs().collect()
}

/// The texts of the body's paragraphs.
pub fn texts(doc: &Document) -> Vec<&str> {
    paragraphs(doc).iter().map(|p| p.text.as_str()).collect()
}

/// The tables of the body, in order.
pub fn tables(doc: &Document) -> Vec<&Table> {
    doc.tables().collect()
}

/// A table as rows of `text@col+span×rows`.
pub fn layout(table: &Table) -> Vec<Vec<String>> {
    table
        .rows
        .iter()
        .map(|r| {
            r.cells
                .iter()
                .map(|c| format!("{}@{}+{}x{}", c.text, c.col, c.col_span, c.row_span))
                .collect()
        })
        .collect()
}
