//! The report page and the index page without a browser: the layout of both formats,
//! escaping, marks, determinism and size. (The page as a browser renders it is checked
//! in the repository's `tests/view_browser.rs`.)

use nianbao_core::catalog::ColumnKind;
use nianbao_core::model::{Row, Section, Table};
use nianbao_core::rules::{self, Claim, Status, Term};
use nianbao_core::{Analysis, Cell, Diagnostic, Number, SectionKey, TableFormat, TableKind, ir};
use nianbao_view::{CrossYearLine, IndexEntry, IndexOptions, PageOptions, index_page, report_page};

/// Every template row of a table in a format, each cell `value(row, column)`.
fn full_table(
    kind: TableKind,
    format: Option<TableFormat>,
    value: impl Fn(&str, &str) -> &'static str,
) -> Table {
    let mut t = Table::new(kind, format);
    for spec in kind.rows(format) {
        let mut row = Row::new(Some(spec.key), spec.label);
        for c in spec.columns {
            row = row.with_cell(c.key, Cell::parse(value(spec.key, c.key), c.kind));
        }
        t.rows.push(row);
    }
    t
}

/// A report of a format whose every count is 0, with findings checked.
fn report(format: TableFormat) -> Analysis {
    let mut a = Analysis::default();
    a.report.meta.title = Some("示例县2021年政府信息公开工作年度报告".into());
    a.report.meta.agency = Some("示例县人民政府".into());
    a.report.meta.year = Some(2021);
    for kind in TableKind::ALL {
        let f = (kind != TableKind::ReviewLitigation).then_some(format);
        *a.report.table_slot(kind) = Some(full_table(kind, f, |_, _| "0"));
    }
    a.findings = rules::check(&a.report);
    a
}

/// A term at a path with a value: one of the analysis's findings' terms with its
/// fields set (nothing here depends on how the core lets a `Term` be built).
fn term(a: &Analysis, path: &str, n: i64) -> Term {
    let mut t = a.findings[0].left_terms[0].clone();
    t.path = path.into();
    t.value = Some(Number::from(n));
    t
}

/// The sections the recognizer finds in these lines.
fn sections(lines: &[&str]) -> Vec<Section> {
    let mut doc = ir::Document::default();
    for (i, line) in lines.iter().enumerate() {
        doc.push_paragraph(*line, ir::Pos::line(u32::try_from(i).unwrap() + 1));
    }
    nianbao_core::recognize(&doc).report.sections
}

/// The `<td …>` start tags of value cells, in page order.
fn value_cells(page: &str) -> Vec<&str> {
    page.match_indices("<td id=\"cell-")
        .map(|(i, _)| {
            let rest = &page[i..];
            &rest[..rest.find('>').unwrap() + 1]
        })
        .collect()
}

fn count(page: &str, needle: &str) -> usize {
    page.matches(needle).count()
}

#[test]
fn the_2021_layout() {
    let page = report_page(&report(TableFormat::Format2021), &PageOptions::default());
    // Table 2: six rows of four blocks; 3 + 3 + 1 + 1 + 1 + 1 cells.
    assert_eq!(count(&page, "data-path=\"active_disclosure."), 10);
    for label in [
        "本年制发件数",
        "本年收费金额（单位：万元）",
        "第二十条第（八）项",
    ] {
        assert!(page.contains(label), "{label}");
    }
    assert!(!page.contains("本年新制作数量") && !page.contains("政府集中采购"));
    // Table 3: 25 rows of 7; （六） is a group of three rows.
    assert_eq!(count(&page, "data-path=\"applications."), 175);
    assert!(page.contains("<th class=\"group\" rowspan=\"3\">（六）其他处理</th>"));
    assert!(page.contains("<th class=\"group\" rowspan=\"8\">（三）不予公开</th>"));
    assert!(page.contains("<th class=\"group\" rowspan=\"22\">三、本年度办理结果</th>"));
    // Table 4: the two-level header, one row of 15.
    assert_eq!(count(&page, "data-path=\"review_litigation."), 15);
    assert!(page.contains("<th colspan=\"5\">行政复议</th><th colspan=\"10\">行政诉讼</th>"));
    assert!(
        page.contains("<th colspan=\"5\">未经复议直接起诉</th><th colspan=\"5\">复议后起诉</th>")
    );
    // Nothing failed, so nothing is highlighted; each cell once.
    assert_eq!(count(&page, " failed\""), 0);
    let cells = value_cells(&page);
    assert_eq!(cells.len(), 200);
    let mut ids: Vec<&str> = cells.iter().map(|t| t.split('"').nth(1).unwrap()).collect();
    ids.sort_unstable();
    ids.dedup();
    assert_eq!(ids.len(), 200);
}

