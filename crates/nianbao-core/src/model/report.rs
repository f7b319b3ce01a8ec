//! The report as a whole: meta, sections and tables.

use std::collections::BTreeMap;

use super::Table;
use crate::Pos;
use crate::catalog::{SectionKey, TableKind};

/// A recognized report.
///
/// `#[non_exhaustive]`: fields may come in minor versions. Start from
/// `Report::default()` and assign fields:
///
/// ```
/// use nianbao_core::{Report, TableKind};
/// use nianbao_core::model::{Meta, Table};
/// let mut report = Report::default();
/// report.meta = Meta::default().with_agency("示例县人民政府").with_year(2021);
/// report.active_disclosure = Some(Table::new(TableKind::ActiveDisclosure, None));
/// assert!(report.has_report_content());
/// ```
#[derive(Debug, Clone, Default, PartialEq)]
#[non_exhaustive]
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
#[non_exhaustive]
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
#[non_exhaustive]
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
#[non_exhaustive]
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

/// `#[non_exhaustive]`: build it from `Meta::default()` with the `with_*` methods or
/// by assigning fields.
///
/// ```
/// use nianbao_core::model::Meta;
/// let meta = Meta::default()
///     .with_title("示例县2021年政府信息公开工作年度报告")
///     .with_agency("示例县人民政府")
///     .with_year(2021);
/// assert_eq!(meta.year, Some(2021));
/// ```
impl Meta {
    /// The same meta with a title.
    pub fn with_title(mut self, title: impl Into<String>) -> Self {
        self.title = Some(title.into());
        self
    }

    /// The same meta with an agency.
    pub fn with_agency(mut self, agency: impl Into<String>) -> Self {
        self.agency = Some(agency.into());
        self
    }

    /// The same meta with the year reported on.
    pub fn with_year(mut self, year: i32) -> Self {
        self.year = Some(year);
        self
    }

    /// The same meta with the year as printed.
    pub fn with_year_text(mut self, year_text: impl Into<String>) -> Self {
        self.year_text = Some(year_text.into());
        self
    }

    /// The same meta with a report kind.
    pub fn with_kind(mut self, kind: ReportKind) -> Self {
        self.kind = kind;
        self
    }
}

/// `#[non_exhaustive]`: build it with [`Source::new`] (or `Source::default()`) and
/// the `with_*` methods.
///
/// ```
/// use nianbao_core::model::Source;
/// let source = Source::new("2021.docx", "docx").with_property("title", "年度报告");
/// assert_eq!(source.name.as_deref(), Some("2021.docx"));
/// assert_eq!(source.properties["title"], "年度报告");
/// ```
impl Source {
    /// A source with a name (file name or URL) and the format read.
    pub fn new(name: impl Into<String>, format: impl Into<String>) -> Self {
        Source {
            name: Some(name.into()),
            format: Some(format.into()),
            properties: BTreeMap::new(),
        }
    }

    /// The same source with one more property.
    pub fn with_property(mut self, key: impl Into<String>, value: impl Into<String>) -> Self {
        self.properties.insert(key.into(), value.into());
        self
    }
}

/// `#[non_exhaustive]`: build it with [`Section::new`].
///
/// ```
/// use nianbao_core::SectionKey;
/// use nianbao_core::model::Section;
/// let s = Section::new(SectionKey::Overview, "一、总体情况").with_paragraph("本年度……");
/// assert_eq!(s.paragraphs.len(), 1);
/// ```
impl Section {
    /// A section with its heading as printed, no paragraphs yet, position unknown.
    pub fn new(key: SectionKey, heading: impl Into<String>) -> Self {
        Section {
            key,
            heading: heading.into(),
            paragraphs: Vec::new(),
            pos: Pos::default(),
        }
    }

    /// The same section with one more paragraph.
    pub fn with_paragraph(mut self, text: impl Into<String>) -> Self {
        self.paragraphs.push(text.into());
        self
    }

    /// The same section with the heading's position.
    pub fn with_pos(mut self, pos: Pos) -> Self {
        self.pos = pos;
        self
    }
}

impl Report {
    /// Whether enough of a report was recognized to call it one: two of the six
    /// sections, or one of the three national tables. A page or text that is not a
    /// report (or shows one section heading only, as a news item quoting a report
    /// does) gives `false`. The same rule as
    /// [`looks_like_report`](crate::recognize::looks_like_report) before recognition
    /// ([`Markers::is_report`](crate::recognize::markers::Markers::is_report)).
    pub fn has_report_content(&self) -> bool {
        crate::recognize::markers::Markers::of_report(self).is_report()
    }
}
