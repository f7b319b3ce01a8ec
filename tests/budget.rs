//! The budget of README.md § Limits, held on the worst inputs we know: each case is
//! built here in memory (from the descriptions of issue 18) and read through the
//! facade, asserting its answer, its peak memory and the work it did.
//!
//! - **Memory**: the peak of bytes allocated and not yet freed while the case runs
//!   (a counting global allocator, as in `tests/bad_inputs.rs`; the input is allocated
//!   before), under [`MAX_PEAK`] and under a per-case bound.
//! - **Work**: `nianbao_core::work`, a count the readers keep of the things hostile
//!   input could make them visit many times (lines, paragraphs, cells, probes of open
//!   merges, characters of list level texts, HTML nodes and attributes). It does not
//!   depend on the machine; each case holds it under a small multiple of its input's
//!   size, which a quadratic path (the ones the issue found) breaks by orders of magnitude.
//!
//! Time is measured by `benches/worst_cases.rs` (criterion), not here.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]

use std::alloc::System;
use std::sync::Mutex;

use nianbao::{Error, Options, ir::Block, ir::Document};
use peakmem_alloc::{INSTRUMENTED_SYSTEM, PeakMemAlloc, PeakMemAllocTrait};

#[global_allocator]
static GLOBAL: &PeakMemAlloc<System> = &INSTRUMENTED_SYSTEM;

/// The tests of this file run one at a time: the allocator's peak is process-wide.
static SERIAL: Mutex<()> = Mutex::new(());

/// The budget of README.md: peak memory for any input under `max_input_bytes`.
const MAX_PEAK: usize = 300 << 20;

/// What one case did.
struct Measured<T> {
    result: T,
    peak: usize,
    work: u64,
}

/// Runs `f`, measuring its peak allocation and its work count.
fn measure<T>(f: impl FnOnce() -> T) -> Measured<T> {
    nianbao_core::work::take();
    GLOBAL.reset_peak_memory();
    let base = GLOBAL.get_peak_memory();
    let result = f();
    let peak = GLOBAL.get_peak_memory().saturating_sub(base);
    let work = nianbao_core::work::take();
    Measured { result, peak, work }
}

/// Reads `bytes` as the file `name` into the Document IR, measured.
fn read_doc(name: &str, bytes: &[u8]) -> Measured<Result<Document, Error>> {
    measure(|| nianbao::read_document(bytes, Some(name), &Options::default()).map(|(_, doc)| doc))
}

/// Checks the measured peak and work of a case against its bounds, printing them.
fn hold<T>(name: &str, input: usize, m: &Measured<T>, max_peak: usize, work_per_byte: u64) {
    eprintln!(
        "{name}: input {:.2} MB, peak {:.1} MB, work {} ({:.3} a byte)",
        input as f64 / 1e6,
        m.peak as f64 / 1e6,
        m.work,
        m.work as f64 / input.max(1) as f64
    );
    assert!(
        m.peak <= MAX_PEAK.min(max_peak),
        "{name}: peak {} bytes",
        m.peak
    );
    let bound = work_per_byte.saturating_mul(input as u64).max(1000);
    assert!(m.work <= bound, "{name}: work {} over {bound}", m.work);
}

/// The budget's bound on the JSON: at most this many times the input.
const MAX_JSON_RATIO: usize = 40;

/// Checks the size of the JSON of what was read against [`MAX_JSON_RATIO`].
fn hold_json(name: &str, input: usize, analysis: &nianbao::Analysis) {
    let json = nianbao::json::to_string(analysis).len();
    eprintln!(
        "{name}: JSON {json} bytes, {:.2}× the input",
        json as f64 / input as f64
    );
    assert!(
        json <= MAX_JSON_RATIO * input,
        "{name}: JSON of {json} bytes"
    );
}

fn limit_of(e: &Error) -> &'static str {
    match e {
        Error::LimitExceeded { limit, .. } => limit,
        other => panic!("not a limit error: {other}"),
    }
}

fn lock() -> std::sync::MutexGuard<'static, ()> {
    SERIAL.lock().unwrap_or_else(|e| e.into_inner())
}

mod hostile;

use hostile::*;

