use super::*;
use crate::catalog::{TableFormat, TableKind};
use crate::model::{Cell, Provenance, Row, Table};
use crate::rules::Status;

/// A table of `kind` holding the given `(row, column, value)` cells.
fn table(kind: TableKind, format: Option<TableFormat>, cells: &[(&str, &str, i64)]) -> Table {
    let mut t = Table::new(kind, format);
    for (row, column, value) in cells {
        let cell = Cell::number(Number::int(*value));
        match t.rows.iter_mut().find(|r| r.key.as_deref() == Some(*row)) {
            Some(r) => r.cells.push(((*column).to_owned().into(), cell)),
            None => t
                .rows
                .push(Row::new(Some(row), *row).with_cell(column, cell)),
        }
    }
    t
}

fn report(year: i32, overview: &[&str]) -> Report {
    let mut r = Report::default();
    r.meta.year = Some(year);
    r.sections.push(crate::model::Section {
        key: SectionKey::Overview,
        heading: "一、总体情况".into(),
        paragraphs: overview.iter().map(|s| s.to_string()).collect(),
        pos: Default::default(),
    });
    r.applications = Some(table(
        TableKind::Applications,
        Some(TableFormat::Format2021),
        &[
            ("new_received", "total", 12),
            ("carried_over", "total", 0),
            ("results.total", "total", 10),
            ("carried_forward", "total", 2),
        ],
    ));
    r.review_litigation = Some(table(
        TableKind::ReviewLitigation,
        None,
        &[
            ("review", "total", 3),
            ("litigation_direct", "total", 1),
            ("litigation_after_review", "total", 2),
        ],
    ));
    r.active_disclosure = Some(table(
        TableKind::ActiveDisclosure,
        Some(TableFormat::Format2021),
        &[
            ("normative_documents", "in_force", 66),
            ("normative_documents", "issued", 8),
            ("fees", "amount_wan_yuan", 1),
        ],
    ));
    r
}

/// Each figure as (printed, instance or why, status).
fn outcomes(r: &Report) -> Vec<(String, String, Option<Status>)> {
    claims(r)
        .into_iter()
        .map(|c| match &c.outcome {
            Outcome::Compared(f) => (c.claim.text.clone(), f.instance.clone(), Some(f.status)),
            Outcome::NotCompared(why) => (c.claim.text.clone(), why.to_string(), None),
        })
        .collect()
}

fn o(text: &str, what: &str, status: Option<Status>) -> (String, String, Option<Status>) {
    (text.to_owned(), what.to_owned(), status)
}

#[test]
fn agreeing_and_disagreeing_figures() {
    let r = report(
        2024,
        &[
            "2024年，本机关共收到政府信息公开申请十二件，办结10件，结转下年度继续办理2件。",
            "政府信息公开行政复议3件，行政诉讼4件。现行有效规范性文件66件，本年制发规范性文件8件。",
            "全年收取行政事业性收费10000元。",
        ],
    );
    assert_eq!(
        outcomes(&r),
        [
            o(
                "十二",
                "applications.new_received.total",
                Some(Status::Passed)
            ),
            o(
                "10",
                "applications.results.total.total",
                Some(Status::Passed)
            ),
            o(
                "2",
                "applications.carried_forward.total",
                Some(Status::Passed)
            ),
            o("3", "review_litigation.review.total", Some(Status::Passed)),
            o(
                "4",
                "review_litigation.litigation.total",
                Some(Status::Failed)
            ),
            o(
                "66",
                "active_disclosure.normative_documents.in_force",
                Some(Status::Passed)
            ),
            o(
                "8",
                "active_disclosure.normative_documents.issued",
                Some(Status::Passed)
            ),
            o(
                "10000",
                "active_disclosure.fees.amount_wan_yuan",
                Some(Status::Passed)
            ),
        ]
    );
    let f = findings(&r);
    let lit = f.iter().find(|f| f.status == Status::Failed).unwrap();
    assert_eq!(lit.rule, "text.review_litigation");
    assert_eq!(lit.left, Some(Number::int(4)));
    assert_eq!(lit.right, Some(Number::int(3)));
    assert_eq!(lit.left_terms[0].path, "text.overview.1");
    assert_eq!(
        lit.right_terms
            .iter()
            .map(|t| t.path.as_str())
            .collect::<Vec<_>>(),
        [
            "review_litigation.litigation_direct.total",
            "review_litigation.litigation_after_review.total"
        ]
    );
    let claim = lit.claim.as_ref().unwrap();
    assert_eq!(
        (claim.section, claim.paragraph, claim.start, claim.end),
        (Some(SectionKey::Overview), 1, 17, 18)
    );
    assert_eq!(claim.sentence, "政府信息公开行政复议3件，行政诉讼4件");
    assert_eq!(
        lit.describe(),
        "text.review_litigation [review_litigation.litigation.total]: 4 = 1 + 2 — FAILED (4 ≠ 3) — stated in overview ¶1: “政府信息公开行政复议3件，行政诉讼4件”"
    );
    // The finding is in rules::check too.
    assert!(crate::rules::check(&r).contains(lit));
}

