//! Comparing paths as the file system sees them: the same file under two names,
//! one folder inside another, for paths that may not exist yet.

use std::fs;
use std::path::{Component, Path, PathBuf};

/// Refuses an output path before any work: a folder, one of the inputs (its output
/// would replace it), a file that exists (unless `force`). `flag` names the option
/// that chose the path (`-o`, `--html`).
///
/// # Errors
///
/// A [`UsageError`](crate::UsageError) saying which.
pub fn refuse_target(
    target: &Path,
    inputs: &[PathBuf],
    force: bool,
    flag: &str,
) -> Result<(), crate::UsageError> {
    if let Some(input) = inputs.iter().find(|f| same_file(f, target)) {
        return Err(crate::UsageError(format!(
            "{flag} {}: that is the input {}; its output would replace it",
            target.display(),
            input.display()
        )));
    }
    if target.is_dir() {
        return Err(crate::UsageError(format!(
            "{} is a folder",
            target.display()
        )));
    }
    if target.exists() && !force {
        return Err(crate::UsageError(format!(
            "{} exists; choose another name, or --force to replace it",
            target.display()
        )));
    }
    Ok(())
}

/// Whether two paths name the same existing file (device and inode on Unix).
pub fn same_file(a: &Path, b: &Path) -> bool {
    let (Ok(ma), Ok(mb)) = (fs::metadata(a), fs::metadata(b)) else {
        return false;
    };
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        ma.dev() == mb.dev() && ma.ino() == mb.ino()
    }
    #[cfg(not(unix))]
    {
        let _ = (ma, mb);
        fs::canonicalize(a).ok() == fs::canonicalize(b).ok()
    }
}

/// The identity of an existing file: device and inode on Unix, else its canonical path.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub enum FileId {
    /// Device and inode.
    Inode(u64, u64),
    /// The canonical path.
    #[cfg(not(unix))]
    Path(PathBuf),
}

/// The identity of a file from its metadata (and path where no inode is known).
pub fn file_id(path: &Path, meta: &fs::Metadata) -> FileId {
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        let _ = path;
        FileId::Inode(meta.dev(), meta.ino())
    }
    #[cfg(not(unix))]
    {
        let _ = meta;
        FileId::Path(fs::canonicalize(path).unwrap_or_else(|_| path.to_owned()))
    }
}

/// The absolute, symlink-free form of a path that may not exist yet: its longest
/// existing ancestor canonicalized, the rest appended (`..` resolved by name).
pub fn canonical_lenient(path: &Path) -> PathBuf {
    let absolute = if path.is_absolute() {
        path.to_owned()
    } else {
        std::env::current_dir()
            .map(|d| d.join(path))
            .unwrap_or_else(|_| path.to_owned())
    };
    let mut existing = absolute.as_path();
    let mut rest = Vec::new();
    loop {
        if let Ok(canon) = fs::canonicalize(existing) {
            let mut out = canon;
            for part in rest.iter().rev() {
                match part {
                    Component::ParentDir => {
                        out.pop();
                    }
                    Component::Normal(p) => out.push(p),
                    _ => {}
                }
            }
            return out;
        }
        match (existing.parent(), existing.components().next_back()) {
            (Some(parent), Some(last)) => {
                rest.push(last);
                existing = parent;
            }
            _ => return absolute,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn missing_paths_resolve_through_their_existing_ancestor() {
        let dir = fs::canonicalize(std::env::temp_dir()).unwrap();
        let missing = dir.join("nianbao-no-such/a/../b");
        assert_eq!(canonical_lenient(&missing), dir.join("nianbao-no-such/b"));
        assert_eq!(canonical_lenient(&dir), dir);
    }
}
