//! One value cell of a table, as printed and as normalized.

use std::borrow::Cow;

use super::{Number, Provenance};
use crate::catalog::ColumnKind;
use crate::text;

/// What a cell holds. A blank cell is not a zero, and a placeholder is not a blank.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CellValue {
    /// A number (`0` is a number).
    Number(Number),
    /// Nothing at all (or only white space).
    Blank,
    /// A placeholder that says "nothing" in print: `—` `-` `/` `无`.
    Placeholder,
    /// Text that is not a number.
    Text,
}

/// What normalization changed in a cell, so that the verbatim text can be explained.
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(
    feature = "json",
    derive(serde::Serialize, serde::Deserialize, schemars::JsonSchema)
)]
#[cfg_attr(feature = "json", serde(tag = "type", rename_all = "snake_case"))]
#[non_exhaustive]
pub enum Normalization {
    /// The value was in 元 and was converted to 万元 (divided by 10,000).
    YuanToWanYuan,
    /// A unit was removed (`万元`, `件`, …).
    UnitRemoved {
        /// The unit as printed.
        unit: String,
    },
    /// An annotation was set aside: `22（其中修订 16 件）` gives 22.
    Annotation {
        /// The annotation as printed, brackets included.
        text: String,
    },
    /// Full-width digits or signs were read as ASCII.
    FullWidth,
    /// Thousands separators were removed.
    ThousandsSeparator,
    /// White space between digits (a space, NBSP, U+3000, a zero-width space) was
    /// removed, joining them: `12 0` reads as 120. The verbatim text shows where.
    DigitsJoined,
    /// An explicit `+` sign was dropped.
    PlusSign,
    /// The cell is a placeholder (`—` `-` `/` `无`): no value.
    Placeholder,
    /// The cell holds text that is not a number: no value.
    Text,
}

/// A value cell: its value, and, when normalization changed anything, the verbatim
/// text and what was changed.
///
/// `#[non_exhaustive]`: build it with [`Cell::parse`], [`Cell::number`],
/// [`Cell::BLANK`] or [`Cell::new`] and the `with_*` methods.
///
/// ```
/// use nianbao_core::{Cell, CellValue, Number};
/// use nianbao_core::model::Normalization;
/// let c = Cell::new(CellValue::Number(Number::from(22)))
///     .with_verbatim("22（其中修订16件）", vec![Normalization::Annotation {
///         text: "（其中修订16件）".into(),
///     }]);
/// assert_eq!(c.as_number(), Some(Number::from(22)));
/// assert_eq!(Cell::number(Number::from(0)).verbatim, None);
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct Cell {
    /// The value.
    pub value: CellValue,
    /// The source text (trimmed), kept when normalization changed something.
    pub verbatim: Option<String>,
    /// What normalization did, in order.
    pub normalizations: Vec<Normalization>,
    /// The evidence that placed the value in this cell.
    pub provenance: Provenance,
}

/// The value for people: the number, or `(blank)`, `(placeholder)`, `(text)`.
///
/// ```
/// use nianbao_core::{CellValue, Number};
/// assert_eq!(CellValue::Number(Number::from(3)).to_string(), "3");
/// assert_eq!(CellValue::Blank.to_string(), "(blank)");
/// ```
impl std::fmt::Display for CellValue {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            CellValue::Number(n) => n.fmt(f),
            CellValue::Blank => f.write_str("(blank)"),
            CellValue::Placeholder => f.write_str("(placeholder)"),
            CellValue::Text => f.write_str("(text)"),
        }
    }
}

impl Cell {
    /// A blank cell.
    pub const BLANK: Cell = Cell {
        value: CellValue::Blank,
        verbatim: None,
        normalizations: Vec::new(),
        provenance: Provenance::Grid,
    };

    /// A plain number, nothing normalized.
    pub fn number(n: Number) -> Self {
        Cell {
            value: CellValue::Number(n),
            verbatim: None,
            normalizations: Vec::new(),
            provenance: Provenance::Grid,
        }
    }

