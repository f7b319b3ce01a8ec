//! Glob patterns for `batch --include/--exclude`: `*` (any run of characters but
//! `/`), `?` (one character but `/`), `[abc]`, `[a-z]`, `[!x]`, and `**` (any number of
//! folders, `**/` also none). A pattern without `/` is matched against the file name
//! alone, one with `/` against the whole path (relative to its input folder or archive).

/// One element of a pattern.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Token {
    Char(char),
    Any,
    Star,
    /// `**`; `true` when a `/` follows (it then also matches nothing at all).
    Globstar(bool),
    Class {
        negated: bool,
        ranges: Vec<(char, char)>,
    },
}

/// A compiled glob.
#[derive(Debug, Clone)]
pub struct Glob {
    tokens: Vec<Token>,
    whole_path: bool,
}

impl Glob {
    /// Compiles a pattern; an unclosed `[` is an error.
    pub fn new(pattern: &str) -> Result<Glob, String> {
        let chars: Vec<char> = pattern.chars().collect();
        let mut tokens = Vec::new();
        let mut i = 0;
        while let Some(&c) = chars.get(i) {
            i += 1;
            match c {
                '?' => tokens.push(Token::Any),
                '*' if chars.get(i) == Some(&'*') => {
                    i += 1;
                    let slash = chars.get(i) == Some(&'/');
                    if slash {
                        i += 1;
                    }
                    tokens.push(Token::Globstar(slash));
                }
                '*' => tokens.push(Token::Star),
                '[' => {
                    let negated = matches!(chars.get(i), Some('!' | '^'));
                    if negated {
                        i += 1;
                    }
                    let mut ranges = Vec::new();
                    let mut first = true;
                    loop {
                        let Some(&c) = chars.get(i) else {
                            return Err(format!("`{pattern}`: `[` is not closed"));
                        };
                        i += 1;
                        if c == ']' && !first {
                            break;
                        }
                        first = false;
                        if chars.get(i) == Some(&'-') && chars.get(i + 1).is_some_and(|e| *e != ']')
                        {
                            let end = chars.get(i + 1).copied().unwrap_or(c);
                            ranges.push((c, end));
                            i += 2;
                        } else {
                            ranges.push((c, c));
                        }
                    }
                    tokens.push(Token::Class { negated, ranges });
                }
                c => tokens.push(Token::Char(c)),
            }
        }
        Ok(Glob {
            tokens,
            whole_path: pattern.contains('/'),
        })
    }

    /// Whether a `/`-separated relative path matches.
    pub fn matches(&self, path: &str) -> bool {
        let subject = if self.whole_path {
            path
        } else {
            path.rsplit('/').next().unwrap_or(path)
        };
        let chars: Vec<char> = subject.chars().collect();
        // Memoized (token, char) positions: linear in pattern × path, whatever the stars.
        let mut failed = vec![false; (self.tokens.len() + 1) * (chars.len() + 1)];
        matches_at(&self.tokens, &chars, 0, 0, &mut failed)
    }
}

fn matches_at(tokens: &[Token], s: &[char], t: usize, c: usize, failed: &mut [bool]) -> bool {
    let key = t * (s.len() + 1) + c;
    if failed.get(key).copied().unwrap_or(false) {
        return false;
    }
    let result = match tokens.get(t) {
        None => c == s.len(),
        Some(Token::Char(x)) => s.get(c) == Some(x) && matches_at(tokens, s, t + 1, c + 1, failed),
        Some(Token::Any) => {
            s.get(c).is_some_and(|ch| *ch != '/') && matches_at(tokens, s, t + 1, c + 1, failed)
        }
        Some(Token::Class { negated, ranges }) => {
            s.get(c).is_some_and(|ch| {
                *ch != '/' && ranges.iter().any(|(a, b)| (a..=b).contains(&ch)) != *negated
            }) && matches_at(tokens, s, t + 1, c + 1, failed)
        }
        Some(Token::Star) => {
            let mut end = c;
            loop {
                if matches_at(tokens, s, t + 1, end, failed) {
                    break true;
                }
                match s.get(end) {
                    Some(ch) if *ch != '/' => end += 1,
                    _ => break false,
                }
            }
        }
        Some(Token::Globstar(true)) => {
            // `**/`: nothing, or anything that ends with a `/`.
            matches_at(tokens, s, t + 1, c, failed)
                || (c..s.len()).any(|end| {
                    s.get(end) == Some(&'/') && matches_at(tokens, s, t + 1, end + 1, failed)
                })
        }
        Some(Token::Globstar(false)) => {
            (c..=s.len()).any(|end| matches_at(tokens, s, t + 1, end, failed))
        }
    };
    if !result && let Some(slot) = failed.get_mut(key) {
        *slot = true;
    }
    result
}

/// The `--include` and `--exclude` patterns of a batch.
#[derive(Debug, Clone, Default)]
pub struct Filter {
    include: Vec<Glob>,
    exclude: Vec<Glob>,
}

impl Filter {
    /// Compiles the patterns.
    pub fn new(include: &[String], exclude: &[String]) -> Result<Filter, String> {
        let compile = |p: &[String]| {
            p.iter()
                .map(|g| Glob::new(g))
                .collect::<Result<Vec<_>, _>>()
        };
        Ok(Filter {
            include: compile(include)?,
            exclude: compile(exclude)?,
        })
    }

    /// Whether a file at this relative path is taken.
    pub fn takes(&self, path: &str) -> bool {
        (self.include.is_empty() || self.include.iter().any(|g| g.matches(path)))
            && !self.exclude.iter().any(|g| g.matches(path))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn m(pattern: &str, path: &str) -> bool {
        Glob::new(pattern).unwrap().matches(path)
    }

    #[test]
    fn names_and_paths() {
        assert!(m("*.docx", "a/b/报告.docx"));
        assert!(!m("*.docx", "a/b.docx.json"));
        assert!(m("a/*.txt", "a/x.txt"));
        assert!(!m("a/*.txt", "a/b/x.txt"));
        assert!(m("a/**/x.txt", "a/x.txt"));
        assert!(m("a/**/x.txt", "a/b/c/x.txt"));
        assert!(m("**/2021*", "dept/2021年报.txt"));
        assert!(m("**", "any/thing"));
        assert!(m("a/**", "a/b/c"));
        assert!(m("20[12][0-9]*", "2021.txt"));
        assert!(!m("[!2]*", "2021.txt"));
        assert!(m("?.txt", "a.txt"));
        assert!(!m("?.txt", "ab.txt"));
        assert!(Glob::new("[abc").is_err());
    }

    #[test]
    fn many_stars_stay_fast() {
        let pattern = "*a".repeat(30) + "b";
        let path = "a".repeat(2000);
        assert!(!m(&pattern, &path));
    }

    #[test]
    fn filters_combine() {
        let f = Filter::new(&["*.txt".into(), "*.docx".into()], &["draft/**".into()]).unwrap();
        assert!(f.takes("a/x.txt"));
        assert!(!f.takes("draft/x.txt"));
        assert!(!f.takes("x.html"));
        assert!(Filter::default().takes("anything"));
    }
}
