//! Alignment tests on glyphs placed by hand.

use super::*;

/// The glyphs of `text` from (x, y), 10 points a glyph.
fn text(t: &str, x: f32, y: f32) -> Vec<Glyph> {
    t.chars()
        .enumerate()
        .map(|(i, c)| Glyph::at(&c.to_string(), x + 10.0 * i as f32, y, 10.0))
        .collect()
}

fn rows(a: &Aligned) -> Vec<Vec<(usize, String)>> {
    a.grid
        .rows
        .iter()
        .map(|r| r.iter().map(|c| (c.col, c.text.clone())).collect())
        .collect()
}

fn find_in(parts: &[Vec<Glyph>]) -> Vec<Aligned> {
    let all: Vec<Glyph> = parts.iter().flatten().cloned().collect();
    let refs: Vec<&Glyph> = all.iter().collect();
    find(&refs, 10_000)
}

#[test]
fn columns_from_gaps_and_a_wrapped_label_joined() {
    let found = find_in(&[
        text("信息内容", 0.0, 0.0),
        text("数量", 100.0, 0.0),
        text("金额", 160.0, 0.0),
        text("行政许可", 0.0, 20.0),
        text("12", 100.0, 20.0),
        text("3", 160.0, 20.0),
        // A label over two lines, its values on the first.
        text("行政事业", 0.0, 40.0),
        text("7", 100.0, 40.0),
        text("0", 160.0, 40.0),
        text("性收费", 0.0, 51.0),
    ]);
    assert_eq!(found.len(), 1);
    let got = rows(&found[0]);
    let want: Vec<Vec<(usize, String)>> = [
        vec![(0, "信息内容"), (1, "数量"), (2, "金额")],
        vec![(0, "行政许可"), (1, "12"), (2, "3")],
        vec![(0, "行政事业性收费"), (1, "7"), (2, "0")],
    ]
    .iter()
    .map(|r| r.iter().map(|(c, t)| (*c, (*t).to_owned())).collect())
    .collect();
    assert_eq!(got, want);
    assert!(found[0].unplaced.is_empty());
}

#[test]
fn a_value_in_no_single_column_is_left_out() {
    let found = find_in(&[
        text("甲", 0.0, 0.0),
        text("1", 100.0, 0.0),
        text("2", 160.0, 0.0),
        text("乙", 0.0, 20.0),
        text("3", 100.0, 20.0),
        text("4", 160.0, 20.0),
        text("丙", 0.0, 40.0),
        text("5", 100.0, 40.0),
        text("6", 160.0, 40.0),
        text("丁", 0.0, 60.0),
        text("7", 100.0, 60.0),
        text("8", 160.0, 60.0),
        text("戊", 0.0, 80.0),
        text("9", 100.0, 80.0),
        text("0", 160.0, 80.0),
        // Across the gap between the two value columns.
        text("己", 0.0, 100.0),
        text("7777", 120.0, 100.0),
    ]);
    assert_eq!(found.len(), 1);
    assert_eq!(found[0].unplaced, ["7777"]);
    let last = rows(&found[0]).pop().unwrap();
    assert_eq!(last, [(0, "己".to_owned())]);
}

#[test]
fn prose_and_two_aligned_lines_are_no_table() {
    let found = find_in(&[
        text("一、总体情况", 0.0, 0.0),
        text("甲", 0.0, 20.0),
        text("1", 100.0, 20.0),
        text("乙", 0.0, 40.0),
        text("2", 100.0, 40.0),
        text("本年度我单位认真贯彻落实条例的各项要求", 0.0, 60.0),
    ]);
    assert!(found.is_empty());
}

#[test]
fn a_page_of_too_many_runs_is_not_searched() {
    // 21,000 one-glyph runs in aligned columns: over the page's bound, read as text.
    let parts: Vec<Vec<Glyph>> = (0..1_000)
        .flat_map(|r| (0..21).map(move |c| text("1", 30.0 * c as f32, 15.0 * r as f32)))
        .collect();
    assert!(find_in(&parts).is_empty());
    // Fewer make a table.
    assert_eq!(find_in(&parts[..21 * 20]).len(), 1);
}
