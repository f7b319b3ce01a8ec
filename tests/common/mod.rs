//! Helpers shared by the integration tests.
#![allow(
    dead_code,
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing
)]

use std::path::{Path, PathBuf};

use serde_json::Value;

/// The real corpus, copied into the repository.
pub fn corpus() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("testdata/corpus")
}

/// The repository's own test data.
pub fn testdata() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("testdata")
}

/// Compares a report's JSON with an `expected.json` (the corpus format: `meta`,
/// the three tables, `violated_rules`) and returns every difference.
pub fn check_against_expected(actual: &Value, expected: &Value) -> Vec<String> {
    let report = &actual["report"];
    let mut diffs = Vec::new();
    for table in ["active_disclosure", "applications", "review_litigation"] {
        if let Some(e) = expected.get(table) {
            // A report without the table (a legacy report) equals a truth whose every
            // cell is null.
            if report[table].is_null() && all_null(e) {
                continue;
            }
            for d in nianbao::json::golden::differences(e, &report[table]) {
                diffs.push(format!("{table}.{d}"));
            }
        }
    }
    if let Some(meta) = expected.get("meta") {
        for key in ["agency", "year", "kind", "publisher", "signature"] {
            if let Some(e) = meta.get(key)
                && e != &report["meta"][key]
            {
                diffs.push(format!(
                    "meta.{key}: expected {e}, found {}",
                    report["meta"][key]
                ));
            }
        }
        if let Some(template) = meta.get("template") {
            for d in nianbao::json::golden::differences(template, &report["meta"]["template"]) {
                diffs.push(format!("meta.template.{d}"));
            }
        }
    }
    if let Some(extra) = expected.get("extra_rows").and_then(Value::as_object) {
        for (table, rows) in extra {
            let found: Vec<Value> = report["layout"][table]["rows"]
                .as_array()
                .map(|rows| {
                    rows.iter()
                        .filter(|r| r["key"].is_null())
                        .map(|r| serde_json::json!({"label": r["label"], "values": r["values"]}))
                        .collect()
                })
                .unwrap_or_default();
            for d in nianbao::json::golden::differences(rows, &Value::Array(found)) {
                diffs.push(format!("extra_rows.{table}{d}"));
            }
        }
    }
    if let Some(violated) = expected.get("violated_rules").and_then(Value::as_array) {
        let mut expected: Vec<&str> = violated.iter().filter_map(Value::as_str).collect();
        expected.sort();
        let mut failed: Vec<&str> = actual["findings"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|f| f["status"] == "failed")
            .map(|f| f["rule"].as_str().unwrap())
            .collect();
        failed.sort();
        failed.dedup();
        if failed != expected {
            diffs.push(format!(
                "violated rules: expected {expected:?}, found {failed:?}"
            ));
        }
    }
    diffs
}

/// Whether every leaf of a value is null (an empty object counts).
pub fn all_null(v: &Value) -> bool {
    match v {
        Value::Null => true,
        Value::Object(o) => o.values().all(all_null),
        Value::Array(a) => a.iter().all(all_null),
        _ => false,
    }
}

/// The differences that are cells left null for want of evidence: the expected file
/// has a number, the output null, and a diagnostic of the reader names the cell's
/// path (`txt.glued_digits`). Returns them and the other differences.
pub fn split_undecided(actual: &Value, diffs: Vec<String>) -> (Vec<String>, Vec<String>) {
    let messages: Vec<&str> = actual["diagnostics"]
        .as_array()
        .map(|d| {
            d.iter()
                .filter(|d| d["code"] == "txt.glued_digits")
                .filter_map(|d| d["message"].as_str())
                .collect()
        })
        .unwrap_or_default();
    diffs.into_iter().partition(|d| {
        let Some((path, rest)) = d.split_once(": expected ") else {
            return false;
        };
        let named = |m: &&str| m.split([':', ',', ' ']).any(|word| word.trim() == path);
        rest.ends_with(", found null") && !rest.starts_with("null") && messages.iter().any(named)
    })
}