#[test]
fn the_2019_layout() {
    let page = report_page(&report(TableFormat::Trial2019), &PageOptions::default());
    // Table 2: 8 rows, five blocks; procurement and fees have two columns.
    assert_eq!(count(&page, "data-path=\"active_disclosure."), 22);
    for label in [
        "本年新制作数量",
        "上一年项目数量",
        "本年增/减",
        "政府集中采购",
        "第二十条第（九）项",
    ] {
        assert!(page.contains(label), "{label}");
    }
    // The last of two values spans two grid columns, as in the template.
    assert!(page.contains(
        "<td id=\"cell-active_disclosure.procurement.amount_wan_yuan\" class=\"v number\" colspan=\"2\""
    ));
    // Table 3: 23 rows; （六）其他处理 is one row in the results group, no 2021 rows.
    assert_eq!(count(&page, "data-path=\"applications."), 161);
    assert!(page.contains("<th class=\"label\" colspan=\"2\">（六）其他处理</th>"));
    assert!(!page.contains("overdue_fee"));
    assert!(page.contains("<th class=\"group\" rowspan=\"20\">三、本年度办理结果</th>"));
}

#[test]
fn missing_rows_and_tables_are_said_so_and_extra_rows_kept() {
    let mut a = report(TableFormat::Format2021);
    let t = a.report.active_disclosure.as_mut().unwrap();
    t.rows.retain(|r| r.key.as_deref() != Some("licensing"));
    t.rows.insert(
        2,
        Row::new(None, "其他主动公开文件").with_cell("issued", Cell::number(Number::from(4))),
    );
    a.report.review_litigation = None;
    let page = report_page(&a, &PageOptions::default());
    assert!(page.contains("<tr class=\"missing-row\" title=\"this row is not in the report\"><th class=\"label\">行政许可</th><td class=\"missing\" colspan=\"3\"></td>"));
    // The extra row is the third row of the source, between the two template rows.
    let extra = page
        .find("data-path=\"active_disclosure.rows[2].issued\"")
        .unwrap();
    let normative = page
        .find("data-path=\"active_disclosure.normative_documents.issued\"")
        .unwrap();
    let licensing = page.find("行政许可").unwrap();
    assert!(normative < extra && extra < licensing);
    assert!(page.contains("Table “政府信息公开行政复议、行政诉讼情况” was not found."));
    assert!(
        page.contains("（not found in the report）") || page.contains("(not found in the report)")
    );
}

#[test]
fn blanks_placeholders_text_and_annotations_show_as_printed() {
    let mut a = report(TableFormat::Format2021);
    let t = a.report.active_disclosure.as_mut().unwrap();
    let row = &mut t.rows[1];
    row.cells[0].1 = Cell::parse("", ColumnKind::Count);
    row.cells[1].1 = Cell::parse("——", ColumnKind::Count);
    row.cells[2].1 = Cell::parse("22（其中修订 16 件）", ColumnKind::Count);
    t.rows[5].cells[0].1 = Cell::parse("见附件", ColumnKind::Money);
    let page = report_page(&a, &PageOptions::default());
    let td = |path: &str| {
        let start = page.find(&format!("<td id=\"cell-{path}\"")).unwrap();
        &page[start..start + page[start..].find("</td>").unwrap()]
    };
    let blank = td("active_disclosure.normative_documents.issued");
    assert!(
        blank.contains("class=\"v blank\"")
            && blank.ends_with('>')
            && !blank.contains("data-value")
    );
    let ph = td("active_disclosure.normative_documents.repealed");
    assert!(ph.ends_with("<span class=\"ph\">——</span>"), "{ph}");
    let ann = td("active_disclosure.normative_documents.in_force");
    assert!(ann.contains("data-value=\"22\""), "{ann}");
    assert!(
        ann.ends_with("<span class=\"num\">22</span><span class=\"ann\">（其中修订 16 件）</span>"),
        "{ann}"
    );
    assert!(ann.contains("printed: 22（其中修订 16 件）"));
    let text = td("active_disclosure.fees.amount_wan_yuan");
    assert!(
        text.ends_with("<span class=\"txt\">见附件</span>"),
        "{text}"
    );
}

