//! Reading speed of the text reader, in MB/s of text, for each layout.
//!
//! Each fixture of testdata/txt is repeated into a document of about 1 MB (the
//! layouts stay what they are: more tables and paragraphs, not longer lines).

#![allow(missing_docs)]

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use std::hint::black_box;

const TESTDATA: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../../testdata/txt");

fn fixture(name: &str) -> Vec<u8> {
    std::fs::read(format!("{TESTDATA}/{name}")).unwrap_or_else(|e| panic!("{name}: {e}"))
}

/// Repeats a UTF-8 fixture (its byte-order mark dropped) to about `target` bytes.
fn repeated(name: &str, target: usize) -> Vec<u8> {
    let one = fixture(name);
    let one = one.strip_prefix(b"\xef\xbb\xbf").unwrap_or(&one).to_vec();
    let mut out = Vec::with_capacity(target + one.len());
    while out.len() < target {
        out.extend_from_slice(&one);
        out.extend_from_slice(b"\n\n\n");
    }
    out
}

fn read_speed(c: &mut Criterion) {
    let limits = nianbao_core::Limits::default();
    let mut group = c.benchmark_group("txt_read");
    group.sample_size(10);
    for (layout, name) in [
        ("tika", "sample-2021.tika.txt"),
        ("pdftotext-layout", "sample-2021.layout.txt"),
        ("cell-per-line", "sample-2021.cells.txt"),
        ("pipe", "sample-2021.pipe.txt"),
        ("markdown", "sample-2021.markdown.txt"),
        ("prose", "not-a-report.novel.txt"),
    ] {
        let bytes = repeated(name, 1 << 20);
        group.throughput(Throughput::Bytes(bytes.len() as u64));
        group.bench_function(layout, |b| {
            b.iter(|| nianbao_txt::read(black_box(&bytes), &limits).map(|d| d.blocks.len()))
        });
    }
    let gbk = {
        let one = fixture("sample-2021.layout.gbk.txt");
        let mut out = Vec::new();
        while out.len() < 1 << 20 {
            out.extend_from_slice(&one);
        }
        out
    };
    group.throughput(Throughput::Bytes(gbk.len() as u64));
    group.bench_function("pdftotext-layout-gbk", |b| {
        b.iter(|| nianbao_txt::read(black_box(&gbk), &limits).map(|d| d.blocks.len()))
    });
    group.finish();
}

criterion_group!(benches, read_speed);
criterion_main!(benches);