fn paragraphs(doc: &Document) -> Vec<&str> {
    doc.blocks
        .iter()
        .filter_map(|b| match b {
            Block::Paragraph(p) => Some(p.text.as_str()),
            Block::Table(_) => None,
        })
        .collect()
}

#[test]
fn docx_a_level_text_of_50000_placeholders_used_by_300_paragraphs() {
    let _serial = lock();
    let (bytes, input) = numbering_text(50_000, 300);
    let m = read_doc("numbering-text.docx", &bytes);
    let doc = m.result.as_ref().unwrap();
    let paras = paragraphs(doc);
    assert_eq!(paras.len(), 300);
    // The first paragraph is number 1: the level text's first 256 characters are 128
    // `%1`s, each rendering `1`. The number text stops once it has 256 bytes: 86 `300`s.
    assert_eq!(paras[0], format!("{}段", "1".repeat(128)));
    assert_eq!(paras[299], format!("{}段", "300".repeat(86)));
    // The uncompressed parts are the input here (the zip is a few hundred bytes).
    hold("numbering-text.docx", input, &m, 20 << 20, 4);
    hold_json("numbering-text.docx", input, &nianbao::analyze(doc));
}

#[test]
fn docx_37000_level_overrides_and_9000_numbered_paragraphs() {
    let _serial = lock();
    let (bytes, input) = overrides(37_000, 9_000);
    let m = read_doc("overrides.docx", &bytes);
    let doc = m.result.as_ref().unwrap();
    let paras = paragraphs(doc);
    assert_eq!(paras.len(), 9_000);
    // The last override of level 0 (i = 36,999, since 36,999 = 9 × 4,111) starts it
    // at 37,000: Word applies the last override of a level.
    assert_eq!(paras[0], "37000.段");
    assert_eq!(paras[8_999], "45999.段");
    hold("overrides.docx", input, &m, 40 << 20, 1);
    hold_json("overrides.docx", input, &nianbao::analyze(doc));
}

#[test]
fn docx_2_rows_of_100000_vertically_merged_cells() {
    let _serial = lock();
    let (bytes, input) = vmerge(100_000);
    let m = read_doc("vmerge.docx", &bytes);
    let doc = m.result.as_ref().unwrap();
    let Some(Block::Table(t)) = doc.blocks.first() else {
        panic!("no table")
    };
    // The second row's cells all continue the first row's: one row of cells spanning two.
    assert_eq!(t.rows.len(), 2);
    assert_eq!(t.rows[0].cells.len(), 100_000);
    assert!(t.rows[1].cells.is_empty());
    assert!(t.rows[0].cells.iter().all(|c| c.row_span == 2));
    assert_eq!(t.rows[0].cells[99_999].text, "9\n9");
    hold("vmerge.docx", input, &m, 100 << 20, 1);
    hold_json("vmerge.docx", input, &nianbao::analyze(doc));
}

#[test]
fn docx_16_tables_of_199000_cells_are_refused_by_the_document_cell_limit() {
    let _serial = lock();
    // 19 bytes a cell: the 16 tables stay under max_part_bytes (60 MB of XML, 370 KB
    // zipped).
    let (bytes, input) = tables(16, 199, "<w:tc><w:p/></w:tc>");
    let m = measure(|| nianbao::read_bytes(&bytes, Some("tables.docx"), &Options::default()));
    let err = m.result.as_ref().unwrap_err();
    assert_eq!(limit_of(err), "max_document_cells", "{err}");
    assert!(err.to_string().contains("word/document.xml"), "{err}");
    // Refused at the 400,001st cell, in the third table: the rest is never read.
    hold("tables.docx", input * 3 / 16, &m, 200 << 20, 1);
}

// ---- text ----------------------------------------------------------------------

#[test]
fn text_8_mb_of_one_digit_lines_and_30_mb_of_blank_lines_are_refused_by_max_nodes() {
    let _serial = lock();
    for (name, unit, size) in [
        ("digits.txt", "1\n", 8 << 20),
        ("blank.txt", "\n", 30 << 20),
    ] {
        let bytes = unit.repeat(size / unit.len()).into_bytes();
        let m = measure(|| nianbao::read_bytes(&bytes, Some(name), &Options::default()));
        let err = m.result.as_ref().unwrap_err();
        assert_eq!(limit_of(err), "max_nodes", "{err}");
        assert!(err.to_string().contains("500001"), "{err}");
        hold(name, bytes.len(), &m, 120 << 20, 1);
    }
}

