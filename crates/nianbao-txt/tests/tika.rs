//! The Apache Tika layout, on the seed report of the corpus.

mod common;

use common::{corpus, paragraphs, tables, texts};
use nianbao_core::Limits;
use nianbao_core::ir::Pos;

#[test]
fn xiangning_tables_at_ir_level() {
    let Some(bytes) = corpus("xiangning-shuanghe-2020.tika.txt") else {
        return;
    };
    let doc = nianbao_txt::read(&bytes, &Limits::default()).unwrap();
    assert_eq!(doc.properties["encoding"], "UTF-8");
    assert_eq!(doc.properties["layout"], "tika");
    assert!(!doc.properties.contains_key("mojibake_repaired"));
    let t = tables(&doc);
    assert_eq!(t.len(), 3);

    // Table 2: 8 blocks of a heading row, a header row and data rows.
    let t2 = texts(t[0]);
    assert_eq!(t2[0], ["第二十条第（一）项"]);
    assert_eq!(
        t2[1],
        [
            "信息内容",
            "本年新\n制作数量",
            "本年新\n公开数量",
            "对外公开总数量"
        ]
    );
    assert_eq!(t2[2], ["规章", "0", "0", "0"]);
    assert_eq!(t2.last().unwrap(), &["政府集中采购", "0", "0万元"]);
    assert_eq!(t2.len(), 18);
    assert!(!t[0].spans_known);
    assert_eq!(t[0].pos, Pos::line(15));

    // Table 3: ragged rows (8, 9 or 10 cells), blanks kept verbatim.
    let t3 = texts(t[1]);
    assert_eq!(
        t3[0],
        [
            "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）",
            "申请人情况"
        ]
    );
    assert_eq!(
        t3[3],
        [
            "一、本年新收政府信息公开申请数量",
            "",
            "",
            "\u{a0}",
            "\u{a0}",
            "\u{a0}",
            "\u{a0}",
            "0\u{a0}"
        ]
    );
    let denied = t3
        .iter()
        .find(|r| r.iter().any(|c| c == "1.属于国家秘密"))
        .unwrap();
    assert_eq!(denied.len(), 10);
    assert_eq!(denied[1], "（三）不予公开");
    assert_eq!(denied[3], "\u{a0}");
    assert_eq!(t3.last().unwrap()[0], "四、结转下年度继续办理");
    assert_eq!(t3.len(), 26);
    assert!(t3.iter().all(|r| (2..=10).contains(&r.len())));

    // Table 4: two header rows and one row of values in 15 cells.
    let t4 = texts(t[2]);
    assert_eq!(t4.len(), 4);
    assert_eq!(t4[3].len(), 15);
    assert_eq!(t4[3][4], "0");

    let p = paragraphs(&doc);
    assert_eq!(p[0], "乡宁县2020年双鹤乡信息公开工作报告");
    assert!(p.contains(&"　　三、收到和处理政府信息公开申请情况"));
    assert!(p.contains(&"五、存在的主要问题及改进情况"));
}

#[test]
fn utf8_bom_gives_the_same_document() {
    let Some(bytes) = corpus("xiangning-shuanghe-2020.tika.txt") else {
        return;
    };
    let mut with_bom = b"\xef\xbb\xbf".to_vec();
    with_bom.extend_from_slice(&bytes);
    let a = nianbao_txt::read(&bytes, &Limits::default()).unwrap();
    let b = nianbao_txt::read(&with_bom, &Limits::default()).unwrap();
    assert_eq!(a, b);
}

#[test]
fn crlf_gives_the_same_tables() {
    let Some(bytes) = corpus("xiangning-shuanghe-2020.tika.txt") else {
        return;
    };
    let crlf = String::from_utf8(bytes.clone())
        .unwrap()
        .replace('\n', "\r\n");
    let a = nianbao_txt::read(&bytes, &Limits::default()).unwrap();
    let b = nianbao_txt::read(crlf.as_bytes(), &Limits::default()).unwrap();
    assert_eq!(tables(&a), tables(&b));
}
