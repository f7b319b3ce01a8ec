//! Figures the report's own prose states for table cells (`集中公开现行有效行政规范性文件
//! 698件`), used as evidence for splitting a run of glued digits and for nothing else.
//!
//! A claim is taken only from a clause (text between `，` `。` `；` …) that names exactly
//! one row subject (`规范性文件`, `行政许可`, …), exactly one column meaning (`制发`,
//! `废止`, `现行有效`, `处理决定`) and exactly one number with its unit (件 个 项
//! 万元), with no approximation (余 多 约 近 超过 以上 左右 …) nor a word that gives
//! one number to several cells (各 均 分别 共 合计). Other digits in the clause may only
//! be dates (`2022年`). Two clauses stating different numbers for the same cell
//! cancel each other.

use nianbao_core::catalog::{ColumnKind, RowSpec};

/// Row subjects, as the prose names them; a row's label must contain its subject.
const SUBJECTS: [&str; 7] = [
    "规章",
    "规范性文件",
    "行政许可",
    "行政处罚",
    "行政强制",
    "收费",
    "集中采购",
];
/// Column meanings, as the prose names them; a column's label must contain its meaning.
const MEANINGS: [&str; 4] = ["制发", "废止", "现行有效", "处理决定"];
/// Words that make a number approximate or shared by several cells.
const VAGUE: [&str; 16] = [
    "余", "多", "约", "近", "超过", "逾", "以上", "左右", "不到", "不足", "上下", "各", "均",
    "分别", "共", "合计",
];
/// Units after a number, longest first.
const UNITS: [&str; 4] = ["万元", "件", "个", "项"];

/// A figure the prose states for one cell.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Claim {
    /// The row subject named (one of [`SUBJECTS`]).
    pub subject: &'static str,
    /// The column meaning named (one of [`MEANINGS`]).
    pub meaning: &'static str,
    /// The number as printed.
    pub value: String,
    /// Its unit.
    pub unit: &'static str,
    /// The clause it was read from.
    pub clause: String,
}

impl Claim {
    /// Whether the claim is about column `column` of row `spec`.
    fn names(&self, spec: &RowSpec, column: usize) -> bool {
        let Some(col) = spec.columns.get(column) else {
            return false;
        };
        let money = col.kind == ColumnKind::Money;
        let row_named = std::iter::once(spec.label)
            .chain(spec.aliases.iter().copied())
            .any(|l| l.contains(self.subject));
        row_named && col.label.contains(self.meaning) && money == (self.unit == "万元")
    }
}

/// The unambiguous claims of a text.
pub(crate) fn claims(text: &str) -> Vec<Claim> {
    let mut out: Vec<Claim> = Vec::new();
    let mut conflicting: Vec<(&str, &str)> = Vec::new();
    for clause in text.split([
        '，', ',', '。', '；', ';', '：', ':', '！', '？', '（', '）', '(', ')',
    ]) {
        let Some(claim) = claim(clause) else { continue };
        let same = |c: &Claim| c.subject == claim.subject && c.meaning == claim.meaning;
        if let Some(other) = out.iter().find(|c| same(c)) {
            if other.value != claim.value || other.unit != claim.unit {
                conflicting.push((claim.subject, claim.meaning));
            }
            continue;
        }
        out.push(claim);
    }
    out.retain(|c| !conflicting.contains(&(c.subject, c.meaning)));
    out
}

/// The claim of one clause, if it states exactly one.
fn claim(clause: &str) -> Option<Claim> {
    let clause = clause.trim();
    if VAGUE.iter().any(|w| clause.contains(w)) {
        return None;
    }
    let one = |words: &[&'static str]| -> Option<&'static str> {
        let found: Vec<&'static str> = words
            .iter()
            .copied()
            .filter(|w| clause.contains(w))
            .collect();
        match found.as_slice() {
            [w] => Some(*w),
            _ => None,
        }
    };
    let subject = one(&SUBJECTS)?;
    let meaning = one(&MEANINGS)?;
    let mut stated: Option<(String, &'static str)> = None;
    let chars: Vec<char> = clause.chars().collect();
    let mut i = 0;
    while i < chars.len() {
        if !chars.get(i).is_some_and(char::is_ascii_digit) {
            i += 1;
            continue;
        }
        let mut end = i;
        while chars
            .get(end)
            .is_some_and(|c| c.is_ascii_digit() || *c == '.')
        {
            end += 1;
        }
        let number: String = chars.get(i..end).unwrap_or_default().iter().collect();
        let after: String = chars.get(end..).unwrap_or_default().iter().collect();
        match UNITS.iter().find(|u| after.starts_with(*u)) {
            Some(unit) if stated.is_none() => stated = Some((number, unit)),
            // A second figure: the clause states more than one.
            Some(_) => return None,
            None if after.starts_with(['年', '月', '日', '号']) => {}
            None => return None,
        }
        i = end;
    }
    let (value, unit) = stated?;
    let int = value.split('.').next().unwrap_or_default();
    let well_formed = !int.is_empty()
        && (int == "0" || !int.starts_with('0'))
        && value.split('.').count() <= 2
        && !value.ends_with('.');
    well_formed.then(|| Claim {
        subject,
        meaning,
        value,
        unit,
        clause: clause.to_owned(),
    })
}

/// For each column of `spec`, the claim stating its figure, if any.
pub(crate) fn for_row<'a>(claims: &'a [Claim], spec: &RowSpec) -> Vec<Option<&'a Claim>> {
    (0..spec.columns.len())
        .map(|i| {
            let named: Vec<&Claim> = claims.iter().filter(|c| c.names(spec, i)).collect();
            match named.as_slice() {
                [c] => Some(*c),
                _ => None,
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn values(text: &str) -> Vec<(&'static str, &'static str, String)> {
        claims(text)
            .into_iter()
            .map(|c| (c.subject, c.meaning, c.value))
            .collect()
    }

    #[test]
    fn one_subject_one_meaning_one_number() {
        assert_eq!(
            values("集中公开现行有效行政规范性文件698件，动态更新本年度制发的规范性文件88件。"),
            [
                ("规范性文件", "现行有效", "698".to_owned()),
                ("规范性文件", "制发", "88".to_owned())
            ]
        );
        assert_eq!(
            values("2022年制发规范性文件12件"),
            [("规范性文件", "制发", "12".to_owned())]
        );
    }

    #[test]
    fn vague_shared_or_unnamed_figures_are_no_claims() {
        for text in [
            "本年制发规范性文件80余件",
            "现行有效规范性文件约700件",
            "制发规范性文件超过80件",
            "本年制发、废止规范性文件各5件",
            "制发规章和规范性文件5件",
            "制发规范性文件5件、废止3件",
            "规范性文件5件",
            "制发规范性文件",
            "制发规范性文件5份",
        ] {
            assert_eq!(values(text), [], "{text}");
        }
        // Two different figures for one cell cancel each other.
        assert_eq!(values("制发规范性文件5件。制发规范性文件6件。"), []);
        assert_eq!(values("制发规范性文件5件。制发规范性文件5件。").len(), 1);
    }
}
