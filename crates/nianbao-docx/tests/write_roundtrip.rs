//! Round trip: for every report the tests have (every corpus file, every fixture of
//! `testdata/`, the synthetic reports), `read(write(report))` gives back the report
//! as the writer prints it, and writing that again gives the same bytes.
//!
//! "As the writer prints it" ([`as_written`]) differs from the source report only
//! where the writer normalizes on purpose: the six section headings in canonical
//! wording and order (a missing section comes back empty, duplicates merged),
//! numbers printed as normalized (`0万元` → `0`, `３９` → `39`: the verbatim text of
//! such a cell is gone), and the printed labels of template rows (the labels of
//! docs/REFERENCE.md, with table 3's group cells where the official layout starts them). For
//! sources already in that form (the 淮安 .docx, the template, the 200 bench files,
//! the synthetic reports) the JSON of the report read back is byte-equal to the JSON
//! of the source's report.

mod write_common;
use write_common as common;

/// The reader's helpers: zipping a fixture folder of `testdata/docx/` into a .docx.
#[path = "common/mod.rs"]
mod docx_fixtures;

use std::path::{Path, PathBuf};

use nianbao_core::catalog::{ColumnKind, TableFormat};
use nianbao_core::model::Section;
use nianbao_core::{Analysis, Cell, Limits, Report, SectionKey, analyze, codes};
use nianbao_docx::write::{WriteOptions, cell_text, write};
use pretty_assertions::assert_eq;
use serde_json::Value;

const CORPUS: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../../testdata/corpus");
const TESTDATA: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../../testdata");

/// Reads a file of any format this crate's tests can read (.docx, text, HTML).
fn read(name: &str, bytes: &[u8]) -> Option<Analysis> {
    let limits = Limits::default();
    let doc = if name.ends_with(".docx") {
        nianbao_docx::read(bytes, &limits).unwrap_or_else(|e| panic!("{name}: {e}"))
    } else if name.ends_with(".txt") {
        nianbao_txt::read(bytes, &limits).unwrap_or_else(|e| panic!("{name}: {e}"))
    } else if name.ends_with(".html") {
        nianbao_html::read(bytes, None, &limits).unwrap_or_else(|e| panic!("{name}: {e}"))
    } else {
        return None;
    };
    Some(analyze(&doc))
}

/// The column kind of a cell (the recognizer's rule for extra rows: `amount…` is
/// money, `change` is signed).
fn kind_of(table: &nianbao_core::model::Table, row: Option<&str>, col: &str) -> ColumnKind {
    row.and_then(|k| table.kind.row(table.format, k))
        .and_then(|spec| spec.column(col))
        .map(|c| c.kind)
        .unwrap_or(if col.starts_with("amount") {
            ColumnKind::Money
        } else if col == "change" {
            ColumnKind::SignedCount
        } else {
            ColumnKind::Count
        })
}

/// The report as the writer prints it: six canonical sections (paragraphs of a key
/// merged, in source order), every cell as its printed text reads again.
fn as_written(r: &Report) -> Report {
    let mut w = r.clone();
    // The publisher is a page's or file's field (来源, 发布机构), not printed in the
    // report: the .docx does not carry it.
    w.meta.publisher = None;
    // A title that no leading preamble lines give (a crawler's page title, page chrome
    // before it) is written as a paragraph of its own before the preamble.
    if let Some(title) = &w.meta.title {
        let squeeze = |s: &str| s.chars().filter(|c| !c.is_whitespace()).collect::<String>();
        let title_squeezed = squeeze(title);
        let mut joined = String::new();
        let formed = w.preamble.iter().any(|p| {
            joined.push_str(&squeeze(p));
            joined == title_squeezed
        }) && title_squeezed
            .starts_with(&squeeze(w.preamble.first().map_or("", |p| p)));
        if !formed {
            w.preamble.insert(0, title.clone());
        }
    }
    w.sections = SectionKey::ALL
        .into_iter()
        .map(|key| {
            let mut section = Section::new(key, key.heading());
            section.paragraphs = r
                .sections
                .iter()
                .filter(|s| s.key == key)
                .flat_map(|s| s.paragraphs.clone())
                .collect();
            section
        })
        .collect();
    for kind in nianbao_core::TableKind::ALL {
        if let Some(t) = w.table_slot(kind).as_mut() {
            let snapshot = t.clone();
            let mut groups_above: Vec<&str> = Vec::new();
            for row in &mut t.rows {
                for (col, cell) in &mut row.cells {
                    let k = kind_of(&snapshot, row.key.as_deref(), col);
                    *cell = Cell::parse(&cell_text(cell), k);
                }
                if let Some(spec) = row
                    .key
                    .as_deref()
                    .and_then(|k| snapshot.kind.row(snapshot.format, k))
                {
                    row.label = common::printed_label(kind, spec, &mut groups_above);
                }
            }
        }
    }
    w
}

/// `report` and `findings` of the JSON envelope, positions removed (they point into
/// different files), pretty-printed.
fn json_of(analysis: &Analysis) -> (String, String) {
    fn strip(v: &mut Value) {
        match v {
            Value::Object(m) => {
                // Rebuilt rather than `remove`d: with serde_json's `preserve_order`,
                // `remove` swaps the last key into the hole.
                *m = std::mem::take(m)
                    .into_iter()
                    .filter(|(k, _)| k != "pos")
                    .collect();
                m.values_mut().for_each(strip);
            }
            Value::Array(a) => a.iter_mut().for_each(strip),
            _ => {}
        }
    }
    let mut v = nianbao_json::to_value(analysis);
    strip(&mut v);
    let pretty = |v: &Value| serde_json::to_string_pretty(v).unwrap();
    (pretty(&v["report"]), pretty(&v["findings"]))
}