    /// A cell holding a value, with no verbatim text, placed by the grid.
    pub fn new(value: CellValue) -> Self {
        Cell {
            value,
            ..Cell::BLANK
        }
    }

    /// The same cell with the source text that normalization changed, and what it
    /// changed, in order.
    pub fn with_verbatim(
        mut self,
        verbatim: impl Into<String>,
        normalizations: Vec<Normalization>,
    ) -> Self {
        self.verbatim = Some(verbatim.into());
        self.normalizations = normalizations;
        self
    }

    /// The same cell, placed by other evidence.
    pub fn with_provenance(mut self, provenance: Provenance) -> Self {
        self.provenance = provenance;
        self
    }

    /// The number, when the cell holds one.
    pub fn as_number(&self) -> Option<Number> {
        match self.value {
            CellValue::Number(n) => Some(n),
            _ => None,
        }
    }

    /// Whether the cell is blank (not a placeholder, not text, not a number).
    pub fn is_blank(&self) -> bool {
        self.value == CellValue::Blank
    }

    /// Reads a cell's source text for a column of the given kind.
    ///
    /// White space around the value (spaces, U+3000, NBSP, zero-width characters, line
    /// breaks) is not a change; everything else normalization does is recorded.
    ///
    /// ```
    /// use nianbao_core::{Cell, CellValue, catalog::ColumnKind};
    /// let c = Cell::parse("251000元", ColumnKind::Money);
    /// assert_eq!(c.as_number().unwrap().to_string(), "25.1");
    /// assert_eq!(c.verbatim.as_deref(), Some("251000元"));
    /// assert_eq!(Cell::parse("\u{a0}", ColumnKind::Count).value, CellValue::Blank);
    /// assert_eq!(Cell::parse("—", ColumnKind::Count).value, CellValue::Placeholder);
    /// ```
    pub fn parse(source: &str, kind: ColumnKind) -> Cell {
        let trimmed = text::trim(source);
        if trimmed.is_empty() {
            return Cell::BLANK;
        }
        let changed = |value, normalizations| Cell {
            value,
            verbatim: Some(trimmed.to_owned()),
            normalizations,
            provenance: Provenance::Grid,
        };
        if text::is_placeholder(trimmed) {
            return changed(CellValue::Placeholder, vec![Normalization::Placeholder]);
        }
        match parse_number(trimmed, kind) {
            Some((n, notes)) if notes.is_empty() => Cell::number(n),
            Some((n, notes)) => changed(CellValue::Number(n), notes),
            None => changed(CellValue::Text, vec![Normalization::Text]),
        }
    }

    /// Whether a cell's source text reads as a value (number, blank or placeholder)
    /// rather than as a label.
    pub fn looks_like_value(source: &str) -> bool {
        // What `Cell::parse` would not call text, without building the cell.
        let trimmed = text::trim(source);
        trimmed.bytes().all(|b| b.is_ascii_digit())
            || text::is_placeholder(trimmed)
            || parse_number(trimmed, ColumnKind::Money).is_some()
    }
}

/// Whether removing the white space of `s` joins two digits (or a digit and a decimal
/// point or thousands separator): `12 0`, `1 234`, `5\u{a0}6`, `1.\u{200b}5`.
fn joins_digits(s: &str) -> bool {
    let numeric = |c: char| c.is_ascii_digit() || c == '.' || c == ',';
    let mut before: Option<char> = None;
    let mut gap = false;
    for c in s.chars() {
        if text::is_space(c) {
            gap = before.is_some();
            continue;
        }
        if gap && numeric(c) && before.is_some_and(numeric) {
            return true;
        }
        gap = false;
        before = Some(c);
    }
    false
}

/// Units a count or money cell may carry after its number.
const UNITS: [&str; 9] = ["万元", "元", "件", "个", "项", "条", "次", "人次", "家"];

