//! Reports built in code from the catalogue, with synthetic numbers: the writer's
//! fixtures (also used by the benchmark).
#![allow(dead_code)]

use nianbao_core::catalog::{ColumnKind, TableFormat};
use nianbao_core::model::{Meta, Row, Section, Table};
use nianbao_core::{Cell, Number, Report, SectionKey, TableKind};

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

/// The label a template row has on the written page, as the recognizer reads it
/// back (label cells joined by a space): the catalogue label, in table 3 preceded by
/// the group cells (三、本年度办理结果, （三）不予公开 …) that start on this row.
pub fn printed_label(
    kind: nianbao_core::TableKind,
    spec: &nianbao_core::catalog::RowSpec,
    groups_above: &mut Vec<&'static str>,
) -> String {
    if kind != nianbao_core::TableKind::Applications {
        return spec.label.to_owned();
    }
    const RESULTS: &str = "三、本年度办理结果";
    let chain: Vec<&'static str> = match spec.group {
        None => vec![],
        Some(RESULTS) => vec![RESULTS],
        Some(g) => vec![RESULTS, g],
    };
    let same = chain
        .iter()
        .zip(groups_above.iter())
        .take_while(|(a, b)| a == b)
        .count();
    let mut parts: Vec<&str> = chain[same..].to_vec();
    parts.push(spec.label);
    *groups_above = chain;
    parts.join(" ")
}

/// A table of `kind` with every template row and synthetic numbers, labels as a
/// reader finds them on the official layout.
pub fn table(kind: TableKind, format: Option<TableFormat>, rng: &mut Rng) -> Table {
    let mut t = Table::new(kind, format);
    let mut groups_above = Vec::new();
    for spec in kind.rows(format) {
        let cells = spec
            .columns
            .iter()
            .map(|c| (c.key.into(), Cell::number(number(rng, c.kind))))
            .collect();
        let mut row = Row::new(Some(spec.key), printed_label(kind, spec, &mut groups_above));
        row.cells = cells;
        t.rows.push(row);
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
    let year = if format == TableFormat::Trial2019 {
        2020
    } else {
        2023
    };
    let title2 = format!("{year}年政府信息公开工作年度报告");
    let mut r = Report::default();
    r.meta = Meta::default()
        .with_title(format!("{agency}{title2}"))
        .with_agency(agency)
        .with_year(year)
        .with_year_text(year.to_string());
    r.preamble = vec![
        agency.to_owned(),
        title2,
        "本报告根据《中华人民共和国政府信息公开条例》要求编制，所列数据统计期限自1月1日起至12月31日止。".to_owned(),
    ];
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
        let mut section = Section::new(key, key.heading());
        section.paragraphs = ps;
        r.sections.push(section);
    }
    r.active_disclosure = Some(table(TableKind::ActiveDisclosure, Some(format), &mut rng));
    let mut apps = table(TableKind::Applications, Some(format), &mut rng);
    make_consistent(&mut apps);
    r.applications = Some(apps);
    let mut review = table(TableKind::ReviewLitigation, None, &mut rng);
    for row in &mut review.rows {
        set_row_total(row);
    }
    r.review_litigation = Some(review);
    r
}

fn get(row: &Row, col: &str) -> i64 {
    row.cell(col)
        .and_then(|c| c.as_number())
        .and_then(|n| n.as_i64())
        .unwrap_or(0)
}

fn set(row: &mut Row, col: &str, v: i64) {
    if let Some((_, c)) = row.cells.iter_mut().find(|(k, _)| k == col) {
        *c = Cell::number(Number::int(v));
    }
}

/// 总计 = the sum of the other columns of the row.
fn set_row_total(row: &mut Row) {
    let n = row.cells.len();
    let sum: i64 = row.cells.iter().take(n - 1).map(|(k, _)| get(row, k)).sum();
    if let Some((_, c)) = row.cells.last_mut() {
        *c = Cell::number(Number::int(sum));
    }
}

