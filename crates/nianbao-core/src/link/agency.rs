//! Agency names normalized, so that one agency's reports of different years (and
//! different publications) are grouped even when they name it differently.

use std::fmt;

use super::traditional::PAIRS;
use crate::text::{fold_full_width, is_space};

/// The province-level divisions, as a name starts with them (`江苏省淮安市人民政府`).
const PROVINCES: [&str; 34] = [
    "北京市",
    "天津市",
    "上海市",
    "重庆市",
    "河北省",
    "山西省",
    "辽宁省",
    "吉林省",
    "黑龙江省",
    "江苏省",
    "浙江省",
    "安徽省",
    "福建省",
    "江西省",
    "山东省",
    "河南省",
    "湖北省",
    "湖南省",
    "广东省",
    "海南省",
    "四川省",
    "贵州省",
    "云南省",
    "陕西省",
    "甘肃省",
    "青海省",
    "台湾省",
    "内蒙古自治区",
    "广西壮族自治区",
    "西藏自治区",
    "宁夏回族自治区",
    "新疆维吾尔自治区",
    "香港特别行政区",
    "澳门特别行政区",
];

/// Endings that name the same body in another way: the government, its general
/// office, a development zone's administrative committee, a sub-district's office.
/// Longest first; removed again and again from the end.
const SUFFIXES: [&str; 11] = [
    "人民政府办公室",
    "人民政府办公厅",
    "管理委员会",
    "政府办公室",
    "政府办公厅",
    "人民政府",
    "办公室",
    "办公厅",
    "办事处",
    "管委会",
    "政府",
];

/// An agency's name normalized for grouping: white space and punctuation removed,
/// full-width letters and digits folded, Traditional characters read as Simplified,
/// a leading province-level name and trailing 人民政府 / 政府 / 办公室 / 办公厅 /
/// 管委会 / 管理委员会 / 办事处 removed.
///
/// Two names with the same key are taken for one agency: `淮安市人民政府`,
/// `淮安市政府`, `江苏省淮安市人民政府办公室` and `淮安市人民政府` in Traditional
/// characters all give `淮安市`. A county and a city of one name stay apart
/// (`淮安市` and `淮安区` differ), and so do a township and its county: only the
/// province is dropped from the front.
///
/// ```
/// use nianbao_core::link::AgencyKey;
/// let key = |s| AgencyKey::of(s).unwrap();
/// assert_eq!(key("淮安市人民政府"), key("江苏省 淮安市政府办公室"));
/// assert_eq!(key("淮安市人民政府"), key("淮安市人民政府"));
/// assert_eq!(key("平潭綜合實驗區管委會").as_str(), "平潭综合实验区");
/// assert_ne!(key("淮安市"), key("淮安区"));
/// assert_eq!(key("江苏省人民政府").as_str(), "江苏省");
/// assert!(AgencyKey::of(" 人民政府 ").is_none());
/// ```
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct AgencyKey(String);

impl AgencyKey {
    /// The key of a name as printed; `None` when nothing of a name is left (an empty
    /// name, or one that is only 人民政府).
    pub fn of(name: &str) -> Option<AgencyKey> {
        let mut key: String = fold_full_width(name)
            .chars()
            .filter(|c| !is_space(*c) && !is_punctuation(*c))
            .map(simplify)
            .collect();
        // The longest ending that matches is removed; when it is the whole name, the
        // name is nothing but endings and nothing more is removed.
        while let Some(rest) = SUFFIXES
            .iter()
            .find_map(|suffix| key.strip_suffix(suffix))
            .filter(|rest| !rest.is_empty())
        {
            let len = rest.len();
            key.truncate(len);
        }
        if SUFFIXES.contains(&key.as_str()) {
            return None;
        }
        for province in PROVINCES {
            if let Some(rest) = key.strip_prefix(province)
                && !rest.is_empty()
            {
                key = rest.to_owned();
                break;
            }
        }
        (!key.is_empty()).then_some(AgencyKey(key))
    }

    /// The normalized name.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for AgencyKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// Punctuation that a name may carry or lose between publications: `·`, brackets,
/// quotes, dashes, commas.
fn is_punctuation(c: char) -> bool {
    c.is_ascii_punctuation()
        || matches!(
            c,
            '·' | '・'
                | '（'
                | '）'
                | '【'
                | '】'
                | '〔'
                | '〕'
                | '《'
                | '》'
                | '“'
                | '”'
                | '‘'
                | '’'
                | '、'
                | '，'
                | '—'
                | '－'
        )
}

/// A Traditional character as Simplified; any other character as is.
fn simplify(c: char) -> char {
    PAIRS
        .binary_search_by_key(&c, |(t, _)| *t)
        .ok()
        .and_then(|i| PAIRS.get(i))
        .map_or(c, |(_, s)| *s)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key(s: &str) -> String {
        AgencyKey::of(s).map(|k| k.0).unwrap_or_default()
    }

    #[test]
    fn the_table_is_sorted_and_simplifies() {
        assert!(PAIRS.windows(2).all(|w| w[0].0 < w[1].0));
        assert_eq!(simplify('縣'), '县');
        assert_eq!(simplify('县'), '县');
        assert_eq!(simplify('a'), 'a');
    }

    #[test]
    fn variants_of_one_agency_share_a_key() {
        for name in [
            "淮安市人民政府",
            "淮安市政府",
            "淮安市人民政府办公室",
            "淮安市政府办公室",
            "江苏省淮安市人民政府",
            "淮安市人民政府",
            " 淮安市 人民政府\u{3000}",
        ] {
            assert_eq!(key(name), "淮安市", "{name}");
        }
        assert_eq!(key("平潭综合实验区管理委员会"), "平潭综合实验区");
        assert_eq!(key("平潭综合实验区"), "平潭综合实验区");
        assert_eq!(key("城关街道办事处"), "城关街道");
        assert_eq!(key("国务院办公厅"), "国务院");
        assert_eq!(key("ＸＸ县（试点）"), "XX县试点");
    }

    #[test]
    fn different_agencies_stay_apart() {
        assert_ne!(key("淮安市人民政府"), key("淮安区人民政府"));
        assert_ne!(key("乡宁县人民政府"), key("乡宁县双鹤乡人民政府"));
        assert_ne!(key("平潭县人民政府"), key("平潭综合实验区"));
        assert_eq!(key("北京市人民政府"), "北京市");
        assert_eq!(key("北京市海淀区人民政府"), "海淀区");
    }

    #[test]
    fn a_name_of_nothing_but_endings_has_no_key() {
        assert_eq!(AgencyKey::of(""), None);
        assert_eq!(AgencyKey::of("政府"), None);
        assert_eq!(AgencyKey::of("人民政府办公室"), None);
        assert_eq!(AgencyKey::of("（）"), None);
    }
}
