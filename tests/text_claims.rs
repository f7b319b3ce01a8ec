//! The figures the narrative of every real report of `testdata/corpus` states, each
//! with its expected status against the tables (the `text.*` rules), and the fixtures
//! of `testdata/text/`. The expectations were written by reading each report's text
//! and tables (see each case's comment), not copied from the program's output.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]

mod common;

use std::path::Path;

use nianbao::rules::Status;
use nianbao::rules::text::{Outcome, StatedFigure, Why, claims};

/// A figure as one line: `overview:2 3050件 → applications.results.total.total passed
/// (3050)`, or `→ approximate` and the other reasons for not comparing.
fn line(c: &StatedFigure) -> String {
    let place = c.claim.section.map_or("preamble", |s| s.key());
    let outcome = match &c.outcome {
        Outcome::Compared(f) => {
            let status = match f.status {
                Status::Passed => "passed",
                Status::Failed => "failed",
                Status::NotAssessable => "not assessable",
            };
            let table = f.right.map_or("null".to_owned(), |n| n.to_string());
            format!("{} {status} ({table})", f.instance)
        }
        Outcome::NotCompared(why) => why.to_string(),
        _ => "unknown outcome".to_owned(),
    };
    format!(
        "{place}:{} {}{} → {outcome}",
        c.claim.paragraph, c.claim.text, c.unit_text
    )
}

fn read(path: &Path) -> Vec<StatedFigure> {
    claims(&nianbao::read_path(path).unwrap().report)
}

/// Checks the figures of a corpus file: those not dismissed as naming no cell, line
/// by line, and how many figures there are in all.
fn corpus_case(name: &str, total: usize, expected: &[&str]) {
    case(&common::corpus().join(name), total, expected);
}

/// Checks the figures of a report: see [`corpus_case`].
fn case(path: &Path, total: usize, expected: &[&str]) {
    let name = path.display();
    let figures = read(path);
    let named: Vec<String> = figures
        .iter()
        .filter(|c| !matches!(c.outcome, Outcome::NotCompared(Why::NoCell)))
        .map(line)
        .collect();
    pretty_assertions::assert_eq!(named, expected, "{name}");
    assert_eq!(
        figures.len(),
        total,
        "{name}: {:#?}",
        figures.iter().map(line).collect::<Vec<_>>()
    );
    // Every figure compared is a text.* finding of the analysis, and no other is.
    let analysis = nianbao::read_path(path).unwrap();
    let text_findings: Vec<_> = analysis
        .findings
        .iter()
        .filter(|f| f.rule.starts_with("text."))
        .collect();
    let compared: Vec<_> = figures.iter().filter_map(StatedFigure::finding).collect();
    assert_eq!(text_findings, compared, "{name}");
}

const ONE_AND_BOTH: &str =
    "could be any of applications.new_received.total, applications.new_received+carried_over.total";

/// 淮安市 2024, overview （二）: "全市共受理政府信息公开申请 3119 件，答复 3050 件（含上年度
/// 结转申请 34 件，另有 103 件顺延到下年度答复）… 政府信息公开行政复议 351件，其中结果维持
/// 72 件，结果纠正 64 件，其他结果 178 件，尚未审结 37 件；政府信息公开行政诉讼 46 件，其中
/// 结果维持 25件，结果纠正 5 件，其他结果 9 件，尚未审结 7 件"; the tables: 新收 3119, 上年
/// 结转 34, 办结 3050, 结转 103; 复议 72|64|178|37|351; 诉讼 直接 13|4|8|1|26 + 复议后
/// 12|1|1|6|20. 受理 3119 is the 新收 figure here, but with 34 carried over 受理 could
/// count them: not compared. 规章 1 件 (新增公开, not 制发), 政策性文件 11 件, 政策解读 21 个,
/// 95 个, 4 次 and 信息处理费 3940 元 name no cell; 5500 余条 is approximate.
const HUAIAN: [&str; 15] = [
    "5500条 → approximate",
    "3119件 → could be any of applications.new_received.total, applications.new_received+carried_over.total",
    "3050件 → applications.results.total.total passed (3050)",
    "34件 → applications.carried_over.total passed (34)",
    "103件 → applications.carried_forward.total passed (103)",
    "351件 → review_litigation.review.total passed (351)",
    "72件 → review_litigation.review.upheld passed (72)",
    "64件 → review_litigation.review.corrected passed (64)",
    "178件 → review_litigation.review.other passed (178)",
    "37件 → review_litigation.review.pending passed (37)",
    "46件 → review_litigation.litigation.total passed (46)",
    "25件 → review_litigation.litigation.upheld passed (25)",
    "5件 → review_litigation.litigation.corrected passed (5)",
    "9件 → review_litigation.litigation.other passed (9)",
    "7件 → review_litigation.litigation.pending passed (7)",
];

