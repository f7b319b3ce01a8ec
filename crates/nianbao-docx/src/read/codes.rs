//! The diagnostic codes of the .docx reader (`Diagnostic::code`).

/// A field (`w:fldChar begin`) was still open at the end of the document: its text so
/// far was kept.
pub const FIELD_UNTERMINATED: &str = "docx.field_unterminated";
/// An imported chunk (`w:altChunk`: HTML, RTF or another document) was not read.
pub const ALT_CHUNK: &str = "docx.alt_chunk";
/// A cell covered by a vertical merge had text of its own: it was appended to the
/// merged cell's text.
pub const MERGED_CELL_TEXT: &str = "docx.merged_cell_text";
/// The document properties (`docProps/core.xml`, `app.xml`) could not be read; the
/// body was read regardless.
pub const PROPERTIES_UNREADABLE: &str = "docx.properties_unreadable";

/// Every code above.
pub const ALL: [&str; 4] = [
    FIELD_UNTERMINATED,
    ALT_CHUNK,
    MERGED_CELL_TEXT,
    PROPERTIES_UNREADABLE,
];

#[cfg(test)]
mod tests {
    /// Every `"docx.…"` code the reader's sources write is listed in [`super::ALL`].
    #[test]
    fn every_code_in_the_sources_is_listed() {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src/read");
        let mut found = Vec::new();
        // The sources below `src/read`, sub-modules' folders included.
        let mut files = Vec::new();
        let mut folders = vec![dir];
        while let Some(folder) = folders.pop() {
            for entry in std::fs::read_dir(folder).unwrap() {
                let path = entry.unwrap().path();
                if path.is_dir() {
                    folders.push(path);
                } else {
                    files.push(path);
                }
            }
        }
        for path in files {
            let text = std::fs::read_to_string(path).unwrap();
            for piece in text.split("\"docx.").skip(1) {
                let code: String = piece
                    .chars()
                    .take_while(|c| c.is_ascii_lowercase() || *c == '_')
                    .collect();
                if !code.is_empty() && piece[code.len()..].starts_with('"') {
                    found.push(format!("docx.{code}"));
                }
            }
        }
        assert!(!found.is_empty());
        for code in found {
            assert!(
                super::ALL.contains(&code.as_str()),
                "{code} is not in codes::ALL"
            );
        }
    }
}
