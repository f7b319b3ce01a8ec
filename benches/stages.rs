//! Criterion benches of every stage on the 200 files of `../shared/corpus/bench`
//! (another folder with `NIANBAO_BENCH_CORPUS`), each measured alone on inputs prepared
//! in memory beforehand, one iteration = the whole folder:
//!
//! - `floor`: inflate + tokenize `word/document.xml` (`benches/support/floor.rs`);
//! - `docx_to_document`: .docx bytes → Document;
//! - `document_to_report`: recognize;
//! - `report_to_findings`: the rules;
//! - `report_to_json`: the JSON text;
//! - `report_to_docx`: the .docx writer, re-typesetting the report;
//! - `text_to_document`: the text layouts (Tika, pdftotext) of the corpus and `testdata/`.
//!
//! ```text
//! cargo bench --bench stages            # all
//! cargo bench --bench stages -- floor   # one
//! ```

#[path = "support/floor.rs"]
mod floor;

use std::hint::black_box;
use std::path::{Path, PathBuf};
use std::time::Duration;

use criterion::{Criterion, Throughput};
use nianbao::ir::Document;
use nianbao::{Analysis, Limits, Options, Report};

fn corpus_dir() -> PathBuf {
    std::env::var_os("NIANBAO_BENCH_CORPUS").map_or_else(
        || Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus/bench"),
        PathBuf::from,
    )
}

/// The `.docx` files of the bench folder, sorted, as `(name, bytes)`.
fn docx_inputs() -> Vec<(String, Vec<u8>)> {
    let dir = corpus_dir();
    let mut paths: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("the bench corpus {} is not readable: {e}", dir.display()))
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "docx"))
        .collect();
    paths.sort();
    assert!(!paths.is_empty(), "no .docx in {}", dir.display());
    paths
        .into_iter()
        .map(|p| {
            let bytes = std::fs::read(&p).unwrap_or_else(|e| panic!("{}: {e}", p.display()));
            (p.display().to_string(), bytes)
        })
        .collect()
}

/// The text layouts we have real files for: the corpus's Tika and pdftotext dumps and
/// our own Tika fixtures.
fn text_inputs() -> Vec<(String, Vec<u8>)> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let corpus = corpus_dir().join("..");
    let mut paths = vec![
        corpus.join("xiangning-shuanghe-2020.tika.txt"),
        corpus.join("huaian-2024.pdftotext-layout.txt"),
    ];
    if let Ok(dir) = std::fs::read_dir(root.join("testdata/tika")) {
        let mut own: Vec<PathBuf> = dir
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| p.extension().is_some_and(|x| x == "txt"))
            .collect();
        own.sort();
        paths.extend(own);
    }
    paths
        .into_iter()
        .filter_map(|p| Some((p.display().to_string(), std::fs::read(&p).ok()?)))
        .collect()
}

fn docs(inputs: &[(String, Vec<u8>)]) -> Vec<Document> {
    let options = Options::default();
    inputs
        .iter()
        .map(|(name, bytes)| {
            nianbao::read_document(bytes, Some(name), &options)
                .unwrap_or_else(|e| panic!("{name}: {e}"))
                .1
        })
        .collect()
}

fn stages(c: &mut Criterion) {
    let inputs = docx_inputs();
    let n = inputs.len() as u64;
    let documents = docs(&inputs);
    let reports: Vec<Report> = documents
        .iter()
        .map(|d| nianbao::recognize(d).report)
        .collect();
    let analyses: Vec<Analysis> = documents.iter().map(nianbao::analyze).collect();
    let xml_bytes: u64 = {
        let mut buf = Vec::new();
        inputs
            .iter()
            .map(|(name, b)| {
                let seen = floor::floor(b, &mut buf).unwrap_or_else(|e| panic!("{name}: {e}"));
                assert!(seen.events > 0, "{name}: the floor saw no XML");
                seen.xml_bytes as u64
            })
            .sum()
    };

    let mut group = c.benchmark_group("bench_corpus");
    group
        .sample_size(10)
        .warm_up_time(Duration::from_secs(1))
        .measurement_time(Duration::from_secs(4));

    group.throughput(Throughput::Bytes(xml_bytes));
    group.bench_function("floor", |b| {
        let mut buf = Vec::new();
        b.iter(|| {
            for (_, bytes) in &inputs {
                black_box(floor::floor(black_box(bytes), &mut buf).ok());
            }
        })
    });
    group.bench_function("docx_to_document", |b| {
        let options = Options::default();
        b.iter(|| {
            for (name, bytes) in &inputs {
                black_box(nianbao::read_document(black_box(bytes), Some(name), &options).ok());
            }
        })
    });

    group.throughput(Throughput::Elements(n));
    group.bench_function("document_to_report", |b| {
        b.iter(|| {
            for doc in &documents {
                black_box(nianbao::recognize(black_box(doc)));
            }
        })
    });
    group.bench_function("report_to_findings", |b| {
        b.iter(|| {
            for report in &reports {
                black_box(nianbao::rules::check(black_box(report)));
            }
        })
    });
    group.bench_function("report_to_json", |b| {
        b.iter(|| {
            for analysis in &analyses {
                black_box(nianbao::json::to_string(black_box(analysis)));
            }
        })
    });
    group.finish();

    let texts = text_inputs();
    let text_bytes: u64 = texts.iter().map(|(_, b)| b.len() as u64).sum();
    let mut group = c.benchmark_group("text_layouts");
    group
        .sample_size(20)
        .warm_up_time(Duration::from_secs(1))
        .measurement_time(Duration::from_secs(3))
        .throughput(Throughput::Bytes(text_bytes));
    group.bench_function("text_to_document", |b| {
        let limits = Limits::default();
        b.iter(|| {
            for (_, bytes) in &texts {
                black_box(nianbao::txt::read(black_box(bytes), &limits).ok());
            }
        })
    });
    group.finish();
}

/// Runs the benches: what `criterion_group!` and `criterion_main!` expand to, written out
/// so that every item has its doc comment.
fn main() {
    let mut c = Criterion::default().configure_from_args();
    stages(&mut c);
    c.final_summary();
}
