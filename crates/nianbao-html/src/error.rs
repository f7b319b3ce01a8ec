//! The errors of the HTML reader.

use nianbao_core::{Error, Pos};

/// Why an HTML page could not be read.
///
/// The HTML parser itself never fails (it repairs any markup as a browser does), so
/// what remains is input over a [`Limits`](nianbao_core::Limits) value and input
/// that is no text at all.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum HtmlError {
    /// The input is larger than `max_input_bytes`.
    #[error("the page is {actual} bytes, the maximum is {max}")]
    TooLarge {
        /// The size of the input.
        actual: u64,
        /// The limit in force.
        max: u64,
    },
    /// Elements are nested deeper than `max_depth`.
    #[error("elements are nested {actual} deep at {pos}, the maximum is {max}")]
    TooDeep {
        /// The depth reached.
        actual: u64,
        /// The limit in force.
        max: u64,
        /// The element that is too deep.
        pos: Pos,
    },
    /// The page has more nodes (elements and runs of text) than `max_nodes`.
    #[error("the page has more than {max} nodes (elements and runs of text) at {pos}")]
    TooManyNodes {
        /// The nodes parsed when the parser stopped.
        actual: u64,
        /// The limit in force.
        max: u64,
        /// Where the parser was.
        pos: Pos,
    },
    /// A table has more grid cells (rows × columns) than `max_table_cells`.
    #[error("a table at {pos} has {actual} grid cells, the maximum is {max}")]
    TooManyCells {
        /// The grid size reached.
        actual: u64,
        /// The limit in force.
        max: u64,
        /// Where the table starts.
        pos: Pos,
    },
    /// A MIME message (a web archive, `.mht`) with no `text/html` part.
    #[error("a MIME message (web archive, .mht) with no text/html part")]
    NoHtmlPart,
    /// The bytes are not text (NUL bytes in the first kilobytes): not an HTML page.
    #[error("not an HTML page: binary data at byte {offset}")]
    Binary {
        /// The offset of the first NUL byte.
        offset: u64,
    },
}

impl From<HtmlError> for Error {
    fn from(e: HtmlError) -> Error {
        match e {
            HtmlError::TooLarge { actual, max } => {
                Error::limit("max_input_bytes", actual, max, Pos::default())
            }
            HtmlError::TooDeep { actual, max, pos } => Error::limit("max_depth", actual, max, pos),
            HtmlError::TooManyNodes { actual, max, pos } => {
                Error::limit("max_nodes", actual, max, pos)
            }
            HtmlError::TooManyCells { actual, max, pos } => {
                Error::limit("max_table_cells", actual, max, pos)
            }
            HtmlError::NoHtmlPart => Error::unsupported_because(
                nianbao_core::UnsupportedReason::OtherFormat,
                "a MIME message (web archive, .mht) with no text/html part: no page to read",
            ),
            HtmlError::Binary { offset } => Error::unsupported_because(
                nianbao_core::UnsupportedReason::OtherFormat,
                format!("binary data, not an HTML page (NUL byte at byte {offset})"),
            ),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn converts_by_fault() {
        let e: Error = HtmlError::TooLarge { actual: 10, max: 5 }.into();
        assert_eq!(e.kind(), "limit_exceeded");
        let e: Error = HtmlError::TooDeep {
            actual: 300,
            max: 256,
            pos: Pos::line(7),
        }
        .into();
        assert!(e.to_string().contains("line 7"), "{e}");
        let e: Error = HtmlError::Binary { offset: 3 }.into();
        assert_eq!(e.kind(), "unsupported");
    }
}
