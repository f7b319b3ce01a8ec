//! Figures in running text: a number (Arabic digits, full-width digits, thousands
//! separators, decimals, or Chinese numerals) followed by a unit, with the markers that
//! make it approximate; and the years a text names.

use crate::Number;
use crate::text::is_space;

/// What a figure counts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Unit {
    /// Cases, documents, items (件 条 次 个 项).
    Count,
    /// Money in 万元 (a figure printed in 元 is divided by 10,000, exactly).
    WanYuan,
}

/// A figure found in a text, by character positions.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Figure {
    /// Where the number starts.
    pub start: usize,
    /// Where the number ends (exclusive; the unit and markers are not part of it).
    pub end: usize,
    /// Its value, in 件 for a count and in 万元 for money.
    pub value: Number,
    /// What it counts.
    pub unit: Unit,
    /// The unit as printed (`件`, `元`, `万元`, `万件`).
    pub unit_text: &'static str,
    /// Whether a marker (余 多 约 近 超过 以上 左右 …) makes it approximate.
    pub approximate: bool,
}

/// Units, longest first, with what they count.
const UNITS: [(&str, Unit); 7] = [
    ("万元", Unit::WanYuan),
    ("元", Unit::WanYuan),
    ("件", Unit::Count),
    ("条", Unit::Count),
    ("次", Unit::Count),
    ("个", Unit::Count),
    ("项", Unit::Count),
];

/// Words after a unit that make it part of another word (`3个月`, `15个工作日`).
const NOT_AFTER_UNIT: [(&str, &str); 11] = [
    ("个", "部分"),
    ("个", "方面"),
    ("个", "月"),
    ("个", "工作日"),
    ("个", "小时"),
    ("个", "百分点"),
    ("个", "季度"),
    ("个", "年"),
    ("个", "人"),
    ("个", "星期"),
    ("条", "例"),
];

/// Markers before a figure that make it approximate, or say it is no count.
const APPROX_BEFORE: [&str; 12] = [
    "约",
    "近",
    "逾",
    "超过",
    "超",
    "将近",
    "接近",
    "大约",
    "不到",
    "不足",
    "不少于",
    "多达",
];
/// Markers right after the number (before the unit).
const APPROX_INSIDE: [char; 3] = ['余', '多', '几'];
/// Markers after the unit.
const APPROX_AFTER: [&str; 6] = ["以上", "左右", "上下", "以下", "以内", "多"];

/// Characters before a single `一` that make it part of a word (`统一`, `唯一`).
const WORD_BEFORE_ONE: &str = "统唯逐同之单每任另其专划进万第";

/// The value of an Arabic digit, ASCII or full-width.
fn digit(c: char) -> Option<u32> {
    match c {
        '0'..='9' => c.to_digit(10),
        '０'..='９' => Some(u32::from(c) - u32::from('０')),
        _ => None,
    }
}

/// The value of a Chinese digit (〇 ○ 零 一 … 九, 两).
fn chinese_digit(c: char) -> Option<i64> {
    Some(match c {
        '〇' | '○' | '零' => 0,
        '一' => 1,
        '二' | '两' => 2,
        '三' => 3,
        '四' => 4,
        '五' => 5,
        '六' => 6,
        '七' => 7,
        '八' => 8,
        '九' => 9,
        _ => return None,
    })
}

/// The power of ten of a Chinese unit character (十 百 千).
fn chinese_unit(c: char) -> Option<i64> {
    match c {
        '十' => Some(10),
        '百' => Some(100),
        '千' => Some(1000),
        _ => None,
    }
}

fn is_chinese_numeral(c: char) -> bool {
    chinese_digit(c).is_some() || chinese_unit(c).is_some() || c == '万'
}

