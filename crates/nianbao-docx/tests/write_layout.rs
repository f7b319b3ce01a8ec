//! The layout the writer produces, read from `word/document.xml`: the six headings,
//! the labels and merges of the three tables (against the official 2021 template of
//! the corpus), notes, extra rows and missing rows.

mod write_common;
use write_common as common;

use common::{Block, blocks, paragraphs, part, tables};
use nianbao_core::catalog::{ColumnKind, TableFormat};
use nianbao_core::model::{Row, Section};
use nianbao_core::{Cell, Report, SectionKey, TableKind};
use nianbao_docx::write::{WriteOptions, write};
use pretty_assertions::assert_eq;

const CORPUS: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../../testdata/corpus");

fn document_xml(report: &Report) -> String {
    let bytes = write(report, &WriteOptions::default()).expect("writes");
    part(&bytes, "word/document.xml")
}

/// A report whose three tables have every template row and only blank cells.
fn blank_report(format: TableFormat) -> Report {
    let mut r = Report::default();
    for kind in TableKind::ALL {
        let f = (kind != TableKind::ReviewLitigation).then_some(format);
        let mut t = nianbao_core::model::Table::new(kind, f);
        for spec in kind.rows(f) {
            let mut row = Row::new(Some(spec.key), spec.label);
            row.cells = spec
                .columns
                .iter()
                .map(|c| (c.key.into(), Cell::BLANK))
                .collect();
            t.rows.push(row);
        }
        *r.table_slot(kind) = Some(t);
    }
    r
}

/// The tables of a .docx with white space squeezed out of every cell (the template's
/// value cells hold U+3000 runs, its header cells two paragraphs: 商业|企业).
fn squeezed_tables(document_xml: &str) -> Vec<Vec<Vec<String>>> {
    tables(document_xml)
        .into_iter()
        .map(|t| {
            t.into_iter()
                .map(|r| {
                    r.into_iter()
                        .map(|c| {
                            c.chars()
                                .filter(|c| !c.is_whitespace() && *c != '|')
                                .collect()
                        })
                        .collect()
                })
                .collect()
        })
        .collect()
}

#[test]
fn the_2021_tables_have_the_labels_and_merges_of_the_official_template() {
    let template = std::fs::read(format!("{CORPUS}/template-2021-blank.docx"))
        .expect("the corpus has the blank 2021 template");
    let expected = squeezed_tables(&part(&template, "word/document.xml"));
    let written = squeezed_tables(&document_xml(&blank_report(TableFormat::Format2021)));
    assert_eq!(written.len(), 3);
    assert_eq!(written, expected);
}

#[test]
fn the_2019_tables_have_the_trial_layout() {
    let t = tables(&document_xml(&blank_report(TableFormat::Trial2019)));
    let t2: Vec<String> = t[0].iter().map(|r| r.join(" ")).collect();
    assert_eq!(
        t2,
        [
            "第二十条第（一）项[4]",
            "信息内容 本年新制作数量 本年新公开数量 对外公开总数量",
            "规章   ",
            "规范性文件   ",
            "第二十条第（五）项[4]",
            "信息内容 上一年项目数量 本年增/减 处理决定数量",
            "行政许可   ",
            "其他对外管理服务事项   ",
            "第二十条第（六）项[4]",
            "信息内容 上一年项目数量 本年增/减 处理决定数量",
            "行政处罚   ",
            "行政强制   ",
            "第二十条第（八）项[4]",
            "信息内容 上一年项目数量 本年增/减[2]",
            "行政事业性收费  [2]",
            "第二十条第（九）项[4]",
            "信息内容 采购项目数量 采购总金额[2]",
            "政府集中采购  [2]",
        ]
    );
    // Table 3: 3 header rows, 23 data rows; （六）其他处理 is one row in the results group.
    let t3 = &t[1];
    assert_eq!(t3.len(), 3 + 23);
    let other: Vec<&Vec<String>> = t3
        .iter()
        .filter(|r| r.iter().any(|c| c.starts_with("（六）")))
        .collect();
    assert_eq!(other.len(), 1);
    assert_eq!(
        other[0][..2],
        ["{c}".to_owned(), "（六）其他处理[2]".to_owned()]
    );
    assert_eq!(t3[25][0], "四、结转下年度继续办理[3]");
    // Table 4 is the same in both formats.
    assert_eq!(t[2][0], ["行政复议[5]", "行政诉讼[10]"]);
    assert_eq!(t[2][3].len(), 15);
}

