//! The same report as HTML, as .docx and as text gives the same tables in the JSON.
//!
//! `word-export-2021.html` is written by `testdata/html/make_fixtures.py`, which also
//! writes `word-export-2021.tika.txt` (the tables as Apache Tika lays out a .docx) from
//! the same grid; `word-export-2021.docx` was made from the HTML by LibreOffice (see
//! `testdata/html/README.md`).

mod common;

use common::TESTDATA;
use nianbao_core::{Limits, analyze};
use pretty_assertions::assert_eq;
use serde_json::{Value, json};

/// The parts of the JSON that hold the tables: their values and formats.
fn tables_json(doc: &nianbao_core::ir::Document) -> Value {
    let v = nianbao_json::to_value(&analyze(doc));
    let report = &v["report"];
    json!({
        "template": report["meta"]["template"],
        "active_disclosure": report["active_disclosure"],
        "applications": report["applications"],
        "review_litigation": report["review_litigation"],
    })
}

fn bytes(name: &str) -> Vec<u8> {
    std::fs::read(format!("{TESTDATA}/{name}")).unwrap()
}

#[test]
fn html_docx_and_text_give_the_same_tables() {
    let limits = Limits::default();
    let html = nianbao_html::read(&bytes("word-export-2021.html"), None, &limits).unwrap();
    let docx = nianbao_docx::read(&bytes("word-export-2021.docx"), &limits).unwrap();
    let text = nianbao_txt::read(&bytes("word-export-2021.tika.txt"), &limits).unwrap();
    let from_html = tables_json(&html);
    assert_eq!(
        from_html["template"],
        json!({"active_disclosure": "2021", "applications": "2021"})
    );
    assert_eq!(
        from_html["applications"]["new_received"]["total"],
        json!(334)
    );
    assert_eq!(tables_json(&docx), from_html, "docx vs html");
    assert_eq!(tables_json(&text), from_html, "text vs html");
}

/// The real 淮安 2024 report (.docx in the corpus) and our synthetic Word export are
/// both in the 2021 format: the same row keys are recognized in every table.
#[test]
fn same_keys_as_the_corpus_docx() {
    let corpus = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../testdata/corpus/huaian-2024.docx"
    );
    let Ok(real) = std::fs::read(corpus) else {
        eprintln!("corpus not found at {corpus}; skipped");
        return;
    };
    let limits = Limits::default();
    let real = analyze(&nianbao_docx::read(&real, &limits).unwrap()).report;
    let ours =
        analyze(&nianbao_html::read(&bytes("word-export-2021.html"), None, &limits).unwrap())
            .report;
    for kind in nianbao_core::TableKind::ALL {
        let keys = |r: &nianbao_core::Report| -> Vec<String> {
            r.table(kind)
                .map(|t| {
                    t.rows
                        .iter()
                        .filter_map(|row| row.key.as_deref().map(str::to_owned))
                        .collect()
                })
                .unwrap_or_default()
        };
        assert!(!keys(&ours).is_empty(), "{kind:?}");
        assert_eq!(keys(&ours), keys(&real), "{kind:?}");
    }
}
