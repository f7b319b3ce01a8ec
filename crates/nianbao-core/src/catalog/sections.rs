//! The six sections of a report.

/// The six sections, by their canonical key.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
#[cfg_attr(
    feature = "json",
    derive(serde::Serialize, serde::Deserialize, schemars::JsonSchema)
)]
#[cfg_attr(feature = "json", serde(rename_all = "snake_case"))]
pub enum SectionKey {
    /// 一、总体情况
    Overview,
    /// 二、主动公开政府信息情况
    ActiveDisclosure,
    /// 三、收到和处理政府信息公开申请情况
    Applications,
    /// 四、政府信息公开行政复议、行政诉讼情况
    ReviewLitigation,
    /// 五、存在的主要问题及改进情况
    Problems,
    /// 六、其他需要报告的事项
    OtherMatters,
}

impl SectionKey {
    /// All six, in canonical order.
    pub const ALL: [SectionKey; 6] = [
        SectionKey::Overview,
        SectionKey::ActiveDisclosure,
        SectionKey::Applications,
        SectionKey::ReviewLitigation,
        SectionKey::Problems,
        SectionKey::OtherMatters,
    ];

    /// The key in the JSON.
    pub fn key(self) -> &'static str {
        match self {
            SectionKey::Overview => "overview",
            SectionKey::ActiveDisclosure => "active_disclosure",
            SectionKey::Applications => "applications",
            SectionKey::ReviewLitigation => "review_litigation",
            SectionKey::Problems => "problems",
            SectionKey::OtherMatters => "other_matters",
        }
    }

    /// The canonical heading, numbering included.
    pub fn heading(self) -> &'static str {
        match self {
            SectionKey::Overview => "一、总体情况",
            SectionKey::ActiveDisclosure => "二、主动公开政府信息情况",
            SectionKey::Applications => "三、收到和处理政府信息公开申请情况",
            SectionKey::ReviewLitigation => "四、政府信息公开行政复议、行政诉讼情况",
            SectionKey::Problems => "五、存在的主要问题及改进情况",
            SectionKey::OtherMatters => "六、其他需要报告的事项",
        }
    }

    /// The heading texts (numbering and punctuation removed, see
    /// [`text::label_key`](crate::text::label_key)) that name the section.
    pub fn heading_keys(self) -> &'static [&'static str] {
        match self {
            SectionKey::Overview => &[
                "总体情况",
                "政府信息公开总体情况",
                "政府信息公开工作总体情况",
                "基本情况",
                "概述",
            ],
            SectionKey::ActiveDisclosure => &["主动公开政府信息情况", "主动公开政府信息"],
            SectionKey::Applications => &[
                "收到和处理政府信息公开申请情况",
                "收到和处理政府信息公开申请",
                "依申请公开政府信息情况",
                "政府信息依申请公开工作情况",
                "政府信息依申请公开情况",
                "依申请公开政府信息工作情况",
            ],
            SectionKey::ReviewLitigation => &[
                "政府信息公开行政复议行政诉讼情况",
                "因政府信息公开工作被申请行政复议和提起行政诉讼情况",
                "政府信息公开行政复议和行政诉讼情况",
                "因政府信息公开申请行政复议提起行政诉讼的情况",
                "行政复议行政诉讼情况",
            ],
            SectionKey::Problems => &[
                "存在的主要问题及改进情况",
                "政府信息公开工作存在的主要问题及改进情况",
                "存在的主要问题和改进情况",
                "工作中存在的主要问题及改进情况",
                "存在的主要问题及改进措施",
                "存在的问题及改进情况",
                "存在的主要问题和改进措施",
                "存在的问题和改进措施",
            ],
            SectionKey::OtherMatters => &["其他需要报告的事项", "其他需要报告的事情"],
        }
    }

    /// The section from its JSON key.
    pub fn from_key(key: &str) -> Option<SectionKey> {
        SectionKey::ALL.into_iter().find(|k| k.key() == key)
    }
}
