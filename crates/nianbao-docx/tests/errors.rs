//! Inputs that must fail cleanly: what they are, where, and which limit.

mod common;

use common::{package, zip_parts};
use nianbao_core::{Error, Limits, Pos};
use nianbao_docx::DocxError;

fn read(bytes: &[u8]) -> Result<nianbao_core::ir::Document, DocxError> {
    nianbao_docx::read(bytes, &Limits::default())
}

fn document(body: &str) -> Vec<u8> {
    let xml = format!(
        r#"<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>{body}</w:body></w:document>"#
    );
    zip_parts(&[("word/document.xml".to_owned(), xml.into_bytes())])
}

fn compound_file(stream: &str) -> Vec<u8> {
    let mut bytes = vec![0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];
    bytes.resize(1536, 0);
    bytes.extend(stream.encode_utf16().flat_map(u16::to_le_bytes));
    bytes.resize(2048, 0);
    bytes
}

fn unsupported_what(err: DocxError) -> String {
    match Error::from(err) {
        Error::Unsupported { what, .. } => what,
        other => panic!("expected unsupported, got {other:?}"),
    }
}

#[test]
fn a_doc_a_wps_an_xlsx_and_an_encrypted_file_say_what_they_are() {
    let doc = unsupported_what(read(&compound_file("WordDocument")).unwrap_err());
    assert!(doc.contains(".doc") && doc.contains(".wps"), "{doc}");
    let works = unsupported_what(read(&compound_file("MatOST")).unwrap_err());
    assert!(works.contains("Works") && works.contains(".wps"), "{works}");
    let encrypted = unsupported_what(read(&compound_file("EncryptedPackage")).unwrap_err());
    assert!(encrypted.contains("encrypted"), "{encrypted}");
    let xlsx = zip_parts(&[("xl/workbook.xml".to_owned(), b"<workbook/>".to_vec())]);
    let xlsx = unsupported_what(read(&xlsx).unwrap_err());
    assert!(xlsx.contains(".xlsx"), "{xlsx}");
    let pdf = unsupported_what(read(b"%PDF-1.7\n...").unwrap_err());
    assert!(pdf.contains("PDF"), "{pdf}");
}

#[test]
fn a_corrupt_zip_is_malformed() {
    let mut bytes = package("field");
    bytes.truncate(bytes.len() / 2);
    let err = Error::from(read(&bytes).unwrap_err());
    assert_eq!(err.kind(), "malformed", "{err}");
}

#[test]
fn malformed_xml_names_the_part_and_offset() {
    let bytes = document("<w:p><w:r><w:t>一</w:t></w:r></w:tbl>");
    let err = Error::from(read(&bytes).unwrap_err());
    match err {
        Error::Malformed { pos, .. } => {
            assert_eq!(pos.part.as_deref(), Some("word/document.xml"));
            // The mismatched end tag starts after the prologue and the first elements.
            assert!(pos.offset.unwrap() > 150, "{pos:?}");
        }
        other => panic!("{other:?}"),
    }
    let err =
        Error::from(read(&document("<w:p><w:r><w:t>&nosuch;</w:t></w:r></w:p>")).unwrap_err());
    assert_eq!(err.kind(), "malformed");
}

#[test]
fn xml_depth_is_limited() {
    let deep = "<w:sdt><w:sdtContent>".repeat(200) + &"</w:sdtContent></w:sdt>".repeat(200);
    let err = read(&document(&deep)).unwrap_err();
    assert!(
        matches!(
            err,
            DocxError::Limit {
                limit: "max_depth",
                max: 256,
                ..
            }
        ),
        "{err}"
    );
    // The same depth inside a skipped subtree is caught too, when it is too large to be
    // jumped over by bytes.
    let deep_deleted = format!(
        "<w:p><w:del>{}{}</w:del></w:p>",
        "<w:r>".repeat(1000),
        "</w:r>".repeat(1000)
    );
    let err = read(&document(&deep_deleted)).unwrap_err();
    assert!(
        matches!(
            err,
            DocxError::Limit {
                limit: "max_depth",
                ..
            }
        ),
        "{err}"
    );
}

#[test]
fn cells_per_table_are_limited() {
    let row = "<w:tr>".to_owned() + &"<w:tc><w:p/></w:tc>".repeat(10) + "</w:tr>";
    let bytes = document(&format!("<w:tbl>{}</w:tbl>", row.repeat(10)));
    let limits = Limits {
        max_table_cells: 99,
        ..Limits::default()
    };
    let err = nianbao_docx::read(&bytes, &limits).unwrap_err();
    assert!(
        matches!(
            err,
            DocxError::Limit {
                limit: "max_table_cells",
                actual: 100,
                max: 99,
                ..
            }
        ),
        "{err}"
    );
    let err = Error::from(err);
    assert!(err.to_string().contains("max_table_cells"), "{err}");
    assert!(nianbao_docx::read(&bytes, &Limits::default()).is_ok());
}

