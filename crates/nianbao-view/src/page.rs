//! The page of one report: its head (title, agency, year, source, formats, how the
//! rules went), the preamble and the six sections in canonical order with each table
//! after its section, the other tables, the findings (failed first) and the
//! diagnostics.

use std::collections::{BTreeMap, BTreeSet};

use nianbao_core::rules::{Finding, Status, Term};
use nianbao_core::{Analysis, Headline, SectionKey, Severity, TableKind};

use crate::html::Html;
use crate::marks::{self, Mark, Places, cell_id, claim_id, finding_id, section_id, table_id};
use crate::tables::{self, Marking};
use crate::{PageOptions, style};

/// The content security policy of a report page: nothing from anywhere, styles inline.
const CSP_PAGE: &str = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'";

/// Writes the page of a report.
pub fn report_page(analysis: &Analysis, options: &PageOptions) -> String {
    let report = &analysis.report;
    let mut h = Html::with_capacity(160 << 10);
    let title = report
        .meta
        .title
        .clone()
        .or_else(|| report.source.name.clone())
        .unwrap_or_else(|| "(untitled report)".to_owned());
    head(&mut h, &title, CSP_PAGE);
    h.raw("<body class=\"report\">\n<header>\n");
    if let Some(href) = &options.index_href {
        h.raw("<p class=\"up\"><a")
            .attr("href", href)
            .raw(">← index</a></p>\n");
    }
    h.element("h1", "", &title).raw("\n");
    meta(&mut h, analysis);
    h.raw("<nav><a href=\"#findings\">findings</a> · <a href=\"#diagnostics\">diagnostics</a>");
    for kind in TableKind::ALL {
        if report.table(kind).is_some() {
            h.raw(" · <a")
                .attr("href", &format!("#{}", table_id(kind)))
                .raw(">");
            h.text(kind.title()).raw("</a>");
        }
    }
    h.raw("</nav>\n</header>\n<main>\n");

    let marking = Marking {
        findings: &analysis.findings,
        failed: marks::failed_cells(&analysis.findings),
    };
    let claims = marks::claims(&analysis.findings);
    let mut narrative = Narrative {
        findings: &analysis.findings,
        claims: &claims,
        placed: BTreeSet::new(),
    };
    if !report.preamble.is_empty() {
        h.raw("<section class=\"preamble\" id=\"preamble\">\n");
        for (i, p) in report.preamble.iter().enumerate() {
            narrative.paragraph(&mut h, None, i, p);
        }
        h.raw("</section>\n");
    }
    for key in SectionKey::ALL {
        let found: Vec<_> = report.sections.iter().filter(|s| s.key == key).collect();
        h.raw("<section class=\"narrative\">\n<h2")
            .attr("id", &section_id(key));
        match found.first() {
            Some(s) => {
                h.raw(">").text(&s.heading).raw("</h2>\n");
            }
            None => {
                h.raw(" class=\"not-found\">")
                    .text(key.heading())
                    .raw(" <small>(not found in the report)</small></h2>\n");
            }
        }
        for s in &found {
            for (i, p) in s.paragraphs.iter().enumerate() {
                narrative.paragraph(&mut h, Some(key), i, p);
            }
        }
        let kind = match key {
            SectionKey::ActiveDisclosure => Some(TableKind::ActiveDisclosure),
            SectionKey::Applications => Some(TableKind::Applications),
            SectionKey::ReviewLitigation => Some(TableKind::ReviewLitigation),
            _ => None,
        };
        if let Some(kind) = kind {
            match report.table(kind) {
                Some(t) => tables::table(&mut h, t, &marking),
                None => {
                    h.raw("<p class=\"not-found\"")
                        .attr("id", &table_id(kind))
                        .raw(">")
                        .text(&format!("Table “{}” was not found.", kind.title()))
                        .raw("</p>\n");
                }
            }
        }
        h.raw("</section>\n");
    }
    if !report.other_tables.is_empty() {
        h.raw("<section id=\"other-tables\">\n<h2>Other tables</h2>\n");
        for (n, grid) in report.other_tables.iter().enumerate() {
            tables::plain(&mut h, grid, n + 1);
        }
        h.raw("</section>\n");
    }
    let places = Places::of(analysis);
    findings(&mut h, analysis, &places, &narrative.placed);
    diagnostics(&mut h, analysis, &places);
    h.raw("</main>\n<footer>")
        .text(&format!(
            "{} · JSON schema {}",
            nianbao_core::GENERATOR,
            nianbao_core::SCHEMA_VERSION
        ))
        .raw("</footer>\n</body>\n</html>\n");
    h.finish()
}

