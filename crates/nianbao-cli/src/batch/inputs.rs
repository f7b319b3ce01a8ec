//! Finding the work: every path under the input folders and in the input archives,
//! each becoming a job (to read), or a record skipped or failed with the reason.

use std::collections::BTreeMap;
use std::fs;
use std::io::Cursor;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use zip::ZipArchive;

use super::roots::{Root, RootKind};
use super::zipdir;
use crate::cli::OutputFormat;
use crate::glob::Filter;
use crate::names::{decode_name, decode_os_name, safe_components};
use crate::paths::{FileId, file_id};

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
    /// Not to be read, and not a failure: why.
    Skipped {
        /// A short stable code (`other_type`, `dangling_link`…).
        reason: &'static str,
        /// What it is, naming the path.
        message: String,
    },
    /// Not to be read: the reason it is refused.
    Refused {
        /// The error kind for errors.csv.
        kind: &'static str,
        /// What is wrong.
        reason: String,
    },
}

/// One input path found.
#[derive(Debug, Clone)]
pub struct Job {
    /// The name shown and sorted by: the path as given, `archive.zip!dir/file.docx`
    /// for an archive entry.
    pub source: String,
    /// The output path under OUTDIR, without the output extension.
    pub rel: PathBuf,
    /// Where the bytes come from.
    pub origin: Origin,
    /// The file's identity (files on disk), to read a file reached twice once.
    pub id: Option<FileId>,
    /// The output paths under OUTDIR, one a format (filled by the plan).
    pub outputs: Vec<(OutputFormat, PathBuf)>,
}

impl Job {
    fn new(source: String, rel: PathBuf, origin: Origin) -> Job {
        Job {
            source,
            rel,
            origin,
            id: None,
            outputs: Vec::new(),
        }
    }

    fn skipped(source: String, reason: &'static str, message: String) -> Job {
        Job::new(source, PathBuf::new(), Origin::Skipped { reason, message })
    }

    fn refused(source: String, kind: &'static str, reason: String) -> Job {
        Job::new(source, PathBuf::new(), Origin::Refused { kind, reason })
    }

    /// Whether the job is to be read.
    pub fn is_readable(&self) -> bool {
        matches!(self.origin, Origin::File(_) | Origin::Entry { .. })
    }
}

/// The work found in the inputs.
#[derive(Debug, Default)]
pub struct Work {
    /// The jobs, sorted by source.
    pub jobs: Vec<Job>,
    /// Files left out by `--include` / `--exclude`.
    pub excluded: usize,
}

/// Collects every path of every input root; OUTDIR (when inside an input) is not read.
pub fn collect(roots: &[Root], outdir: &Path, filter: &Filter) -> Work {
    let mut work = Work::default();
    for root in roots {
        match root.kind {
            RootKind::Dir => {
                let place = Place {
                    rel: PathBuf::from(&root.prefix),
                    shown: root.path.display().to_string(),
                    inner: String::new(),
                };
                let walk = Walk {
                    root: &root.canon,
                    outdir,
                    filter,
                };
                walk.dir(&root.path, &place, &mut work);
            }
            RootKind::Zip => add_archive(&root.path, &root.prefix, filter, &mut work),
            RootKind::File => {
                let shown = root.path.display().to_string();
                add_file(&root.path, shown, PathBuf::from(&root.prefix), &mut work);
            }
            RootKind::Other => {
                let shown = root.path.display().to_string();
                work.jobs.push(Job::skipped(
                    shown.clone(),
                    "not_a_file",
                    format!("{shown}: not a regular file, folder or .zip: not read"),
                ));
            }
        }
    }
    work.jobs.sort_by(|a, b| a.source.cmp(&b.source));
    once_per_file(&mut work.jobs);
    work
}

/// A regular file: a job when a reader takes its extension, else skipped.
fn add_file(path: &Path, shown: String, rel: PathBuf, work: &mut Work) {
    let name = rel
        .file_name()
        .map(decode_os_name)
        .unwrap_or_else(|| shown.clone());
    if nianbao::Format::from_path(&name).is_none() {
        work.jobs.push(Job::skipped(
            shown.clone(),
            "other_type",
            format!("{shown}: no reader takes this type of file"),
        ));
        return;
    }
    let mut job = Job::new(shown, rel, Origin::File(path.to_owned()));
    job.id = fs::metadata(path).ok().map(|m| file_id(path, &m));
    work.jobs.push(job);
}

