//! Reads and recognizes PDF files `ROUNDS` times in one process and prints pages per
//! second (the figure `scripts/compare_pdf.sh` compares with pdftotext and pdfplumber).
//!
//! `cargo run --release -p nianbao-pdf --example pdf_throughput -- ROUNDS FILE…`
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::time::Instant;

fn main() {
    let mut args = std::env::args().skip(1);
    let rounds: u32 = args
        .next()
        .and_then(|r| r.parse().ok())
        .expect("ROUNDS FILE…");
    let files: Vec<(String, Vec<u8>)> = args
        .map(|f| {
            let bytes = std::fs::read(&f).expect("readable file");
            (f, bytes)
        })
        .collect();
    let limits = nianbao_core::Limits::default();
    let mut pages = 0u64;
    let start = Instant::now();
    for _ in 0..rounds {
        for (name, bytes) in &files {
            let doc = nianbao_pdf::read(bytes, &limits).unwrap_or_else(|e| panic!("{name}: {e}"));
            let analysis = nianbao_core::analyze(&doc);
            std::hint::black_box(&analysis);
            pages += doc.properties["pages"].parse::<u64>().unwrap();
        }
    }
    let secs = start.elapsed().as_secs_f64();
    println!(
        "{{\"pages\": {pages}, \"seconds\": {secs:.4}, \"pages_per_second\": {:.1}}}",
        pages as f64 / secs
    );
}
