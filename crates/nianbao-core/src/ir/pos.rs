//! Source positions.

use std::fmt;
use std::sync::Arc;

/// Where something is in the source: a line (and column) for text, a part name and
/// byte offset for XML inside a package. Every field is optional; an empty `Pos`
/// means "unknown".
#[derive(Debug, Clone, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
#[cfg_attr(
    feature = "json",
    derive(serde::Serialize, serde::Deserialize, schemars::JsonSchema)
)]
#[non_exhaustive]
pub struct Pos {
    // Shared: every position in one part holds the same name; cloning allocates nothing.
    /// The part of a package (`word/document.xml`), if the source has parts.
    #[cfg_attr(
        feature = "json",
        serde(default, skip_serializing_if = "Option::is_none")
    )]
    pub part: Option<Arc<str>>,
    /// The byte offset in the part or file.
    #[cfg_attr(
        feature = "json",
        serde(default, skip_serializing_if = "Option::is_none")
    )]
    pub offset: Option<u64>,
    /// The 1-based line in a text source.
    #[cfg_attr(
        feature = "json",
        serde(default, skip_serializing_if = "Option::is_none")
    )]
    pub line: Option<u32>,
    /// The 1-based column (in characters) on that line.
    #[cfg_attr(
        feature = "json",
        serde(default, skip_serializing_if = "Option::is_none")
    )]
    pub column: Option<u32>,
}

/// `#[non_exhaustive]`: build a position with [`Pos::line`], [`Pos::part_offset`] or
/// `Pos::default()`, and [`Pos::with_column`].
///
/// ```
/// use nianbao_core::Pos;
/// let pos = Pos::line(12).with_column(3);
/// assert_eq!(pos.to_string(), "line 12:3");
/// assert_eq!(Pos::part_offset("word/document.xml", 40).to_string(), "word/document.xml byte 40");
/// ```
impl Pos {
    /// A position on a 1-based line of a text source.
    pub fn line(line: u32) -> Self {
        Pos {
            line: Some(line),
            ..Pos::default()
        }
    }

    /// A byte offset inside a part of a package. Pass an `Arc<str>` to share the name
    /// among many positions (a `&str` or `String` is copied into a new one).
    pub fn part_offset(part: impl Into<Arc<str>>, offset: u64) -> Self {
        Pos {
            part: Some(part.into()),
            offset: Some(offset),
            ..Pos::default()
        }
    }

    /// The same position with a 1-based column (in characters) on its line.
    pub fn with_column(mut self, column: u32) -> Self {
        self.column = Some(column);
        self
    }

    /// Whether nothing is known.
    pub fn is_unknown(&self) -> bool {
        self.part.is_none() && self.offset.is_none() && self.line.is_none()
    }
}

impl fmt::Display for Pos {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut sep = "";
        if let Some(part) = &self.part {
            write!(f, "{part}")?;
            sep = " ";
        }
        if let Some(offset) = self.offset {
            write!(f, "{sep}byte {offset}")?;
            sep = " ";
        }
        if let Some(line) = self.line {
            write!(f, "{sep}line {line}")?;
            if let Some(col) = self.column {
                write!(f, ":{col}")?;
            }
            sep = " ";
        }
        if sep.is_empty() {
            write!(f, "unknown position")?;
        }
        Ok(())
    }
}
