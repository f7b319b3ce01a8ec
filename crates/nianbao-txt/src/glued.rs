//! Splitting a run of glued digits (`210000021`, `230 000023`) into a row's cells,
//! only where the split is forced: one token per cell, one digit per cell, or exactly
//! one split that satisfies the row's own sum.
//!
//! A space in a run is a cell boundary (a crawler collapsed the white space between
//! two cells into it); no space is no evidence either way. A number is printed
//! without leading zeros (`0` is the only number that starts with 0), and a decimal
//! (`9116.36`) is never split.

use nianbao_core::model::Provenance;

/// The most candidate splits looked at before a run is called undecidable.
const MAX_STEPS: usize = 200_000;
/// The most digits one cell may hold in a split (a count over a trillion is no count).
const MAX_DIGITS: usize = 13;

/// How a row's sum constrains its cells (indices into the row's cells).
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct SumRule {
    /// Groups of `(parts, total)`: the cells at `parts` add up to the cell at `total`.
    pub groups: Vec<(Vec<usize>, usize)>,
}

impl SumRule {
    /// Every group of `width` cells, the last the sum of the others, `groups` times
    /// (table 3: one group of 7; table 4: three groups of 5).
    pub(crate) fn consecutive(groups: usize, width: usize) -> Self {
        SumRule {
            groups: (0..groups)
                .map(|g| {
                    let start = g * width;
                    ((start..start + width - 1).collect(), start + width - 1)
                })
                .collect(),
        }
    }

    fn holds(&self, cells: &[&str]) -> bool {
        self.groups.iter().all(|(parts, total)| {
            let value = |i: &usize| cells.get(*i).and_then(|c| c.parse::<u128>().ok());
            let sum: Option<u128> = parts.iter().map(value).sum();
            sum.is_some() && sum == value(total)
        })
    }
}

/// What splitting a run gave.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Split {
    /// The cells, with the evidence that forced them.
    Cells(Vec<String>, Provenance),
    /// No forced split: the cells stay blank.
    Undecided,
}

/// Splits `run` (digits, spaces, at most one decimal point per token) into `cells`
/// cells.
pub(crate) fn split(run: &str, cells: usize, rule: Option<&SumRule>) -> Split {
    let tokens: Vec<&str> = run.split_whitespace().collect();
    if cells == 0 || tokens.is_empty() || !tokens.iter().all(|t| is_token(t)) {
        return Split::Undecided;
    }
    if tokens.len() == cells && tokens.iter().all(|t| is_number(t)) {
        let cells = tokens.iter().map(|t| (*t).to_owned()).collect();
        return Split::Cells(cells, Provenance::Layout);
    }
    let digits: usize = tokens.iter().map(|t| t.len()).sum();
    if digits == cells && tokens.iter().all(|t| t.bytes().all(|b| b.is_ascii_digit())) {
        let cells = tokens
            .iter()
            .flat_map(|t| t.chars())
            .map(String::from)
            .collect();
        return Split::Cells(cells, Provenance::DigitCount);
    }
    let Some(rule) = rule else {
        return Split::Undecided;
    };
    let holds = |c: &[&str]| rule.holds(c);
    let mut search = Search {
        tokens: &tokens,
        cells,
        accept: &holds,
        current: Vec::with_capacity(cells),
        found: Vec::new(),
        solutions: 0,
        steps: 0,
    };
    search.token(0);
    if search.solutions == 1 && search.steps <= MAX_STEPS {
        Split::Cells(search.found, Provenance::RowSum)
    } else {
        Split::Undecided
    }
}

/// What a run's figures stated in the report's prose say of its splits.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Stated {
    /// Exactly one split agrees with every stated figure.
    Cells(Vec<String>),
    /// No split agrees with the stated figures.
    Contradicted,
    /// No figure stated, several splits agree, or too many to look at.
    Undecided,
}

/// Among the splits of `run` into `stated.len()` cells, the only one whose cells
/// equal every figure `stated` gives (`None`: nothing stated for that cell). Only for
/// runs [`split`] left undecided: a stated figure never overrides a forced split.
pub(crate) fn split_stated(run: &str, stated: &[Option<&str>]) -> Stated {
    let tokens: Vec<&str> = run.split_whitespace().collect();
    if stated.iter().all(Option::is_none)
        || tokens.is_empty()
        || !tokens.iter().all(|t| is_token(t))
    {
        return Stated::Undecided;
    }
    let agrees = |c: &[&str]| {
        c.iter()
            .zip(stated)
            .all(|(cell, s)| s.is_none_or(|s| s == *cell))
    };
    let mut search = Search {
        tokens: &tokens,
        cells: stated.len(),
        accept: &agrees,
        current: Vec::with_capacity(stated.len()),
        found: Vec::new(),
        solutions: 0,
        steps: 0,
    };
    search.token(0);
    match search.solutions {
        _ if search.steps > MAX_STEPS => Stated::Undecided,
        0 => Stated::Contradicted,
        1 => Stated::Cells(search.found),
        _ => Stated::Undecided,
    }
}

/// A depth-first walk over the ways of cutting each token into numbers.
struct Search<'a> {
    tokens: &'a [&'a str],
    cells: usize,
    accept: &'a dyn Fn(&[&str]) -> bool,
    current: Vec<&'a str>,
    found: Vec<String>,
    solutions: usize,
    steps: usize,
}

impl<'a> Search<'a> {
    /// Cuts tokens from `t` on.
    fn token(&mut self, t: usize) {
        if self.solutions > 1 || self.steps > MAX_STEPS {
            return;
        }
        self.steps += 1;
        let Some(&token) = self.tokens.get(t) else {
            if self.current.len() == self.cells && (self.accept)(&self.current) {
                self.solutions += 1;
                self.found = self.current.iter().map(|s| (*s).to_owned()).collect();
            }
            return;
        };
        self.rest(t, token);
    }

