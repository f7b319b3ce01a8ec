//! The inputs of a batch as given on the command line, checked before any work:
//! what each is, the folder under OUTDIR its outputs go to, and the usage errors
//! (a missing input, an input that is or lies inside OUTDIR, an input whose outputs
//! would land on the files nianbao writes itself, two inputs sharing an output
//! folder). An input inside another input folder is read once, under the outer one.

use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};

use crate::UsageError;
use crate::input::is_stdin;
use crate::names::decode_os_name;
use crate::paths::canonical_lenient;

/// The names nianbao writes at the top of OUTDIR (and the prefix of its own files).
pub const RESERVED: [&str; 3] = ["summary.csv", "reports.jsonl", "errors.csv"];

/// The prefix of nianbao's own files in OUTDIR (lock, scratch, resume log).
pub const OWN_PREFIX: &str = ".nianbao";

/// What an input is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RootKind {
    /// A folder, walked.
    Dir,
    /// A .zip archive, read in memory.
    Zip,
    /// A regular file.
    File,
    /// Something else (a device, a FIFO): listed, not read.
    Other,
}

/// One input of the command line.
#[derive(Debug, Clone)]
pub struct Root {
    /// As given.
    pub path: PathBuf,
    /// Absolute and free of links.
    pub canon: PathBuf,
    /// What it is.
    pub kind: RootKind,
    /// The folder (or file name) under OUTDIR its outputs go to.
    pub prefix: String,
}

/// The checked inputs, and a note for each input read under another.
#[derive(Debug)]
pub struct Roots {
    /// The inputs to read, in the order given.
    pub roots: Vec<Root>,
    /// One line for each input dropped because another input holds it.
    pub notes: Vec<String>,
}

/// Checks the inputs against each other and against OUTDIR (canonical).
pub fn check(inputs: &[PathBuf], outdir: &Path) -> anyhow::Result<Roots> {
    let usage = |text: String| -> anyhow::Error { UsageError(text).into() };
    let mut all = Vec::new();
    for input in inputs {
        if is_stdin(input) {
            return Err(usage(
                "batch reads folders, archives and files, not stdin (`-`): use `nianbao convert -`"
                    .into(),
            ));
        }
        let meta = fs::metadata(input)
            .map_err(|e| usage(format!("cannot read input {}: {e}", input.display())))?;
        let canon = canonical_lenient(input);
        let kind = if meta.is_dir() {
            RootKind::Dir
        } else if meta.is_file() && is_zip(input) {
            RootKind::Zip
        } else if meta.is_file() {
            RootKind::File
        } else {
            RootKind::Other
        };
        if canon == outdir {
            return Err(usage(format!(
                "OUTDIR is the input {}: outputs and inputs would mix; choose another OUTDIR",
                input.display()
            )));
        }
        if canon.starts_with(outdir) {
            return Err(usage(format!(
                "the input {} lies inside OUTDIR {}: a later run would convert its own \
                 outputs; choose an OUTDIR outside the inputs",
                input.display(),
                outdir.display()
            )));
        }
        let prefix = prefix_of(input, &canon, kind)?;
        all.push(Root {
            path: input.clone(),
            canon,
            kind,
            prefix,
        });
    }
    // An input inside an input folder (or given twice) is read once, under the
    // outer folder (the first given, when two are the same).
    let mut notes = Vec::new();
    let mut roots: Vec<Root> = Vec::new();
    for (i, root) in all.iter().enumerate() {
        let holder = all.iter().enumerate().find(|(j, other)| {
            let same = root.canon == other.canon;
            let inside = other.kind == RootKind::Dir
                && root.kind != RootKind::Zip
                && root.canon.starts_with(&other.canon);
            *j != i && ((same && *j < i) || (inside && !same))
        });
        match holder {
            Some((_, outer)) if outer.canon == root.canon => notes.push(format!(
                "nianbao: {} is the input {} again: read once",
                root.path.display(),
                outer.path.display()
            )),
            Some((_, outer)) => notes.push(format!(
                "nianbao: {} is inside the input {}: its files are read once, under {}",
                root.path.display(),
                outer.path.display(),
                outer.path.display()
            )),
            None => roots.push(root.clone()),
        }
    }
    let mut prefixes: BTreeMap<&str, &Path> = BTreeMap::new();
    for root in &roots {
        if let Some(other) = prefixes.insert(&root.prefix, &root.path) {
            return Err(usage(format!(
                "inputs {} and {} would both write into OUTDIR/{}; rename one",
                other.display(),
                root.path.display(),
                root.prefix
            )));
        }
    }
    Ok(Roots { roots, notes })
}

/// The folder under OUTDIR an input's outputs go to: its name (a .zip without its
/// extension), or for a single report file, the file's name. A name that is one of
/// the files nianbao writes at the top of OUTDIR is a usage error.
fn prefix_of(input: &Path, canon: &Path, kind: RootKind) -> anyhow::Result<String> {
    let name = input
        .file_name()
        .or_else(|| canon.file_name())
        .map_or_else(|| "root".to_owned(), decode_os_name);
    let name = if kind == RootKind::Zip {
        name.get(..name.len().saturating_sub(4))
            .unwrap_or(&name)
            .to_owned()
    } else {
        name
    };
    if name.is_empty() || name.starts_with(OWN_PREFIX) {
        return Err(UsageError(format!("input {} has an unusable name", input.display())).into());
    }
    if kind != RootKind::File && RESERVED.iter().any(|r| r.eq_ignore_ascii_case(&name)) {
        return Err(UsageError(format!(
            "the input {} would write its outputs into OUTDIR/{name}, where nianbao writes \
             its own {name}; rename the input",
            input.display()
        ))
        .into());
    }
    Ok(name)
}

/// Whether an input is an archive read as one (by its `.zip` extension).
fn is_zip(path: &Path) -> bool {
    path.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| e.eq_ignore_ascii_case("zip"))
}
