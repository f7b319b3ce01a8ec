//! Throughput of the .docx reader on the 200 files of `testdata/corpus/bench/`, beside
//! the floor: inflating `word/document.xml` and tokenizing it with quick-xml, nothing
//! else. Prints docs/s and MB/s (of document.xml) for each, and the ratio to the floor.
//!
//! `cargo bench -p nianbao-docx --bench read`

use std::hint::black_box;
use std::io::{Cursor, Read};
use std::path::Path;
use std::time::{Duration, Instant};

use criterion::{Criterion, Throughput};
use nianbao_core::Limits;
use quick_xml::Reader;
use quick_xml::events::Event;

struct Corpus {
    files: Vec<Vec<u8>>,
    /// Total uncompressed size of every word/document.xml.
    xml_bytes: u64,
}

fn load() -> Option<Corpus> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../testdata/corpus/bench");
    let mut paths: Vec<_> = std::fs::read_dir(&dir)
        .ok()?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|e| e == "docx"))
        .collect();
    paths.sort();
    let files: Vec<Vec<u8>> = paths.iter().filter_map(|p| std::fs::read(p).ok()).collect();
    let xml_bytes = files.iter().map(|f| floor(f).1).sum();
    Some(Corpus { files, xml_bytes })
}

/// Inflates word/document.xml and counts its XML events: the least any reader must do.
fn floor(docx: &[u8]) -> (usize, u64) {
    let mut archive = zip::ZipArchive::new(Cursor::new(docx)).expect("zip");
    let mut file = archive.by_name("word/document.xml").expect("document.xml");
    let mut xml = Vec::with_capacity(file.size() as usize);
    file.read_to_end(&mut xml).expect("inflate");
    let mut reader = Reader::from_reader(xml.as_slice());
    let mut events = 0usize;
    loop {
        match reader.read_event().expect("xml") {
            Event::Eof => break,
            _ => events += 1,
        }
    }
    (events, xml.len() as u64)
}

fn read(docx: &[u8]) -> nianbao_core::ir::Document {
    nianbao_docx::read(docx, &Limits::default()).expect("read")
}

fn read_recognize(docx: &[u8]) -> nianbao_core::Recognized {
    nianbao_core::recognize(&read(docx))
}

fn pass<T>(corpus: &Corpus, f: impl Fn(&[u8]) -> T) {
    for file in &corpus.files {
        black_box(f(black_box(file)));
    }
}

/// The best time of `runs` passes over the whole corpus.
fn best_pass<T>(corpus: &Corpus, runs: usize, f: impl Fn(&[u8]) -> T) -> Duration {
    (0..runs)
        .map(|_| {
            let start = Instant::now();
            pass(corpus, &f);
            start.elapsed()
        })
        .min()
        .unwrap_or_default()
}

fn main() {
    let Some(corpus) = load() else {
        eprintln!("testdata/corpus/bench not found: nothing to measure");
        return;
    };
    let mut c = Criterion::default().configure_from_args();
    {
        let mut group = c.benchmark_group("bench-corpus");
        group.throughput(Throughput::Bytes(corpus.xml_bytes));
        group.sample_size(20);
        group.bench_function("floor: inflate + tokenize", |b| {
            b.iter(|| pass(&corpus, floor))
        });
        group.bench_function("read", |b| b.iter(|| pass(&corpus, read)));
        group.bench_function("read + recognize", |b| {
            b.iter(|| pass(&corpus, read_recognize))
        });
        group.finish();
    }
    c.final_summary();

    let docs = corpus.files.len() as f64;
    let mb = corpus.xml_bytes as f64 / 1e6;
    let floor_time = best_pass(&corpus, 10, floor);
    println!();
    println!(
        "{} files, {:.1} MB of word/document.xml; best of 10 passes over the corpus:",
        corpus.files.len(),
        mb
    );
    for (name, time) in [
        ("floor: inflate + tokenize", floor_time),
        ("read", best_pass(&corpus, 10, read)),
        ("read + recognize", best_pass(&corpus, 10, read_recognize)),
    ] {
        let secs = time.as_secs_f64();
        println!(
            "  {name:<26} {:>8.1} ms  {:>8.0} docs/s  {:>7.1} MB/s  {:.2}x the floor",
            secs * 1e3,
            docs / secs,
            mb / secs,
            secs / floor_time.as_secs_f64()
        );
    }
}
