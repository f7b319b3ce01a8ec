//! Limits that keep hostile input from exhausting time or memory.

/// Limits every reader checks **before** allocating for what the input announces.
///
/// The defaults read every real report with a wide margin (the largest real .docx
/// reports are a few MB) while keeping a zip bomb or a 10,000-level XML document
/// from doing harm. Counts (cells, nodes, lines) are checked as the data arrives.
/// With the defaults, any input under `max_input_bytes` is read in at most 300 MB of
/// memory and 5 s of one core (release build; the budget of the README, held by the
/// repository's `tests/budget.rs`). Raise a limit by setting its field:
///
/// ```
/// let limits = nianbao_core::Limits { max_input_bytes: 512 << 20, ..Default::default() };
/// assert!(limits.max_input_bytes > nianbao_core::Limits::default().max_input_bytes);
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Limits {
    /// The size of the input file. Default 64 MiB.
    pub max_input_bytes: u64,
    /// The uncompressed size of one part of a package (`word/document.xml`). Default 64 MiB.
    pub max_part_bytes: u64,
    /// The uncompressed size of all parts read from one package. Default 256 MiB.
    pub max_total_bytes: u64,
    /// Uncompressed size over compressed size, for any part over 1 MiB. Default 200.
    pub max_compression_ratio: u64,
    /// Entries in a zip package. Default 10,000.
    pub max_entries: u64,
    /// Nesting depth of XML elements (or HTML, or nested tables). Default 256.
    pub max_depth: u64,
    /// Cells in one table. Default 200,000.
    pub max_table_cells: u64,
    /// Characters on one line of a text input. Default 4 MiB.
    pub max_line_bytes: u64,
    /// Cells in all the tables of one document together, checked as each table is
    /// added. Default 400,000 (two tables at `max_table_cells`).
    pub max_document_cells: u64,
    /// Nodes of one document, counted as they are read: paragraphs, lines of a text
    /// input, elements and text runs of an HTML page. Default 500,000 (a real
    /// report has a few thousand).
    pub max_nodes: u64,
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            max_input_bytes: 64 << 20,
            max_part_bytes: 64 << 20,
            max_total_bytes: 256 << 20,
            max_compression_ratio: 200,
            max_entries: 10_000,
            max_depth: 256,
            max_table_cells: 200_000,
            max_line_bytes: 4 << 20,
            max_document_cells: 400_000,
            max_nodes: 500_000,
        }
    }
}
