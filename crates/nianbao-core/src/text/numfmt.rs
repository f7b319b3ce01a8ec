//! Rendering a list counter in a Word number format (`w:numFmt` in .docx, the `nfc`
//! code of a list level in .doc), shared by the two Word readers.

use std::fmt::Write as _;

/// The number formats of `w:numFmt` that render a counter. Formats not listed render
/// as decimal, as Word does for formats it cannot show.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
#[non_exhaustive]
pub enum NumFmt {
    /// 1, 2, 3
    #[default]
    Decimal,
    /// 01, 02, … 10
    DecimalZero,
    /// １, ２, ３
    DecimalFullWidth,
    /// ①, ②, ③ (decimal past 20)
    EnclosedCircle,
    /// ⒈, ⒉, ⒊ (decimal past 20)
    EnclosedFullstop,
    /// ⑴, ⑵, ⑶ (decimal past 20)
    EnclosedParen,
    /// 一, 二, … 十, 十一, 二十
    ChineseCounting,
    /// 一, 二, … 十, 十一, 一百零一 (with 千 and 万)
    ChineseCountingThousand,
    /// 壹, 贰, 叁 (legal simplified)
    ChineseLegal,
    /// 甲, 乙, 丙 … 癸 (cycles over ten)
    IdeographTraditional,
    /// 子, 丑, 寅 … 亥 (cycles over twelve)
    IdeographZodiac,
    /// 〇一二 digit by digit
    IdeographDigital,
    /// ㈠, ㈡ … ㈩ (Chinese counting past 10)
    IdeographEnclosed,
    /// A, B, … Z, AA
    UpperLetter,
    /// a, b, … z, aa
    LowerLetter,
    /// I, II, III
    UpperRoman,
    /// i, ii, iii
    LowerRoman,
    /// A bullet: not a counter, not rendered.
    Bullet,
    /// `none`: no number shown.
    None,
}

impl NumFmt {
    /// The format named by `w:numFmt/@w:val`.
    pub fn from_name(name: &[u8]) -> NumFmt {
        match name {
            b"decimalZero" => NumFmt::DecimalZero,
            b"decimalFullWidth" | b"decimalFullWidth2" => NumFmt::DecimalFullWidth,
            b"decimalEnclosedCircle" | b"decimalEnclosedCircleChinese" => NumFmt::EnclosedCircle,
            b"decimalEnclosedFullstop" => NumFmt::EnclosedFullstop,
            b"decimalEnclosedParen" => NumFmt::EnclosedParen,
            b"chineseCounting" | b"taiwaneseCounting" | b"japaneseCounting" => {
                NumFmt::ChineseCounting
            }
            b"chineseCountingThousand" | b"taiwaneseCountingThousand" => {
                NumFmt::ChineseCountingThousand
            }
            b"chineseLegalSimplified" | b"ideographLegalTraditional" => NumFmt::ChineseLegal,
            b"ideographTraditional" => NumFmt::IdeographTraditional,
            b"ideographZodiac" => NumFmt::IdeographZodiac,
            b"ideographDigital" | b"taiwaneseDigital" | b"japaneseDigitalTenThousand" => {
                NumFmt::IdeographDigital
            }
            b"ideographEnclosedCircle" => NumFmt::IdeographEnclosed,
            b"upperLetter" => NumFmt::UpperLetter,
            b"lowerLetter" => NumFmt::LowerLetter,
            b"upperRoman" => NumFmt::UpperRoman,
            b"lowerRoman" => NumFmt::LowerRoman,
            b"bullet" => NumFmt::Bullet,
            b"none" => NumFmt::None,
            _ => NumFmt::Decimal,
        }
    }

    /// The format of a .doc list level's `nfc` code ([MS-DOC] 2.9.150 `LVLF`, the
    /// codes of [MS-OSHARED] `MSONFC`).
    pub fn from_nfc(nfc: u8) -> NumFmt {
        match nfc {
            1 => NumFmt::UpperRoman,
            2 => NumFmt::LowerRoman,
            3 => NumFmt::UpperLetter,
            4 => NumFmt::LowerLetter,
            10 | 17 | 36 => NumFmt::IdeographDigital,
            11 | 33 | 37 => NumFmt::ChineseCounting,
            14 | 19 => NumFmt::DecimalFullWidth,
            18 | 28 => NumFmt::EnclosedCircle,
            22 => NumFmt::DecimalZero,
            23 => NumFmt::Bullet,
            26 => NumFmt::EnclosedFullstop,
            27 => NumFmt::EnclosedParen,
            29 => NumFmt::IdeographEnclosed,
            30 => NumFmt::IdeographTraditional,
            31 => NumFmt::IdeographZodiac,
            34 | 38 => NumFmt::ChineseLegal,
            35 | 39 => NumFmt::ChineseCountingThousand,
            0xFF => NumFmt::None,
            _ => NumFmt::Decimal,
        }
    }

