//! What the page marks: the cells of failed rules, the figures of the narrative that
//! the `text.*` rules checked, and the place each diagnostic links to. Each is built
//! once per page (maps keyed by path), so marking is linear in the report.

use std::collections::{BTreeMap, BTreeSet};

use nianbao_core::rules::{Finding, Status};
use nianbao_core::{Analysis, Diagnostic, SectionKey, TableKind};

/// The id of a cell's element: `cell-applications.results.total.total`.
pub fn cell_id(path: &str) -> String {
    format!("cell-{path}")
}

/// The id of a section's heading: `section-overview`.
pub fn section_id(key: SectionKey) -> String {
    format!("section-{}", key.key())
}

/// The id of a table: `table-applications`.
pub fn table_id(kind: TableKind) -> String {
    format!("table-{}", kind.key())
}

/// The id of a finding's row in the findings table (`finding-3`: its index in
/// `Analysis::findings`).
pub fn finding_id(index: usize) -> String {
    format!("finding-{index}")
}

/// The id of a figure marked in the narrative (`claim-3`: its finding's index).
pub fn claim_id(index: usize) -> String {
    format!("claim-{index}")
}

/// The failed findings each cell path takes part in (left or right side), by index.
pub fn failed_cells(findings: &[Finding]) -> BTreeMap<&str, Vec<usize>> {
    let mut map: BTreeMap<&str, Vec<usize>> = BTreeMap::new();
    for (i, f) in findings.iter().enumerate() {
        if f.status != Status::Failed {
            continue;
        }
        for term in f.left_terms.iter().chain(&f.right_terms) {
            let list = map.entry(term.path.as_str()).or_default();
            if list.last() != Some(&i) {
                list.push(i);
            }
        }
    }
    map
}

/// A figure of the narrative to mark: where it is and which finding checked it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Mark {
    /// The first character.
    pub start: usize,
    /// The character after the last.
    pub end: usize,
    /// The finding's index.
    pub finding: usize,
}

/// The place of a paragraph: its section (`None`: the preamble) and index.
pub type ParagraphPlace = (Option<SectionKey>, usize);

/// The figures to mark in each paragraph, sorted and without overlaps (of two that
/// overlap, the first kept, a failed finding before a passed one on the same figure;
/// the other is still listed in the findings, unmarked).
pub fn claims(findings: &[Finding]) -> BTreeMap<ParagraphPlace, Vec<Mark>> {
    let mut map: BTreeMap<ParagraphPlace, Vec<Mark>> = BTreeMap::new();
    for (i, f) in findings.iter().enumerate() {
        if !f.rule.starts_with("text.") {
            continue;
        }
        if let Some(c) = &f.claim
            && c.start < c.end
        {
            map.entry((c.section, c.paragraph)).or_default().push(Mark {
                start: c.start,
                end: c.end,
                finding: i,
            });
        }
    }
    for marks in map.values_mut() {
        // Of two findings on one figure, the failed one is shown.
        let passed = |m: &Mark| {
            findings
                .get(m.finding)
                .is_none_or(|f| f.status != Status::Failed)
        };
        marks.sort_by_key(|m| (m.start, m.end, passed(m), m.finding));
        let mut kept: Vec<Mark> = Vec::with_capacity(marks.len());
        for m in marks.drain(..) {
            if kept.last().is_none_or(|last| m.start >= last.end) {
                kept.push(m);
            }
        }
        *marks = kept;
    }
    map
}

/// The anchors a diagnostic may link to, and how to find its place.
#[derive(Debug)]
pub struct Places {
    cells: BTreeSet<String>,
    /// What stands at a source position (by `Pos` printed, first come first kept).
    by_pos: BTreeMap<String, Place>,
}

/// What stands at a source position.
#[derive(Debug)]
enum Place {
    /// A row: the path of its cells without the column, and its columns.
    Row(String, Vec<String>),
    /// A section heading or a table: its id.
    Id(String),
}

impl Places {
    /// The places of a report.
    pub fn of(analysis: &Analysis) -> Places {
        let report = &analysis.report;
        let mut cells = BTreeSet::new();
        let mut by_pos = BTreeMap::new();
        for section in &report.sections {
            if !section.pos.is_unknown() {
                by_pos
                    .entry(section.pos.to_string())
                    .or_insert_with(|| Place::Id(section_id(section.key)));
            }
        }
        for kind in TableKind::ALL {
            let Some(table) = report.table(kind) else {
                continue;
            };
            for (path, _) in table.cells() {
                cells.insert(path);
            }
            for (i, row) in table.rows.iter().enumerate() {
                if row.pos.is_unknown() {
                    continue;
                }
                let prefix = match &row.key {
                    Some(key) => format!("{}.{key}", kind.key()),
                    None => format!("{}.rows[{i}]", kind.key()),
                };
                if !row.cells.is_empty() {
                    by_pos.entry(row.pos.to_string()).or_insert_with(|| {
                        Place::Row(
                            prefix,
                            row.cells.iter().map(|(c, _)| c.to_string()).collect(),
                        )
                    });
                }
            }
            if !table.pos.is_unknown() {
                by_pos
                    .entry(table.pos.to_string())
                    .or_insert_with(|| Place::Id(table_id(kind)));
            }
        }
        Places { cells, by_pos }
    }

