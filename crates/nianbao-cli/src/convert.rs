//! `nianbao convert`: one report or a few, to stdout or to files.

use std::collections::BTreeMap;
use std::io::IsTerminal;
use std::path::{Path, PathBuf};

use anyhow::Context;

use crate::cli::{ConvertArgs, OutputFormat};
use crate::input::{self, Done, is_stdin};
use crate::paths::refuse_target;
use crate::render::render;
use crate::stdout::{Out, warn};
use crate::{Outcome, Tally, UsageError};

/// Where the outputs go.
enum Dest {
    /// Pretty JSON for one file, JSON Lines for several.
    Stdout,
    /// The one output file.
    File(PathBuf),
    /// A folder, one output per input named after it.
    Folder(PathBuf),
}

/// Runs `nianbao convert`. Every usage error is found before any input is read.
pub fn run(args: &ConvertArgs) -> anyhow::Result<Outcome> {
    let dest = plan(args)?;
    let options = args.limits.options();
    let mut out = Out::new();
    let mut tally = Tally::default();
    let single = args.files.len() == 1;
    for file in &args.files {
        if out.closed() {
            break;
        }
        let analysis = match input::read(file, &options) {
            Done::Converted(a) => a,
            Done::Skipped(e) => {
                warn(&format!("nianbao: skipped {e}"));
                continue;
            }
            Done::Failed(e) => {
                warn(&format!("nianbao: {e}"));
                tally.failed += 1;
                continue;
            }
        };
        tally.converted(&analysis);
        // An error of stdout ends the command (`?`); an output not made fails the input.
        let made: Result<(), String> = match &dest {
            Dest::Stdout => {
                let bytes = match args.to {
                    OutputFormat::Docx | OutputFormat::Html => render(&analysis, args.to),
                    OutputFormat::Json if single => {
                        Ok((nianbao::json::to_string(&analysis) + "\n").into_bytes())
                    }
                    OutputFormat::Json => {
                        Ok((nianbao::json::to_string_compact(&analysis) + "\n").into_bytes())
                    }
                };
                match bytes {
                    Ok(bytes) => Ok(out.write(&bytes)?),
                    Err(e) => Err(e),
                }
            }
            Dest::File(path) => write_output(path, &analysis, args),
            Dest::Folder(dir) => write_output(&output_in(dir, file, args.to)?, &analysis, args),
        };
        if let Err(e) = made {
            warn(&format!("nianbao: {}: {e}", display(file)));
            tally.failed += 1;
        }
    }
    out.flush()?;
    Ok(tally.outcome(args.strict))
}

/// Decides where the outputs go and refuses, before any work, what would replace a
/// file: an output that exists (without `--force`), an output that is an input.
fn plan(args: &ConvertArgs) -> anyhow::Result<Dest> {
    let single = args.files.len() == 1;
    if args.files.iter().filter(|f| is_stdin(f)).count() > 1 {
        return Err(UsageError("stdin (`-`) can be read once".into()).into());
    }
    let dest = match &args.output {
        None => Dest::Stdout,
        Some(out) if single && !out.is_dir() => Dest::File(out.clone()),
        Some(out) => {
            if out.exists() && !out.is_dir() {
                return Err(UsageError(format!(
                    "-o {}: an existing file, but several inputs need a folder",
                    out.display()
                ))
                .into());
            }
            Dest::Folder(out.clone())
        }
    };
    let targets: Vec<(PathBuf, &PathBuf)> = match &dest {
        Dest::Stdout => {
            if args.to == OutputFormat::Docx {
                if !single {
                    return Err(UsageError(
                        "a .docx for each of several files needs -o FOLDER".into(),
                    )
                    .into());
                }
                if std::io::stdout().is_terminal() {
                    return Err(UsageError(
                        "a .docx is binary: use -o FILE or redirect stdout".into(),
                    )
                    .into());
                }
            }
            Vec::new()
        }
        Dest::File(path) => args.files.iter().map(|f| (path.clone(), f)).collect(),
        Dest::Folder(dir) => args
            .files
            .iter()
            .map(|f| output_in(dir, f, args.to).map(|t| (t, f)))
            .collect::<anyhow::Result<_>>()?,
    };
    let mut seen: BTreeMap<&Path, &PathBuf> = BTreeMap::new();
    for (target, file) in &targets {
        if let Some(other) = seen.insert(target, file) {
            return Err(UsageError(format!(
                "{} and {} would both be written to {}",
                other.display(),
                file.display(),
                target.display()
            ))
            .into());
        }
        refuse_target(target, &args.files, args.force, "-o")?;
        if let Some(parent) = target.parent().filter(|p| !p.as_os_str().is_empty())
            && !parent.is_dir()
            && matches!(dest, Dest::File(_))
        {
            return Err(UsageError(format!(
                "-o {}: no folder {}",
                target.display(),
                parent.display()
            ))
            .into());
        }
    }
    if let Dest::Folder(dir) = &dest {
        std::fs::create_dir_all(dir).with_context(|| format!("creating {}", dir.display()))?;
    }
    Ok(dest)
}

fn display(file: &Path) -> String {
    if is_stdin(file) {
        input::STDIN.to_owned()
    } else {
        file.display().to_string()
    }
}

fn output_in(dir: &Path, file: &Path, to: OutputFormat) -> anyhow::Result<PathBuf> {
    let name = file
        .file_name()
        .filter(|_| !is_stdin(file))
        .ok_or_else(|| {
            UsageError(format!(
                "{}: no file name to name its output after in -o FOLDER",
                display(file)
            ))
        })?;
    let mut name = name.to_owned();
    name.push(".");
    name.push(to.extension());
    Ok(dir.join(name))
}

/// Renders and writes one output atomically; the error says why it was not.
fn write_output(
    path: &Path,
    analysis: &nianbao::Analysis,
    args: &ConvertArgs,
) -> Result<(), String> {
    let bytes = render(analysis, args.to)?;
    crate::atomic::write(path, &bytes, args.force)
        .map_err(|e| format!("cannot write {}: {e}", path.display()))
}
