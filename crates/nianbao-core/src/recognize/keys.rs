//! The label keys of the catalogue's own labels, computed once per process instead of
//! at every comparison (the recognizer compares each row of a document with every
//! template row).

use std::borrow::Cow;
use std::collections::HashMap;
use std::sync::LazyLock;

use super::rows::MATCH_THRESHOLD;
use crate::catalog::{
    ACTIVE_DISCLOSURE_2019, ACTIVE_DISCLOSURE_2021, APPLICANT_COLUMNS, APPLICATION_GROUP_LABELS,
    APPLICATION_ROWS, REVIEW_COLUMNS, REVIEW_GROUPS, RowSpec,
};
use crate::text::{label_key, similarity};

/// The key of a catalogue label and its length in characters.
#[derive(Debug, Clone)]
pub struct CatalogKey {
    /// [`label_key`] of the label.
    pub key: String,
    /// `key.chars().count()`.
    pub chars: usize,
}

impl CatalogKey {
    fn new(label: &str) -> Self {
        let key = label_key(label);
        let chars = key.chars().count();
        CatalogKey { key, chars }
    }
}

/// Every label of the catalogue that the recognizer matches against, by its text.
/// Only looked up, never iterated: its order does not matter.
static KEYS: LazyLock<HashMap<&'static str, CatalogKey>> = LazyLock::new(|| {
    let rows = APPLICATION_ROWS
        .iter()
        .chain(&ACTIVE_DISCLOSURE_2021)
        .chain(&ACTIVE_DISCLOSURE_2019)
        .chain(&REVIEW_GROUPS)
        .flat_map(RowSpec::labels);
    let columns = APPLICANT_COLUMNS
        .iter()
        .chain(&REVIEW_COLUMNS)
        .map(|c| c.label);
    rows.chain(columns)
        .chain(APPLICATION_GROUP_LABELS)
        .map(|label| (label, CatalogKey::new(label)))
        .collect()
});

/// The key of a catalogue label: from the table above, or computed when the label is
/// not in it.
pub fn catalog_key(label: &'static str) -> Cow<'static, CatalogKey> {
    match KEYS.get(label) {
        Some(k) => Cow::Borrowed(k),
        None => Cow::Owned(CatalogKey::new(label)),
    }
}

/// Whether a key is alike enough to a catalogue label to match it
/// (`similarity >= MATCH_THRESHOLD`), without comparing when the lengths alone rule it
/// out: no two keys score above 2·min(len)/(sum of len).
pub fn alike(key: &str, label: &'static str) -> bool {
    let label = catalog_key(label);
    let chars = key.chars().count();
    let bound = (2 * chars.min(label.chars)) as f64 / (chars + label.chars).max(1) as f64;
    bound >= MATCH_THRESHOLD && similarity(key, &label.key) >= MATCH_THRESHOLD
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cached_keys_are_the_label_keys() {
        for (label, k) in KEYS.iter() {
            assert_eq!(k.key, label_key(label), "{label}");
            assert_eq!(k.chars, k.key.chars().count());
        }
        assert!(KEYS.len() > 40);
        // A label that is not in the catalogue is keyed all the same.
        assert_eq!(catalog_key("（七）合计").key, "总计");
        assert!(matches!(
            catalog_key(APPLICANT_COLUMNS[0].label),
            Cow::Borrowed(_)
        ));
    }

    #[test]
    fn alike_is_similarity_over_the_threshold() {
        let texts = [
            "自然人",
            "商业企业",
            "科研机构",
            "社会公益组织",
            "法律服务机构",
            "其他",
            "总计",
            "结果维持",
            "尚未审结",
            "",
            "社会公益",
            "律服务机构",
            "商业 企业",
            "科研",
        ];
        for c in APPLICANT_COLUMNS.iter().chain(&REVIEW_COLUMNS) {
            for text in texts {
                let key = label_key(text);
                assert_eq!(
                    alike(&key, c.label),
                    similarity(&key, &label_key(c.label)) >= MATCH_THRESHOLD,
                    "{text} / {}",
                    c.label
                );
            }
        }
    }
}