    /// Cuts the rest `rest` of token `t` into numbers.
    fn rest(&mut self, t: usize, rest: &'a str) {
        if rest.is_empty() {
            self.token(t + 1);
            return;
        }
        // Each later token needs a cell at least.
        let later = self.tokens.len() - t - 1;
        if self.current.len() + 1 + later > self.cells || self.steps > MAX_STEPS {
            return;
        }
        self.steps += 1;
        let whole_only = rest.contains('.');
        for len in 1..=rest.len().min(MAX_DIGITS) {
            if whole_only && len != rest.len() {
                continue;
            }
            let (Some(head), Some(tail)) = (rest.get(..len), rest.get(len..)) else {
                continue;
            };
            if !is_number(head) {
                continue;
            }
            self.current.push(head);
            self.rest(t, tail);
            self.current.pop();
        }
    }
}

/// Whether a token is digits with at most one decimal point between digits.
fn is_token(t: &str) -> bool {
    let mut parts = t.split('.');
    let int = parts.next().unwrap_or("");
    let frac = parts.next();
    parts.next().is_none()
        && !int.is_empty()
        && int.bytes().all(|b| b.is_ascii_digit())
        && frac.is_none_or(|f| !f.is_empty() && f.bytes().all(|b| b.is_ascii_digit()))
}

/// Whether a token reads as one printed number: no leading zero but in `0` (or `0.5`).
fn is_number(t: &str) -> bool {
    is_token(t) && {
        let int = t.split('.').next().unwrap_or("");
        int == "0" || !int.starts_with('0')
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cells(run: &str, n: usize, rule: Option<&SumRule>) -> Option<(Vec<String>, Provenance)> {
        match split(run, n, rule) {
            Split::Cells(c, p) => Some((c, p)),
            Split::Undecided => None,
        }
    }

    #[test]
    fn one_digit_per_cell_is_forced() {
        let (c, p) = cells("0 0 00 00 0", 7, None).unwrap();
        assert_eq!(c, ["0"; 7]);
        assert_eq!(p, Provenance::DigitCount);
        assert_eq!(cells("000", 3, None).unwrap().0, ["0", "0", "0"]);
    }

    #[test]
    fn tokens_as_cells() {
        let (c, p) = cells("0 1 1 0 2 1 0 0 0 1 0 0 0 0 0", 15, None).unwrap();
        assert_eq!(c.len(), 15);
        assert_eq!(p, Provenance::Layout);
        assert_eq!(cells("9116.36", 1, None).unwrap().0, ["9116.36"]);
    }

    #[test]
    fn the_row_sum_forces_a_unique_split() {
        let table3 = SumRule::consecutive(1, 7);
        for (run, want) in [
            ("210000021", "21 0 0 0 0 0 21"),
            ("713000074", "71 3 0 0 0 0 74"),
            ("230 000023", "23 0 0 0 0 0 23"),
            ("21710000218", "217 1 0 0 0 0 218"),
            ("370000037", "37 0 0 0 0 0 37"),
        ] {
            let (c, p) = cells(run, 7, Some(&table3)).unwrap_or_else(|| panic!("{run}"));
            assert_eq!(c.join(" "), want, "{run}");
            assert_eq!(p, Provenance::RowSum);
        }
        let table4 = SumRule::consecutive(3, 5);
        let (c, _) = cells("21317000001324019", 15, Some(&table4)).unwrap();
        assert_eq!(c.join(" "), "2 1 3 1 7 0 0 0 0 0 13 2 4 0 19");
    }

    #[test]
    fn stated_figures_pick_the_only_agreeing_split() {
        let run = "8855698";
        assert_eq!(
            split_stated(run, &[Some("88"), None, Some("698")]),
            Stated::Cells(vec!["88".into(), "55".into(), "698".into()])
        );
        // 62|33|440, 62|3|3440, 62|334|40, 62|3344|0 all agree with 制发=62.
        assert_eq!(
            split_stated("6233440", &[Some("62"), None, None]),
            Stated::Undecided
        );
        assert_eq!(split_stated(run, &[None, None, None]), Stated::Undecided);
        assert_eq!(
            split_stated(run, &[Some("88"), None, Some("700")]),
            Stated::Contradicted
        );
        // `05` is no number: with 8 stated, 8|0|5 is the only split.
        assert_eq!(
            split_stated("805", &[Some("8"), None, None]),
            Stated::Cells(vec!["8".into(), "0".into(), "5".into()])
        );
    }

    #[test]
    fn anything_else_stays_undecided() {
        // No sum in table 2: 89|89|89 is one of many splits.
        assert_eq!(split("898989", 3, None), Split::Undecided);
        assert_eq!(split("13575394432.52", 2, None), Split::Undecided);
        // Two splits satisfy the sum: 1|12|13 and 11|2|13.
        let rule = SumRule::consecutive(1, 3);
        assert_eq!(split("11213", 3, Some(&rule)), Split::Undecided);
        assert_eq!(
            split("10111", 3, Some(&rule)),
            Split::Cells(
                vec!["10".into(), "1".into(), "11".into()],
                Provenance::RowSum
            )
        );
        // Too few digits.
        assert_eq!(split("12", 3, Some(&rule)), Split::Undecided);
        // Not digits.
        assert_eq!(split("1a2", 3, Some(&rule)), Split::Undecided);
        // More tokens than cells.
        assert_eq!(split("1 2 3 4", 3, Some(&rule)), Split::Undecided);
    }
}
