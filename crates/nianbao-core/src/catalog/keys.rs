//! Typed keys for every row and column of the three tables: a misspelt key is a
//! compile error, not a silent `None`. The string form (the JSON path) is
//! `as_str` ([`RowKey::path`] / [`ColumnKey::key`]); each variant's doc is its printed label.
//!
//! ```
//! use nianbao_core::catalog::keys::{ApplicantColumn, ApplicationRow};
//! use nianbao_core::{TableKind, model::Table};
//!
//! let table = Table::new(TableKind::Applications, None);
//! assert_eq!(table.value(ApplicationRow::ResultsTotal, ApplicantColumn::Total), None);
//! assert_eq!(ApplicationRow::ResultsDeniedStateSecret.as_str(), "results.denied.state_secret");
//! assert_eq!(ApplicationRow::from_path("new_received"), Some(ApplicationRow::NewReceived));
//! ```
//!
//! A misspelt key does not compile:
//!
//! ```compile_fail,E0599
//! use nianbao_core::catalog::keys::ApplicationRow;
//! let row = ApplicationRow::NewRecieved;
//! ```
//!
//! Nor does a column of another table:
//!
//! ```compile_fail,E0308
//! use nianbao_core::catalog::keys::{ApplicationRow, ReviewColumn};
//! use nianbao_core::{TableKind, model::Table};
//! let table = Table::new(TableKind::Applications, None);
//! table.value(ApplicationRow::NewReceived, ReviewColumn::Total);
//! ```

use super::TableKind;

/// A typed row key of one table.
pub trait RowKey: Copy {
    /// The table the row belongs to.
    const TABLE: TableKind;
    /// The columns of this table.
    type Column: ColumnKey;
    /// The row's path under its table (`results.denied.state_secret`).
    fn path(self) -> &'static str;
}

/// A typed column key of one table.
pub trait ColumnKey: Copy {
    /// The column's key in the JSON (`natural_person`).
    fn key(self) -> &'static str;
}

macro_rules! keys {
    ($(#[$m:meta])* $name:ident { $($(#[$vm:meta])* $variant:ident = $key:literal,)* }) => {
        $(#[$m])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
        #[non_exhaustive]
        pub enum $name {
            $($(#[$vm])* $variant,)*
        }

        impl $name {
            /// Every key, in template order.
            pub const ALL: &'static [$name] = &[$($name::$variant,)*];

            /// The string form: the key or path in the JSON.
            pub fn as_str(self) -> &'static str {
                match self {
                    $($name::$variant => $key,)*
                }
            }

            /// The key from its string form.
            pub fn from_path(key: &str) -> Option<Self> {
                Self::ALL.iter().copied().find(|k| k.as_str() == key)
            }
        }

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(self.as_str())
            }
        }
    };
}

macro_rules! row_key {
    ($row:ident, $col:ident, $table:expr) => {
        impl RowKey for $row {
            const TABLE: TableKind = $table;
            type Column = $col;
            fn path(self) -> &'static str {
                self.as_str()
            }
        }

        impl ColumnKey for $col {
            fn key(self) -> &'static str {
                self.as_str()
            }
        }
    };
}