/// `<!DOCTYPE html>` up to `</head>`.
pub fn head(h: &mut Html, title: &str, csp: &str) {
    h.raw("<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n<meta charset=\"utf-8\">\n")
        .raw("<meta http-equiv=\"Content-Security-Policy\" content=\"")
        .raw(csp)
        .raw("\">\n<meta name=\"referrer\" content=\"no-referrer\">\n")
        .raw("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
        .raw("<meta name=\"generator\"")
        .attr("content", nianbao_core::GENERATOR)
        .raw(">\n");
    h.element("title", "", title)
        .raw("\n<style>\n")
        .raw(style::CSS)
        .raw("</style>\n</head>\n");
}

/// The head's facts: agency, year, source, formats, rules, diagnostics.
fn meta(h: &mut Html, analysis: &Analysis) {
    let report = &analysis.report;
    let headline = Headline::of(analysis);
    h.raw("<dl class=\"meta\">\n");
    let item = |h: &mut Html, name: &str, value: &str| {
        h.element("dt", "", name).element("dd", "", value).raw("\n");
    };
    let unknown = "(unknown)";
    item(
        h,
        "agency",
        report.meta.agency.as_deref().unwrap_or(unknown),
    );
    item(
        h,
        "year",
        &report
            .meta
            .year
            .map_or(unknown.to_owned(), |y| y.to_string()),
    );
    item(
        h,
        "source",
        report.source.name.as_deref().unwrap_or(unknown),
    );
    item(
        h,
        "read as",
        report.source.format.as_deref().unwrap_or(unknown),
    );
    let formats: Vec<String> = TableKind::ALL
        .iter()
        .zip(headline.table_formats)
        .map(|(k, f)| {
            let f = match f {
                Some("found") => "common format",
                Some(f) => f,
                None => "not found",
            };
            format!("{} {f}", k.key())
        })
        .collect();
    item(h, "tables", &formats.join(" · "));
    let count = |s: Status| analysis.findings.iter().filter(|f| f.status == s).count();
    let failed = count(Status::Failed);
    h.element("dt", "", "rules").raw("<dd");
    if failed > 0 {
        h.raw(" class=\"bad\"");
    }
    h.raw(">").text(&format!(
        "{} passed, {failed} failed, {} not assessable",
        count(Status::Passed),
        count(Status::NotAssessable)
    ));
    if !headline.rules_failed.is_empty() {
        h.text(&format!(" ({})", headline.rules_failed.join(", ")));
    }
    h.raw("</dd>\n");
    item(h, "diagnostics", &analysis.diagnostics.len().to_string());
    h.raw("</dl>\n");
}

/// The narrative's paragraphs with the figures the `text.*` rules checked marked.
struct Narrative<'a> {
    findings: &'a [Finding],
    claims: &'a BTreeMap<marks::ParagraphPlace, Vec<Mark>>,
    /// The findings whose figure was marked (a claim out of its paragraph is not).
    placed: BTreeSet<usize>,
}

impl Narrative<'_> {
    fn paragraph(&mut self, h: &mut Html, section: Option<SectionKey>, index: usize, text: &str) {
        h.raw("<p>");
        let marks = self
            .claims
            .get(&(section, index))
            .map_or(&[][..], Vec::as_slice);
        let mut chars = text.char_indices().map(|(b, _)| b).chain([text.len()]);
        // Byte offsets of the characters the marks start and end at, in one pass
        // (marks are sorted and do not overlap; one may start where another ends).
        let mut next_char = 0usize;
        let mut last: Option<(usize, usize)> = None;
        let mut byte_of = |c: usize| -> Option<usize> {
            if let Some((lc, lb)) = last
                && lc == c
            {
                return Some(lb);
            }
            let b = chars.nth(c.checked_sub(next_char)?)?;
            next_char = c + 1;
            last = Some((c, b));
            Some(b)
        };
        let mut done = 0usize;
        for m in marks {
            let (Some(start), Some(end)) = (byte_of(m.start), byte_of(m.end)) else {
                break;
            };
            let Some(f) = self.findings.get(m.finding) else {
                continue;
            };
            h.text(text.get(done..start).unwrap_or(""));
            let status = match f.status {
                Status::Passed => "passed",
                Status::Failed => "failed",
                Status::NotAssessable => "not-assessable",
            };
            let mut title = f.describe();
            if let Some(c) = &f.claim {
                title.push('\n');
                title.push_str(&c.sentence);
            }
            h.raw("<mark")
                .attr("id", &claim_id(m.finding))
                .attr("class", &format!("claim {status}"))
                .attr("data-rule", &f.rule)
                .attr("title", &title)
                .raw(">")
                .text(text.get(start..end).unwrap_or(""))
                .raw("</mark>");
            done = end;
            self.placed.insert(m.finding);
        }
        h.text(text.get(done..).unwrap_or("")).raw("</p>\n");
    }
}

