//! File and entry names: decoding the bytes of a name, and keeping an archive entry
//! inside the output folder.

use std::ffi::OsStr;

/// Decodes the bytes of a name: UTF-8 when they are valid UTF-8, else GBK (read as
/// GB18030, its superset), which is what Chinese Windows writes into a zip without
/// the UTF-8 flag and what `unzip` leaves on disk.
///
/// A zip entry with the UTF-8 flag (or an Info-ZIP Unicode path) always has valid
/// UTF-8 bytes; a GBK name with any Chinese in it is almost never valid UTF-8.
pub fn decode_name(bytes: &[u8]) -> String {
    match std::str::from_utf8(bytes) {
        Ok(s) => s.to_owned(),
        Err(_) => {
            let (text, _, _) = encoding_rs::GB18030.decode(bytes);
            text.into_owned()
        }
    }
}

/// Decodes an OS file name (see [`decode_name`]).
pub fn decode_os_name(name: &OsStr) -> String {
    #[cfg(unix)]
    {
        use std::os::unix::ffi::OsStrExt;
        decode_name(name.as_bytes())
    }
    #[cfg(not(unix))]
    {
        name.to_string_lossy().into_owned()
    }
}

/// Why an entry name cannot be used as a path under the output folder.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum UnsafeName {
    /// The name starts at a root (`/etc/x`, `\x`, `C:\x`, `C:x`).
    Absolute,
    /// The name has a `..` component.
    ParentDir,
    /// The name is empty or only separators and dots.
    Empty,
    /// A component holds a NUL or other control character.
    ControlChar,
}

impl std::fmt::Display for UnsafeName {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            UnsafeName::Absolute => "absolute entry name",
            UnsafeName::ParentDir => "entry name with `..`",
            UnsafeName::Empty => "empty entry name",
            UnsafeName::ControlChar => "entry name with a control character",
        })
    }
}

/// Splits an archive entry name into path components that stay inside the output
/// folder: `/` and `\` both separate, `.` and empty components are dropped, and a
/// name that is absolute or has `..` anywhere is refused (not "repaired": a name like
/// `../../evil.txt` is hostile or broken, and either way is not converted).
pub fn safe_components(name: &str) -> Result<Vec<String>, UnsafeName> {
    if name.starts_with('/') || name.starts_with('\\') {
        return Err(UnsafeName::Absolute);
    }
    let mut chars = name.chars();
    if let (Some(letter), Some(':')) = (chars.next(), chars.next())
        && letter.is_ascii_alphabetic()
    {
        return Err(UnsafeName::Absolute);
    }
    let mut parts = Vec::new();
    for part in name.split(['/', '\\']) {
        match part {
            "" | "." => {}
            ".." => return Err(UnsafeName::ParentDir),
            p if p.chars().any(char::is_control) => return Err(UnsafeName::ControlChar),
            p => parts.push(p.to_owned()),
        }
    }
    if parts.is_empty() {
        return Err(UnsafeName::Empty);
    }
    Ok(parts)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utf8_names_stay() {
        assert_eq!(decode_name("年报/a.txt".as_bytes()), "年报/a.txt");
        assert_eq!(decode_name(b"plain.docx"), "plain.docx");
    }

    #[test]
    fn gbk_names_are_decoded() {
        let (gbk, _, _) = encoding_rs::GBK.encode("双鹤乡2020年报.txt");
        assert!(std::str::from_utf8(&gbk).is_err());
        assert_eq!(decode_name(&gbk), "双鹤乡2020年报.txt");
    }

    #[test]
    fn safe_names_split() {
        assert_eq!(
            safe_components("a/./b\\c.txt").unwrap(),
            vec!["a", "b", "c.txt"]
        );
        assert_eq!(
            safe_components("dir//x.docx").unwrap(),
            vec!["dir", "x.docx"]
        );
    }

    #[test]
    fn escaping_names_are_refused() {
        assert_eq!(
            safe_components("../../evil.txt"),
            Err(UnsafeName::ParentDir)
        );
        assert_eq!(safe_components("a/../../b.txt"), Err(UnsafeName::ParentDir));
        assert_eq!(safe_components("a\\..\\b.txt"), Err(UnsafeName::ParentDir));
        assert_eq!(
            safe_components("/etc/passwd.txt"),
            Err(UnsafeName::Absolute)
        );
        assert_eq!(safe_components("\\x.txt"), Err(UnsafeName::Absolute));
        assert_eq!(safe_components("C:\\x.txt"), Err(UnsafeName::Absolute));
        assert_eq!(safe_components("c:x.txt"), Err(UnsafeName::Absolute));
        assert_eq!(safe_components("./"), Err(UnsafeName::Empty));
        assert_eq!(safe_components("a\0b.txt"), Err(UnsafeName::ControlChar));
    }
}