    /// Whether the page shows a cell at this path.
    pub fn has_cell(&self, path: &str) -> bool {
        self.cells.contains(path)
    }

    /// The id a diagnostic links to: the first cell path its message names, else the
    /// section it names (`section "overview"`; a section not found is shown as a
    /// heading too), else what stands at its source position: a row (the cell of the
    /// column its message names, `column "change"`, else its first), a section or a
    /// table.
    pub fn of_diagnostic(&self, d: &Diagnostic) -> Option<String> {
        for token in d
            .message
            .split(|c: char| !(c.is_ascii_alphanumeric() || matches!(c, '_' | '.' | '[' | ']')))
        {
            let token = token.trim_end_matches('.');
            if token.contains('.') && self.cells.contains(token) {
                return Some(cell_id(token));
            }
        }
        for key in SectionKey::ALL {
            if d.message.contains(&format!("section \"{}\"", key.key())) {
                return Some(section_id(key));
            }
        }
        let pos = d.pos.as_ref()?;
        Some(match self.by_pos.get(&pos.to_string())? {
            Place::Id(id) => id.clone(),
            Place::Row(prefix, columns) => {
                let named = columns
                    .iter()
                    .find(|c| d.message.contains(&format!("column \"{c}\"")));
                let column = named.or(columns.first()).map_or("", String::as_str);
                cell_id(&format!("{prefix}.{column}"))
            }
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use nianbao_core::rules::{Claim, Term};
    use nianbao_core::{Number, Pos};

    /// A term at a path with a value. Built from one that `rules::check` made (its fields
    /// set), so that nothing here depends on how the core lets a `Term` be built.
    fn term(path: &str, n: i64) -> Term {
        let mut report = nianbao_core::Report::default();
        let mut t = nianbao_core::model::Table::new(TableKind::ReviewLitigation, None);
        t.rows
            .push(nianbao_core::model::Row::new(Some("review"), "行政复议"));
        report.review_litigation = Some(t);
        let mut term = nianbao_core::rules::check(&report)
            .into_iter()
            .flat_map(|f| f.left_terms)
            .next()
            .unwrap();
        term.path = path.into();
        term.value = Some(Number::from(n));
        term
    }

    #[test]
    fn cells_of_failed_findings_only() {
        let failed = Finding::evaluate("r", "a", vec![term("t.x.a", 1)], vec![term("t.y.a", 2)]);
        let passed = Finding::evaluate("r", "b", vec![term("t.x.b", 1)], vec![term("t.y.b", 1)]);
        let twice = Finding::evaluate("r", "c", vec![term("t.x.a", 1)], vec![term("t.x.a", 3)]);
        let findings = [failed, passed, twice];
        let map = failed_cells(&findings);
        let keys: Vec<&str> = map.keys().copied().collect();
        assert_eq!(keys, ["t.x.a", "t.y.a"]);
        assert_eq!(map["t.x.a"], [0, 2]);
    }

    #[test]
    fn overlapping_claims_keep_the_first() {
        let claim = |start, end| {
            let mut f = Finding::evaluate("text.x", "i", vec![term("a", 1)], vec![term("b", 1)]);
            f.claim = Some(Claim::new(
                Some(SectionKey::Overview),
                0,
                start,
                end,
                "1",
                "s",
            ));
            f
        };
        let not_text = {
            let mut f = claim(0, 1);
            f.rule = "applications.balance".into();
            f
        };
        let map = claims(&[claim(5, 8), claim(6, 7), claim(0, 2), not_text, claim(3, 3)]);
        let marks = &map[&(Some(SectionKey::Overview), 0)];
        let spans: Vec<(usize, usize, usize)> =
            marks.iter().map(|m| (m.start, m.end, m.finding)).collect();
        assert_eq!(spans, [(0, 2, 2), (5, 8, 0)]);
    }

    #[test]
    fn diagnostics_link_to_the_cell_or_section_they_name() {
        let mut analysis = Analysis::default();
        let mut t = nianbao_core::model::Table::new(TableKind::ReviewLitigation, None);
        let mut row = nianbao_core::model::Row::new(Some("review"), "行政复议")
            .with_cell("upheld", nianbao_core::Cell::number(Number::from(1)))
            .with_cell("total", nianbao_core::Cell::number(Number::from(1)));
        row.pos = Pos::line(7);
        t.rows.push(row);
        analysis.report.review_litigation = Some(t);
        let places = Places::of(&analysis);
        let d = |msg: &str, pos: Option<Pos>| Diagnostic::warning("x", msg, pos);
        assert_eq!(
            places.of_diagnostic(&d("cells: review_litigation.review.total.", None)),
            Some("cell-review_litigation.review.total".into())
        );
        assert_eq!(
            places.of_diagnostic(&d("section \"problems\" (五) was not found", None)),
            Some("section-problems".into())
        );
        assert_eq!(
            places.of_diagnostic(&d("a guess", Some(Pos::line(7)))),
            Some("cell-review_litigation.review.upheld".into())
        );
        assert_eq!(
            places.of_diagnostic(&d("column \"total\" holds text", Some(Pos::line(7)))),
            Some("cell-review_litigation.review.total".into())
        );
        assert_eq!(
            places.of_diagnostic(&d("a guess", Some(Pos::line(8)))),
            None
        );
    }
}
