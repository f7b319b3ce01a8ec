//! Writing a file atomically: the bytes go to a temporary file beside the target,
//! named uniquely for this process, which is then renamed into place. A write error
//! (disk full) leaves the previous file whole.

use std::fs;
use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};

static COUNTER: AtomicU64 = AtomicU64::new(0);

/// A temporary path beside `target`, unique to this process and call.
fn temp_beside(target: &Path) -> PathBuf {
    let n = COUNTER.fetch_add(1, Ordering::Relaxed);
    let name = target
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    target.with_file_name(format!(".{name}.nianbao-{}-{n}.tmp", std::process::id()))
}

/// Writes `bytes` to `target` atomically. Without `replace`, a file that appeared at
/// `target` meanwhile is not replaced (`AlreadyExists`).
pub fn write(target: &Path, bytes: &[u8], replace: bool) -> io::Result<()> {
    let tmp = temp_beside(target);
    let result = (|| {
        let mut file = fs::File::options()
            .write(true)
            .create_new(true)
            .open(&tmp)?;
        file.write_all(bytes)?;
        file.sync_all()?;
        drop(file);
        if replace {
            return fs::rename(&tmp, target);
        }
        // A hard link fails if the target exists: no window in which another file
        // could be replaced. File systems without hard links get a plain rename.
        match fs::hard_link(&tmp, target) {
            Ok(()) => fs::remove_file(&tmp),
            Err(e) if e.kind() == io::ErrorKind::AlreadyExists => Err(e),
            Err(_) => fs::rename(&tmp, target),
        }
    })();
    if result.is_err() {
        let _ = fs::remove_file(&tmp);
    }
    result
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn writes_replaces_only_when_asked_and_leaves_no_temporary() {
        let dir = std::env::temp_dir().join(format!("nianbao-atomic-{}", std::process::id()));
        let _ = fs::remove_dir_all(&dir);
        fs::create_dir_all(&dir).unwrap();
        let target = dir.join("out.json");
        write(&target, b"one", false).unwrap();
        let err = write(&target, b"two", false).unwrap_err();
        assert_eq!(err.kind(), io::ErrorKind::AlreadyExists);
        assert_eq!(fs::read(&target).unwrap(), b"one");
        write(&target, b"three", true).unwrap();
        assert_eq!(fs::read(&target).unwrap(), b"three");
        let names: Vec<_> = fs::read_dir(&dir)
            .unwrap()
            .map(|e| e.unwrap().file_name())
            .collect();
        assert_eq!(names, ["out.json"]);
        fs::remove_dir_all(&dir).unwrap();
    }
}
