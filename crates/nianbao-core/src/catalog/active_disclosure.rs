//! Table 2, 主动公开政府信息情况, in both formats.

use super::ColumnKind::{Count, Money, SignedCount};
use super::{ColumnSpec, Formats, RowSpec};

const fn col(key: &'static str, label: &'static str, kind: super::ColumnKind) -> ColumnSpec {
    ColumnSpec { key, label, kind }
}

const DOCS_2021: &[ColumnSpec] = &[
    col("issued", "本年制发件数", Count),
    col("repealed", "本年废止件数", Count),
    col("in_force", "现行有效件数", Count),
];
const DECISIONS_2021: &[ColumnSpec] = &[col("decisions", "本年处理决定数量", Count)];
const FEES_2021: &[ColumnSpec] = &[col("amount_wan_yuan", "本年收费金额（单位：万元）", Money)];

const DOCS_2019: &[ColumnSpec] = &[
    col("made", "本年新制作数量", Count),
    col("published", "本年新公开数量", Count),
    col("total_published", "对外公开总数量", Count),
];
const ITEMS_2019: &[ColumnSpec] = &[
    col("previous_items", "上一年项目数量", Count),
    col("change", "本年增/减", SignedCount),
    col("decisions", "处理决定数量", Count),
];
const FEES_2019: &[ColumnSpec] = &[
    col("previous_items", "上一年项目数量", Count),
    col("change", "本年增/减", SignedCount),
];
const PROCUREMENT_2019: &[ColumnSpec] = &[
    col("projects", "采购项目数量", Count),
    col("amount_wan_yuan", "采购总金额", Money),
];

const fn row(
    key: &'static str,
    label: &'static str,
    aliases: &'static [&'static str],
    columns: &'static [ColumnSpec],
    formats: Formats,
    group: &'static str,
) -> RowSpec {
    RowSpec {
        key,
        label,
        aliases,
        columns,
        formats,
        group: Some(group),
    }
}

const ITEM1: &str = "第二十条第（一）项";
const ITEM5: &str = "第二十条第（五）项";
const ITEM6: &str = "第二十条第（六）项";
const ITEM8: &str = "第二十条第（八）项";
const ITEM9: &str = "第二十条第（九）项";

/// Table 2 rows in the 2021 format.
pub static ACTIVE_DISCLOSURE_2021: [RowSpec; 6] = [
    row(
        "regulations",
        "规章",
        &[],
        DOCS_2021,
        Formats::Only2021,
        ITEM1,
    ),
    row(
        "normative_documents",
        "行政规范性文件",
        &["规范性文件"],
        DOCS_2021,
        Formats::Only2021,
        ITEM1,
    ),
    row(
        "licensing",
        "行政许可",
        &[],
        DECISIONS_2021,
        Formats::Only2021,
        ITEM5,
    ),
    row(
        "punishment",
        "行政处罚",
        &[],
        DECISIONS_2021,
        Formats::Only2021,
        ITEM6,
    ),
    row(
        "coercion",
        "行政强制",
        &[],
        DECISIONS_2021,
        Formats::Only2021,
        ITEM6,
    ),
    row(
        "fees",
        "行政事业性收费",
        &[],
        FEES_2021,
        Formats::Only2021,
        ITEM8,
    ),
];

/// Table 2 rows in the 2019 trial format.
pub static ACTIVE_DISCLOSURE_2019: [RowSpec; 8] = [
    row(
        "regulations",
        "规章",
        &[],
        DOCS_2019,
        Formats::Only2019,
        ITEM1,
    ),
    row(
        "normative_documents",
        "规范性文件",
        &["行政规范性文件"],
        DOCS_2019,
        Formats::Only2019,
        ITEM1,
    ),
    row(
        "licensing",
        "行政许可",
        &[],
        ITEMS_2019,
        Formats::Only2019,
        ITEM5,
    ),
    row(
        "other_services",
        "其他对外管理服务事项",
        &[],
        ITEMS_2019,
        Formats::Only2019,
        ITEM5,
    ),
    row(
        "punishment",
        "行政处罚",
        &[],
        ITEMS_2019,
        Formats::Only2019,
        ITEM6,
    ),
    row(
        "coercion",
        "行政强制",
        &[],
        ITEMS_2019,
        Formats::Only2019,
        ITEM6,
    ),
    row(
        "fees",
        "行政事业性收费",
        &[],
        FEES_2019,
        Formats::Only2019,
        ITEM8,
    ),
    row(
        "procurement",
        "政府集中采购",
        &[],
        PROCUREMENT_2019,
        Formats::Only2019,
        ITEM9,
    ),
];

/// Every column label of table 2 with its key and the format it belongs to
/// (`None`: the label alone does not tell the format).
pub static ACTIVE_COLUMN_LABELS: [(&str, &str, Option<super::TableFormat>); 13] = {
    use super::TableFormat::{Format2021 as F21, Trial2019 as F19};
    [
        ("本年制发件数", "issued", Some(F21)),
        ("本年废止件数", "repealed", Some(F21)),
        ("现行有效件数", "in_force", Some(F21)),
        ("本年处理决定数量", "decisions", Some(F21)),
        ("本年收费金额单位万元", "amount_wan_yuan", Some(F21)),
        ("本年收费金额", "amount_wan_yuan", Some(F21)),
        ("本年新制作数量", "made", Some(F19)),
        ("本年新公开数量", "published", Some(F19)),
        ("对外公开总数量", "total_published", Some(F19)),
        ("上一年项目数量", "previous_items", Some(F19)),
        ("本年增减", "change", Some(F19)),
        ("采购项目数量", "projects", Some(F19)),
        ("采购总金额", "amount_wan_yuan", Some(F19)),
    ]
};