#[test]
fn failed_cells_are_highlighted_with_the_rule_on_hover() {
    let mut a = report(TableFormat::Format2021);
    let t = a.report.review_litigation.as_mut().unwrap();
    t.rows[0].cells[4].1 = Cell::number(Number::from(3));
    a.findings = rules::check(&a.report);
    let page = report_page(&a, &PageOptions::default());
    let failed: Vec<&str> = value_cells(&page)
        .into_iter()
        .filter(|t| t.contains(" failed\""))
        .collect();
    assert_eq!(failed.len(), 5, "{failed:#?}");
    assert!(failed[4].contains("data-path=\"review_litigation.review.total\""));
    assert!(failed[4].contains(
        "title=\"review_litigation.group_total [review]: 3 = 0 + 0 + 0 + 0 — FAILED (3 ≠ 0)"
    ));
    // The findings table lists it first, with links to its cells.
    let findings = &page[page.find("<section id=\"findings\">").unwrap()..];
    let first = &findings[findings.find("<tr id=").unwrap()..];
    assert!(first.starts_with("<tr id=\"finding-"), "{first}");
    assert!(
        first[..first.find("</tr>").unwrap()]
            .contains("href=\"#cell-review_litigation.review.total\"")
    );
    assert!(page.contains("<dd class=\"bad\">"));
}

#[test]
fn narrative_figures_are_marked_by_characters() {
    let mut a = report(TableFormat::Format2021);
    a.report.preamble = vec!["前言".into()];
    a.report.sections = sections(&["一、总体情况", "全年共收到申请１２件，上年结转3件。"]);
    let cell = |n: i64| term(&a, "applications.new_received.total", n);
    let stated = |n: i64| term(&a, "text", n);
    let mut f = rules::Finding::evaluate(
        "text.new_received",
        "total",
        vec![stated(12)],
        vec![cell(0)],
    );
    // 全年共收到申请 is 7 characters (21 bytes): the figure is characters 7..9.
    f.claim = Some(Claim::new(
        Some(SectionKey::Overview),
        0,
        7,
        9,
        "１２",
        "全年共收到申请１２件",
    ));
    let mut g =
        rules::Finding::evaluate("text.carried_over", "total", vec![stated(0)], vec![cell(0)]);
    g.claim = Some(Claim::new(
        Some(SectionKey::Overview),
        0,
        15,
        16,
        "3",
        "上年结转3件",
    ));
    let mut lost = rules::Finding::evaluate("text.lost", "total", vec![stated(0)], vec![cell(0)]);
    lost.claim = Some(Claim::new(
        Some(SectionKey::Overview),
        5,
        0,
        1,
        "9",
        "不在此处",
    ));
    a.findings.push(f);
    a.findings.push(g);
    a.findings.push(lost);
    let n = a.findings.len() - 1;
    let page = report_page(&a, &PageOptions::default());
    let failed = format!(
        "<p>全年共收到申请<mark id=\"claim-{}\" class=\"claim failed\" data-rule=\"text.new_received\"",
        n - 2
    );
    assert!(page.contains(&failed), "{page}");
    assert!(page.contains(">１２</mark>件，上年结转<mark id=\""));
    assert!(page.contains("class=\"claim passed\" data-rule=\"text.carried_over\""));
    assert!(page.contains(">3</mark>件。</p>"));
    // The findings table: the figure (a link to it), then its cell; a figure whose
    // paragraph is not there is listed without a link.
    assert!(page.contains(&format!(
        "<td class=\"terms\"><a href=\"#claim-{}\">１２</a> = <a href=\"#cell-applications.new_received.total\"",
        n - 2
    )));
    assert!(page.contains("<span title=\"its place in the narrative was not found\">9</span> = "));
    assert!(!page.contains(&format!("#claim-{n}\"")));
    // The claim's cell is highlighted as any failed term is.
    assert!(
        page.contains("<td id=\"cell-applications.new_received.total\" class=\"v number failed\"")
    );
}

