//! The phrase patterns that map a stated figure to the table cell it describes, as
//! data: one entry per pattern. A pattern applies to a clause (the text between `，`
//! `。` `；` `、` `（` …) holding one figure when the clause has a word of each of its
//! cue groups and none of its vetoes.

use super::numerals::Unit;
use crate::catalog::{SectionKey, TableKind};

/// The cells a pattern's figure is compared with.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Cells {
    /// A cell, or the sum of cells, of one table: `(row, column)` pairs. `only_2021`:
    /// the cell exists in the 2021 format only (a 2019 table has no such column).
    Of {
        table: TableKind,
        cells: &'static [(&'static str, &'static str)],
        only_2021: bool,
    },
    /// 收到 / 受理 N 件申请: the new applications, or the new ones with those carried
    /// over, as the wording and the table decide (`super::compare`).
    Received,
    /// A result of table 4 (`其中结果维持 N 件`; 0 to 3: 维持, 纠正, 其他, 尚未审结) of the
    /// 行政复议 or 行政诉讼 its sentence has just named (`super::compare`).
    Part(usize),
}

/// One phrase pattern.
#[derive(Debug)]
pub(super) struct Pattern {
    /// The instance of its findings: the cell path (`applications.new_received.total`)
    /// or a short key for a sum (`review_litigation.litigation.total`).
    pub instance: &'static str,
    /// Groups of cue words: the clause holds a word of every group.
    pub cues: &'static [&'static [&'static str]],
    /// Words that, in the clause, make the figure something else.
    pub vetoes: &'static [&'static str],
    /// What the figure must count.
    pub unit: Unit,
    /// The cells it describes.
    pub cells: Cells,
}

impl Pattern {
    /// The section where the pattern applies whatever its sentence says: a figure for a
    /// table-3 or table-4 cell elsewhere counts only in a sentence that names 信息公开
    /// or 依申请 (`办结`, `行政复议` are said of other matters too).
    pub fn section(&self) -> Option<SectionKey> {
        match self.cells {
            Cells::Received
            | Cells::Of {
                table: TableKind::Applications,
                ..
            } => Some(SectionKey::Applications),
            Cells::Part(_)
            | Cells::Of {
                table: TableKind::ReviewLitigation,
                ..
            } => Some(SectionKey::ReviewLitigation),
            Cells::Of { .. } => None,
        }
    }
}

/// The words that put a sentence about table-3 or table-4 matters anywhere.
pub(super) const GI_WORDS: &[&str] = &["信息公开", "依申请"];

/// Words that make a figure in a table-3 pattern a part (an applicant group, a
/// result) or a count of reviews and suits.
const APPLICATION_VETOES: &[&str] = &[
    "复议",
    "诉讼",
    "起诉",
    "其中",
    "自然人",
    "法人",
    "企业",
    "机构",
    "组织",
    "予以公开",
    "部分公开",
    "不予",
    "无法提供",
    "其他处理",
    "未",
    "率",
    "逾期",
    "延期",
    "按时",
    "当场",
    "网上",
    "信函",
    "当面",
    "传真",
    "电子邮件",
    "许可",
    "审批",
    "信访",
    "建议",
    "提案",
    "事项",
    "办件",
    "咨询",
    "投诉",
    "举报",
    "诉求",
    "热线",
    "来电",
    "工单",
    "留言",
];

/// Words that make a figure in a table-2 pattern something else than the cell.
const DOCUMENT_VETOES: &[&str] = &[
    "信息",
    "解读",
    "备案",
    "审查",
    "审核",
    "征求意见",
    "草案",
    "清理",
    "政策",
    "规章制度",
    "评估",
    "目录",
];

/// A pattern on the cells of one table.
const fn on(
    instance: &'static str,
    cues: &'static [&'static [&'static str]],
    vetoes: &'static [&'static str],
    table: TableKind,
    cells: &'static [(&'static str, &'static str)],
    only_2021: bool,
) -> Pattern {
    Pattern {
        instance,
        cues,
        vetoes,
        unit: Unit::Count,
        cells: Cells::Of {
            table,
            cells,
            only_2021,
        },
    }
}