/// The findings table: failed, then not assessable, then passed.
fn findings(h: &mut Html, analysis: &Analysis, places: &Places, marked: &BTreeSet<usize>) {
    let mut order: Vec<usize> = (0..analysis.findings.len()).collect();
    let rank = |s: Status| match s {
        Status::Failed => 0,
        Status::NotAssessable => 1,
        Status::Passed => 2,
    };
    order.sort_by_key(|i| analysis.findings.get(*i).map(|f| rank(f.status)));
    h.raw("<section id=\"findings\">\n<h2>Findings</h2>\n");
    if order.is_empty() {
        h.raw("<p>No rule could be checked: no national table was found.</p>\n</section>\n");
        return;
    }
    h.raw("<table class=\"findings\">\n<tr><th>status</th><th>rule</th><th>instance</th>")
        .raw("<th>left</th><th>right</th><th>cells</th></tr>\n");
    let number = |n: Option<nianbao_core::Number>| n.map_or("–".to_owned(), |n| n.to_string());
    for i in order {
        let Some(f) = analysis.findings.get(i) else {
            continue;
        };
        let (class, word) = match f.status {
            Status::Failed => ("failed", "failed"),
            Status::NotAssessable => ("not-assessable", "not assessable"),
            Status::Passed => ("passed", "passed"),
        };
        h.raw("<tr")
            .attr("id", &finding_id(i))
            .attr("class", class)
            .raw("><td>")
            .text(word);
        if f.soft {
            h.text(" (soft)");
        }
        h.raw("</td>")
            .element("td", "", &f.rule)
            .element("td", "", &f.instance)
            .element("td", " class=\"n\"", &number(f.left))
            .element("td", " class=\"n\"", &number(f.right))
            .raw("<td class=\"terms\">");
        // A text.* finding: the figure as printed (a link to it in the narrative),
        // then the cell it describes; any other: the cells of both sides.
        let sides: [(&str, &[Term]); 2] = match &f.claim {
            Some(c) => {
                if marked.contains(&i) {
                    h.raw("<a")
                        .attr("href", &format!("#{}", claim_id(i)))
                        .raw(">");
                    h.text(&c.text).raw("</a> ");
                } else {
                    h.raw("<span title=\"its place in the narrative was not found\">");
                    h.text(&c.text).raw("</span> ");
                }
                [("= ", &f.right_terms), ("", &[])]
            }
            None => [("", &f.left_terms), ("= ", &f.right_terms)],
        };
        for (side, terms) in sides {
            h.text(side);
            for (j, t) in terms.iter().enumerate() {
                if j > 0 {
                    h.text("+ ");
                }
                let shown = t.value.map_or("(blank)".to_owned(), |v| v.to_string());
                if places.has_cell(&t.path) {
                    h.raw("<a")
                        .attr("href", &format!("#{}", cell_id(&t.path)))
                        .attr("title", &t.path)
                        .raw(">")
                        .text(&shown)
                        .raw("</a> ");
                } else {
                    h.raw("<span").attr("title", &t.path).raw(">");
                    h.text(&shown).raw("</span> ");
                }
            }
        }
        h.raw("</td></tr>\n");
    }
    h.raw("</table>\n</section>\n");
}

/// Every diagnostic, with a link to its place where the page shows one.
fn diagnostics(h: &mut Html, analysis: &Analysis, places: &Places) {
    h.raw("<section id=\"diagnostics\">\n<h2>Diagnostics</h2>\n");
    if analysis.diagnostics.is_empty() {
        h.raw("<p>None: nothing was guessed or left out.</p>\n</section>\n");
        return;
    }
    h.raw("<ol class=\"diagnostics\">\n");
    for (i, d) in analysis.diagnostics.iter().enumerate() {
        let severity = match d.severity {
            Severity::Warning => "warning",
            _ => "info",
        };
        h.raw("<li")
            .attr("id", &format!("diagnostic-{i}"))
            .attr("class", severity)
            .raw(">")
            .element("span", " class=\"severity\"", severity)
            .raw(" ")
            .element("code", "", &d.code)
            .raw(" ");
        if let Some(pos) = &d.pos {
            h.element("span", " class=\"pos\"", &format!("at {pos}"))
                .raw(" ");
        }
        if let Some(id) = places.of_diagnostic(d) {
            h.raw("<a class=\"place\"")
                .attr("href", &format!("#{id}"))
                .raw(">→ its place</a> ");
        }
        h.element("span", " class=\"message\"", &d.message)
            .raw("</li>\n");
    }
    h.raw("</ol>\n</section>\n");
}