/// The value of a run of Chinese numerals: `十二` 12, `两` 2, `二十三` 23, `一百零五` 105,
/// `三万五千` 35000; a run of digits alone reads positionally (`二〇二三` 2023).
/// `None` when the run is not a well-formed numeral.
pub(super) fn chinese_value(run: &[char]) -> Option<i64> {
    if run.is_empty() {
        return None;
    }
    if run.iter().all(|c| chinese_digit(*c).is_some()) {
        return run.iter().try_fold(0i64, |acc, c| {
            acc.checked_mul(10)?.checked_add(chinese_digit(*c)?)
        });
    }
    let mut total: i64 = 0;
    let mut section: i64 = 0;
    let mut pending: Option<i64> = None;
    // The last unit used in this section: units must fall (千 before 百 before 十).
    let mut last_unit = i64::MAX;
    let mut seen_wan = false;
    let mut after_zero = false;
    for &c in run {
        if let Some(d) = chinese_digit(c) {
            if pending.is_some() {
                return None; // two digits in a row: 二三十
            }
            if d == 0 {
                after_zero = true;
            } else {
                pending = Some(d);
            }
        } else if let Some(u) = chinese_unit(c) {
            if u >= last_unit {
                return None;
            }
            // A unit alone at the start of a section is one of it (十 一十, 百 一百).
            let d = match pending.take() {
                Some(d) => d,
                None if section == 0 && !after_zero => 1,
                None => return None,
            };
            section = section.checked_add(d.checked_mul(u)?)?;
            last_unit = u;
            after_zero = false;
        } else if c == '万' {
            if seen_wan {
                return None;
            }
            seen_wan = true;
            section = section.checked_add(pending.take().unwrap_or(0))?;
            if section == 0 {
                return None;
            }
            total = section.checked_mul(10_000)?;
            section = 0;
            last_unit = i64::MAX;
            after_zero = false;
        } else {
            return None;
        }
    }
    section = section.checked_add(pending.unwrap_or(0))?;
    total.checked_add(section)
}

/// Whether `chars` at `at` start with `word`.
pub(super) fn starts_with(chars: &[char], at: usize, word: &str) -> bool {
    (at..)
        .zip(word.chars())
        .all(|(i, w)| chars.get(i) == Some(&w))
}

/// Whether `chars` before `at` end with `word`.
fn ends_with(chars: &[char], at: usize, word: &str) -> bool {
    let n = word.chars().count();
    at >= n && starts_with(chars, at - n, word)
}

fn skip_spaces(chars: &[char], mut at: usize) -> usize {
    while chars.get(at).is_some_and(|c| is_space(*c)) {
        at += 1;
    }
    at
}

/// Appends a digit to `mantissa`; on overflow clears `ok` (the number is too big).
fn push(mantissa: &mut i64, ok: &mut bool, d: u32) {
    match mantissa
        .checked_mul(10)
        .and_then(|m| m.checked_add(i64::from(d)))
    {
        Some(m) => *mantissa = m,
        None => {
            *ok = false;
            *mantissa = 0;
        }
    }
}

/// An Arabic number at `at`: its end and value. Commas must group thousands; a
/// number with a bad group is no number (`None`, with where the run ends).
fn arabic(chars: &[char], at: usize) -> (usize, Option<Number>) {
    let mut i = at;
    let mut mantissa: i64 = 0;
    let mut ok = true;
    let mut group = 0usize; // digits since the last comma
    let mut commas = 0usize;
    let mut first_group = 0usize;
    while let Some(&c) = chars.get(i) {
        if let Some(d) = digit(c) {
            push(&mut mantissa, &mut ok, d);
            group += 1;
            i += 1;
        } else if c == ',' && chars.get(i + 1).and_then(|c| digit(*c)).is_some() {
            if commas == 0 {
                first_group = group;
            } else if group != 3 {
                ok = false;
            }
            commas += 1;
            group = 0;
            i += 1;
        } else {
            break;
        }
    }
    if commas > 0 && (group != 3 || !(1..=3).contains(&first_group)) {
        ok = false;
    }
    let mut scale: u8 = 0;
    if matches!(chars.get(i), Some('.' | '．'))
        && chars.get(i + 1).and_then(|c| digit(*c)).is_some()
    {
        i += 1;
        while let Some(d) = chars.get(i).and_then(|c| digit(*c)) {
            push(&mut mantissa, &mut ok, d);
            scale = scale.saturating_add(1);
            i += 1;
        }
    }
    (
        i,
        if ok {
            Number::new(mantissa, scale)
        } else {
            None
        },
    )
}

