//! Finding the six sections by their heading text.

use crate::catalog::SectionKey;
use crate::model::Section;
use crate::text::{self, label_key};
use crate::{Diagnostic, Pos, codes};

/// The longest paragraph (in characters) that can still be a section heading.
const MAX_HEADING_CHARS: usize = 40;

/// Which section a paragraph heads, if it is a section heading.
///
/// Matches on the heading text, never on its number: `1、 总体情况`, `第一部分 总体情况`
/// and `四、因政府信息公开工作被申请行政复议和提起行政诉讼情况` are all headings.
pub fn heading_key(paragraph: &str) -> Option<SectionKey> {
    let trimmed = text::trim(paragraph);
    if trimmed.is_empty() || trimmed.chars().count() > MAX_HEADING_CHARS {
        return None;
    }
    let key = label_key(trimmed);
    let key = key.trim_end_matches("如下");
    SectionKey::ALL.into_iter().find(|section| {
        section.heading_keys().iter().any(|variant| {
            key == *variant || key.strip_suffix(variant).is_some_and(is_heading_prefix)
        })
    })
}

/// What may stand before a heading's text: a year (`2024年`) or the words 政府信息公开.
fn is_heading_prefix(prefix: &str) -> bool {
    let rest = prefix.trim_start_matches(|c: char| c.is_ascii_digit());
    let rest = rest
        .strip_prefix("年度")
        .or_else(|| rest.strip_prefix('年'))
        .unwrap_or(rest);
    rest.is_empty() || rest == "政府信息公开" || rest == "政府信息公开工作" || rest == "本机关"
}

/// Sections being collected while walking the document.
#[derive(Debug, Default)]
pub struct SectionCollector {
    /// Paragraphs before the first heading.
    pub preamble: Vec<String>,
    /// Sections found, in document order.
    pub sections: Vec<Section>,
    current: Option<usize>,
}

impl SectionCollector {
    /// Takes the next paragraph of the body.
    pub fn push(&mut self, paragraph: &str, pos: &Pos, diagnostics: &mut Vec<Diagnostic>) {
        let trimmed = text::trim(paragraph);
        if trimmed.is_empty() {
            return;
        }
        if let Some(key) = heading_key(trimmed) {
            if let Some(existing) = self.sections.iter().position(|s| s.key == key) {
                diagnostics.push(Diagnostic::warning(
                    codes::SECTION_DUPLICATE,
                    format!(
                        "heading {trimmed:?} appears again; what follows is kept in the first {:?}",
                        key.key()
                    ),
                    Some(pos.clone()),
                ));
                self.current = Some(existing);
                return;
            }
            if self.sections.last().is_some_and(|last| last.key > key) {
                diagnostics.push(Diagnostic::info(
                    codes::SECTION_ORDER,
                    format!("section {:?} comes after a later section", key.key()),
                    Some(pos.clone()),
                ));
            }
            self.sections.push(Section {
                key,
                heading: trimmed.to_owned(),
                paragraphs: Vec::new(),
                pos: pos.clone(),
            });
            self.current = Some(self.sections.len() - 1);
            return;
        }
        let target = match self.current.and_then(|i| self.sections.get_mut(i)) {
            Some(section) => &mut section.paragraphs,
            None => &mut self.preamble,
        };
        target.push(trimmed.to_owned());
    }

    /// Reports the sections that were not found.
    pub fn report_missing(&self, diagnostics: &mut Vec<Diagnostic>) {
        for key in SectionKey::ALL {
            if !self.sections.iter().any(|s| s.key == key) {
                diagnostics.push(Diagnostic::warning(
                    codes::SECTION_MISSING,
                    format!("section {:?} ({}) was not found", key.key(), key.heading()),
                    None,
                ));
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use SectionKey::*;

    #[test]
    fn headings_in_every_numbering_style() {
        assert_eq!(heading_key("一、总体情况"), Some(Overview));
        assert_eq!(heading_key("1、 总体情况"), Some(Overview));
        assert_eq!(heading_key("１．总体情况"), Some(Overview));
        assert_eq!(heading_key("（一）总体情况"), Some(Overview));
        assert_eq!(heading_key("(一)总体情况"), Some(Overview));
        assert_eq!(heading_key("第一部分 总体情况"), Some(Overview));
        assert_eq!(
            heading_key("\u{3000}\u{3000}一、政府信息公开总体情况"),
            Some(Overview)
        );
        assert_eq!(
            heading_key("\u{a0}二、主动公开政府信息情况"),
            Some(ActiveDisclosure)
        );
        assert_eq!(
            heading_key("三、收到和处理政府信息公开申请情况"),
            Some(Applications)
        );
        assert_eq!(
            heading_key("收到和處理政府信息公開申請情況"),
            Some(Applications)
        );
        assert_eq!(
            heading_key("四、因政府信息公开工作被申请行政复议和提起行政诉讼情况"),
            Some(ReviewLitigation)
        );
        assert_eq!(
            heading_key("四、政府信息公开行政复议、行政诉讼情况"),
            Some(ReviewLitigation)
        );
        assert_eq!(heading_key("5、 存在的主要问题及改进情况"), Some(Problems));
        assert_eq!(
            heading_key("五、政府信息公开工作存在的主要问题及改进情况"),
            Some(Problems)
        );
        assert_eq!(heading_key("六、其他需要报告的事项"), Some(OtherMatters));
        assert_eq!(heading_key("总体情况"), Some(Overview));
    }

    #[test]
    fn sub_headings_and_prose_are_not_sections() {
        assert_eq!(heading_key("（一）主动公开情况"), None);
        assert_eq!(heading_key("（二）依申请公开情况"), None);
        assert_eq!(heading_key("（四）政府信息公开平台建设情况"), None);
        assert_eq!(heading_key("（一）存在问题"), None);
        assert_eq!(
            heading_key(
                "2024年，我市坚持以习近平新时代中国特色社会主义思想为指导，认真学习宣传贯彻党的二十大精神，总体情况良好。"
            ),
            None
        );
    }

    #[test]
    fn duplicate_heading_keeps_content_in_the_first() {
        let mut c = SectionCollector::default();
        let mut d = Vec::new();
        for p in [
            "标题",
            "5、 存在的主要问题及改进情况",
            "问题一",
            "五、存在的主要问题及改进情况",
            "问题二",
        ] {
            c.push(p, &Pos::default(), &mut d);
        }
        assert_eq!(c.preamble, vec!["标题"]);
        assert_eq!(c.sections.len(), 1);
        assert_eq!(c.sections[0].paragraphs, vec!["问题一", "问题二"]);
        assert_eq!(d[0].code, codes::SECTION_DUPLICATE);
    }
}
