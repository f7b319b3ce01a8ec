//! The walk from the DOM to blocks: paragraphs at block boundaries and `<br>`, white
//! space collapsed as a browser does, tables as logical grids, page chrome left out.

use nianbao_core::ir::{Block, Cell, Paragraph, Row, Table};
use nianbao_core::{Diagnostic, Limits, Pos, text};

use crate::HtmlError;
use crate::dom::{Dom, Node, NodeId, NodeKind};
use crate::grid::{Grid, Span};

/// A block with the elements it sits in (outermost first, its own element last).
#[derive(Debug, Clone)]
pub struct Placed {
    /// The block.
    pub block: Block,
    /// The element path from the walk's root.
    pub path: Vec<NodeId>,
    /// Whether most of its text is link text (a menu entry, not a heading).
    pub link_text: bool,
}

/// Elements whose content is never part of the page's text, or is page chrome.
const SKIPPED: &[&str] = &[
    "head", "title", "script", "style", "noscript", "template", "nav", "header", "footer", "aside",
    "select", "option", "button", "input", "textarea", "iframe", "object", "embed", "svg",
    "canvas", "map", "xml", "audio", "video", "link", "meta", "menu",
];

/// Elements that start and end a paragraph.
const BLOCKS: &[&str] = &[
    "p",
    "div",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "li",
    "ul",
    "ol",
    "dl",
    "dt",
    "dd",
    "blockquote",
    "section",
    "article",
    "main",
    "center",
    "pre",
    "address",
    "figure",
    "figcaption",
    "fieldset",
    "hr",
    "tr",
    "td",
    "th",
    "caption",
    "tbody",
    "thead",
    "tfoot",
    "form",
    "details",
    "summary",
    "body",
    "html",
    "legend",
];

/// Containers that are dropped when they are a list of links (menus, related links).
const LINK_LIST_CANDIDATES: &[&str] = &["ul", "ol", "dl", "div", "p", "td", "section", "table"];

/// The most characters a cell of a data table holds; a cell with more is page
/// content laid out by a table (report tables have labels, numbers and short notes).
const MAX_DATA_CELL_CHARS: usize = 400;

/// The least number of links that make a list of links.
const MIN_LINKS: usize = 3;

/// The text of an inline run being built.
#[derive(Debug, Default)]
struct Para {
    text: String,
    pos: Pos,
    heading: Option<u8>,
    path: Vec<NodeId>,
    /// White space seen since the last character: `None`, or `Some(had_newline)`.
    pending: Option<bool>,
    chars: usize,
    link_chars: usize,
}

/// Walks a subtree into blocks.
pub struct Walker<'a> {
    dom: &'a Dom,
    limits: &'a Limits,
    /// What the walk noticed.
    pub diagnostics: Vec<Diagnostic>,
    out: Vec<Placed>,
    para: Para,
    stack: Vec<NodeId>,
    in_link: usize,
    /// Inside `<pre>`: white space kept, each source line a paragraph.
    in_pre: usize,
    /// The deepest the recursion may go (the lower of `max_depth` and a hard cap that
    /// keeps the stack safe whatever the caller sets).
    max_depth: u64,
}

/// The recursion cap, whatever `Limits::max_depth` says.
pub(crate) const HARD_DEPTH_CAP: u64 = 1024;

impl<'a> Walker<'a> {
    /// A walker over a parsed page.
    pub fn new(dom: &'a Dom, limits: &'a Limits) -> Self {
        Walker {
            dom,
            limits,
            diagnostics: Vec::new(),
            out: Vec::new(),
            para: Para::default(),
            stack: Vec::new(),
            in_link: 0,
            in_pre: 0,
            max_depth: limits.max_depth.min(HARD_DEPTH_CAP),
        }
    }

    /// Walks `root` and returns its blocks.
    pub fn walk(mut self, root: NodeId) -> Result<(Vec<Placed>, Vec<Diagnostic>), HtmlError> {
        self.node(root, 0)?;
        self.flush();
        Ok((self.out, self.diagnostics))
    }

    fn node(&mut self, id: NodeId, depth: u64) -> Result<(), HtmlError> {
        let Some(node) = self.dom.node(id) else {
            return Ok(());
        };
        if depth > self.max_depth {
            return Err(HtmlError::TooDeep {
                actual: depth,
                max: self.max_depth,
                pos: Pos::line(node.line),
            });
        }
        match &node.kind {
            NodeKind::Text(t) => {
                self.text(t, node.line);
                Ok(())
            }
            NodeKind::Document => self.children(id, depth),
            NodeKind::Other => Ok(()),
            NodeKind::Element { .. } => self.element(id, node, depth),
        }
    }

    fn children(&mut self, id: NodeId, depth: u64) -> Result<(), HtmlError> {
        for &c in self.dom.children(id) {
            self.node(c, depth + 1)?;
        }
        Ok(())
    }

