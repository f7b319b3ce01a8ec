//! Reports built in code from the catalogue, with synthetic numbers: the writer's
//! fixtures (also used by the benchmark).
#![allow(dead_code)]

use nianbao_core::catalog::{ColumnKind, TableFormat};
use nianbao_core::model::{Meta, Row, Section, Table};
use nianbao_core::{Cell, Number, Pos, Report, SectionKey, TableKind};

/// A small deterministic generator (xorshift), so fixtures need no dependency.
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Self {
        Rng(seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1)
    }
    pub fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
    pub fn below(&mut self, n: u64) -> u64 {
        self.next() % n.max(1)
    }
}

fn number(rng: &mut Rng, kind: ColumnKind) -> Number {
    match kind {
        ColumnKind::Money => Number::new(rng.below(100_000_000) as i64, 3).unwrap(),
        ColumnKind::SignedCount => Number::int(rng.below(2001) as i64 - 1000),
        ColumnKind::Count => Number::int(match rng.below(4) {
            0 => 0,
            1 => rng.below(10) as i64,
            2 => rng.below(1000) as i64,
            _ => rng.below(4_000_000) as i64,
        }),
    }
}

/// A table of `kind` with every template row and synthetic numbers.
pub fn table(kind: TableKind, format: Option<TableFormat>, rng: &mut Rng) -> Table {
    let mut t = Table::new(kind, format);
    for spec in kind.rows(format) {
        let cells = spec
            .columns
            .iter()
            .map(|c| (c.key.to_owned(), Cell::number(number(rng, c.kind))))
            .collect();
        t.rows.push(Row {
            key: Some(spec.key.to_owned()),
            label: spec.label.to_owned(),
            cells,
            pos: Pos::default(),
        });
    }
    t
}

const SENTENCES: [&str; 6] = [
    "本年度，我县坚持以习近平新时代中国特色社会主义思想为指导，全面贯彻落实《中华人民共和国政府信息公开条例》。",
    "通过政府门户网站主动公开政府信息1234条，其中规范性文件12件，“三公”经费等财政信息56条。",
    "依申请公开工作严格依法办理，答复率100%，未发生因答复不及时引发的行政复议。",
    "加强政府信息公开平台建设，优化栏目设置，提升信息发布的时效性和准确性。",
    "建立健全政府信息公开工作考核、社会评议和责任追究制度，强化监督保障。",
    "本年度未收取信息处理费。",
];

const SUBHEADINGS: [&str; 5] = [
    "（一）主动公开情况",
    "（二）依申请公开情况",
    "（三）政府信息管理情况",
    "（四）政府信息公开平台建设情况",
    "（五）政府信息公开监督保障情况",
];

/// A complete synthetic report: two title lines, an introduction, six sections with
/// `paragraphs` paragraphs each (section 一 with its sub-headings, one of them run-in),
/// the three tables in `format` (table 4 has no format).
pub fn report(format: TableFormat, seed: u64, paragraphs: usize) -> Report {
    let mut rng = Rng::new(seed);
    let agency = "示例县人民政府";
    let year = if format == TableFormat::Trial2019 { 2020 } else { 2023 };
    let title2 = format!("{year}年政府信息公开工作年度报告");
    let mut r = Report {
        meta: Meta {
            title: Some(format!("{agency}{title2}")),
            agency: Some(agency.to_owned()),
            year: Some(year),
            year_text: Some(year.to_string()),
            ..Meta::default()
        },
        preamble: vec![
            agency.to_owned(),
            title2,
            "本报告根据《中华人民共和国政府信息公开条例》要求编制，所列数据统计期限自1月1日起至12月31日止。".to_owned(),
        ],
        ..Report::default()
    };
    for key in SectionKey::ALL {
        let mut ps = Vec::new();
        for i in 0..paragraphs {
            if key == SectionKey::Overview && i % 2 == 0 {
                let sub = SUBHEADINGS[(i / 2) % SUBHEADINGS.len()];
                if i % 4 == 2 {
                    ps.push(format!("{sub}。{}", SENTENCES[(i + 1) % SENTENCES.len()]));
                } else {
                    ps.push(sub.to_owned());
                }
                continue;
            }
            ps.push(SENTENCES[(rng.below(100) as usize + i) % SENTENCES.len()].to_owned());
        }
        r.sections.push(Section {
            key,
            heading: key.heading().to_owned(),
            paragraphs: ps,
            pos: Pos::default(),
        });
    }
    r.active_disclosure = Some(table(TableKind::ActiveDisclosure, Some(format), &mut rng));
    r.applications = Some(table(TableKind::Applications, Some(format), &mut rng));
    r.review_litigation = Some(table(TableKind::ReviewLitigation, None, &mut rng));
    r
}

/// The text of one part of a .docx (`word/document.xml`).
pub fn part(docx: &[u8], name: &str) -> String {
    use std::io::Read;
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(docx)).expect("a zip");
    let mut entry = zip.by_name(name).expect("the part exists");
    let mut s = String::new();
    entry.read_to_string(&mut s).expect("UTF-8 XML");
    s
}

/// The names of the parts of a .docx, in zip order.
pub fn part_names(docx: &[u8]) -> Vec<String> {
    let zip = zip::ZipArchive::new(std::io::Cursor::new(docx)).expect("a zip");
    zip.file_names().map(str::to_owned).collect()
}