keys! {
    /// The rows of table 2 (主动公开政府信息情况), of both formats; the doc of each is its printed label (2021 / 2019 where they differ).
    ActiveDisclosureRow {
        /// 规章
        Regulations = "regulations",
        /// 行政规范性文件 / 规范性文件
        NormativeDocuments = "normative_documents",
        /// 行政许可
        Licensing = "licensing",
        /// 行政处罚
        Punishment = "punishment",
        /// 行政强制
        Coercion = "coercion",
        /// 行政事业性收费
        Fees = "fees",
        /// 其他对外管理服务事项
        OtherServices = "other_services",
        /// 政府集中采购
        Procurement = "procurement",
    }
}
keys! {
    /// The columns of table 2, of both formats; the doc of each is its printed label.
    ActiveDisclosureColumn {
        /// 本年制发件数
        Issued = "issued",
        /// 本年废止件数
        Repealed = "repealed",
        /// 现行有效件数
        InForce = "in_force",
        /// 本年处理决定数量 / 处理决定数量
        Decisions = "decisions",
        /// 本年收费金额（单位：万元） / 采购总金额
        AmountWanYuan = "amount_wan_yuan",
        /// 本年新制作数量
        Made = "made",
        /// 本年新公开数量
        Published = "published",
        /// 对外公开总数量
        TotalPublished = "total_published",
        /// 上一年项目数量
        PreviousItems = "previous_items",
        /// 本年增/减
        Change = "change",
        /// 采购项目数量
        Projects = "projects",
    }
}
keys! {
    /// The rows of table 3 (收到和处理政府信息公开申请情况), of both formats: the path under `applications`; the doc of each is its printed label.
    ApplicationRow {
        /// 一、本年新收政府信息公开申请数量
        NewReceived = "new_received",
        /// 二、上年结转政府信息公开申请数量
        CarriedOver = "carried_over",
        /// （一）予以公开
        ResultsGranted = "results.granted",
        /// （二）部分公开（区分处理的，只计这一情形，不计其他情形）
        ResultsPartiallyGranted = "results.partially_granted",
        /// 1.属于国家秘密
        ResultsDeniedStateSecret = "results.denied.state_secret",
        /// 2.其他法律行政法规禁止公开
        ResultsDeniedProhibitedByLaw = "results.denied.prohibited_by_law",
        /// 3.危及“三安全一稳定”
        ResultsDeniedEndangersSafetyStability = "results.denied.endangers_safety_stability",
        /// 4.保护第三方合法权益
        ResultsDeniedThirdPartyRights = "results.denied.third_party_rights",
        /// 5.属于三类内部事务信息
        ResultsDeniedInternalAffairs = "results.denied.internal_affairs",
        /// 6.属于四类过程性信息
        ResultsDeniedProcessInformation = "results.denied.process_information",
        /// 7.属于行政执法案卷
        ResultsDeniedEnforcementFiles = "results.denied.enforcement_files",
        /// 8.属于行政查询事项
        ResultsDeniedInquiryMatters = "results.denied.inquiry_matters",
        /// 1.本机关不掌握相关政府信息
        ResultsUnableToProvideNotHeld = "results.unable_to_provide.not_held",
        /// 2.没有现成信息需要另行制作
        ResultsUnableToProvideNeedsCreation = "results.unable_to_provide.needs_creation",
        /// 3.补正后申请内容仍不明确
        ResultsUnableToProvideUnclearAfterCorrection = "results.unable_to_provide.unclear_after_correction",
        /// 1.信访举报投诉类申请
        ResultsNotProcessedComplaints = "results.not_processed.complaints",
        /// 2.重复申请
        ResultsNotProcessedRepeated = "results.not_processed.repeated",
        /// 3.要求提供公开出版物
        ResultsNotProcessedPublications = "results.not_processed.publications",
        /// 4.无正当理由大量反复申请
        ResultsNotProcessedExcessive = "results.not_processed.excessive",
        /// 5.要求行政机关确认或重新出具已获取信息
        ResultsNotProcessedConfirmation = "results.not_processed.confirmation",
        /// 1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请
        ResultsOtherOverdueCorrection = "results.other.overdue_correction",
        /// 2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请
        ResultsOtherOverdueFee = "results.other.overdue_fee",
        /// 3.其他 / （六）其他处理
        ResultsOtherOther = "results.other.other",
        /// （七）总计
        ResultsTotal = "results.total",
        /// 四、结转下年度继续办理
        CarriedForward = "carried_forward",
    }
}
keys! {
    /// The seven applicant columns of table 3; the doc of each is its printed label.
    ApplicantColumn {
        /// 自然人
        NaturalPerson = "natural_person",
        /// 商业企业
        Commercial = "commercial",
        /// 科研机构
        Research = "research",
        /// 社会公益组织
        SocialWelfare = "social_welfare",
        /// 法律服务机构
        LegalServices = "legal_services",
        /// 其他
        OtherOrg = "other_org",
        /// 总计
        Total = "total",
    }
}
keys! {
    /// The three groups of table 4 (政府信息公开行政复议、行政诉讼情况); the doc of each is its printed label.
    ReviewGroup {
        /// 行政复议
        Review = "review",
        /// 未经复议直接起诉
        LitigationDirect = "litigation_direct",
        /// 复议后起诉
        LitigationAfterReview = "litigation_after_review",
    }
}
keys! {
    /// The five columns of each group of table 4; the doc of each is its printed label.
    ReviewColumn {
        /// 结果维持
        Upheld = "upheld",
        /// 结果纠正
        Corrected = "corrected",
        /// 其他结果
        Other = "other",
        /// 尚未审结
        Pending = "pending",
        /// 总计
        Total = "total",
    }
}

