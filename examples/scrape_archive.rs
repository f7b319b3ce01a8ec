//! Converts a folder of saved web pages (as a crawler leaves them) into nianbao's
//! outputs: one normalized JSON per page that holds a report, and an `index.jsonl`
//! that says for every file what became of it (converted, skipped and why, or failed).
//! Start here for a scraper of your own: fetch pages however you like, then hand the
//! bytes and the URL to `nianbao::html::read`.
//!
//! ```text
//! cargo run --example scrape_archive -- SAVED_PAGES_DIR OUT_DIR
//! cargo run --example scrape_archive -- testdata/html /tmp/nianbao-out
//! ```

use std::fs;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use nianbao::{Format, Limits, analyze, html, json, rules};
use serde_json::{Value, json};

/// What became of one file.
enum Outcome {
    /// Converted: the JSON written and a few facts for the index.
    Converted(Value),
    /// Skipped, with the reason.
    Skipped(String),
    /// The file could not be read.
    Failed(String),
}

fn main() -> ExitCode {
    let mut args = std::env::args_os().skip(1);
    let (Some(input), Some(output)) = (args.next(), args.next()) else {
        eprintln!("usage: scrape_archive SAVED_PAGES_DIR OUT_DIR");
        return ExitCode::from(2);
    };
    let (input, output) = (PathBuf::from(input), PathBuf::from(output));
    if let Err(e) = fs::create_dir_all(&output) {
        eprintln!("error: {}: {e}", output.display());
        return ExitCode::FAILURE;
    }
    let files = match list_files(&input) {
        Ok(files) => files,
        Err(e) => {
            eprintln!("error: {}: {e}", input.display());
            return ExitCode::FAILURE;
        }
    };
    let mut index = String::new();
    let (mut converted, mut skipped, mut failed) = (0, 0, 0);
    for path in &files {
        let rel = path.strip_prefix(&input).unwrap_or(path);
        let rel_name = rel.to_string_lossy().replace('\\', "/");
        let mut entry = json!({ "file": rel_name });
        match convert(path, &rel_name, &output) {
            Outcome::Converted(facts) => {
                converted += 1;
                entry["status"] = "converted".into();
                if let (Value::Object(e), Value::Object(f)) = (&mut entry, facts) {
                    e.extend(f);
                }
            }
            Outcome::Skipped(reason) => {
                skipped += 1;
                entry["status"] = "skipped".into();
                entry["reason"] = reason.into();
            }
            Outcome::Failed(error) => {
                failed += 1;
                entry["status"] = "failed".into();
                entry["reason"] = error.into();
            }
        }
        index.push_str(&entry.to_string());
        index.push('\n');
    }
    if let Err(e) = fs::write(output.join("index.jsonl"), index) {
        eprintln!("error: {}: {e}", output.join("index.jsonl").display());
        return ExitCode::FAILURE;
    }
    eprintln!(
        "{} files: {converted} converted, {skipped} skipped, {failed} failed (see {})",
        files.len(),
        output.join("index.jsonl").display()
    );
    ExitCode::SUCCESS
}

/// Every file below `dir`, sorted, so the output does not depend on the file system.
fn list_files(dir: &Path) -> std::io::Result<Vec<PathBuf>> {
    let mut files = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for entry in fs::read_dir(&d)? {
            let path = entry?.path();
            if path.is_dir() {
                stack.push(path);
            } else {
                files.push(path);
            }
        }
    }
    files.sort();
    Ok(files)
}

/// Reads one saved file and writes its JSON when it holds a report.
fn convert(path: &Path, rel_name: &str, output: &Path) -> Outcome {
    let bytes = match fs::read(path) {
        Ok(b) => b,
        Err(e) => return Outcome::Failed(e.to_string()),
    };
    let limits = Limits::default();
    // Saved pages often have no extension or a query string in the name
    // (`index.html?id=3`): decide by the content when the name says nothing.
    let format =
        Format::from_path(path).or_else(|| html::looks_like_html(&bytes).then_some(Format::Html));
    let (doc, url) = match format {
        Some(Format::Html) => {
            let url = saved_from_url(&bytes);
            match html::read(&bytes, url.as_deref(), &limits) {
                Ok(doc) => (doc, url),
                Err(e) => {
                    return Outcome::Failed(
                        nianbao::Error::from(e).with_file(rel_name).to_string(),
                    );
                }
            }
        }
        Some(_) => {
            match nianbao::read_document(&bytes, Some(rel_name), &nianbao::Options::default()) {
                Ok((_, doc)) => (doc, None),
                Err(e) => return Outcome::Failed(e.to_string()),
            }
        }
        None => return Outcome::Skipped("not a format nianbao reads".into()),
    };
    if format == Some(Format::Html) && !nianbao::recognize::looks_like_report(&doc) {
        let what = doc
            .properties
            .get("title")
            .map_or_else(String::new, |t| format!(" (page title: {t})"));
        return Outcome::Skipped(format!(
            "no report found: no section heading or table label of an annual report{what}"
        ));
    }
    let mut analysis = analyze(&doc);
    if !analysis.report.has_report_content() {
        return Outcome::Skipped("no report found: no section or table recognized".into());
    }
    analysis.report.source.name = Some(url.clone().unwrap_or_else(|| rel_name.to_owned()));
    analysis.report.source.format = format.map(|f| f.name().to_owned());
    let out_name = format!("{}.json", rel_name.replace('/', "__"));
    if let Err(e) = fs::write(output.join(&out_name), json::to_string(&analysis)) {
        return Outcome::Failed(format!("{out_name}: {e}"));
    }
    let meta = &analysis.report.meta;
    Outcome::Converted(json!({
        "url": url,
        "output": out_name,
        "title": meta.title,
        "agency": meta.agency,
        "year": meta.year,
        "published": doc.properties.get("published"),
        "failed_rules": rules::failed_rules(&analysis.findings),
    }))
}

/// The address a browser or mirroring tool noted in the saved page: `<!-- saved from
/// url=(0042)https://… -->` (browsers' "Save as"), `<!-- Mirrored from … by HTTrack`,
/// or `<link rel="canonical" href="…">`.
fn saved_from_url(bytes: &[u8]) -> Option<String> {
    let head = String::from_utf8_lossy(bytes.get(..4096).unwrap_or(bytes)).into_owned();
    if let Some(rest) = head.split_once("saved from url=").map(|(_, r)| r) {
        let rest = rest.split_once(')').map_or(rest, |(_, r)| r);
        return rest.split_whitespace().next().map(str::to_owned);
    }
    if let Some(rest) = head.split_once("Mirrored from ").map(|(_, r)| r) {
        let url = rest.split_whitespace().next()?;
        return Some(if url.contains("://") {
            url.to_owned()
        } else {
            format!("http://{url}")
        });
    }
    let lower = head.to_ascii_lowercase();
    let at = lower.find("rel=\"canonical\"")?;
    let tag_start = lower.get(..at)?.rfind('<')?;
    let tag = head.get(tag_start..)?;
    let href = tag.split_once("href=\"")?.1.split_once('"')?.0;
    Some(href.to_owned())
}
