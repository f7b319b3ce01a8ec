//! The `nianbao` command: convert, check and batch-convert government-information-
//! disclosure annual reports (政府信息公开工作年度报告).
//!
//! ```text
//! nianbao convert report.docx > report.json
//! nianbao batch reports/ archive.zip -o out/ -j 4 --resume
//! nianbao check report.txt
//! nianbao schema > nianbao.schema.json
//! ```
//!
//! Exit codes: 0 when everything was converted (or checked clean), 1 when some input
//! failed, 2 on usage errors.
#![forbid(unsafe_code)]
#![deny(missing_docs)]
#![cfg_attr(
    not(test),
    deny(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)
)]

mod batch;
mod check;
mod cli;
mod convert;
mod csv;
mod headline;
mod names;
mod render;
mod style;

use std::process::ExitCode;

use clap::Parser;

use cli::{Cli, Command};

/// What a command ended with.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    /// Everything converted (or checked clean).
    Success,
    /// Some inputs failed.
    SomeFailed,
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
        Command::Schema => print_schema(),
    };
    match result {
        Ok(Outcome::Success) => ExitCode::SUCCESS,
        Ok(Outcome::SomeFailed) => ExitCode::from(1),
        Err(e) if e.downcast_ref::<UsageError>().is_some() => {
            eprintln!("nianbao: error: {e}");
            ExitCode::from(2)
        }
        Err(e) => {
            eprintln!("nianbao: error: {e:#}");
            ExitCode::from(1)
        }
    }
}

fn print_schema() -> anyhow::Result<Outcome> {
    let text = serde_json::to_string_pretty(&nianbao::json::schema())?;
    println!("{text}");
    Ok(Outcome::Success)
}
