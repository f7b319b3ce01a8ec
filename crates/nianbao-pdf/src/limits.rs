//! The limits of the PDF reader, on top of the common [`Limits`].

use nianbao_core::Limits;

/// Limits checked while a PDF is read, as the data arrives.
///
/// [`PdfLimits::from`] a [`Limits`] takes the common ones (input size, decoded size per
/// stream and in total, compression ratio, nesting depth, table cells) and adds the
/// PDF's own with defaults that read every real report with a wide margin.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct PdfLimits {
    /// The common limits.
    pub common: Limits,
    /// Tokens of object syntax lopdf parses: the file outside its stream data, and
    /// what its object streams decode to (each token becomes at most one object of
    /// about 100 bytes with its share of the containers). Counted before parsing.
    /// Default 500,000 (a Chromium print of a report has 65,000).
    pub max_syntax_tokens: u64,
    /// Glyphs shown in the whole document. Default 400,000 (a report of 30 pages
    /// shows about 60,000).
    pub max_glyphs: u64,
    /// Indirect objects in the file. Default 200,000.
    pub max_objects: u64,
    /// Pages. Default 2,000.
    pub max_pages: u64,
    /// Operators interpreted on one page (form XObjects included). Default 1,000,000.
    pub max_operators_per_page: u64,
    /// Glyphs shown on one page. Default 200,000.
    pub max_glyphs_per_page: u64,
    /// Path segments (lines and rectangles) on one page. Default 200,000.
    pub max_segments_per_page: u64,
    /// Saved graphics states (`q` without `Q`). Default 1,024.
    pub max_graphics_stack: u64,
    /// Form XObjects drawn inside each other. Default 16.
    pub max_form_depth: u64,
    /// Levels of the page tree. Default 64.
    pub max_page_tree_depth: u64,
}

impl From<&Limits> for PdfLimits {
    fn from(common: &Limits) -> Self {
        PdfLimits {
            common: common.clone(),
            max_syntax_tokens: 500_000,
            max_glyphs: 400_000,
            max_objects: 200_000,
            max_pages: 2_000,
            max_operators_per_page: 1_000_000,
            max_glyphs_per_page: 200_000,
            max_segments_per_page: 200_000,
            max_graphics_stack: 1_024,
            max_form_depth: 16,
            max_page_tree_depth: 64,
        }
    }
}

impl Default for PdfLimits {
    fn default() -> Self {
        PdfLimits::from(&Limits::default())
    }
}
