//! The HTML pages as a real browser renders them: headless Chromium loads each page
//! (`--dump-dom`), and the DOM it prints is checked against the JSON of the same
//! analysis: every cell of the report is on the page once, with the JSON's value;
//! exactly the cells of failed rules are highlighted; the narrative figures of the
//! `text.*` findings are marked; nothing from the source became markup.
//!
//! Needs Chromium (`chromium`, or the program `NIANBAO_CHROMIUM` names). Without it the
//! tests print why and pass, unless `NIANBAO_BROWSER_TESTS=1` (set by
//! `scripts/browser-test.sh` and CI), which makes a missing browser a failure.
#![cfg(all(feature = "view", feature = "json", feature = "docx", feature = "txt"))]

use std::collections::{BTreeMap, BTreeSet};
use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use nianbao::rules::{Claim, Finding, Term};
use nianbao::view::{PageOptions, report_page};
use nianbao::{Analysis, Number, SectionKey, TableKind};
use serde_json::Value;

/// How long one page may take to load and print.
const TIMEOUT: Duration = Duration::from_secs(90);

/// The browser, or `None` (with the reason printed) when the test is skipped.
fn chromium() -> Option<PathBuf> {
    let required = std::env::var("NIANBAO_BROWSER_TESTS").is_ok_and(|v| v == "1");
    let named = std::env::var_os("NIANBAO_CHROMIUM").map(PathBuf::from);
    let found = named.or_else(|| {
        let path = std::env::var_os("PATH")?;
        std::env::split_paths(&path)
            .flat_map(|dir| ["chromium", "chromium-browser"].map(|n| dir.join(n)))
            .find(|p| p.is_file())
    });
    match found {
        Some(p) => Some(p),
        None if required => {
            panic!("NIANBAO_BROWSER_TESTS=1 but no chromium found (set NIANBAO_CHROMIUM)")
        }
        None => {
            eprintln!(
                "view_browser: skipped, no chromium on PATH (scripts/browser-test.sh installs it)"
            );
            None
        }
    }
}

/// A folder of this test's own, empty.
fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!(
        "nianbao-view-browser-{}-{name}",
        std::process::id()
    ));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// Chromium's flags: headless, and nothing that would reach for a network (a closed
/// network makes it wait otherwise), with a new empty profile.
fn browser(chromium: &Path, profile: &Path) -> Command {
    let mut cmd = Command::new(chromium);
    cmd.args([
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
    ])
    .arg(format!("--user-data-dir={}", profile.display()));
    cmd
}

/// Writes the page and returns the DOM Chromium prints after loading it.
fn rendered_dom(chromium: &Path, page: &str, name: &str) -> String {
    let dir = scratch(name);
    let file = dir.join(format!("{name}.html"));
    std::fs::write(&file, page).unwrap();
    let profile = dir.join("profile");
    let mut child = browser(chromium, &profile)
        .arg("--dump-dom")
        .arg(format!("file://{}", file.display()))
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap_or_else(|e| panic!("starting {}: {e}", chromium.display()));
    let mut stdout = child.stdout.take().unwrap();
    let reader = std::thread::spawn(move || {
        let mut dom = String::new();
        stdout.read_to_string(&mut dom).map(|_| dom)
    });
    let start = Instant::now();
    let status = loop {
        if let Some(status) = child.try_wait().unwrap() {
            break status;
        }
        if start.elapsed() > TIMEOUT {
            let _ = child.kill();
            panic!("chromium did not print the DOM of {name} in {TIMEOUT:?}");
        }
        std::thread::sleep(Duration::from_millis(50));
    };
    let dom = reader.join().unwrap().unwrap();
    assert!(status.success(), "chromium: {status}");
    let _ = std::fs::remove_dir_all(&dir);
    dom
}

/// One element of the DOM as Chromium serializes it.
#[derive(Debug)]
struct Element {
    attrs: BTreeMap<String, String>,
    /// The markup between the start and the end tag.
    inner: String,
}

impl Element {
    fn classes(&self) -> BTreeSet<&str> {
        self.attrs
            .get("class")
            .map(|c| c.split_whitespace().collect())
            .unwrap_or_default()
    }
}

/// The text of character references Chromium writes (`&amp; &lt; &gt; &quot; &nbsp;`).
fn unescape(s: &str) -> String {
    s.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&nbsp;", "\u{a0}")
        .replace("&#39;", "'")
        .replace("&amp;", "&")
}

