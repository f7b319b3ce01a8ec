//! Helpers shared by the integration tests.
#![allow(dead_code)]

use nianbao_core::ir::{Document, Table};

/// The real corpus, copied into the repository.
pub const CORPUS: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../../testdata/corpus");

/// Our own fixtures.
pub const TESTDATA: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../../testdata/txt");

/// Reads a corpus file, or `None` (with a message) when the corpus is not there.
pub fn corpus(name: &str) -> Option<Vec<u8>> {
    let path = format!("{CORPUS}/{name}");
    match std::fs::read(&path) {
        Ok(b) => Some(b),
        Err(e) => {
            eprintln!("skipping: {path}: {e}");
            None
        }
    }
}

/// Reads one of our fixtures.
pub fn fixture(name: &str) -> Vec<u8> {
    let path = format!("{TESTDATA}/{name}");
    std::fs::read(&path).unwrap_or_else(|e| panic!("{path}: {e}"))
}

/// The tables of a document.
pub fn tables(doc: &Document) -> Vec<&Table> {
    doc.tables().collect()
}

/// The paragraph texts of a document.
pub fn paragraphs(doc: &Document) -> Vec<&str> {
    doc.paragraphs().map(|p| p.text.as_str()).collect()
}

/// A table's cell texts, row by row.
pub fn texts(t: &Table) -> Vec<Vec<String>> {
    t.text_rows()
}

/// Reads text bytes and recognizes the report in them.
pub fn recognize(bytes: &[u8]) -> nianbao_core::Recognized {
    let doc = nianbao_txt::read(bytes, &nianbao_core::Limits::default()).expect("readable text");
    nianbao_core::recognize(&doc)
}

/// Compares the tables of a report with an expected JSON (the corpus format), cell by
/// cell: numbers as numbers, `null` as a blank or placeholder cell. Returns the
/// differences, one line each, for the tables listed in `kinds`.
pub fn compare(
    report: &nianbao_core::Report,
    expected: &serde_json::Value,
    kinds: &[nianbao_core::TableKind],
) -> Vec<String> {
    let mut diffs = Vec::new();
    for &kind in kinds {
        let Some(exp) = expected.get(kind.key()) else {
            diffs.push(format!("{}: not in the expected JSON", kind.key()));
            continue;
        };
        let Some(table) = report.table(kind) else {
            diffs.push(format!("{}: table not recognized", kind.key()));
            continue;
        };
        let mut rows = Vec::new();
        collect_rows(exp, String::new(), &mut rows);
        assert!(
            !rows.is_empty(),
            "expected JSON has rows for {}",
            kind.key()
        );
        for (row, cols) in rows {
            for (col, want) in cols {
                let got = table.cell(&row, &col);
                let ok = match (&want, got) {
                    (serde_json::Value::Null, Some(c)) => c.as_number().is_none(),
                    (serde_json::Value::Null, None) => true,
                    (serde_json::Value::Number(n), Some(c)) => c.as_number().is_some_and(|g| {
                        (g.as_f64() - n.as_f64().unwrap_or(f64::NAN)).abs() < 1e-9
                    }),
                    _ => false,
                };
                if !ok {
                    diffs.push(format!(
                        "{}.{row}.{col}: expected {want}, got {:?}",
                        kind.key(),
                        got.map(|c| c.as_number().map(|n| n.to_string()))
                    ));
                }
            }
        }
    }
    diffs
}

/// The rows of an expected table: objects whose values are numbers or nulls.
fn collect_rows(
    v: &serde_json::Value,
    path: String,
    out: &mut Vec<(String, Vec<(String, serde_json::Value)>)>,
) {
    let Some(obj) = v.as_object() else { return };
    if obj.values().all(|x| x.is_number() || x.is_null()) {
        out.push((
            path,
            obj.iter().map(|(k, x)| (k.clone(), x.clone())).collect(),
        ));
        return;
    }
    for (k, x) in obj {
        let p = if path.is_empty() {
            k.clone()
        } else {
            format!("{path}.{k}")
        };
        collect_rows(x, p, out);
    }
}

/// The expected JSON of a corpus file.
pub fn expected(name: &str) -> Option<serde_json::Value> {
    let bytes = corpus(&format!("{name}.expected.json"))?;
    Some(serde_json::from_slice(&bytes).expect("valid expected JSON"))
}

/// The expected JSON of one of our fixtures.
pub fn fixture_expected(name: &str) -> serde_json::Value {
    serde_json::from_slice(&fixture(&format!("{name}.expected.json"))).expect("valid expected JSON")
}

/// Reads, recognizes and compares one of our fixtures with its expected JSON; returns
/// the document and the recognition for further checks.
pub fn check_fixture(name: &str) -> (Document, nianbao_core::Recognized) {
    let bytes = fixture(name);
    let doc = nianbao_txt::read(&bytes, &nianbao_core::Limits::default()).expect("readable text");
    let r = nianbao_core::recognize(&doc);
    let diffs = compare(
        &r.report,
        &fixture_expected(name),
        &nianbao_core::TableKind::ALL,
    );
    assert!(
        diffs.is_empty(),
        "{name}: {} differences:\n{diffs:#?}\ndiagnostics: {:#?}",
        diffs.len(),
        r.diagnostics
    );
    assert_eq!(r.report.meta.year, Some(2023), "{name}");
    (doc, r)
}
