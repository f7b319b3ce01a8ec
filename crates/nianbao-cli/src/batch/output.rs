//! The output folder: atomic writes through a scratch folder inside it, and the
//! up-to-date test of `--resume`.

use std::fs;
use std::io::{self, BufWriter, Write};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::SystemTime;

/// The scratch folder under OUTDIR. Temporary files are written there and renamed
/// into place (same file system, so the rename is atomic); it is removed at the
/// start of every run, which clears what a killed run left, and at the end.
pub const SCRATCH: &str = ".nianbao-tmp";

/// The output folder of a batch run.
#[derive(Debug)]
pub struct OutDir {
    root: PathBuf,
    scratch: PathBuf,
    counter: AtomicU64,
}

impl OutDir {
    /// Creates OUTDIR if needed and a fresh scratch folder in it.
    pub fn prepare(root: &Path) -> io::Result<OutDir> {
        fs::create_dir_all(root)?;
        let scratch = root.join(SCRATCH);
        match fs::remove_dir_all(&scratch) {
            Err(e) if e.kind() != io::ErrorKind::NotFound => return Err(e),
            _ => {}
        }
        fs::create_dir_all(&scratch)?;
        Ok(OutDir {
            root: root.to_owned(),
            scratch,
            counter: AtomicU64::new(0),
        })
    }

    /// The folder.
    pub fn root(&self) -> &Path {
        &self.root
    }

    /// A path in the scratch folder, unique in this run.
    pub fn scratch_file(&self, stem: &str) -> PathBuf {
        let n = self.counter.fetch_add(1, Ordering::Relaxed);
        self.scratch.join(format!("{stem}-{n}.tmp"))
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
            let mut writer = BufWriter::new(fs::File::create(&tmp)?);
            fill(&mut writer)?;
            writer.into_inner().map_err(|e| e.into_error())?;
            fs::rename(&tmp, &target)
        })();
        if result.is_err() {
            let _ = fs::remove_file(&tmp);
        }
        result.map(|()| target)
    }

    /// Removes the scratch folder.
    pub fn finish(self) -> io::Result<()> {
        fs::remove_dir_all(&self.scratch)
    }
}

/// Whether an output exists and was written after the input last changed.
pub fn is_up_to_date(output: &Path, input_modified: Option<SystemTime>) -> bool {
    let Some(input) = input_modified else {
        return false;
    };
    fs::metadata(output)
        .and_then(|m| m.modified())
        .is_ok_and(|out| out > input)
}

/// The output path of a job for an extension: the input's name with the extension
/// added (`a/b.docx` → `a/b.docx.json`), so that `b.docx` and `b.txt` never collide.
pub fn with_extension(rel: &Path, ext: &str) -> PathBuf {
    let mut name = rel.as_os_str().to_owned();
    name.push(".");
    name.push(ext);
    PathBuf::from(name)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn extension_is_added() {
        assert_eq!(
            with_extension(Path::new("a/b.docx"), "json"),
            PathBuf::from("a/b.docx.json")
        );
    }
}
