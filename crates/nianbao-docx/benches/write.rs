//! Writing reports as .docx: the 200 bench reports of the corpus (read once, before
//! timing), the 淮安 2024 report, and synthetic reports built from the catalogue
//! when the corpus is not there.
//!
//! `cargo bench -p nianbao-docx --bench write`. The `write/bench-200` line gives the
//! time for all 200 documents; its throughput (elem/s) is documents per second.

use std::hint::black_box;
use std::path::Path;

use criterion::{Criterion, Throughput, criterion_main};
use nianbao_core::catalog::TableFormat;
use nianbao_core::{Limits, Report, analyze};
use nianbao_docx::write::{WriteOptions, write};

#[path = "../tests/write_common/mod.rs"]
#[allow(missing_docs)]
mod common;

const CORPUS: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../../testdata/corpus");

fn read_report(path: &Path) -> Report {
    let bytes = std::fs::read(path).expect("readable");
    let doc = nianbao_docx::read(&bytes, &Limits::default()).expect("a .docx the reader reads");
    analyze(&doc).report
}

fn bench_reports() -> Vec<Report> {
    let dir = Path::new(CORPUS).join("bench");
    let mut paths: Vec<_> = std::fs::read_dir(&dir)
        .map(|d| d.flatten().map(|e| e.path()).collect())
        .unwrap_or_default();
    paths.retain(|p: &std::path::PathBuf| p.extension().is_some_and(|e| e == "docx"));
    paths.sort();
    paths.iter().map(|p| read_report(p)).collect()
}

fn benches(c: &mut Criterion) {
    let options = WriteOptions::default();
    let mut group = c.benchmark_group("write");

    let reports = bench_reports();
    if reports.is_empty() {
        eprintln!("corpus/bench not found beside the checkout: only synthetic reports are timed");
    } else {
        let total: usize = reports
            .iter()
            .map(|r| write(r, &options).map(|b| b.len()).unwrap_or(0))
            .sum();
        eprintln!(
            "write/bench-{}: {} bytes of .docx in all, {} bytes a document on average",
            reports.len(),
            total,
            total / reports.len()
        );
        group.throughput(Throughput::Elements(reports.len() as u64));
        group.bench_function(format!("bench-{}", reports.len()), |b| {
            b.iter(|| {
                for r in &reports {
                    black_box(write(black_box(r), &options).expect("writes"));
                }
            })
        });
    }

    group.throughput(Throughput::Elements(1));
    let huaian = Path::new(CORPUS).join("huaian-2024.docx");
    if huaian.exists() {
        let report = read_report(&huaian);
        group.bench_function("huaian-2024", |b| {
            b.iter(|| black_box(write(black_box(&report), &options).expect("writes")))
        });
    }
    for format in [TableFormat::Format2021, TableFormat::Trial2019] {
        let report = common::report(format, 1, 12);
        group.bench_function(format!("synthetic-{}", format.as_str()), |b| {
            b.iter(|| black_box(write(black_box(&report), &options).expect("writes")))
        });
    }
    group.finish();
}

/// The criterion group (its generated function has no doc comment of its own).
mod group {
    #![allow(missing_docs)]
    criterion::criterion_group!(write_benches, super::benches);
}

criterion_main!(group::write_benches);