#[test]
fn text_tables_are_refused_as_their_rows_arrive() {
    let _serial = lock();
    // A pipe table of one repeated row, and a pdftotext -layout table of one repeated
    // line: both over max_table_cells long before their end.
    let head = "二、主动公开政府信息情况\n";
    let pipe_row = format!("|{}\n", "1|".repeat(20));
    let layout_row = format!("规章  {}\n", "1    ".repeat(20));
    for (name, row) in [("pipe.txt", pipe_row), ("layout.txt", layout_row)] {
        let mut text = String::from(head);
        // 16 MB, 160,000 to 300,000 rows of 20 cells.
        while text.len() < 16 << 20 {
            text.push_str(&row);
        }
        let bytes = text.into_bytes();
        let m = measure(|| nianbao::read_bytes(&bytes, Some(name), &Options::default()));
        match m.result.as_ref() {
            Err(e) => assert!(
                ["max_table_cells", "max_nodes"].contains(&limit_of(e)),
                "{name}: {e}"
            ),
            Ok(_) => panic!("{name}: read"),
        }
        hold(name, bytes.len(), &m, 250 << 20, 2);
    }
}

// ---- HTML ----------------------------------------------------------------------

#[test]
fn html_one_tag_with_100000_attributes() {
    let _serial = lock();
    let page = attributes(100_000);
    let m = read_doc("attributes.html", page.as_bytes());
    let doc = m.result.as_ref().unwrap();
    assert_eq!(paragraphs(doc), ["一、总体情况", "本年度……"]);
    assert!(
        doc.diagnostics
            .iter()
            .any(|d| d.code == "html.attributes_cut"),
        "{:?}",
        doc.diagnostics
    );
    hold("attributes.html", page.len(), &m, 40 << 20, 1);
    hold_json("attributes.html", page.len(), &nianbao::analyze(doc));
}

#[test]
fn html_megabytes_of_paragraphs_are_refused_by_max_nodes() {
    let _serial = lock();
    for size in [4 << 20, 8 << 20] {
        let page = "<p>1".repeat(size / 4);
        let name = format!("p-{}mb.html", size >> 20);
        let m = measure(|| nianbao::read_bytes(page.as_bytes(), Some(&name), &Options::default()));
        let err = m.result.as_ref().unwrap_err();
        assert_eq!(limit_of(err), "max_nodes", "{err}");
        // Refused once the parser passes 500,000 nodes: about 1 MB in, whatever the size.
        hold(&name, 1 << 20, &m, 250 << 20, 2);
    }
}

// ---- read_path -----------------------------------------------------------------

#[cfg(unix)]
#[test]
fn read_path_reads_at_most_one_byte_past_the_limit() {
    let _serial = lock();
    let max = nianbao::Limits::default().max_input_bytes;
    let m = measure(|| nianbao::read_path("/dev/zero"));
    let err = m.result.as_ref().unwrap_err();
    assert_eq!(limit_of(err), "max_input_bytes", "{err}");
    assert!(err.to_string().contains(&(max + 1).to_string()), "{err}");
    assert_eq!(err.file(), "/dev/zero");
    // The buffer grows by doubling up to max + 1 bytes: at most twice the limit.
    eprintln!("/dev/zero: peak {:.1} MB", m.peak as f64 / 1e6);
    assert!(
        m.peak as u64 <= 2 * (max + 1) + (1 << 20),
        "peak {}",
        m.peak
    );
}

// ---- the largest inputs the limits let through ---------------------------------

#[test]
fn the_largest_accepted_text_holds_the_budget() {
    let _serial = lock();
    // 60 MB: lines of 30 copies of the prose (3.6 KB), 16,000 lines.
    let line = format!("{}\n", PROSE.repeat(30));
    let text = format!(
        "一、总体情况\n{}二、主动公开政府信息情况\n",
        line.repeat((60 << 20) / line.len())
    );
    let m =
        measure(|| nianbao::read_bytes(text.as_bytes(), Some("prose.txt"), &Options::default()));
    let analysis = m.result.as_ref().unwrap();
    assert_eq!(analysis.report.sections.len(), 2);
    hold("prose.txt", text.len(), &m, MAX_PEAK, 1);
    hold_json("prose.txt", text.len(), analysis);
    // 450,000 short lines (just under max_nodes): every one a paragraph.
    let text = lines(449_000);
    let m =
        measure(|| nianbao::read_bytes(text.as_bytes(), Some("lines.txt"), &Options::default()));
    let analysis = m.result.as_ref().unwrap();
    assert_eq!(analysis.report.sections[0].paragraphs.len(), 449_000);
    hold("lines.txt", text.len(), &m, MAX_PEAK, 1);
    hold_json("lines.txt", text.len(), analysis);
}