use TableKind::{ActiveDisclosure as T2, Applications as T3, ReviewLitigation as T4};

/// A table-4 result pattern (its instance is settled by the subject, see
/// [`Cells::Part`]).
const fn part(
    index: usize,
    instance: &'static str,
    cues: &'static [&'static [&'static str]],
) -> Pattern {
    Pattern {
        instance,
        cues,
        vetoes: &[
            "复议后",
            "经复议",
            "经行政复议",
            "直接",
            "决定",
            "出庭",
            "判决",
        ],
        unit: Unit::Count,
        cells: Cells::Part(index),
    }
}

/// A 规章 / 行政规范性文件 pattern of table 2 (制发, 废止, 现行有效: 2021 format only).
const fn document(
    instance: &'static str,
    cues: &'static [&'static [&'static str]],
    cells: &'static [(&'static str, &'static str)],
) -> Pattern {
    on(instance, cues, DOCUMENT_VETOES, T2, cells, true)
}

/// A 处理决定 pattern of table 2 (both formats have the column).
const fn decision(
    instance: &'static str,
    cues: &'static [&'static [&'static str]],
    cells: &'static [(&'static str, &'static str)],
) -> Pattern {
    on(instance, cues, DECISION_VETOES, T2, cells, false)
}

/// The words for 制发 (issued) and 废止 (repealed).
const ISSUED: &[&str] = &["制发", "印发", "出台", "制定"];
const REPEALED: &[&str] = &["废止", "废除"];
/// Words that make a 处理决定 figure something else.
const DECISION_VETOES: &[&str] = &[
    "事项", "信息", "公示", "清单", "目录", "复议", "诉讼", "撤销", "变更",
];
/// Words that make a table-4 total a part or another kind of case.
const REVIEW_VETOES: &[&str] = &[
    "复议后",
    "经复议",
    "经行政复议",
    "直接",
    "维持",
    "纠正",
    "其他结果",
    "审结",
    "未结",
    "结案",
    "其中",
    "决定",
    "败诉",
    "胜诉",
    "出庭",
    "判决",
    "撤诉",
    "调解",
];

/// Every pattern.
pub(super) static PATTERNS: &[Pattern] = &[
    on(
        "applications.new_received.total",
        &[&["新收"]],
        APPLICATION_VETOES,
        T3,
        &[("new_received", "total")],
        false,
    ),
    Pattern {
        instance: "applications.new_received.total",
        cues: &[&["收到", "受理", "接收", "接到"], &["申请"]],
        vetoes: APPLICATION_VETOES,
        unit: Unit::Count,
        cells: Cells::Received,
    },
    on(
        "applications.carried_over.total",
        &[&["上年结转", "上年度结转", "上一年度结转", "上一年结转"]],
        &["下年", "下一年", "复议", "诉讼", "自然人", "法人", "企业"],
        T3,
        &[("carried_over", "total")],
        false,
    ),
    on(
        "applications.carried_forward.total",
        &[
            &["下年", "下一年"],
            &["结转", "顺延", "转入", "转至", "延续"],
        ],
        &["上年", "上一年", "复议", "诉讼", "自然人", "法人", "企业"],
        T3,
        &[("carried_forward", "total")],
        false,
    ),
    on(
        "applications.results.total.total",
        &[&["办结", "答复", "办理完毕", "处理完毕"]],
        &[
            "下年",
            "下一年",
            "结转",
            "复议",
            "诉讼",
            "起诉",
            "其中",
            "自然人",
            "法人",
            "企业",
            "予以公开",
            "部分公开",
            "不予",
            "无法提供",
            "其他处理",
            "未",
            "率",
            "逾期",
            "延期",
            "按时",
            "当场",
            "其他",
            "其它",
            "同意",
            "许可",
            "审批",
            "信访",
            "建议",
            "提案",
            "事项",
            "办件",
            "咨询",
            "投诉",
            "举报",
            "诉求",
            "来信",
            "留言",
            "热线",
            "工单",
        ],
        T3,
        &[("results.total", "total")],
        false,
    ),
    on(
        "review_litigation.review.total",
        &[&["行政复议"]],
        REVIEW_VETOES,
        T4,
        &[("review", "total")],
        false,
    ),
    on(
        "review_litigation.litigation.total",
        &[&["行政诉讼"]],
        REVIEW_VETOES,
        T4,
        &[
            ("litigation_direct", "total"),
            ("litigation_after_review", "total"),
        ],
        false,
    ),
    part(0, "review_litigation.part.upheld", &[&["结果维持"]]),
    part(1, "review_litigation.part.corrected", &[&["结果纠正"]]),
    part(2, "review_litigation.part.other", &[&["其他结果"]]),
    part(3, "review_litigation.part.pending", &[&["尚未审结"]]),
    document(
        "active_disclosure.normative_documents.in_force",
        &[&["规范性文件"], &["现行有效"]],
        &[("normative_documents", "in_force")],
    ),
    document(
        "active_disclosure.normative_documents.issued",
        &[&["规范性文件"], ISSUED],
        &[("normative_documents", "issued")],
    ),
    document(
        "active_disclosure.normative_documents.repealed",
        &[&["规范性文件"], REPEALED],
        &[("normative_documents", "repealed")],
    ),
    document(
        "active_disclosure.regulations.in_force",
        &[&["规章"], &["现行有效"]],
        &[("regulations", "in_force")],
    ),
    document(
        "active_disclosure.regulations.issued",
        &[&["规章"], ISSUED],
        &[("regulations", "issued")],
    ),
    document(
        "active_disclosure.regulations.repealed",
        &[&["规章"], REPEALED],
        &[("regulations", "repealed")],
    ),
    decision(
        "active_disclosure.licensing.decisions",
        &[&["行政许可"], &["决定"]],
        &[("licensing", "decisions")],
    ),
    decision(
        "active_disclosure.punishment.decisions",
        &[&["行政处罚"], &["决定"]],
        &[("punishment", "decisions")],
    ),
    decision(
        "active_disclosure.coercion.decisions",
        &[&["行政强制"], &["决定"]],
        &[("coercion", "decisions")],
    ),
    Pattern {
        instance: "active_disclosure.fees.amount_wan_yuan",
        cues: &[&["行政事业性收费"]],
        vetoes: &[
            "信息处理费",
            "项目",
            "减免",
            "减收",
            "免收",
            "免征",
            "降低",
            "取消",
            "清理",
        ],
        unit: Unit::WanYuan,
        cells: Cells::Of {
            table: T2,
            cells: &[("fees", "amount_wan_yuan")],
            only_2021: true,
        },
    },
];

/// Words anywhere in a clause that make its figure no total of this year: a change,
/// a share, an average, a running total.
pub(super) const QUALIFIERS: &[&str] = &[
    "同比",
    "较上年",
    "比上年",
    "较去年",
    "增长",
    "增加",
    "减少",
    "下降",
    "上升",
    "提高",
    "降低",
    "累计",
    "历年",
    "以来",
    "%",
    "％",
    "占",
    "平均",
    "每",
    "人次",
    "本级",
    "各级",
    "各县",
    "各区",
    "各乡",
    "各镇",
    "各街道",
    "各部门",
    "各单位",
    "县区",
    "市直",
    "区直",
    "县直",
    "下属",
    "所属",
];

/// Words right before a figure that make it shared by several cells (`各5件`).
pub(super) const SHARED: &[&str] = &["各", "均", "均为", "分别", "分别为", "都"];

/// Words that put a clause in another year than the report's (`去年`, and `上年` not
/// followed by 结转).
pub(super) const OTHER_YEAR: &[&str] = &["去年", "前年", "明年", "上年同期"];

/// The patterns that apply to a clause for a figure of `unit`.
pub(super) fn matching(clause: &str, unit: Unit) -> Vec<&'static Pattern> {
    PATTERNS
        .iter()
        .filter(|p| {
            p.unit == unit
                && p.cues.iter().all(|g| g.iter().any(|w| clause.contains(w)))
                && !p.vetoes.iter().any(|w| clause.contains(w))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn instances(clause: &str) -> Vec<&'static str> {
        matching(clause, Unit::Count)
            .iter()
            .map(|p| p.instance)
            .collect()
    }

    #[test]
    fn each_pattern() {
        for (clause, instance) in [
            (
                "本年新收政府信息公开申请12件",
                "applications.new_received.total",
            ),
            (
                "全市共受理政府信息公开申请 3119 件",
                "applications.new_received.total",
            ),
            ("含上年度结转申请 34 件", "applications.carried_over.total"),
            (
                "另有 103 件顺延到下年度答复",
                "applications.carried_forward.total",
            ),
            (
                "结转下年度继续办理5件",
                "applications.carried_forward.total",
            ),
            ("答复 3050 件", "applications.results.total.total"),
            ("办结12件", "applications.results.total.total"),
            (
                "政府信息公开行政复议 351件",
                "review_litigation.review.total",
            ),
            ("行政复议案件2件", "review_litigation.review.total"),
            ("其中结果维持 72 件", "review_litigation.part.upheld"),
            ("尚未审结 7 件", "review_litigation.part.pending"),
            (
                "政府信息公开行政诉讼 46 件",
                "review_litigation.litigation.total",
            ),
            (
                "集中公开现行有效行政规范性文件698件",
                "active_disclosure.normative_documents.in_force",
            ),
            (
                "动态更新本年度制发的规范性文件88件",
                "active_disclosure.normative_documents.issued",
            ),
            (
                "废止规范性文件3件",
                "active_disclosure.normative_documents.repealed",
            ),
            ("制定规章2件", "active_disclosure.regulations.issued"),
            ("现行有效规章11件", "active_disclosure.regulations.in_force"),
            ("废止规章1件", "active_disclosure.regulations.repealed"),
            (
                "作出行政许可决定447228件",
                "active_disclosure.licensing.decisions",
            ),
            (
                "行政处罚决定3985758件",
                "active_disclosure.punishment.decisions",
            ),
            (
                "行政强制决定88283件",
                "active_disclosure.coercion.decisions",
            ),
        ] {
            assert_eq!(instances(clause), [instance], "{clause}");
        }
        assert_eq!(
            matching("行政事业性收费96171.6万元", Unit::WanYuan)
                .iter()
                .map(|p| p.instance)
                .collect::<Vec<_>>(),
            ["active_disclosure.fees.amount_wan_yuan"]
        );
    }

    #[test]
    fn what_no_pattern_takes() {
        for clause in [
            "收取政府信息公开信息处理费3940元",
            "行政许可类信息69条",
            "政策、规范性文件类信息68条",
            "涉及自然人72件",
            "其中予以公开5件",
            "全年办理政府信息公开申请218件",
            "市政府及市政府办政策性文件 11 件",
            "经复议后提起行政诉讼3件",
            "其它公开答复数1条",
            "受理行政许可申请5000件",
            "办结人大代表建议12件",
            "答复群众咨询300次",
            "12345热线受理群众申请80件",
            "公开行政许可事项清单120项",
        ] {
            assert_eq!(instances(clause), Vec::<&str>::new(), "{clause}");
            assert!(matching(clause, Unit::WanYuan).is_empty(), "{clause}");
        }
    }

    #[test]
    fn two_meanings_match_two_patterns() {
        assert_eq!(instances("受理并办结申请5件").len(), 2);
        assert_eq!(instances("收到上年结转申请5件").len(), 2);
        assert_eq!(instances("行政复议和行政诉讼3件").len(), 2);
        assert_eq!(
            instances("收到行政复议申请2件"),
            ["review_litigation.review.total"]
        );
        assert_eq!(instances("现行有效规章和规范性文件12件").len(), 2);
    }
}
