//! `nianbao batch`: every report in folders and archives, converted in parallel.
//!
//! The order of a run: the inputs and OUTDIR are checked (usage errors, before any
//! work); OUTDIR is locked; every path of the inputs is listed and every output path
//! planned; then the inputs are read in parallel; at the end the reports are linked
//! across years and summary.csv, errors.csv, reports.jsonl, cells.csv, findings.csv,
//! cross_year.csv and agencies.csv are written, sorted by source.

mod inputs;
mod linked;
mod output;
mod pages;
mod plan;
mod progress;
mod record;
mod resume;
mod roots;
mod zipdir;

use std::collections::{BTreeMap, BTreeSet};
use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::time::Instant;

use anyhow::Context;
use rayon::prelude::*;

use crate::cli::{BatchArgs, OutputFormat};
use crate::csv::{BOM, write_record};
use crate::glob::Filter;
use crate::paths::canonical_lenient;
use crate::render::render;
use crate::stdout::{Out, warn};
use crate::tabular::{self, CELLS_HEADER, FINDINGS_HEADER};
use crate::{Outcome, Tally, UsageError};
use inputs::{Job, Origin};
use linked::Linked;
use output::OutDir;
use progress::Progress;
use record::{Record, Spool, Status};
use resume::ResumeLog;

/// What every worker needs.
struct Worker<'a> {
    out: &'a OutDir,
    spools: &'a Spools,
    log: &'a ResumeLog,
    resume: bool,
    options: nianbao::Options,
}

/// Runs a batch job.
pub fn run(args: &BatchArgs) -> anyhow::Result<Outcome> {
    let mut formats: BTreeSet<OutputFormat> = args.to.iter().copied().collect();
    if args.html {
        formats.insert(OutputFormat::Html);
    }
    if formats.is_empty() {
        return Err(UsageError("--to names no format".into()).into());
    }
    let filter = Filter::new(&args.include, &args.exclude)
        .map_err(|e| UsageError(format!("--include/--exclude: {e}")))?;
    if args.output.exists() && !args.output.is_dir() {
        return Err(UsageError(format!(
            "OUTDIR {} is a file, not a folder",
            args.output.display()
        ))
        .into());
    }
    let outdir = canonical_lenient(&args.output);
    let roots = roots::check(&args.inputs, &outdir)?;
    if !args.quiet {
        for note in &roots.notes {
            warn(note);
        }
    }
    let out = OutDir::prepare(&args.output)
        .with_context(|| format!("preparing {}", args.output.display()))?;
    let mut work = inputs::collect(&roots.roots, &outdir, &filter);
    plan::plan(&mut work.jobs, &formats, out.root());
    let spools = Spools {
        reports: Spool::create(&out.scratch_file("reports")).context("creating the spool")?,
        cells: Spool::create(&out.scratch_file("cells")).context("creating the spool")?,
        findings: Spool::create(&out.scratch_file("findings")).context("creating the spool")?,
        values: Spool::create(&out.scratch_file("values")).context("creating the spool")?,
    };
    let log = ResumeLog::open(out.root(), args.resume).context("opening the resume log")?;
    let threads = args.jobs.map_or(0, std::num::NonZeroUsize::get);
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(threads)
        .build()
        .context("starting worker threads")?;
    let ctx = Worker {
        out: &out,
        spools: &spools,
        log: &log,
        resume: args.resume,
        options: args.limits.options(),
    };
    let readable = work.jobs.iter().filter(|j| j.is_readable()).count();
    let progress = Progress::new(readable, args.quiet);
    let start = Instant::now();
    let records: Vec<Record> = pool.install(|| {
        work.jobs
            .par_iter()
            .map(|job| {
                let record = process(job, &ctx);
                if job.is_readable() {
                    progress.done(&record);
                }
                record
            })
            .collect()
    });
    progress.finish();
    let elapsed = start.elapsed();
    // Outputs and status agree across runs too: an input not converted this time
    // keeps no output of an earlier run at its (planned, its own) paths.
    for (job, record) in work.jobs.iter().zip(&records) {
        if record.status != Status::Ok {
            for (_, rel) in &job.outputs {
                match std::fs::remove_file(out.root().join(rel)) {
                    Err(e) if e.kind() != std::io::ErrorKind::NotFound => {
                        warn(&format!(
                            "nianbao: warning: removing the old {}: {e}",
                            rel.display()
                        ));
                    }
                    _ => {}
                }
            }
        }
    }

    // The run's files: the three made from the spools are copied on a thread of their
    // own while this one writes the summaries and links the years.
    let Spools {
        reports,
        cells,
        findings,
        values,
    } = spools;
    let (linked, copied) = std::thread::scope(|scope| {
        let copier = scope.spawn(|| copy_spools(&out, &records, reports, cells, findings));
        let linked = summarize(&out, &records, &values);
        let copied = copier
            .join()
            .unwrap_or_else(|_| Err(anyhow::anyhow!("the thread copying the spools panicked")));
        (linked, copied)
    });
    copied?;
    let linked = linked?;
    out.write_atomic_with(Path::new(resume::LOG), |w| {
        records
            .iter()
            .filter_map(|r| r.log_line.as_deref())
            .try_for_each(|line| writeln!(w, "{line}"))
    })
    .context("writing the resume log")?;
    if args.html {
        let lines: Vec<_> = linked.rows.iter().map(|r| r.to_view_line()).collect();
        pages::write_index(&out, &work.jobs, &records, &lines).context("writing index.html")?;
    }
    out.finish().context("removing the scratch folder")?;

    let mut tally = Tally::default();
    for r in &records {
        match &r.status {
            Status::Failed { .. } => tally.failed += 1,
            Status::Ok
                if r.headline
                    .as_ref()
                    .is_some_and(|h| !h.rules_failed.is_empty()) =>
            {
                tally.rules_broken += 1;
            }
            _ => {}
        }
    }
    if !args.quiet {
        let screen = summary_screen(
            &records,
            &linked,
            work.excluded,
            elapsed,
            pool.current_num_threads(),
            &args.output,
        );
        let mut stdout = Out::new();
        stdout.write(screen.as_bytes())?;
        stdout.flush()?;
    }
    Ok(tally.outcome(args.strict))
}

