//! Criterion benches of every stage on the 200 files of `testdata/corpus/bench`
//! (another folder with `NIANBAO_BENCH_CORPUS`), each measured alone on inputs prepared
//! in memory beforehand, one iteration = the whole folder:
//!
//! - `floor`: inflate + tokenize `word/document.xml` (`benches/support/floor.rs`);
//! - `docx_to_document`: .docx bytes → Document;
//! - `document_to_report`: recognize;
//! - `report_to_findings`: the rules;
//! - `report_to_json`: the JSON text;
//! - `report_to_docx`: the .docx writer, re-typesetting the report;
//! - `text_layouts/<layout> <encoding>`: the text reader on every dump we have (the
//!   corpus's, plain `pdftotext` of the corpus PDF where installed, `testdata/`),
//!   grouped by the layout and encoding the reader found, in MB/s of text.
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
        || Path::new(env!("CARGO_MANIFEST_DIR")).join("testdata/corpus/bench"),
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

/// Every text dump we have: the corpus's Tika and pdftotext dumps, the plain
/// `pdftotext` output of the corpus PDF (where pdftotext is installed), and our own
/// fixtures of each layout and encoding.
fn text_inputs() -> Vec<(String, Vec<u8>)> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let corpus = corpus_dir().join("..");
    let mut paths = vec![
        corpus.join("xiangning-shuanghe-2020.tika.txt"),
        corpus.join("huaian-2024.pdftotext-layout.txt"),
    ];
    for dir in ["testdata/tika", "testdata/txt"] {
        if let Ok(entries) = std::fs::read_dir(root.join(dir)) {
            let mut own: Vec<PathBuf> = entries
                .filter_map(|e| e.ok().map(|e| e.path()))
                .filter(|p| p.extension().is_some_and(|x| x == "txt"))
                .collect();
            own.sort();
            paths.extend(own);
        }
    }
    let mut inputs: Vec<(String, Vec<u8>)> = paths
        .into_iter()
        .filter_map(|p| Some((p.display().to_string(), std::fs::read(&p).ok()?)))
        .collect();
    let pdf = corpus.join("huaian-2024.pdf");
    if let Ok(out) = std::process::Command::new("pdftotext")
        .arg(&pdf)
        .arg("-")
        .output()
        && out.status.success()
    {
        inputs.push((format!("pdftotext {}", pdf.display()), out.stdout));
    }
    inputs
}

/// Text inputs grouped by what the reader found in them: the layouts of their tables
/// and the encoding (`tika utf-8`, `pdftotext gb18030`, …). Inputs without a table
/// (a novel chapter) are left out.
fn text_groups(inputs: Vec<(String, Vec<u8>)>) -> Vec<(String, Vec<Vec<u8>>)> {
    let limits = Limits::default();
    let mut groups: Vec<(String, Vec<Vec<u8>>)> = Vec::new();
    for (name, bytes) in inputs {
        let doc = nianbao::txt::read(&bytes, &limits).unwrap_or_else(|e| panic!("{name}: {e}"));
        let layout = doc.properties.get("layout").map_or("none", String::as_str);
        if layout == "none" {
            continue;
        }
        let encoding = doc.properties.get("encoding").map_or("?", String::as_str);
        let key = format!("{} {}", layout.replace(',', "+"), encoding.to_lowercase());
        match groups.iter_mut().find(|(k, _)| *k == key) {
            Some((_, files)) => files.push(bytes),
            None => groups.push((key, vec![bytes])),
        }
    }
    groups.sort_by(|a, b| a.0.cmp(&b.0));
    groups
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
        let mut buf = Vec::new();
        b.iter(|| {
            for analysis in &analyses {
                buf.clear();
                nianbao::json::write_pretty(&mut buf, black_box(analysis));
                black_box(&buf);
            }
        })
    });
    group.bench_function("report_to_docx", |b| {
        let options = nianbao::docx::WriteOptions::default();
        b.iter(|| {
            for report in &reports {
                black_box(nianbao::docx::write(black_box(report), &options).ok());
            }
        })
    });
    group.finish();

    // The text readers, one bench per layout and encoding, in MB/s of text.
    let mut group = c.benchmark_group("text_layouts");
    group
        .sample_size(20)
        .warm_up_time(Duration::from_secs(1))
        .measurement_time(Duration::from_secs(2));
    let limits = Limits::default();
    for (key, files) in text_groups(text_inputs()) {
        group.throughput(Throughput::Bytes(
            files.iter().map(|f| f.len() as u64).sum(),
        ));
        group.bench_function(key, |b| {
            b.iter(|| {
                for bytes in &files {
                    black_box(nianbao::txt::read(black_box(bytes), &limits).ok());
                }
            })
        });
    }
    group.finish();
}

/// Runs the benches: what `criterion_group!` and `criterion_main!` expand to, written out
/// so that every item has its doc comment.
fn main() {
    let mut c = Criterion::default().configure_from_args();
    stages(&mut c);
    c.final_summary();
}
