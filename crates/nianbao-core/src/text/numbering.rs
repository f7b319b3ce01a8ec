//! Heading numbering: `一、` `1、` `1.` `（一）` `(一)` `第一部分`, full-width or not.

/// The style of a heading number.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum NumberingStyle {
    /// `一、` `二.`: a Chinese numeral and a separator.
    Chinese,
    /// `（一）` `(一)`: a Chinese numeral in brackets.
    ChineseBracketed,
    /// `1、` `1.` `１．`: digits and a separator.
    Digits,
    /// `（1）` `(1)`: digits in brackets.
    DigitsBracketed,
    /// `第一部分` `第一章` `第一节`.
    Part,
    /// `①`…`⑳`.
    Circled,
}

/// A heading number, parsed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Numbering<'a> {
    /// The style.
    pub style: NumberingStyle,
    /// The value (一 = 1).
    pub value: u32,
    /// The number as printed, separator included.
    pub text: &'a str,
}

/// The value of a Chinese numeral from 一 to 九十九 (also 〇/零 digits as in 二〇).
pub fn chinese_numeral(s: &str) -> Option<u32> {
    fn digit(c: char) -> Option<u32> {
        "〇一二三四五六七八九"
            .chars()
            .position(|d| d == c)
            .or_else(|| (c == '零').then_some(0))
            .or_else(|| (c == '两').then_some(2))
            .and_then(|p| u32::try_from(p).ok())
    }
    let chars: Vec<char> = s.chars().collect();
    match chars.as_slice() {
        [] => None,
        ['十'] => Some(10),
        ['十', u] => Some(10 + digit(*u)?),
        [t, '十'] => Some(digit(*t)? * 10),
        [t, '十', u] => Some(digit(*t)? * 10 + digit(*u)?),
        digits => digits
            .iter()
            .try_fold(0u32, |acc, c| acc.checked_mul(10)?.checked_add(digit(*c)?)),
    }
}

fn is_chinese_digit(c: char) -> bool {
    matches!(
        c,
        '〇' | '零' | '一' | '二' | '两' | '三' | '四' | '五' | '六' | '七' | '八' | '九' | '十'
    )
}

fn ascii_digit(c: char) -> Option<u32> {
    match c {
        '0'..='9' => c.to_digit(10),
        '０'..='９' => Some(u32::from(c) - u32::from('０')),
        _ => None,
    }
}

fn digits_value(s: &str) -> Option<u32> {
    s.chars().try_fold(0u32, |acc, c| {
        acc.checked_mul(10)?.checked_add(ascii_digit(c)?)
    })
}

const SEPARATORS: [char; 7] = ['、', '.', '．', '，', ',', '：', ' '];

