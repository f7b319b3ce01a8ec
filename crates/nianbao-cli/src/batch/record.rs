//! What a run learnt of each input, and the three files made from it:
//! summary.csv, errors.csv and reports.jsonl.

use std::fs::File;
use std::io::{self, BufWriter, Read, Seek, SeekFrom, Write};
use std::path::Path;
use std::sync::Mutex;

use crate::csv::{BOM, write_record};
use crate::headline::{Headline, NUMBER_NAMES};

/// How an input ended.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Status {
    /// Converted.
    Ok,
    /// Not converted, and not a failure: no report in it (`no_report`), a type no
    /// reader takes (`other_type`), a link not followed, not a regular file, a file
    /// read under another name.
    Skipped {
        /// A short stable code.
        reason: &'static str,
        /// The message, naming the path.
        message: String,
    },
    /// Not converted: the error kind (`malformed`, `unsupported`, `limit_exceeded`,
    /// `io`, `render`, `unsafe_name`, `duplicate`, `collision`) and the message.
    Failed {
        /// The kind.
        kind: &'static str,
        /// The message, naming the file and the place.
        message: String,
    },
}

impl Status {
    /// The word in summary.csv.
    pub fn word(&self) -> &'static str {
        match self {
            Status::Ok => "ok",
            Status::Skipped { .. } => "skipped",
            Status::Failed { .. } => "failed",
        }
    }

    /// The reason code in summary.csv: the skip reason or the error kind.
    pub fn reason(&self) -> &'static str {
        match self {
            Status::Ok => "",
            Status::Skipped { reason, .. } => reason,
            Status::Failed { kind, .. } => kind,
        }
    }

    /// The message of an input not converted.
    pub fn message(&self) -> Option<&str> {
        match self {
            Status::Ok => None,
            Status::Skipped { message, .. } | Status::Failed { message, .. } => Some(message),
        }
    }
}

/// One input's line in the summaries.
#[derive(Debug, Clone)]
pub struct Record {
    /// The source name.
    pub source: String,
    /// The input format read (`docx`, `txt`, `html`).
    pub format: Option<String>,
    /// The headline, when the input was read.
    pub headline: Option<Headline>,
    /// How it ended.
    pub status: Status,
    /// Where its compact JSON line (newline included) is in the reports spool: offset
    /// and length.
    pub spooled: Option<(u64, u64)>,
    /// Where its cells.csv rows are in the cells spool.
    pub cells_at: Option<(u64, u64)>,
    /// Where its findings.csv rows are in the findings spool.
    pub findings_at: Option<(u64, u64)>,
    /// Where its cell values are in the values spool.
    pub values_at: Option<(u64, u64)>,
    /// What the cross-year rules read of the report ([`nianbao::link::basis`]).
    pub basis: Option<Box<nianbao::Report>>,
    /// Whether its outputs were up to date (`--resume`).
    pub up_to_date: bool,
    /// The resume-log line of a converted input.
    pub log_line: Option<String>,
}

impl Record {
    /// A record of an input converted into `analysis` (`up_to_date`: its outputs were
    /// already there and were not written again).
    pub fn converted(source: &str, analysis: &nianbao::Analysis, up_to_date: bool) -> Record {
        Record {
            source: source.to_owned(),
            format: analysis.report.source.format.clone(),
            headline: Some(Headline::of(analysis)),
            status: Status::Ok,
            spooled: None,
            cells_at: None,
            findings_at: None,
            values_at: None,
            basis: None,
            up_to_date,
            log_line: None,
        }
    }

    /// A record of an input that failed (`no_report` is skipped).
    pub fn failed(source: &str, kind: &'static str, message: String) -> Record {
        let status = if kind == "no_report" {
            Status::Skipped {
                reason: kind,
                message,
            }
        } else {
            Status::Failed { kind, message }
        };
        Record::with_status(source, status)
    }

    /// A record of an input skipped before reading.
    pub fn skipped(source: &str, reason: &'static str, message: String) -> Record {
        Record::with_status(source, Status::Skipped { reason, message })
    }

    fn with_status(source: &str, status: Status) -> Record {
        Record {
            source: source.to_owned(),
            format: nianbao::Format::from_path(source).map(|f| f.name().to_owned()),
            headline: None,
            status,
            spooled: None,
            cells_at: None,
            findings_at: None,
            values_at: None,
            basis: None,
            up_to_date: false,
            log_line: None,
        }
    }
}

const SUMMARY_HEAD: [&str; 7] = [
    "source",
    "input_format",
    "agency",
    "year",
    "active_disclosure_format",
    "applications_format",
    "review_litigation_format",
];
const SUMMARY_TAIL: [&str; 4] = ["rules_failed", "diagnostics", "status", "reason"];