fn analysis_of(report: Report) -> Analysis {
    let findings = nianbao_core::rules::check(&report);
    Analysis::new(report, findings, Vec::new())
}

/// Checks one report; `canonical` says the source is already in the printed form, so
/// its own JSON must come back byte for byte.
fn round_trip(name: &str, source: &Analysis, canonical: bool) {
    assert!(
        !source
            .diagnostics
            .iter()
            .any(|d| d.code == codes::ROW_MISSING),
        "{name}: a source with missing rows comes back with blank rows; not covered here"
    );
    let opts = WriteOptions::default();
    let d1 = write(&source.report, &opts).unwrap_or_else(|e| panic!("{name}: {e}"));
    let a1 = read("written.docx", &d1).unwrap();
    let (report1, findings1) = json_of(&a1);
    let (expected, expected_findings) = json_of(&analysis_of(as_written(&source.report)));
    if report1 != expected {
        let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join("roundtrip");
        std::fs::create_dir_all(&dir).unwrap();
        let stem = name.replace(['/', ' '], "_");
        std::fs::write(dir.join(format!("{stem}.read-back.json")), &report1).unwrap();
        std::fs::write(dir.join(format!("{stem}.expected.json")), &expected).unwrap();
    }
    assert_eq!(
        report1, expected,
        "{name}: read(write(report)) is the report as written"
    );
    assert_eq!(findings1, expected_findings, "{name}: same findings");
    if canonical {
        let (report0, findings0) = json_of(source);
        assert_eq!(
            report1, report0,
            "{name}: the JSON of the report comes back byte for byte"
        );
        assert_eq!(findings1, findings0, "{name}");
    }
    let d2 = write(&a1.report, &opts).unwrap();
    assert!(
        d1 == d2,
        "{name}: writing what was read back gives the same bytes"
    );
}

fn files_under(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for e in entries.flatten() {
        let p = e.path();
        if p.is_dir() {
            files_under(&p, out);
        } else {
            out.push(p);
        }
    }
}

#[test]
fn corpus_files() {
    for (file, canonical) in [
        ("huaian-2024.docx", true),
        // Labels as printed in the PDF: `1、申请人…`, and the group cells
        // (三、本年度办理结果 …) on lines of their own, not in the row's label.
        ("huaian-2024.pdftotext-layout.txt", false),
        ("template-2021-blank.docx", true),
        // Headings 1、 总体情况 and 5、…, no section 六, `0万元` in a money cell.
        ("xiangning-shuanghe-2020.tika.txt", false),
    ] {
        let bytes =
            std::fs::read(format!("{CORPUS}/{file}")).expect("the corpus is in testdata/corpus");
        round_trip(file, &read(file, &bytes).unwrap(), canonical);
    }
}

fn bench_files() -> Vec<PathBuf> {
    let mut files = Vec::new();
    files_under(Path::new(&format!("{CORPUS}/bench")), &mut files);
    files.retain(|p| p.extension().is_some_and(|e| e == "docx"));
    files.sort();
    assert_eq!(files.len(), 200);
    files
}

/// Every tenth bench file (a debug build takes about a second per file); all 200 are
/// checked by `corpus_bench_files_all`.
#[test]
fn corpus_bench_files() {
    for path in bench_files().into_iter().step_by(10) {
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        let source = read(&name, &std::fs::read(&path).unwrap()).unwrap();
        round_trip(&name, &source, true);
    }
}

/// All 200 bench files: `cargo test --release -p nianbao-docx --test write_roundtrip
/// -- --ignored`.
#[test]
#[ignore = "slow in a debug build; run with --release -- --ignored"]
fn corpus_bench_files_all() {
    for path in bench_files() {
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        let source = read(&name, &std::fs::read(&path).unwrap()).unwrap();
        round_trip(&name, &source, true);
    }
}

#[test]
fn testdata_fixtures() {
    let mut files = Vec::new();
    files_under(Path::new(TESTDATA), &mut files);
    files.sort();
    let mut seen = 0;
    for path in files {
        let name = path
            .strip_prefix(TESTDATA)
            .unwrap()
            .to_string_lossy()
            .into_owned();
        // Must-fail inputs, the real corpus (its reports round-trip in the tests above)
        // and the sniffing fixtures (named for another format than they hold, on
        // purpose: the root's tests/sniff.rs reads them by content).
        if name.starts_with("bad")
            || name.contains("/bad/")
            || name.starts_with("corpus")
            || name.starts_with("sniff")
        {
            continue;
        }
        let Ok(bytes) = std::fs::read(&path) else {
            continue;
        };
        let Some(source) = read(&name, &bytes) else {
            continue;
        };
        // Missing rows come back as blank rows: not covered here (fixtures whose
        // truth is that rows cannot be found, such as txt/far-labels-2021.cells.txt).
        if source
            .diagnostics
            .iter()
            .any(|d| d.code == codes::ROW_MISSING)
        {
            continue;
        }
        seen += 1;
        round_trip(&name, &source, false);
    }
    assert!(seen >= 3, "the fixtures of testdata/ were found ({seen})");
}

#[test]
fn synthetic_reports() {
    for (i, format) in [TableFormat::Format2021, TableFormat::Trial2019]
        .into_iter()
        .enumerate()
    {
        for paragraphs in [0, 3, 12] {
            let r = common::report(format, 100 + i as u64 * 10 + paragraphs as u64, paragraphs);
            let source = analysis_of(r);
            round_trip(
                &format!("synthetic {} / {paragraphs}", format.as_str()),
                &source,
                true,
            );
        }
    }
}
