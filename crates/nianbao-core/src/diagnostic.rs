//! Diagnostics: what a reader or the recognizer had to guess or could not use.

use crate::Pos;

/// How much a diagnostic matters.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
#[cfg_attr(
    feature = "json",
    derive(serde::Serialize, serde::Deserialize, schemars::JsonSchema)
)]
#[cfg_attr(feature = "json", serde(rename_all = "snake_case"))]
#[non_exhaustive]
pub enum Severity {
    /// Worth knowing; the result is as the source says.
    Info,
    /// A guess was made, or something was left out; check the result.
    Warning,
}

/// Something a reader or the recognizer noticed, with a stable code and a place.
///
/// Codes are dotted and stable (`section.missing`, `row.unknown`, …); the message is for
/// people and may change.
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(
    feature = "json",
    derive(serde::Serialize, serde::Deserialize, schemars::JsonSchema)
)]
#[non_exhaustive]
pub struct Diagnostic {
    /// The stable code, see [`codes`].
    pub code: String,
    /// How much it matters.
    pub severity: Severity,
    /// A sentence for people.
    pub message: String,
    /// Where in the source, when known.
    #[cfg_attr(
        feature = "json",
        serde(default, skip_serializing_if = "Option::is_none")
    )]
    pub pos: Option<Pos>,
}

/// `#[non_exhaustive]`: build it with [`Diagnostic::new`], [`Diagnostic::warning`] or
/// [`Diagnostic::info`].
///
/// ```
/// use nianbao_core::{Diagnostic, Pos, Severity};
/// let d = Diagnostic::new("row.extra", Severity::Info, "an extra row", Some(Pos::line(7)));
/// assert_eq!(d, Diagnostic::info("row.extra", "an extra row", Some(Pos::line(7))));
/// ```
impl Diagnostic {
    /// A diagnostic of a severity with a code and message; an unknown position is
    /// dropped.
    pub fn new(
        code: &str,
        severity: Severity,
        message: impl Into<String>,
        pos: Option<Pos>,
    ) -> Self {
        Diagnostic {
            code: code.to_owned(),
            severity,
            message: message.into(),
            pos: pos.filter(|p| !p.is_unknown()),
        }
    }

    /// A warning with a code and message.
    pub fn warning(code: &str, message: impl Into<String>, pos: Option<Pos>) -> Self {
        Diagnostic::new(code, Severity::Warning, message, pos)
    }

    /// An informational diagnostic with a code and message.
    pub fn info(code: &str, message: impl Into<String>, pos: Option<Pos>) -> Self {
        Diagnostic::new(code, Severity::Info, message, pos)
    }
}

/// The stable diagnostic codes of the core crate. Readers add their own under their
/// format's prefix (`docx.`, `txt.`, `html.`).
pub mod codes {
    /// A section of the six was not found.
    pub const SECTION_MISSING: &str = "section.missing";
    /// A section heading appeared twice; the second one's paragraphs were merged into the first.
    pub const SECTION_DUPLICATE: &str = "section.duplicate";
    /// Sections are not in the canonical order.
    pub const SECTION_ORDER: &str = "section.out_of_order";
    /// One of the three tables was not found.
    pub const TABLE_MISSING: &str = "table.missing";
    /// A table's format (2019 or 2021) had to be guessed from weak evidence.
    pub const TABLE_FORMAT_GUESSED: &str = "table.format_guessed";
    /// A table was found that is none of the three national tables.
    pub const TABLE_UNRECOGNIZED: &str = "table.unrecognized";
    /// A row label matched a template row only approximately.
    pub const LABEL_FUZZY: &str = "label.fuzzy";
    /// A row with values whose label matches no template row: kept as an extra row.
    pub const ROW_EXTRA: &str = "row.extra";
    /// A template row was not found in the table.
    pub const ROW_MISSING: &str = "row.missing";
    /// A template row appeared twice; the first with values was kept.
    pub const ROW_DUPLICATE: &str = "row.duplicate";
    /// A row had more or fewer value cells than its columns (and no grid positions to
    /// place them by): its cells were left blank.
    pub const ROW_VALUE_COUNT: &str = "row.value_count";
    /// A cell holds text that is not a number.
    pub const CELL_TEXT: &str = "cell.text";
    /// No title was found; agency and year may be missing.
    pub const META_TITLE_MISSING: &str = "meta.title_missing";
    /// The document is not in a national format (no national table recognized).
    pub const REPORT_NOT_RECOGNIZED: &str = "report.not_recognized";
}