#[test]
fn six_canonical_headings_in_order_even_when_the_source_lacks_some() {
    let mut r = Report::default();
    r.preamble = vec!["乡宁县2020年双鹤乡信息公开工作报告".into(), "引言。".into()];
    r.meta.title = Some(r.preamble[0].clone());
    r.sections = vec![
        Section::new(SectionKey::Problems, "5、 存在的主要问题及改进情况")
            .with_paragraph("（一）存在问题")
            .with_paragraph("人员紧缺。"),
        Section::new(SectionKey::Overview, "1、 总体情况").with_paragraph("概况。"),
    ];
    assert_eq!(
        paragraphs(&document_xml(&r)),
        [
            "乡宁县2020年双鹤乡信息公开工作报告",
            "引言。",
            "一、总体情况",
            "概况。",
            "二、主动公开政府信息情况",
            "三、收到和处理政府信息公开申请情况",
            "四、政府信息公开行政复议、行政诉讼情况",
            "五、存在的主要问题及改进情况",
            "（一）存在问题",
            "人员紧缺。",
            "六、其他需要报告的事项",
        ]
    );
}

#[test]
fn each_table_follows_its_section_and_other_tables_come_after_section_six() {
    let mut r = blank_report(TableFormat::Format2021);
    r.other_tables = vec![vec![
        vec!["姓名".into(), "电话".into()],
        vec!["张三".into()],
    ]];
    let order: Vec<String> = blocks(&document_xml(&r))
        .into_iter()
        .map(|b| match b {
            Block::P(p) => p,
            Block::T(rows) => format!("<table {}>", rows.len()),
        })
        .collect();
    assert_eq!(
        order,
        [
            "一、总体情况",
            "二、主动公开政府信息情况",
            "<table 14>",
            "三、收到和处理政府信息公开申请情况",
            "<table 28>",
            "四、政府信息公开行政复议、行政诉讼情况",
            "<table 4>",
            "五、存在的主要问题及改进情况",
            "六、其他需要报告的事项",
            "<table 2>",
            "",
        ]
    );
    // The last cell of the short row of the other table spans the rest of the grid.
    let t = tables(&document_xml(&r));
    assert_eq!(t[3], [vec!["姓名", "电话"], vec!["张三[2]"]]);
}

fn cell(source: &str, kind: ColumnKind) -> Cell {
    Cell::parse(source, kind)
}