/// Reads what follows a number ending at `end`: markers, a 万 multiplier and the unit.
/// Returns the figure's unit, unit text, whether it is approximate, and the value
/// multiplied as printed; `None` when no unit follows (no figure).
fn after_number(
    chars: &[char],
    end: usize,
    value: Number,
) -> Option<(Unit, &'static str, bool, Number)> {
    let mut i = skip_spaces(chars, end);
    let mut approximate = false;
    let mut value = value;
    if chars.get(i).is_some_and(|c| APPROX_INSIDE.contains(c)) {
        approximate = true;
        i += 1;
    }
    let mut wan = false;
    if chars.get(i) == Some(&'万') && chars.get(i + 1) != Some(&'元') {
        wan = true;
        let (m, s) = value.parts();
        value = Number::new(m.checked_mul(10_000)?, s)?;
        i += 1;
        if chars.get(i).is_some_and(|c| APPROX_INSIDE.contains(c)) {
            approximate = true;
            i += 1;
        }
    }
    i = skip_spaces(chars, i);
    let (text, unit) = UNITS.iter().find(|(u, _)| starts_with(chars, i, u))?;
    // 万 then 元 would have matched 万元 above: a 万 multiplier is for counts only.
    if wan && *unit != Unit::Count {
        return None;
    }
    let after = i + text.chars().count();
    if NOT_AFTER_UNIT
        .iter()
        .any(|(u, w)| u == text && starts_with(chars, after, w))
    {
        return None;
    }
    if APPROX_AFTER.iter().any(|w| starts_with(chars, after, w)) {
        approximate = true;
    }
    let value = if *text == "元" {
        value.shift_down(4)?
    } else {
        value
    };
    let unit_text = match (wan, *text) {
        (true, "件") => "万件",
        (true, "条") => "万条",
        (true, "次") => "万次",
        (true, "个") => "万个",
        (true, "项") => "万项",
        (_, t) => t,
    };
    Some((*unit, unit_text, approximate, value))
}

/// Whether a marker before `start` (white space skipped) makes the figure approximate.
fn approximate_before(chars: &[char], start: usize) -> bool {
    let mut at = start;
    while at > 0 && chars.get(at - 1).is_some_and(|c| is_space(*c)) {
        at -= 1;
    }
    APPROX_BEFORE.iter().any(|w| ends_with(chars, at, w))
}

/// Every figure of a text, in order. Linear in the text.
pub(super) fn figures(chars: &[char]) -> Vec<Figure> {
    let mut out = Vec::new();
    let mut i = 0;
    while let Some(&c) = chars.get(i) {
        let before = i.checked_sub(1).and_then(|p| chars.get(p)).copied();
        if digit(c).is_some() {
            let (end, value) = arabic(chars, i);
            let glued = before.is_some_and(|b| {
                b.is_ascii_alphanumeric() || matches!(b, '.' | '．' | '第' | '-' | '－' | '/')
            });
            if let (Some(value), false) = (value, glued)
                && let Some(f) = figure(chars, i, end, value)
            {
                out.push(f);
            }
            i = end.max(i + 1);
        } else if is_chinese_numeral(c) {
            let mut end = i;
            while chars.get(end).is_some_and(|c| is_chinese_numeral(*c)) {
                end += 1;
            }
            let run = chars.get(i..end).unwrap_or_default();
            let has_digit = run
                .iter()
                .any(|c| chinese_digit(*c).is_some() || *c == '十');
            let word = before == Some('第')
                || (run == ['一'] && before.is_some_and(|b| WORD_BEFORE_ONE.contains(b)));
            if (has_digit || approximate_before(chars, i)) && !word {
                // A 万 ending the run before 元 is the unit 万元, not a numeral.
                let num_end = if run.last() == Some(&'万') && chars.get(end) == Some(&'元') {
                    end - 1
                } else {
                    end
                };
                let value = chars
                    .get(i..num_end)
                    .and_then(chinese_value)
                    .map(Number::int);
                if let Some(f) = value.and_then(|v| figure(chars, i, num_end, v)) {
                    out.push(f);
                }
            }
            i = end.max(i + 1);
        } else {
            i += 1;
        }
    }
    out
}

fn figure(chars: &[char], start: usize, end: usize, value: Number) -> Option<Figure> {
    let (unit, unit_text, approximate, value) = after_number(chars, end, value)?;
    Some(Figure {
        start,
        end,
        value,
        unit,
        unit_text,
        approximate: approximate || approximate_before(chars, start),
    })
}

