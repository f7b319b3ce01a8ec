//! The never-a-wrong-number property: for every fixture and real corpus file that is
//! text (`.txt`, `.html`) and has an `expected.json`, damage the text the way real
//! dumps are damaged — one row's label removed, one row's label garbled (its
//! characters in reverse order), a table cut at a line by a page header — and read it
//! again. The output may lose cells, but no cell it fills may hold a number other than
//! the expected one. The damage is chosen by a small deterministic PRNG (fixed seeds),
//! so a failure names the file, the damage and the seed, and reproduces.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]

mod common;

use std::fs;
use std::path::{Path, PathBuf};

use serde_json::Value;

/// How many damaged copies of each kind are read per file.
const ROUNDS: u64 = 6;

/// xorshift64*: enough to pick places deterministically.
struct Rng(u64);

impl Rng {
    fn new(seed: u64) -> Self {
        Rng(seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1)
    }

    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    fn below(&mut self, n: usize) -> usize {
        if n == 0 {
            0
        } else {
            usize::try_from(self.next() % u64::try_from(n).unwrap()).unwrap()
        }
    }
}

/// Every text source with an `expected.json` below `dir`.
fn text_cases(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            text_cases(&path, out);
            continue;
        }
        let name = path.to_string_lossy().into_owned();
        if let Some(source) = name.strip_suffix(".expected.json")
            && (source.ends_with(".txt") || source.ends_with(".html"))
        {
            out.push(PathBuf::from(source));
        }
    }
}

/// Where the row labels of the three tables stand in a text (byte ranges), found by
/// the catalogue's labels with their numbering stripped; in source order.
fn label_places(text: &str) -> Vec<(usize, usize)> {
    let mut labels: Vec<&str> = Vec::new();
    for kind in nianbao::TableKind::ALL {
        for format in [
            Some(nianbao::TableFormat::Trial2019),
            Some(nianbao::TableFormat::Format2021),
        ] {
            for spec in kind.rows(format) {
                for label in spec.labels() {
                    let bare = label.trim_start_matches(|c: char| {
                        c.is_ascii_digit() || "（）()一二三四五六七八九十.、．".contains(c)
                    });
                    if bare.chars().count() >= 2 && !labels.contains(&bare) {
                        labels.push(bare);
                    }
                }
            }
        }
    }
    let mut places: Vec<(usize, usize)> = labels
        .iter()
        .flat_map(|l| text.match_indices(l).map(|(at, m)| (at, at + m.len())))
        .collect();
    places.sort_unstable();
    places.dedup_by(|b, a| b.0 < a.1);
    places
}

/// One damaged copy of `text`, and what was done.
fn damage(text: &str, kind: u64, rng: &mut Rng) -> Option<(String, String)> {
    match kind {
        0 | 1 => {
            let places = label_places(text);
            let &(from, to) = places.get(rng.below(places.len()))?;
            let label = &text[from..to];
            let replacement = if kind == 0 {
                String::new()
            } else {
                label.chars().rev().collect()
            };
            let what = if kind == 0 { "removed" } else { "reversed" };
            Some((
                format!("{}{replacement}{}", &text[..from], &text[to..]),
                format!("label {label:?} {what} at byte {from}"),
            ))
        }
        _ => {
            // A table cut at a line: a page break and a page header inserted.
            let lines: Vec<&str> = text.split_inclusive('\n').collect();
            if lines.len() < 3 {
                return None;
            }
            let at = 1 + rng.below(lines.len() - 1);
            let mut out = lines[..at].concat();
            if !out.ends_with('\n') {
                out.push('\n');
            }
            out.push_str("\u{c}正文\n\n");
            out.push_str(&lines[at..].concat());
            Some((out, format!("cut before line {}", at + 1)))
        }
    }
}

/// The numbers that `actual` fills where `expected` has no such number.
fn wrong_numbers(actual: &Value, expected: &Value, path: &str, out: &mut Vec<String>) {
    match actual {
        Value::Object(o) => {
            for (k, v) in o {
                let e = expected.get(k).unwrap_or(&Value::Null);
                wrong_numbers(v, e, &format!("{path}.{k}"), out);
            }
        }
        Value::Number(n) => {
            let same = expected
                .as_f64()
                .zip(n.as_f64())
                .is_some_and(|(e, a)| (e - a).abs() < 1e-9);
            if !same {
                out.push(format!("{path}: expected {expected}, found {n}"));
            }
        }
        _ => {}
    }
}

#[test]
fn damaged_text_never_gives_a_wrong_number() {
    let mut cases = Vec::new();
    text_cases(&common::testdata(), &mut cases);
    cases.sort();
    assert!(cases.len() >= 10, "too few text cases: {cases:?}");
    let mut failures = Vec::new();
    let mut read = 0;
    for source in &cases {
        let expected: Value = serde_json::from_str(
            &fs::read_to_string(format!("{}.expected.json", source.display())).unwrap(),
        )
        .unwrap();
        let bytes = fs::read(source).unwrap();
        let Ok(text) = String::from_utf8(bytes) else {
            // Fixtures in other encodings are damaged through their UTF-8 twins.
            continue;
        };
        for kind in 0..3 {
            for round in 0..ROUNDS {
                let seed = kind * 1000 + round;
                let mut rng = Rng::new(seed);
                let Some((damaged, what)) = damage(&text, kind, &mut rng) else {
                    continue;
                };
                let name = source.file_name().unwrap().to_string_lossy().into_owned();
                let Ok(analysis) =
                    nianbao::read_bytes(damaged.as_bytes(), Some(&name), &Default::default())
                else {
                    continue;
                };
                read += 1;
                let actual = nianbao::json::to_value(&analysis);
                for table in ["active_disclosure", "applications", "review_litigation"] {
                    let mut wrong = Vec::new();
                    wrong_numbers(
                        &actual["report"][table],
                        expected.get(table).unwrap_or(&Value::Null),
                        table,
                        &mut wrong,
                    );
                    for w in wrong {
                        failures.push(format!("{name} ({what}, seed {seed}): {w}"));
                    }
                }
            }
        }
    }
    assert!(read > 50, "only {read} damaged copies were read");
    assert!(
        failures.is_empty(),
        "{} wrong numbers:\n{}",
        failures.len(),
        failures.join("\n")
    );
}
