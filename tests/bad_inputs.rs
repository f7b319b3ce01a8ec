//! Hostile and broken input must fail cleanly: every case of `testdata/bad/` and every
//! large case built here gives the expected typed error, without a panic, in well under
//! a second (500 ms of CPU) and well under 200 MB.
//!
//! Memory is measured with a counting global allocator (`peakmem-alloc`): the peak of
//! bytes allocated and not yet freed while the case runs, counted from zero at its start
//! (the input itself is allocated before). It counts what the reader asks for, touched or
//! not, so a `Vec::with_capacity` sized by the file shows even when the pages are never
//! used. The cases run one at a time (a lock) so no other test's allocations mix in.
//! See `testdata/bad/README.md`.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]

use std::alloc::System;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::Mutex;
use std::time::{Duration, Instant};

use nianbao::{Analysis, Error, Options};
use peakmem_alloc::{INSTRUMENTED_SYSTEM, PeakMemAlloc, PeakMemAllocTrait};

#[global_allocator]
static GLOBAL: &PeakMemAlloc<System> = &INSTRUMENTED_SYSTEM;

/// The tests of this file run one at a time: the allocator's peak is process-wide.
static SERIAL: Mutex<()> = Mutex::new(());

/// The CPU time a case may take, and the memory it may allocate at its peak.
const MAX_TIME: Duration = Duration::from_millis(500);
const MAX_BYTES: usize = 200 << 20;
/// The wall-clock time a case may take: generous, because the machine may be shared;
/// it catches a hang or a wait, while [`MAX_TIME`] bounds the work.
const MAX_WALL: Duration = Duration::from_secs(30);

/// The CPU time (user + system) this thread has used, from `/proc/thread-self/stat`
/// (Linux; 10 ms ticks). `None` where that file is not there.
fn thread_cpu_time() -> Option<Duration> {
    let stat = std::fs::read_to_string("/proc/thread-self/stat").ok()?;
    // Fields after the command name (which may hold spaces) in parentheses.
    let rest = stat.rsplit_once(')')?.1;
    let fields: Vec<&str> = rest.split_whitespace().collect();
    // utime and stime are fields 14 and 15 of the whole line: 12 and 13 after `)`.
    let ticks: u64 = fields.get(11)?.parse::<u64>().ok()? + fields.get(12)?.parse::<u64>().ok()?;
    Some(Duration::from_millis(ticks * 10))
}

/// Each file of `testdata/bad/`: the `nianbao::Error` kind it must give and a phrase
/// its message must hold (case-insensitive).
const FILES: &[(&str, &str, &str)] = &[
    ("binary-noise.txt", "malformed", "not text"),
    ("cut-mid-element.docx", "malformed", "word/document.xml"),
    ("deep-nesting.docx", "limit_exceeded", "max_depth"),
    ("empty.docx", "unsupported", "empty"),
    ("encrypted.docx", "unsupported", "encrypted"),
    ("entity-expansion.docx", "malformed", "word/document.xml"),
    ("html-error-page.docx", "unsupported", "HTML"),
    ("invalid-utf8.docx", "malformed", "UTF-8"),
    (
        "pdf-decompression-bomb.pdf",
        "limit_exceeded",
        "max_compression_ratio",
    ),
    ("pdf-deep-arrays.pdf", "no_report", "no report"),
    ("pdf-huge-w-range.pdf", "no_report", "no report"),
    ("pdf-page-tree-cycle.pdf", "malformed", "cycle"),
    ("pdf-self-drawing-form.pdf", "malformed", "draws itself"),
    (
        "pdf-object-stream-tokens.pdf",
        "limit_exceeded",
        "max_syntax_tokens",
    ),
    ("pdf-glyph-flood.pdf", "limit_exceeded", "max_glyphs"),
    (
        "pdf-unbalanced-q.pdf",
        "limit_exceeded",
        "max_graphics_stack",
    ),
    ("spreadsheet.xlsx", "unsupported", "xlsx"),
    ("truncated.docx", "malformed", "zip"),
    ("word97.doc", "malformed", "compound file"),
    ("word95.doc", "unsupported", "Word 6.0/95"),
    ("encrypted.doc", "unsupported", "encrypted"),
    ("workbook.doc", "unsupported", "Excel workbook"),
    ("old-wps.wps", "unsupported", "WPS"),
    (
        "piece-outside-stream.doc",
        "malformed",
        "outside the WordDocument stream",
    ),
    ("zip-bomb.docx", "limit_exceeded", "max_compression_ratio"),
    (
        "zip-bomb-lying-sizes.docx",
        "limit_exceeded",
        "word/document.xml",
    ),
];

