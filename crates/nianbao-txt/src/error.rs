//! The error type of the text reader.

use nianbao_core::Pos;

/// What stops the text reader: input it cannot decode, or input over a limit.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum TxtError {
    /// The bytes are no text in any encoding the reader knows (binary data, or text
    /// too damaged to read).
    #[error("undecodable text at line {line} (byte {offset}): {detail}")]
    Undecodable {
        /// The 1-based line of the first byte that could not be decoded.
        line: u32,
        /// The byte offset of that byte in the input.
        offset: u64,
        /// What is wrong.
        detail: String,
    },
    /// The input is over one of the [`nianbao_core::Limits`].
    #[error("limit exceeded: {limit} is {actual}, the maximum is {max} (line {line})")]
    LimitExceeded {
        /// The name of the field of [`nianbao_core::Limits`] (`max_input_bytes`, `max_line_bytes`, `max_table_cells`).
        limit: &'static str,
        /// The value found (or reached when reading stopped).
        actual: u64,
        /// The limit in force.
        max: u64,
        /// The 1-based line where the limit was hit (1 for the whole input).
        line: u32,
    },
}

impl From<TxtError> for nianbao_core::Error {
    fn from(e: TxtError) -> Self {
        match e {
            TxtError::Undecodable {
                line,
                offset,
                detail,
            } => {
                let mut pos = Pos::line(line);
                pos.offset = Some(offset);
                nianbao_core::Error::malformed(pos, detail)
            }
            TxtError::LimitExceeded {
                limit,
                actual,
                max,
                line,
            } => nianbao_core::Error::limit(limit, actual, max, Pos::line(line)),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn converts_to_core_errors_with_positions() {
        let e: nianbao_core::Error = TxtError::Undecodable {
            line: 3,
            offset: 17,
            detail: "binary".into(),
        }
        .into();
        assert_eq!(e.kind(), "malformed");
        assert!(e.to_string().contains("line 3"), "{e}");
        let e: nianbao_core::Error = TxtError::LimitExceeded {
            limit: "max_line_bytes",
            actual: 10,
            max: 5,
            line: 2,
        }
        .into();
        assert_eq!(e.kind(), "limit_exceeded");
        assert!(e.to_string().contains("max_line_bytes"), "{e}");
    }
}
