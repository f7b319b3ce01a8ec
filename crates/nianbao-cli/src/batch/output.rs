//! The output folder: an exclusive lock for the run, atomic writes through a
//! scratch folder inside it named for this run.

use std::fs;
use std::io::{self, BufWriter, Write};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};

use super::roots::OWN_PREFIX;
use crate::UsageError;
use crate::cli::OutputFormat;

/// The lock file in OUTDIR: held (`flock`) for the whole run, left in place (removing
/// it would let a third run lock a new file while a second holds the old one).
pub const LOCK: &str = ".nianbao.lock";

/// The start of every scratch folder's name: `.nianbao-tmp-<pid>`.
pub const SCRATCH: &str = ".nianbao-tmp";

/// The output folder of a batch run, locked.
#[derive(Debug)]
pub struct OutDir {
    root: PathBuf,
    scratch: PathBuf,
    counter: AtomicU64,
    /// Holds the lock until the run ends.
    _lock: fs::File,
}

impl OutDir {
    /// Creates OUTDIR if needed, takes its lock (another batch writing into it is a
    /// usage error, at once), clears the scratch folders of runs that were killed
    /// (no live run has one: the lock says so) and makes this run's own.
    pub fn prepare(root: &Path) -> anyhow::Result<OutDir> {
        fs::create_dir_all(root)?;
        let lock_path = root.join(LOCK);
        let lock = fs::File::options()
            .read(true)
            .write(true)
            .create(true)
            .truncate(false)
            .open(&lock_path)?;
        let locked = match lock.try_lock() {
            Ok(()) => true,
            Err(fs::TryLockError::WouldBlock) => {
                return Err(UsageError(format!(
                    "another nianbao batch is writing into {} (it holds {}); wait for it to \
                     end or choose another OUTDIR",
                    root.display(),
                    lock_path.display()
                ))
                .into());
            }
            Err(fs::TryLockError::Error(e)) if e.kind() == io::ErrorKind::Unsupported => {
                crate::stdout::warn(&format!(
                    "nianbao: warning: {} cannot be locked on this file system; do not run \
                     two batches into it at once",
                    root.display()
                ));
                false
            }
            Err(fs::TryLockError::Error(e)) => return Err(e.into()),
        };
        // Without the lock, another run's scratch folder may be alive: left alone.
        let entries = if locked {
            fs::read_dir(root)?.flatten().collect()
        } else {
            Vec::new()
        };
        for entry in entries {
            let name = entry.file_name();
            if name.to_string_lossy().starts_with(SCRATCH) {
                match fs::remove_dir_all(entry.path()) {
                    Err(e) if e.kind() != io::ErrorKind::NotFound => return Err(e.into()),
                    _ => {}
                }
            }
        }
        let scratch = root.join(format!("{SCRATCH}-{}", std::process::id()));
        fs::create_dir(&scratch)?;
        debug_assert!(SCRATCH.starts_with(OWN_PREFIX) && LOCK.starts_with(OWN_PREFIX));
        Ok(OutDir {
            root: root.to_owned(),
            scratch,
            counter: AtomicU64::new(0),
            _lock: lock,
        })
    }

    /// The folder.
    pub fn root(&self) -> &Path {
        &self.root
    }

    /// A path in the scratch folder, unique in this run (and across runs: the
    /// process id is in the name of the folder and of the file).
    pub fn scratch_file(&self, stem: &str) -> PathBuf {
        let n = self.counter.fetch_add(1, Ordering::Relaxed);
        self.scratch
            .join(format!("{stem}-{}-{n}.tmp", std::process::id()))
    }

    /// Writes a file under OUTDIR atomically: the bytes go to a scratch file, which is
    /// then renamed over `rel`. A run killed at any moment leaves either the old file
    /// or the whole new one. The file is not synced to disk one by one (that cost 25 ms
    /// a file here, three quarters of the run): the point is a clean state after an
    /// interrupted run, not durability through a power cut; ext4 (`auto_da_alloc`)
    /// and most file systems also write the data before a rename that replaces a file.
    pub fn write_atomic(&self, rel: &Path, bytes: &[u8]) -> io::Result<PathBuf> {
        self.write_atomic_with(rel, |w| w.write_all(bytes))
    }

    /// Like [`OutDir::write_atomic`], with the bytes streamed by `fill`.
    pub fn write_atomic_with(
        &self,
        rel: &Path,
        fill: impl FnOnce(&mut BufWriter<fs::File>) -> io::Result<()>,
    ) -> io::Result<PathBuf> {
        let target = self.root.join(rel);
        if let Some(parent) = target.parent() {
            fs::create_dir_all(parent)?;
        }
        let tmp = self.scratch_file("out");
        let result = (|| {
            let mut writer = BufWriter::new(
                fs::File::options()
                    .write(true)
                    .create_new(true)
                    .open(&tmp)?,
            );
            fill(&mut writer)?;
            writer.into_inner().map_err(|e| e.into_error())?;
            fs::rename(&tmp, &target)
        })();
        if result.is_err() {
            let _ = fs::remove_file(&tmp);
        }
        result.map(|()| target)
    }

    /// Removes the scratch folder (the lock is released when `self` drops).
    pub fn finish(&self) -> io::Result<()> {
        fs::remove_dir_all(&self.scratch)
    }
}

/// The output path of a job for an extension: the input's name with the extension
/// added (`a/b.docx` → `a/b.docx.json`), so that `b.docx` and `b.txt` never collide.
pub fn with_extension(rel: &Path, ext: &str) -> PathBuf {
    let mut name = rel.as_os_str().to_owned();
    name.push(".");
    name.push(ext);
    PathBuf::from(name)
}

/// The folder of OUTDIR that holds the HTML pages (`batch --html`).
pub const HTML_DIR: &str = "html";

/// The output path of a job in a format: [`with_extension`], and for an HTML page
/// under [`HTML_DIR`] (`a/b.docx` → `html/a/b.docx.html`).
pub fn output_path(format: OutputFormat, rel: &Path) -> PathBuf {
    let path = with_extension(rel, format.extension());
    match format {
        OutputFormat::Html => Path::new(HTML_DIR).join(path),
        _ => path,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn temp_names_are_this_runs_own_and_a_second_run_is_refused() {
        let dir = std::env::temp_dir().join(format!("nianbao-outdir-{}", std::process::id()));
        let _ = fs::remove_dir_all(&dir);
        let out = OutDir::prepare(&dir).unwrap();
        let pid = std::process::id();
        let (a, b) = (out.scratch_file("out"), out.scratch_file("out"));
        assert_ne!(a, b);
        assert_eq!(a, dir.join(format!("{SCRATCH}-{pid}/out-{pid}-0.tmp")));
        // The lock is per open file: a second run (here a second open) is refused.
        let second = OutDir::prepare(&dir).unwrap_err();
        assert!(
            second.to_string().contains("another nianbao batch"),
            "{second}"
        );
        assert!(
            out.scratch.exists(),
            "the refused run did not touch the scratch"
        );
        out.finish().unwrap();
        drop(out);
        fs::remove_dir_all(&dir).unwrap();
    }

    #[test]
    fn extension_is_added() {
        assert_eq!(
            with_extension(Path::new("a/b.docx"), "json"),
            PathBuf::from("a/b.docx.json")
        );
        assert_eq!(
            output_path(OutputFormat::Html, Path::new("a/b.docx")),
            PathBuf::from("html/a/b.docx.html")
        );
    }
}
