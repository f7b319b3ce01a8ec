//! `nianbao convert`: one report or a few, to stdout or to files.

use std::collections::BTreeSet;
use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};

use anyhow::Context;

use crate::cli::{ConvertArgs, OutputFormat};
use crate::render::render;
use crate::{Outcome, UsageError};

/// Where the outputs go.
enum Dest {
    /// Pretty JSON for one file, JSON Lines for several.
    Stdout,
    /// The one output file.
    File(PathBuf),
    /// A folder, one output per input named after it.
    Folder(PathBuf),
}

/// Runs `nianbao convert`.
pub fn run(args: &ConvertArgs) -> anyhow::Result<Outcome> {
    let single = args.files.len() == 1;
    let dest = match &args.output {
        None => Dest::Stdout,
        Some(out) if single && !out.is_dir() => Dest::File(out.clone()),
        Some(out) => {
            std::fs::create_dir_all(out).with_context(|| format!("creating {}", out.display()))?;
            Dest::Folder(out.clone())
        }
    };
    if matches!(dest, Dest::Stdout) && args.to == OutputFormat::Docx {
        if !single {
            return Err(
                UsageError("a .docx for each of several files needs -o FOLDER".into()).into(),
            );
        }
        if std::io::stdout().is_terminal() {
            return Err(
                UsageError("a .docx is binary: use -o FILE or redirect stdout".into()).into(),
            );
        }
    }
    if let Dest::Folder(dir) = &dest {
        let mut seen = BTreeSet::new();
        for file in &args.files {
            let target = output_in(dir, file, args.to)?;
            if !seen.insert(target.clone()) {
                return Err(UsageError(format!(
                    "two inputs would both be written to {}",
                    target.display()
                ))
                .into());
            }
        }
    }
    let mut stdout = std::io::stdout().lock();
    let mut outcome = Outcome::Success;
    for file in &args.files {
        let analysis = match nianbao::read_path(file) {
            Ok(a) => a,
            Err(e) => {
                eprintln!("nianbao: {e}");
                outcome = Outcome::SomeFailed;
                continue;
            }
        };
        match &dest {
            Dest::Stdout if args.to == OutputFormat::Docx => {
                let bytes = render(&analysis, args.to).map_err(|e| anyhow::anyhow!("{e}"))?;
                stdout.write_all(&bytes)?;
            }
            Dest::Stdout if single => writeln!(stdout, "{}", nianbao::json::to_string(&analysis))?,
            Dest::Stdout => writeln!(stdout, "{}", nianbao::json::to_string_compact(&analysis))?,
            Dest::File(path) => write_output(path, &analysis, args.to)?,
            Dest::Folder(dir) => write_output(&output_in(dir, file, args.to)?, &analysis, args.to)?,
        }
    }
    stdout.flush()?;
    Ok(outcome)
}

fn output_in(dir: &Path, file: &Path, to: OutputFormat) -> anyhow::Result<PathBuf> {
    let name = file
        .file_name()
        .ok_or_else(|| UsageError(format!("{} is not a file name", file.display())))?;
    let mut name = name.to_owned();
    name.push(".");
    name.push(to.extension());
    Ok(dir.join(name))
}

fn write_output(path: &Path, analysis: &nianbao::Analysis, to: OutputFormat) -> anyhow::Result<()> {
    let bytes = render(analysis, to).map_err(|e| anyhow::anyhow!("{}: {e}", path.display()))?;
    std::fs::write(path, bytes).with_context(|| format!("writing {}", path.display()))
}
