//! Criterion benches of the worst inputs of issue 18 at 1×, 2×, 4× and 8× their base
//! size (the builders of `tests/hostile/`): time must grow linearly with the size
//! (about 2× per step), never quadratically (4× per step). `tests/budget.rs` holds
//! the same cases to their answer, memory and a machine-independent work count.
//!
//! ```text
//! cargo bench --bench worst_cases            # all
//! cargo bench --bench worst_cases -- vmerge  # one
//! ```
//!
//! Figures: BENCHMARKS.md § Worst cases.

#[path = "../tests/hostile/mod.rs"]
mod hostile;

use std::hint::black_box;
use std::time::Duration;

use criterion::{BenchmarkId, Criterion, Throughput};
use nianbao::Options;

/// The size steps.
const SCALES: [usize; 4] = [1, 2, 4, 8];

/// Benches `read_document` on `(bytes, measured size)` built for each scale.
fn group(c: &mut Criterion, name: &str, file: &str, build: impl Fn(usize) -> (Vec<u8>, usize)) {
    let mut g = c.benchmark_group(format!("worst/{name}"));
    g.sample_size(10)
        .warm_up_time(Duration::from_millis(500))
        .measurement_time(Duration::from_secs(3));
    let options = Options::default();
    for scale in SCALES {
        let (bytes, size) = build(scale);
        g.throughput(Throughput::Bytes(size as u64));
        g.bench_with_input(BenchmarkId::from_parameter(scale), &bytes, |b, bytes| {
            b.iter(|| black_box(nianbao::read_document(bytes, Some(file), &options).is_ok()));
        });
    }
    g.finish();
}

fn benches(c: &mut Criterion) {
    // 300 paragraphs × scale of a level text of 50,000 `%1`s.
    group(c, "numbering_text", "a.docx", |s| {
        hostile::numbering_text(50_000, 300 * s)
    });
    // 4,625 × scale overrides, 1,125 × scale numbered paragraphs (8× = issue's case).
    group(c, "level_overrides", "a.docx", |s| {
        hostile::overrides(4_625 * s as u32, 1_125 * s)
    });
    // 2 rows × 12,500 × scale merged cells (8× = the issue's 100,000).
    group(c, "vmerge", "a.docx", |s| hostile::vmerge(12_500 * s));
    // 25 × scale rows of 1,000 cells (8× = 200,000 cells, just over max_table_cells).
    group(c, "docx_cells", "a.docx", |s| {
        hostile::tables(1, 25 * s, "<w:tc><w:p><w:r><w:t>1</w:t></w:r></w:p></w:tc>")
    });
    // One tag with 12,500 × scale attributes (8× = the issue's 100,000).
    group(c, "html_attributes", "a.html", |s| {
        let page = hostile::attributes(12_500 * s);
        let len = page.len();
        (page.into_bytes(), len)
    });
    // 50,000 × scale short lines (8× = 400,000, under max_nodes).
    group(c, "text_lines", "a.txt", |s| {
        let text = hostile::lines(50_000 * s);
        let len = text.len();
        (text.into_bytes(), len)
    });
    // A pipe table of 1,250 × scale rows of 20 cells (8× = 200,000 cells).
    group(c, "pipe_table", "a.txt", |s| {
        let text = hostile::pipe_table(1_250 * s);
        let len = text.len();
        (text.into_bytes(), len)
    });
}

/// Runs the benches (what `criterion_group!` and `criterion_main!` expand to, written
/// out so that every item has its doc comment).
fn main() {
    let mut c = Criterion::default().configure_from_args();
    benches(&mut c);
    c.final_summary();
}