fn placed(places: &[&str], lines: &[&str]) -> Vec<String> {
    assert_eq!(places.len(), lines.len());
    places
        .iter()
        .zip(lines)
        .map(|(p, l)| format!("{p} {l}"))
        .collect()
}

#[test]
fn huaian_2024_in_three_formats() {
    let mut places = vec!["overview:1"];
    places.extend(["overview:2"; 14]);
    let docx = placed(&places, &HUAIAN);
    let refs: Vec<&str> = docx.iter().map(String::as_str).collect();
    corpus_case("huaian-2024.docx", 21, &refs);
    corpus_case("huaian-2024.pdf", 21, &refs);
    // pdftotext -layout: one paragraph per printed line, figures placed in the line
    // they stand on (the lines are read on into each other).
    let layout = placed(
        &[
            "overview:6",
            "overview:18",
            "overview:19",
            "overview:19",
            "overview:19",
            "overview:20",
            "overview:21",
            "overview:21",
            "overview:21",
            "overview:22",
            "overview:22",
            "overview:22",
            "overview:23",
            "overview:23",
            "overview:23",
        ],
        &HUAIAN,
    );
    let refs: Vec<&str> = layout.iter().map(String::as_str).collect();
    corpus_case("huaian-2024.pdftotext-layout.txt", 21, &refs);
}

/// 平潭综合实验区 2022: "集中公开现行有效行政规范性文件698件，动态更新本年度制发的规范性文件
/// 88件" — the table's glued '8855698' was split by these very figures
/// (stated_in_text), so they are no evidence: not assessable. "收到政府信息公开申请75件"
/// counts the 1 carried-over case (新收 74): not compared. "共有行政诉讼案件1件、行政复议
/// 案件2件": table 4 has 复议 2, 诉讼 1 + 0.
#[test]
fn pingtan_2022() {
    corpus_case(
        "pingtan-zhsyq-2022.crawl.txt",
        14,
        &[
            "overview:0 698件 → active_disclosure.normative_documents.in_force not assessable (698)",
            "overview:0 88件 → active_disclosure.normative_documents.issued not assessable (88)",
            &format!("overview:0 75件 → {ONE_AND_BOTH}"),
            "overview:0 1件 → review_litigation.litigation.total passed (1)",
            "overview:0 2件 → review_litigation.review.total passed (2)",
        ],
    );
}

/// 平潭综合实验区 2024: "本年度制发行政规范性文件62件"; the page's table has 62|33|440,
/// the crawl export's glued '6233440' stays blank (not assessable). "全年办理政府信息公开
/// 申请218件": 办理 names no cell.
#[test]
fn pingtan_2024_page_and_crawl() {
    corpus_case(
        "pingtan-zhsyq-2024.html",
        4,
        &["overview:3 62件 → active_disclosure.normative_documents.issued passed (62)"],
    );
    corpus_case(
        "pingtan-zhsyq-2024.crawl.txt",
        4,
        &["overview:0 62件 → active_disclosure.normative_documents.issued not assessable (null)"],
    );
}

/// 平潭综合实验区 2019 (2019 format): dozens of 条 counts of published information, none
/// a table cell; "1000余条" approximate.
#[test]
fn pingtan_2019() {
    corpus_case(
        "pingtan-zhsyq-2019.crawl.txt",
        42,
        &["overview:0 1000条 → approximate"],
    );
}

/// The legacy reports (2013, 2017): no national tables. 2013 "共收到有关政府信息公开的申请
/// 7条" and "答复总数3条" would be table-3 totals; "其它公开答复数1条" and "同意公开答复数2条"
/// are parts. 2017 states only published-information counts. 2020 (乡宁县双鹤乡) states
/// none ("一项" of section 五).
#[test]
fn legacy_reports_and_a_report_without_figures() {
    corpus_case(
        "pingtan-xianzf-2013.crawl.txt",
        25,
        &[
            "applications:0 7条 → the report has no national tables",
            "applications:0 3条 → the report has no national tables",
        ],
    );
    corpus_case("pingtan-zhsyq-2017.crawl.txt", 46, &[]);
    corpus_case("xiangning-shuanghe-2020.tika.txt", 1, &[]);
}