/// Writes summary.csv: one row an input, sorted as `records` is.
pub fn write_summary<W: Write>(out: &mut W, records: &[Record]) -> io::Result<()> {
    out.write_all(BOM.as_bytes())?;
    let header: Vec<&str> = SUMMARY_HEAD
        .iter()
        .chain(NUMBER_NAMES.iter())
        .chain(SUMMARY_TAIL.iter())
        .copied()
        .collect();
    write_record(out, &header)?;
    for r in records {
        let h = r.headline.clone().unwrap_or_default();
        let mut row = vec![
            r.source.clone(),
            r.format.clone().unwrap_or_default(),
            h.agency.unwrap_or_default(),
            h.year.map(|y| y.to_string()).unwrap_or_default(),
        ];
        row.extend(
            h.table_formats
                .iter()
                .map(|f| f.unwrap_or_default().to_owned()),
        );
        row.extend(
            h.numbers
                .iter()
                .map(|n| n.map(|n| n.to_string()).unwrap_or_default()),
        );
        row.push(h.rules_failed.join(";"));
        row.push(if r.headline.is_some() {
            h.diagnostics.to_string()
        } else {
            String::new()
        });
        row.push(r.status.word().to_owned());
        row.push(r.status.reason().to_owned());
        write_record(out, &row)?;
    }
    Ok(())
}

/// Writes errors.csv: every input that failed, with the error.
pub fn write_errors<W: Write>(out: &mut W, records: &[Record]) -> io::Result<()> {
    out.write_all(BOM.as_bytes())?;
    write_record(out, &["source", "kind", "error"])?;
    for r in records {
        if let Status::Failed { kind, message } = &r.status {
            write_record(out, &[r.source.as_str(), kind, message.as_str()])?;
        }
    }
    Ok(())
}

/// The compact JSON of every converted report, appended as workers finish, so that
/// reports.jsonl can be written in source order at the end without holding every
/// report in memory.
#[derive(Debug)]
pub struct Spool {
    inner: Mutex<(BufWriter<File>, u64)>,
}

impl Spool {
    /// A spool in a new file.
    pub fn create(path: &Path) -> io::Result<Spool> {
        let file = File::options()
            .read(true)
            .write(true)
            .create_new(true)
            .open(path)?;
        Ok(Spool {
            inner: Mutex::new((BufWriter::new(file), 0)),
        })
    }

    /// Appends bytes (a line of JSON, or a report's CSV rows); returns their offset
    /// and length.
    pub fn push(&self, bytes: &[u8]) -> io::Result<(u64, u64)> {
        let mut guard = self
            .inner
            .lock()
            .map_err(|_| io::Error::other("spool lock poisoned"))?;
        let (writer, offset) = &mut *guard;
        writer.write_all(bytes)?;
        let at = *offset;
        let len = u64::try_from(bytes.len()).unwrap_or(u64::MAX);
        *offset += len;
        Ok((at, len))
    }

    /// The bytes pushed at `(offset, len)`, read back as text.
    pub fn read(&self, (offset, len): (u64, u64)) -> io::Result<String> {
        let mut guard = self
            .inner
            .lock()
            .map_err(|_| io::Error::other("spool lock poisoned"))?;
        let (writer, _) = &mut *guard;
        writer.flush()?;
        let file = writer.get_mut();
        file.seek(SeekFrom::Start(offset))?;
        let mut text = String::new();
        let read = (&*file).take(len).read_to_string(&mut text);
        // Later pushes append at the end again, whatever the read did.
        file.seek(SeekFrom::End(0))?;
        read?;
        Ok(text)
    }

    /// Copies the spans (in their order) after what `out` holds. Adjacent spans are
    /// copied as one, and file to file (the kernel copies where it can: no bytes pass
    /// through this process).
    pub fn copy_in_order(
        self,
        spans: impl Iterator<Item = (u64, u64)>,
        out: &mut BufWriter<File>,
    ) -> io::Result<()> {
        let (writer, _) = self
            .inner
            .into_inner()
            .map_err(|_| io::Error::other("spool lock poisoned"))?;
        let mut file = writer.into_inner().map_err(|e| e.into_error())?;
        out.flush()?;
        let out = out.get_mut();
        let mut pending: Option<(u64, u64)> = None;
        for (offset, len) in spans.chain(std::iter::once((u64::MAX, 0))) {
            match &mut pending {
                Some((at, n)) if at.checked_add(*n) == Some(offset) => *n += len,
                _ => {
                    if let Some((at, n)) = pending.replace((offset, len)) {
                        file.seek(SeekFrom::Start(at))?;
                        let copied = io::copy(&mut (&file).take(n), out)?;
                        if copied != n {
                            return Err(io::Error::new(
                                io::ErrorKind::UnexpectedEof,
                                "the spool is shorter than what was written to it",
                            ));
                        }
                    }
                }
            }
        }
        Ok(())
    }
}
