//! The one "is this a report" rule: the markers a report shows (section headings, the
//! labels only the national tables print, recognized tables) and how many are enough.
//!
//! The same [`Markers::is_report`] decides it before recognition, on a Document's text
//! ([`looks_like_report`]: the HTML reader finds the report in a page with it), and
//! after, on a recognized [`Report`] ([`Report::has_report_content`]: the facade's
//! "no report found", the command's skipped files, a JSON read back).

use crate::catalog::{SectionKey, TableKind};
use crate::ir::{Block, Document};
use crate::model::Report;
use crate::recognize::sections::heading_key;
use crate::text::label_key;

/// Label keys (see [`label_key`]) that only the national tables print. A cell whose
/// key contains one of them marks a report table.
const TABLE_LABELS: [&str; 8] = [
    "第二十条第",
    "本年新收政府信息公开申请数量",
    "上年结转政府信息公开申请数量",
    "结转下年度继续办理",
    "申请人情况",
    "结果维持",
    "未经复议直接起诉",
    "复议后起诉",
];

/// The first bit of the table labels (after the six sections).
const LABEL_BIT: u32 = 6;
/// The first bit of the recognized tables (after the table labels).
const TABLE_BIT: u32 = LABEL_BIT + TABLE_LABELS.len() as u32;

/// A set of report markers: which of the six section headings, which labels of the
/// national tables and which recognized national tables were seen.
///
/// ```
/// use nianbao_core::recognize::markers::Markers;
/// let one = Markers::of_paragraph("一、总体情况");
/// assert_eq!(one.sections(), 1);
/// assert!(!one.is_report());
/// assert!(one.union(Markers::of_paragraph("二、主动公开政府信息情况")).is_report());
/// assert!(Markers::of_cell("结果维持").union(Markers::of_cell("复议后起诉")).is_report());
/// ```
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash)]
pub struct Markers(u32);

impl Markers {
    /// The union of two sets.
    #[must_use]
    pub fn union(self, other: Markers) -> Markers {
        Markers(self.0 | other.0)
    }

    /// Whether the set is empty.
    pub fn is_empty(self) -> bool {
        self.0 == 0
    }

    /// How many distinct section headings.
    pub fn sections(self) -> u32 {
        (self.0 & ((1 << LABEL_BIT) - 1)).count_ones()
    }

    /// How many distinct labels of the national tables.
    pub fn table_labels(self) -> u32 {
        ((self.0 >> LABEL_BIT) & ((1 << TABLE_LABELS.len()) - 1)).count_ones()
    }

    /// How many distinct national tables were recognized.
    pub fn tables(self) -> u32 {
        (self.0 >> TABLE_BIT).count_ones()
    }

    /// Whether the set is enough evidence of a report: two of the six section
    /// headings, or two labels that only the national tables print, or a recognized
    /// national table (which the recognizer finds by those labels). One heading alone
    /// (a news item quoting a report, a menu entry) is not.
    pub fn is_report(self) -> bool {
        self.sections() >= 2 || self.table_labels() >= 2 || self.tables() >= 1
    }

    /// A section heading.
    pub fn of_section(key: SectionKey) -> Markers {
        SectionKey::ALL
            .iter()
            .position(|k| *k == key)
            .map_or(Markers::default(), |i| Markers(1 << i))
    }

    /// The section heading a paragraph is (as the recognizer reads headings), if any.
    pub fn of_paragraph(text: &str) -> Markers {
        heading_key(text).map_or(Markers::default(), Markers::of_section)
    }

    /// The labels of the national tables a cell's text holds.
    pub fn of_cell(text: &str) -> Markers {
        let key = label_key(text);
        let mut bits = 0;
        for (label, i) in TABLE_LABELS.iter().zip(LABEL_BIT..) {
            if key.contains(label) {
                bits |= 1 << i;
            }
        }
        Markers(bits)
    }

    /// A recognized national table.
    pub fn of_table(kind: TableKind) -> Markers {
        TableKind::ALL
            .iter()
            .zip(TABLE_BIT..)
            .find(|(k, _)| **k == kind)
            .map_or(Markers::default(), |(_, i)| Markers(1 << i))
    }

    /// The markers of a block: a paragraph's heading or the labels of a table's cells
    /// (nested tables included).
    pub fn of_block(block: &Block) -> Markers {
        match block {
            Block::Paragraph(p) => Markers::of_paragraph(&p.text),
            Block::Table(t) => {
                let mut found = Markers::default();
                let mut stack = vec![t];
                while let Some(t) = stack.pop() {
                    for cell in t.rows.iter().flat_map(|r| &r.cells) {
                        found = found.union(Markers::of_cell(&cell.text));
                        stack.extend(&cell.nested);
                    }
                }
                found
            }
        }
    }