/// A folder being walked: its output path, its name as shown (every component
/// decoded, see [`decode_os_name`]) and its path inside the input (for globs).
struct Place {
    rel: PathBuf,
    shown: String,
    inner: String,
}

impl Place {
    fn child(&self, name: &str) -> Place {
        Place {
            rel: self.rel.join(name),
            shown: format!("{}/{name}", self.shown.trim_end_matches('/')),
            inner: if self.inner.is_empty() {
                name.to_owned()
            } else {
                format!("{}/{name}", self.inner)
            },
        }
    }
}

/// What a walk of one input folder needs.
struct Walk<'a> {
    /// The input folder, canonical: links leading out of it are not followed.
    root: &'a Path,
    /// OUTDIR, canonical: not read when it lies inside the input.
    outdir: &'a Path,
    filter: &'a Filter,
}

impl Walk<'_> {
    /// Walks a folder in name order. Every path is listed: a symbolic link is
    /// followed only to a regular file inside the input folder.
    fn dir(&self, dir: &Path, place: &Place, work: &mut Work) {
        if fs::canonicalize(dir).is_ok_and(|d| d == self.outdir) {
            return;
        }
        let listed = fs::read_dir(dir).and_then(|entries| entries.collect::<Result<Vec<_>, _>>());
        let mut entries = match listed {
            Ok(entries) => entries,
            Err(e) => {
                // An unreadable folder is one failed input, not the end of the run.
                work.jobs.push(Job::refused(
                    place.shown.clone(),
                    "io",
                    format!("{}: cannot list the folder: {e}", place.shown),
                ));
                return;
            }
        };
        entries.sort_by_key(|e| e.file_name());
        for entry in entries {
            let path = entry.path();
            let name = decode_os_name(&entry.file_name());
            let child = place.child(&name);
            let file_type = match entry.file_type() {
                Ok(t) => t,
                Err(e) => {
                    let why = format!("{}: cannot tell what it is: {e}", child.shown);
                    work.jobs.push(Job::refused(child.shown, "io", why));
                    continue;
                }
            };
            if file_type.is_dir() {
                self.dir(&path, &child, work);
                continue;
            }
            if !self.filter.takes(&child.inner) {
                work.excluded += 1;
                continue;
            }
            if file_type.is_symlink() {
                self.link(&path, child, work);
            } else if file_type.is_file() {
                add_file(&path, child.shown, child.rel, work);
            } else {
                let why = format!(
                    "{}: not a regular file (a device, FIFO or socket)",
                    child.shown
                );
                work.jobs.push(Job::skipped(child.shown, "not_a_file", why));
            }
        }
    }

    /// A symbolic link: followed to a regular file inside the input folder; a link
    /// that dangles, loops, leads out of the folder, to a folder or to a device is
    /// skipped with the reason.
    fn link(&self, path: &Path, child: Place, work: &mut Work) {
        let shown = child.shown.clone();
        let skip =
            |reason, what: String| Job::skipped(shown.clone(), reason, format!("{shown}: {what}"));
        let job = match fs::metadata(path) {
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
                skip("dangling_link", "a symbolic link to nothing".into())
            }
            Err(e) => skip(
                "bad_link",
                format!("a symbolic link that cannot be followed: {e}"),
            ),
            Ok(meta) => {
                let target = fs::canonicalize(path);
                match target {
                    Err(e) => skip(
                        "bad_link",
                        format!("a symbolic link that cannot be followed: {e}"),
                    ),
                    Ok(t) if !t.starts_with(self.root) => skip(
                        "link_outside",
                        format!(
                            "a symbolic link out of its input folder (to {}): not followed",
                            t.display()
                        ),
                    ),
                    Ok(_) if meta.is_dir() => skip(
                        "link_to_folder",
                        "a symbolic link to a folder: not followed".into(),
                    ),
                    Ok(_) if !meta.is_file() => skip(
                        "not_a_file",
                        "a symbolic link to a device, FIFO or socket: not read".into(),
                    ),
                    Ok(_) => {
                        add_file(path, child.shown, child.rel, work);
                        return;
                    }
                }
            }
        };
        work.jobs.push(job);
    }
}

