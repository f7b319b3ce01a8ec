//! A content-stream tokenizer: operands and operators, one operator at a time.
//!
//! Streaming (nothing is collected beyond one operator's operands), bounded (arrays
//! nest at most [`MAX_ARRAY_DEPTH`] deep, an operator takes at most [`MAX_OPERANDS`]
//! operands, the rest are dropped) and total: any byte sequence gives a sequence of
//! operators, garbage is skipped.

/// How deep arrays may nest inside one operand (`TJ` needs one level).
pub const MAX_ARRAY_DEPTH: usize = 8;
/// How many operands one operator keeps (the most any operator takes is `d` or `sc`
/// with a few; extra operands are garbage and dropped).
pub const MAX_OPERANDS: usize = 32;
/// How many elements one array operand keeps.
pub const MAX_ARRAY_LEN: usize = 1 << 16;

/// One operand of a content-stream operator.
#[derive(Debug, Clone, PartialEq)]
pub enum Operand {
    /// A number (integers too).
    Num(f32),
    /// A name, without its slash (`#xx` escapes decoded).
    Name(Vec<u8>),
    /// A string's bytes (literal or hex).
    Str(Vec<u8>),
    /// An array.
    Array(Vec<Operand>),
    /// Anything else (booleans, null, dictionaries): kept only as a placeholder.
    Other,
}

impl Operand {
    /// The number, if this is one.
    pub fn num(&self) -> Option<f32> {
        match self {
            Operand::Num(n) => Some(*n),
            _ => None,
        }
    }
}

/// The tokenizer over one content stream.
pub struct Lexer<'a> {
    data: &'a [u8],
    pos: usize,
    max_operands: usize,
}

fn is_white(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\r' | b'\n' | 0x0c | 0)
}

fn is_delim(b: u8) -> bool {
    matches!(
        b,
        b'(' | b')' | b'<' | b'>' | b'[' | b']' | b'{' | b'}' | b'/' | b'%'
    )
}

fn hex_val(b: u8) -> Option<u8> {
    match b {
        b'0'..=b'9' => Some(b - b'0'),
        b'a'..=b'f' => Some(b - b'a' + 10),
        b'A'..=b'F' => Some(b - b'A' + 10),
        _ => None,
    }
}

/// What one step of the tokenizer found.
enum Token<'a> {
    Operand(Operand),
    ArrayStart,
    ArrayEnd,
    Keyword(&'a [u8]),
}

impl<'a> Lexer<'a> {
    /// A tokenizer at the start of `data`.
    pub fn new(data: &'a [u8]) -> Self {
        Lexer {
            data,
            pos: 0,
            max_operands: MAX_OPERANDS,
        }
    }

    /// A tokenizer that keeps up to `max` operands per operator (a CMap's `bfchar`
    /// block gives all its pairs to the closing keyword).
    pub fn with_max_operands(data: &'a [u8], max: usize) -> Self {
        Lexer {
            max_operands: max,
            ..Lexer::new(data)
        }
    }

    /// Moves to a byte offset (one reached before).
    pub fn seek(&mut self, offset: usize) {
        self.pos = offset.min(self.data.len());
    }

    /// The byte offset reached.
    pub fn offset(&self) -> usize {
        self.pos
    }

    fn peek(&self) -> Option<u8> {
        self.data.get(self.pos).copied()
    }

    fn skip_white(&mut self) {
        while let Some(b) = self.peek() {
            if is_white(b) {
                self.pos += 1;
            } else if b == b'%' {
                while let Some(c) = self.peek() {
                    if c == b'\n' || c == b'\r' {
                        break;
                    }
                    self.pos += 1;
                }
            } else {
                break;
            }
        }
    }