/// Every `<tag …>…</tag>` of the DOM (not nested in one of the same tag), its
/// attributes read with their quotes (a `>` inside a value does not end the tag).
fn elements(dom: &str, tag: &str) -> Vec<Element> {
    let open = format!("<{tag}");
    let close = format!("</{tag}>");
    let mut out = Vec::new();
    let mut rest = dom;
    while let Some(i) = rest.find(&open) {
        rest = &rest[i + open.len()..];
        if !rest.starts_with([' ', '>']) {
            continue;
        }
        let mut attrs = BTreeMap::new();
        let mut s = rest;
        loop {
            s = s.trim_start();
            if let Some(after) = s.strip_prefix('>') {
                s = after;
                break;
            }
            let name_end = s.find(['=', ' ', '>']).unwrap();
            let name = s[..name_end].to_owned();
            s = &s[name_end..];
            if let Some(after) = s.strip_prefix("=\"") {
                let end = after.find('"').unwrap();
                attrs.insert(name, unescape(&after[..end]));
                s = &after[end + 1..];
            } else {
                attrs.insert(name, String::new());
            }
        }
        let end = s.find(&close).unwrap();
        out.push(Element {
            attrs,
            inner: s[..end].to_owned(),
        });
        rest = &s[end..];
    }
    out
}

/// The text of the first `<span class="num">` inside some markup.
fn number_shown(inner: &str) -> Option<String> {
    let start = inner.find("<span class=\"num\">")? + "<span class=\"num\">".len();
    let end = inner[start..].find("</span>")?;
    Some(unescape(&inner[start..start + end]))
}

/// The JSON value of a cell path: `report.<table>.<row path>.<column>`, or for an
/// extra row `report.layout.<table>.rows[i].values.<column>`.
fn json_value<'a>(json: &'a Value, path: &str) -> &'a Value {
    let report = &json["report"];
    let (table, rest) = path.split_once('.').unwrap();
    if let Some(extra) = rest.strip_prefix("rows[") {
        let (i, column) = extra.split_once("].").unwrap();
        let i: usize = i.parse().unwrap();
        return &report["layout"][table]["rows"][i]["values"][column];
    }
    let mut v = &report[table];
    for part in rest.split('.') {
        v = &v[part];
    }
    v
}

/// What one page showed.
#[derive(Debug)]
struct Figures {
    cells: usize,
    highlighted: usize,
}

/// Renders a page for `analysis`, loads it in Chromium and checks every cell against
/// the JSON of the same analysis.
fn check_page(chromium: &Path, analysis: &Analysis, name: &str) -> (Figures, String) {
    let page = report_page(analysis, &PageOptions::default());
    let dom = rendered_dom(chromium, &page, name);
    let json: Value = serde_json::from_str(&nianbao::json::to_string(analysis)).unwrap();

    // The cells of failed findings, from the JSON.
    let mut failed: BTreeSet<String> = BTreeSet::new();
    for f in json["findings"].as_array().unwrap() {
        if f["status"] == "failed" {
            for side in ["left_terms", "right_terms"] {
                for t in f[side].as_array().unwrap() {
                    failed.insert(t["path"].as_str().unwrap().to_owned());
                }
            }
        }
    }
    // Every cell of the report, from the model (the JSON holds them under their paths).
    let expected: BTreeSet<String> = TableKind::ALL
        .iter()
        .filter_map(|k| analysis.report.table(*k))
        .flat_map(|t| t.cells().map(|(p, _)| p))
        .collect();

    let tds: Vec<Element> = elements(&dom, "td")
        .into_iter()
        .filter(|e| e.attrs.contains_key("data-path"))
        .collect();
    let mut seen = BTreeSet::new();
    let mut highlighted = 0;
    for td in &tds {
        let path = &td.attrs["data-path"];
        assert!(
            seen.insert(path.clone()),
            "{name}: {path} twice on the page"
        );
        assert_eq!(td.attrs.get("id"), Some(&format!("cell-{path}")), "{name}");
        let is_failed = td.classes().contains("failed");
        assert_eq!(
            is_failed,
            failed.contains(path),
            "{name}: {path} highlighted {is_failed}, in a failed finding {}",
            failed.contains(path)
        );
        if is_failed {
            highlighted += 1;
            let title = &td.attrs["title"];
            assert!(title.contains("FAILED"), "{name}: {path}: {title}");
        }
        let value = json_value(&json, path);
        let shown = number_shown(&td.inner);
        match value {
            Value::Number(n) => {
                let shown = shown.unwrap_or_else(|| panic!("{name}: {path}: no number shown"));
                assert_eq!(shown, n.to_string(), "{name}: {path}");
                assert_eq!(
                    td.attrs.get("data-value"),
                    Some(&n.to_string()),
                    "{name}: {path}"
                );
            }
            Value::Null => {
                assert_eq!(shown, None, "{name}: {path}: JSON null, a number shown");
                assert_eq!(td.attrs.get("data-value"), None, "{name}: {path}");
            }
            other => panic!("{name}: {path}: JSON {other}"),
        }
    }
    assert_eq!(
        seen, expected,
        "{name}: the cells on the page are the report's"
    );
    for path in &failed {
        if expected.contains(path) {
            assert!(
                seen.contains(path),
                "{name}: failed cell {path} not on the page"
            );
        }
    }
    (
        Figures {
            cells: tds.len(),
            highlighted,
        },
        dom,
    )
}