#[test]
fn the_largest_accepted_docx_tables_hold_the_budget() {
    let _serial = lock();
    // Two tables of 199,000 cells (398,000 in the document, under max_document_cells).
    let (bytes, input) = tables(2, 199, "<w:tc><w:p><w:r><w:t>1</w:t></w:r></w:p></w:tc>");
    let m = measure(|| nianbao::read_bytes(&bytes, Some("cells.docx"), &Options::default()));
    let analysis = m.result.as_ref().unwrap();
    assert_eq!(analysis.report.other_tables.len(), 2);
    hold("cells.docx", input, &m, MAX_PEAK, 1);
    hold_json("cells.docx", input, analysis);
}

#[test]
fn the_largest_accepted_html_holds_the_budget() {
    let _serial = lock();
    // 60 MB of paragraphs of 30 copies of the prose: 16,000 elements.
    let p = format!("<p>{}</p>\n", PROSE.repeat(30));
    let page = format!(
        "<html><body><h3>一、总体情况</h3>{}<h3>二、主动公开政府信息情况</h3></body></html>",
        p.repeat((60 << 20) / p.len())
    );
    let m =
        measure(|| nianbao::read_bytes(page.as_bytes(), Some("prose.html"), &Options::default()));
    let analysis = m.result.as_ref().unwrap();
    assert_eq!(analysis.report.sections.len(), 2);
    hold("prose.html", page.len(), &m, MAX_PEAK, 1);
    hold_json("prose.html", page.len(), analysis);
}

#[test]
fn html_attributes_of_repeated_body_tags_stay_capped() {
    let _serial = lock();
    // 20,000 `<body>` tags of 100 new attributes each: html5ever adds them all to the
    // one body element, each checked against those it has.
    let mut page = String::from("<p>一、总体情况</p>");
    for t in 0..20_000 {
        page.push_str("<body");
        for i in 0..100 {
            page.push_str(&format!(" a{t}x{i}"));
        }
        page.push('>');
    }
    let m = read_doc("bodies.html", page.as_bytes());
    let doc = m.result.as_ref().unwrap();
    assert_eq!(paragraphs(doc), ["一、总体情况"]);
    // One unit an attribute offered to the body: 2,000,000 for 18.8 MB.
    hold("bodies.html", page.len(), &m, 100 << 20, 1);
}

#[test]
fn html_content_foster_parented_out_of_a_table() {
    let _serial = lock();
    // Elements and text inside a <table> but outside its cells go before the table
    // ("foster parenting"), each one inserted before it among its parent's children.
    let page = format!(
        "<p>一、总体情况</p><div><table><tr><td>1</td></tr>{}</table></div>",
        "<b>x</b>".repeat(100_000)
    );
    let m = read_doc("foster.html", page.as_bytes());
    let doc = m.result.as_ref().unwrap();
    assert_eq!(paragraphs(doc).first().copied(), Some("一、总体情况"));
    // Two units a fostered element (its node and the look-up of the table among its
    // parent's children, which scanned every earlier fostered node: 25 s for 0.8 MB).
    hold("foster.html", page.len(), &m, 100 << 20, 1);
}

#[test]
fn html_misnested_formatting_elements() {
    let _serial = lock();
    // `<b><p>x</b>`: the adoption agency moves the paragraph out of the bold element
    // and reopens it, once per repetition.
    let page = format!("<p>一、总体情况</p>{}", "<b><p>x</b>".repeat(50_000));
    let m = read_doc("misnested.html", page.as_bytes());
    let doc = m.result.as_ref().unwrap();
    assert_eq!(paragraphs(doc).first().copied(), Some("一、总体情况"));
    hold("misnested.html", page.len(), &m, 100 << 20, 1);
}