/// Every real report with an expected.json is one of the cases above.
#[test]
fn every_corpus_report_is_listed() {
    let mut names: Vec<String> = std::fs::read_dir(common::corpus())
        .unwrap()
        .filter_map(|e| {
            let name = e.unwrap().file_name().to_string_lossy().into_owned();
            name.strip_suffix(".expected.json").map(str::to_owned)
        })
        .collect();
    names.sort();
    assert_eq!(
        names,
        [
            "huaian-2024.docx",
            "huaian-2024.pdf",
            "huaian-2024.pdftotext-layout.txt",
            "pingtan-xianzf-2013.crawl.txt",
            "pingtan-zhsyq-2017.crawl.txt",
            "pingtan-zhsyq-2019.crawl.txt",
            "pingtan-zhsyq-2022.crawl.txt",
            "pingtan-zhsyq-2024.crawl.txt",
            "pingtan-zhsyq-2024.html",
            "xiangning-shuanghe-2020.tika.txt",
        ]
    );
}

/// The crawl fixture whose glued 行政规范性文件 run is split by the prose's 制发 12件 and
/// 现行有效 567件 (so those are no evidence: not assessable; 567 stands in a clause
/// with 清理, which no pattern takes) and whose prose states 行政许可处理决定 1600件 and
/// 规章制发 5件 against the table's printed 1520 and 0: two failed findings. 受理 13件
/// with 1 carried over is not compared.
#[test]
fn crawl_fixture_whose_prose_disagrees() {
    case(
        &common::testdata().join("crawl/stated-2021.crawl.txt"),
        6,
        &[
            &format!("overview:0 13件 → {ONE_AND_BOTH}"),
            "overview:0 12件 → active_disclosure.normative_documents.issued not assessable (12)",
            "overview:0 1600件 → active_disclosure.licensing.decisions failed (1520)",
            "overview:0 5件 → active_disclosure.regulations.issued failed (0)",
        ],
    );
}

/// A fixture of `testdata/text/`: every figure, line by line.
fn fixture(name: &str, expected: &[&str]) {
    let path = common::testdata().join("text").join(name);
    let lines: Vec<String> = read(&path).iter().map(line).collect();
    pretty_assertions::assert_eq!(lines, expected, "{name}");
    // The table rules all hold: the only failed rules are text.* ones.
    let analysis = nianbao::read_path(&path).unwrap();
    for f in &analysis.findings {
        assert!(
            f.status != Status::Failed || f.rule.starts_with("text."),
            "{name}: {}",
            f.describe()
        );
    }
}

#[test]
fn text_and_tables_agree() {
    fixture(
        "agree-2023.pipe.txt",
        &[
            "overview:1 一千条 → approximate",
            "overview:1 12件 → active_disclosure.normative_documents.issued passed (12)",
            "overview:1 3件 → active_disclosure.normative_documents.repealed passed (3)",
            "overview:1 48件 → active_disclosure.normative_documents.in_force passed (48)",
            "overview:1 15件 → active_disclosure.regulations.in_force passed (15)",
            "overview:1 1520件 → active_disclosure.licensing.decisions passed (1520)",
            "overview:1 230件 → active_disclosure.punishment.decisions passed (230)",
            "overview:1 17件 → active_disclosure.coercion.decisions passed (17)",
            "overview:1 12.35万元 → active_disclosure.fees.amount_wan_yuan passed (12.35)",
            "overview:2 134件 → applications.new_received.total passed (134)",
            "overview:2 6件 → applications.carried_over.total passed (6)",
            "overview:2 132件 → applications.results.total.total passed (132)",
            "overview:2 8件 → applications.carried_forward.total passed (8)",
            "overview:2 140件 → applications.new_received+carried_over.total passed (140)",
            "overview:2 6件 → applications.carried_over.total passed (6)",
            "overview:3 5件 → review_litigation.review.total passed (5)",
            "overview:3 3件 → review_litigation.review.upheld passed (3)",
            "overview:3 4件 → review_litigation.litigation.total passed (4)",
        ],
    );
}