/// Writes summary.csv and errors.csv, links the reports across years and writes
/// cross_year.csv and agencies.csv.
fn summarize(out: &OutDir, records: &[Record], values: &Spool) -> anyhow::Result<Linked> {
    out.write_atomic_with(Path::new("summary.csv"), |w| {
        record::write_summary(w, records)
    })
    .context("writing summary.csv")?;
    out.write_atomic_with(Path::new("errors.csv"), |w| {
        record::write_errors(w, records)
    })
    .context("writing errors.csv")?;
    let linked = linked::link_records(records, values);
    out.write_atomic_with(Path::new("cross_year.csv"), |w| {
        linked::write_cross_year(w, &linked)
    })
    .context("writing cross_year.csv")?;
    out.write_atomic_with(Path::new("agencies.csv"), |w| {
        linked::write_agencies(w, &linked)
    })
    .context("writing agencies.csv")?;
    Ok(linked)
}

/// Writes reports.jsonl, cells.csv and findings.csv from their spools, in source order.
fn copy_spools(
    out: &OutDir,
    records: &[Record],
    reports: Spool,
    cells: Spool,
    findings: Spool,
) -> anyhow::Result<()> {
    out.write_atomic_with(Path::new("reports.jsonl"), |w| {
        reports.copy_in_order(records.iter().filter_map(|r| r.spooled), w)
    })
    .context("writing reports.jsonl")?;
    out.write_atomic_with(Path::new("cells.csv"), |w| {
        w.write_all(BOM.as_bytes())?;
        write_record(w, &CELLS_HEADER)?;
        cells.copy_in_order(records.iter().filter_map(|r| r.cells_at), w)
    })
    .context("writing cells.csv")?;
    out.write_atomic_with(Path::new("findings.csv"), |w| {
        w.write_all(BOM.as_bytes())?;
        write_record(w, &FINDINGS_HEADER)?;
        findings.copy_in_order(records.iter().filter_map(|r| r.findings_at), w)
    })
    .context("writing findings.csv")?;
    Ok(())
}

