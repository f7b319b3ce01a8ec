//! Tables from ruling lines: lines that touch make a table; the distinct x of its
//! vertical lines and y of its horizontal lines make a grid; where a line between two
//! grid cells is missing the cells merge (that gives the spans); each glyph goes to the
//! cell holding its centre.

use crate::interp::{Glyph, Segment};
use crate::lines;
use crate::normalize;

/// How far apart two coordinates may be and still be the same line (points).
const TOL: f32 = 2.0;
/// The most horizontal × vertical line pairs compared on one page.
const MAX_PAIRS: usize = 4_000_000;

/// The lines of one table on one page, and its box.
#[derive(Debug, Clone, Default)]
pub struct TableBox {
    /// Left edge.
    pub x0: f32,
    /// Top edge.
    pub y0: f32,
    /// Right edge.
    pub x1: f32,
    /// Bottom edge.
    pub y1: f32,
    /// Horizontal lines (merged).
    pub h: Vec<Segment>,
    /// Vertical lines (merged).
    pub v: Vec<Segment>,
}

impl TableBox {
    /// Whether a glyph's centre is inside the box.
    pub fn holds(&self, g: &Glyph) -> bool {
        let (x, y) = (g.cx(), g.cy());
        x >= self.x0 - 1.0 && x <= self.x1 + 1.0 && y >= self.y0 - 1.0 && y <= self.y1 + 1.0
    }
}

/// Joins collinear pieces of lines: horizontal when `horizontal`, else vertical.
fn merge(mut segs: Vec<Segment>, horizontal: bool) -> Vec<Segment> {
    // In (across, along-start, along-end) terms.
    let key = |s: &Segment| {
        if horizontal {
            (s.y0, s.x0, s.x1)
        } else {
            (s.x0, s.y0, s.y1)
        }
    };
    segs.sort_by(|a, b| {
        let (ka, kb) = (key(a), key(b));
        ka.0.total_cmp(&kb.0).then(ka.1.total_cmp(&kb.1))
    });
    let mut out: Vec<(f32, f32, f32)> = Vec::new();
    // Group by the across coordinate, then merge runs along.
    let mut groups: Vec<Vec<(f32, f32, f32)>> = Vec::new();
    for s in &segs {
        let k = key(s);
        match groups.last_mut() {
            Some(g) if g.first().is_some_and(|f| (k.0 - f.0).abs() <= 1.0) => g.push(k),
            _ => groups.push(vec![k]),
        }
    }
    for mut g in groups {
        g.sort_by(|a, b| a.1.total_cmp(&b.1));
        let across = g.iter().map(|k| k.0).sum::<f32>() / g.len().max(1) as f32;
        let mut cur: Option<(f32, f32, f32)> = None;
        for k in g {
            cur = match cur {
                Some(c) if k.1 <= c.2 + TOL => Some((across, c.1, c.2.max(k.2))),
                Some(c) => {
                    out.push(c);
                    Some((across, k.1, k.2))
                }
                None => Some((across, k.1, k.2)),
            };
        }
        out.extend(cur);
    }
    out.into_iter()
        .map(|(a, s, e)| {
            if horizontal {
                Segment {
                    x0: s,
                    y0: a,
                    x1: e,
                    y1: a,
                }
            } else {
                Segment {
                    x0: a,
                    y0: s,
                    x1: a,
                    y1: e,
                }
            }
        })
        .collect()
}

fn find(parent: &mut [usize], mut i: usize) -> usize {
    while let Some(&p) = parent.get(i) {
        if p == i {
            break;
        }
        let gp = parent.get(p).copied().unwrap_or(p);
        if let Some(slot) = parent.get_mut(i) {
            *slot = gp;
        }
        i = p;
    }
    i
}

fn union(parent: &mut [usize], a: usize, b: usize) {
    let (ra, rb) = (find(parent, a), find(parent, b));
    if ra != rb
        && let Some(slot) = parent.get_mut(ra.max(rb))
    {
        *slot = ra.min(rb);
    }
}

