//! Reads every `.docx` of a folder with docx-rs `read_docx` and walks what it built:
//! every body paragraph's text and every table cell's text (a cell merged across grid
//! columns is one `w:tc`, read once; docx-rs keeps the merge properties private, so a
//! `vMerge` continuation `w:tc` is walked too: it is empty). Used by `scripts/compare.sh`.
//!
//! ```text
//! docx-rs-harness FOLDER [-j N]
//! ```
//!
//! Prints `files=… failed=… paragraphs=… cells=… chars=…` on stdout so the compare
//! script can check that every tool did the same work.

use std::path::PathBuf;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Instant;

use docx_rs::{
    DocumentChild, Paragraph, ParagraphChild, RunChild, Table, TableCellContent, TableChild,
    TableRowChild,
};

#[derive(Default, Clone, Copy)]
struct Counts {
    files: usize,
    failed: usize,
    paragraphs: usize,
    cells: usize,
    chars: usize,
}

impl Counts {
    fn add(&mut self, o: Counts) {
        self.files += o.files;
        self.failed += o.failed;
        self.paragraphs += o.paragraphs;
        self.cells += o.cells;
        self.chars += o.chars;
    }
}

fn paragraph_text(p: &Paragraph, out: &mut String) {
    for child in &p.children {
        match child {
            ParagraphChild::Run(run) => run_text(&run.children, out),
            ParagraphChild::Hyperlink(h) => {
                for c in &h.children {
                    if let ParagraphChild::Run(run) = c {
                        run_text(&run.children, out);
                    }
                }
            }
            ParagraphChild::Insert(ins) => {
                for c in &ins.children {
                    if let docx_rs::InsertChild::Run(run) = c {
                        run_text(&run.children, out);
                    }
                }
            }
            _ => {}
        }
    }
}

fn run_text(children: &[RunChild], out: &mut String) {
    for c in children {
        match c {
            RunChild::Text(t) => out.push_str(&t.text),
            RunChild::Tab(_) => out.push('\t'),
            RunChild::Break(_) => out.push('\n'),
            _ => {}
        }
    }
}

fn table(t: &Table, counts: &mut Counts, scratch: &mut String) {
    for TableChild::TableRow(row) in &t.rows {
        for TableRowChild::TableCell(cell) in &row.cells {
            counts.cells += 1;
            scratch.clear();
            for content in &cell.children {
                match content {
                    TableCellContent::Paragraph(p) => {
                        if !scratch.is_empty() {
                            scratch.push('\n');
                        }
                        paragraph_text(p, scratch);
                    }
                    TableCellContent::Table(nested) => {
                        let mut inner = String::new();
                        table(nested, counts, &mut inner);
                    }
                    _ => {}
                }
            }
            counts.chars += scratch.chars().count();
        }
    }
}

fn walk(bytes: &[u8]) -> Result<Counts, docx_rs::ReaderError> {
    let docx = docx_rs::read_docx(bytes)?;
    let mut counts = Counts::default();
    let mut scratch = String::new();
    for child in &docx.document.children {
        match child {
            DocumentChild::Paragraph(p) => {
                scratch.clear();
                paragraph_text(p, &mut scratch);
                counts.paragraphs += 1;
                counts.chars += scratch.chars().count();
            }
            DocumentChild::Table(t) => table(t, &mut counts, &mut scratch),
            _ => {}
        }
    }
    Ok(counts)
}

fn main() {
    let mut args = std::env::args().skip(1);
    let mut folder = None;
    let mut jobs = 1usize;
    while let Some(a) = args.next() {
        match a.as_str() {
            "-j" => {
                jobs = args
                    .next()
                    .and_then(|n| n.parse().ok())
                    .filter(|&n| n > 0)
                    .unwrap_or_else(|| usage());
            }
            _ if folder.is_none() => folder = Some(PathBuf::from(a)),
            _ => usage(),
        }
    }
    let folder = folder.unwrap_or_else(|| usage());
    let mut files: Vec<PathBuf> = std::fs::read_dir(&folder)
        .unwrap_or_else(|e| {
            eprintln!("{}: {e}", folder.display());
            std::process::exit(2)
        })
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "docx"))
        .collect();
    files.sort();

    let start = Instant::now();
    let next = AtomicUsize::new(0);
    let total = std::thread::scope(|s| {
        let handles: Vec<_> = (0..jobs)
            .map(|_| {
                s.spawn(|| {
                    let mut counts = Counts::default();
                    loop {
                        let i = next.fetch_add(1, Ordering::Relaxed);
                        let Some(path) = files.get(i) else { break };
                        counts.files += 1;
                        let result = std::fs::read(path)
                            .map_err(|e| e.to_string())
                            .and_then(|b| walk(&b).map_err(|e| e.to_string()));
                        match result {
                            Ok(c) => counts.add(c),
                            Err(e) => {
                                counts.failed += 1;
                                eprintln!("{}: {e}", path.display());
                            }
                        }
                    }
                    counts
                })
            })
            .collect();
        let mut total = Counts::default();
        for h in handles {
            total.add(h.join().unwrap_or_default());
        }
        total
    });
    let secs = start.elapsed().as_secs_f64();
    println!(
        "files={} failed={} paragraphs={} cells={} chars={} secs={secs:.4}",
        total.files, total.failed, total.paragraphs, total.cells, total.chars
    );
}

fn usage() -> ! {
    eprintln!("usage: docx-rs-harness FOLDER [-j N]");
    std::process::exit(2)
}
