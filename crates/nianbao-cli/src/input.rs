//! Reading one input of `convert` or `check` (a file, or `-` for stdin) within the
//! limits, and telling a converted report from a skipped input and a failure.

use std::io::{self, Read};
use std::path::Path;

use nianbao::{Analysis, Error};

/// The name shown for stdin.
pub const STDIN: &str = "<stdin>";

/// What became of an input.
#[derive(Debug)]
pub enum Done {
    /// A report, read and checked.
    Converted(Box<Analysis>),
    /// Read, but no report is in it (`Error::NoReport`): skipped, not a failure.
    Skipped(Error),
    /// Not read: the error names the file.
    Failed(Error),
}

impl Done {
    /// Sorts a result of the library.
    pub fn of(result: Result<Analysis, Error>) -> Done {
        match result {
            Ok(analysis) => Done::Converted(Box::new(analysis)),
            Err(e @ Error::NoReport { .. }) => Done::Skipped(e),
            Err(e) => Done::Failed(e),
        }
    }
}

/// Whether a path names stdin.
pub fn is_stdin(path: &Path) -> bool {
    path.as_os_str() == "-"
}

/// Reads, recognizes and checks an input: `-` is stdin (the format told from the
/// content), anything else a file (its extension first). At most
/// `max_input_bytes + 1` bytes are read, whatever the file is (a FIFO or a device
/// reports no size).
pub fn read(path: &Path, options: &nianbao::Options) -> Done {
    Done::of(read_result(path, options))
}

fn read_result(path: &Path, options: &nianbao::Options) -> Result<Analysis, Error> {
    let max = options.limits.max_input_bytes;
    if is_stdin(path) {
        let bytes = read_bounded(io::stdin().lock(), max, STDIN)?;
        return nianbao::read_bytes(&bytes, None, options).map_err(|e| e.with_file(STDIN));
    }
    let name = path.display().to_string();
    let io_error = |source| Error::Io {
        file: name.clone(),
        source,
    };
    let file = std::fs::File::open(path).map_err(io_error)?;
    let meta = file.metadata().map_err(io_error)?;
    if meta.is_dir() {
        return Err(io_error(io::Error::other("a folder, not a file")));
    }
    if meta.is_file() && meta.len() > max {
        return Err(
            Error::limit("max_input_bytes", meta.len(), max, Default::default()).with_file(name),
        );
    }
    let bytes = read_bounded(file, max, &name)?;
    nianbao::read_bytes(&bytes, Some(&name), options)
}

/// Reads at most `max + 1` bytes; more than `max` is a `max_input_bytes` error.
pub fn read_bounded(reader: impl Read, max: u64, name: &str) -> Result<Vec<u8>, Error> {
    let mut bytes = Vec::new();
    reader
        .take(max.saturating_add(1))
        .read_to_end(&mut bytes)
        .map_err(|source| Error::Io {
            file: name.to_owned(),
            source,
        })?;
    let len = u64::try_from(bytes.len()).unwrap_or(u64::MAX);
    if len > max {
        return Err(Error::limit("max_input_bytes", len, max, Default::default()).with_file(name));
    }
    Ok(bytes)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reading_stops_one_byte_past_the_limit() {
        // An endless reader (like /dev/zero) is cut at max + 1 bytes.
        let endless = io::repeat(b'1');
        let err = read_bounded(endless, 1000, "zero").unwrap_err();
        assert!(
            matches!(
                err,
                Error::LimitExceeded {
                    actual: 1001,
                    max: 1000,
                    ..
                }
            ),
            "{err}"
        );
        assert_eq!(read_bounded(&b"abc"[..], 3, "x").unwrap(), b"abc");
    }
}