#[test]
fn each_kind_of_disagreement() {
    fixture(
        "disagree-2023.pipe.txt",
        &[
            "overview:1 50件 → active_disclosure.normative_documents.in_force failed (48)",
            "overview:1 123400元 → active_disclosure.fees.amount_wan_yuan failed (12.35)",
            "overview:2 135件 → applications.new_received.total failed (134)",
            "overview:2 7件 → applications.carried_over.total failed (6)",
            "overview:2 132件 → applications.results.total.total passed (132)",
            "overview:2 9件 → applications.carried_forward.total failed (8)",
            "overview:3 6件 → review_litigation.review.total failed (5)",
            "overview:3 3件 → review_litigation.litigation.total failed (4)",
            "overview:3 2件 → review_litigation.litigation.upheld failed (3)",
        ],
    );
    // A failed finding carries both numbers, the cells and the sentence.
    let path = common::testdata().join("text/disagree-2023.pipe.txt");
    let analysis = nianbao::read_path(&path).unwrap();
    let fees = analysis
        .findings
        .iter()
        .find(|f| f.instance == "active_disclosure.fees.amount_wan_yuan")
        .unwrap();
    assert_eq!(fees.rule, "text.active_disclosure");
    assert_eq!(fees.status, Status::Failed);
    assert_eq!(fees.left.unwrap().to_string(), "12.34");
    assert_eq!(fees.right.unwrap().to_string(), "12.35");
    assert_eq!(fees.left_terms[0].path, "text.overview.1");
    assert_eq!(
        fees.right_terms[0].path,
        "active_disclosure.fees.amount_wan_yuan"
    );
    let claim = fees.claim.as_ref().unwrap();
    assert_eq!(claim.text, "123400");
    assert_eq!(claim.sentence, "行政事业性收费123400元");
    let paragraph = &analysis.report.sections[0].paragraphs[1];
    let printed: String = paragraph
        .chars()
        .skip(claim.start)
        .take(claim.end - claim.start)
        .collect();
    assert_eq!(printed, "123400");
    let failed: Vec<&str> = nianbao::rules::failed_rules(&analysis.findings)
        .into_iter()
        .collect();
    assert_eq!(
        failed,
        [
            "text.active_disclosure",
            "text.applications",
            "text.review_litigation"
        ]
    );
}

#[test]
fn chinese_numerals_and_other_forms() {
    fixture(
        "numerals-2023.pipe.txt",
        &[
            "overview:1 两件 → active_disclosure.regulations.issued passed (2)",
            "overview:1 一件 → active_disclosure.regulations.repealed passed (1)",
            "overview:1 四十八件 → active_disclosure.normative_documents.in_force passed (48)",
            "overview:1 1,520件 → active_disclosure.licensing.decisions passed (1520)",
            "overview:1 ２３０件 → active_disclosure.punishment.decisions passed (230)",
            "overview:1 123500元 → active_disclosure.fees.amount_wan_yuan passed (12.35)",
            "overview:2 一百三十四件 → applications.new_received.total passed (134)",
            "overview:2 六件 → applications.carried_over.total passed (6)",
            "overview:2 一百三十二件 → applications.results.total.total passed (132)",
            "overview:2 八件 → applications.carried_forward.total passed (8)",
            "overview:3 五件 → review_litigation.review.total passed (5)",
            "overview:3 四件 → review_litigation.litigation.total passed (4)",
        ],
    );
}

#[test]
fn approximate_ambiguous_and_other_year_figures_are_not_compared() {
    fixture(
        "refused-2023.pipe.txt",
        &[
            "overview:1 50件 → approximate",
            "overview:1 300件 → qualified by \"累计\"",
            "overview:1 40件 → about another year",
            "overview:2 140件 → approximate",
            "overview:2 130件 → approximate",
            "overview:2 130件 → could be any of applications.new_received.total, applications.results.total.total",
            &format!("overview:2 141件 → {ONE_AND_BOTH}"),
            "overview:2 6件 → applications.carried_over.total passed (6)",
            "overview:2 135件 → its clause states several figures",
            "overview:2 131件 → its clause states several figures",
            "overview:2 120件 → no table cell named",
            "overview:2 99件 → about another year",
            "overview:3 9件 → qualified by \"各\"",
            "overview:3 2件 → about another year",
            "overview:3 2件 → about another year",
            "overview:3 9件 → could be any of review_litigation.review.total, review_litigation.litigation.total",
            "overview:3 526件 → no table cell named",
        ],
    );
}