#[test]
fn refusals() {
    let r = report(
        2024,
        &[
            "主动公开政府信息5500余条，收到申请约12件。",
            "受理并办结政府信息公开申请12件。",
            "2023年，收到政府信息公开申请9件。",
            "收到政府信息公开申请较上年增加3件，去年办结信息公开申请7件。",
            "收到政府信息公开申请12件办结10件。",
            "政府信息公开行政复议、行政诉讼各3件。",
            "收到政府信息公开申请12件，其中上年结转0件。",
            "在运维政务新媒体共计95个。",
        ],
    );
    let both = "could be any of applications.new_received.total, applications.new_received+carried_over.total";
    assert_eq!(
        outcomes(&r),
        [
            o("5500", "approximate", None),
            o("12", "approximate", None),
            o(
                "12",
                "could be any of applications.new_received.total, applications.results.total.total",
                None
            ),
            o("9", "about another year", None),
            o("3", "about another year", None),
            o("7", "about another year", None),
            o("12", "its clause states several figures", None),
            o("10", "its clause states several figures", None),
            o("3", "qualified by \"各\"", None),
            o("12", both, None),
            o("0", "applications.carried_over.total", Some(Status::Passed)),
            o("95", "no table cell named", None),
        ]
    );
}

#[test]
fn received_counts_the_carried_over_only_when_it_says_so() {
    let mut r = report(
        2024,
        &[
            "收到政府信息公开申请12件。",
            "受理政府信息公开申请15件（含上年结转3件）。",
        ],
    );
    // With nothing carried over, 收到 12 is the new applications.
    assert_eq!(
        outcomes(&r)[0],
        o(
            "12",
            "applications.new_received.total",
            Some(Status::Passed)
        )
    );
    // With 3 carried over, 收到 12 could be either; 含上年结转 says 15 is both.
    r.applications = Some(table(
        TableKind::Applications,
        Some(TableFormat::Format2021),
        &[("new_received", "total", 12), ("carried_over", "total", 3)],
    ));
    let out = outcomes(&r);
    assert_eq!(out[0].2, None);
    assert_eq!(
        out[1],
        o(
            "15",
            "applications.new_received+carried_over.total",
            Some(Status::Passed)
        )
    );
    assert_eq!(
        out[2],
        o("3", "applications.carried_over.total", Some(Status::Passed))
    );
}

#[test]
fn blank_missing_or_text_placed_cells_are_not_assessable() {
    let mut r = report(2024, &["现行有效规范性文件66件，政府信息公开行政复议3件。"]);
    r.review_litigation = None;
    let t = r.active_disclosure.as_mut().unwrap();
    t.rows[0].cells[0].1.provenance = Provenance::StatedInText;
    let out = outcomes(&r);
    assert_eq!(out[0].2, Some(Status::NotAssessable));
    assert_eq!(out[1].2, Some(Status::NotAssessable));
    // A 2019 table 2 has no 现行有效 column.
    r.active_disclosure = Some(table(
        TableKind::ActiveDisclosure,
        Some(TableFormat::Trial2019),
        &[],
    ));
    assert_eq!(outcomes(&r)[0].1, "no such cell in this table's format");
    // A legacy report compares nothing.
    r.meta.kind = ReportKind::Legacy;
    assert_eq!(outcomes(&r)[1].1, "the report has no national tables");
}