/// The tables a page's lines draw (top to bottom). `None` when there are too many
/// lines to compare (the page is then read as text only).
pub fn find_tables(segments: &[Segment]) -> Option<Vec<TableBox>> {
    let (h, v): (Vec<Segment>, Vec<Segment>) = segments.iter().partition(|s| s.is_horizontal());
    let h = merge(h, true);
    let v = merge(v, false);
    if h.len().saturating_mul(v.len()) > MAX_PAIRS {
        return None;
    }
    let n = h.len() + v.len();
    let mut parent: Vec<usize> = (0..n).collect();
    for (i, a) in h.iter().enumerate() {
        for (j, b) in v.iter().enumerate() {
            let touches = b.x0 >= a.x0 - TOL
                && b.x0 <= a.x1 + TOL
                && a.y0 >= b.y0 - TOL
                && a.y0 <= b.y1 + TOL;
            if touches {
                union(&mut parent, i, h.len() + j);
            }
        }
    }
    let mut boxes: std::collections::BTreeMap<usize, TableBox> = Default::default();
    for i in 0..n {
        let root = find(&mut parent, i);
        let b = boxes.entry(root).or_insert_with(|| TableBox {
            x0: f32::MAX,
            y0: f32::MAX,
            x1: f32::MIN,
            y1: f32::MIN,
            ..TableBox::default()
        });
        let s = if i < h.len() {
            h.get(i)
        } else {
            v.get(i - h.len())
        };
        let Some(s) = s else { continue };
        b.x0 = b.x0.min(s.x0);
        b.y0 = b.y0.min(s.y0);
        b.x1 = b.x1.max(s.x1);
        b.y1 = b.y1.max(s.y1);
        if i < h.len() {
            b.h.push(*s);
        } else {
            b.v.push(*s);
        }
    }
    let mut out: Vec<TableBox> = boxes
        .into_values()
        .filter(|b| b.h.len() >= 2 && b.v.len() >= 2 && b.x1 - b.x0 > 20.0 && b.y1 - b.y0 > 8.0)
        .collect();
    out.sort_by(|a, b| a.y0.total_cmp(&b.y0));
    Some(out)
}

/// Distinct coordinates (within [`TOL`]), sorted.
fn distinct(mut values: Vec<f32>) -> Vec<f32> {
    values.sort_by(f32::total_cmp);
    let mut out: Vec<f32> = Vec::new();
    for v in values {
        match out.last() {
            Some(&l) if v - l <= TOL => {}
            _ => out.push(v),
        }
    }
    out
}

/// A cell of a built grid.
#[derive(Debug, Clone, PartialEq)]
pub struct GridCell {
    /// The text.
    pub text: String,
    /// First row.
    pub row: usize,
    /// First column.
    pub col: usize,
    /// Rows covered.
    pub row_span: usize,
    /// Columns covered.
    pub col_span: usize,
    /// The y of the cell's top, in the coordinates given.
    pub y0: f32,
}

/// A table built from its lines and glyphs: cells by rows.
#[derive(Debug, Clone, Default)]
pub struct Grid {
    /// Rows: the cells starting in each, left to right.
    pub rows: Vec<Vec<GridCell>>,
    /// Each row's top y.
    pub row_tops: Vec<f32>,
}

/// Whether a cell's text starts with a list marker (`（五）`, `2.`, `三、`).
pub(crate) fn starts_with_marker(t: &str) -> bool {
    let t = t.trim_start();
    let mut chars = t.chars();
    match chars.next() {
        Some('（' | '(') => true,
        Some(c) if c.is_ascii_digit() || "一二三四五六七八九十".contains(c) => {
            let rest: String = t
                .chars()
                .skip_while(|c| c.is_ascii_digit() || "一二三四五六七八九十".contains(*c))
                .take(1)
                .collect();
            matches!(rest.as_str(), "." | "、" | "．" | "，")
        }
        _ => false,
    }
}

/// Whether a cell's text is a number (digits with `.` `,` `-` `%`).
pub(crate) fn is_number(t: &str) -> bool {
    let t = t.trim();
    !t.is_empty()
        && t.chars()
            .all(|c| c.is_ascii_digit() || matches!(c, '.' | ',' | '-' | '%'))
}

