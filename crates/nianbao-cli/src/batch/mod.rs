//! `nianbao batch`: every report in folders and archives, converted in parallel.

mod inputs;
mod output;
mod progress;
mod record;

use std::collections::{BTreeMap, BTreeSet};
use std::io::{self, Read, Write};
use std::path::{Path, PathBuf};
use std::time::Instant;

use anyhow::Context;
use rayon::prelude::*;

use crate::cli::{BatchArgs, OutputFormat};
use crate::render::render;
use crate::{Outcome, UsageError};
use inputs::{Job, Origin};
use output::{OutDir, is_up_to_date, with_extension};
use progress::Progress;
use record::{Record, Spool, Status};

/// What every worker needs.
struct Worker<'a> {
    out: &'a OutDir,
    spool: &'a Spool,
    formats: &'a BTreeSet<OutputFormat>,
    resume: bool,
    options: nianbao::Options,
}

/// Runs a batch job.
pub fn run(args: &BatchArgs) -> anyhow::Result<Outcome> {
    let formats: BTreeSet<OutputFormat> = args.to.iter().copied().collect();
    if formats.is_empty() {
        return Err(UsageError("--to names no format".into()).into());
    }
    for input in &args.inputs {
        if !input.exists() {
            return Err(UsageError(format!("no such input: {}", input.display())).into());
        }
    }
    std::fs::create_dir_all(&args.output)
        .with_context(|| format!("creating {}", args.output.display()))?;
    let work = inputs::collect(&args.inputs, &args.output)?;
    let out = OutDir::prepare(&args.output)
        .with_context(|| format!("preparing {}", args.output.display()))?;
    let spool = Spool::create(&out.scratch_file("reports")).context("creating the spool")?;
    let threads = args.jobs.map_or(0, std::num::NonZeroUsize::get);
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(threads)
        .build()
        .context("starting worker threads")?;
    let ctx = Worker {
        out: &out,
        spool: &spool,
        formats: &formats,
        resume: args.resume,
        options: nianbao::Options::default(),
    };
    let progress = Progress::new(work.jobs.len());
    let start = Instant::now();
    let records: Vec<Record> = pool.install(|| {
        work.jobs
            .par_iter()
            .map(|job| {
                let record = process(job, &ctx);
                progress.done(&record);
                record
            })
            .collect()
    });
    progress.finish();
    let elapsed = start.elapsed();

    out.write_atomic_with(Path::new("summary.csv"), |w| {
        record::write_summary(w, &records)
    })
    .context("writing summary.csv")?;
    out.write_atomic_with(Path::new("errors.csv"), |w| {
        record::write_errors(w, &records)
    })
    .context("writing errors.csv")?;
    out.write_atomic_with(Path::new("reports.jsonl"), |w| {
        spool.copy_in_order(&records, w)
    })
    .context("writing reports.jsonl")?;
    out.finish().context("removing the scratch folder")?;

    let screen = summary_screen(
        &records,
        work.unsupported,
        elapsed,
        pool.current_num_threads(),
        &args.output,
    );
    let mut stdout = io::stdout().lock();
    stdout.write_all(screen.as_bytes())?;
    stdout.flush()?;
    Ok(if records.iter().all(|r| r.status == Status::Ok) {
        Outcome::Success
    } else {
        Outcome::SomeFailed
    })
}

