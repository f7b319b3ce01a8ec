//! Reports linked across years: one agency's reports grouped (its names normalized,
//! see [`AgencyKey`]), consecutive years paired for the cross-year rules
//! ([`rules::check_cross_year`](crate::rules::check_cross_year)), and two reports of
//! one agency and year (a page and its attachment, a re-publication) found and
//! compared cell by cell rather than one of them silently picked.
//!
//! ```
//! use nianbao_core::link::{Entry, link};
//! let entries = [
//!     Entry::new(0, Some("淮安市人民政府"), Some(2023)),
//!     Entry::new(1, Some("淮安市政府"), Some(2024)),
//!     Entry::new(2, Some("淮安市人民政府"), Some(2024)),
//!     Entry::new(3, Some("淮安区人民政府"), Some(2024)),
//!     Entry::new(4, None, Some(2024)),
//! ];
//! let groups = link(&entries);
//! assert_eq!(groups.len(), 2); // 淮安区 and 淮安市; the report with no agency is not linked
//! let city = &groups[1];
//! assert_eq!(city.key.as_str(), "淮安市");
//! assert_eq!(city.names.len(), 2); // 淮安市人民政府 and 淮安市政府 were merged
//! assert_eq!(city.pairs(), [(0, 1), (0, 2)]);
//! assert_eq!(city.duplicates(), [(1, 2)]);
//! ```

mod agency;
mod compare;
mod traditional;

pub use agency::AgencyKey;
pub use compare::{CellDifference, Comparison, compare_cells, compare_values};

use std::collections::{BTreeMap, BTreeSet};

use crate::Report;
use crate::model::Table;

/// A report to link: the caller's index for it, and its agency and year as printed.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct Entry<'a> {
    /// The caller's index of the report (its place in the caller's list).
    pub index: usize,
    /// The agency as printed.
    pub agency: Option<&'a str>,
    /// The year reported on.
    pub year: Option<i32>,
}

impl<'a> Entry<'a> {
    /// An entry.
    pub fn new(index: usize, agency: Option<&'a str>, year: Option<i32>) -> Entry<'a> {
        Entry {
            index,
            agency,
            year,
        }
    }

    /// The entry of a report.
    pub fn of(index: usize, report: &'a Report) -> Entry<'a> {
        Entry::new(index, report.meta.agency.as_deref(), report.meta.year)
    }
}

/// The reports of one agency, by year.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct Group {
    /// The normalized agency name.
    pub key: AgencyKey,
    /// Every name as printed that gave this key (more than one: names were merged).
    pub names: BTreeSet<String>,
    /// The caller's indices of the reports of each year, in the caller's order.
    pub years: BTreeMap<i32, Vec<usize>>,
}

impl Group {
    /// The pairs of reports of consecutive years: (last year's, this year's), by year.
    /// Every report of a year is paired with the first report of the year before (in
    /// the caller's order); a second report of that year is compared with its first
    /// as a duplicate instead, so the pairs stay as many as the reports.
    pub fn pairs(&self) -> Vec<(usize, usize)> {
        let mut pairs = Vec::new();
        for (year, current) in &self.years {
            let Some(previous) = year
                .checked_sub(1)
                .and_then(|y| self.years.get(&y))
                .and_then(|p| p.first())
            else {
                continue;
            };
            pairs.extend(current.iter().map(|c| (*previous, *c)));
        }
        pairs
    }

    /// The pairs of reports of the same year: (the first of the year, a later one) in
    /// the caller's order; as many as the reports, however many copies a year has.
    pub fn duplicates(&self) -> Vec<(usize, usize)> {
        let mut pairs = Vec::new();
        for same in self.years.values() {
            if let Some((first, rest)) = same.split_first() {
                pairs.extend(rest.iter().map(|b| (*first, *b)));
            }
        }
        pairs
    }
}

/// Groups reports by agency (normalized) and year. A report with no agency or no
/// year cannot be linked and is left out. Groups are sorted by key.
pub fn link(entries: &[Entry<'_>]) -> Vec<Group> {
    let mut groups: BTreeMap<AgencyKey, Group> = BTreeMap::new();
    for e in entries {
        let (Some(name), Some(year)) = (e.agency, e.year) else {
            continue;
        };
        let Some(key) = AgencyKey::of(name) else {
            continue;
        };
        let group = groups.entry(key.clone()).or_insert_with(|| Group {
            key,
            names: BTreeSet::new(),
            years: BTreeMap::new(),
        });
        group.names.insert(name.to_owned());
        group.years.entry(year).or_default().push(e.index);
    }
    groups.into_values().collect()
}

/// The part of a report that the cross-year rules read: its meta and the rows of
/// tables 2 and 3 they use (上年结转, 结转下年度; 规章 and 行政规范性文件), without
/// narrative, labels or verbatim text. Small enough to keep for every report of a
/// large batch; [`check_cross_year`](crate::rules::check_cross_year) gives the same
/// findings on it as on the whole report.
pub fn basis(report: &Report) -> Report {
    let keep = |table: &Option<Table>, rows: &[&str]| {
        table.as_ref().map(|t| {
            let mut slim = Table::new(t.kind, t.format);
            slim.rows = t
                .rows
                .iter()
                .filter(|r| r.key.as_deref().is_some_and(|k| rows.contains(&k)))
                .map(|r| {
                    let mut row = r.clone();
                    row.label = String::new();
                    for (_, cell) in &mut row.cells {
                        cell.verbatim = None;
                        cell.normalizations = Vec::new();
                    }
                    row
                })
                .collect();
            slim
        })
    };
    Report {
        meta: report.meta.clone(),
        source: report.source.clone(),
        applications: keep(&report.applications, &["carried_over", "carried_forward"]),
        active_disclosure: keep(
            &report.active_disclosure,
            &["regulations", "normative_documents"],
        ),
        ..Report::default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn years_far_apart_are_not_paired() {
        let entries = [
            Entry::new(0, Some("甲县人民政府"), Some(2019)),
            Entry::new(1, Some("甲县人民政府"), Some(2022)),
            Entry::new(2, Some("甲县"), Some(2023)),
        ];
        let groups = link(&entries);
        assert_eq!(groups.len(), 1);
        assert_eq!(groups[0].pairs(), [(1, 2)]);
        assert!(groups[0].duplicates().is_empty());
        assert_eq!(groups[0].names.len(), 2);
    }

    #[test]
    fn copies_of_a_year_give_as_many_pairs_as_reports() {
        let mut entries = vec![Entry::new(0, Some("甲县"), Some(2020))];
        entries.extend((1..=1000).map(|i| Entry::new(i, Some("甲县"), Some(2021))));
        entries.extend((1001..=2000).map(|i| Entry::new(i, Some("甲县"), Some(2022))));
        let group = &link(&entries)[0];
        // 2021's 1000 reports each with 2020's; 2022's 1000 each with 2021's first.
        assert_eq!(group.pairs().len(), 2000);
        assert!(group.pairs().iter().skip(1000).all(|(p, _)| *p == 1));
        // 999 later copies of 2021 and of 2022, each with the first of its year.
        assert_eq!(group.duplicates().len(), 1998);
    }

    #[test]
    fn no_year_or_agency_is_not_linked() {
        let entries = [
            Entry::new(0, Some("甲县"), None),
            Entry::new(1, None, Some(2020)),
            Entry::new(2, Some("人民政府"), Some(2020)),
        ];
        assert!(link(&entries).is_empty());
    }
}
