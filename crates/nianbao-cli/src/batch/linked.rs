//! The converted reports of a batch linked across years: grouped by agency
//! (normalized) and year, the cross-year rules run on every consecutive pair, two
//! reports of one agency and year compared cell by cell. Makes cross_year.csv and
//! agencies.csv.

use std::io::{self, Write};

use nianbao::link::{self, Entry, Group};
use nianbao::rules::{Status as RuleStatus, check_cross_year};

use super::record::{Record, Spool, Status};
use crate::csv::{BOM, write_record};
use crate::tabular::{self, CROSS_YEAR_HEADER, CrossYearRow, value_word};

/// What linking found.
#[derive(Debug, Default)]
pub struct Linked {
    /// The agencies with at least one linked report.
    pub groups: Vec<Group>,
    /// Every row of cross_year.csv.
    pub rows: Vec<CrossYearRow>,
    /// Consecutive-year pairs checked.
    pub pairs: usize,
    /// Same-year pairs compared.
    pub duplicates: usize,
}

impl Linked {
    /// Cross-year findings failed (the duplicates' differences not counted).
    pub fn failed(&self) -> usize {
        self.rows
            .iter()
            .filter(|r| r.rule != DUPLICATE && r.status == RuleStatus::Failed)
            .count()
    }

    /// Same-year pairs that differ in some cell.
    pub fn duplicates_differing(&self) -> usize {
        let mut pairs: Vec<(&str, &str)> = self
            .rows
            .iter()
            .filter(|r| r.rule == DUPLICATE && r.status == RuleStatus::Failed)
            .map(|r| (r.source.as_str(), r.previous_source.as_str()))
            .collect();
        pairs.dedup();
        pairs.len()
    }

    /// The agencies whose reports print their name in more than one way.
    pub fn merged_names(&self) -> impl Iterator<Item = &Group> {
        self.groups.iter().filter(|g| g.names.len() > 1)
    }
}

/// The rule of a same-year comparison in cross_year.csv.
pub const DUPLICATE: &str = "duplicate";

/// Links the converted records (`records` in source order; the spool holds their cell
/// values for the cell-by-cell comparison of duplicates).
pub fn link_records(records: &[Record], spool: &Spool) -> Linked {
    let entries: Vec<Entry<'_>> = records
        .iter()
        .enumerate()
        .filter(|(_, r)| r.status == Status::Ok)
        .filter_map(|(i, r)| Some(Entry::of(i, r.basis.as_deref()?)))
        .collect();
    let mut linked = Linked {
        groups: link::link(&entries),
        ..Linked::default()
    };
    let mut rows = Vec::new();
    for group in &linked.groups {
        let agency = group.key.as_str();
        for (p, c) in group.pairs() {
            let (Some(prev), Some(cur)) = (records.get(p), records.get(c)) else {
                continue;
            };
            let (Some(prev_basis), Some(cur_basis)) = (&prev.basis, &cur.basis) else {
                continue;
            };
            let years = (
                prev_basis.meta.year.unwrap_or_default(),
                cur_basis.meta.year.unwrap_or_default(),
            );
            let sources = (prev.source.as_str(), cur.source.as_str());
            linked.pairs += 1;
            match check_cross_year(prev_basis, cur_basis) {
                Ok(findings) => rows.extend(
                    findings
                        .iter()
                        .map(|f| CrossYearRow::of_finding(f, agency, sources, years)),
                ),
                // Not reached: the pair shares its agency key and its years follow.
                Err(e) => rows.push(note_row(
                    agency,
                    sources,
                    years,
                    "cross_year",
                    &e.to_string(),
                )),
            }
        }
        for (a, b) in group.duplicates() {
            let (Some(first), Some(second)) = (records.get(a), records.get(b)) else {
                continue;
            };
            linked.duplicates += 1;
            rows.extend(compare_duplicate(agency, first, second, spool));
        }
    }
    linked.rows = rows;
    linked
}

/// The rows of a same-year pair: one per cell that differs, or one saying every cell
/// is the same.
fn compare_duplicate(
    agency: &str,
    first: &Record,
    second: &Record,
    spool: &Spool,
) -> Vec<CrossYearRow> {
    let year = first
        .basis
        .as_ref()
        .and_then(|b| b.meta.year)
        .unwrap_or_default();
    let sources = (first.source.as_str(), second.source.as_str());
    let read = |r: &Record| -> Result<Vec<(String, nianbao::CellValue)>, String> {
        let at = r.values_at.ok_or("no cell values spooled")?;
        let text = spool.read(at).map_err(|e| e.to_string())?;
        Ok(tabular::parse_values(&text))
    };
    let (a, b) = match (read(first), read(second)) {
        (Ok(a), Ok(b)) => (a, b),
        (Err(e), _) | (_, Err(e)) => {
            return vec![note_row(
                agency,
                sources,
                (year, year),
                DUPLICATE,
                &format!("cannot be compared: {e}"),
            )];
        }
    };
    let comparison = link::compare_values(a, b);
    let row = |column: &str, status, left: String, right: String, note: String| {
        let mut row = CrossYearRow::new(agency, (year, year), sources, DUPLICATE, column, status);
        (row.left, row.right, row.note) = (left, right, note);
        row
    };
    let mut rows: Vec<CrossYearRow> = comparison
        .differences
        .iter()
        .map(|d| {
            row(
                &d.path,
                RuleStatus::Failed,
                value_word(d.right.as_ref()),
                value_word(d.left.as_ref()),
                String::new(),
            )
        })
        .collect();
    for kind in &comparison.tables_in_one_only {
        rows.push(row(
            kind.key(),
            RuleStatus::Failed,
            String::new(),
            String::new(),
            "the table is in one report only".into(),
        ));
    }
    if rows.is_empty() {
        rows.push(row(
            "*",
            RuleStatus::Passed,
            String::new(),
            String::new(),
            format!("the same value in all {} cells", comparison.same),
        ));
    }
    rows
}

fn note_row(
    agency: &str,
    sources: (&str, &str),
    years: (i32, i32),
    rule: &str,
    note: &str,
) -> CrossYearRow {
    let mut row = CrossYearRow::new(agency, years, sources, rule, "", RuleStatus::NotAssessable);
    row.note = note.to_owned();
    row
}

/// Writes cross_year.csv.
pub fn write_cross_year<W: Write>(out: &mut W, linked: &Linked) -> io::Result<()> {
    out.write_all(BOM.as_bytes())?;
    write_record(out, &CROSS_YEAR_HEADER)?;
    linked.rows.iter().try_for_each(|r| r.write(out))
}

/// Writes agencies.csv: one row an agency (normalized), with every name as printed
/// that was merged into it, its years and its number of reports.
pub fn write_agencies<W: Write>(out: &mut W, linked: &Linked) -> io::Result<()> {
    out.write_all(BOM.as_bytes())?;
    write_record(out, &["agency", "names", "years", "reports"])?;
    for g in &linked.groups {
        let names: Vec<&str> = g.names.iter().map(String::as_str).collect();
        let years: Vec<String> = g.years.keys().map(i32::to_string).collect();
        let reports: usize = g.years.values().map(Vec::len).sum();
        write_record(
            out,
            &[
                g.key.as_str(),
                &names.join("; "),
                &years.join(";"),
                &reports.to_string(),
            ],
        )?;
    }
    Ok(())
}