    fn element(&mut self, id: NodeId, node: &Node, depth: u64) -> Result<(), HtmlError> {
        let tag = node.tag();
        if SKIPPED.contains(&tag) || is_hidden(node) {
            return Ok(());
        }
        if LINK_LIST_CANDIDATES.contains(&tag) && self.is_link_list(id) {
            self.flush();
            self.diagnostics.push(Diagnostic::info(
                "html.links_skipped",
                format!("a list of links (<{tag}>) was left out as navigation"),
                Some(Pos::line(node.line)),
            ));
            return Ok(());
        }
        self.stack.push(id);
        let result = match tag {
            "br" => {
                self.flush();
                Ok(())
            }
            "table" => {
                self.flush();
                self.table(id, node, depth)
            }
            "pre" => {
                self.flush();
                self.in_pre += 1;
                let r = self.children(id, depth);
                self.in_pre -= 1;
                self.flush();
                r
            }
            "a" if node.attr("href").is_some() => {
                self.in_link += 1;
                let r = self.children(id, depth);
                self.in_link -= 1;
                r
            }
            _ if BLOCKS.contains(&tag) => {
                self.flush();
                let level = heading_level(tag);
                if level.is_some() {
                    self.para.heading = level;
                }
                let r = self.children(id, depth);
                self.flush();
                r
            }
            _ => self.children(id, depth),
        };
        self.stack.pop();
        result
    }

    /// Appends a text node, collapsing white space as a browser does.
    fn text(&mut self, t: &str, line: u32) {
        if self.in_pre > 0 {
            self.pre_text(t, line);
            return;
        }
        for c in t.chars() {
            if matches!(c, ' ' | '\t' | '\n' | '\r' | '\u{c}') {
                let newline = matches!(c, '\n' | '\r');
                self.para.pending = Some(self.para.pending.unwrap_or(false) || newline);
                continue;
            }
            if self.para.text.is_empty() {
                self.para.pos = Pos::line(line);
                self.para.path = self.stack.clone();
            } else if let Some(newline) = self.para.pending {
                // A line break between two CJK characters is no space (CSS Text 3).
                let prev = self.para.text.chars().next_back();
                if !(newline && prev.is_some_and(is_wide) && is_wide(c)) {
                    self.para.text.push(' ');
                }
            }
            self.para.pending = None;
            self.para.text.push(c);
            self.para.chars += 1;
            if self.in_link > 0 {
                self.para.link_chars += 1;
            }
        }
    }

    /// Appends preformatted text: spaces kept, a line break ends the paragraph (a text
    /// report pasted into `<pre>` keeps its lines).
    fn pre_text(&mut self, t: &str, mut line: u32) {
        for c in t.chars() {
            if c == '\n' {
                self.flush();
                line = line.saturating_add(1);
                continue;
            }
            if c == '\r' {
                continue;
            }
            if self.para.text.is_empty() {
                self.para.pos = Pos::line(line);
                self.para.path = self.stack.clone();
            }
            self.para.text.push(c);
            self.para.chars += 1;
            if self.in_link > 0 {
                self.para.link_chars += 1;
            }
        }
    }

    /// Ends the paragraph being built; a paragraph of white space only is dropped.
    fn flush(&mut self) {
        let para = std::mem::take(&mut self.para);
        if text::trim(&para.text).is_empty() {
            return;
        }
        self.out.push(Placed {
            link_text: para.link_chars * 2 > para.chars,
            block: Block::Paragraph(
                Paragraph::new(para.text, para.pos).with_heading_level(para.heading),
            ),
            path: para.path,
        });
    }

    /// The `tr` rows of a table (directly or in its row groups), with whether each is
    /// in a `thead` and the index after the last row of its group.
    fn rows(&self, table: NodeId) -> Vec<(NodeId, bool, usize)> {
        let mut rows: Vec<(NodeId, bool, usize)> = Vec::new();
        for &c in self.dom.children(table) {
            let start = rows.len();
            match self.dom.tag(c) {
                // html5ever wraps bare rows in a tbody; a bare row is its own group.
                "tr" => rows.push((c, false, 0)),
                group @ ("thead" | "tbody" | "tfoot") => rows.extend(
                    self.dom
                        .children(c)
                        .iter()
                        .filter(|&&r| self.dom.tag(r) == "tr")
                        .map(|&r| (r, group == "thead", 0)),
                ),
                _ => {}
            }
            let end = rows.len();
            for row in rows.iter_mut().skip(start) {
                row.2 = end;
            }
        }
        rows
    }

    fn cells(&self, tr: NodeId) -> Vec<NodeId> {
        self.dom
            .children(tr)
            .iter()
            .copied()
            .filter(|&c| matches!(self.dom.tag(c), "td" | "th"))
            .collect()
    }

