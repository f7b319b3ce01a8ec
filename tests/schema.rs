//! The committed JSON Schema validates what nianbao writes: every report the test data
//! holds (corpus, fixtures, bench files), in both output forms (a pretty per-report
//! document and a compact JSON Lines line), checked by a real Draft 2020-12 validator.
//! And it rejects what it must: a table holding a row of the other format.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]

mod common;

use std::path::{Path, PathBuf};

use serde_json::{Value, json};

fn committed_schema() -> Value {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("schema/nianbao.schema.json");
    serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap()
}

fn validator() -> jsonschema::Validator {
    let schema = committed_schema();
    jsonschema::meta::validate(&schema).expect("the schema is a valid Draft 2020-12 schema");
    jsonschema::draft202012::new(&schema).unwrap()
}

/// Every validation error of a document, one line each (`/report/…: message`).
fn errors(validator: &jsonschema::Validator, doc: &Value) -> Vec<String> {
    validator
        .iter_errors(doc)
        .map(|e| {
            let message = e.to_string();
            let short: String = message.chars().take(200).collect();
            format!(
                "{} (schema {}): {short}",
                e.instance_path(),
                e.schema_path()
            )
        })
        .collect()
}

/// Every file under `dir`, at any depth, in name order.
fn files(dir: &Path, out: &mut Vec<PathBuf>) {
    let mut entries: Vec<_> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    entries.sort();
    for path in entries {
        if path.is_dir() {
            files(&path, out);
        } else {
            out.push(path);
        }
    }
}

#[test]
fn every_output_of_the_test_data_validates() {
    let validator = validator();
    let mut inputs = Vec::new();
    files(&common::testdata(), &mut inputs);
    let mut validated = 0;
    let mut formats = std::collections::BTreeSet::new();
    let mut invalid = Vec::new();
    for path in inputs
        .iter()
        .filter(|p| nianbao::Format::from_path(p).is_some())
    {
        // Inputs that must fail (testdata/bad, a README) give no JSON to check.
        let Ok(analysis) = nianbao::read_path(path) else {
            continue;
        };
        for table in nianbao::TableKind::ALL {
            if let Some(t) = analysis.report.table(table) {
                formats.insert((table.key(), t.format.map(|f| f.as_str())));
            }
        }
        let pretty = nianbao::json::to_string(&analysis);
        let line = nianbao::json::to_string_compact(&analysis);
        assert!(!line.contains('\n'), "{}", path.display());
        for (form, text) in [("json", &pretty), ("jsonl", &line)] {
            let doc: Value = serde_json::from_str(text).unwrap();
            let errs = errors(&validator, &doc);
            if !errs.is_empty() {
                invalid.push(format!(
                    "{} ({form}):\n  {}",
                    path.display(),
                    errs.join("\n  ")
                ));
            }
            validated += 1;
        }
    }
    assert!(invalid.is_empty(), "{}", invalid.join("\n"));
    // The corpus and fixtures hold both formats of tables 2 and 3, and table 4.
    for expected in [
        ("active_disclosure", Some("2019")),
        ("active_disclosure", Some("2021")),
        ("applications", Some("2019")),
        ("applications", Some("2021")),
        ("review_litigation", None),
    ] {
        assert!(formats.contains(&expected), "no {expected:?} in testdata");
    }
    assert!(validated >= 400, "only {validated} documents validated");
}

fn county_2021() -> Value {
    let analysis = nianbao::read_path(common::testdata().join("tika/county-2021.txt")).unwrap();
    nianbao::json::to_value(&analysis)
}

fn township_2019() -> Value {
    let analysis = nianbao::read_path(common::testdata().join("tika/township-2019.txt")).unwrap();
    nianbao::json::to_value(&analysis)
}

#[test]
fn the_two_fixtures_are_valid_as_written() {
    let validator = validator();
    for doc in [county_2021(), township_2019()] {
        assert_eq!(errors(&validator, &doc), Vec::<String>::new());
    }
}

#[test]
fn a_2021_table_with_a_2019_row_is_invalid() {
    let validator = validator();
    let mut doc = county_2021();
    assert_eq!(
        doc["report"]["layout"]["active_disclosure"]["format"],
        "2021"
    );
    // `procurement` is a row of the 2019 trial format only (集中采购).
    doc["report"]["active_disclosure"]["procurement"] =
        json!({ "projects": 1, "amount_wan_yuan": 2.5 });
    let errs = errors(&validator, &doc);
    assert!(!errs.is_empty());
    assert!(errs.iter().any(|e| e.starts_with("/report")), "{errs:?}");
}

#[test]
fn a_2019_table_lacking_its_rows_or_holding_2021_values_is_invalid() {
    let validator = validator();
    // Table 2 of 2019 without its 2019-only row.
    let mut doc = township_2019();
    assert_eq!(
        doc["report"]["layout"]["active_disclosure"]["format"],
        "2019"
    );
    doc["report"]["active_disclosure"]
        .as_object_mut()
        .unwrap()
        .remove("procurement");
    assert!(!errors(&validator, &doc).is_empty());
    // Table 3 of 2019 with a value in a 2021-only row (which is null in 2019).
    let mut doc = township_2019();
    assert!(doc["report"]["applications"]["results"]["other"]["overdue_fee"].is_null());
    doc["report"]["applications"]["results"]["other"]["overdue_fee"] = json!({
        "natural_person": 0, "commercial": 0, "research": 0, "social_welfare": 0,
        "legal_services": 0, "other_org": 0, "total": 0
    });
    assert!(!errors(&validator, &doc).is_empty());
}

#[test]
fn the_format_of_the_layout_and_the_template_must_agree_with_the_values() {
    let validator = validator();
    // 2021 values declared as a 2019 table.
    let mut doc = county_2021();
    doc["report"]["layout"]["active_disclosure"]["format"] = json!("2019");
    doc["report"]["meta"]["template"]["active_disclosure"] = json!("2019");
    assert!(!errors(&validator, &doc).is_empty());
    // A table with no layout.
    let mut doc = county_2021();
    doc["report"]["layout"]
        .as_object_mut()
        .unwrap()
        .remove("applications");
    assert!(!errors(&validator, &doc).is_empty());
    // A missing table (null, no layout, no template format) is valid.
    let mut doc = county_2021();
    doc["report"]["applications"] = Value::Null;
    doc["report"]["meta"]["template"]["applications"] = Value::Null;
    doc["report"]["layout"]
        .as_object_mut()
        .unwrap()
        .remove("applications");
    assert_eq!(errors(&validator, &doc), Vec::<String>::new());
    // A value that is not a number.
    let mut doc = county_2021();
    doc["report"]["applications"]["new_received"]["total"] = json!("1047");
    assert!(!errors(&validator, &doc).is_empty());
}