fn parse_number(trimmed: &str, kind: ColumnKind) -> Option<(Number, Vec<Normalization>)> {
    // Most cells: a plain ASCII number, which nothing below would change.
    if trimmed
        .bytes()
        .all(|b| b.is_ascii_digit() || b == b'.' || b == b'-')
    {
        return trimmed.parse().ok().map(|n| (n, Vec::new()));
    }
    // Nor can anything be a number that does not start like one (a label).
    let starts_like_number = trimmed.chars().next().is_some_and(|c| {
        c.is_ascii_digit()
            || matches!(
                c,
                '０'..='９' | '+' | '-' | '＋' | '－' | '.' | '．' | ',' | '，'
            )
    });
    if !starts_like_number {
        return None;
    }
    let mut notes = Vec::new();
    // Split off an annotation in brackets: 22（其中修订16件）.
    let (body, annotation) = match trimmed.find(['(', '（']) {
        Some(i) if i > 0 => {
            let (b, a) = trimmed.split_at(i);
            (b, Some(text::trim(a).to_owned()))
        }
        _ => (trimmed, None),
    };
    // A character that folding, white space and units cannot remove or turn into a
    // digit, sign or separator makes it no number (a label such as `1.属于国家秘密`).
    let could_be_number = body.chars().all(|c| {
        c.is_ascii_digit()
            || matches!(
                c,
                '+' | '-' | '.' | ',' | '０'..='９' | '＋' | '－' | '．' | '，'
            )
            || text::is_space(c)
            || UNITS.iter().any(|u| u.contains(c))
    });
    if !could_be_number {
        return None;
    }
    let ascii: Cow<'_, str> = if body.is_ascii() {
        Cow::Borrowed(body)
    } else {
        let folded = text::fold_full_width(body);
        if folded != body {
            notes.push(Normalization::FullWidth);
        }
        Cow::Owned(folded)
    };
    let body: Cow<'_, str> = if ascii.chars().any(text::is_space) {
        if joins_digits(&ascii) {
            notes.push(Normalization::DigitsJoined);
        }
        Cow::Owned(ascii.chars().filter(|c| !text::is_space(*c)).collect())
    } else {
        ascii
    };
    let mut body = &*body;
    let mut unit = None;
    for u in UNITS {
        if let Some(rest) = body.strip_suffix(u) {
            unit = Some(u);
            body = rest;
            break;
        }
    }
    let without_sep: Cow<'_, str> = if body.contains(',') {
        Cow::Owned(body.chars().filter(|c| *c != ',').collect())
    } else {
        Cow::Borrowed(body)
    };
    if without_sep.len() != body.len() {
        if !text::has_valid_thousands_groups(body) {
            return None;
        }
        notes.push(Normalization::ThousandsSeparator);
    }
    if without_sep.starts_with('+') {
        notes.push(Normalization::PlusSign);
    }
    let mut n: Number = without_sep.parse().ok()?;
    match unit {
        Some("元") if kind == ColumnKind::Money => {
            n = n.shift_down(4)?;
            notes.push(Normalization::YuanToWanYuan);
        }
        Some(u) => notes.push(Normalization::UnitRemoved { unit: u.to_owned() }),
        None => {}
    }
    if let Some(text) = annotation {
        if !text::is_bracketed(&text) {
            return None;
        }
        notes.push(Normalization::Annotation { text });
    }
    Some((n, notes))
}

#[cfg(test)]
mod tests {
    use super::*;
    use pretty_assertions::assert_eq;

    fn num(s: &str, kind: ColumnKind) -> String {
        Cell::parse(s, kind).as_number().unwrap().to_string()
    }

