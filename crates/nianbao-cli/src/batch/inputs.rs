//! Finding the work: every supported file under the input folders and in the input
//! archives, with the place its outputs go.

use std::collections::BTreeMap;
use std::fs;
use std::io::{Cursor, Read};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::SystemTime;

use zip::ZipArchive;

use crate::UsageError;
use crate::names::{decode_name, decode_os_name, safe_components};

/// An archive held in memory, shared by the jobs of its entries.
pub type Archive = ZipArchive<Cursor<Arc<[u8]>>>;

/// Where the bytes of a job come from.
#[derive(Debug, Clone)]
pub enum Origin {
    /// A file on disk.
    File(PathBuf),
    /// An entry of an archive held in memory.
    Entry {
        /// The archive (cheap to clone: its index is shared).
        archive: Archive,
        /// The entry's index.
        index: usize,
    },
    /// Not to be read: the reason it is refused.
    Refused {
        /// The error kind for errors.csv.
        kind: &'static str,
        /// What is wrong.
        reason: String,
    },
}

/// One input to convert.
#[derive(Debug, Clone)]
pub struct Job {
    /// The name shown and sorted by: the path as given, `archive.zip!dir/file.docx`
    /// for an archive entry.
    pub source: String,
    /// The output path under OUTDIR, without the output extension.
    pub rel: PathBuf,
    /// Where the bytes come from.
    pub origin: Origin,
    /// When the input last changed (the archive's time for an entry).
    pub modified: Option<SystemTime>,
}

/// The work found in the inputs.
#[derive(Debug, Default)]
pub struct Work {
    /// The jobs, sorted by source.
    pub jobs: Vec<Job>,
    /// Files skipped because no reader takes their extension.
    pub unsupported: usize,
}

/// Collects the jobs of every input. A missing input, or two inputs with the same
/// name (their outputs would mix), is a usage error.
pub fn collect(inputs: &[PathBuf], outdir: &Path) -> anyhow::Result<Work> {
    let outdir_canon = fs::canonicalize(outdir).ok();
    let mut work = Work::default();
    let mut prefixes: BTreeMap<String, &Path> = BTreeMap::new();
    for input in inputs {
        let meta = fs::metadata(input)
            .map_err(|e| UsageError(format!("cannot read input {}: {e}", input.display())))?;
        let prefix = prefix_of(input, meta.is_dir())?;
        if let Some(other) = prefixes.insert(prefix.clone(), input) {
            return Err(UsageError(format!(
                "inputs {} and {} would both write into OUTDIR/{prefix}",
                other.display(),
                input.display()
            ))
            .into());
        }
        if meta.is_dir() {
            let place = Place {
                rel: PathBuf::from(&prefix),
                shown: input.display().to_string(),
            };
            walk(input, &place, outdir_canon.as_deref(), &mut work);
        } else if is_zip(input) {
            add_archive(input, &prefix, meta.modified().ok(), &mut work);
        } else if nianbao::Format::from_path(&prefix).is_some() {
            work.jobs.push(Job {
                source: input.display().to_string(),
                rel: PathBuf::from(&prefix),
                origin: Origin::File(input.clone()),
                modified: meta.modified().ok(),
            });
        } else {
            work.unsupported += 1;
        }
    }
    work.jobs.sort_by(|a, b| a.source.cmp(&b.source));
    refuse_duplicates(&mut work.jobs);
    Ok(work)
}

/// The folder under OUTDIR an input's outputs go to: its name (a .zip without its
/// extension), or for a single report file, the file's name.
fn prefix_of(input: &Path, is_dir: bool) -> anyhow::Result<String> {
    let name = match input.file_name() {
        Some(name) => name.to_owned(),
        None => fs::canonicalize(input)?
            .file_name()
            .map(ToOwned::to_owned)
            .unwrap_or_else(|| "root".into()),
    };
    let name = decode_os_name(&name);
    let name = if !is_dir && is_zip(input) {
        name.get(..name.len().saturating_sub(4))
            .unwrap_or(&name)
            .to_owned()
    } else {
        name
    };
    if name.is_empty() || name.starts_with(".nianbao") {
        return Err(UsageError(format!("input {} has an unusable name", input.display())).into());
    }
    Ok(name)
}

fn is_zip(path: &Path) -> bool {
    path.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| e.eq_ignore_ascii_case("zip"))
}

/// A folder being walked: its output path and its name as shown (every component
/// decoded, see [`decode_os_name`]).
struct Place {
    rel: PathBuf,
    shown: String,
}

impl Place {
    fn child(&self, name: &str) -> Place {
        Place {
            rel: self.rel.join(name),
            shown: format!("{}/{name}", self.shown.trim_end_matches('/')),
        }
    }
}