    fn table(&mut self, id: NodeId, node: &Node, depth: u64) -> Result<(), HtmlError> {
        // A caption is the table's title: a paragraph before the table.
        for &c in self.dom.children(id) {
            if self.dom.tag(c) == "caption" {
                self.node(c, depth + 1)?;
                self.flush();
            }
        }
        let rows = self.rows(id);
        let cell_ids: Vec<NodeId> = rows.iter().flat_map(|(r, _, _)| self.cells(*r)).collect();
        let layout = cell_ids.len() == 1
            || cell_ids.iter().any(|&c| {
                self.dom.find_first(c, "table").is_some()
                    || self.dom.raw_text(c).chars().count() > MAX_DATA_CELL_CHARS
            });
        if layout {
            // A table that lays out the page (one cell, cells holding tables or
            // whole passages of text): its cells are read as the flow of the page.
            for (tr, _, _) in &rows {
                for c in self.cells(*tr) {
                    self.node(c, depth + 2)?;
                    self.flush();
                }
            }
            return Ok(());
        }
        let pos = Pos::line(node.line);
        let mut grid = Grid::new(rows.len(), self.limits.max_table_cells, pos.clone());
        let mut out_rows = Vec::new();
        for (r, (tr, in_head, group_end)) in rows.iter().enumerate() {
            let tr_line = self.dom.node(*tr).map_or(node.line, |n| n.line);
            let mut cells = Vec::new();
            for td in self.cells(*tr) {
                let Some(td_node) = self.dom.node(td) else {
                    continue;
                };
                let span = Span {
                    cols: span_attr(td_node.attr("colspan"), 1000),
                    rows: span_attr(td_node.attr("rowspan"), 65534),
                };
                let placed = grid.place(r, *group_end, span)?;
                let (text, nested) = self.cell_content(td, depth)?;
                cells.push(
                    Cell::new(text, placed.col, Pos::line(td_node.line))
                        .with_spans(placed.col_span, placed.row_span)
                        .with_nested(nested),
                );
            }
            out_rows.push(Row::new(cells, Pos::line(tr_line)).with_header(*in_head));
        }
        let rows = grid.drop_filler_rows(out_rows);
        if rows.is_empty() {
            return Ok(());
        }
        self.out.push(Placed {
            block: Block::Table(Table::new(pos).with_rows(rows)),
            path: self.stack.clone(),
            link_text: false,
        });
        Ok(())
    }

    /// A cell's text (its lines joined by `'\n'`, blank lines left out) and the tables
    /// nested in it.
    fn cell_content(&mut self, td: NodeId, depth: u64) -> Result<(String, Vec<Table>), HtmlError> {
        let mut inner = Walker::new(self.dom, self.limits);
        inner.children(td, depth + 2)?;
        inner.flush();
        self.diagnostics.append(&mut inner.diagnostics);
        let mut lines = Vec::new();
        let mut nested = Vec::new();
        for placed in inner.out {
            match placed.block {
                Block::Paragraph(p) => lines.push(p.text),
                Block::Table(t) => nested.push(t),
            }
        }
        Ok((lines.join("\n"), nested))
    }

    /// Whether an element is a list of links: at least three links, and links make
    /// up most of its text. A container holding a table is never one.
    fn is_link_list(&self, id: NodeId) -> bool {
        let (mut links, mut link_chars, mut chars) = (0usize, 0usize, 0usize);
        let mut stack = vec![(id, false)];
        while let Some((n, in_link)) = stack.pop() {
            let Some(node) = self.dom.node(n) else {
                continue;
            };
            match &node.kind {
                NodeKind::Text(t) => {
                    let count = t.chars().filter(|c| !text::is_space(*c)).count();
                    chars += count;
                    if in_link {
                        link_chars += count;
                    }
                }
                NodeKind::Element { .. } => {
                    let tag = node.tag();
                    if n != id && tag == "table" {
                        return false;
                    }
                    if SKIPPED.contains(&tag) {
                        continue;
                    }
                    let link = tag == "a" && node.attr("href").is_some();
                    links += usize::from(link);
                    for &c in &node.children {
                        stack.push((c, in_link || link));
                    }
                }
                _ => {}
            }
        }
        links >= MIN_LINKS && link_chars * 10 >= chars * 7
    }
}

/// `colspan`/`rowspan` as browsers read them: leading digits, 0 kept (rowspan 0
/// reaches to the end of the table), at most `max`; missing or unreadable is 1.
fn span_attr(value: Option<&str>, max: u32) -> u32 {
    let Some(v) = value else { return 1 };
    let digits: String = v.trim().chars().take_while(char::is_ascii_digit).collect();
    if digits.is_empty() {
        return 1;
    }
    digits.parse::<u32>().map_or(max, |n| n.min(max))
}

