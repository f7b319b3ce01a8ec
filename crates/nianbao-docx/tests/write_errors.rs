//! What the writer refuses, with the place named.

mod write_common;
use write_common as common;

use nianbao_core::catalog::TableFormat;
use nianbao_docx::write::{DocxWriteError, WriteOptions, write};

#[test]
fn a_control_character_is_an_error_naming_its_place() {
    let mut r = common::report(TableFormat::Format2021, 9, 3);
    r.sections[4].paragraphs[1] = "第一页\u{c}第二页".into();
    match write(&r, &WriteOptions::default()) {
        Err(e @ DocxWriteError::InvalidCharacter { .. }) => {
            let DocxWriteError::InvalidCharacter { place, code } = &e else {
                unreachable!()
            };
            assert_eq!(place, "section problems, paragraph 2");
            assert_eq!(*code, 0xC);
            assert_eq!(
                e.to_string(),
                "section problems, paragraph 2: the character U+000C cannot be written to a .docx (XML 1.0 forbids it)"
            );
        }
        other => panic!("expected InvalidCharacter, got {other:?}"),
    }
    let mut r = common::report(TableFormat::Format2021, 9, 3);
    r.other_tables = vec![vec![vec!["a".into(), "b\u{1}".into()]]];
    let err = write(&r, &WriteOptions::default()).unwrap_err();
    assert!(
        err.to_string().starts_with("other table 1, row 1, cell 2:"),
        "{err}"
    );
    // The core error keeps the place; the caller names the output.
    let core = nianbao_core::Error::from(err).with_file("out.docx");
    assert_eq!(core.kind(), "write");
    match &core {
        nianbao_core::Error::Write { file, place, .. } => {
            assert_eq!(file, "out.docx");
            assert_eq!(place.as_deref(), Some("other table 1, row 1, cell 2"));
        }
        other => panic!("expected Error::Write, got {other:?}"),
    }
    assert!(
        core.to_string()
            .starts_with("out.docx: cannot write: other table 1"),
        "{core}"
    );
}

#[test]
fn tabs_and_line_breaks_are_written_as_such() {
    let mut r = common::report(TableFormat::Format2021, 9, 3);
    r.sections[5].paragraphs = vec!["甲\t乙\n丙".into()];
    let bytes = write(&r, &WriteOptions::default()).unwrap();
    let doc = common::part(&bytes, "word/document.xml");
    assert!(common::paragraphs(&doc).iter().any(|p| p == "甲\t乙\n丙"));
}
