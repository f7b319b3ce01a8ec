//! The `nianbao` command: convert, check and batch-convert government-information-
//! disclosure annual reports (政府信息公开工作年度报告).
//!
//! ```text
//! nianbao convert report.docx > report.json
//! nianbao batch reports/ archive.zip -o out/ -j 4 --resume
//! nianbao check report.txt
//! nianbao compare report-2023.docx report-2024.pdf
//! nianbao schema > nianbao.schema.json
//! nianbao check --html report.html report.docx
//! ```
//!
//! Exit codes (the same for every subcommand, shown by `nianbao --help`): 0 when every
//! input was converted or skipped, 1 when some input failed, 2 on usage errors (or an
//! OUTDIR in use), 3 with `--strict` when a report breaks a rule.
#![forbid(unsafe_code)]
#![deny(missing_docs)]
#![cfg_attr(
    not(test),
    deny(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)
)]

mod atomic;
mod batch;
mod check;
mod cli;
mod compare;
mod convert;
mod csv;
mod glob;
mod headline;
mod input;
mod names;
mod pages;
mod paths;
mod render;
mod stdout;
mod style;
mod tabular;

use std::process::ExitCode;

use clap::Parser;

use cli::{Cli, Command};

/// What a command ended with.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    /// Everything converted, checked or skipped (exit 0).
    Success,
    /// Some inputs failed (exit 1).
    SomeFailed,
    /// With `--strict`: everything converted, but a report breaks a rule (exit 3).
    RulesBroken,
}

/// How the inputs of a command ended: what decides the exit code.
#[derive(Debug, Clone, Copy, Default)]
pub struct Tally {
    /// Inputs that failed.
    pub failed: usize,
    /// Converted reports with a failed rule.
    pub rules_broken: usize,
}

impl Tally {
    /// The outcome: failures first, then (with `strict`) broken rules.
    pub fn outcome(self, strict: bool) -> Outcome {
        if self.failed > 0 {
            Outcome::SomeFailed
        } else if strict && self.rules_broken > 0 {
            Outcome::RulesBroken
        } else {
            Outcome::Success
        }
    }

    /// Counts a converted report.
    pub fn converted(&mut self, analysis: &nianbao::Analysis) {
        if !nianbao::rules::failed_rules(&analysis.findings).is_empty() {
            self.rules_broken += 1;
        }
    }
}

/// A mistake in the command line that clap cannot see (exit code 2).
#[derive(Debug)]
pub struct UsageError(pub String);

impl std::fmt::Display for UsageError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for UsageError {}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match cli.command {
        Command::Convert(args) => convert::run(&args),
        Command::Batch(args) => batch::run(&args),
        Command::Check(args) => check::run(&args),
        Command::Compare(args) => compare::run(&args),
        Command::Schema => print_schema(),
    };
    match result {
        Ok(Outcome::Success) => ExitCode::SUCCESS,
        Ok(Outcome::SomeFailed) => ExitCode::from(1),
        Ok(Outcome::RulesBroken) => ExitCode::from(3),
        Err(e) => match e.downcast_ref::<UsageError>() {
            Some(usage) => {
                stdout::warn(&format!("nianbao: error: {usage}"));
                ExitCode::from(2)
            }
            None => {
                stdout::warn(&format!("nianbao: error: {e:#}"));
                ExitCode::from(1)
            }
        },
    }
}

fn print_schema() -> anyhow::Result<Outcome> {
    let mut text = serde_json::to_string_pretty(&nianbao::json::schema())?;
    text.push('\n');
    let mut out = stdout::Out::new();
    out.write(text.as_bytes())?;
    out.flush()?;
    Ok(Outcome::Success)
}
