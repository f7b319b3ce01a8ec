//! The command line: subcommands and their arguments.

use std::path::PathBuf;

use clap::{Parser, Subcommand, ValueEnum};

/// Convert and check China's government-information-disclosure annual reports
/// (政府信息公开工作年度报告): .docx, text dumps and HTML pages in, normalized JSON out.
#[derive(Debug, Parser)]
#[command(name = "nianbao", version, about)]
pub struct Cli {
    /// What to do.
    #[command(subcommand)]
    pub command: Command,
}

/// The subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Convert one report or a few, to stdout or to files.
    ///
    /// One FILE without -o: the output goes to stdout (pretty JSON). Several FILEs
    /// without -o: one compact JSON per line on stdout. With -o and one FILE, OUT is
    /// the output file (or an existing folder to put it in); with several FILEs, OUT
    /// is a folder and each output is named after its input (`a.docx` → `a.docx.json`).
    Convert(ConvertArgs),
    /// Convert every report in folders and .zip archives, in parallel, into OUTDIR.
    ///
    /// Outputs mirror the input tree: `reports/a/b.docx` → `OUTDIR/reports/a/b.docx.json`
    /// (an archive `x.zip` → `OUTDIR/x/…`); each is written atomically. Files of other
    /// types are skipped (and counted); a file in which no report is found counts as
    /// failed (`no_report`). At the end OUTDIR gets summary.csv (one row an input),
    /// reports.jsonl (one report a line) and errors.csv (every input not converted),
    /// all sorted by source. Exit code 0 when every report was converted, 1 when some
    /// failed, 2 on usage errors.
    Batch(BatchArgs),
    /// Print a human-readable account of each report: what was found, every rule
    /// with its numbers, every diagnostic with its place.
    ///
    /// Exit code 0 when every file was read and no rule failed, 1 otherwise.
    Check(CheckArgs),
    /// Print the JSON Schema of the normalized JSON.
    Schema,
}

/// An output format.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, ValueEnum)]
pub enum OutputFormat {
    /// Normalized JSON (see `nianbao schema`).
    Json,
    /// A clean .docx in the official layout of the report's format.
    Docx,
}

impl OutputFormat {
    /// The file extension of this output.
    pub fn extension(self) -> &'static str {
        match self {
            OutputFormat::Json => "json",
            OutputFormat::Docx => "docx",
        }
    }
}

/// Arguments of `nianbao convert`.
#[derive(Debug, clap::Args)]
pub struct ConvertArgs {
    /// The reports to convert (.docx, .txt, .html, …).
    #[arg(required = true, value_name = "FILE")]
    pub files: Vec<PathBuf>,
    /// The output format.
    #[arg(long, value_enum, default_value = "json")]
    pub to: OutputFormat,
    /// Where to write: a file (one FILE) or a folder (several FILEs).
    #[arg(short, long, value_name = "OUT")]
    pub output: Option<PathBuf>,
}

/// Arguments of `nianbao batch`.
#[derive(Debug, clap::Args)]
pub struct BatchArgs {
    /// Folders (walked recursively) and .zip archives (read in memory).
    #[arg(required = true, value_name = "INPUT")]
    pub inputs: Vec<PathBuf>,
    /// The folder to write into (created if missing).
    #[arg(short, long, value_name = "OUTDIR")]
    pub output: PathBuf,
    /// The output formats, comma-separated.
    #[arg(long, value_enum, value_delimiter = ',', default_value = "json")]
    pub to: Vec<OutputFormat>,
    /// Worker threads (default: one per core).
    #[arg(short, long, value_name = "N")]
    pub jobs: Option<std::num::NonZeroUsize>,
    /// Skip inputs whose outputs are all newer than the input.
    #[arg(long)]
    pub resume: bool,
}

/// Arguments of `nianbao check`.
#[derive(Debug, clap::Args)]
pub struct CheckArgs {
    /// The reports to check.
    #[arg(required = true, value_name = "FILE")]
    pub files: Vec<PathBuf>,
}
