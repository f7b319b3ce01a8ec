//! A count of the work the readers do, for tests that hold it to a bound linear in the
//! input (`tests/budget.rs`): not part of the API.
//!
//! Each reader adds one unit per thing it visits where hostile input could make it
//! visit many (a line, a paragraph, a cell, a probe of the open merges, a character of
//! a list's level text, an HTML node or attribute), so that the count does not depend
//! on the machine. The count is per thread.

use std::cell::Cell;

thread_local! {
    static UNITS: Cell<u64> = const { Cell::new(0) };
}

/// Adds `n` units of work to this thread's count.
#[inline]
pub fn add(n: u64) {
    UNITS.with(|u| u.set(u.get().saturating_add(n)));
}

/// This thread's count since the last call, which resets it.
pub fn take() -> u64 {
    UNITS.with(|u| u.replace(0))
}

#[cfg(test)]
mod tests {
    #[test]
    fn counts_and_resets() {
        super::take();
        super::add(3);
        super::add(4);
        assert_eq!(super::take(), 7);
        assert_eq!(super::take(), 0);
    }
}