#[test]
fn lines_cut_by_a_text_dump_are_read_on() {
    let r = report(
        2024,
        &[
            "2024 年，全市新收政府信息公开申请 12",
            "-1-",
            "件，办结 10 件。",
        ],
    );
    let c = claims(&r);
    assert_eq!(c.len(), 2);
    assert_eq!(
        (c[0].claim.paragraph, c[0].claim.start, c[0].claim.end),
        (0, 20, 22)
    );
    assert_eq!(c[0].finding().unwrap().status, Status::Passed);
    assert_eq!(
        c[0].claim.sentence,
        "2024 年，全市新收政府信息公开申请 12件，办结 10 件"
    );
    assert_eq!((c[1].claim.paragraph, c[1].claim.start), (2, 5));
    // 收到申请12件其中自然人10件: a part of the total names no cell.
    let r = report(2024, &["收到申请12件，其中自然人10件。"]);
    assert_eq!(outcomes(&r)[1], o("10", "no table cell named", None));
}

#[test]
fn unknown_year_refuses_sentences_naming_a_year() {
    let mut r = report(2024, &["2024年，新收政府信息公开申请12件。"]);
    r.meta.year = None;
    assert_eq!(outcomes(&r)[0].1, "about another year");
}

#[test]
fn table_3_and_4_wording_counts_only_about_information_disclosure() {
    // Outside sections 三 and 四, 办结 and 行政复议 count only in a sentence naming
    // 信息公开 or 依申请: a review office's own caseload is not table 4's.
    let mut r = report(2024, &["全年办理行政复议案件526件，办结10件。"]);
    assert_eq!(
        outcomes(&r),
        [
            o("526", "no table cell named", None),
            o("10", "no table cell named", None)
        ]
    );
    r.sections.push(crate::model::Section {
        key: SectionKey::ReviewLitigation,
        heading: "四、政府信息公开行政复议、行政诉讼情况".into(),
        paragraphs: vec!["本年度行政复议3件。".into()],
        pos: Default::default(),
    });
    assert_eq!(
        outcomes(&r)[2],
        o("3", "review_litigation.review.total", Some(Status::Passed))
    );
}

#[test]
fn long_and_hostile_text_is_linear_and_never_panics() {
    let mut big = String::new();
    for _ in 0..20_000 {
        big.push_str("1件十二件");
    }
    big.push_str("，,、（）一二三四五六七八九十百千万万万零〇两9,99,9.9.9");
    let r = report(
        2024,
        &[&big, "", "。", "万元", "1,000,000,000,000,000,000,000件"],
    );
    let c = claims(&r);
    assert_eq!(c.len(), MAX_FIGURES);
    assert!(
        c.iter()
            .all(|c| c.claim.sentence.chars().count() <= MAX_SENTENCE + 2)
    );
}

#[test]
fn table_4_results_take_the_subject_their_sentence_named() {
    let mut r = report(
        2024,
        &[
            "政府信息公开行政复议3件，其中结果维持2件，尚未审结1件；政府信息公开行政诉讼3件，其中结果维持2件，结果纠正0件。",
            "政府信息公开行政复议和行政诉讼共6件，其中结果维持4件。",
            "其中结果维持4件。",
            "政府信息公开行政诉讼3件，未经复议直接起诉1件，其中结果维持1件。",
        ],
    );
    r.review_litigation = Some(table(
        TableKind::ReviewLitigation,
        None,
        &[
            ("review", "upheld", 2),
            ("review", "pending", 1),
            ("review", "total", 3),
            ("litigation_direct", "upheld", 1),
            ("litigation_direct", "corrected", 0),
            ("litigation_direct", "total", 1),
            ("litigation_after_review", "upheld", 0),
            ("litigation_after_review", "corrected", 0),
            ("litigation_after_review", "total", 2),
        ],
    ));
    assert_eq!(
        outcomes(&r),
        [
            o("3", "review_litigation.review.total", Some(Status::Passed)),
            o("2", "review_litigation.review.upheld", Some(Status::Passed)),
            o(
                "1",
                "review_litigation.review.pending",
                Some(Status::Passed)
            ),
            o(
                "3",
                "review_litigation.litigation.total",
                Some(Status::Passed)
            ),
            o(
                "2",
                "review_litigation.litigation.upheld",
                Some(Status::Failed)
            ),
            o(
                "0",
                "review_litigation.litigation.corrected",
                Some(Status::Passed)
            ),
            o(
                "6",
                "could be any of review_litigation.review.total, review_litigation.litigation.total",
                None
            ),
            o(
                "4",
                "could be any of review_litigation.review.upheld, review_litigation.litigation.upheld",
                None
            ),
            o("4", "no table cell named", None),
            o(
                "3",
                "review_litigation.litigation.total",
                Some(Status::Passed)
            ),
            o("1", "no table cell named", None),
            o("1", "no table cell named", None),
        ]
    );
}
