//! The running counters of a Word list (nine levels), shared by the .docx and .doc
//! readers: what each level has counted, restarts, and what follows a number.

use super::NumFmt;

/// Levels of a Word list (`w:ilvl` / `ilvl` 0–8).
pub const LIST_LEVELS: usize = 9;

/// The counters of one list, one per level, as Word keeps them while it numbers the
/// paragraphs: a level counts from its start, and counting at a level restarts the
/// deeper levels that restart after it.
///
/// A level is described by two functions of its index: `start` (the first number, 1
/// when unset) and `restart` (a level restarts when a level shallower than
/// `restart(level)` counts; 0 never restarts; Word's default is the level's own index,
/// so any shallower level restarts it).
///
/// ```
/// use nianbao_core::text::{ListCounter, NumFmt};
/// let start = |_: usize| 1;
/// let restart = |level: usize| level as u32;
/// let mut c = ListCounter::default();
/// assert_eq!(c.advance(0, start, restart), 1);
/// assert_eq!(c.advance(1, start, restart), 1);
/// assert_eq!(c.advance(1, start, restart), 2);
/// assert_eq!(c.advance(0, start, restart), 2); // restarts level 1
/// let mut text = String::new();
/// NumFmt::ChineseCounting.render(c.value(0, start), &mut text);
/// assert_eq!(text, "二");
/// assert_eq!(c.advance(1, start, restart), 1);
/// ```
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct ListCounter {
    counts: [Option<u32>; LIST_LEVELS],
}

impl ListCounter {
    /// Forgets what a level has counted: its next number is its start again (a start
    /// override applied when a list is first used).
    pub fn reset(&mut self, level: usize) {
        if let Some(c) = self.counts.get_mut(level) {
            *c = None;
        }
    }

    /// Counts a paragraph at `level` (past the last level: the last) and returns its
    /// number; the deeper levels that restart after it start again.
    pub fn advance(
        &mut self,
        level: usize,
        start: impl Fn(usize) -> u32,
        restart: impl Fn(usize) -> u32,
    ) -> u32 {
        let level = level.min(LIST_LEVELS - 1);
        let value = self
            .counts
            .get(level)
            .copied()
            .flatten()
            .map_or_else(|| start(level), |c| c.saturating_add(1));
        if let Some(c) = self.counts.get_mut(level) {
            *c = Some(value);
        }
        for deeper in (level + 1)..LIST_LEVELS {
            let limit = restart(deeper);
            if limit != 0 && u32::try_from(level).is_ok_and(|l| l < limit) {
                self.reset(deeper);
            }
        }
        value
    }

    /// The number a level shows now: what it counted last, or its start when it has
    /// not counted yet.
    pub fn value(&self, level: usize, start: impl Fn(usize) -> u32) -> u32 {
        self.counts
            .get(level)
            .copied()
            .flatten()
            .unwrap_or_else(|| start(level))
    }

    /// Renders a level's number (see [`ListCounter::value`]) in a format into `out`.
    pub fn render(
        &self,
        level: usize,
        fmt: NumFmt,
        start: impl Fn(usize) -> u32,
        out: &mut String,
    ) {
        fmt.render(self.value(level, start), out);
    }
}

/// What Word puts after a list number (`w:suff`; the `ixchFollow` of a .doc level).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
#[non_exhaustive]
pub enum ListSuffix {
    /// A tab (the default).
    #[default]
    Tab,
    /// A space.
    Space,
    /// Nothing.
    Nothing,
}

impl ListSuffix {
    /// Appends the suffix as the text shows it: a space for a space; for a tab, a space
    /// after `1.`, nothing after full-width or CJK punctuation (`一、`), whose own
    /// width Word's tab stop swallows.
    ///
    /// ```
    /// use nianbao_core::text::ListSuffix;
    /// let mut a = String::from("一、");
    /// ListSuffix::Tab.append(&mut a);
    /// let mut b = String::from("1.");
    /// ListSuffix::Tab.append(&mut b);
    /// assert_eq!((a.as_str(), b.as_str()), ("一、", "1. "));
    /// ```
    pub fn append(self, out: &mut String) {
        match self {
            ListSuffix::Nothing => {}
            ListSuffix::Space => out.push(' '),
            ListSuffix::Tab => {
                if out.chars().last().is_some_and(|c| !is_wide(c)) {
                    out.push(' ');
                }
            }
        }
    }
}