/// Files of `testdata/bad/` that are not cases.
const NOT_CASES: &[&str] = &["README.md", "make_bad.py", "make_bad_pdf.py"];

fn bad_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("testdata/bad")
}

/// What one case did.
struct Run {
    result: Result<Analysis, Error>,
    /// CPU time of the reading thread (wall time where it cannot be measured).
    time: Duration,
    wall: Duration,
    peak: usize,
}

/// Reads `bytes` as the file `name` with `options`, timing it and measuring its peak
/// allocation. A panic is caught and reported as a failure of the case.
fn run(name: &str, bytes: &[u8], options: &Options) -> Run {
    let cpu_start = thread_cpu_time();
    GLOBAL.reset_peak_memory();
    let start = Instant::now();
    let result = std::panic::catch_unwind(|| nianbao::read_bytes(bytes, Some(name), options));
    let wall = start.elapsed();
    let peak = GLOBAL.get_peak_memory();
    let time = match (cpu_start, thread_cpu_time()) {
        (Some(a), Some(b)) => b.saturating_sub(a),
        _ => wall,
    };
    match result {
        Ok(result) => Run {
            result,
            time,
            wall,
            peak,
        },
        Err(panic) => {
            let msg = panic
                .downcast_ref::<String>()
                .cloned()
                .or_else(|| panic.downcast_ref::<&str>().map(|s| (*s).to_owned()))
                .unwrap_or_default();
            panic!("{name}: the reader panicked: {msg}");
        }
    }
}

/// Checks one case: a line for the summary, or what is wrong.
fn check(
    name: &str,
    bytes: &[u8],
    options: &Options,
    kind: &str,
    phrase: &str,
) -> Result<String, String> {
    let Run {
        result,
        time,
        wall,
        peak,
    } = run(name, bytes, options);
    let summary = format!(
        "{name} ({} bytes): CPU {:?}, wall {:?}, peak {:.1} MB",
        bytes.len(),
        time,
        wall,
        peak as f64 / 1e6
    );
    let err = match result {
        Ok(a) => {
            return Err(format!(
                "{summary}: read without error (expected {kind} with {phrase:?}); report has content: {}",
                a.report.has_report_content()
            ));
        }
        Err(e) => e,
    };
    let msg = err.to_string();
    if err.kind() != kind {
        return Err(format!("{summary}: not {kind}: {msg}"));
    }
    if !msg.to_lowercase().contains(&phrase.to_lowercase()) {
        return Err(format!("{summary}: message lacks {phrase:?}: {msg}"));
    }
    if err.file() != name {
        return Err(format!("{summary}: the error names another file: {msg}"));
    }
    if time >= MAX_TIME {
        return Err(format!("{summary}: took too much CPU time: {msg}"));
    }
    if wall >= MAX_WALL {
        return Err(format!("{summary}: took too long (a hang?): {msg}"));
    }
    if peak >= MAX_BYTES {
        return Err(format!("{summary}: allocated too much: {msg}"));
    }
    Ok(format!("{summary} -> {msg}"))
}