/// Converts one input and writes its outputs.
fn process(job: &Job, ctx: &Worker<'_>) -> Record {
    if let Origin::Refused { kind, reason } = &job.origin {
        return Record::failed(&job.source, kind, reason.clone());
    }
    let outputs: Vec<(OutputFormat, PathBuf)> = ctx
        .formats
        .iter()
        .map(|f| (*f, with_extension(&job.rel, f.extension())))
        .collect();
    let up_to_date = ctx.resume
        && outputs
            .iter()
            .all(|(_, rel)| is_up_to_date(&ctx.out.root().join(rel), job.modified));
    if up_to_date && let Some(record) = resume_from_json(job, &outputs, ctx) {
        return record;
    }
    let analysis = match read_job(job, &ctx.options)
        .and_then(|bytes| nianbao::read_bytes(&bytes, Some(&job.source), &ctx.options))
    {
        Ok(analysis) => analysis,
        Err(e) => return Record::failed(&job.source, e.kind(), e.to_string()),
    };
    // The library refuses an input without a report (`Error::NoReport`): what is
    // here is a report. Outputs that are all up to date but include no JSON to take
    // the report from (resume) are not written again.
    let skip_writing = up_to_date && !ctx.formats.contains(&OutputFormat::Json);
    let record = Record::converted(&job.source, &analysis, skip_writing);
    if !skip_writing {
        for (format, rel) in &outputs {
            let rendered = match format {
                OutputFormat::Json => Ok(pretty_json(&analysis)),
                _ => render(&analysis, *format),
            };
            let written = rendered
                .and_then(|bytes| ctx.out.write_atomic(rel, &bytes).map_err(|e| e.to_string()));
            if let Err(e) = written {
                return Record::failed(
                    &job.source,
                    "io",
                    format!("{}: cannot write {}: {e}", job.source, rel.display()),
                );
            }
        }
    }
    spool(record, &analysis, ctx)
}

/// The bytes of a JSON output: what `nianbao::json::to_string` writes, and a newline.
fn pretty_json(analysis: &nianbao::Analysis) -> Vec<u8> {
    let mut bytes = Vec::with_capacity(64 << 10);
    nianbao::json::write_pretty(&mut bytes, analysis);
    bytes.push(b'\n');
    bytes
}

/// With `--resume`, a report whose JSON output is up to date is taken from that
/// output (read back losslessly) instead of being read again. `None` when there is
/// no JSON output or it does not read back: then the input is converted again.
fn resume_from_json(
    job: &Job,
    outputs: &[(OutputFormat, PathBuf)],
    ctx: &Worker<'_>,
) -> Option<Record> {
    let (_, rel) = outputs.iter().find(|(f, _)| *f == OutputFormat::Json)?;
    let text = std::fs::read_to_string(ctx.out.root().join(rel)).ok()?;
    let analysis = nianbao::json::from_str(&text).ok()?;
    if !analysis.report.has_report_content() {
        return None;
    }
    let record = Record::converted(&job.source, &analysis, true);
    Some(spool(record, &analysis, ctx))
}

fn spool(mut record: Record, analysis: &nianbao::Analysis, ctx: &Worker<'_>) -> Record {
    match ctx.spool.push(&nianbao::json::to_string_compact(analysis)) {
        Ok(at) => record.spooled = Some(at),
        Err(e) => {
            return Record::failed(
                &record.source,
                "io",
                format!("{}: cannot spool its JSON line: {e}", record.source),
            );
        }
    }
    record
}

/// The bytes of a job, within the input size limit.
fn read_job(job: &Job, options: &nianbao::Options) -> Result<Vec<u8>, nianbao::Error> {
    let max = options.limits.max_input_bytes;
    let too_big =
        |size: u64| nianbao::Error::limit("max_input_bytes", size, max, Default::default());
    let io_error = |source: io::Error| nianbao::Error::Io {
        file: job.source.clone(),
        source,
    };
    let mut bytes = Vec::new();
    match &job.origin {
        Origin::File(path) => {
            let file = std::fs::File::open(path).map_err(io_error)?;
            let size = file.metadata().map_err(io_error)?.len();
            if size > max {
                return Err(too_big(size).with_file(&job.source));
            }
            file.take(max.saturating_add(1))
                .read_to_end(&mut bytes)
                .map_err(io_error)?;
        }
        Origin::Entry { archive, index } => {
            let mut archive = archive.clone();
            let entry = archive
                .by_index(*index)
                .map_err(|e| zip_error(e, &job.source))?;
            if entry.size() > max {
                return Err(too_big(entry.size()).with_file(&job.source));
            }
            entry
                .take(max.saturating_add(1))
                .read_to_end(&mut bytes)
                .map_err(|e| {
                    nianbao::Error::malformed(Default::default(), format!("in the archive: {e}"))
                        .with_file(&job.source)
                })?;
        }
        Origin::Refused { reason, .. } => {
            return Err(nianbao::Error::unsupported(reason.clone()).with_file(&job.source));
        }
    }
    let len = u64::try_from(bytes.len()).unwrap_or(u64::MAX);
    if len > max {
        return Err(too_big(len).with_file(&job.source));
    }
    Ok(bytes)
}