    /// Whether the format shows a counter at all.
    pub fn is_counter(self) -> bool {
        !matches!(self, NumFmt::Bullet | NumFmt::None)
    }

    /// Appends counter `n` in this format to `out`.
    pub fn render(self, n: u32, out: &mut String) {
        match self {
            NumFmt::Decimal => push_decimal(n, out),
            NumFmt::DecimalZero => {
                let _ = write!(out, "{n:02}");
            }
            NumFmt::DecimalFullWidth => {
                let start = out.len();
                push_decimal(n, out);
                let full: String = out
                    .get(start..)
                    .unwrap_or_default()
                    .chars()
                    .map(|c| char::from_u32(c as u32 - '0' as u32 + '０' as u32).unwrap_or(c))
                    .collect();
                out.truncate(start);
                out.push_str(&full);
            }
            NumFmt::EnclosedCircle => push_ranged(n, 20, '①', out),
            NumFmt::EnclosedFullstop => push_ranged(n, 20, '⒈', out),
            NumFmt::EnclosedParen => push_ranged(n, 20, '⑴', out),
            NumFmt::ChineseCounting => push_chinese(n, false, out),
            NumFmt::ChineseCountingThousand => push_chinese(n, true, out),
            NumFmt::ChineseLegal => push_legal(n, out),
            NumFmt::IdeographTraditional => push_cycle(n, &STEMS, out),
            NumFmt::IdeographZodiac => push_cycle(n, &BRANCHES, out),
            NumFmt::IdeographDigital => push_digits(n, out),
            NumFmt::IdeographEnclosed => {
                if (1..=10).contains(&n) {
                    out.push(char::from_u32('㈠' as u32 + n - 1).unwrap_or('㈠'));
                } else {
                    push_chinese(n, false, out);
                }
            }
            NumFmt::UpperLetter => push_letters(n, b'A', out),
            NumFmt::LowerLetter => push_letters(n, b'a', out),
            NumFmt::UpperRoman => push_roman(n, false, out),
            NumFmt::LowerRoman => push_roman(n, true, out),
            NumFmt::Bullet | NumFmt::None => {}
        }
    }
}

const DIGITS: [char; 10] = ['〇', '一', '二', '三', '四', '五', '六', '七', '八', '九'];
const LEGAL: [char; 10] = ['零', '壹', '贰', '叁', '肆', '伍', '陆', '柒', '捌', '玖'];
const STEMS: [char; 10] = ['甲', '乙', '丙', '丁', '戊', '己', '庚', '辛', '壬', '癸'];
const BRANCHES: [char; 12] = [
    '子', '丑', '寅', '卯', '辰', '巳', '午', '未', '申', '酉', '戌', '亥',
];

fn push_decimal(n: u32, out: &mut String) {
    let _ = write!(out, "{n}");
}

fn push_ranged(n: u32, max: u32, first: char, out: &mut String) {
    match char::from_u32(first as u32 + n.wrapping_sub(1)) {
        Some(c) if (1..=max).contains(&n) => out.push(c),
        _ => push_decimal(n, out),
    }
}

fn digit(table: &[char; 10], d: u32) -> char {
    table.get(d as usize).copied().unwrap_or('〇')
}

fn push_digits(n: u32, out: &mut String) {
    for b in n.to_string().bytes() {
        out.push(digit(&DIGITS, u32::from(b - b'0')));
    }
}

fn push_cycle<const N: usize>(n: u32, table: &[char; N], out: &mut String) {
    if n == 0 {
        push_decimal(n, out);
        return;
    }
    if let Some(c) = table.get(((n - 1) as usize) % N) {
        out.push(*c);
    }
}

/// Chinese numerals: 十一 for 11, 二十 for 20; up to 99 for `chineseCounting`, as Word
/// shows it (larger counters go digit by digit); `thousand` spells 百, 千 and 万 with 零.
fn push_chinese(n: u32, thousand: bool, out: &mut String) {
    if n == 0 {
        out.push('〇');
        return;
    }
    if !thousand && n >= 100 {
        push_digits(n, out);
        return;
    }
    push_spelled(n, &DIGITS, ['十', '百', '千', '万'], true, out);
}

fn push_legal(n: u32, out: &mut String) {
    if n == 0 {
        out.push('零');
        return;
    }
    push_spelled(n, &LEGAL, ['拾', '佰', '仟', '万'], false, out);
}