/// Splits a heading number off the start of a text (leading white space skipped).
/// Returns the number and the rest (with white space after the number trimmed).
///
/// ```
/// use nianbao_core::text::{strip_numbering, NumberingStyle};
/// let (n, rest) = strip_numbering("\u{3000}\u{3000}（三）不予公开");
/// assert_eq!((n.unwrap().style, n.unwrap().value, rest), (NumberingStyle::ChineseBracketed, 3, "不予公开"));
/// let (n, rest) = strip_numbering("1、 总体情况");
/// assert_eq!((n.unwrap().value, rest), (1, "总体情况"));
/// assert_eq!(strip_numbering("总体情况").0, None);
/// ```
pub fn strip_numbering(text: &str) -> (Option<Numbering<'_>>, &str) {
    let s = super::trim(text);
    let done = |style, value, len: usize| {
        let (num, rest) = s.split_at(len);
        (
            Some(Numbering {
                style,
                value,
                text: num,
            }),
            super::trim(rest),
        )
    };
    let mut chars = s.char_indices().peekable();
    let Some((_, first)) = chars.next() else {
        return (None, s);
    };
    // Bracketed: （一） (1)
    if first == '（' || first == '(' {
        let body_start = first.len_utf8();
        if let Some(close) = s.find(['）', ')']) {
            let body = s.get(body_start..close).unwrap_or("");
            let end = close
                + s.get(close..)
                    .and_then(|r| r.chars().next())
                    .map_or(1, char::len_utf8);
            if !body.is_empty()
                && body.chars().all(is_chinese_digit)
                && let Some(v) = chinese_numeral(body)
            {
                return done(NumberingStyle::ChineseBracketed, v, end);
            }
            if !body.is_empty()
                && body.chars().all(|c| ascii_digit(c).is_some())
                && let Some(v) = digits_value(body)
            {
                return done(NumberingStyle::DigitsBracketed, v, end);
            }
        }
        return (None, s);
    }
    // Circled ①..⑳
    if ('\u{2460}'..='\u{2473}').contains(&first) {
        return done(
            NumberingStyle::Circled,
            u32::from(first) - 0x245f,
            first.len_utf8(),
        );
    }
    // 第一部分 / 第一章 / 第一节
    if first == '第' {
        let rest = s.get(first.len_utf8()..).unwrap_or("");
        let num_len: usize = rest
            .chars()
            .take_while(|c| is_chinese_digit(*c))
            .map(char::len_utf8)
            .sum();
        let after = rest.get(num_len..).unwrap_or("");
        for unit in ["部分", "章", "节"] {
            if num_len > 0
                && after.starts_with(unit)
                && let Some(v) = rest.get(..num_len).and_then(chinese_numeral)
            {
                let mut len = first.len_utf8() + num_len + unit.len();
                if let Some(sep) = s.get(len..).and_then(|r| r.chars().next())
                    && SEPARATORS.contains(&sep)
                {
                    len += sep.len_utf8();
                }
                return done(NumberingStyle::Part, v, len);
            }
        }
        return (None, s);
    }
    // 一、 / 1、 / 1.
    let (style, num_len) = if is_chinese_digit(first) {
        let len: usize = s
            .chars()
            .take_while(|c| is_chinese_digit(*c))
            .map(char::len_utf8)
            .sum();
        (NumberingStyle::Chinese, len)
    } else if ascii_digit(first).is_some() {
        let len: usize = s
            .chars()
            .take_while(|c| ascii_digit(*c).is_some())
            .map(char::len_utf8)
            .sum();
        (NumberingStyle::Digits, len)
    } else {
        return (None, s);
    };
    let Some(number) = s.get(..num_len) else {
        return (None, s);
    };
    let Some(sep) = s.get(num_len..).and_then(|r| r.chars().next()) else {
        return (None, s);
    };
    if !SEPARATORS.contains(&sep) && !super::is_space(sep) {
        return (None, s);
    }
    // "1.5万" is a number, not a heading: a digit after '.' means a decimal.
    let after_sep = s.get(num_len + sep.len_utf8()..).unwrap_or("");
    if matches!(sep, '.' | '．' | ',' | '，')
        && after_sep
            .chars()
            .next()
            .is_some_and(|c| ascii_digit(c).is_some())
    {
        return (None, s);
    }
    let value = match style {
        NumberingStyle::Chinese => chinese_numeral(number),
        _ => digits_value(number),
    };
    match value {
        Some(v) if v > 0 && v < 100 => done(style, v, num_len + sep.len_utf8()),
        _ => (None, s),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use NumberingStyle::*;

    fn parse(s: &str) -> Option<(NumberingStyle, u32, &str)> {
        let (n, rest) = strip_numbering(s);
        n.map(|n| (n.style, n.value, rest))
    }

    #[test]
    fn every_style_of_the_spec() {
        assert_eq!(parse("一、总体情况"), Some((Chinese, 1, "总体情况")));
        assert_eq!(
            parse("六.其他需要报告的事项"),
            Some((Chinese, 6, "其他需要报告的事项"))
        );
        assert_eq!(parse("1、 总体情况"), Some((Digits, 1, "总体情况")));
        assert_eq!(parse("1.总体情况"), Some((Digits, 1, "总体情况")));
        assert_eq!(parse("１．总体情况"), Some((Digits, 1, "总体情况")));
        assert_eq!(
            parse("５、存在的主要问题"),
            Some((Digits, 5, "存在的主要问题"))
        );
        assert_eq!(
            parse("（一）主动公开情况"),
            Some((ChineseBracketed, 1, "主动公开情况"))
        );
        assert_eq!(
            parse("(二)依申请公开"),
            Some((ChineseBracketed, 2, "依申请公开"))
        );
        assert_eq!(
            parse("（1） 健全组织"),
            Some((DigitsBracketed, 1, "健全组织"))
        );
        assert_eq!(parse("第一部分 总体情况"), Some((Part, 1, "总体情况")));
        assert_eq!(parse("第三部分、收到"), Some((Part, 3, "收到")));
        assert_eq!(
            parse("\u{3000}\u{3000}三、收到和处理"),
            Some((Chinese, 3, "收到和处理"))
        );
        assert_eq!(parse("\u{a0}四、政府信息"), Some((Chinese, 4, "政府信息")));
        assert_eq!(parse("十二、其他"), Some((Chinese, 12, "其他")));
        assert_eq!(parse("①其他"), Some((Circled, 1, "其他")));
        assert_eq!(parse("1.5万件"), None);
        assert_eq!(parse("2024年"), None);
        assert_eq!(parse("总体情况"), None);
        assert_eq!(parse("（本列数据）"), None);
        assert_eq!(parse(""), None);
    }

    #[test]
    fn chinese_numerals() {
        assert_eq!(chinese_numeral("一"), Some(1));
        assert_eq!(chinese_numeral("十"), Some(10));
        assert_eq!(chinese_numeral("十五"), Some(15));
        assert_eq!(chinese_numeral("二十"), Some(20));
        assert_eq!(chinese_numeral("二十一"), Some(21));
        assert_eq!(chinese_numeral("二〇二〇"), Some(2020));
        assert_eq!(chinese_numeral("甲"), None);
    }
}