#[test]
fn a_clean_real_report_has_every_cell_and_nothing_highlighted() {
    let Some(chromium) = chromium() else { return };
    let analysis = nianbao::read_path("testdata/corpus/huaian-2024.docx").unwrap();
    assert!(nianbao::rules::failed_rules(&analysis.findings).is_empty());
    let (figures, dom) = check_page(&chromium, &analysis, "huaian-2024");
    // The 2021 template: table 2 has 3 + 3 + 1 + 1 + 1 + 1 cells, table 3 25 rows of
    // 7, table 4 three groups of 5.
    assert_eq!(figures.cells, 10 + 175 + 15);
    assert_eq!(figures.highlighted, 0);
    assert!(dom.contains("淮安市人民政府2024年政府信息公开工作年度报告"));
    eprintln!(
        "view_browser: huaian-2024.docx: {} cells checked against the JSON, {} highlighted",
        figures.cells, figures.highlighted
    );
}

#[test]
fn a_report_with_failed_rules_has_exactly_their_cells_highlighted() {
    let Some(chromium) = chromium() else { return };
    let mut analysis = nianbao::read_path("testdata/view/failed-2019.pipe.txt").unwrap();
    let template = analysis.findings[0].left_terms[0].clone();
    // Figures of the narrative, as the text.* rules report them (built by hand here):
    // 13 (new requests) agrees with its cell; 1 (carried over) is compared with the
    // 12 of （七）总计 to make a disagreement. The paragraph: 2019年，示例县审计局共收到
    // 政府信息公开申请13件，上年结转1件。
    let text = |rule: &str, stated: i64, cell: &str, cell_value: i64, start, end, figure| {
        // A term: one of the report's own with its fields set (nothing here depends
        // on how the core lets a `Term` be built).
        let term = |path: &str, n: i64| {
            let mut t: Term = template.clone();
            t.path = path.into();
            t.value = Some(Number::from(n));
            t
        };
        let mut f = Finding::evaluate(
            rule,
            "total",
            vec![term("text", stated)],
            vec![term(cell, cell_value)],
        );
        f.claim = Some(Claim::new(
            Some(SectionKey::Overview),
            0,
            start,
            end,
            figure,
            "sentence",
        ));
        f
    };
    analysis.findings.push(text(
        "text.new_received",
        13,
        "applications.new_received.total",
        13,
        23,
        25,
        "13",
    ));
    analysis.findings.push(text(
        "text.carried_over",
        1,
        "applications.results.total.total",
        12,
        31,
        32,
        "1",
    ));
    let (figures, dom) = check_page(&chromium, &analysis, "failed-2019");
    // Table 2 (2019): 8 template rows (3,3,3,3,3,3,2,2) and the extra row (3); table 3:
    // 23 rows of 7; table 4: 15.
    assert_eq!(figures.cells, 25 + 161 + 15);
    // By hand: balance [commercial] reads 4 cells, column_total [new_received] 7 (one
    // of them the same), group_total [review] 5, the failed text figure 1 (results.total.total).
    assert_eq!(figures.highlighted, 4 + 7 - 1 + 5 + 1);
    // The figures of the narrative are marked, the failed one loudly.
    let marks = elements(&dom, "mark");
    let shown: Vec<(String, String)> = marks
        .iter()
        .map(|m| (m.attrs["class"].clone(), unescape(&m.inner)))
        .collect();
    assert_eq!(
        shown,
        [
            ("claim passed".to_owned(), "13".to_owned()),
            ("claim failed".to_owned(), "1".to_owned())
        ]
    );
    // What the source says in markup is text on the page: no script ran or exists.
    assert!(!dom.contains("<script"), "a script element in the DOM");
    assert!(dom.contains("其他主动公开文件&lt;script&gt;alert(1)&lt;/script&gt;"));
    // Every diagnostic links to a place that exists.
    for a in elements(&dom, "a") {
        if let Some(target) = a.attrs.get("href").and_then(|h| h.strip_prefix('#')) {
            assert!(
                dom.contains(&format!("id=\"{target}\"")),
                "a link to #{target}, which is not on the page"
            );
        }
    }
    eprintln!(
        "view_browser: failed-2019.pipe.txt: {} cells checked against the JSON, {} highlighted",
        figures.cells, figures.highlighted
    );
}
