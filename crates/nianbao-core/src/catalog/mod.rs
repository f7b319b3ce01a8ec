//! The catalogue of the reference (`docs/REFERENCE.md`, in rustdoc `nianbao::reference`): the six sections, the three tables, their row and
//! column labels and the keys and paths of the JSON. This is data, and the public
//! contract of the normalized JSON.

mod active_disclosure;
mod applications;
pub mod keys;
pub mod layout;
mod review_litigation;
mod sections;

pub use active_disclosure::{ACTIVE_COLUMN_LABELS, ACTIVE_DISCLOSURE_2019, ACTIVE_DISCLOSURE_2021};
pub use applications::{
    APPLICANT_COLUMNS, APPLICATION_GROUP_LABELS, APPLICATION_ROWS, APPLICATIONS_HEADER_NOTE,
};
pub use review_litigation::{REVIEW_COLUMNS, REVIEW_GROUPS};
pub use sections::SectionKey;

/// The three national tables.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
#[cfg_attr(
    feature = "json",
    derive(serde::Serialize, serde::Deserialize, schemars::JsonSchema)
)]
#[cfg_attr(feature = "json", serde(rename_all = "snake_case"))]
pub enum TableKind {
    /// Table 2, 主动公开政府信息情况.
    ActiveDisclosure,
    /// Table 3, 收到和处理政府信息公开申请情况.
    Applications,
    /// Table 4, 政府信息公开行政复议、行政诉讼情况.
    ReviewLitigation,
}

impl TableKind {
    /// All three, in document order.
    pub const ALL: [TableKind; 3] = [
        TableKind::ActiveDisclosure,
        TableKind::Applications,
        TableKind::ReviewLitigation,
    ];

    /// The key of the table in the JSON.
    pub fn key(self) -> &'static str {
        match self {
            TableKind::ActiveDisclosure => "active_disclosure",
            TableKind::Applications => "applications",
            TableKind::ReviewLitigation => "review_litigation",
        }
    }

    /// The table's title in the official layout.
    pub fn title(self) -> &'static str {
        match self {
            TableKind::ActiveDisclosure => "主动公开政府信息情况",
            TableKind::Applications => "收到和处理政府信息公开申请情况",
            TableKind::ReviewLitigation => "政府信息公开行政复议、行政诉讼情况",
        }
    }

    /// The table from its JSON key.
    pub fn from_key(key: &str) -> Option<TableKind> {
        TableKind::ALL.into_iter().find(|k| k.key() == key)
    }

    /// The rows of the table in a format, in template order.
    pub fn rows(self, format: Option<TableFormat>) -> Vec<&'static RowSpec> {
        match (self, format) {
            (TableKind::ActiveDisclosure, Some(TableFormat::Trial2019)) => {
                ACTIVE_DISCLOSURE_2019.iter().collect()
            }
            (TableKind::ActiveDisclosure, _) => ACTIVE_DISCLOSURE_2021.iter().collect(),
            (TableKind::Applications, f) => APPLICATION_ROWS
                .iter()
                .filter(|r| r.formats.includes(f.unwrap_or(TableFormat::Format2021)))
                .collect(),
            (TableKind::ReviewLitigation, _) => REVIEW_GROUPS.iter().collect(),
        }
    }

    /// The row with a path in a format.
    pub fn row(self, format: Option<TableFormat>, key: &str) -> Option<&'static RowSpec> {
        self.rows(format).into_iter().find(|r| r.key == key)
    }
}

/// The two national formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
#[cfg_attr(
    feature = "json",
    derive(serde::Serialize, serde::Deserialize, schemars::JsonSchema)
)]
pub enum TableFormat {
    /// The 2019 trial format (国办公开办函〔2019〕60号).
    #[cfg_attr(feature = "json", serde(rename = "2019"))]
    Trial2019,
    /// The 2021 format (国办公开办函〔2021〕30号).
    #[cfg_attr(feature = "json", serde(rename = "2021"))]
    Format2021,
}

impl TableFormat {
    /// `"2019"` or `"2021"`.
    pub fn as_str(self) -> &'static str {
        match self {
            TableFormat::Trial2019 => "2019",
            TableFormat::Format2021 => "2021",
        }
    }

    /// The format from `"2019"` or `"2021"`.
    pub fn parse(s: &str) -> Option<TableFormat> {
        match s {
            "2019" => Some(TableFormat::Trial2019),
            "2021" => Some(TableFormat::Format2021),
            _ => None,
        }
    }
}

/// Which formats a row belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Formats {
    /// Both formats.
    Both,
    /// Only the 2019 trial format.
    Only2019,
    /// Only the 2021 format.
    Only2021,
}

impl Formats {
    /// Whether `format` has the row.
    pub fn includes(self, format: TableFormat) -> bool {
        match self {
            Formats::Both => true,
            Formats::Only2019 => format == TableFormat::Trial2019,
            Formats::Only2021 => format == TableFormat::Format2021,
        }
    }
}

/// What a column holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ColumnKind {
    /// A count (integer, not negative).
    Count,
    /// A change that may be signed (`本年增/减`).
    SignedCount,
    /// Money in 万元 (decimal); `元` is converted.
    Money,
}

/// A column of a table.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ColumnSpec {
    /// The key in the JSON.
    pub key: &'static str,
    /// The label in the official layout.
    pub label: &'static str,
    /// What it holds.
    pub kind: ColumnKind,
}

/// A template row of a table.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RowSpec {
    /// The path under the table (`results.denied.state_secret`).
    pub key: &'static str,
    /// The label in the official layout, numbering included.
    pub label: &'static str,
    /// Other printed forms of the label, matched as well.
    pub aliases: &'static [&'static str],
    /// The columns, in order.
    pub columns: &'static [ColumnSpec],
    /// The formats that have the row.
    pub formats: Formats,
    /// The block or group the row sits in (`第二十条第（一）项`, `（三）不予公开`), if any.
    pub group: Option<&'static str>,
}

impl RowSpec {
    /// The label and its aliases.
    pub fn labels(&self) -> impl Iterator<Item = &'static str> {
        std::iter::once(self.label).chain(self.aliases.iter().copied())
    }

    /// The column with a key.
    pub fn column(&self, key: &str) -> Option<&'static ColumnSpec> {
        self.columns.iter().find(|c| c.key == key)
    }
}