fn zip_error(e: zip::result::ZipError, source: &str) -> nianbao::Error {
    use zip::result::ZipError;
    let error = match e {
        ZipError::UnsupportedArchive(what) => {
            nianbao::Error::unsupported(format!("archive entry: {what}"))
        }
        ZipError::Io(source) => nianbao::Error::malformed(
            Default::default(),
            format!("archive entry unreadable: {source}"),
        ),
        other => nianbao::Error::malformed(Default::default(), format!("archive entry: {other}")),
    };
    error.with_file(source)
}

/// The one-screen account printed at the end.
fn summary_screen(
    records: &[Record],
    unsupported: usize,
    elapsed: std::time::Duration,
    threads: usize,
    outdir: &Path,
) -> String {
    let count = |f: &dyn Fn(&Record) -> bool| records.iter().filter(|r| f(r)).count();
    let ok = count(&|r| r.status == Status::Ok);
    let resumed = count(&|r| r.up_to_date);
    let no_report = count(&|r| matches!(r.status, Status::NoReport { .. }));
    let failed = count(&|r| matches!(r.status, Status::Failed { .. }));
    let secs = elapsed.as_secs_f64();
    let rate = if secs > 0.0 {
        records.len() as f64 / secs
    } else {
        0.0
    };
    let mut rules: BTreeMap<&str, usize> = BTreeMap::new();
    for h in records.iter().filter_map(|r| r.headline.as_ref()) {
        for rule in &h.rules_failed {
            *rules.entry(rule.as_str()).or_default() += 1;
        }
    }
    let mut s = String::new();
    let mut line = |text: String| {
        s.push_str(&text);
        s.push('\n');
    };
    line(format!(
        "nianbao batch: {} in {secs:.1} s ({rate:.1} a second, {})",
        plural(records.len(), "input"),
        plural(threads, "thread")
    ));
    line(format!(
        "  converted  {ok:>6}{}",
        if resumed > 0 {
            format!("  ({resumed} up to date, not written again)")
        } else {
            String::new()
        }
    ));
    line(format!("  no report  {no_report:>6}"));
    line(format!("  failed     {failed:>6}"));
    line(format!(
        "  skipped    {unsupported:>6}  (files of other types)"
    ));
    if rules.is_empty() {
        line("  every rule holds in every converted report".into());
    } else {
        let list: Vec<String> = rules.iter().map(|(r, n)| format!("{r} ({n})")).collect();
        line(format!("  rules failed: {}", list.join(", ")));
    }
    let bad: Vec<&Record> = records.iter().filter(|r| r.status != Status::Ok).collect();
    if !bad.is_empty() {
        line("Not converted (all in errors.csv):".into());
        for r in bad.iter().take(5) {
            let why = match &r.status {
                Status::Failed { message, .. } | Status::NoReport { message } => message.clone(),
                Status::Ok => String::new(),
            };
            line(format!("  {why}"));
        }
        if bad.len() > 5 {
            line(format!("  … and {} more", bad.len() - 5));
        }
    }
    let dir = outdir.display();
    line(format!(
        "Results: {dir}/summary.csv (one row an input), {dir}/reports.jsonl (one report a line), \
         {dir}/errors.csv; one output per report under {dir}/<input name>/"
    ));
    s
}

/// `1 input`, `2 inputs`.
fn plural(n: usize, word: &str) -> String {
    if n == 1 {
        format!("{n} {word}")
    } else {
        format!("{n} {word}s")
    }
}
