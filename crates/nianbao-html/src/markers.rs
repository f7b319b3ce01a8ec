//! The markers of a report: section headings and the labels of the national tables.
//! They decide where the report is in a page and whether a page holds one at all.

use nianbao_core::SectionKey;
use nianbao_core::ir::{Block, Document};
use nianbao_core::text::label_key;

/// Label keys (see [`label_key`]) that only the national tables print. A cell whose
/// key contains one of them marks a report table.
const TABLE_LABELS: &[&str] = &[
    "第二十条第",
    "本年新收政府信息公开申请数量",
    "上年结转政府信息公开申请数量",
    "结转下年度继续办理",
    "申请人情况",
    "结果维持",
    "未经复议直接起诉",
    "复议后起诉",
];

/// The longest paragraph (in characters) read as a section heading.
const MAX_HEADING_CHARS: usize = 48;

/// A set of markers as bits: bit `i < 6` is section `SectionKey::ALL[i]`, bit `6 + j`
/// is table label `TABLE_LABELS[j]`.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Markers(pub u32);

impl Markers {
    /// The union of two sets.
    pub fn union(self, other: Markers) -> Markers {
        Markers(self.0 | other.0)
    }

    /// Whether the set is empty.
    pub fn is_empty(self) -> bool {
        self.0 == 0
    }

    /// How many distinct section headings.
    pub fn sections(self) -> u32 {
        (self.0 & 0x3f).count_ones()
    }

    /// How many distinct table labels.
    pub fn table_labels(self) -> u32 {
        (self.0 >> 6).count_ones()
    }

    /// Whether the set is enough evidence of a report: two section headings, or two
    /// labels of the national tables.
    pub fn is_report(self) -> bool {
        self.sections() >= 2 || self.table_labels() >= 2
    }
}

/// The section heading a paragraph is, as a marker.
pub fn of_paragraph(text: &str) -> Markers {
    if text.chars().count() > MAX_HEADING_CHARS {
        return Markers::default();
    }
    let key = label_key(text);
    if key.is_empty() {
        return Markers::default();
    }
    SectionKey::ALL
        .iter()
        .zip(0u32..)
        .find(|(s, _)| s.heading_keys().iter().any(|k| *k == key))
        .map_or(Markers::default(), |(_, i)| Markers(1 << i))
}

/// The table labels a cell holds, as markers.
pub fn of_cell(text: &str) -> Markers {
    let key = label_key(text);
    let mut bits = 0;
    for (label, i) in TABLE_LABELS.iter().zip(6u32..) {
        if key.contains(label) {
            bits |= 1 << i;
        }
    }
    Markers(bits)
}

/// The markers of a block: a paragraph's heading or the labels of a table's cells.
pub fn of_block(block: &Block) -> Markers {
    match block {
        Block::Paragraph(p) => of_paragraph(&p.text),
        Block::Table(t) => t
            .rows
            .iter()
            .flat_map(|r| &r.cells)
            .fold(Markers::default(), |m, c| m.union(of_cell(&c.text))),
    }
}

/// Whether a document shows the markers of a report: at least two of the six section
/// headings, or at least two labels that only the national tables print.
///
/// A news article about a report, a list of links or a 404 page has neither; a caller
/// (the facade, a scraper) should treat such a document as "no report found" rather
/// than recognize a half report from it.
///
/// ```
/// use nianbao_core::ir::{Document, Pos};
/// let mut doc = Document::default();
/// doc.push_paragraph("一、总体情况", Pos::line(1));
/// assert!(!nianbao_html::has_report_markers(&doc));
/// doc.push_paragraph("二、主动公开政府信息情况", Pos::line(2));
/// assert!(nianbao_html::has_report_markers(&doc));
/// ```
pub fn has_report_markers(doc: &Document) -> bool {
    doc.blocks
        .iter()
        .fold(Markers::default(), |m, b| m.union(of_block(b)))
        .is_report()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headings_and_labels() {
        assert_eq!(of_paragraph("一、总体情况"), Markers(1));
        assert_eq!(
            of_paragraph("　　四、政府信息公开行政复议、行政诉讼情况").sections(),
            1
        );
        assert!(of_paragraph("本机关主动公开政府信息情况良好，全年共发布信息").is_empty());
        assert!(of_paragraph("总体情况说明").is_empty());
        assert_eq!(
            of_cell("一、本年新收政府信息\n公开申请数量").table_labels(),
            1
        );
        assert_eq!(of_cell("第二十条第（一）项").table_labels(), 1);
        assert!(of_cell("自然人").is_empty());
    }

    #[test]
    fn one_marker_is_not_a_report() {
        assert!(!Markers(1).is_report());
        assert!(Markers(0b11).is_report());
        assert!(!Markers(1 << 6 | 1).is_report());
        assert!(Markers(0b11 << 6).is_report());
    }
}