/// Full-width or CJK characters, after which a tab is not rendered as a space.
fn is_wide(c: char) -> bool {
    matches!(c as u32, 0x2460..=0x24FF | 0x2E80..=0x9FFF | 0xF900..=0xFAFF | 0xFE30..=0xFE4F | 0xFF00..=0xFFEF)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn one(_: usize) -> u32 {
        1
    }

    fn own_index(level: usize) -> u32 {
        level as u32
    }

    #[test]
    fn levels_count_and_shallower_levels_restart_deeper_ones() {
        let mut c = ListCounter::default();
        assert_eq!(c.advance(0, one, own_index), 1);
        assert_eq!(c.advance(2, one, own_index), 1);
        assert_eq!(c.advance(2, one, own_index), 2);
        assert_eq!(c.advance(1, one, own_index), 1);
        // Level 1 counting restarted level 2.
        assert_eq!(c.advance(2, one, own_index), 1);
        assert_eq!(c.value(0, one), 1);
        // A level not counted yet shows its start.
        assert_eq!(c.value(5, |_| 7), 7);
    }

    #[test]
    fn restart_zero_never_restarts_and_a_limit_restarts_only_after_shallower_levels() {
        // Level 1 never restarts; level 2 restarts only after level 0 (limit 1).
        let restart = |level: usize| match level {
            1 => 0,
            2 => 1,
            l => l as u32,
        };
        let mut c = ListCounter::default();
        c.advance(1, one, restart);
        c.advance(2, one, restart);
        c.advance(0, one, restart);
        assert_eq!(c.advance(1, one, restart), 2);
        assert_eq!(c.advance(2, one, restart), 1);
        assert_eq!(c.advance(2, one, restart), 2);
        // Level 1 counting does not restart level 2 (limit 1: only level 0 does).
        c.advance(1, one, restart);
        assert_eq!(c.advance(2, one, restart), 3);
    }

    #[test]
    fn starts_resets_and_the_last_level() {
        let start = |level: usize| if level == 0 { 5 } else { 1 };
        let mut c = ListCounter::default();
        assert_eq!(c.advance(0, start, own_index), 5);
        assert_eq!(c.advance(0, start, own_index), 6);
        c.reset(0);
        assert_eq!(c.advance(0, start, own_index), 5);
        // Past the last level counts at the last; a reset past it does nothing.
        assert_eq!(c.advance(40, one, own_index), 1);
        assert_eq!(c.value(LIST_LEVELS - 1, one), 1);
        c.reset(40);
        let mut c = ListCounter::default();
        c.advance(0, |_| u32::MAX, own_index);
        assert_eq!(c.advance(0, one, own_index), u32::MAX);
    }

    #[test]
    fn render_and_suffixes() {
        let mut c = ListCounter::default();
        c.advance(0, one, own_index);
        c.advance(0, one, own_index);
        let mut out = String::from("（");
        c.render(0, NumFmt::ChineseCounting, one, &mut out);
        out.push('）');
        ListSuffix::Tab.append(&mut out);
        assert_eq!(out, "（二）");
        let mut out = String::new();
        c.render(0, NumFmt::Decimal, one, &mut out);
        out.push('.');
        ListSuffix::Space.append(&mut out);
        assert_eq!(out, "2. ");
        let mut out = String::from("2.");
        ListSuffix::Nothing.append(&mut out);
        assert_eq!(out, "2.");
        let mut empty = String::new();
        ListSuffix::Tab.append(&mut empty);
        assert_eq!(empty, "");
    }
}
