//! Writing HTML text: every string from a report is untrusted and goes through
//! [`escape_into`]; markup is only ever written from the page's own literals.

/// Appends `text` escaped for an HTML text node or a double-quoted attribute value:
/// `& < > " '` become character references, and a control character (other than tab,
/// line feed and carriage return) becomes U+FFFD, so that no input can end an element
/// or an attribute, or make the document invalid.
pub fn escape_into(out: &mut String, text: &str) {
    let mut rest = text;
    while let Some(i) = first_to_escape(rest.as_bytes()) {
        let (plain, tail) = rest.split_at(i);
        out.push_str(plain);
        let mut chars = tail.chars();
        if let Some(c) = chars.next() {
            match c {
                '&' => out.push_str("&amp;"),
                '<' => out.push_str("&lt;"),
                '>' => out.push_str("&gt;"),
                '"' => out.push_str("&quot;"),
                '\'' => out.push_str("&#39;"),
                _ => out.push('\u{fffd}'),
            }
        }
        rest = chars.as_str();
    }
    out.push_str(rest);
}

/// The byte offset of the first character that cannot be written as is: one of
/// `& < > " '`, or a control character (C0 but tab, line feed and carriage return;
/// DEL; C1, which UTF-8 writes as 0xC2 0x80–0x9F). A scan of bytes: most text has
/// none, and every such character starts with an ASCII byte or 0xC2.
fn first_to_escape(bytes: &[u8]) -> Option<usize> {
    let mut from = 0;
    loop {
        let i = from + bytes.get(from..)?.iter().position(|&b| candidate(b))?;
        let c1 = bytes.get(i) == Some(&0xc2);
        if !c1 || bytes.get(i + 1).is_some_and(|n| (0x80..0xa0).contains(n)) {
            return Some(i);
        }
        from = i + 1;
    }
}

/// Whether a byte may start a character to escape (see [`first_to_escape`]), by
/// byte: a table lookup is the cheapest test per byte.
#[allow(clippy::indexing_slicing)] // A u8 indexes a table of 256.
fn candidate(b: u8) -> bool {
    CANDIDATE[usize::from(b)]
}

/// The table of [`candidate`].
#[allow(clippy::indexing_slicing)] // Constant indices below 256.
static CANDIDATE: [bool; 256] = {
    let mut t = [false; 256];
    let mut b = 0;
    while b < 0x20 {
        t[b] = !matches!(b as u8, b'\t' | b'\n' | b'\r');
        b += 1;
    }
    t[b'&' as usize] = true;
    t[b'<' as usize] = true;
    t[b'>' as usize] = true;
    t[b'"' as usize] = true;
    t[b'\'' as usize] = true;
    t[0x7f] = true;
    t[0xc2] = true;
    t
};

/// `text` escaped for an HTML text node or a double-quoted attribute value: `& < > " '`
/// as character references, a control character (but tab, line feed, carriage return)
/// as U+FFFD.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    escape_into(&mut out, text);
    out
}

/// A page being written: markup from literals, text escaped.
#[derive(Debug, Default)]
pub struct Html {
    out: String,
}

impl Html {
    /// An empty page with room for `capacity` bytes.
    pub fn with_capacity(capacity: usize) -> Self {
        Html {
            out: String::with_capacity(capacity),
        }
    }

    /// Appends markup of the page's own (never text from a report).
    pub fn raw(&mut self, markup: &str) -> &mut Self {
        self.out.push_str(markup);
        self
    }

    /// Appends text, escaped.
    pub fn text(&mut self, text: &str) -> &mut Self {
        escape_into(&mut self.out, text);
        self
    }

    /// Appends ` name="value"` with the value escaped.
    pub fn attr(&mut self, name: &str, value: &str) -> &mut Self {
        self.out.push(' ');
        self.out.push_str(name);
        self.out.push_str("=\"");
        escape_into(&mut self.out, value);
        self.out.push('"');
        self
    }

    /// Appends `<tag attrs>text</tag>` with the text escaped (`attrs` is markup of
    /// the page's own, empty or starting with a space).
    pub fn element(&mut self, tag: &str, attrs: &str, text: &str) -> &mut Self {
        self.out.push('<');
        self.out.push_str(tag);
        self.out.push_str(attrs);
        self.out.push('>');
        escape_into(&mut self.out, text);
        self.out.push_str("</");
        self.out.push_str(tag);
        self.out.push('>');
        self
    }

    /// The page.
    pub fn finish(self) -> String {
        self.out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nothing_from_a_report_can_become_markup() {
        assert_eq!(
            escape("<script>alert(\"x\" & 'y')</script>"),
            "&lt;script&gt;alert(&quot;x&quot; &amp; &#39;y&#39;)&lt;/script&gt;"
        );
        assert_eq!(escape("示例县\u{0}\u{c}\t\n"), "示例县\u{fffd}\u{fffd}\t\n");
        assert_eq!(escape("&amp;"), "&amp;amp;");
        // C1 controls and DEL, but not the letters that share their lead byte.
        assert_eq!(
            escape("a\u{7f}\u{85}\u{9f}¢©é"),
            "a\u{fffd}\u{fffd}\u{fffd}¢©é"
        );
        // Every character: escaped exactly when it is one of the five or a control.
        for c in (0..0x3000u32).filter_map(char::from_u32) {
            let special = matches!(c, '&' | '<' | '>' | '"' | '\'')
                || (c.is_control() && !matches!(c, '\t' | '\n' | '\r'));
            assert_eq!(escape(&c.to_string()) != c.to_string(), special, "{c:?}");
        }
        let mut h = Html::default();
        h.raw("<td").attr("title", "a\"><b>").raw(">");
        h.element("span", " class=\"n\"", "1<2");
        assert_eq!(
            h.finish(),
            "<td title=\"a&quot;&gt;&lt;b&gt;\"><span class=\"n\">1&lt;2</span>"
        );
    }
}