    /// The next operator, its operands in `operands` (cleared first). `None` at the end.
    pub fn next_op(&mut self, operands: &mut Vec<Operand>) -> Option<&'a [u8]> {
        operands.clear();
        // Arrays being built: the stack of open arrays.
        let mut stack: Vec<Vec<Operand>> = Vec::new();
        loop {
            let token = self.token()?;
            match token {
                Token::Operand(op) => push_operand(&mut stack, operands, self.max_operands, op),
                Token::ArrayStart => {
                    if stack.len() < MAX_ARRAY_DEPTH {
                        stack.push(Vec::new());
                    } else {
                        // Too deep: the rest of this operand is dropped.
                        self.skip_array();
                    }
                }
                Token::ArrayEnd => {
                    if let Some(done) = stack.pop() {
                        push_operand(
                            &mut stack,
                            operands,
                            self.max_operands,
                            Operand::Array(done),
                        );
                    }
                }
                Token::Keyword(word) => {
                    if !stack.is_empty() {
                        // A keyword inside an array (true/false/null, or garbage).
                        push_operand(&mut stack, operands, self.max_operands, Operand::Other);
                        continue;
                    }
                    match word {
                        b"true" | b"false" | b"null" => {
                            push_operand(&mut stack, operands, self.max_operands, Operand::Other);
                        }
                        b"BI" => {
                            self.skip_inline_image();
                            return Some(b"BI");
                        }
                        _ => return Some(word),
                    }
                }
            }
        }
    }

    /// Skips the rest of an array nested too deep (brackets counted, strings skipped).
    fn skip_array(&mut self) {
        let mut depth = 1usize;
        while depth > 0 {
            match self.token() {
                None => return,
                Some(Token::ArrayStart) => depth += 1,
                Some(Token::ArrayEnd) => depth -= 1,
                Some(_) => {}
            }
        }
    }

    /// Skips an inline image: its parameters up to `ID`, then its data up to `EI`.
    fn skip_inline_image(&mut self) {
        // Parameters: tokens up to the ID keyword.
        loop {
            match self.token() {
                None => return,
                Some(Token::Keyword(b"ID")) => break,
                Some(_) => {}
            }
        }
        self.pos += 1; // the single white-space byte after ID
        // Data: up to white space, "EI", then white space or the end.
        while self.pos < self.data.len() {
            let here = self.data.get(self.pos..).unwrap_or_default();
            match here.windows(2).position(|w| w == b"EI") {
                None => {
                    self.pos = self.data.len();
                    return;
                }
                Some(i) => {
                    let at = self.pos + i;
                    let before = at == 0 || self.data.get(at - 1).is_some_and(|&b| is_white(b));
                    let after = self.data.get(at + 2).is_none_or(|&b| is_white(b));
                    self.pos = at + 2;
                    if before && after {
                        return;
                    }
                }
            }
        }
    }

    fn token(&mut self) -> Option<Token<'a>> {
        loop {
            self.skip_white();
            let b = self.peek()?;
            match b {
                b'[' => {
                    self.pos += 1;
                    return Some(Token::ArrayStart);
                }
                b']' => {
                    self.pos += 1;
                    return Some(Token::ArrayEnd);
                }
                b'(' => return Some(Token::Operand(Operand::Str(self.literal_string()))),
                b'<' => {
                    if self.data.get(self.pos + 1) == Some(&b'<') {
                        self.skip_dict();
                        return Some(Token::Operand(Operand::Other));
                    }
                    return Some(Token::Operand(Operand::Str(self.hex_string())));
                }
                b'/' => {
                    self.pos += 1;
                    return Some(Token::Operand(Operand::Name(self.name())));
                }
                b'+' | b'-' | b'.' | b'0'..=b'9' => {
                    if let Some(n) = self.number() {
                        return Some(Token::Operand(Operand::Num(n)));
                    }
                }
                _ if is_delim(b) => {
                    // A stray `)`, `>`, `{`, `}`: skipped.
                    self.pos += 1;
                }
                _ => {
                    let start = self.pos;
                    while let Some(c) = self.peek() {
                        if is_white(c) || is_delim(c) {
                            break;
                        }
                        self.pos += 1;
                    }
                    return Some(Token::Keyword(self.data.get(start..self.pos)?));
                }
            }
        }
    }

    fn number(&mut self) -> Option<f32> {
        let start = self.pos;
        while let Some(c) = self.peek() {
            if matches!(c, b'+' | b'-' | b'.' | b'0'..=b'9') {
                self.pos += 1;
            } else {
                break;
            }
        }
        let text = self.data.get(start..self.pos)?;
        let text = std::str::from_utf8(text).ok()?;
        // PDF writers emit "-0", "4.", ".5" and even "--3"; parse leniently.
        let trimmed = text.trim_start_matches('+');
        let neg = trimmed.starts_with('-');
        let body = trimmed.trim_start_matches('-');
        let body = body.split(['+', '-']).next().unwrap_or("");
        let value: f32 = if body.is_empty() || body == "." {
            0.0
        } else {
            body.parse().ok()?
        };
        Some(if neg { -value } else { value })
    }

    fn name(&mut self) -> Vec<u8> {
        let mut out = Vec::new();
        while let Some(c) = self.peek() {
            if is_white(c) || is_delim(c) {
                break;
            }
            self.pos += 1;
            if c == b'#' {
                let hi = self.peek().and_then(hex_val);
                let lo = self.data.get(self.pos + 1).copied().and_then(hex_val);
                if let (Some(h), Some(l)) = (hi, lo) {
                    out.push(h << 4 | l);
                    self.pos += 2;
                    continue;
                }
            }
            out.push(c);
        }
        out
    }

    fn literal_string(&mut self) -> Vec<u8> {
        self.pos += 1; // (
        let mut out = Vec::new();
        let mut depth = 1usize;
        while let Some(c) = self.peek() {
            self.pos += 1;
            match c {
                b'(' => {
                    depth += 1;
                    out.push(c);
                }
                b')' => {
                    depth -= 1;
                    if depth == 0 {
                        break;
                    }
                    out.push(c);
                }
                b'\\' => {
                    let Some(e) = self.peek() else { break };
                    self.pos += 1;
                    match e {
                        b'n' => out.push(b'\n'),
                        b'r' => out.push(b'\r'),
                        b't' => out.push(b'\t'),
                        b'b' => out.push(8),
                        b'f' => out.push(12),
                        b'\r' => {
                            if self.peek() == Some(b'\n') {
                                self.pos += 1;
                            }
                        }
                        b'\n' => {}
                        b'0'..=b'7' => {
                            let mut v = u32::from(e - b'0');
                            for _ in 0..2 {
                                match self.peek() {
                                    Some(d @ b'0'..=b'7') => {
                                        v = v * 8 + u32::from(d - b'0');
                                        self.pos += 1;
                                    }
                                    _ => break,
                                }
                            }
                            out.push((v & 0xff) as u8);
                        }
                        other => out.push(other),
                    }
                }
                _ => out.push(c),
            }
        }
        out
    }

    fn hex_string(&mut self) -> Vec<u8> {
        self.pos += 1; // <
        let mut out = Vec::new();
        let mut high: Option<u8> = None;
        while let Some(c) = self.peek() {
            self.pos += 1;
            if c == b'>' {
                break;
            }
            if let Some(v) = hex_val(c) {
                match high.take() {
                    None => high = Some(v),
                    Some(h) => out.push(h << 4 | v),
                }
            }
        }
        if let Some(h) = high {
            out.push(h << 4);
        }
        out
    }

    /// Skips an inline dictionary (`<< … >>`, as in `BDC` properties), nesting counted.
    fn skip_dict(&mut self) {
        let mut depth = 0usize;
        while self.pos < self.data.len() {
            let here = self.data.get(self.pos..self.pos + 2).unwrap_or_default();
            if here == b"<<" {
                depth += 1;
                self.pos += 2;
            } else if here == b">>" {
                depth = depth.saturating_sub(1);
                self.pos += 2;
                if depth == 0 {
                    return;
                }
            } else if here.first() == Some(&b'(') {
                self.literal_string();
            } else {
                self.pos += 1;
            }
        }
    }
}