/// Converts one input and writes its outputs. The outputs and the status agree: an
/// input whose every output cannot be made has none written and is failed.
fn process(job: &Job, ctx: &Worker<'_>) -> Record {
    match &job.origin {
        Origin::Skipped { reason, message } => {
            return Record::skipped(&job.source, reason, message.clone());
        }
        Origin::Refused { kind, reason } => {
            return Record::failed(&job.source, kind, reason.clone());
        }
        Origin::File(_) | Origin::Entry { .. } => {}
    }
    let bytes = match read_job(job, &ctx.options) {
        Ok(bytes) => bytes,
        Err(e) => return Record::failed(&job.source, e.kind(), e.to_string()),
    };
    let hash = resume::hash(&bytes);
    let up_to_date = ctx.resume && ctx.log.is_current(job, &hash, ctx.out.root());
    if up_to_date && let Some(record) = resume_from_json(job, &hash, ctx) {
        return record;
    }
    let analysis = match nianbao::read_bytes(&bytes, Some(&job.source), &ctx.options) {
        Ok(analysis) => analysis,
        Err(e) => return Record::failed(&job.source, e.kind(), e.to_string()),
    };
    // Outputs that are all up to date but include no JSON to take the report from
    // (resume) are not written again.
    let mut record = Record::converted(&job.source, &analysis, up_to_date);
    record.log_line = Some(resume::line(job, &hash));
    let record = spool(record, &analysis, ctx);
    if up_to_date || record.status != Status::Ok {
        return record;
    }
    // Every output is made before any is written.
    let mut rendered = Vec::with_capacity(job.outputs.len());
    for (format, rel) in &job.outputs {
        let bytes = match format {
            OutputFormat::Json => Ok(pretty_json(&analysis)),
            OutputFormat::Html => Ok(pages::page(&analysis, rel)),
            _ => render(&analysis, *format),
        };
        match bytes {
            Ok(bytes) => rendered.push((rel, bytes)),
            Err(e) => {
                return Record::failed(
                    &job.source,
                    "render",
                    format!(
                        "{}: cannot make its .{} output: {e}",
                        job.source,
                        format.extension()
                    ),
                );
            }
        }
    }
    let mut written: Vec<PathBuf> = Vec::new();
    for (rel, bytes) in &rendered {
        match ctx.out.write_atomic(rel, bytes) {
            Ok(path) => written.push(path),
            Err(e) => {
                for path in &written {
                    let _ = std::fs::remove_file(path);
                }
                return Record::failed(
                    &job.source,
                    "io",
                    format!("{}: cannot write {}: {e}", job.source, rel.display()),
                );
            }
        }
    }
    if let Err(e) = ctx.log.add(job, &hash) {
        warn(&format!("nianbao: warning: the resume log: {e}"));
    }
    record
}

/// The bytes of a JSON output: what `nianbao::json::to_string` writes, and a newline.
fn pretty_json(analysis: &nianbao::Analysis) -> Vec<u8> {
    let mut bytes = Vec::with_capacity(64 << 10);
    nianbao::json::write_pretty(&mut bytes, analysis);
    bytes.push(b'\n');
    bytes
}

/// With `--resume`, a report whose outputs are current is taken from its JSON output
/// (read back losslessly) instead of being read again. `None` when there is no JSON
/// output or it does not read back: then the input is converted again.
fn resume_from_json(job: &Job, hash: &str, ctx: &Worker<'_>) -> Option<Record> {
    let (_, rel) = job.outputs.iter().find(|(f, _)| *f == OutputFormat::Json)?;
    let text = std::fs::read_to_string(ctx.out.root().join(rel)).ok()?;
    let analysis = nianbao::json::from_str(&text).ok()?;
    if !analysis.report.has_report_content() {
        return None;
    }
    let mut record = Record::converted(&job.source, &analysis, true);
    record.log_line = Some(resume::line(job, hash));
    Some(spool(record, &analysis, ctx))
}

/// The spools of a run: each report's JSON line, cells.csv rows, findings.csv rows
/// and cell values (for comparing two reports of one year), appended as workers finish
/// and copied in source order (or read back) at the end.
struct Spools {
    reports: Spool,
    cells: Spool,
    findings: Spool,
    values: Spool,
}

/// Spools a converted report's JSON line, CSV rows and cell values, and keeps what the
/// cross-year rules read of it.
fn spool(mut record: Record, analysis: &nianbao::Analysis, ctx: &Worker<'_>) -> Record {
    let mut cells = String::with_capacity(32 << 10);
    let mut values = String::with_capacity(8 << 10);
    let mut findings = String::with_capacity(16 << 10);
    tabular::cell_rows(&mut cells, &mut values, &record.source, analysis);
    tabular::finding_rows(&mut findings, &record.source, analysis);
    let pushed = (|| -> std::io::Result<()> {
        let mut json = nianbao::json::to_string_compact(analysis);
        json.push('\n');
        record.spooled = Some(ctx.spools.reports.push(json.as_bytes())?);
        record.cells_at = Some(ctx.spools.cells.push(cells.as_bytes())?);
        record.findings_at = Some(ctx.spools.findings.push(findings.as_bytes())?);
        record.values_at = Some(ctx.spools.values.push(values.as_bytes())?);
        Ok(())
    })();
    if let Err(e) = pushed {
        return Record::failed(
            &record.source,
            "io",
            format!("{}: cannot spool its outputs: {e}", record.source),
        );
    }
    record.basis = Some(Box::new(nianbao::link::basis(&analysis.report)));
    record
}

