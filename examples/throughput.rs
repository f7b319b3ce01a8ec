//! Reads every `.docx` (or `.doc`) of a folder, with N worker threads, up to a chosen stage, and
//! prints the throughput. `scripts/compare.sh` uses it for the floor and for the
//! in-process stages; `scripts/callgrind.sh` uses it on one file.
//!
//! ```text
//! cargo run --release --example throughput -- testdata/corpus/bench --stage floor -j 2
//! ```
//!
//! Stages, each including the ones before it (and the file read):
//! - `floor`: inflate and tokenize `word/document.xml` only (see `benches/support/floor.rs`);
//! - `document`: .docx → Document (`nianbao::read_document`);
//! - `report`: read + recognize (`nianbao_core::recognize`);
//! - `full`: read, recognize, check the rules, write the JSON to a string
//!   (`nianbao::read_bytes` + `nianbao::json::to_string`), without writing files.
//!
//! `--repeat K` runs the whole folder K times (for profiling). It prints one line:
//! `files=… failed=… xml_bytes=… secs=… docs_per_s=… mb_per_s=…` (MB of document.xml).

#[path = "../benches/support/floor.rs"]
mod floor;

use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Instant;

#[derive(Clone, Copy, PartialEq)]
enum Stage {
    Floor,
    Document,
    Report,
    Full,
}

#[derive(Default)]
struct Totals {
    files: usize,
    failed: usize,
    xml_bytes: usize,
    /// A value derived from each stage's output, so nothing is optimized away.
    checksum: usize,
}

fn run_one(
    stage: Stage,
    path: &std::path::Path,
    buf: &mut Vec<u8>,
) -> Result<(usize, usize), String> {
    let bytes = std::fs::read(path).map_err(|e| e.to_string())?;
    let name = path.to_string_lossy();
    let options = nianbao::Options::default();
    match stage {
        Stage::Floor => floor::floor(&bytes, buf).map(|f| (f.xml_bytes, f.events)),
        Stage::Document => {
            let (_, doc) =
                nianbao::read_document(&bytes, Some(&name), &options).map_err(|e| e.to_string())?;
            Ok((0, doc.blocks.len()))
        }
        Stage::Report => {
            let (_, doc) =
                nianbao::read_document(&bytes, Some(&name), &options).map_err(|e| e.to_string())?;
            let recognized = nianbao::recognize(&doc);
            Ok((
                0,
                recognized.diagnostics.len()
                    + usize::from(recognized.report.applications.is_some()),
            ))
        }
        Stage::Full => {
            let analysis =
                nianbao::read_bytes(&bytes, Some(&name), &options).map_err(|e| e.to_string())?;
            Ok((0, nianbao::json::to_string(&analysis).len()))
        }
    }
}

fn main() -> ExitCode {
    let mut args = std::env::args().skip(1);
    let mut input = None;
    let mut jobs = 1usize;
    let mut repeat = 1usize;
    let mut stage = Stage::Full;
    while let Some(a) = args.next() {
        match a.as_str() {
            "-j" => match args.next().and_then(|n| n.parse().ok()).filter(|&n| n > 0) {
                Some(n) => jobs = n,
                None => return usage(),
            },
            "--repeat" => match args.next().and_then(|n| n.parse().ok()).filter(|&n| n > 0) {
                Some(n) => repeat = n,
                None => return usage(),
            },
            "--stage" => {
                stage = match args.next().as_deref() {
                    Some("floor") => Stage::Floor,
                    Some("document") => Stage::Document,
                    Some("report") => Stage::Report,
                    Some("full") => Stage::Full,
                    _ => return usage(),
                }
            }
            _ if input.is_none() => input = Some(PathBuf::from(a)),
            _ => return usage(),
        }
    }
    let Some(input) = input else { return usage() };
    let mut files: Vec<PathBuf> = if input.is_dir() {
        match std::fs::read_dir(&input) {
            Ok(dir) => dir
                .filter_map(|e| e.ok().map(|e| e.path()))
                .filter(|p| p.extension().is_some_and(|x| x == "docx" || x == "doc"))
                .collect(),
            Err(e) => {
                eprintln!("{}: {e}", input.display());
                return ExitCode::from(2);
            }
        }
    } else {
        vec![input]
    };
    files.sort();
    let work: Vec<&PathBuf> = (0..repeat).flat_map(|_| files.iter()).collect();

    let start = Instant::now();
    let next = AtomicUsize::new(0);
    let totals = std::thread::scope(|s| {
        let workers: Vec<_> = (0..jobs)
            .map(|_| {
                s.spawn(|| {
                    let mut t = Totals::default();
                    let mut buf = Vec::new();
                    while let Some(path) = work.get(next.fetch_add(1, Ordering::Relaxed)) {
                        t.files += 1;
                        match run_one(stage, path, &mut buf) {
                            Ok((xml, check)) => {
                                t.xml_bytes += xml;
                                t.checksum = t.checksum.wrapping_add(check);
                            }
                            Err(e) => {
                                t.failed += 1;
                                eprintln!("{}: {e}", path.display());
                            }
                        }
                    }
                    t
                })
            })
            .collect();
        let mut all = Totals::default();
        for w in workers {
            let t = w.join().unwrap_or_default();
            all.files += t.files;
            all.failed += t.failed;
            all.xml_bytes += t.xml_bytes;
            all.checksum = all.checksum.wrapping_add(t.checksum);
        }
        all
    });
    let secs = start.elapsed().as_secs_f64();
    let per_s = |n: f64| if secs > 0.0 { n / secs } else { 0.0 };
    println!(
        "files={} failed={} xml_bytes={} checksum={} secs={secs:.4} docs_per_s={:.1} mb_per_s={:.1}",
        totals.files,
        totals.failed,
        totals.xml_bytes,
        totals.checksum,
        per_s(totals.files as f64),
        per_s(totals.xml_bytes as f64 / 1e6),
    );
    if totals.failed > 0 {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    }
}

fn usage() -> ExitCode {
    eprintln!(
        "usage: throughput FOLDER|FILE [--stage floor|document|report|full] [-j N] [--repeat K]"
    );
    ExitCode::from(2)
}