/// Makes every table-3 rule hold: row totals, （七）总计 as the sum of the results,
/// 一 + 二 = （七） + 四.
fn make_consistent(t: &mut Table) {
    let columns: Vec<String> = t.rows[0].cells.iter().map(|(k, _)| k.to_string()).collect();
    let results: Vec<usize> = (0..t.rows.len())
        .filter(|&i| {
            let k = t.rows[i].key.as_deref().unwrap_or("");
            k.starts_with("results.") && k != "results.total"
        })
        .collect();
    let idx = |t: &Table, key: &str| {
        t.rows
            .iter()
            .position(|r| r.key.as_deref() == Some(key))
            .unwrap()
    };
    let (total, new, over, forward) = (
        idx(t, "results.total"),
        idx(t, "new_received"),
        idx(t, "carried_over"),
        idx(t, "carried_forward"),
    );
    for col in columns.iter().take(columns.len() - 1) {
        let sum: i64 = results.iter().map(|&i| get(&t.rows[i], col)).sum();
        set(&mut t.rows[total], col, sum);
        let fwd = get(&t.rows[forward], col);
        let carried = get(&t.rows[over], col).min(sum + fwd);
        set(&mut t.rows[over], col, carried);
        set(&mut t.rows[new], col, sum + fwd - carried);
    }
    for row in &mut t.rows {
        set_row_total(row);
    }
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

/// A block of `word/document.xml`, simplified for tests.
#[derive(Debug, Clone, PartialEq)]
pub enum Block {
    /// A paragraph's text (its runs joined, `w:br` as `\n`).
    P(String),
    /// A table: rows of cells.
    T(Vec<Vec<TestCell>>),
}

/// A table cell: its text (paragraphs joined by `|`), `w:gridSpan`, `w:vMerge`.
#[derive(Debug, Clone, PartialEq)]
pub struct TestCell {
    pub text: String,
    pub span: u32,
    /// `Some("restart")`, `Some("continue")` (a bare `<w:vMerge/>` too), or `None`.
    pub vmerge: Option<String>,
}

impl TestCell {
    /// `text[span]{r|c}` in one string, for compact assertions.
    pub fn short(&self) -> String {
        let mut s = self.text.clone();
        if self.span > 1 {
            s.push_str(&format!("[{}]", self.span));
        }
        match self.vmerge.as_deref() {
            Some("restart") => s.push_str("{r}"),
            Some(_) => s.push_str("{c}"),
            None => {}
        }
        s
    }
}

/// The body of `word/document.xml` as paragraphs and tables.
pub fn blocks(document_xml: &str) -> Vec<Block> {
    use quick_xml::events::Event;
    #[derive(Default)]
    struct State {
        out: Vec<Block>,
        text: String,
        in_t: bool,
        table: Option<Vec<Vec<TestCell>>>,
        cell: Option<TestCell>,
        paras_in_cell: usize,
    }
    impl State {
        fn end_paragraph(&mut self) {
            if let Some(c) = self.cell.as_mut() {
                if self.paras_in_cell > 0 {
                    c.text.push('|');
                }
                c.text.push_str(&self.text);
                self.paras_in_cell += 1;
            } else if self.table.is_none() {
                self.out.push(Block::P(self.text.clone()));
            }
            self.text.clear();
        }
        fn start(&mut self, e: &quick_xml::events::BytesStart<'_>, empty: bool) {
            let attr = |name: &[u8]| {
                e.attributes()
                    .flatten()
                    .find(|a| a.key.as_ref() == name)
                    .map(|a| String::from_utf8_lossy(&a.value).into_owned())
            };
            match e.name().as_ref() {
                b"w:tbl" => self.table = Some(Vec::new()),
                b"w:tr" => {
                    if let Some(t) = self.table.as_mut() {
                        t.push(Vec::new());
                    }
                }
                b"w:tc" => {
                    self.cell = Some(TestCell {
                        text: String::new(),
                        span: 1,
                        vmerge: None,
                    });
                    self.paras_in_cell = 0;
                }
                b"w:gridSpan" => {
                    if let Some(c) = self.cell.as_mut() {
                        c.span = attr(b"w:val").and_then(|v| v.parse().ok()).unwrap_or(1);
                    }
                }
                b"w:vMerge" => {
                    if let Some(c) = self.cell.as_mut() {
                        c.vmerge = Some(attr(b"w:val").unwrap_or_else(|| "continue".into()));
                    }
                }
                b"w:p" => {
                    self.text.clear();
                    if empty {
                        self.end_paragraph();
                    }
                }
                b"w:t" => self.in_t = !empty,
                b"w:br" => self.text.push('\n'),
                b"w:tab" => self.text.push('\t'),
                _ => {}
            }
        }
    }
    let mut reader = quick_xml::Reader::from_str(document_xml);
    let mut st = State::default();
    loop {
        match reader.read_event().expect("well-formed XML") {
            Event::Eof => break,
            Event::Start(e) => st.start(&e, false),
            Event::Empty(e) => st.start(&e, true),
            Event::Text(t) if st.in_t => st.text.push_str(&t.decode().expect("text")),
            Event::GeneralRef(r) if st.in_t => {
                let name = String::from_utf8_lossy(r.as_ref()).into_owned();
                let c = match name.as_str() {
                    "amp" => Some('&'),
                    "lt" => Some('<'),
                    "gt" => Some('>'),
                    "quot" => Some('"'),
                    "apos" => Some('\''),
                    n => n
                        .strip_prefix("#x")
                        .and_then(|h| u32::from_str_radix(h, 16).ok())
                        .or_else(|| n.strip_prefix('#').and_then(|d| d.parse().ok()))
                        .and_then(char::from_u32),
                };
                st.text.extend(c);
            }
            Event::End(e) => match e.name().as_ref() {
                b"w:t" => st.in_t = false,
                b"w:p" => st.end_paragraph(),
                b"w:tc" => {
                    if let (Some(row), Some(c)) =
                        (st.table.as_mut().and_then(|t| t.last_mut()), st.cell.take())
                    {
                        row.push(c);
                    }
                }
                b"w:tbl" => {
                    if let Some(t) = st.table.take() {
                        st.out.push(Block::T(t));
                    }
                }
                _ => {}
            },
            _ => {}
        }
    }
    st.out
}

/// The tables of a document, each as rows of [`TestCell::short`] strings.
pub fn tables(document_xml: &str) -> Vec<Vec<Vec<String>>> {
    blocks(document_xml)
        .into_iter()
        .filter_map(|b| match b {
            Block::T(t) => Some(
                t.iter()
                    .map(|r| r.iter().map(TestCell::short).collect())
                    .collect(),
            ),
            Block::P(_) => None,
        })
        .collect()
}

/// The paragraphs of a document outside tables.
pub fn paragraphs(document_xml: &str) -> Vec<String> {
    blocks(document_xml)
        .into_iter()
        .filter_map(|b| match b {
            Block::P(p) => Some(p),
            Block::T(_) => None,
        })
        .collect()
}