/// Builds the grid of a table from its lines and the glyphs inside it. `seams` are the
/// y of page breaks in a table joined across pages (the parts stacked in one space):
/// across a seam, a label cell cut by the break is joined again.
pub fn build(
    h: &[Segment],
    v: &[Segment],
    glyphs: &[&Glyph],
    seams: &[f32],
    parts: &[[f32; 4]],
    max_cells: u64,
) -> Option<Grid> {
    let mut xs: Vec<f32> = v.iter().map(|s| s.x0).collect();
    let mut ys: Vec<f32> = h.iter().map(|s| s.y0).collect();
    // Outer edges drawn only by the other direction's ends.
    if let (Some(min), Some(max)) = (
        h.iter().map(|s| s.x0).min_by(f32::total_cmp),
        h.iter().map(|s| s.x1).max_by(f32::total_cmp),
    ) {
        xs.extend([min, max]);
    }
    if let (Some(min), Some(max)) = (
        v.iter().map(|s| s.y0).min_by(f32::total_cmp),
        v.iter().map(|s| s.y1).max_by(f32::total_cmp),
    ) {
        ys.extend([min, max]);
    }
    let xs = distinct(xs);
    let ys = distinct(ys);
    let (nc, nr) = (xs.len().saturating_sub(1), ys.len().saturating_sub(1));
    if nc == 0 || nr == 0 {
        return Some(Grid::default());
    }
    if u64::try_from(nr * nc).unwrap_or(u64::MAX) > max_cells {
        return None;
    }
    let at = |r: usize, c: usize| r * nc + c;
    let x = |i: usize| xs.get(i).copied().unwrap_or(0.0);
    let y = |i: usize| ys.get(i).copied().unwrap_or(0.0);
    // A vertical line at xs[c] covering row r's middle, a horizontal one at ys[r]
    // covering column c's middle.
    let has_v = |c: usize, r: usize| {
        let (lx, my) = (x(c), (y(r) + y(r + 1)) / 2.0);
        v.iter()
            .any(|s| (s.x0 - lx).abs() <= TOL && s.y0 <= my && s.y1 >= my)
    };
    let has_h = |r: usize, c: usize| {
        let (ly, mx) = (y(r), (x(c) + x(c + 1)) / 2.0);
        h.iter()
            .any(|s| (s.y0 - ly).abs() <= TOL && s.x0 <= mx && s.x1 >= mx)
    };
    // A grid cell outside its page's part of a joined table (a column the next page
    // does not draw again: a label merged down over the break) continues the cell above.
    let ghost = |r: usize, c: usize| {
        let (cx, cy) = ((x(c) + x(c + 1)) / 2.0, (y(r) + y(r + 1)) / 2.0);
        parts
            .iter()
            .find(|p| cy >= p[1] && cy <= p[3])
            .is_some_and(|p| cx < p[0] - TOL || cx > p[2] + TOL)
    };
    let mut parent: Vec<usize> = (0..nr * nc).collect();
    for r in 0..nr {
        for c in 0..nc {
            if ghost(r, c) {
                if r > 0 {
                    union(&mut parent, at(r - 1, c), at(r, c));
                }
                continue;
            }
            if c + 1 < nc && !has_v(c + 1, r) && !ghost(r, c + 1) {
                union(&mut parent, at(r, c), at(r, c + 1));
            }
            if r + 1 < nr && !has_h(r + 1, c) && !is_seam(y(r + 1), seams) && !ghost(r + 1, c) {
                union(&mut parent, at(r, c), at(r + 1, c));
            }
        }
    }
    // Glyphs into atomic cells by their centre.
    let mut cell_glyphs: Vec<Vec<&Glyph>> = vec![Vec::new(); nr * nc];
    for g in glyphs {
        let c = xs.partition_point(|&v| v <= g.cx());
        let r = ys.partition_point(|&v| v <= g.cy());
        if c == 0 || r == 0 || c > nc || r > nr {
            continue;
        }
        if let Some(slot) = cell_glyphs.get_mut(at(r - 1, c - 1)) {
            slot.push(g);
        }
    }
    // Each component's glyphs and bounds (first row, first column, last row, last column).
    let mut members: std::collections::BTreeMap<usize, (Vec<&Glyph>, [usize; 4])> =
        Default::default();
    for r in 0..nr {
        for c in 0..nc {
            let root = find(&mut parent, at(r, c));
            let entry = members.entry(root).or_insert((Vec::new(), [r, c, r, c]));
            if let Some(gs) = cell_glyphs.get(at(r, c)) {
                entry.0.extend(gs.iter().copied());
            }
            let b = &mut entry.1;
            *b = [b[0].min(r), b[1].min(c), b[2].max(r), b[3].max(c)];
        }
    }
    let text_of = |gs: &[&Glyph]| lines::join_cell(&lines::lines(gs));
    // Across a page break: join a cell cut in two (same columns above and below; the
    // lower part empty, or text that is neither a number nor a new list item).
    for r in 1..nr {
        if !is_seam(y(r), seams) {
            continue;
        }
        for c in 0..nc {
            let (up, down) = (find(&mut parent, at(r - 1, c)), find(&mut parent, at(r, c)));
            if up == down {
                continue;
            }
            let (Some((ug, ub)), Some((dg, db))) = (members.get(&up), members.get(&down)) else {
                continue;
            };
            let (ut, dt) = (text_of(ug), text_of(dg));
            if (ub[1], ub[3]) != (db[1], db[3]) || ub[2] + 1 != r || db[0] != r {
                continue;
            }
            let join = !ut.trim().is_empty()
                && (dt.trim().is_empty()
                    || (!is_number(&ut) && !is_number(&dt) && !starts_with_marker(&dt)));
            if join {
                union(&mut parent, up, down);
                let root = find(&mut parent, up);
                let (Some((ug, ub)), Some((dg, db))) = (members.remove(&up), members.remove(&down))
                else {
                    continue;
                };
                let mut gs = ug;
                gs.extend(dg);
                let b = [
                    ub[0].min(db[0]),
                    ub[1].min(db[1]),
                    ub[2].max(db[2]),
                    ub[3].max(db[3]),
                ];
                members.insert(root, (gs, b));
            }
        }
    }
    let mut rows: Vec<Vec<GridCell>> = vec![Vec::new(); nr];
    for (gs, [r0, c0, r1, c1]) in members.into_values() {
        let text = normalize::number_cell(&text_of(&gs));
        if let Some(row) = rows.get_mut(r0) {
            row.push(GridCell {
                text,
                row: r0,
                col: c0,
                row_span: r1 - r0 + 1,
                col_span: c1 - c0 + 1,
                y0: y(r0),
            });
        }
    }
    for row in &mut rows {
        row.sort_by_key(|c| c.col);
    }
    Some(Grid { rows, row_tops: ys })
}