row_key!(
    ActiveDisclosureRow,
    ActiveDisclosureColumn,
    TableKind::ActiveDisclosure
);
row_key!(ApplicationRow, ApplicantColumn, TableKind::Applications);
row_key!(ReviewGroup, ReviewColumn, TableKind::ReviewLitigation);

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalog::{
        ACTIVE_DISCLOSURE_2019, ACTIVE_DISCLOSURE_2021, APPLICANT_COLUMNS, APPLICATION_ROWS,
        REVIEW_COLUMNS, REVIEW_GROUPS, RowSpec,
    };
    use std::collections::BTreeSet;

    fn set<'a>(keys: impl IntoIterator<Item = &'a str>) -> BTreeSet<&'a str> {
        keys.into_iter().collect()
    }

    fn columns(rows: &[&RowSpec]) -> BTreeSet<&'static str> {
        rows.iter()
            .flat_map(|r| r.columns.iter().map(|c| c.key))
            .collect()
    }

    /// The typed keys are exactly the catalogue's, no more, no fewer.
    #[test]
    fn every_key_of_the_catalogue_and_only_those() {
        let ad: Vec<&RowSpec> = ACTIVE_DISCLOSURE_2019
            .iter()
            .chain(&ACTIVE_DISCLOSURE_2021)
            .collect();
        assert_eq!(
            set(ActiveDisclosureRow::ALL.iter().map(|k| k.path())),
            set(ad.iter().map(|r| r.key))
        );
        assert_eq!(
            set(ActiveDisclosureColumn::ALL.iter().map(|k| k.key())),
            columns(&ad)
        );
        assert_eq!(
            set(ApplicationRow::ALL.iter().map(|k| k.path())),
            set(APPLICATION_ROWS.iter().map(|r| r.key))
        );
        assert_eq!(
            set(ApplicantColumn::ALL.iter().map(|k| k.key())),
            set(APPLICANT_COLUMNS.iter().map(|c| c.key))
        );
        assert_eq!(
            set(ReviewGroup::ALL.iter().map(|k| k.path())),
            set(REVIEW_GROUPS.iter().map(|r| r.key))
        );
        assert_eq!(
            set(ReviewColumn::ALL.iter().map(|k| k.key())),
            set(REVIEW_COLUMNS.iter().map(|c| c.key))
        );
        // Template order, and the string form reads back.
        let paths: Vec<&str> = ApplicationRow::ALL.iter().map(|k| k.path()).collect();
        let mut catalogue: Vec<&str> = APPLICATION_ROWS.iter().map(|r| r.key).collect();
        catalogue.dedup();
        assert_eq!(paths, catalogue);
        for k in ApplicationRow::ALL {
            assert_eq!(ApplicationRow::from_path(k.path()), Some(*k));
        }
        assert_eq!(ApplicationRow::from_path("new_recieved"), None);
    }
}
