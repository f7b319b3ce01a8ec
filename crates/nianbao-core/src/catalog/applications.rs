//! Table 3, 收到和处理政府信息公开申请情况, in both formats.

use super::ColumnKind::Count;
use super::{ColumnSpec, Formats, RowSpec};

/// The seven applicant columns, in order.
pub static APPLICANT_COLUMNS: [ColumnSpec; 7] = [
    ColumnSpec {
        key: "natural_person",
        label: "自然人",
        kind: Count,
    },
    ColumnSpec {
        key: "commercial",
        label: "商业企业",
        kind: Count,
    },
    ColumnSpec {
        key: "research",
        label: "科研机构",
        kind: Count,
    },
    ColumnSpec {
        key: "social_welfare",
        label: "社会公益组织",
        kind: Count,
    },
    ColumnSpec {
        key: "legal_services",
        label: "法律服务机构",
        kind: Count,
    },
    ColumnSpec {
        key: "other_org",
        label: "其他",
        kind: Count,
    },
    ColumnSpec {
        key: "total",
        label: "总计",
        kind: Count,
    },
];

const fn row(
    key: &'static str,
    label: &'static str,
    aliases: &'static [&'static str],
    formats: Formats,
    group: Option<&'static str>,
) -> RowSpec {
    RowSpec {
        key,
        label,
        aliases,
        columns: &APPLICANT_COLUMNS,
        formats,
        group,
    }
}

const RESULTS: Option<&str> = Some("三、本年度办理结果");
const DENIED: Option<&str> = Some("（三）不予公开");
const UNABLE: Option<&str> = Some("（四）无法提供");
const NOT_PROCESSED: Option<&str> = Some("（五）不予处理");
const OTHER: Option<&str> = Some("（六）其他处理");
const B: Formats = Formats::Both;

/// Table 3 rows of both formats in template order; [`RowSpec::formats`] tells which
/// format has a row (only the （六） rows differ).
pub static APPLICATION_ROWS: [RowSpec; 26] = [
    row(
        "new_received",
        "一、本年新收政府信息公开申请数量",
        &[],
        B,
        None,
    ),
    row(
        "carried_over",
        "二、上年结转政府信息公开申请数量",
        &[],
        B,
        None,
    ),
    row("results.granted", "（一）予以公开", &[], B, RESULTS),
    row(
        "results.partially_granted",
        "（二）部分公开（区分处理的，只计这一情形，不计其他情形）",
        &["部分公开"],
        B,
        RESULTS,
    ),
    row(
        "results.denied.state_secret",
        "1.属于国家秘密",
        &[],
        B,
        DENIED,
    ),
    row(
        "results.denied.prohibited_by_law",
        "2.其他法律行政法规禁止公开",
        &[],
        B,
        DENIED,
    ),
    row(
        "results.denied.endangers_safety_stability",
        "3.危及“三安全一稳定”",
        &[],
        B,
        DENIED,
    ),
    row(
        "results.denied.third_party_rights",
        "4.保护第三方合法权益",
        &[],
        B,
        DENIED,
    ),
    row(
        "results.denied.internal_affairs",
        "5.属于三类内部事务信息",
        &[],
        B,
        DENIED,
    ),
    row(
        "results.denied.process_information",
        "6.属于四类过程性信息",
        &[],
        B,
        DENIED,
    ),
    row(
        "results.denied.enforcement_files",
        "7.属于行政执法案卷",
        &[],
        B,
        DENIED,
    ),
    row(
        "results.denied.inquiry_matters",
        "8.属于行政查询事项",
        &[],
        B,
        DENIED,
    ),
    row(
        "results.unable_to_provide.not_held",
        "1.本机关不掌握相关政府信息",
        &[],
        B,
        UNABLE,
    ),
    row(
        "results.unable_to_provide.needs_creation",
        "2.没有现成信息需要另行制作",
        &[],
        B,
        UNABLE,
    ),
    row(
        "results.unable_to_provide.unclear_after_correction",
        "3.补正后申请内容仍不明确",
        &[],
        B,
        UNABLE,
    ),
    row(
        "results.not_processed.complaints",
        "1.信访举报投诉类申请",
        &[],
        B,
        NOT_PROCESSED,
    ),
    row(
        "results.not_processed.repeated",
        "2.重复申请",
        &[],
        B,
        NOT_PROCESSED,
    ),
    row(
        "results.not_processed.publications",
        "3.要求提供公开出版物",
        &[],
        B,
        NOT_PROCESSED,
    ),
    row(
        "results.not_processed.excessive",
        "4.无正当理由大量反复申请",
        &[],
        B,
        NOT_PROCESSED,
    ),
    row(
        "results.not_processed.confirmation",
        "5.要求行政机关确认或重新出具已获取信息",
        &[],
        B,
        NOT_PROCESSED,
    ),
    row(
        "results.other.overdue_correction",
        "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请",
        &[],
        Formats::Only2021,
        OTHER,
    ),
    row(
        "results.other.overdue_fee",
        "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请",
        &[],
        Formats::Only2021,
        OTHER,
    ),
    row(
        "results.other.other",
        "3.其他",
        &["其他处理"],
        Formats::Only2021,
        OTHER,
    ),
    row(
        "results.other.other",
        "（六）其他处理",
        &["其他"],
        Formats::Only2019,
        RESULTS,
    ),
    row("results.total", "（七）总计", &["合计"], B, RESULTS),
    row("carried_forward", "四、结转下年度继续办理", &[], B, None),
];

/// The note the template prints in table 3's top-left header cell.
pub const APPLICATIONS_HEADER_NOTE: &str =
    "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）";

/// Labels of groups that head rows but are not rows themselves.
pub static APPLICATION_GROUP_LABELS: [&str; 6] = [
    "三、本年度办理结果",
    "（三）不予公开",
    "（四）无法提供",
    "（五）不予处理",
    "申请人情况",
    "法人或其他组织",
];
