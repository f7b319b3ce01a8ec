//! Every fixture of our own in `testdata/` that has an `expected.json` beside it,
//! cell for cell (the same format as the shared corpus).
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]

mod common;

use std::fs;
use std::path::{Path, PathBuf};

fn expected_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            expected_files(&path, out);
        } else if path.to_string_lossy().ends_with(".expected.json") {
            out.push(path);
        }
    }
}

#[test]
fn fixtures_equal_their_expected_json() {
    let mut files = Vec::new();
    expected_files(&common::testdata(), &mut files);
    files.sort();
    let mut failures = Vec::new();
    for expected_path in &files {
        let source = PathBuf::from(
            expected_path
                .to_string_lossy()
                .trim_end_matches(".expected.json"),
        );
        let expected: serde_json::Value =
            serde_json::from_str(&fs::read_to_string(expected_path).unwrap()).unwrap();
        let analysis = match nianbao::read_path(&source) {
            Ok(a) => a,
            Err(e) => {
                failures.push(format!("{}: {e}", source.display()));
                continue;
            }
        };
        let diffs = common::check_against_expected(&nianbao::json::to_value(&analysis), &expected);
        println!("{}: {} differences", source.display(), diffs.len());
        failures.extend(
            diffs
                .into_iter()
                .map(|d| format!("{}: {d}", source.display())),
        );
    }
    assert!(files.len() >= 2, "fixtures missing");
    assert!(
        failures.is_empty(),
        "{} differences:\n{}",
        failures.len(),
        failures.join("\n")
    );
}
