//! The errors of the PDF reader.

use nianbao_core::{Error, Pos, UnsupportedReason};

/// Why a PDF could not be read.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum PdfError {
    /// The file is not a PDF, or its object structure cannot be read even after repair.
    #[error("not a readable PDF: {0}")]
    Malformed(String),
    /// The document is encrypted with a password we do not have.
    #[error("the PDF is encrypted")]
    Encrypted,
    /// Pages are images without a text layer: the report needs OCR first.
    #[error("scanned: needs OCR (pages {})", pages_list(.pages))]
    Scanned {
        /// The 1-based pages that are images without text.
        pages: Vec<u32>,
    },
    /// The input is over one of the limits.
    #[error("{limit} is {actual}, the maximum is {max} (at {pos})")]
    Limit {
        /// The limit's name (a field of [`PdfLimits`](crate::PdfLimits)).
        limit: &'static str,
        /// The value found, or reached when reading stopped.
        actual: u64,
        /// The limit in force.
        max: u64,
        /// Where: the page (as a part name `page N`) and byte offset, when known.
        pos: Pos,
    },
}

fn pages_list(pages: &[u32]) -> String {
    let shown: Vec<String> = pages.iter().take(20).map(u32::to_string).collect();
    let more = if pages.len() > 20 { ", …" } else { "" };
    format!("{}{more}", shown.join(", "))
}

impl PdfError {
    /// A limit error at an unknown place.
    pub(crate) fn limit(limit: &'static str, actual: u64, max: u64) -> Self {
        PdfError::Limit {
            limit,
            actual,
            max,
            pos: Pos::default(),
        }
    }

    /// The same error placed at `pos` when it has no place yet.
    pub(crate) fn at(self, at: &Pos) -> Self {
        match self {
            PdfError::Limit {
                limit,
                actual,
                max,
                pos,
            } if pos.is_unknown() => PdfError::Limit {
                limit,
                actual,
                max,
                pos: at.clone(),
            },
            other => other,
        }
    }
}

impl From<PdfError> for Error {
    fn from(e: PdfError) -> Error {
        match e {
            PdfError::Malformed(detail) => Error::malformed(Pos::default(), detail),
            PdfError::Encrypted => {
                Error::unsupported_because(UnsupportedReason::Encrypted, "an encrypted PDF")
            }
            e @ PdfError::Scanned { .. } => {
                Error::unsupported_because(UnsupportedReason::Scanned, e.to_string())
            }
            PdfError::Limit {
                limit,
                actual,
                max,
                pos,
            } => Error::limit(limit, actual, max, pos),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn converts_by_fault() {
        let e: Error = PdfError::Scanned { pages: vec![1, 3] }.into();
        assert_eq!(e.kind(), "unsupported");
        assert!(
            e.to_string().contains("scanned: needs OCR (pages 1, 3)"),
            "{e}"
        );
        let e: Error = PdfError::limit("max_pages", 9, 5).into();
        assert_eq!(e.kind(), "limit_exceeded");
    }
}
