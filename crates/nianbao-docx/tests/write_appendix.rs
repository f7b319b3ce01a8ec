//! The findings appendix: after section 六, the failed rules only, one sentence each.

mod write_common;
use write_common as common;

use common::{paragraphs, part};
use nianbao_core::catalog::TableFormat;
use nianbao_core::{Cell, Number, rules};
use nianbao_docx::write::{APPENDIX_HEADING, WriteOptions, write};
use pretty_assertions::assert_eq;

fn appendix(report: &nianbao_core::Report) -> Vec<String> {
    let opts = WriteOptions::default().with_findings_appendix(rules::check(report));
    let doc = part(&write(report, &opts).unwrap(), "word/document.xml");
    let ps = paragraphs(&doc);
    let at = ps
        .iter()
        .position(|p| p == APPENDIX_HEADING)
        .expect("the appendix heading");
    let six = ps
        .iter()
        .position(|p| p == "六、其他需要报告的事项")
        .unwrap();
    assert!(six < at, "the appendix comes after section 六");
    ps[at + 1..]
        .iter()
        .filter(|p| !p.is_empty())
        .cloned()
        .collect()
}

#[test]
fn a_consistent_report_has_nothing_to_list() {
    let r = common::report(TableFormat::Format2021, 5, 2);
    assert!(
        rules::failed_rules(&rules::check(&r)).is_empty(),
        "the fixture is consistent"
    );
    let a = appendix(&r);
    assert_eq!(a.len(), 2);
    assert_eq!(a[1], "未发现不相符之处。");
}

#[test]
fn each_failed_rule_is_one_numbered_sentence() {
    let mut r = common::report(TableFormat::Trial2019, 6, 2);
    let t4 = r.review_litigation.as_mut().unwrap();
    let total = &mut t4.rows[0].cells[4].1;
    let was = total.as_number().unwrap();
    *total = Cell::number(was.checked_add(Number::int(1)).unwrap());
    let a = appendix(&r);
    assert_eq!(a.len(), 2, "{a:?}");
    let sum = was.to_string();
    let shown = was.checked_add(Number::int(1)).unwrap().to_string();
    assert_eq!(
        a[1],
        format!(
            "1．表四“行政复议”：总计为{shown}，结果维持、结果纠正、其他结果、尚未审结之和为{sum}，二者不等。"
        )
    );
}

#[test]
fn no_appendix_unless_asked() {
    let r = common::report(TableFormat::Format2021, 5, 2);
    let doc = part(
        &write(&r, &WriteOptions::default()).unwrap(),
        "word/document.xml",
    );
    assert!(!paragraphs(&doc).iter().any(|p| p == APPENDIX_HEADING));
}
