//! HTML pages of analysed reports: one self-contained page per report, and an index
//! page for a batch. An output adapter, like the JSON and .docx writers: it depends on
//! `nianbao-core` only.
//!
//! A report's page ([`report_page`]) needs no network and no external asset (inline
//! style; a `Content-Security-Policy` that forbids everything else). It shows the
//! title, agency, year, source and formats; the preamble and the six sections in
//! canonical order (a section not found is said so), each table after its section in
//! the official layout of its format (the rows and groups of
//! [`nianbao_core::catalog::layout`], the labels of the catalogue), blanks blank,
//! placeholders and text as printed, extra rows where they were; every cell a failed
//! rule reads highlighted, with the rule, instance and numbers on hover; the figures of
//! the narrative that the `text.*` rules checked marked (loudly when they disagree with
//! their cell); the findings, failed first, with links to their cells; every
//! diagnostic with a link to its place where it has one.
//!
//! For tests and tools, each value cell is a `<td>` with `id="cell-PATH"`,
//! `data-path="PATH"` (the JSON path, `applications.results.total.total`), the class
//! `failed` when a failed rule reads it, and `data-value` (the number, as the JSON
//! writes it) when it holds a number; its number is the text of its `span.num`.
//!
//! Everything from the source is escaped (a `<script>` in a cell shows as text), and
//! the same analysis always gives the same bytes. The page's size is linear in the
//! report's.
//!
//! ```
//! use nianbao_core::Analysis;
//! use nianbao_view::{PageOptions, report_page};
//!
//! let mut analysis = Analysis::default();
//! analysis.report.meta.agency = Some("示例县<script>".into());
//! let page = report_page(&analysis, &PageOptions::default());
//! assert!(page.starts_with("<!DOCTYPE html>"));
//! assert!(page.contains("示例县&lt;script&gt;"));
//! assert!(!page.contains("示例县<script>"));
//! ```

#![cfg_attr(docsrs, feature(doc_cfg))]
#![forbid(unsafe_code)]
#![deny(missing_docs)]
#![cfg_attr(
    not(test),
    deny(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)
)]

mod html;
mod index;
mod marks;
mod page;
mod style;
mod tables;

use nianbao_core::rules::Status;
use nianbao_core::{Analysis, Headline};

pub use html::escape;

/// How to write a report's page.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
#[non_exhaustive]
pub struct PageOptions {
    /// A link back to the index page (relative to the page), shown at its top.
    pub index_href: Option<String>,
}

impl PageOptions {
    /// With a link back to the index page at `href` (relative to the page).
    pub fn with_index_href(mut self, href: impl Into<String>) -> Self {
        self.index_href = Some(href.into());
        self
    }
}

/// How to write an index page.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
#[non_exhaustive]
pub struct IndexOptions {
    /// The page's title (default: `nianbao: reports converted`).
    pub title: Option<String>,
}

/// One report in the index: where its page is, its source and its headline.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct IndexEntry {
    /// The link to the report's page, relative to the index (see [`href`]).
    pub href: String,
    /// The source name, as the batch names it.
    pub source: String,
    /// Agency, year, formats, headline numbers, failed rules, diagnostics.
    pub headline: Headline,
}

impl IndexEntry {
    /// An entry for a report's page at `href`.
    pub fn new(href: impl Into<String>, source: impl Into<String>, headline: Headline) -> Self {
        IndexEntry {
            href: href.into(),
            source: source.into(),
            headline,
        }
    }

    /// The entry of an analysis.
    pub fn of(href: impl Into<String>, source: impl Into<String>, analysis: &Analysis) -> Self {
        IndexEntry::new(href, source, Headline::of(analysis))
    }
}

/// One cross-year rule instance between two reports of one agency (or one cell of two
/// reports of one year: a duplicate), as plain data: the batch computes them (the rows
/// of its cross_year.csv), the index shows them, failed first.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct CrossYearLine {
    /// The agency (as the batch normalized it).
    pub agency: String,
    /// This year.
    pub year: i32,
    /// The year before (the report compared with).
    pub previous_year: i32,
    /// The rule id (`cross_year.carry`, or `duplicate`).
    pub rule: String,
    /// The instance: the column compared (a cell path for a duplicate).
    pub instance: String,
    /// How it went.
    pub status: Status,
    /// This year's side as printed (a number, or empty when it has none).
    pub left: String,
    /// Last year's side as printed.
    pub right: String,
    /// This year's report's source.
    pub source: String,
    /// Last year's report's source.
    pub previous_source: String,
    /// A link to this year's page, relative to the index.
    pub href: Option<String>,
    /// A link to last year's page, relative to the index.
    pub previous_href: Option<String>,
    /// What else to know (a soft rule, names merged).
    pub note: String,
}

impl CrossYearLine {
    /// A line with no numbers, sources, links or note yet (set the fields).
    pub fn new(
        agency: impl Into<String>,
        year: i32,
        previous_year: i32,
        rule: impl Into<String>,
        instance: impl Into<String>,
        status: Status,
    ) -> Self {
        CrossYearLine {
            agency: agency.into(),
            year,
            previous_year,
            rule: rule.into(),
            instance: instance.into(),
            status,
            left: String::new(),
            right: String::new(),
            source: String::new(),
            previous_source: String::new(),
            href: None,
            previous_href: None,
            note: String::new(),
        }
    }
}

/// The page of one report: a whole HTML document.
pub fn report_page(analysis: &Analysis, options: &PageOptions) -> String {
    page::report_page(analysis, options)
}

/// The index page of a batch: a whole HTML document. `cross_year` may be empty (the
/// page says no pairs were compared).
pub fn index_page(
    entries: &[IndexEntry],
    cross_year: &[CrossYearLine],
    options: &IndexOptions,
) -> String {
    index::index_page(entries, cross_year, options)
}

/// A relative link from path segments (`["sample", "a b#1.txt.html"]` →
/// `sample/a%20b%231.txt.html`): every byte but ASCII letters, digits and `-._~` is
/// percent-encoded, so that any file name makes a working link.
pub fn href<'a>(segments: impl IntoIterator<Item = &'a str>) -> String {
    let mut out = String::new();
    for (i, seg) in segments.into_iter().enumerate() {
        if i > 0 {
            out.push('/');
        }
        for b in seg.bytes() {
            if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'.' | b'_' | b'~') {
                out.push(char::from(b));
            } else {
                out.push_str(&format!("%{b:02X}"));
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn links_are_percent_encoded() {
        assert_eq!(
            href(["sample", "a b#1.txt.html"]),
            "sample/a%20b%231.txt.html"
        );
        assert_eq!(href(["示例.html"]), "%E7%A4%BA%E4%BE%8B.html");
        assert_eq!(href(["..", "index.html"]), "../index.html");
    }
}