    /// The markers of a whole document, before recognition.
    pub fn of_document(doc: &Document) -> Markers {
        doc.blocks
            .iter()
            .fold(Markers::default(), |m, b| m.union(Markers::of_block(b)))
    }

    /// The markers of a recognized report: its sections and its national tables.
    pub fn of_report(report: &Report) -> Markers {
        let sections = report.sections.iter().fold(Markers::default(), |m, s| {
            m.union(Markers::of_section(s.key))
        });
        TableKind::ALL
            .into_iter()
            .filter(|k| report.table(*k).is_some())
            .fold(sections, |m, k| m.union(Markers::of_table(k)))
    }
}

/// Whether a document shows the markers of a report ([`Markers::is_report`]): at least
/// two of the six section headings, or at least two labels that only the national
/// tables print. The check before recognition; [`Report::has_report_content`] is the
/// same rule after it.
///
/// A news article about a report, a list of links or a 404 page has neither; a caller
/// (the facade, a scraper) should treat such a document as "no report found" rather
/// than recognize a half report from it.
///
/// ```
/// use nianbao_core::ir::{Document, Pos};
/// use nianbao_core::recognize::looks_like_report;
/// let mut doc = Document::default();
/// doc.push_paragraph("一、总体情况", Pos::line(1));
/// assert!(!looks_like_report(&doc));
/// doc.push_paragraph("二、主动公开政府信息情况", Pos::line(2));
/// assert!(looks_like_report(&doc));
/// ```
pub fn looks_like_report(doc: &Document) -> bool {
    Markers::of_document(doc).is_report()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ir::{Pos, Table};

    #[test]
    fn headings_and_labels() {
        assert_eq!(Markers::of_paragraph("一、总体情况"), Markers(1));
        assert_eq!(
            Markers::of_paragraph("　　四、政府信息公开行政复议、行政诉讼情况").sections(),
            1
        );
        assert!(Markers::of_paragraph("本机关主动公开政府信息情况良好，全年共发布信息").is_empty());
        assert!(Markers::of_paragraph("总体情况说明").is_empty());
        assert_eq!(
            Markers::of_cell("一、本年新收政府信息\n公开申请数量").table_labels(),
            1
        );
        assert_eq!(Markers::of_cell("第二十条第（一）项").table_labels(), 1);
        assert!(Markers::of_cell("自然人").is_empty());
    }

    #[test]
    fn one_marker_is_not_a_report() {
        assert!(!Markers(1).is_report());
        assert!(Markers(0b11).is_report());
        assert!(!Markers(1 << LABEL_BIT | 1).is_report());
        assert!(Markers(0b11 << LABEL_BIT).is_report());
        assert!(Markers::of_table(TableKind::ReviewLitigation).is_report());
        assert_eq!(Markers::of_table(TableKind::Applications).sections(), 0);
        assert_eq!(Markers::of_table(TableKind::Applications).table_labels(), 0);
    }

    #[test]
    fn labels_in_a_nested_table_count() {
        let inner = Table::from_text_rows(vec![vec!["结果维持", "复议后起诉"]]);
        let mut cell = crate::ir::Cell::new("", 0, Pos::default());
        cell.nested.push(inner);
        let outer = Table::new(Pos::default())
            .with_rows(vec![crate::ir::Row::new(vec![cell], Pos::default())]);
        let mut doc = Document::default();
        doc.blocks.push(Block::Table(outer));
        assert!(looks_like_report(&doc));
    }

    #[test]
    fn the_same_rule_before_and_after_recognition() {
        let mut doc = Document::default();
        doc.push_paragraph("一、总体情况", Pos::line(1));
        doc.push_paragraph("本年度工作正常开展。", Pos::line(2));
        let one = crate::recognize(&doc).report;
        assert_eq!(one.sections.len(), 1);
        assert!(!looks_like_report(&doc));
        assert!(!one.has_report_content());
        doc.push_paragraph("五、存在的主要问题及改进情况", Pos::line(3));
        let two = crate::recognize(&doc).report;
        assert!(looks_like_report(&doc));
        assert!(two.has_report_content());
        let tables = Report {
            review_litigation: Some(crate::model::Table::new(TableKind::ReviewLitigation, None)),
            ..Report::default()
        };
        assert!(tables.has_report_content());
    }
}
