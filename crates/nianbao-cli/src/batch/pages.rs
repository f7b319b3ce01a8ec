//! `batch --html`: the page of each converted report (under OUTDIR/html/, planned with
//! the other outputs) and OUTDIR/index.html, written at the end from the records.

use std::collections::BTreeMap;
use std::io;
use std::path::{Component, Path, PathBuf};

use nianbao::view::{CrossYearLine, IndexEntry, IndexOptions, PageOptions, href};

use super::inputs::Job;
use super::output::OutDir;
use super::record::{Record, Status};
use crate::cli::OutputFormat;

/// The index page's name in OUTDIR.
pub const INDEX: &str = "index.html";

/// The page of a report whose page is at `rel` (under OUTDIR), with a link back to
/// the index.
pub fn page(analysis: &nianbao::Analysis, rel: &Path) -> Vec<u8> {
    let up = rel.components().count().saturating_sub(1);
    let back = href(std::iter::repeat_n("..", up).chain([INDEX]));
    let options = PageOptions::default().with_index_href(back);
    nianbao::view::report_page(analysis, &options).into_bytes()
}

/// Writes OUTDIR/index.html: every converted report (in source order) with a link to
/// its page, and the cross-year lines given (each linked to the pages of its two
/// sources where it has no links yet).
pub fn write_index(
    out: &OutDir,
    jobs: &[Job],
    records: &[Record],
    cross_year: &[CrossYearLine],
) -> io::Result<PathBuf> {
    let entries: Vec<IndexEntry> = jobs
        .iter()
        .zip(records)
        .filter(|(_, r)| r.status == Status::Ok)
        .filter_map(|(job, record)| {
            let (_, rel) = job.outputs.iter().find(|(f, _)| *f == OutputFormat::Html)?;
            let headline = record.headline.clone()?;
            Some(IndexEntry::new(link(rel), &record.source, headline))
        })
        .collect();
    let lines = linked_to_pages(&entries, cross_year);
    let page = nianbao::view::index_page(&entries, &lines, &IndexOptions::default());
    out.write_atomic(Path::new(INDEX), page.as_bytes())
}

/// The cross-year lines, each without links given the links to its two sources' pages.
fn linked_to_pages(entries: &[IndexEntry], lines: &[CrossYearLine]) -> Vec<CrossYearLine> {
    let by_source: BTreeMap<&str, &str> = entries
        .iter()
        .map(|e| (e.source.as_str(), e.href.as_str()))
        .collect();
    lines
        .iter()
        .map(|l| {
            let mut l = l.clone();
            let href = |source: &str| by_source.get(source).map(|h| (*h).to_owned());
            l.href = l.href.or_else(|| href(&l.source));
            l.previous_href = l.previous_href.or_else(|| href(&l.previous_source));
            l
        })
        .collect()
}

/// The link to a page at `rel` under OUTDIR, from OUTDIR.
fn link(rel: &Path) -> String {
    let parts: Vec<String> = rel
        .components()
        .filter_map(|c| match c {
            Component::Normal(s) => Some(s.to_string_lossy().into_owned()),
            _ => None,
        })
        .collect();
    href(parts.iter().map(String::as_str))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn links_lead_from_the_index_to_the_page_and_back() {
        let rel = Path::new("html/sample/a b.txt.html");
        assert_eq!(link(rel), "html/sample/a%20b.txt.html");
        let page = String::from_utf8(page(&nianbao::Analysis::default(), rel)).unwrap();
        assert!(page.contains("href=\"../../index.html\""), "{page}");
    }

    #[test]
    fn cross_year_lines_link_to_the_pages_of_their_sources() {
        let headline = nianbao::Headline::default();
        let entries = [
            IndexEntry::new("html/a/2022.txt.html", "a/2022.txt", headline.clone()),
            IndexEntry::new("html/a/2021.txt.html", "a/2021.txt", headline),
        ];
        let status = nianbao::rules::Status::Failed;
        let mut line =
            CrossYearLine::new("示例县", 2022, 2021, "cross_year.carry", "total", status);
        line.source = "a/2022.txt".into();
        line.previous_source = "a/2021.txt".into();
        let mut unknown = line.clone();
        unknown.previous_source = "elsewhere.txt".into();
        let linked = linked_to_pages(&entries, &[line, unknown]);
        assert_eq!(linked[0].href.as_deref(), Some("html/a/2022.txt.html"));
        assert_eq!(
            linked[0].previous_href.as_deref(),
            Some("html/a/2021.txt.html")
        );
        assert_eq!(linked[1].previous_href, None);
    }
}