#[test]
fn extra_rows_stay_in_place_missing_rows_come_back_blank_and_notes_are_rows() {
    let mut r = blank_report(TableFormat::Format2021);
    // Table 2: an extra row after 行政规范性文件, with the block's columns.
    let t2 = r.active_disclosure.as_mut().unwrap();
    t2.rows.insert(
        2,
        Row::new(None, "其他主动公开文件")
            .with_cell("issued", cell("3", ColumnKind::Count))
            .with_cell("repealed", cell("—", ColumnKind::Count))
            .with_cell("in_force", Cell::BLANK),
    );
    t2.rows
        .retain(|row| row.key.as_deref() != Some("licensing"));
    t2.notes.push("注：数据截至12月31日。".into());
    // Table 3: 1.属于国家秘密 missing, an extra row inside （三）不予公开.
    let t3 = r.applications.as_mut().unwrap();
    t3.rows
        .retain(|row| row.key.as_deref() != Some("results.denied.state_secret"));
    let at = t3
        .rows
        .iter()
        .position(|row| row.key.as_deref() == Some("results.denied.third_party_rights"))
        .unwrap();
    t3.rows.insert(
        at + 1,
        Row::new(None, "4-1.涉及个人隐私").with_cell("total", cell("2", ColumnKind::Count)),
    );
    r.review_litigation
        .as_mut()
        .unwrap()
        .notes
        .push("注：行政复议、行政诉讼数量含上年度结转数量。".into());

    let t = tables(&document_xml(&r));
    let t2: Vec<String> = t[0].iter().map(|r| r.join(" ")).collect();
    assert_eq!(
        t2[2..6],
        [
            "规章   ",
            "行政规范性文件   ",
            "其他主动公开文件 3 — ",
            "第二十条第（五）项[4]"
        ]
    );
    assert_eq!(
        t2[7], "行政许可 [3]",
        "the missing row is written blank at its place"
    );
    assert_eq!(t2.last().unwrap(), "注：数据截至12月31日。[4]");

    let labels: Vec<String> = t[1]
        .iter()
        .map(|r| r[..r.len().saturating_sub(7)].join(" "))
        .collect();
    let denied = labels
        .iter()
        .position(|l| l.ends_with("1.属于国家秘密"))
        .unwrap();
    assert_eq!(labels[denied], "{c} （三）不予公开{r} 1.属于国家秘密");
    assert_eq!(
        labels[denied + 4],
        "{c} {c} 4-1.涉及个人隐私",
        "the extra row continues both merges"
    );
    assert_eq!(labels[denied + 5], "{c} {c} 5.属于三类内部事务信息");
    assert_eq!(t[1][denied + 4].last().unwrap(), "2");
    assert_eq!(
        t[2].last().unwrap(),
        &vec!["注：行政复议、行政诉讼数量含上年度结转数量。[15]".to_owned()]
    );
}

#[test]
fn numbers_print_normalized_and_placeholders_as_in_the_source() {
    let mut r = blank_report(TableFormat::Trial2019);
    let t2 = r.active_disclosure.as_mut().unwrap();
    let procurement = t2
        .rows
        .iter_mut()
        .find(|row| row.key.as_deref() == Some("procurement"))
        .unwrap();
    procurement.cells = vec![
        ("projects".into(), cell("[0]", ColumnKind::Count)),
        ("amount_wan_yuan".into(), cell("0万元", ColumnKind::Money)),
    ];
    let fees = t2
        .rows
        .iter_mut()
        .find(|row| row.key.as_deref() == Some("fees"))
        .unwrap();
    fees.cells = vec![
        ("previous_items".into(), cell("１２", ColumnKind::Count)),
        ("change".into(), cell("+1036", ColumnKind::SignedCount)),
    ];
    let t4 = r.review_litigation.as_mut().unwrap();
    t4.rows[0].cells[0].1 = cell("/", ColumnKind::Count);
    t4.rows[0].cells[1].1 = cell("3,985,758", ColumnKind::Count);
    t4.rows[0].cells[2].1 = cell("96171.60", ColumnKind::Money);
    t4.rows[0].cells[3].1 = cell("22（其中修订 16 件）", ColumnKind::Count);
    let t = tables(&document_xml(&r));
    assert_eq!(t[0][14], ["行政事业性收费", "12", "1036[2]"]);
    assert_eq!(t[0][17], ["政府集中采购", "[0]", "0[2]"]);
    assert_eq!(
        t[2][3][..5],
        ["/", "3985758", "96171.6", "22（其中修订 16 件）", ""]
    );
}