/// The bytes of a job, within the input size limit (at most `max_input_bytes + 1`
/// are read, whatever the file claims).
fn read_job(job: &Job, options: &nianbao::Options) -> Result<Vec<u8>, nianbao::Error> {
    let max = options.limits.max_input_bytes;
    let too_big =
        |size: u64| nianbao::Error::limit("max_input_bytes", size, max, Default::default());
    match &job.origin {
        Origin::File(path) => {
            let io_error = |source| nianbao::Error::Io {
                file: job.source.clone(),
                source,
            };
            let file = std::fs::File::open(path).map_err(io_error)?;
            let size = file.metadata().map_err(io_error)?.len();
            if size > max {
                return Err(too_big(size).with_file(&job.source));
            }
            crate::input::read_bounded(file, max, &job.source)
        }
        Origin::Entry { archive, index } => {
            let mut archive = archive.clone();
            let entry = archive
                .by_index(*index)
                .map_err(|e| zip_error(e, &job.source))?;
            if entry.size() > max {
                return Err(too_big(entry.size()).with_file(&job.source));
            }
            let mut bytes = Vec::new();
            entry
                .take(max.saturating_add(1))
                .read_to_end(&mut bytes)
                .map_err(|e| {
                    nianbao::Error::malformed(Default::default(), format!("in the archive: {e}"))
                        .with_file(&job.source)
                })?;
            let len = u64::try_from(bytes.len()).unwrap_or(u64::MAX);
            if len > max {
                return Err(too_big(len).with_file(&job.source));
            }
            Ok(bytes)
        }
        Origin::Skipped { message, .. }
        | Origin::Refused {
            reason: message, ..
        } => Err(nianbao::Error::unsupported(message.clone()).with_file(&job.source)),
    }
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
    linked: &Linked,
    excluded: usize,
    elapsed: std::time::Duration,
    threads: usize,
    outdir: &Path,
) -> String {
    let count = |f: &dyn Fn(&Record) -> bool| records.iter().filter(|r| f(r)).count();
    let ok = count(&|r| r.status == Status::Ok);
    let resumed = count(&|r| r.up_to_date);
    let failed = count(&|r| matches!(r.status, Status::Failed { .. }));
    let mut skipped: BTreeMap<&str, usize> = BTreeMap::new();
    for r in records {
        if let Status::Skipped { reason, .. } = &r.status {
            *skipped.entry(reason).or_default() += 1;
        }
    }
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
    let reasons: Vec<String> = skipped.iter().map(|(r, n)| format!("{r} {n}")).collect();
    line(format!(
        "  skipped    {:>6}{}",
        skipped.values().sum::<usize>(),
        if reasons.is_empty() {
            String::new()
        } else {
            format!("  ({})", reasons.join(", "))
        }
    ));
    line(format!("  failed     {failed:>6}"));
    if excluded > 0 {
        line(format!("  left out  {excluded:>6}  (--include/--exclude)"));
    }
    if ok == 0 {
        line("  no report converted".into());
    } else if rules.is_empty() {
        line("  every rule holds in every converted report".into());
    } else {
        let list: Vec<String> = rules.iter().map(|(r, n)| format!("{r} ({n})")).collect();
        line(format!("  rules failed: {}", list.join(", ")));
    }
    if linked.pairs > 0 || linked.duplicates > 0 {
        line(format!(
            "  years linked: {} of consecutive years ({} cross-year finding{} failed), {} \
             of one year ({} differing)",
            plural(linked.pairs, "pair"),
            linked.failed(),
            if linked.failed() == 1 { "" } else { "s" },
            plural(linked.duplicates, "pair"),
            linked.duplicates_differing()
        ));
    }
    let merged: Vec<_> = linked.merged_names().collect();
    for g in merged.iter().take(5) {
        let names: Vec<&str> = g.names.iter().map(String::as_str).collect();
        line(format!(
            "  agency names merged as {}: {}",
            g.key,
            names.join(" = ")
        ));
    }
    if merged.len() > 5 {
        line(format!(
            "  … and {} more agencies whose names were merged (agencies.csv)",
            merged.len() - 5
        ));
    }
    let bad: Vec<&str> = records
        .iter()
        .filter(|r| matches!(r.status, Status::Failed { .. }))
        .filter_map(|r| r.status.message())
        .collect();
    if !bad.is_empty() {
        line("Failed (all in errors.csv):".into());
        for why in bad.iter().take(5) {
            line(format!("  {why}"));
        }
        if bad.len() > 5 {
            line(format!("  … and {} more", bad.len() - 5));
        }
    }
    let dir = outdir.display();
    line(format!(
        "Results: {dir}/summary.csv (one row an input), {dir}/reports.jsonl (one report a line), \
         {dir}/cells.csv (one row a table cell), {dir}/findings.csv (one row a rule instance), \
         {dir}/cross_year.csv and {dir}/agencies.csv (years linked), {dir}/errors.csv; one \
         output per report under {dir}/<input name>/"
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
