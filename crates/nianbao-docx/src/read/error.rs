//! The reader's error type and its conversion into the core error.

use nianbao_core::{Error, Pos, UnsupportedReason};

/// Why a .docx could not be read.
///
/// Every variant says where: the OOXML part and byte offset for XML faults, the limit
/// by the name of its [`Limits`](nianbao_core::Limits) field. Convert into the core
/// error with `?` or [`From`].
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum DocxError {
    /// The zip container is corrupt or truncated.
    #[error("corrupt zip container: {detail}")]
    Zip {
        /// What the zip layer reported.
        detail: String,
    },
    /// A part is not well-formed XML (or not UTF-8/UTF-16 text).
    #[error("{part} byte {offset}: {detail}")]
    Xml {
        /// The part, e.g. `word/document.xml`.
        part: String,
        /// The byte offset in the (uncompressed) part.
        offset: u64,
        /// What is wrong.
        detail: String,
    },
    /// A part the package names is missing or unreadable.
    #[error("missing part {part}: {detail}")]
    MissingPart {
        /// The part that was looked for.
        part: String,
        /// Why it was looked for, or what failed.
        detail: String,
    },
    /// The input is not a .docx; `what` says what it really is.
    #[error("not a .docx: {what}")]
    NotDocx {
        /// What the input is (a Word 97–2003 .doc, an .xlsx workbook, …).
        what: String,
    },
    /// The document is encrypted or password-protected.
    #[error("{what}")]
    Encrypted {
        /// How it is protected.
        what: String,
    },
    /// The package uses a feature this reader cannot decode (e.g. a compression method).
    #[error("unsupported feature in {part}: {detail}")]
    UnsupportedFeature {
        /// The part concerned.
        part: String,
        /// The feature.
        detail: String,
    },
    /// The input is over one of the [`Limits`](nianbao_core::Limits).
    #[error("{limit} is {actual}, the maximum is {max} ({part} byte {offset})")]
    Limit {
        /// The name of the field of `Limits`.
        limit: &'static str,
        /// The value found, or reached when reading stopped.
        actual: u64,
        /// The limit in force.
        max: u64,
        /// The part where it was exceeded (empty for the whole input).
        part: String,
        /// The byte offset in that part (0 when not applicable).
        offset: u64,
    },
}

impl DocxError {
    pub(crate) fn xml(part: &str, offset: u64, detail: impl Into<String>) -> Self {
        DocxError::Xml {
            part: part.to_owned(),
            offset,
            detail: detail.into(),
        }
    }

    /// `Err` with [`DocxError::limit`] when `actual` is over `max`.
    pub(crate) fn check_limit(
        limit: &'static str,
        actual: u64,
        max: u64,
        part: &str,
    ) -> Result<(), Self> {
        if actual > max {
            Err(DocxError::limit(limit, actual, max, part, 0))
        } else {
            Ok(())
        }
    }

    pub(crate) fn limit(
        limit: &'static str,
        actual: u64,
        max: u64,
        part: &str,
        offset: u64,
    ) -> Self {
        DocxError::Limit {
            limit,
            actual,
            max,
            part: part.to_owned(),
            offset,
        }
    }

    pub(crate) fn zip(err: &zip::result::ZipError) -> Self {
        DocxError::Zip {
            detail: err.to_string(),
        }
    }
}

impl From<DocxError> for Error {
    fn from(err: DocxError) -> Self {
        match err {
            DocxError::Zip { detail } => {
                Error::malformed(Pos::default(), format!("corrupt zip container: {detail}"))
            }
            DocxError::Xml {
                part,
                offset,
                detail,
            } => Error::malformed(Pos::part_offset(part, offset), detail),
            DocxError::MissingPart { part, detail } => {
                let msg = format!("missing part {part}: {detail}");
                Error::malformed(Pos::part_offset(part, 0), msg)
            }
            DocxError::NotDocx { what } => {
                // The sniffer names a Word 97-2003 or Works document so (sniff.rs).
                let reason = if what.contains("Word 97-2003") || what.contains("Works document") {
                    UnsupportedReason::LegacyWord
                } else {
                    UnsupportedReason::OtherFormat
                };
                Error::unsupported_because(reason, what)
            }
            DocxError::Encrypted { what } => {
                Error::unsupported_because(UnsupportedReason::Encrypted, what)
            }
            DocxError::UnsupportedFeature { part, detail } => Error::unsupported_because(
                UnsupportedReason::UnsupportedFeature,
                format!("{detail} (in {part})"),
            ),
            DocxError::Limit {
                limit,
                actual,
                max,
                part,
                offset,
            } => {
                let pos = if part.is_empty() {
                    Pos::default()
                } else {
                    Pos::part_offset(part, offset)
                };
                Error::limit(limit, actual, max, pos)
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn xml_error_keeps_part_and_offset() {
        let err: Error = DocxError::xml("word/document.xml", 1234, "mismatched end tag").into();
        match err {
            Error::Malformed { pos, detail, .. } => {
                assert_eq!(pos, Pos::part_offset("word/document.xml", 1234));
                assert_eq!(detail, "mismatched end tag");
            }
            other => panic!("unexpected {other:?}"),
        }
    }

    #[test]
    fn limit_error_names_the_field() {
        let err: Error = DocxError::limit("max_depth", 257, 256, "word/document.xml", 99).into();
        assert_eq!(err.kind(), "limit_exceeded");
        assert!(err.to_string().contains("max_depth"), "{err}");
        assert!(
            err.to_string().contains("word/document.xml byte 99"),
            "{err}"
        );
    }

    #[test]
    fn not_docx_is_unsupported() {
        let err: Error = DocxError::NotDocx {
            what: "a Word 97-2003 .doc".into(),
        }
        .into();
        assert_eq!(err.kind(), "unsupported");
        assert_eq!(
            err.unsupported_reason(),
            Some(UnsupportedReason::LegacyWord)
        );
        let encrypted: Error = DocxError::Encrypted {
            what: "an encrypted Office document".into(),
        }
        .into();
        assert_eq!(
            encrypted.unsupported_reason(),
            Some(UnsupportedReason::Encrypted)
        );
    }

    /// The reasons come from what the sniffer says of real files.
    #[test]
    fn sniffed_files_keep_their_reason() {
        let ole = |stream: &str| {
            let mut bytes = vec![0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];
            bytes.resize(512, 0);
            bytes.extend(stream.encode_utf16().flat_map(u16::to_le_bytes));
            bytes.resize(1024, 0);
            bytes
        };
        let reason = |bytes: &[u8]| {
            Error::from(crate::read(bytes, &nianbao_core::Limits::default()).unwrap_err())
                .unsupported_reason()
        };
        assert_eq!(
            reason(&ole("WordDocument")),
            Some(UnsupportedReason::LegacyWord)
        );
        assert_eq!(reason(&ole("MatOST")), Some(UnsupportedReason::LegacyWord));
        assert_eq!(
            reason(&ole("EncryptedPackage")),
            Some(UnsupportedReason::Encrypted)
        );
        assert_eq!(
            reason(&ole("Workbook")),
            Some(UnsupportedReason::OtherFormat)
        );
    }
}
