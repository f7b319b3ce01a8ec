//! Character tables for text that Word draws from symbol fonts (Symbol, Wingdings).(Symbol, Wingdings).

/// The Unicode character the Symbol font draws for byte `b`, where there is one.
pub(crate) fn symbol_font_char(b: u8) -> Option<char> {
    const GREEK_UPPER: &str = "ΑΒΧΔΕΦΓΗΙϑΚΛΜΝΟΠΘΡΣΤΥςΩΞΨΖ";
    const GREEK_LOWER: &str = "αβχδεφγηιϕκλμνοπθρστυϖωξψζ";
    match b {
        b'A'..=b'Z' => GREEK_UPPER.chars().nth(usize::from(b - b'A')),
        b'a'..=b'z' => GREEK_LOWER.chars().nth(usize::from(b - b'a')),
        0x22 => Some('∀'),
        0x24 => Some('∃'),
        0x27 => Some('∋'),
        0x2A => Some('∗'),
        0x2D => Some('−'),
        0x40 => Some('≅'),
        0x5C => Some('∴'),
        0x5E => Some('⊥'),
        0x7E => Some('∼'),
        0xA3 => Some('≤'),
        0xA5 => Some('∞'),
        0xAB => Some('↔'),
        0xAC => Some('←'),
        0xAD => Some('↑'),
        0xAE => Some('→'),
        0xAF => Some('↓'),
        0xB0 => Some('°'),
        0xB1 => Some('±'),
        0xB3 => Some('≥'),
        0xB4 => Some('×'),
        0xB7 => Some('•'),
        0xB8 => Some('÷'),
        0xB9 => Some('≠'),
        0xBA => Some('≡'),
        0xBB => Some('≈'),
        0xBC => Some('…'),
        0xD6 => Some('√'),
        0xD7 => Some('⋅'),
        0xE5 => Some('∑'),
        0x20..=0x7F => Some(char::from(b)),
        _ => None,
    }
}

/// The check boxes and marks of the Wingdings font (used for ☑ in forms).
pub(crate) fn wingdings_char(b: u8) -> Option<char> {
    match b {
        0x6C => Some('●'),
        0x6F | 0x71 | 0xA8 => Some('□'),
        0x9F => Some('•'),
        0xA1 => Some('○'),
        0xFB => Some('✗'),
        0xFC => Some('✓'),
        0xFD => Some('☒'),
        0xFE => Some('☑'),
        _ => None,
    }
}

/// The check boxes and marks of the Wingdings 2 font.
pub(crate) fn wingdings2_char(b: u8) -> Option<char> {
    match b {
        0x4F => Some('✗'),
        0x50 => Some('✓'),
        0x52 => Some('☑'),
        0x53 | 0x54 => Some('☒'),
        0xA3 => Some('□'),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn symbol_font() {
        assert_eq!(symbol_font_char(b'a'), Some('α'));
        assert_eq!(symbol_font_char(b'W'), Some('Ω'));
        assert_eq!(symbol_font_char(0xB4), Some('×'));
        assert_eq!(symbol_font_char(b'1'), Some('1'));
        assert_eq!(symbol_font_char(0xFF), None);
        assert_eq!(wingdings_char(0xFE), Some('☑'));
        assert_eq!(wingdings2_char(0xA3), Some('□'));
    }
}