/// Walks a folder in name order; symbolic links to folders are not followed (no
/// loops), OUTDIR is skipped when it lies inside the input.
fn walk(dir: &Path, place: &Place, outdir: Option<&Path>, work: &mut Work) {
    if outdir.is_some_and(|o| fs::canonicalize(dir).is_ok_and(|d| d == o)) {
        return;
    }
    let listed = fs::read_dir(dir).and_then(|entries| entries.collect::<Result<Vec<_>, _>>());
    let mut entries = match listed {
        Ok(entries) => entries,
        Err(e) => {
            // An unreadable folder is one failed input, not the end of the run.
            work.jobs.push(Job {
                source: place.shown.clone(),
                rel: place.rel.clone(),
                origin: Origin::Refused {
                    kind: "io",
                    reason: format!("{}: cannot list the folder: {e}", place.shown),
                },
                modified: None,
            });
            return;
        }
    };
    entries.sort_by_key(|e| e.file_name());
    for entry in entries {
        let path = entry.path();
        let name = decode_os_name(&entry.file_name());
        let child = place.child(&name);
        let Ok(file_type) = entry.file_type() else {
            continue;
        };
        if file_type.is_dir() {
            walk(&path, &child, outdir, work);
            continue;
        }
        let Ok(meta) = fs::metadata(&path) else {
            continue; // a dangling link
        };
        if !meta.is_file() {
            continue;
        }
        if nianbao::Format::from_path(&name).is_none() {
            work.unsupported += 1;
            continue;
        }
        work.jobs.push(Job {
            source: child.shown,
            rel: child.rel,
            origin: Origin::File(path),
            modified: meta.modified().ok(),
        });
    }
}

/// Reads an archive into memory and adds a job per supported entry. An archive
/// that cannot be opened becomes one refused job, so it lands in errors.csv.
fn add_archive(path: &Path, prefix: &str, modified: Option<SystemTime>, work: &mut Work) {
    let shown = path.display().to_string();
    let archive = fs::File::open(path)
        .and_then(|mut f| {
            let mut bytes = Vec::new();
            f.read_to_end(&mut bytes).map(|_| bytes)
        })
        .map_err(|e| ("io", e.to_string()))
        .and_then(|bytes| {
            let shared: Arc<[u8]> = bytes.into();
            ZipArchive::new(Cursor::new(shared)).map_err(|e| ("malformed", e.to_string()))
        });
    let mut archive = match archive {
        Ok(a) => a,
        Err((kind, reason)) => {
            work.jobs.push(Job {
                source: shown.clone(),
                rel: PathBuf::from(prefix),
                origin: Origin::Refused {
                    kind,
                    reason: format!("{shown}: cannot open the archive: {reason}"),
                },
                modified,
            });
            return;
        }
    };
    for index in 0..archive.len() {
        let (raw_name, is_dir) = match archive.by_index_raw(index) {
            Ok(entry) => (entry.name_raw().to_vec(), entry.is_dir()),
            Err(e) => {
                work.jobs.push(Job {
                    source: format!("{shown}!#{index}"),
                    rel: PathBuf::from(prefix),
                    origin: Origin::Refused {
                        kind: "malformed",
                        reason: format!("{shown}!#{index}: unreadable entry: {e}"),
                    },
                    modified,
                });
                continue;
            }
        };
        let name = decode_name(&raw_name);
        if is_dir || name.ends_with('/') || name.ends_with('\\') {
            continue;
        }
        if nianbao::Format::from_path(&name).is_none() {
            work.unsupported += 1;
            continue;
        }
        let source = format!("{shown}!{name}");
        let job = match safe_components(&name) {
            Ok(parts) => Job {
                rel: parts.iter().fold(PathBuf::from(prefix), |p, c| p.join(c)),
                origin: Origin::Entry {
                    archive: archive.clone(),
                    index,
                },
                source,
                modified,
            },
            Err(why) => Job {
                rel: PathBuf::from(prefix),
                origin: Origin::Refused {
                    kind: "unsafe_name",
                    reason: format!("{source}: {why}: not converted"),
                },
                source,
                modified,
            },
        };
        work.jobs.push(job);
    }
}

/// Two jobs whose outputs would land on the same path (an archive may hold the
/// same name twice): the later one (in source order) is refused.
fn refuse_duplicates(jobs: &mut [Job]) {
    let mut seen: BTreeMap<PathBuf, String> = BTreeMap::new();
    for job in jobs.iter_mut() {
        if matches!(job.origin, Origin::Refused { .. }) {
            continue;
        }
        if let Some(first) = seen.get(&job.rel) {
            job.origin = Origin::Refused {
                kind: "duplicate",
                reason: format!("{}: same output path as {first}: not converted", job.source),
            };
        } else {
            seen.insert(job.rel.clone(), job.source.clone());
        }
    }
}