/// Runs the cases one at a time, prints each, and fails with every failure at once.
fn check_all<'a>(cases: impl IntoIterator<Item = (&'a str, Vec<u8>, Options, &'a str, &'a str)>) {
    let _serial = SERIAL.lock().unwrap_or_else(|e| e.into_inner());
    let mut failures = Vec::new();
    for (name, bytes, options, kind, phrase) in cases {
        match check(name, &bytes, &options, kind, phrase) {
            Ok(line) => eprintln!("ok: {line}"),
            Err(e) => {
                eprintln!("FAILED: {e}");
                failures.push(e);
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn every_file_of_testdata_bad_fails_cleanly_and_quickly() {
    let mut names: Vec<String> = std::fs::read_dir(bad_dir())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| !NOT_CASES.contains(&n.as_str()))
        .collect();
    names.sort();
    let mut listed: Vec<&str> = FILES.iter().map(|(n, _, _)| *n).collect();
    listed.sort_unstable();
    assert_eq!(
        names, listed,
        "every file of testdata/bad/ is a case with an expected error, and every case a file"
    );
    check_all(FILES.iter().map(|(name, kind, phrase)| {
        let bytes = std::fs::read(bad_dir().join(name)).unwrap();
        (*name, bytes, Options::default(), *kind, *phrase)
    }));
}

/// A .docx package holding `document_xml` (compressed with `method`) and `extra`
/// empty stored entries.
fn docx_with(document_xml: &[u8], extra: usize, method: zip::CompressionMethod) -> Vec<u8> {
    const CONTENT_TYPES: &str = r#"<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>"#;
    const RELS: &str = r#"<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>"#;
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let parts = zip::write::SimpleFileOptions::default()
        .compression_method(method)
        .large_file(false);
    for (name, data) in [
        ("[Content_Types].xml", CONTENT_TYPES.as_bytes()),
        ("_rels/.rels", RELS.as_bytes()),
        ("word/document.xml", document_xml),
    ] {
        zip.start_file(name, parts).unwrap();
        zip.write_all(data).unwrap();
    }
    let stored =
        zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Stored);
    for i in 0..extra {
        zip.start_file(format!("customXml/item{i}.xml"), stored)
            .unwrap();
    }
    zip.finish().unwrap().into_inner()
}

const W_HEAD: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>示例县2021年政府信息公开工作年度报告</w:t></w:r></w:p>"#;
const W_TAIL: &str = "</w:body></w:document>";

#[test]
fn a_zip_with_100000_entries_is_refused_by_its_entry_count() {
    let bytes = docx_with(
        format!("{W_HEAD}{W_TAIL}").as_bytes(),
        100_000,
        zip::CompressionMethod::Deflated,
    );
    check_all([(
        "entries-100000.docx",
        bytes,
        Options::default(),
        "limit_exceeded",
        "max_entries",
    )]);
}

#[test]
fn a_table_row_of_1000000_cells_is_refused_by_the_cell_limit() {
    // .docx: one row, a million cells: 20 MB of XML, stored (deflated, it would be
    // refused earlier by its compression ratio).
    let mut xml = String::from(W_HEAD);
    xml.push_str("<w:tbl><w:tr>");
    for _ in 0..1_000_000 {
        xml.push_str("<w:tc><w:p/></w:tc>");
    }
    xml.push_str("</w:tr></w:tbl>");
    xml.push_str(W_TAIL);
    let docx = docx_with(xml.as_bytes(), 0, zip::CompressionMethod::Stored);
    drop(xml);
    // Text (Tika layout): a table row is a run of tab-prefixed lines, one per cell;
    // 300,000 of them (a million lines would be refused first by `max_nodes`).
    let mut text = String::from("二、主动公开政府信息情况\n\t信息内容\n\t本年制发件数\n\n\t规章");
    for i in 0..300_000 {
        text.push_str(&format!("\n\t{}", i % 10));
    }
    text.push_str("\n\n");
    check_all([
        (
            "row-1000000-cells.docx",
            docx,
            Options::default(),
            "limit_exceeded",
            "max_table_cells",
        ),
        (
            "row-300000-cells.txt",
            text.into_bytes(),
            Options::default(),
            "limit_exceeded",
            "max_table_cells",
        ),
    ]);
}

#[test]
fn a_single_100_mb_line_of_text_is_refused() {
    // Whole characters only (18 bytes a cycle), so the bytes stay valid UTF-8.
    let unit = "一、总体情况".len();
    let line: Vec<u8> = "一、总体情况"
        .bytes()
        .cycle()
        .take((100 << 20) / unit * unit)
        .collect();
    let short = line[..(10 << 20) / unit * unit].to_vec();
    check_all([
        // Over the default input size.
        (
            "line-100mb.txt",
            line,
            Options::default(),
            "limit_exceeded",
            "max_input_bytes",
        ),
        // A 10 MB line is under the input limit and over the line limit.
        (
            "line-10mb.txt",
            short,
            Options::default(),
            "limit_exceeded",
            "max_line_bytes",
        ),
    ]);
}

/// A one-page PDF whose page content is `content` (stored) and `extra` more objects.
fn pdf_with(content: &[u8], extra: usize) -> Vec<u8> {
    let mut out = b"%PDF-1.7\n".to_vec();
    let mut offsets = Vec::new();
    let mut object = |out: &mut Vec<u8>, body: &[u8]| {
        offsets.push(out.len());
        out.extend(format!("{} 0 obj\n", offsets.len()).as_bytes());
        out.extend(body);
        out.extend(b"\nendobj\n");
    };
    object(&mut out, b"<< /Type /Catalog /Pages 2 0 R >>");
    object(&mut out, b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>");
    object(
        &mut out,
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R >>",
    );
    let mut stream = format!("<< /Length {} >>\nstream\n", content.len()).into_bytes();
    stream.extend(content);
    stream.extend(b"\nendstream");
    object(&mut out, &stream);
    for _ in 0..extra {
        object(&mut out, b"null");
    }
    let xref = out.len();
    out.extend(format!("xref\n0 {}\n0000000000 65535 f \n", offsets.len() + 1).as_bytes());
    for off in &offsets {
        out.extend(format!("{off:010} 00000 n \n").as_bytes());
    }
    out.extend(
        format!(
            "trailer\n<< /Size {} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n",
            offsets.len() + 1
        )
        .as_bytes(),
    );
    out
}

#[test]
fn pdfs_with_millions_of_operators_or_objects_are_refused_by_their_limits() {
    check_all([
        (
            "q-2000000.pdf",
            pdf_with(&b"q\n".repeat(2_000_000), 0),
            Options::default(),
            "limit_exceeded",
            "max_graphics_stack",
        ),
        (
            "moves-3000000.pdf",
            pdf_with(&b"0 0 m\n".repeat(3_000_000), 0),
            Options::default(),
            "limit_exceeded",
            "max_operators_per_page",
        ),
        (
            "objects-500000.pdf",
            pdf_with(b"BT ET", 500_000),
            Options::default(),
            "limit_exceeded",
            "max_objects",
        ),
    ]);
}

#[test]
fn the_pdf_fuzz_target_s_out_of_memory_input_reads_within_the_bounds() {
    // The input the `pdf` fuzz target stopped at (RSS over 300 MB after 16,086 runs):
    // alone it reads in a few MB. The process's memory had grown from inputs before
    // it (object streams and shared content that are now refused by
    // `max_syntax_tokens` and `max_glyphs`, see the two must-fail PDFs for them).
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("fuzz/regressions/pdf/oom-300mb-rss.bin");
    let bytes = std::fs::read(path).unwrap();
    check_all([(
        "oom-300mb-rss.bin",
        bytes,
        Options::default(),
        "no_report",
        "no report",
    )]);
}