#[test]
fn page_fonts_and_spacing_of_gb_t_9704() {
    let r = common::report(TableFormat::Format2021, 7, 4);
    let bytes = write(&r, &WriteOptions::default()).unwrap();
    let doc = part(&bytes, "word/document.xml");
    assert!(doc.contains(r#"<w:pgSz w:w="11906" w:h="16838""#), "A4");
    for m in [
        r#"w:top="2098""#,
        r#"w:bottom="1984""#,
        r#"w:left="1587""#,
        r#"w:right="1474""#,
    ] {
        assert!(doc.contains(m), "margin {m}");
    }
    // Second-level headings (（一）…) in 楷体_GB2312, in w:eastAsia.
    assert!(doc.contains(r#"w:eastAsia="楷体_GB2312""#));
    let styles = part(&bytes, "word/styles.xml");
    // The body: 仿宋_GB2312 三号 (sz 32), fixed 28 pt (560 twips) line spacing.
    let defaults =
        &styles[styles.find("<w:docDefaults>").unwrap()..styles.find("</w:docDefaults>").unwrap()];
    assert!(
        defaults.contains(r#"w:eastAsia="仿宋_GB2312""#),
        "{defaults}"
    );
    assert!(defaults.contains(r#"<w:sz w:val="32""#), "{defaults}");
    assert!(
        defaults.contains(r#"w:line="560""#) && defaults.contains(r#"w:lineRule="exact""#),
        "{defaults}"
    );
    let style = |id: &str| {
        let start = styles.find(&format!(r#"w:styleId="{id}""#)).unwrap();
        let end = start + styles[start..].find("</w:style>").unwrap();
        styles[start..end].to_owned()
    };
    let title = style("nbTitle");
    assert!(
        title.contains(r#"w:eastAsia="方正小标宋简体""#) && title.contains(r#"<w:sz w:val="44""#),
        "{title}"
    );
    assert!(title.contains(r#"<w:jc w:val="center""#), "{title}");
    let heading = style("nbHeading1");
    assert!(heading.contains(r#"w:eastAsia="黑体""#), "{heading}");
    let body = style("nbBody");
    assert!(
        body.contains(r#"w:firstLine="640""#),
        "two characters of 三号: {body}"
    );
    let fonts = part(&bytes, "word/fontTable.xml");
    assert!(fonts.contains(r#"<w:font w:name="仿宋_GB2312"><w:altName w:val="仿宋"/>"#));
    // Page numbers: — 1 — with a PAGE field, odd pages right, even pages left.
    let footers: Vec<String> = ["word/footer1.xml", "word/footer2.xml"]
        .iter()
        .map(|p| part(&bytes, p))
        .collect();
    for f in &footers {
        assert!(
            f.contains("— ") && f.contains(">PAGE<") && f.contains(" —"),
            "{f}"
        );
    }
    assert!(part(&bytes, "word/settings.xml").contains("evenAndOddHeaders"));
}

#[test]
fn the_title_lines_are_the_title_and_the_properties_carry_no_personal_data() {
    let r = common::report(TableFormat::Format2021, 3, 2);
    let bytes = write(&r, &WriteOptions::default()).unwrap();
    let doc = part(&bytes, "word/document.xml");
    let first_two: Vec<&str> = doc
        .match_indices(r#"<w:pStyle w:val="nbTitle""#)
        .map(|(i, _)| &doc[i..i + 10])
        .collect();
    assert_eq!(
        first_two.len(),
        2,
        "both title lines are in the title style"
    );
    let core = part(&bytes, "docProps/core.xml");
    assert!(
        core.contains("<dc:title>示例县人民政府2023年政府信息公开工作年度报告</dc:title>"),
        "{core}"
    );
    assert!(
        !core.contains("creator") && !core.contains("lastModifiedBy"),
        "{core}"
    );
    let app = part(&bytes, "docProps/app.xml");
    assert!(
        app.contains(&format!(
            "<Application>{}</Application>",
            nianbao_core::GENERATOR
        )),
        "{app}"
    );
}

#[test]
fn the_same_report_gives_the_same_bytes() {
    let r = common::report(TableFormat::Trial2019, 11, 5);
    let a = write(&r, &WriteOptions::default()).unwrap();
    let b = write(&r, &WriteOptions::default()).unwrap();
    assert!(a == b);
}