fn heading_level(tag: &str) -> Option<u8> {
    match tag {
        "h1" => Some(1),
        "h2" => Some(2),
        "h3" => Some(3),
        "h4" => Some(4),
        "h5" => Some(5),
        "h6" => Some(6),
        _ => None,
    }
}

/// Whether an element is hidden by an attribute or inline style (`display:none`,
/// `visibility:hidden`, Word's `mso-hide:all`).
fn is_hidden(node: &Node) -> bool {
    if node.attr("hidden").is_some() {
        return true;
    }
    node.attr("style").is_some_and(|s| {
        let s: String = s
            .chars()
            .filter(|c| !c.is_ascii_whitespace())
            .map(|c| c.to_ascii_lowercase())
            .collect();
        s.contains("display:none") || s.contains("visibility:hidden") || s.contains("mso-hide:all")
    })
}

/// Whether a character is East Asian wide (CJK, full-width forms, CJK punctuation).
fn is_wide(c: char) -> bool {
    matches!(c, '\u{2E80}'..='\u{9FFF}' | '\u{F900}'..='\u{FAFF}' | '\u{FF00}'..='\u{FFEF}')
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::dom::ROOT;

    fn blocks(html: &str) -> Vec<Block> {
        let dom = Dom::parse(html, 256, u64::MAX).unwrap();
        let limits = Limits::default();
        let (placed, _) = Walker::new(&dom, &limits).walk(ROOT).unwrap();
        placed.into_iter().map(|p| p.block).collect()
    }

    fn texts(html: &str) -> Vec<String> {
        blocks(html)
            .into_iter()
            .filter_map(|b| match b {
                Block::Paragraph(p) => Some(p.text),
                Block::Table(_) => None,
            })
            .collect()
    }

    #[test]
    fn paragraphs_and_white_space() {
        assert_eq!(
            texts(
                "<p>  一、总体\n情况 </p><div>a  b\nc<br>d</div><p>&nbsp;</p><p>\u{3000}\u{3000}正文</p>"
            ),
            vec!["一、总体情况", "a b c", "d", "\u{3000}\u{3000}正文"]
        );
    }

    #[test]
    fn word_runs_join_into_one_label() {
        let html = "<p class=MsoNormal><span lang=EN-US>四、</span><span style='font-family:宋体'>政府信息公开</span><b><span>行政复议、</span></b><span>行政诉讼情况<o:p></o:p></span></p>";
        assert_eq!(texts(html), vec!["四、政府信息公开行政复议、行政诉讼情况"]);
    }

    #[test]
    fn chrome_is_left_out() {
        let html = "<nav>首页</nav><script>var a='一、总体情况';</script><style>p{}</style>\
            <div style='display: none'>隐藏</div><ul><li><a href=1>一</a></li><li><a href=2>二</a></li><li><a href=3>三</a></li></ul>\
            <p>正文</p><footer>版权所有</footer>";
        assert_eq!(texts(html), vec!["正文"]);
    }

    #[test]
    fn preformatted_lines_are_paragraphs() {
        assert_eq!(
            texts("<pre>\n一、总体情况\n  规章    0    0\n\n二、主动公开</pre>"),
            vec!["一、总体情况", "  规章    0    0", "二、主动公开"]
        );
    }

    #[test]
    fn headings_have_levels() {
        let b = blocks("<h2>标题</h2>");
        assert!(matches!(
            &b[..],
            [Block::Paragraph(Paragraph {
                heading_level: Some(2),
                ..
            })]
        ));
    }

    #[test]
    fn layout_tables_are_flow() {
        let html = "<table><tr><td><p>正文</p><table><tr><td>1</td><td>2</td></tr></table></td></tr></table>";
        let b = blocks(html);
        assert_eq!(b.len(), 2);
        assert!(matches!(&b[1], Block::Table(t) if t.rows[0].cells.len() == 2));
    }

    #[test]
    fn a_cell_of_prose_is_layout() {
        let prose = "本年度，我单位认真贯彻落实条例。".repeat(30);
        let html = format!(
            "<table><tr><td>菜单</td><td><p>一、总体情况</p><p>{prose}</p></td></tr></table>"
        );
        let b = blocks(&html);
        assert_eq!(b.len(), 3, "{b:?}");
        assert!(b.iter().all(|b| matches!(b, Block::Paragraph(_))));
    }

    #[test]
    fn span_attributes() {
        assert_eq!(span_attr(None, 1000), 1);
        assert_eq!(span_attr(Some("3"), 1000), 3);
        assert_eq!(span_attr(Some(" 2px"), 1000), 2);
        assert_eq!(span_attr(Some("x"), 1000), 1);
        assert_eq!(span_attr(Some("0"), 1000), 0);
        assert_eq!(span_attr(Some("99999999999"), 1000), 1000);
    }
}