/// The years a text names (`2023年`, `2023 年`, `二〇二三年`), 1949 to 2100.
pub(super) fn years(chars: &[char]) -> Vec<i32> {
    let mut out = Vec::new();
    let mut i = 0;
    while let Some(&c) = chars.get(i) {
        let mut end = i;
        let value = if digit(c).is_some() {
            while chars.get(end).and_then(|c| digit(*c)).is_some() {
                end += 1;
            }
            chars.get(i..end).and_then(|run| {
                (run.len() == 4).then(|| {
                    run.iter()
                        .filter_map(|c| digit(*c))
                        .fold(0i64, |a, d| a * 10 + i64::from(d))
                })
            })
        } else if chinese_digit(c).is_some() {
            while chars.get(end).and_then(|c| chinese_digit(*c)).is_some() {
                end += 1;
            }
            chars
                .get(i..end)
                .filter(|run| run.len() == 4)
                .and_then(chinese_value)
        } else {
            None
        };
        if let Some(v) = value
            && chars.get(skip_spaces(chars, end)) == Some(&'年')
            && let Ok(y) = i32::try_from(v)
            && (1949..=2100).contains(&y)
        {
            out.push(y);
        }
        i = end.max(i + 1);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(text: &str) -> Vec<(String, String, &'static str, bool)> {
        let chars: Vec<char> = text.chars().collect();
        figures(&chars)
            .into_iter()
            .map(|f| {
                let printed: String = chars[f.start..f.end].iter().collect();
                (printed, f.value.to_string(), f.unit_text, f.approximate)
            })
            .collect()
    }

    fn one(text: &str) -> (String, bool) {
        let all = read(text);
        assert_eq!(all.len(), 1, "{text}: {all:?}");
        (all[0].1.clone(), all[0].3)
    }

    #[test]
    fn arabic_figures() {
        assert_eq!(
            read("共受理政府信息公开申请 3119 件，答复3050件"),
            [
                ("3119".into(), "3119".into(), "件", false),
                ("3050".into(), "3050".into(), "件", false)
            ]
        );
        assert_eq!(one("收到3,119件"), ("3119".into(), false));
        assert_eq!(one("收到３１１９件"), ("3119".into(), false));
        assert_eq!(one("收费96171.6万元"), ("96171.6".into(), false));
        assert_eq!(one("收费１２．５万元"), ("12.5".into(), false));
        assert_eq!(one("收取费用3940元"), ("0.394".into(), false));
        assert_eq!(one("公开信息1.2万条"), ("12000".into(), false));
        // A bad thousands group is no figure.
        assert_eq!(read("收到31,19件"), []);
        assert_eq!(read("收到3,1190件"), []);
    }

    #[test]
    fn chinese_numerals() {
        for (text, value) in [
            ("十二件", 12),
            ("两件", 2),
            ("二十三件", 23),
            ("一百零五件", 105),
            ("一百一十件", 110),
            ("三千零二件", 3002),
            ("三万五千件", 35000),
            ("零件", 0),
            ("〇件", 0),
            ("十件", 10),
        ] {
            assert_eq!(one(text), (value.to_string(), false), "{text}");
        }
        for bad in ["二三十", "十十", "万"] {
            let run: Vec<char> = bad.chars().collect();
            if bad != "万" {
                assert_eq!(chinese_value(&run), None, "{bad}");
            }
        }
        // Words that hold a numeral are no figures.
        assert_eq!(read("第二十条"), []);
        assert_eq!(read("统一件"), []);
        assert_eq!(read("四个季度"), []);
        assert_eq!(read("共六个部分"), []);
        assert_eq!(read("15个工作日内"), []);
        assert_eq!(read("二十大"), []);
        assert_eq!(read("国令第711号"), []);
    }

    #[test]
    fn approximate_markers() {
        for text in [
            "5500余条",
            "5500 余条",
            "约500件",
            "近百件",
            "超过300件",
            "300件以上",
            "300件左右",
            "10余万元",
            "3万余条",
            "逾千件",
            "二十多件",
        ] {
            assert!(one(text).1, "{text}");
        }
        assert!(!one("共300件").1);
    }

    #[test]
    fn years_named() {
        let chars: Vec<char> = "2024 年，与2023年相比，二〇二二年，第2021号，12345年"
            .chars()
            .collect();
        assert_eq!(years(&chars), [2024, 2023, 2022]);
    }
}
