//! Batch conversion on the library API: the model for your own pipeline.
//!
//! Every report under folders and in .zip archives (read in memory, GBK entry names
//! decoded, `..` and absolute names skipped) is converted in parallel, its JSON written
//! atomically under OUTDIR; then summary.csv, reports.jsonl and errors.csv, sorted by
//! source. `nianbao batch` adds a progress bar, `--resume` and flat memory.
//!
//! ```text
//! cargo run --release --example batch_convert -- testdata/archive/input OUTDIR
//! ```

use std::io::{Cursor, Read};
use std::path::{Path, PathBuf};
use std::{fs, io};

use rayon::prelude::*;

type Bytes = Box<dyn Fn() -> io::Result<Vec<u8>> + Send + Sync>;
type Error = Box<dyn std::error::Error>;

/// One input: its name (`dir/a.docx`, `a.zip!dir/a.docx`), its output path, its bytes.
struct Input(String, PathBuf, Bytes);

fn main() -> Result<(), Error> {
    let args: Vec<PathBuf> = std::env::args_os().skip(1).map(PathBuf::from).collect();
    // Inputs first, then the output, as in every example.
    let Some((outdir, inputs)) = args.split_last().filter(|(_, i)| !i.is_empty()) else {
        return Err("usage: batch_convert INPUT… OUTDIR".into());
    };
    let mut todo = Vec::new();
    for input in inputs {
        let prefix = PathBuf::from(input.file_stem().ok_or("input without a name")?);
        if input.is_dir() {
            walk(input, &prefix, &mut todo)?;
        } else {
            add_zip(input, &prefix, &mut todo)?;
        }
    }
    let mut rows: Vec<(String, Result<[String; 2], String>)> = todo
        .par_iter()
        .map(|input| (input.0.clone(), convert(input, outdir)))
        .collect();
    rows.sort_by(|a, b| a.0.cmp(&b.0));
    let mut summary = String::from("source,agency,year,new_requests,rules_failed,status\n");
    let (mut jsonl, mut errors) = (String::new(), String::from("source,error\n"));
    for (source, row) in &rows {
        match row {
            Ok([fields, line]) => {
                summary += &format!("{},{fields},ok\n", csv(source));
                jsonl += &format!("{line}\n");
            }
            Err(e) => {
                summary += &format!("{},,,,,error\n", csv(source));
                errors += &format!("{},{}\n", csv(source), csv(e));
            }
        }
    }
    let files = [
        ("summary.csv", summary),
        ("reports.jsonl", jsonl),
        ("errors.csv", errors),
    ];
    for (name, text) in files {
        write_atomic(&outdir.join(name), text.as_bytes())?;
    }
    let failed = rows.iter().filter(|r| r.1.is_err()).count();
    println!(
        "{failed} of {} failed: see {}",
        rows.len(),
        outdir.display()
    );
    std::process::exit(i32::from(failed > 0));
}

/// Reads, checks and writes one report; returns its summary fields and JSON line.
fn convert(Input(source, out, bytes): &Input, outdir: &Path) -> Result<[String; 2], String> {
    let bytes = bytes().map_err(|e| format!("{source}: {e}"))?;
    let options = nianbao::Options::default();
    let analysis = nianbao::read_bytes(&bytes, Some(source), &options);
    let analysis = analysis.map_err(|e| e.to_string())?;
    let (report, findings) = (&analysis.report, &analysis.findings);
    if !report.has_report_content() {
        return Err(format!("{source}: no report found"));
    }
    let json = nianbao::json::to_string(&analysis) + "\n";
    write_atomic(&outdir.join(out), json.as_bytes()).map_err(|e| e.to_string())?;
    let apps = report.table(nianbao::TableKind::Applications);
    let new = apps.and_then(|t| t.number("new_received", "total"));
    let failed: Vec<&str> = nianbao::rules::failed_rules(findings).into_iter().collect();
    let year = report.meta.year.map(|y| y.to_string()).unwrap_or_default();
    let new = new.map(|n| n.to_string()).unwrap_or_default();
    let agency = csv(report.meta.agency.as_deref().unwrap_or_default());
    let fields = format!("{agency},{year},{new},{}", failed.join(";"));
    Ok([fields, nianbao::json::to_string_compact(&analysis)])
}

/// Adds every supported file under a folder.
fn walk(dir: &Path, out: &Path, todo: &mut Vec<Input>) -> io::Result<()> {
    for entry in fs::read_dir(dir)? {
        let entry = entry?;
        let (path, out) = (entry.path(), out.join(entry.file_name()));
        if entry.file_type()?.is_dir() {
            walk(&path, &out, todo)?;
        } else if nianbao::Format::from_path(&path).is_some() {
            let source = path.display().to_string();
            let bytes: Bytes = Box::new(move || fs::read(&path));
            todo.push(Input(source, json_name(out), bytes));
        }
    }
    Ok(())
}

/// Adds every supported entry of a zip, read into memory once and shared.
fn add_zip(path: &Path, out: &Path, todo: &mut Vec<Input>) -> Result<(), Error> {
    let data: std::sync::Arc<[u8]> = fs::read(path)?.into();
    let mut archive = zip::ZipArchive::new(Cursor::new(data))?;
    for index in 0..archive.len() {
        let raw = archive.by_index_raw(index)?.name_raw().to_vec();
        // Not UTF-8 (no UTF-8 flag): Chinese Windows wrote the name in GBK.
        let name = String::from_utf8(raw.clone())
            .unwrap_or_else(|_| encoding_rs::GB18030.decode(&raw).0.into_owned());
        let parts: Vec<&str> = name.split(['/', '\\']).filter(|p| !p.is_empty()).collect();
        let escapes = name.starts_with(['/', '\\']) || name.contains(':') || parts.contains(&"..");
        if escapes || nianbao::Format::from_path(&name).is_none() {
            continue; // `nianbao batch` lists escaping names in errors.csv
        }
        let archive = archive.clone();
        let bytes: Bytes = Box::new(move || {
            let mut bytes = Vec::new();
            archive.clone().by_index(index)?.read_to_end(&mut bytes)?;
            Ok(bytes)
        });
        let out = json_name(out.join(parts.join("/")));
        todo.push(Input(format!("{}!{name}", path.display()), out, bytes));
    }
    Ok(())
}

/// Writes a temporary file beside the target, then renames it over the target.
fn write_atomic(path: &Path, bytes: &[u8]) -> io::Result<()> {
    fs::create_dir_all(path.parent().unwrap_or(Path::new(".")))?;
    let tmp = path.with_extension("nianbao-tmp");
    fs::write(&tmp, bytes)?;
    fs::rename(&tmp, path)
}

/// A CSV field, quoted; one a spreadsheet would run as a formula (it starts with `=`,
/// `+`, `-`, `@`, a tab or a carriage return: OWASP's CSV injection rule) gets a
/// leading apostrophe, which makes it text.
fn csv(field: &str) -> String {
    let guard = if field.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        "'"
    } else {
        ""
    };
    format!("\"{guard}{}\"", field.replace('"', "\"\""))
}

/// `a/b.docx` → `a/b.docx.json` (what `Path::with_added_extension` does from Rust 1.91;
/// written out for the MSRV).
fn json_name(path: PathBuf) -> PathBuf {
    let mut name = path.into_os_string();
    name.push(".json");
    PathBuf::from(name)
}
