//! The report as a whole: meta, sections and tables.

use std::collections::BTreeMap;

use super::Table;
use crate::Pos;
use crate::catalog::{SectionKey, TableKind};

/// A recognized report.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Report {
    /// Title, agency, year.
    pub meta: Meta,
    /// Where the report came from.
    pub source: Source,
    /// Paragraphs before the first section (title lines, the introduction).
    pub preamble: Vec<String>,
    /// The sections in the order of the source.
    pub sections: Vec<Section>,
    /// Table 2, 主动公开政府信息情况.
    pub active_disclosure: Option<Table>,
    /// Table 3, 收到和处理政府信息公开申请情况.
    pub applications: Option<Table>,
    /// Table 4, 政府信息公开行政复议、行政诉讼情况.
    pub review_litigation: Option<Table>,
    /// Tables found that are none of the three, as grids of cell text.
    pub other_tables: Vec<Vec<Vec<String>>>,
}

/// Whether the report is in a national format.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
#[cfg_attr(
    feature = "json",
    derive(serde::Serialize, serde::Deserialize, schemars::JsonSchema)
)]
#[cfg_attr(feature = "json", serde(rename_all = "snake_case"))]
#[non_exhaustive]
pub enum ReportKind {
    /// At least one national table (2019 trial or 2021 format) was recognized.
    #[default]
    National,
    /// No national table: a report before 2019, or not a report at all. Sections and
    /// whatever tables were found are kept.
    Legacy,
}

/// Title, agency and year, as printed.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
#[cfg_attr(
    feature = "json",
    derive(serde::Serialize, serde::Deserialize, schemars::JsonSchema)
)]
pub struct Meta {
    /// The title, its lines joined.
    #[cfg_attr(feature = "json", serde(default))]
    pub title: Option<String>,
    /// The publishing agency as printed: from the title, else the signature, else
    /// the publisher field. 人民政府 (or 办事处) is added to an area's name only where
    /// the report itself names that body.
    #[cfg_attr(feature = "json", serde(default))]
    pub agency: Option<String>,
    /// The year reported on.
    #[cfg_attr(feature = "json", serde(default))]
    pub year: Option<i32>,
    /// The year as printed (`2020`, `二〇二〇`).
    #[cfg_attr(feature = "json", serde(default))]
    pub year_text: Option<String>,
    /// Whether the report is in a national format.
    #[cfg_attr(feature = "json", serde(default))]
    pub kind: ReportKind,
    /// The publisher the page or file names (a portal's 来源 / 发布机构 field), as
    /// printed; it may differ from the agency.
    #[cfg_attr(
        feature = "json",
        serde(default, skip_serializing_if = "Option::is_none")
    )]
    pub publisher: Option<String>,
    /// The body signed at the end of the report, as printed.
    #[cfg_attr(
        feature = "json",
        serde(default, skip_serializing_if = "Option::is_none")
    )]
    pub signature: Option<String>,
}

/// Where a report came from.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
#[cfg_attr(
    feature = "json",
    derive(serde::Serialize, serde::Deserialize, schemars::JsonSchema)
)]
pub struct Source {
    /// The file name or URL, as the caller gave it.
    #[cfg_attr(feature = "json", serde(default))]
    pub name: Option<String>,
    /// The format read (`docx`, `txt`, `html`).
    #[cfg_attr(feature = "json", serde(default))]
    pub format: Option<String>,
    /// What the reader learnt: document properties (`title`, `author`, `created`),
    /// `encoding`, `layout`, …
    #[cfg_attr(feature = "json", serde(default))]
    pub properties: BTreeMap<String, String>,
}

/// One of the six sections.
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(
    feature = "json",
    derive(serde::Serialize, serde::Deserialize, schemars::JsonSchema)
)]
pub struct Section {
    /// Which section, when the heading was recognized.
    pub key: SectionKey,
    /// The heading as printed, numbering included.
    pub heading: String,
    /// The paragraphs of narrative under the heading (tables are not paragraphs).
    pub paragraphs: Vec<String>,
    /// Where the heading is in the source.
    #[cfg_attr(
        feature = "json",
        serde(default, skip_serializing_if = "Pos::is_unknown")
    )]
    pub pos: Pos,
}

impl Report {
    /// One of the three tables.
    pub fn table(&self, kind: TableKind) -> Option<&Table> {
        match kind {
            TableKind::ActiveDisclosure => self.active_disclosure.as_ref(),
            TableKind::Applications => self.applications.as_ref(),
            TableKind::ReviewLitigation => self.review_litigation.as_ref(),
        }
    }

    /// One of the three tables, mutable slot.
    pub fn table_slot(&mut self, kind: TableKind) -> &mut Option<Table> {
        match kind {
            TableKind::ActiveDisclosure => &mut self.active_disclosure,
            TableKind::Applications => &mut self.applications,
            TableKind::ReviewLitigation => &mut self.review_litigation,
        }
    }

    /// The section with this key.
    pub fn section(&self, key: SectionKey) -> Option<&Section> {
        self.sections.iter().find(|s| s.key == key)
    }
}

impl Report {
    /// Whether anything of a report was recognized: a section heading or a table.
    /// A page or text that is not a report gives `false`.
    pub fn has_report_content(&self) -> bool {
        !self.sections.is_empty() || TableKind::ALL.iter().any(|k| self.table(*k).is_some())
    }
}