    #[test]
    fn every_cell_example_of_the_spec() {
        use ColumnKind::*;
        assert_eq!(num("0", Count), "0");
        assert_eq!(num("0万元", Money), "0");
        assert_eq!(num("251000元", Money), "25.1");
        assert_eq!(num("96171.6", Money), "96171.6");
        assert_eq!(num("4068.208", Money), "4068.208");
        assert_eq!(num("22（其中修订 16 件）", Count), "22");
        assert_eq!(num("55（含自然失效 29 件）", Count), "55");
        assert_eq!(num("+1036", SignedCount), "1036");
        assert_eq!(num("-3", SignedCount), "-3");
        assert_eq!(num("３９８５７５８", Count), "3985758");
        assert_eq!(num("3,985,758", Count), "3985758");
        assert_eq!(num("\u{a0}0\u{a0}", Count), "0");
        assert_eq!(num("　　1", Count), "1");
        assert_eq!(num("1 234", Count), "1234");
        assert_eq!(num("12 0", Count), "120");
        for p in ["—", "-", "/", "无", "——", "－", "／"] {
            assert_eq!(Cell::parse(p, Count).value, CellValue::Placeholder, "{p}");
        }
        for b in ["", " ", "\u{a0}", "\u{3000}\u{3000}", "\u{200b}", "\n"] {
            assert_eq!(Cell::parse(b, Count), Cell::BLANK, "{b:?}");
        }
        assert_eq!(Cell::parse("见附件", Count).value, CellValue::Text);
        assert_eq!(Cell::parse("1,00", Count).value, CellValue::Text);
    }

    #[test]
    fn looks_like_value_agrees_with_parse() {
        let samples = [
            "0",
            "12",
            " 7\u{a0}",
            "",
            "\u{3000}",
            "—",
            "无",
            "/",
            "１２",
            "1 234",
            "3,985,758",
            "1,00",
            "+1036",
            "-3",
            "251000元",
            "0万元",
            "12件",
            "3 人次",
            "22（其中修订 16 件）",
            "22(见附件)",
            "1.属于国家秘密",
            "一、本年新收政府信息公开申请数量",
            "见附件",
            "12%",
            "１２％",
            "1.2.3",
            "-",
            "+",
            ".",
            "1e5",
            "12a",
            "（七）总计",
            "4.无正当理由大量反复申请",
            "2021年",
            "0.5万元",
            "１，２３４",
            "12 元",
        ];
        for s in samples {
            assert_eq!(
                Cell::looks_like_value(s),
                Cell::parse(s, ColumnKind::Money).value != CellValue::Text,
                "{s:?}"
            );
        }
    }

    #[test]
    fn records_what_changed() {
        let c = Cell::parse("22（其中修订 16 件）", ColumnKind::Count);
        assert_eq!(c.verbatim.as_deref(), Some("22（其中修订 16 件）"));
        assert_eq!(
            c.normalizations,
            vec![Normalization::Annotation {
                text: "（其中修订 16 件）".into()
            }]
        );
        let c = Cell::parse("0万元", ColumnKind::Money);
        assert_eq!(
            c.normalizations,
            vec![Normalization::UnitRemoved {
                unit: "万元".into()
            }]
        );
        let c = Cell::parse("１２", ColumnKind::Count);
        assert_eq!(c.normalizations, vec![Normalization::FullWidth]);
        // Digits joined across white space are recorded, never silent.
        for s in [
            "12 0",
            "5 6",
            "5\u{a0}6",
            "5\u{200b}6",
            "1 234",
            "１２　０",
            "0. 5",
        ] {
            let c = Cell::parse(s, ColumnKind::Money);
            assert!(c.as_number().is_some(), "{s:?}");
            assert!(
                c.normalizations.contains(&Normalization::DigitsJoined),
                "{s:?}"
            );
            assert_eq!(c.verbatim.as_deref(), Some(s), "{s:?}");
        }
        // Space between a number and its unit, sign or annotation joins no digits.
        for s in ["3 人次", "12 元", "+ 6", "22（其中修订 16 件）"] {
            let c = Cell::parse(s, ColumnKind::Money);
            assert!(
                !c.normalizations.contains(&Normalization::DigitsJoined),
                "{s:?}"
            );
        }
        // Plain numbers with white space around them are not a change.
        assert_eq!(
            Cell::parse(" 7\u{a0}", ColumnKind::Count),
            Cell::number(Number::int(7))
        );
    }
}
