//! Glyphs into lines of text, and lines into paragraphs.

use crate::interp::Glyph;
use crate::normalize;

/// A line of text on a page.
#[derive(Debug, Clone, PartialEq)]
pub struct Line {
    /// The text, compatibility characters normalized.
    pub text: String,
    /// Left edge.
    pub x0: f32,
    /// Right edge.
    pub x1: f32,
    /// Top edge.
    pub y0: f32,
    /// Bottom edge.
    pub y1: f32,
    /// The font size (the largest glyph height on the line).
    pub size: f32,
}

fn is_wide(c: char) -> bool {
    let u = u32::from(c);
    (0x2E80..=0x9FFF).contains(&u)
        || (0xF900..=0xFAFF).contains(&u)
        || (0xFF00..=0xFFEF).contains(&u)
}

/// Groups glyphs into lines (top to bottom, each left to right). Glyphs with no text
/// are skipped; a glyph drawn again over itself (fake bold) is kept once.
pub fn lines(glyphs: &[&Glyph]) -> Vec<Line> {
    groups(glyphs).into_iter().filter_map(line_of).collect()
}

/// The glyphs of each line (top to bottom; glyphs with no text skipped), unsorted
/// within a line.
pub fn groups<'g>(glyphs: &[&'g Glyph]) -> Vec<Vec<&'g Glyph>> {
    let mut sorted: Vec<&Glyph> = glyphs
        .iter()
        .copied()
        .filter(|g| g.text.as_deref().is_some_and(|t| !t.trim().is_empty()))
        .collect();
    sorted.sort_by(|a, b| a.cy().total_cmp(&b.cy()).then(a.x0.total_cmp(&b.x0)));
    // Sweep top to bottom: a glyph joins the current line when its centre is within
    // half a line height of the line's centre.
    let mut groups: Vec<Vec<&Glyph>> = Vec::new();
    let mut centre = f32::MIN;
    let mut height = 0.0f32;
    for g in sorted {
        let h = (g.y1 - g.y0).max(0.1);
        if groups.is_empty() || (g.cy() - centre).abs() > 0.5 * h.min(height.max(0.1)) {
            groups.push(Vec::new());
            centre = g.cy();
            height = h;
        }
        if let Some(group) = groups.last_mut() {
            group.push(g);
        }
    }
    groups
}

/// One line of glyphs (any order) as text with its box.
pub fn line_of(mut glyphs: Vec<&Glyph>) -> Option<Line> {
    glyphs.sort_by(|a, b| a.x0.total_cmp(&b.x0));
    let mut text = String::new();
    let mut prev: Option<&Glyph> = None;
    for g in &glyphs {
        let t = g.text.as_deref().unwrap_or_default();
        if let Some(p) = prev {
            let same = p.text.as_deref() == Some(t);
            let w = (p.x1 - p.x0).max(0.1);
            if same && (g.x0 - p.x0).abs() < 0.3 * w && (g.cy() - p.cy()).abs() < 0.3 * g.size {
                continue; // drawn twice (fake bold)
            }
            let gap = g.x0 - p.x1;
            let last = text.chars().last().unwrap_or(' ');
            let first = t.chars().next().unwrap_or(' ');
            let size = g.size.max(p.size);
            // Between Latin letters a quarter em is a space; next to a Chinese character
            // (justified text spreads digits apart) only a full em is.
            let min_gap = if is_wide(last) || is_wide(first) {
                1.0
            } else {
                0.25
            };
            if gap > min_gap * size && !(is_wide(last) && is_wide(first)) && last != ' ' {
                text.push(' ');
            }
        }
        text.push_str(&normalize::text(t));
        prev = Some(g);
    }
    let first = glyphs.first()?;
    let x0 = first.x0;
    let x1 = glyphs.iter().map(|g| g.x1).fold(f32::MIN, f32::max);
    let y0 = glyphs.iter().map(|g| g.y0).fold(f32::MAX, f32::min);
    let y1 = glyphs.iter().map(|g| g.y1).fold(f32::MIN, f32::max);
    let size = glyphs.iter().map(|g| g.size).fold(0.0, f32::max);
    Some(Line {
        text,
        x0,
        x1,
        y0,
        y1,
        size,
    })
}