/// Spells `n` with unit characters; `short_ten` writes 十一 rather than 一十一.
fn push_spelled(n: u32, digits: &[char; 10], units: [char; 4], short_ten: bool, out: &mut String) {
    let zero = '零';
    if n >= 10_000 {
        push_spelled(n / 10_000, digits, units, short_ten, out);
        out.push(units[3]);
        let rest = n % 10_000;
        if rest > 0 {
            if rest < 1000 {
                out.push(zero);
            }
            push_spelled(rest, digits, units, false, out);
        }
        return;
    }
    let parts = [
        (n / 1000, Some(units[2])),
        ((n / 100) % 10, Some(units[1])),
        ((n / 10) % 10, Some(units[0])),
        (n % 10, None),
    ];
    let mut started = false;
    let mut zero_pending = false;
    for (d, unit) in parts {
        if d == 0 {
            if started {
                zero_pending = true;
            }
            continue;
        }
        if zero_pending {
            out.push(zero);
            zero_pending = false;
        }
        let is_leading_ten = !started && unit == Some(units[0]) && d == 1 && short_ten;
        if !is_leading_ten {
            out.push(digit(digits, d));
        }
        if let Some(u) = unit {
            out.push(u);
        }
        started = true;
    }
}

fn push_letters(n: u32, base: u8, out: &mut String) {
    if n == 0 {
        push_decimal(n, out);
        return;
    }
    // Word repeats the letter: 27 → AA, 53 → AAA.
    let letter = char::from(base + ((n - 1) % 26) as u8);
    for _ in 0..((n - 1) / 26 + 1).min(64) {
        out.push(letter);
    }
}

fn push_roman(n: u32, lower: bool, out: &mut String) {
    if n == 0 || n >= 4000 {
        push_decimal(n, out);
        return;
    }
    const TABLE: [(u32, &str); 13] = [
        (1000, "M"),
        (900, "CM"),
        (500, "D"),
        (400, "CD"),
        (100, "C"),
        (90, "XC"),
        (50, "L"),
        (40, "XL"),
        (10, "X"),
        (9, "IX"),
        (5, "V"),
        (4, "IV"),
        (1, "I"),
    ];
    let mut n = n;
    for (value, s) in TABLE {
        while n >= value {
            if lower {
                out.push_str(&s.to_ascii_lowercase());
            } else {
                out.push_str(s);
            }
            n -= value;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn r(fmt: &str, n: u32) -> String {
        let mut s = String::new();
        NumFmt::from_name(fmt.as_bytes()).render(n, &mut s);
        s
    }

    #[test]
    fn chinese_counting() {
        let got: Vec<String> = [1, 2, 6, 10, 11, 20, 21, 99]
            .iter()
            .map(|&n| r("chineseCounting", n))
            .collect();
        assert_eq!(
            got,
            ["一", "二", "六", "十", "十一", "二十", "二十一", "九十九"]
        );
        assert_eq!(r("chineseCounting", 105), "一〇五");
        assert_eq!(r("chineseCountingThousand", 105), "一百零五");
        assert_eq!(r("chineseCountingThousand", 1010), "一千零一十");
        assert_eq!(r("chineseCountingThousand", 12), "十二");
        assert_eq!(r("chineseLegalSimplified", 12), "壹拾贰");
    }

    #[test]
    fn ideographs_and_enclosed() {
        assert_eq!(r("ideographTraditional", 1), "甲");
        assert_eq!(r("ideographTraditional", 11), "甲");
        assert_eq!(r("ideographZodiac", 12), "亥");
        assert_eq!(r("ideographDigital", 10), "一〇");
        assert_eq!(r("decimalEnclosedCircle", 1), "①");
        assert_eq!(r("decimalEnclosedCircle", 20), "⑳");
        assert_eq!(r("decimalEnclosedCircle", 21), "21");
        assert_eq!(r("decimalEnclosedParen", 3), "⑶");
        assert_eq!(r("decimalEnclosedFullstop", 2), "⒉");
        assert_eq!(r("ideographEnclosedCircle", 10), "㈩");
    }

    #[test]
    fn latin_formats() {
        assert_eq!(r("decimal", 7), "7");
        assert_eq!(r("decimalZero", 7), "07");
        assert_eq!(r("decimalFullWidth", 12), "１２");
        assert_eq!(r("upperLetter", 1), "A");
        assert_eq!(r("upperLetter", 28), "BB");
        assert_eq!(r("lowerLetter", 3), "c");
        assert_eq!(r("upperRoman", 14), "XIV");
        assert_eq!(r("lowerRoman", 4), "iv");
        assert_eq!(r("someFutureFormat", 4), "4");
        assert_eq!(r("bullet", 4), "");
    }
}
