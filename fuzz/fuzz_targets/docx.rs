//! Bytes through the .docx reader, then the recognizer and the rules.
//!
//! Two kinds of input share the target so one corpus covers both layers:
//! - input starting with `PK` is read as the whole file (zip container, package, parts);
//! - any other input is taken as `word/document.xml` and wrapped in a minimal stored
//!   (uncompressed) package first, so the mutations reach the XML body reader instead
//!   of dying in deflate and CRC checks.
//!
//! Must hold: no panic, no hang, no allocation beyond the limits.
#![no_main]

use std::io::Write;

use libfuzzer_sys::fuzz_target;
use nianbao_core::Limits;
use zip::write::SimpleFileOptions;

const CONTENT_TYPES: &str = r#"<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>"#;
const RELS: &str = r#"<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>"#;

fn package(document_xml: &[u8]) -> Option<Vec<u8>> {
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let stored = SimpleFileOptions::default().compression_method(zip::CompressionMethod::Stored);
    for (name, data) in [
        ("[Content_Types].xml", CONTENT_TYPES.as_bytes()),
        ("_rels/.rels", RELS.as_bytes()),
        ("word/document.xml", document_xml),
    ] {
        zip.start_file(name, stored).ok()?;
        zip.write_all(data).ok()?;
    }
    zip.finish().ok().map(std::io::Cursor::into_inner)
}

fuzz_target!(|data: &[u8]| {
    let limits = Limits::default();
    let owned;
    let bytes = if data.starts_with(b"PK") {
        data
    } else {
        match package(data) {
            Some(p) => {
                owned = p;
                &owned
            }
            None => return,
        }
    };
    if let Ok(doc) = nianbao_docx::read(bytes, &limits) {
        let analysis = nianbao_core::analyze(&doc);
        let json = nianbao_json::to_string(&analysis);
        if let Err(e) = nianbao_json::from_str(&json) {
            panic!("our own JSON does not read back: {e}\n{json}");
        }
    }
});
