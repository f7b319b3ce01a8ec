//! The index page of a batch: a sortable summary table of the reports (with a link to
//! each one's page) and the cross-year findings.

use nianbao_core::headline::NUMBER_NAMES;
use nianbao_core::rules::Status;

use crate::html::Html;
use crate::page::head;
use crate::{CrossYearLine, IndexEntry, IndexOptions, style};

/// The content security policy of the index: nothing from anywhere, its own inline
/// style and sorting script only.
const CSP_INDEX: &str = "default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'";

/// Writes the index page.
pub fn index_page(
    entries: &[IndexEntry],
    cross_year: &[CrossYearLine],
    options: &IndexOptions,
) -> String {
    let mut h = Html::with_capacity(1024 + entries.len() * 600 + cross_year.len() * 300);
    let title = options
        .title
        .as_deref()
        .unwrap_or("nianbao: reports converted");
    head(&mut h, title, CSP_INDEX);
    h.raw("<body class=\"index\">\n<header>\n")
        .element("h1", "", title)
        .raw("\n");
    let failed = entries
        .iter()
        .filter(|e| !e.headline.rules_failed.is_empty())
        .count();
    h.element(
        "p",
        " class=\"counts\"",
        &format!(
            "{} reports, {failed} with a failed rule. Click a column's header to sort.",
            entries.len()
        ),
    )
    .raw("\n<nav><a href=\"#reports\">reports</a> · <a href=\"#cross-year\">cross-year findings</a></nav>\n</header>\n<main>\n");
    summary(&mut h, entries);
    cross_year_section(&mut h, cross_year);
    h.raw("</main>\n<footer>")
        .text(nianbao_core::GENERATOR)
        .raw("</footer>\n<script>\n")
        .raw(style::SORT_JS)
        .raw("</script>\n</body>\n</html>\n");
    h.finish()
}

/// The summary table.
fn summary(h: &mut Html, entries: &[IndexEntry]) {
    h.raw("<section id=\"reports\">\n<h2>Reports</h2>\n<table class=\"index\" id=\"summary\">\n<thead><tr>")
        .raw("<th data-type=\"text\">source</th><th data-type=\"text\">agency</th>")
        .raw("<th data-type=\"number\">year</th><th data-type=\"text\">formats (tables 2, 3, 4)</th>");
    for name in NUMBER_NAMES {
        h.element("th", " data-type=\"number\"", name);
    }
    h.raw("<th data-type=\"text\">rules failed</th><th data-type=\"number\">diagnostics</th></tr></thead>\n<tbody>\n");
    for e in entries {
        let hl = &e.headline;
        h.raw("<tr");
        if !hl.rules_failed.is_empty() {
            h.raw(" class=\"failed\"");
        }
        h.raw("><td><a").attr("href", &e.href).raw(">");
        h.text(&e.source).raw("</a></td>");
        h.element("td", "", hl.agency.as_deref().unwrap_or(""));
        let year = hl.year.map(|y| y.to_string()).unwrap_or_default();
        h.raw("<td class=\"n\"").attr("data-sort", &year).raw(">");
        h.text(&year).raw("</td>");
        let formats: Vec<&str> = hl.table_formats.iter().map(|f| f.unwrap_or("–")).collect();
        h.element("td", "", &formats.join(" · "));
        for n in hl.numbers {
            let text = n.map(|n| n.to_string()).unwrap_or_default();
            h.raw("<td class=\"n\"").attr("data-sort", &text).raw(">");
            h.text(&text).raw("</td>");
        }
        h.element("td", "", &hl.rules_failed.join(", "));
        let diagnostics = hl.diagnostics.to_string();
        h.raw("<td class=\"n\"")
            .attr("data-sort", &diagnostics)
            .raw(">");
        h.text(&diagnostics).raw("</td></tr>\n");
    }
    h.raw("</tbody>\n</table>\n</section>\n");
}

/// The cross-year findings, or a sentence saying there are none.
fn cross_year_section(h: &mut Html, lines: &[CrossYearLine]) {
    h.raw("<section id=\"cross-year\">\n<h2>Cross-year findings</h2>\n");
    if lines.is_empty() {
        h.raw("<p>No cross-year pairs: no two reports of one agency for consecutive years were compared.</p>\n</section>\n");
        return;
    }
    h.raw("<table class=\"index\" id=\"cross-year-table\">\n<thead><tr>")
        .raw("<th data-type=\"text\">agency</th><th data-type=\"number\">year</th>")
        .raw("<th data-type=\"number\">previous year</th><th data-type=\"text\">rule</th>")
        .raw("<th data-type=\"text\">column</th><th data-type=\"text\">status</th>")
        .raw("<th data-type=\"number\">left</th><th data-type=\"number\">right</th>")
        .raw("<th data-type=\"text\">source</th><th data-type=\"text\">previous source</th>")
        .raw("<th data-type=\"text\">note</th>")
        .raw("</tr></thead>\n<tbody>\n");
    let mut order: Vec<&CrossYearLine> = lines.iter().collect();
    order.sort_by_key(|l| l.status != Status::Failed);
    for l in order {
        let (class, word) = match l.status {
            Status::Failed => ("failed", "failed"),
            Status::NotAssessable => ("not-assessable", "not assessable"),
            Status::Passed => ("passed", "passed"),
        };
        h.raw("<tr").attr("class", class).raw(">");
        h.element("td", "", &l.agency);
        for y in [l.year, l.previous_year] {
            h.raw("<td class=\"n\"")
                .attr("data-sort", &y.to_string())
                .raw(">");
            h.text(&y.to_string()).raw("</td>");
        }
        h.element("td", "", &l.rule)
            .element("td", "", &l.instance)
            .element("td", "", word);
        for text in [&l.left, &l.right] {
            // Sorted as numbers: anything else (a blank, a word) sorts last.
            let key = if text.parse::<f64>().is_ok() {
                text.as_str()
            } else {
                ""
            };
            h.raw("<td class=\"n\"").attr("data-sort", key).raw(">");
            h.text(text).raw("</td>");
        }
        for (name, href) in [(&l.source, &l.href), (&l.previous_source, &l.previous_href)] {
            h.raw("<td>");
            match href {
                Some(href) => {
                    h.raw("<a")
                        .attr("href", href)
                        .raw(">")
                        .text(name)
                        .raw("</a>");
                }
                None => {
                    h.text(name);
                }
            }
            h.raw("</td>");
        }
        h.element("td", "", &l.note).raw("</tr>\n");
    }
    h.raw("</tbody>\n</table>\n</section>\n");
}
