//! Text as the writer prints it: cell values, runs with line breaks and tabs, and
//! the body paragraphs (with their 楷体 second-level headings).

use std::borrow::Cow;

use docx_rs::{Paragraph, Run};
use nianbao_core::model::Normalization;
use nianbao_core::text::{NumberingStyle, strip_numbering};
use nianbao_core::{Cell, CellValue};

use super::style::{self, FONT_HEADING2};

/// What a value cell prints: a number as normalized (`96171.6`, never `96171.60`,
/// `0` for `0万元`, ASCII digits), followed by any annotation the source had
/// (`22（其中修订 16 件）`); a placeholder or a text as printed in the source; a blank
/// cell as nothing.
pub fn cell_text(cell: &Cell) -> Cow<'_, str> {
    match &cell.value {
        CellValue::Number(n) => {
            let mut s = n.to_string();
            for norm in &cell.normalizations {
                if let Normalization::Annotation { text } = norm {
                    s.push_str(text);
                }
            }
            Cow::Owned(s)
        }
        CellValue::Blank => Cow::Borrowed(""),
        CellValue::Placeholder => Cow::Borrowed(cell.verbatim.as_deref().unwrap_or("—")),
        CellValue::Text => Cow::Borrowed(cell.verbatim.as_deref().unwrap_or("")),
    }
}

/// One run of `text`, with `\n` as a line break and `\t` as a tab.
pub fn run(text: &str) -> Run {
    let mut run = Run::new();
    for (i, line) in text.split('\n').enumerate() {
        if i > 0 {
            run = run.add_break(docx_rs::BreakType::TextWrapping);
        }
        for (j, piece) in line.split('\t').enumerate() {
            if j > 0 {
                run = run.add_tab();
            }
            if !piece.is_empty() {
                run = run.add_text(piece);
            }
        }
    }
    run
}

/// A paragraph of one style holding `text` (no run at all when `text` is empty).
pub fn styled(style_id: &str, text: &str) -> Paragraph {
    let p = Paragraph::new().style(style_id);
    if text.is_empty() {
        p
    } else {
        p.add_run(run(text))
    }
}

/// The longest second-level heading printed on a line of its own.
const MAX_HEADING_CHARS: usize = 40;

/// A body paragraph. A paragraph that opens with a second-level number (`（一）`)
/// has its heading in 楷体_GB2312: the whole paragraph when it is a short line of its
/// own, else the words up to the first `。` (a run-in heading), the rest in the body
/// face. The text is unchanged: only the runs differ.
pub fn body(text: &str) -> Paragraph {
    let p = Paragraph::new().style(style::id::BODY);
    match heading2_len(text) {
        Some(len) if len < text.len() => {
            let (head, rest) = text.split_at(len);
            p.add_run(kai(head)).add_run(run(rest))
        }
        Some(_) => p.add_run(kai(text)),
        None if text.is_empty() => p,
        None => p.add_run(run(text)),
    }
}

fn kai(text: &str) -> Run {
    run(text).fonts(style::fonts(FONT_HEADING2))
}

/// The byte length of the second-level heading that opens `text`, if it opens with one.
fn heading2_len(text: &str) -> Option<usize> {
    let (numbering, _) = strip_numbering(text);
    let numbering = numbering?;
    if numbering.style != NumberingStyle::ChineseBracketed
        || !text.trim_start().starts_with(['（', '('])
    {
        return None;
    }
    match text.find('。') {
        Some(i) => Some(i + '。'.len_utf8()),
        None if text.chars().count() <= MAX_HEADING_CHARS => Some(text.len()),
        None => None,
    }
}

/// Whether a character may appear in an OOXML part (XML 1.0 `Char`; `\r` is dropped
/// by the writer, so it is allowed).
pub fn is_xml_char(c: char) -> bool {
    matches!(c, '\t' | '\n' | '\r') || (c >= ' ' && c != '\u{fffe}' && c != '\u{ffff}')
}

#[cfg(test)]
mod tests {
    use super::*;
    use nianbao_core::catalog::ColumnKind;
    use pretty_assertions::assert_eq;

    fn printed(source: &str, kind: ColumnKind) -> String {
        cell_text(&Cell::parse(source, kind)).into_owned()
    }

    #[test]
    fn numbers_print_normalized_and_the_rest_as_in_the_source() {
        use ColumnKind::*;
        assert_eq!(printed("96171.60", Money), "96171.6");
        assert_eq!(printed("0万元", Money), "0");
        assert_eq!(printed("251000元", Money), "25.1");
        assert_eq!(printed("３,９８５,７５８", Count), "3985758");
        assert_eq!(printed("+1036", SignedCount), "1036");
        assert_eq!(printed("-3", SignedCount), "-3");
        assert_eq!(
            printed("22（其中修订 16 件）", Count),
            "22（其中修订 16 件）"
        );
        assert_eq!(printed("——", Count), "——");
        assert_eq!(printed("无", Count), "无");
        assert_eq!(printed("见附件", Count), "见附件");
        assert_eq!(printed("\u{3000}\u{3000}", Count), "");
    }

    #[test]
    fn second_level_headings_are_found() {
        assert_eq!(
            heading2_len("（一）主动公开情况"),
            Some("（一）主动公开情况".len())
        );
        let run_in = "（二）依申请公开情况。本年度共收到申请 3 件。";
        assert_eq!(heading2_len(run_in), Some("（二）依申请公开情况。".len()));
        assert_eq!(heading2_len("一、总体情况"), None);
        assert_eq!(heading2_len("1.属于国家秘密"), None);
        assert_eq!(
            heading2_len(&format!("（三）{}", "很长的一段没有句号的文字".repeat(5))),
            None
        );
    }

    #[test]
    fn xml_chars() {
        assert!(is_xml_char('中') && is_xml_char('\t') && is_xml_char('\u{3000}'));
        assert!(!is_xml_char('\u{0}') && !is_xml_char('\u{c}') && !is_xml_char('\u{ffff}'));
    }
}
