//! Colours for a terminal: ANSI escapes when stdout is a terminal and `NO_COLOR` is
//! not set, plain text otherwise.

use std::io::IsTerminal;

/// Whether to colour what goes to stdout.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Style {
    on: bool,
}

impl Style {
    /// Colours when stdout is a terminal and `NO_COLOR` is unset or empty.
    pub fn for_stdout() -> Style {
        let no_color = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
        Style {
            on: std::io::stdout().is_terminal() && !no_color,
        }
    }

    fn paint(self, code: &str, text: &str) -> String {
        if self.on {
            format!("\x1b[{code}m{text}\x1b[0m")
        } else {
            text.to_owned()
        }
    }

    /// Bold.
    pub fn bold(self, text: &str) -> String {
        self.paint("1", text)
    }
    /// Green: passed, converted.
    pub fn good(self, text: &str) -> String {
        self.paint("32", text)
    }
    /// Red: failed.
    pub fn bad(self, text: &str) -> String {
        self.paint("31;1", text)
    }
    /// Yellow: warnings.
    pub fn warn(self, text: &str) -> String {
        self.paint("33", text)
    }
    /// Dim: not assessable, informational.
    pub fn dim(self, text: &str) -> String {
        self.paint("2", text)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_when_off() {
        let s = Style { on: false };
        assert_eq!(s.bad("x"), "x");
        let s = Style { on: true };
        assert_eq!(s.bad("x"), "\x1b[31;1mx\x1b[0m");
    }
}