#[test]
fn sizes_and_ratio_are_limited_before_inflating() {
    let bytes = package("field");
    let small_input = Limits {
        max_input_bytes: 100,
        ..Limits::default()
    };
    let err = nianbao_docx::read(&bytes, &small_input).unwrap_err();
    assert!(
        matches!(
            err,
            DocxError::Limit {
                limit: "max_input_bytes",
                ..
            }
        ),
        "{err}"
    );

    let small_part = Limits {
        max_part_bytes: 1000,
        ..Limits::default()
    };
    let err = nianbao_docx::read(&bytes, &small_part).unwrap_err();
    assert!(
        matches!(&err, DocxError::Limit { limit: "max_part_bytes", part, .. } if part == "word/document.xml"),
        "{err}"
    );

    let small_total = Limits {
        max_total_bytes: 2000,
        ..Limits::default()
    };
    let err = nianbao_docx::read(&bytes, &small_total).unwrap_err();
    assert!(
        matches!(
            err,
            DocxError::Limit {
                limit: "max_total_bytes",
                ..
            }
        ),
        "{err}"
    );

    // A zip bomb: one run of 3.4 million zeros compresses far past a ratio of 200
    // (with either flate2 backend; zlib-rs packs repeated paragraphs only ~158:1).
    let bomb = document(&format!(
        "<w:p><w:r><w:t>{}</w:t></w:r></w:p>",
        "0".repeat(3_400_000)
    ));
    let err = read(&bomb).unwrap_err();
    assert!(
        matches!(
            err,
            DocxError::Limit {
                limit: "max_compression_ratio",
                ..
            }
        ),
        "{err}"
    );

    let few_entries = Limits {
        max_entries: 2,
        ..Limits::default()
    };
    let err = nianbao_docx::read(&bytes, &few_entries).unwrap_err();
    assert!(
        matches!(
            err,
            DocxError::Limit {
                limit: "max_entries",
                ..
            }
        ),
        "{err}"
    );
}

#[test]
fn a_limit_error_converts_with_its_position() {
    let deep = "<w:sdt><w:sdtContent>".repeat(200);
    let err = Error::from(read(&document(&deep)).unwrap_err());
    match err {
        Error::LimitExceeded { limit, pos, .. } => {
            assert_eq!(limit, "max_depth");
            assert_eq!(pos.part.as_deref(), Some("word/document.xml"));
            assert_ne!(pos, Pos::default());
        }
        other => panic!("{other:?}"),
    }
}

#[test]
fn a_package_without_relationships_still_reads() {
    let doc = read(&document("<w:p><w:r><w:t>无关系文件</w:t></w:r></w:p>")).unwrap();
    assert_eq!(common::texts(&doc), ["无关系文件"]);
}

#[test]
fn a_utf16_document_part_reads() {
    let xml = r#"<?xml version="1.0" encoding="UTF-16"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>十六位</w:t></w:r></w:p></w:body></w:document>"#;
    let mut data = vec![0xFF, 0xFE];
    data.extend(xml.encode_utf16().flat_map(u16::to_le_bytes));
    let doc = read(&zip_parts(&[("word/document.xml".to_owned(), data)])).unwrap();
    assert_eq!(common::texts(&doc), ["十六位"]);
}

#[test]
fn another_prefix_for_wordprocessingml_reads() {
    let xml = r#"<?xml version="1.0"?><document xmlns="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><body><p><r><t>默认命名空间</t></r></p></body></document>"#;
    let doc = read(&zip_parts(&[(
        "word/document.xml".to_owned(),
        xml.as_bytes().to_vec(),
    )]))
    .unwrap();
    assert_eq!(common::texts(&doc), ["默认命名空间"]);
}

#[test]
fn offsets_after_skipped_formatting_stay_exact() {
    // Formatting jumped over by bytes must not shift the positions that follow, nor the
    // position of an error.
    let body = r#"<w:p><w:pPr><w:jc w:val="both"/><w:rPr><w:rFonts w:hint="eastAsia"/><w:sz w:val="21"/></w:rPr></w:pPr><w:r><w:rPr><w:b/><w:sz w:val="21"/></w:rPr><w:t>一</w:t></w:r></w:p><w:p><w:r><w:t>二</w:t></w:r></w:p><w:tbl><w:tblPr><w:tblW w:w="0"/></w:tblPr><w:tr><w:tc><w:tcPr><w:tcW w:w="1"/><w:tcBorders><w:top w:val="single"/></w:tcBorders></w:tcPr><w:p><w:r><w:t>格</w:t></w:r></w:p></w:tc></w:tr></w:tbl><w:p><w:r><w:rPr><w:b/></w:rPr><w:t>尾</w:t></w:r></w:x>"#;
    let xml = format!(
        r#"<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>{body}</w:body></w:document>"#
    );
    let err = read(&zip_parts(&[(
        "word/document.xml".to_owned(),
        xml.clone().into_bytes(),
    )]))
    .unwrap_err();
    let DocxError::Xml { offset, .. } = err else {
        panic!("{err}")
    };
    let at = xml.find("</w:x>").unwrap() as u64;
    assert!(
        offset >= at && offset <= at + 6,
        "error at {offset}, the bad end tag at {at}"
    );

    let fixed = xml.replace("</w:x>", "</w:p>");
    let doc = read(&zip_parts(&[(
        "word/document.xml".to_owned(),
        fixed.clone().into_bytes(),
    )]))
    .unwrap();
    let paragraphs = common::paragraphs(&doc);
    let second = paragraphs[1].pos.offset.unwrap() as usize;
    assert!(
        fixed[second..].starts_with("<w:p><w:r><w:t>二"),
        "{}",
        &fixed[second..second + 20]
    );
    let cell = &common::tables(&doc)[0].rows[0].cells[0];
    assert!(fixed[cell.pos.offset.unwrap() as usize..].starts_with("<w:tc>"));
    let last = paragraphs[2].pos.offset.unwrap() as usize;
    assert!(fixed[last..].starts_with("<w:p><w:r><w:rPr><w:b/>"));
    assert_eq!(common::texts(&doc), ["一", "二", "尾"]);
}
