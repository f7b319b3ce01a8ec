//! Table 4, 政府信息公开行政复议、行政诉讼情况: the same in both formats.

use super::ColumnKind::Count;
use super::{ColumnSpec, Formats, RowSpec};

/// The five columns of each group.
pub static REVIEW_COLUMNS: [ColumnSpec; 5] = [
    ColumnSpec {
        key: "upheld",
        label: "结果维持",
        kind: Count,
    },
    ColumnSpec {
        key: "corrected",
        label: "结果纠正",
        kind: Count,
    },
    ColumnSpec {
        key: "other",
        label: "其他结果",
        kind: Count,
    },
    ColumnSpec {
        key: "pending",
        label: "尚未审结",
        kind: Count,
    },
    ColumnSpec {
        key: "total",
        label: "总计",
        kind: Count,
    },
];

/// The three groups, each a row of five values in the model.
pub static REVIEW_GROUPS: [RowSpec; 3] = [
    RowSpec {
        key: "review",
        label: "行政复议",
        aliases: &[],
        columns: &REVIEW_COLUMNS,
        formats: Formats::Both,
        group: None,
    },
    RowSpec {
        key: "litigation_direct",
        label: "未经复议直接起诉",
        aliases: &[],
        columns: &REVIEW_COLUMNS,
        formats: Formats::Both,
        group: Some("行政诉讼"),
    },
    RowSpec {
        key: "litigation_after_review",
        label: "复议后起诉",
        aliases: &[],
        columns: &REVIEW_COLUMNS,
        formats: Formats::Both,
        group: Some("行政诉讼"),
    },
];