/// Reads an archive into memory and adds a job per entry. Names come from the
/// central directory read here: every entry is counted, and two entries of one name
/// both fail (which one is meant cannot be told). An archive that cannot be opened
/// becomes one failed job, so it lands in errors.csv.
fn add_archive(path: &Path, prefix: &str, filter: &Filter, work: &mut Work) {
    let shown = path.display().to_string();
    let archive = fs::read(path)
        .map_err(|e| ("io", e.to_string()))
        .and_then(|bytes| {
            let names = zipdir::entry_names(&bytes).map_err(|e| ("malformed", e))?;
            let shared: Arc<[u8]> = bytes.into();
            let archive =
                ZipArchive::new(Cursor::new(shared)).map_err(|e| ("malformed", e.to_string()))?;
            Ok((names, archive))
        });
    let (names, mut archive) = match archive {
        Ok(a) => a,
        Err((kind, reason)) => {
            let why = format!("{shown}: cannot open the archive: {reason}");
            work.jobs.push(Job::refused(shown, kind, why));
            return;
        }
    };
    let mut positions: BTreeMap<&[u8], Vec<usize>> = BTreeMap::new();
    for (i, name) in names.iter().enumerate() {
        positions.entry(name.as_slice()).or_default().push(i + 1);
    }
    for (raw, at) in positions.iter().filter(|(_, at)| at.len() > 1) {
        let name = decode_name(raw);
        if name.ends_with('/') || !filter.takes(&name.replace('\\', "/")) {
            continue;
        }
        let list: Vec<String> = at.iter().map(ToString::to_string).collect();
        let readable = nianbao::Format::from_path(&name).is_some();
        for k in at {
            let source = format!("{shown}!{name} (entry {k})");
            let why = format!(
                "{shown}!{name}: the archive holds {} entries of this name (entries {}): \
                 none converted, which one is meant cannot be told",
                at.len(),
                list.join(", ")
            );
            work.jobs.push(if readable {
                Job::refused(source, "duplicate", why)
            } else {
                let why = format!("{source}: no reader takes this type of file");
                Job::skipped(source, "other_type", why)
            });
        }
    }
    let seen = archive.len();
    for index in 0..seen {
        let (raw_name, is_dir) = match archive.by_index_raw(index) {
            Ok(entry) => (entry.name_raw().to_vec(), entry.is_dir()),
            Err(e) => {
                let source = format!("{shown}!#{index}");
                let why = format!("{source}: unreadable entry: {e}");
                work.jobs.push(Job::refused(source, "malformed", why));
                continue;
            }
        };
        if positions
            .get(raw_name.as_slice())
            .is_some_and(|at| at.len() > 1)
        {
            continue;
        }
        let name = decode_name(&raw_name);
        if is_dir || name.ends_with('/') || name.ends_with('\\') {
            continue;
        }
        if !filter.takes(&name.replace('\\', "/")) {
            work.excluded += 1;
            continue;
        }
        let source = format!("{shown}!{name}");
        if nianbao::Format::from_path(&name).is_none() {
            let why = format!("{source}: no reader takes this type of file");
            work.jobs.push(Job::skipped(source, "other_type", why));
            continue;
        }
        let job = match safe_components(&name) {
            Ok(parts) => Job::new(
                source,
                parts.iter().fold(PathBuf::from(prefix), |p, c| p.join(c)),
                Origin::Entry {
                    archive: archive.clone(),
                    index,
                },
            ),
            Err(why) => {
                let why = format!("{source}: {why}: not converted");
                Job::refused(source, "unsafe_name", why)
            }
        };
        work.jobs.push(job);
    }
    let distinct = positions.len();
    if distinct != seen {
        let why = format!(
            "{shown}: the central directory names {distinct} distinct entries, the zip reader sees {seen}"
        );
        work.jobs
            .push(Job::refused(format!("{shown}!"), "malformed", why));
    }
}

/// A file reached twice (a link to a file of the input, an input given twice) is
/// read once: the first in source order; the others are skipped, naming it.
fn once_per_file(jobs: &mut [Job]) {
    let mut seen: BTreeMap<FileId, String> = BTreeMap::new();
    for job in jobs.iter_mut() {
        let Some(id) = job.id.clone().filter(|_| job.is_readable()) else {
            continue;
        };
        if let Some(first) = seen.get(&id) {
            job.origin = Origin::Skipped {
                reason: "same_file",
                message: format!("{}: the same file as {first}: read once", job.source),
            };
        } else {
            seen.insert(id, job.source.clone());
        }
    }
}
