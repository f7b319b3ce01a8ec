//! Where a cell's value came from: the evidence that puts it in its row and column.

/// The evidence that placed a value in its cell. Readers set it on the Document IR's
/// cells; the recognizer carries it into the report's cells, and the rules use it (a
/// row split by its own sum is no independent evidence for that sum).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
#[cfg_attr(
    feature = "json",
    derive(serde::Serialize, serde::Deserialize, schemars::JsonSchema)
)]
#[cfg_attr(feature = "json", serde(rename_all = "snake_case"))]
#[non_exhaustive]
pub enum Provenance {
    /// Read from a cell the source delimits (a .docx/HTML table cell, a tab-separated
    /// or `|`-separated cell).
    #[default]
    Grid,
    /// Placed by the text's layout: its column position or its order among the lines
    /// of a row whose label the text ties to it.
    Layout,
    /// Split off a run of glued digits that had exactly one digit per cell.
    DigitCount,
    /// Split off a run of glued digits by the only split that satisfies the row's own
    /// sum (table 3: the six applicant columns add up to 总计; table 4: four results
    /// add up to 总计). The rule used is not assessable for that row.
    RowSum,
    /// Left blank: the source does not show which cell a value belongs to.
    NoEvidence,
    /// Split off a run of glued digits by the only split that agrees with the figures
    /// the report's own prose states for the run's cells (`现行有效行政规范性文件698件`).
    StatedInText,
}

impl Provenance {
    /// Every kind, in the order `nianbao check` lists them.
    pub const ALL: [Provenance; 6] = [
        Provenance::Grid,
        Provenance::Layout,
        Provenance::DigitCount,
        Provenance::RowSum,
        Provenance::StatedInText,
        Provenance::NoEvidence,
    ];

    /// The name in JSON (`grid`, `layout`, `digit_count`, `row_sum`,
    /// `stated_in_text`, `no_evidence`).
    pub fn name(self) -> &'static str {
        match self {
            Provenance::Grid => "grid",
            Provenance::Layout => "layout",
            Provenance::DigitCount => "digit_count",
            Provenance::RowSum => "row_sum",
            Provenance::NoEvidence => "no_evidence",
            Provenance::StatedInText => "stated_in_text",
        }
    }

    /// Reads a name written by [`Provenance::name`].
    pub fn parse(name: &str) -> Option<Provenance> {
        Provenance::ALL.into_iter().find(|p| p.name() == name)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_round_trip() {
        for p in Provenance::ALL {
            assert_eq!(Provenance::parse(p.name()), Some(p));
        }
        assert_eq!(Provenance::parse("guess"), None);
    }
}