fn is_seam(y: f32, seams: &[f32]) -> bool {
    seams.iter().any(|s| (s - y).abs() <= TOL)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn hl(y: f32, x0: f32, x1: f32) -> Segment {
        Segment {
            x0,
            y0: y,
            x1,
            y1: y,
        }
    }
    fn vl(x: f32, y0: f32, y1: f32) -> Segment {
        Segment {
            x0: x,
            y0,
            x1: x,
            y1,
        }
    }
    fn glyph(t: &str, x: f32, y: f32) -> Glyph {
        Glyph::at(t, x, y, 5.0)
    }

    #[test]
    fn spans_from_missing_lines() {
        // 2 rows × 3 columns; column 0 merged down, the top row of columns 1–2 merged across.
        let h = [
            hl(0.0, 0.0, 30.0),
            hl(10.0, 10.0, 30.0),
            hl(20.0, 0.0, 30.0),
        ];
        let v = [
            vl(0.0, 0.0, 20.0),
            vl(10.0, 0.0, 20.0),
            vl(20.0, 10.0, 20.0),
            vl(30.0, 0.0, 20.0),
        ];
        let boxes = find_tables(&[h.as_slice(), v.as_slice()].concat()).unwrap();
        assert_eq!(boxes.len(), 1);
        let g = [
            glyph("甲", 2.0, 7.0),
            glyph("乙", 17.0, 2.0),
            glyph("1", 12.0, 12.0),
            glyph("2", 22.0, 12.0),
        ];
        let refs: Vec<&Glyph> = g.iter().collect();
        let grid = build(&boxes[0].h, &boxes[0].v, &refs, &[], &[], 1000).unwrap();
        let row0: Vec<(&str, usize, usize, usize)> = grid.rows[0]
            .iter()
            .map(|c| (c.text.as_str(), c.col, c.row_span, c.col_span))
            .collect();
        assert_eq!(row0, [("甲", 0, 2, 1), ("乙", 1, 1, 2)]);
        let row1: Vec<&str> = grid.rows[1].iter().map(|c| c.text.as_str()).collect();
        assert_eq!(row1, ["1", "2"]);
    }

    #[test]
    fn cut_label_joined_across_a_seam() {
        // Two rows stacked, the seam at y=10: the label cell continues, values do not.
        let h = [hl(0.0, 0.0, 20.0), hl(10.0, 0.0, 20.0), hl(20.0, 0.0, 20.0)];
        let v = [vl(0.0, 0.0, 20.0), vl(10.0, 0.0, 20.0), vl(20.0, 0.0, 20.0)];
        let g = [
            glyph("无", 2.0, 2.0),
            glyph("3", 12.0, 2.0),
            glyph("法", 2.0, 12.0),
            glyph("4", 12.0, 12.0),
        ];
        let refs: Vec<&Glyph> = g.iter().collect();
        let grid = build(&h, &v, &refs, &[10.0], &[], 1000).unwrap();
        assert_eq!(grid.rows[0][0].text, "无法");
        assert_eq!(grid.rows[0][0].row_span, 2);
        assert_eq!(grid.rows[1][0].text, "4");
    }

    #[test]
    fn markers() {
        assert!(starts_with_marker("（五）不予处理"));
        assert!(starts_with_marker("2.没有现成信息"));
        assert!(starts_with_marker("三、本年度"));
        assert!(!starts_with_marker("法提供"));
        assert!(!starts_with_marker("2024年"));
    }
}