#[test]
fn everything_from_the_source_is_escaped() {
    let mut a = report(TableFormat::Format2021);
    a.report.meta.agency = Some("<script>alert('agency')</script>".into());
    a.report.meta.title = Some("标题</title><script>x</script>".into());
    a.report.preamble = vec!["<img src=x onerror=alert(1)>".into()];
    let t = a.report.active_disclosure.as_mut().unwrap();
    t.rows.push(
        Row::new(None, "<script>alert(\"label\")</script>")
            .with_cell("issued", Cell::parse("<b>1</b>", ColumnKind::Count)),
    );
    t.notes.push("注：\"><script>".into());
    a.report.other_tables = vec![vec![vec!["<iframe>".into()]]];
    a.diagnostics
        .push(Diagnostic::warning("x", "<script>diag</script>", None));
    let page = report_page(&a, &PageOptions::default());
    for bad in ["<script", "<img", "<iframe", "<b>"] {
        assert!(!page.contains(bad), "{bad}");
    }
    assert!(page.contains("&lt;script&gt;alert(&quot;label&quot;)&lt;/script&gt;"));
    assert!(page.contains("<title>标题&lt;/title&gt;&lt;script&gt;x&lt;/script&gt;</title>"));
    // Nothing is fetched: the policy forbids it, and the page names no URL.
    assert!(page.contains("content=\"default-src 'none'; style-src 'unsafe-inline'"));
    for external in ["http:", "https:", "src=\"", "<link"] {
        assert!(!page.contains(external), "{external}");
    }
}

#[test]
fn the_same_analysis_gives_the_same_bytes_and_size_is_linear() {
    let a = report(TableFormat::Format2021);
    assert_eq!(
        report_page(&a, &PageOptions::default()),
        report_page(&a, &PageOptions::default())
    );
    let with_extra = |n: usize| {
        let mut a = report(TableFormat::Format2021);
        let t = a.report.applications.as_mut().unwrap();
        for i in 0..n {
            t.rows.push(
                Row::new(None, format!("其他{i}"))
                    .with_cell("total", Cell::number(Number::from(1))),
            );
        }
        report_page(&a, &PageOptions::default()).len()
    };
    let (base, one, two) = (with_extra(0), with_extra(1000), with_extra(2000));
    let (d1, d2) = (one - base, two - one);
    // Each thousand rows costs the same (± the digits of their index).
    assert!(d2 >= d1 && d2 - d1 < d1 / 10, "{base} {one} {two}");
}

#[test]
fn the_index_sorts_and_says_when_there_are_no_cross_year_pairs() {
    let a = report(TableFormat::Format2021);
    let mut b = report(TableFormat::Trial2019);
    b.report.meta.agency = Some("<b>乙</b>".into());
    let entries = [
        IndexEntry::of("html/a%20b.txt.html", "in/a b.txt", &a),
        IndexEntry::of("html/c.txt.html", "in/c.txt", &b),
    ];
    let page = index_page(&entries, &[], &IndexOptions::default());
    assert!(page.contains("<a href=\"html/a%20b.txt.html\">in/a b.txt</a>"));
    assert!(page.contains("&lt;b&gt;乙&lt;/b&gt;"));
    assert!(page.contains("No cross-year pairs"));
    assert!(page.contains("<th data-type=\"number\">new_requests</th>"));
    assert_eq!(
        count(&page, "<script>"),
        1,
        "only the page's own sorting script"
    );
    assert!(page.contains("script-src 'unsafe-inline'"));

    let mut line = CrossYearLine::new(
        "示例县人民政府",
        2022,
        2021,
        "cross_year.carry",
        "total",
        Status::Failed,
    );
    line.left = "5".into();
    line.right = "4".into();
    line.source = "in/2022.txt".into();
    line.previous_source = "in/2021.txt".into();
    line.href = Some("html/in/2022.txt.html".into());
    let page = index_page(&entries, &[line], &IndexOptions::default());
    assert!(!page.contains("No cross-year pairs"));
    assert!(page.contains("<td>cross_year.carry</td><td>total</td><td>failed</td>"));
    assert!(
        page.contains("<a href=\"html/in/2022.txt.html\">in/2022.txt</a></td><td>in/2021.txt</td>")
    );
}
