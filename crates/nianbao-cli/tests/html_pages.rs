//! `nianbao check --html` and `nianbao batch --html`: the pages the library makes, where
//! they go, the index with a link to each, usage errors before any work.

mod common;

use std::fs;
use std::path::Path;

use common::*;
use pretty_assertions::assert_eq;

const COUNTY: &str = "reports/county/示例县人民政府-2021.txt";
const BROKEN: &str = "reports/departments/示例县交通运输局-2022.txt";

/// The files an index links to: the `href` of its `<a>` elements, anchors within the
/// page left out, percent-decoded.
fn pages_linked(index: &str) -> Vec<String> {
    index
        .split("<a href=\"")
        .skip(1)
        .map(|s| &s[..s.find('"').unwrap()])
        .filter(|h| !h.starts_with('#'))
        .map(decode)
        .collect()
}

/// A link's target: percent-decoded (the index encodes every byte but `[A-Za-z0-9-._~]`).
fn decode(href: &str) -> String {
    let bytes = href.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' {
            out.push(u8::from_str_radix(&href[i + 1..i + 3], 16).unwrap());
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    String::from_utf8(out).unwrap()
}

#[test]
fn check_html_writes_the_librarys_page_of_one_report() {
    let root = scratch("html-check-one");
    let input = fixtures().join(BROKEN);
    let out = run_in(
        &root,
        &["check", "--html", "page.html", input.to_str().unwrap()],
    );
    assert_eq!(out.status.code(), Some(0), "{out:?}");
    // The account is printed as without --html.
    assert!(String::from_utf8_lossy(&out.stdout).contains("review_litigation.group_total"));
    let page = fs::read_to_string(root.join("page.html")).unwrap();
    let analysis = nianbao::read_path(&input).unwrap();
    let expected = nianbao::view::report_page(&analysis, &Default::default());
    assert!(page == expected, "the page is the library's");
    assert!(page.contains(" failed\" data-path=\"review_litigation.review.total\""));

    // An existing page is not replaced without --force; an input never.
    let again = run_in(
        &root,
        &["check", "--html", "page.html", input.to_str().unwrap()],
    );
    assert_eq!(again.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&again.stderr).contains("--force"));
    let forced = run_in(
        &root,
        &[
            "check",
            "--force",
            "--html",
            "page.html",
            input.to_str().unwrap(),
        ],
    );
    assert_eq!(forced.status.code(), Some(0));
    fs::copy(&input, root.join("in.txt")).unwrap();
    let onto = run_in(&root, &["check", "--force", "--html", "in.txt", "in.txt"]);
    assert_eq!(onto.status.code(), Some(2));
    assert_eq!(
        fs::read(root.join("in.txt")).unwrap(),
        fs::read(&input).unwrap()
    );
}

#[test]
fn check_html_with_several_files_writes_a_folder_and_an_index() {
    let root = scratch("html-check-several");
    copy_tree(&fixtures(), &root.join("in"));
    let out = run_in(
        &root,
        &[
            "check",
            "--html",
            "pages",
            &format!("in/{COUNTY}"),
            &format!("in/{BROKEN}"),
            "in/bad/meeting-notice.txt",
        ],
    );
    assert_eq!(out.status.code(), Some(0), "{out:?}");
    let mut names: Vec<String> = fs::read_dir(root.join("pages"))
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .collect();
    names.sort();
    // The non-report is skipped: no page, not in the index.
    assert_eq!(
        names,
        [
            "index.html",
            "示例县交通运输局-2022.txt.html",
            "示例县人民政府-2021.txt.html"
        ]
    );
    let index = fs::read_to_string(root.join("pages/index.html")).unwrap();
    let targets = pages_linked(&index);
    assert_eq!(
        targets,
        [
            "示例县人民政府-2021.txt.html",
            "示例县交通运输局-2022.txt.html"
        ]
    );
    assert!(index.contains("review_litigation.group_total"));
    assert!(index.contains("No cross-year pairs"));
    // Each page links back to the index.
    let page = fs::read_to_string(root.join("pages/示例县人民政府-2021.txt.html")).unwrap();
    assert!(page.contains("<a href=\"index.html\">"));

    // Two inputs of one name would share a page: refused before any work.
    fs::create_dir_all(root.join("other")).unwrap();
    fs::copy(
        root.join("in").join(COUNTY),
        root.join("other/示例县人民政府-2021.txt"),
    )
    .unwrap();
    let clash = run_in(
        &root,
        &[
            "check",
            "--html",
            "pages2",
            &format!("in/{COUNTY}"),
            "other/示例县人民政府-2021.txt",
        ],
    );
    assert_eq!(clash.status.code(), Some(2));
    assert!(!root.join("pages2").exists());
}

#[test]
fn batch_html_writes_a_page_per_report_and_the_index() {
    let root = scratch("html-batch");
    copy_tree(&fixtures(), &root.join("in"));
    let run = || run_in(&root, &["batch", "in", "-o", "out", "--html", "-q"]);
    let out = run();
    // The corrupt .docx and the empty file fail: exit 1, as without --html.
    assert_eq!(out.status.code(), Some(1), "{out:?}");
    let out_dir = root.join("out");
    let index = fs::read_to_string(out_dir.join("index.html")).unwrap();
    let pages = pages_linked(&index);
    assert_eq!(
        pages,
        [
            "html/in/reports/county/示例县人民政府-2021.txt.html",
            "html/in/reports/departments/示例县交通运输局-2022.txt.html",
            "html/in/reports/towns/示例镇-2023.tika.txt.html",
        ]
    );
    for rel in &pages {
        let page = fs::read_to_string(out_dir.join(rel)).unwrap();
        // Beside the JSON output of the same report, and the same report.
        let json = rel.strip_prefix("html/").unwrap().replace(".html", ".json");
        let analysis =
            nianbao::json::from_str(&fs::read_to_string(out_dir.join(&json)).unwrap()).unwrap();
        let title = analysis.report.meta.title.unwrap();
        assert!(page.contains(&format!("<h1>{title}</h1>")), "{rel}");
        assert!(
            page.contains("<a href=\"../../../../index.html\">"),
            "{rel}"
        );
    }
    // No page for what failed or was skipped.
    assert!(!out_dir.join("html/in/bad").exists());

    // --resume: pages are outputs like the others, kept when up to date.
    let before = fs::metadata(out_dir.join(&pages[0]))
        .unwrap()
        .modified()
        .unwrap();
    let again = run_in(
        &root,
        &["batch", "in", "-o", "out", "--html", "-q", "--resume"],
    );
    assert_eq!(again.status.code(), Some(1));
    let after = fs::metadata(out_dir.join(&pages[0]))
        .unwrap()
        .modified()
        .unwrap();
    assert_eq!(before, after);
    assert_eq!(
        fs::read_to_string(out_dir.join("index.html")).unwrap(),
        index
    );
    // Without --html nothing of the pages is touched or required.
    let plain = run_in(&root, &["batch", "in", "-o", "out2", "-q"]);
    assert_eq!(plain.status.code(), Some(1));
    assert!(!Path::new(&root.join("out2/index.html")).exists());
    assert!(!root.join("out2/html").exists());
}
