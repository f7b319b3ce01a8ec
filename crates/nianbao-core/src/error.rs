//! The error type every reader converts its own errors into.

use crate::Pos;

/// What went wrong reading a source, grouped by who is at fault.
///
/// Every variant names the file (when the caller gave one, see [`Error::with_file`])
/// and, where it can, the place in it.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// The input is broken: a corrupt zip, malformed XML, undecodable text.
    #[error("{file}: malformed input at {pos}: {detail}")]
    Malformed {
        /// The file, or `<input>` when none was named.
        file: String,
        /// Where in the file.
        pos: Pos,
        /// What is wrong.
        detail: String,
    },
    /// The input is of a kind we do not read (a .doc, an .xlsx, an encrypted file…).
    #[error("{file}: unsupported input: {what}")]
    Unsupported {
        /// The file, or `<input>` when none was named.
        file: String,
        /// Why, as a value to match on.
        reason: UnsupportedReason,
        /// What the input really is, or what feature it needs, for people.
        what: String,
    },
    /// The input is over one of the [`Limits`](crate::Limits).
    #[error("{file}: limit exceeded: {limit} is {actual}, the maximum is {max} (at {pos})")]
    LimitExceeded {
        /// The file, or `<input>` when none was named.
        file: String,
        /// The name of the limit (a field of [`Limits`](crate::Limits)).
        limit: &'static str,
        /// The value found (or reached when reading stopped).
        actual: u64,
        /// The limit in force.
        max: u64,
        /// Where in the file.
        pos: Pos,
    },
    /// The input reads, but nothing of a report is in it: no section heading and
    /// none of the three tables (a news article, an error page, a novel). A report
    /// before 2019 still has its sections and is not this error.
    #[error("{file}: no report found: {reason}")]
    NoReport {
        /// The file, or `<input>` when none was named.
        file: String,
        /// What was looked for and not found.
        reason: String,
    },
    /// Writing an output failed (the .docx writer's errors convert into this).
    #[error("{file}: cannot write: {detail}")]
    Write {
        /// The output's file, or `<input>` when none was named.
        file: String,
        /// Where in the report the fault is, when it is one place
        /// (`section overview, paragraph 3`).
        place: Option<String>,
        /// What went wrong.
        detail: String,
    },
    /// Reading the file failed.
    #[error("{file}: {source}")]
    Io {
        /// The file.
        file: String,
        /// The I/O error.
        #[source]
        source: std::io::Error,
    },
}

/// Why an input is [`Error::Unsupported`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum UnsupportedReason {
    /// An encrypted or password-protected document.
    Encrypted,
    /// A Word 97–2003 binary document (.doc, or a WPS .wps in that format): save it as
    /// .docx.
    LegacyWord,
    /// A file of another kind (a spreadsheet, a presentation, an image, a PDF…).
    OtherFormat,
    /// A feature of the format that the reader cannot decode (a compression method…).
    UnsupportedFeature,
    /// A scanned document: page images with no text layer, which need OCR first.
    Scanned,
    /// This build of nianbao lacks the cargo feature the input needs.
    FeatureDisabled,
    /// Anything else.
    Other,
}

/// The placeholder file name used until [`Error::with_file`] names the file.
pub const UNNAMED: &str = "<input>";

impl Error {
    /// A malformed-input error in an unnamed input.
    pub fn malformed(pos: Pos, detail: impl Into<String>) -> Self {
        Error::Malformed {
            file: UNNAMED.to_owned(),
            pos,
            detail: detail.into(),
        }
    }

    /// An unsupported-input error in an unnamed input, for no reason more precise than
    /// [`UnsupportedReason::Other`].
    pub fn unsupported(what: impl Into<String>) -> Self {
        Error::unsupported_because(UnsupportedReason::Other, what)
    }

    /// An unsupported-input error in an unnamed input, with its reason.
    pub fn unsupported_because(reason: UnsupportedReason, what: impl Into<String>) -> Self {
        Error::Unsupported {
            file: UNNAMED.to_owned(),
            reason,
            what: what.into(),
        }
    }

    /// Why the input is unsupported, when the error says it is.
    pub fn unsupported_reason(&self) -> Option<UnsupportedReason> {
        match self {
            Error::Unsupported { reason, .. } => Some(*reason),
            _ => None,
        }
    }

    /// A limit error in an unnamed input.
    pub fn limit(limit: &'static str, actual: u64, max: u64, pos: Pos) -> Self {
        Error::LimitExceeded {
            file: UNNAMED.to_owned(),
            limit,
            actual,
            max,
            pos,
        }
    }

    /// Names the file the error happened in (replacing a previous name).
    pub fn with_file(mut self, name: impl Into<String>) -> Self {
        let name = name.into();
        match &mut self {
            Error::Malformed { file, .. }
            | Error::Unsupported { file, .. }
            | Error::LimitExceeded { file, .. }
            | Error::NoReport { file, .. }
            | Error::Write { file, .. }
            | Error::Io { file, .. } => *file = name,
        }
        self
    }

    /// The file the error names.
    pub fn file(&self) -> &str {
        match self {
            Error::Malformed { file, .. }
            | Error::Unsupported { file, .. }
            | Error::LimitExceeded { file, .. }
            | Error::NoReport { file, .. }
            | Error::Write { file, .. }
            | Error::Io { file, .. } => file,
        }
    }

    /// A short stable name of the kind of error: `malformed`, `unsupported`,
    /// `limit_exceeded`, `no_report`, `write` or `io`.
    pub fn kind(&self) -> &'static str {
        match self {
            Error::Malformed { .. } => "malformed",
            Error::Unsupported { .. } => "unsupported",
            Error::LimitExceeded { .. } => "limit_exceeded",
            Error::NoReport { .. } => "no_report",
            Error::Write { .. } => "write",
            Error::Io { .. } => "io",
        }
    }
}
