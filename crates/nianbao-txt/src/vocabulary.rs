//! The labels of the national tables (from the core catalogue), used to join label
//! fragments that a text dump wrapped over several lines.

use nianbao_core::catalog::{
    ACTIVE_COLUMN_LABELS, APPLICANT_COLUMNS, APPLICATION_GROUP_LABELS, REVIEW_COLUMNS, TableFormat,
    TableKind,
};
use nianbao_core::text::label_key;

/// How a text stands to the catalogue's labels.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) enum Fit {
    /// Not a label, nor the start of one.
    None,
    /// The start of a label (more lines should follow).
    Prefix,
    /// A whole label.
    Exact,
}

/// The label keys of every row, column and group label of the national tables.
#[derive(Debug)]
pub(crate) struct Vocabulary {
    keys: Vec<String>,
    groups: Vec<String>,
}

impl Vocabulary {
    /// Collects the keys from the core catalogue.
    pub(crate) fn new() -> Self {
        let mut keys: Vec<String> = Vec::new();
        let mut groups: Vec<String> = APPLICATION_GROUP_LABELS
            .iter()
            .map(|l| label_key(l))
            .collect();
        for kind in TableKind::ALL {
            for format in [TableFormat::Trial2019, TableFormat::Format2021] {
                for row in kind.rows(Some(format)) {
                    keys.extend(row.labels().map(label_key));
                    if let Some(g) = row.group {
                        keys.push(label_key(g));
                        groups.push(label_key(g));
                    }
                }
            }
        }
        keys.extend(ACTIVE_COLUMN_LABELS.iter().map(|(l, _, _)| label_key(l)));
        keys.extend(APPLICANT_COLUMNS.iter().map(|c| label_key(c.label)));
        keys.extend(REVIEW_COLUMNS.iter().map(|c| label_key(c.label)));
        keys.extend(groups.iter().cloned());
        groups.sort();
        groups.dedup();
        keys.retain(|k| !k.is_empty());
        keys.sort();
        keys.dedup();
        Vocabulary { keys, groups }
    }

    /// How `text` fits the labels.
    pub(crate) fn fit(&self, text: &str) -> Fit {
        let key = label_key(text);
        if key.is_empty() {
            return Fit::None;
        }
        if self.keys.binary_search(&key).is_ok() {
            Fit::Exact
        } else if self.keys.iter().any(|k| k.starts_with(&key)) {
            Fit::Prefix
        } else {
            Fit::None
        }
    }

    /// Whether `text` is a group label (（三）不予公开, 三、本年度办理结果, …).
    pub(crate) fn is_group(&self, text: &str) -> bool {
        let key = label_key(text);
        self.groups.contains(&key)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fragments_and_labels() {
        let v = Vocabulary::new();
        assert_eq!(v.fit("（二）部分公开（区分处理的，只计这一情"), Fit::Prefix);
        assert_eq!(
            v.fit("（二）部分公开（区分处理的，只计这一情形，不计其他情形）"),
            Fit::Exact
        );
        assert_eq!(v.fit("形，不计其他情形）"), Fit::None);
        assert_eq!(
            v.fit("1、申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请"),
            Fit::Exact
        );
        assert_eq!(v.fit("商业企"), Fit::Prefix);
        assert_eq!(v.fit("规章"), Fit::Exact);
        assert!(v.is_group("（三）不予公开"));
    }
}