fn push_operand(stack: &mut [Vec<Operand>], operands: &mut Vec<Operand>, max: usize, op: Operand) {
    match stack.last_mut() {
        Some(array) => {
            if array.len() < MAX_ARRAY_LEN {
                array.push(op);
            }
        }
        None => {
            if operands.len() < max {
                operands.push(op);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ops(data: &[u8]) -> Vec<(String, Vec<Operand>)> {
        let mut lx = Lexer::new(data);
        let mut operands = Vec::new();
        let mut out = Vec::new();
        while let Some(op) = lx.next_op(&mut operands) {
            out.push((String::from_utf8_lossy(op).into_owned(), operands.clone()));
        }
        out
    }

    #[test]
    fn operators_glued_to_operands() {
        let got = ops(b"BT/FT8 259 Tf 1 0 0 -1 0 842 cm<0010>Tj 199.188 -0 TD<169F>Tj\rET");
        let names: Vec<&str> = got.iter().map(|(n, _)| n.as_str()).collect();
        assert_eq!(names, ["BT", "Tf", "cm", "Tj", "TD", "Tj", "ET"]);
        assert_eq!(
            got[1].1,
            [Operand::Name(b"FT8".to_vec()), Operand::Num(259.0)]
        );
        assert_eq!(got[3].1, [Operand::Str(vec![0x00, 0x10])]);
        assert_eq!(got[4].1, [Operand::Num(199.188), Operand::Num(0.0)]);
    }

    #[test]
    fn tj_arrays_strings_and_escapes() {
        let got = ops(br"[(a\051b) -250 (c\(d)<41 4>]TJ");
        assert_eq!(
            got[0].1,
            [Operand::Array(vec![
                Operand::Str(b"a)b".to_vec()),
                Operand::Num(-250.0),
                Operand::Str(b"c(d".to_vec()),
                Operand::Str(vec![0x41, 0x40]),
            ])]
        );
    }

    #[test]
    fn inline_images_and_dicts_are_skipped() {
        let got = ops(b"/P <</MCID 3>> BDC BI /W 1 /H 1 ID \x00EI\xff EI Q EMC");
        let names: Vec<&str> = got.iter().map(|(n, _)| n.as_str()).collect();
        assert_eq!(names, ["BDC", "BI", "Q", "EMC"]);
    }

    #[test]
    fn deep_arrays_are_bounded() {
        let mut data = vec![b'['; 100_000];
        data.extend(vec![b']'; 100_000]);
        data.extend(b" TJ");
        let got = ops(&data);
        assert_eq!(got.len(), 1);
    }
}
