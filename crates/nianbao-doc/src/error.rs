//! The reader's error type and its conversion into the core error.

use nianbao_core::{Error, Pos};

/// Why a .doc or .wps could not be read.
///
/// Every variant says where: the stream of the compound file and the byte offset in
/// it for a corrupt structure, the limit by the name of its
/// [`Limits`](nianbao_core::Limits) field. Convert into the core error with `?` or
/// [`From`].
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum DocError {
    /// The input is not a Word 97–2003 document; `what` says what it is.
    #[error("not a Word 97-2003 .doc: {what}")]
    NotDoc {
        /// What the input is (an Excel workbook, an older WPS file, not a compound file…).
        what: String,
    },
    /// A document of an older Word binary format (Word 6.0/95, Word 2.0).
    #[error(
        "{what}: only Word 97-2003 (and WPS files in that format) can be read; save it again as .docx"
    )]
    OldFormat {
        /// Which format it is.
        what: String,
    },
    /// The document is encrypted, obfuscated or password-protected.
    #[error("{what}")]
    Encrypted {
        /// How it is protected.
        what: String,
    },
    /// A structure of the file is corrupt or truncated.
    #[error("{stream} byte {offset}: {detail}")]
    Corrupt {
        /// The stream of the compound file (`WordDocument`, `1Table`, …).
        stream: &'static str,
        /// The byte offset in that stream.
        offset: u64,
        /// What is wrong.
        detail: String,
    },
    /// The input is over one of the [`Limits`](nianbao_core::Limits).
    #[error("{limit} is {actual}, the maximum is {max} ({stream})")]
    Limit {
        /// The name of the field of `Limits`.
        limit: &'static str,
        /// The value found, or reached when reading stopped.
        actual: u64,
        /// The limit in force.
        max: u64,
        /// The stream where it was exceeded (empty for the whole input).
        stream: &'static str,
    },
}

impl DocError {
    pub(crate) fn corrupt(stream: &'static str, offset: u64, detail: impl Into<String>) -> Self {
        DocError::Corrupt {
            stream,
            offset,
            detail: detail.into(),
        }
    }

    /// `Err` with a [`DocError::Limit`] when `actual` is over `max`.
    pub(crate) fn check_limit(
        limit: &'static str,
        actual: u64,
        max: u64,
        stream: &'static str,
    ) -> Result<(), Self> {
        if actual > max {
            Err(DocError::Limit {
                limit,
                actual,
                max,
                stream,
            })
        } else {
            Ok(())
        }
    }
}

impl From<DocError> for Error {
    fn from(err: DocError) -> Self {
        match err {
            DocError::Corrupt {
                stream,
                offset,
                detail,
            } => Error::malformed(Pos::part_offset(stream, offset), detail),
            DocError::Limit {
                limit,
                actual,
                max,
                stream,
            } => {
                let pos = if stream.is_empty() {
                    Pos::default()
                } else {
                    Pos::part_offset(stream, 0)
                };
                Error::limit(limit, actual, max, pos)
            }
            other => Error::unsupported(other.to_string()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn corrupt_keeps_stream_and_offset() {
        let err: Error = DocError::corrupt("1Table", 42, "piece table cut short").into();
        assert_eq!(err.kind(), "malformed");
        assert!(err.to_string().contains("1Table byte 42"), "{err}");
    }

    #[test]
    fn old_and_encrypted_are_unsupported_and_say_what() {
        let err: Error = DocError::OldFormat {
            what: "a Word 6.0/95 document".into(),
        }
        .into();
        assert_eq!(err.kind(), "unsupported");
        assert!(err.to_string().contains("Word 6.0/95"), "{err}");
        let err: Error = DocError::check_limit("max_part_bytes", 9, 8, "WordDocument")
            .unwrap_err()
            .into();
        assert_eq!(err.kind(), "limit_exceeded");
    }
}
