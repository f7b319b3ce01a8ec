//! Automatic numbering rendered as Word shows it.

mod common;

use common::{paragraphs, read_fixture};
use pretty_assertions::assert_eq;

#[test]
fn headings_and_lists_get_their_numbers() {
    let doc = read_fixture("numbering");
    let got: Vec<(&str, Option<u8>)> = paragraphs(&doc)
        .iter()
        .map(|p| (p.text.as_str(), p.heading_level))
        .collect();
    assert_eq!(
        got,
        [
            ("一、总体情况", Some(1)),
            ("（一）主动公开情况", Some(2)),
            ("①公开文件", None),
            ("②公开数据", None),
            ("（二）依申请公开情况", Some(2)),
            ("二、主动公开政府信息情况", Some(1)),
            ("（一）规章", Some(2)),
            ("１．全角编号", None),
            ("２．第二项", None),
            ("甲、天干编号", None),
            ("A. Letter", None),
            ("项目符号", None),
            // A second list on the same definition restarts at its startOverride.
            ("五、存在的主要问题及改进情况", Some(1)),
            ("六、其他需要报告的事项", Some(1)),
            ("附件（不编号）", Some(1)),
            ("1、十进制", Some(3)),
        ]
    );
}
