//! Errors of reading JSON back.

/// What is wrong with a JSON document that should be nianbao's output.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum JsonError {
    /// Not JSON at all, or not of the right shape.
    #[error("invalid JSON at line {line}, column {column}: {message}")]
    Syntax {
        /// 1-based line.
        line: usize,
        /// 1-based column.
        column: usize,
        /// What the parser said.
        message: String,
    },
    /// JSON, but a field is missing or of the wrong kind.
    #[error("at {path}: {message}")]
    Shape {
        /// The JSON path of the field (`report.layout.applications.rows[3]`).
        path: String,
        /// What is wrong.
        message: String,
    },
    /// A major version this library does not read.
    #[error("schema_version {found} is not readable by this version (reads {supported}.x)")]
    Version {
        /// The version in the document.
        found: String,
        /// The major version read.
        supported: String,
    },
    /// The writer given to [`to_writer`](crate::to_writer) failed.
    #[error("writing JSON failed: {0}")]
    Io(#[source] std::io::Error),
}

impl JsonError {
    pub(crate) fn shape(path: impl Into<String>, message: impl Into<String>) -> Self {
        JsonError::Shape {
            path: path.into(),
            message: message.into(),
        }
    }
}

impl JsonError {
    /// An error of writing: the writer's own error when there is one.
    pub(crate) fn write(e: serde_json::Error) -> Self {
        match e.io_error_kind() {
            Some(_) => JsonError::Io(std::io::Error::from(e)),
            None => JsonError::Io(std::io::Error::other(e)),
        }
    }
}

impl From<serde_json::Error> for JsonError {
    fn from(e: serde_json::Error) -> Self {
        JsonError::Syntax {
            line: e.line(),
            column: e.column(),
            message: e.to_string(),
        }
    }
}

impl From<JsonError> for nianbao_core::Error {
    fn from(e: JsonError) -> Self {
        let pos = match &e {
            JsonError::Syntax { line, column, .. } => {
                let mut pos = nianbao_core::Pos::default();
                pos.line = u32::try_from(*line).ok();
                pos.column = u32::try_from(*column).ok();
                pos
            }
            _ => nianbao_core::Pos::default(),
        };
        nianbao_core::Error::malformed(pos, e.to_string())
    }
}
