//! The JSON contract: lossless read-back, deterministic bytes, and the committed
//! JSON Schema in step with the model.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]

mod common;

use std::fs;

fn reports() -> Vec<nianbao::Analysis> {
    let mut paths = vec![
        common::corpus().join("xiangning-shuanghe-2020.tika.txt"),
        common::testdata().join("tika/county-2021.txt"),
        common::testdata().join("tika/township-2019.txt"),
    ];
    paths.retain(|p| p.exists());
    paths
        .iter()
        .map(|p| nianbao::read_path(p).unwrap())
        .collect()
}

#[test]
fn json_reads_back_to_the_same_analysis_and_bytes() {
    for analysis in reports() {
        let json = nianbao::json::to_string(&analysis);
        let back = nianbao::json::from_str(&json).unwrap();
        pretty_assertions::assert_eq!(back, analysis);
        assert_eq!(nianbao::json::to_string(&back), json);
        // Same input, same bytes.
        let again = nianbao::read_path(common::testdata().join("tika/county-2021.txt")).unwrap();
        let first = nianbao::read_path(common::testdata().join("tika/county-2021.txt")).unwrap();
        assert_eq!(
            nianbao::json::to_string(&again),
            nianbao::json::to_string(&first)
        );
    }
}

#[test]
fn normalized_cells_keep_their_verbatim_text() {
    let analysis = nianbao::read_path(common::testdata().join("tika/township-2019.txt")).unwrap();
    let v = nianbao::json::to_value(&analysis);
    let cells = &v["report"]["cells"];
    assert_eq!(
        v["report"]["active_disclosure"]["procurement"]["amount_wan_yuan"],
        serde_json::json!(25.1)
    );
    assert_eq!(
        cells["active_disclosure.procurement.amount_wan_yuan"]["verbatim"],
        "251000元"
    );
    assert_eq!(
        cells["active_disclosure.procurement.amount_wan_yuan"]["normalizations"][0]["type"],
        "yuan_to_wan_yuan"
    );
    assert_eq!(
        cells["active_disclosure.regulations.made"]["normalizations"][0]["type"],
        "annotation"
    );
    assert_eq!(
        cells["active_disclosure.normative_documents.made"]["verbatim"],
        "—"
    );
    assert_eq!(
        cells["active_disclosure.normative_documents.made"]["normalizations"][0]["type"],
        "placeholder"
    );
    // A blank cell is null without a note; a placeholder is null with one.
    assert!(v["report"]["active_disclosure"]["coercion"]["made"].is_null());
    assert!(cells.get("active_disclosure.coercion.decisions").is_none());
    // 2019 table 3: the two 2021-only rows are null rows, not zeros.
    assert!(v["report"]["applications"]["results"]["other"]["overdue_fee"].is_null());
}

#[test]
fn not_json_of_ours_is_a_clean_error() {
    assert!(nianbao::json::from_str("{").is_err());
    assert!(nianbao::json::from_str("{}").is_err());
    let err = nianbao::json::from_str(r#"{"schema_version": "9.0.0"}"#).unwrap_err();
    assert!(err.to_string().contains("9.0.0"), "{err}");
}

/// The schema is generated from the model and committed; they must not drift apart.
/// After a deliberate model change: `UPDATE_SCHEMA=1 cargo test --test json`.
#[test]
fn committed_schema_matches_the_model() {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("schema/nianbao.schema.json");
    let generated = serde_json::to_string_pretty(&nianbao::json::schema()).unwrap() + "\n";
    if std::env::var_os("UPDATE_SCHEMA").is_some() {
        fs::write(&path, &generated).unwrap();
    }
    let committed = fs::read_to_string(&path).unwrap_or_default();
    assert!(
        committed == generated,
        "schema/nianbao.schema.json differs from the model; if the change is deliberate, run UPDATE_SCHEMA=1 cargo test --test json and bump SCHEMA_VERSION"
    );
}

#[test]
fn serialize_and_writers_give_the_normalized_json() {
    for analysis in reports() {
        let json = nianbao::json::to_string(&analysis);
        // `Analysis: Serialize` is the normalized JSON itself, `Report` its `report`.
        assert_eq!(serde_json::to_string_pretty(&analysis).unwrap(), json);
        let value: serde_json::Value = serde_json::from_str(&json).unwrap();
        assert_eq!(
            serde_json::to_value(&analysis.report).unwrap(),
            value["report"]
        );
        // Any io::Write.
        let mut out = std::io::Cursor::new(Vec::new());
        nianbao::json::to_writer(&mut out, &analysis).unwrap();
        assert_eq!(out.into_inner(), json.as_bytes());
        let mut line = Vec::new();
        nianbao::json::to_writer_compact(&mut line, &analysis).unwrap();
        assert_eq!(line, nianbao::json::to_string_compact(&analysis).as_bytes());
    }
    // A writer that fails gives the writer's own error.
    struct Full;
    impl std::io::Write for Full {
        fn write(&mut self, _: &[u8]) -> std::io::Result<usize> {
            Err(std::io::Error::new(
                std::io::ErrorKind::StorageFull,
                "disk full",
            ))
        }
        fn flush(&mut self) -> std::io::Result<()> {
            Ok(())
        }
    }
    let analysis = &reports()[0];
    match nianbao::json::to_writer(Full, analysis) {
        Err(nianbao::json::JsonError::Io(e)) => {
            assert_eq!(e.kind(), std::io::ErrorKind::StorageFull)
        }
        other => panic!("expected an io error, got {other:?}"),
    }
}