/// Joins the lines of one cell: wrapped lines run on (a space only between two
/// Latin letters or digits).
pub fn join_cell(lines: &[Line]) -> String {
    let mut out = String::new();
    for l in lines {
        let t = l.text.trim();
        if let (Some(a), Some(b)) = (out.chars().last(), t.chars().next())
            && a.is_ascii_alphanumeric()
            && b.is_ascii_alphabetic()
        {
            out.push(' ');
        }
        out.push_str(t);
    }
    out
}

/// Whether a line is a page number (`— 4 —`, `-4-`, `第 4 页`, `4/12`), the thing
/// page headers and footers print.
pub fn is_page_number(text: &str) -> bool {
    let t: String = text.chars().filter(|c| !c.is_whitespace()).collect();
    let t = t.trim_matches(|c| matches!(c, '-' | '—' | '–' | '－' | '_' | '一' | '·'));
    let t = t.strip_prefix('第').unwrap_or(t);
    let t = t.split_once('页').map_or(t, |(a, rest)| {
        if rest.is_empty() || rest.starts_with('共') || rest.starts_with('/') {
            a
        } else {
            t
        }
    });
    let t = t.split_once('/').map_or(t, |(a, _)| a);
    !t.is_empty() && t.len() <= 4 && t.chars().all(|c| c.is_ascii_digit())
}

/// Whether `next` continues the paragraph `prev` ends.
pub fn wraps_into(prev: &Line, next: &Line, left: f32, right: f32) -> bool {
    let size = prev.size.max(next.size).max(1.0);
    let reaches_right = prev.x1 >= right - 1.5 * size;
    let not_indented = next.x0 <= left + 0.8 * size;
    let same_size = (prev.size - next.size).abs() <= 0.15 * size;
    let close = next.y0 - prev.y1 < 1.5 * size;
    // A sentence ends and a numbered heading or item starts: a new paragraph.
    let new_item = prev
        .text
        .trim_end()
        .ends_with(['。', '！', '？', '；', '：'])
        && crate::grid::starts_with_marker(&next.text);
    reaches_right && not_indented && same_size && close && !new_item
}

#[cfg(test)]
mod tests {
    use super::*;

    fn glyph(t: &str, x: f32, y: f32) -> Glyph {
        Glyph::at(t, x, y, 10.0)
    }

    #[test]
    fn lines_sorted_deduplicated_and_spaced() {
        let g = [
            glyph("情", 20.0, 0.0),
            glyph("一", 0.0, 0.5),
            glyph("、", 10.0, 0.0),
            glyph("情", 20.3, 0.0),
            glyph("a", 0.0, 30.0),
            glyph("b", 20.0, 30.0),
        ];
        let refs: Vec<&Glyph> = g.iter().collect();
        let got: Vec<String> = lines(&refs).into_iter().map(|l| l.text).collect();
        assert_eq!(got, ["一、情", "a b"]);
    }

    fn line(text: &str, x0: f32, x1: f32, y0: f32) -> Line {
        Line {
            text: text.to_owned(),
            x0,
            x1,
            y0,
            y1: y0 + 10.0,
            size: 10.0,
        }
    }

    #[test]
    fn a_numbered_heading_after_a_finished_sentence_is_no_wrap() {
        let full = line("提高公开质量。", 0.0, 400.0, 0.0);
        assert!(!wraps_into(
            &full,
            &line("六、其他需要报告的事项", 0.0, 110.0, 14.0),
            0.0,
            400.0
        ));
        // Text running on from a line that reaches the margin joins it.
        let running = line("规范依申", 0.0, 400.0, 0.0);
        assert!(wraps_into(
            &running,
            &line("请公开办理。", 0.0, 60.0, 14.0),
            0.0,
            400.0
        ));
    }

    #[test]
    fn page_numbers() {
        for t in [
            "-4-",
            "— 4 —",
            "- 12 -",
            "第 3 页",
            "第3页共6页",
            "3/12",
            "4",
        ] {
            assert!(is_page_number(t), "{t}");
        }
        for t in ["2024年", "一、总体情况", "", "-", "12345"] {
            assert!(!is_page_number(t), "{t}");
        }
    }
}
