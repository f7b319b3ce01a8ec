//! Read government-information-disclosure annual reports (政府信息公开工作年度报告)
//! from HTML: a whole portal page, a page Word saved as HTML, or a fragment.
//!
//! [`read`] decodes the bytes (BOM, `<meta charset>`, `http-equiv`, else detected:
//! UTF-8 or GB18030), parses them with html5ever as a browser would, finds the report
//! in the page by where its markers are (section headings, table labels) and returns
//! the [`Document`] IR: paragraphs in reading order and tables as logical grids, with
//! `rowspan`/`colspan` placed as the HTML table model places them. Menus, headers,
//! footers, scripts and lists of links are left out; of a report printed twice (a
//! print or mobile copy) the first copy is read. A table that lays out the page
//! (a single cell, a cell holding another table or a passage of prose) is read as the
//! flow of the page: its cells become paragraphs and the tables inside them tables of
//! their own. Positions are source lines (html5ever gives no byte offsets).
//!
//! Document properties: `url` (when given), `encoding`, `title` (`<meta
//! name="ArticleTitle">`, else `<title>`), `published` (the 发布时间 line, else `<meta
//! name="PubDate">`), `publisher` (the 来源 line, else `<meta name="ContentSource">`)
//! `encoding_source` (`bom`, `meta` or `detected`) and `layout` = `html`. Diagnostics have codes under `html.`.
//!
//! A web archive (`.mht`/`.mhtml`, a MIME message as browsers and Word save pages) is
//! read through its first `text/html` part, decoded from quoted-printable or base64
//! and from the part's charset; the property `container` then says `mhtml (…)`.
//!
//! A page that shows no report (a news item, a 404 page) still reads; ask
//! [`has_report_markers`] (the core's
//! [`looks_like_report`](nianbao_core::recognize::looks_like_report)) before treating
//! the result as a report. The article is found by the same markers
//! ([`Markers`](nianbao_core::recognize::markers::Markers)).
//!
//! ```
//! use nianbao_core::ir::Block;
//!
//! let page = "<html><head><meta charset=utf-8><title>示例县2023年政府信息公开工作年度报告_示例县人民政府</title></head>
//! <body><nav><a href=/>首页</a></nav>
//! <div class=article><p>发布时间：2024-01-20 来源：示例县人民政府办公室</p>
//! <h3>四、政府信息公开行政复议、行政诉讼情况</h3>
//! <table border=1>
//! <tr><td colspan=5>行政复议</td><td colspan=10>行政诉讼</td></tr>
//! <tr><td rowspan=2>结果维持</td><td rowspan=2>结果纠正</td><td rowspan=2>其他结果</td>
//!     <td rowspan=2>尚未审结</td><td rowspan=2>总计</td>
//!     <td colspan=5>未经复议直接起诉</td><td colspan=5>复议后起诉</td></tr>
//! <tr><td>结果维持</td><td>结果纠正</td><td>其他结果</td><td>尚未审结</td><td>总计</td>
//!     <td>结果维持</td><td>结果纠正</td><td>其他结果</td><td>尚未审结</td><td>总计</td></tr>
//! </table></div></body></html>";
//! let doc = nianbao_html::read(page.as_bytes(), Some("https://example.invalid/a.html"), &Default::default())?;
//! assert_eq!(doc.properties["title"], "示例县2023年政府信息公开工作年度报告");
//! assert_eq!(doc.properties["published"], "2024-01-20");
//! assert_eq!(doc.properties["publisher"], "示例县人民政府办公室");
//! assert!(nianbao_html::has_report_markers(&doc));
//! let Some(Block::Table(table)) = doc.blocks.last() else { panic!("no table") };
//! // 未经复议直接起诉 starts after the five 行政复议 columns.
//! assert_eq!((table.rows[1].cells[5].col, table.rows[1].cells[5].col_span), (5, 5));
//! // Row 3 starts right of the five cells merged down from row 2.
//! assert_eq!(table.rows[2].cells[0].col, 5);
//! # Ok::<(), nianbao_html::HtmlError>(())
//! ```
#![forbid(unsafe_code)]
#![deny(missing_docs)]
#![cfg_attr(
    not(test),
    deny(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)
)]

mod article;
mod attrs;
mod charset;
pub mod codes;
mod dom;
mod error;
mod flow;
mod grid;
mod meta;
mod mime;
mod sniff;

use nianbao_core::Limits;
use nianbao_core::ir::Document;

pub use error::HtmlError;
pub use mime::looks_like_mime;
/// Whether a document shows the markers of a report: the core's one rule,
/// [`nianbao_core::recognize::looks_like_report`], under the name this crate gave it.
pub use nianbao_core::recognize::looks_like_report as has_report_markers;
pub use sniff::looks_like_html;

/// How many leading bytes are checked for NUL bytes (binary input).
const BINARY_CHECK_BYTES: usize = 8192;

/// Reads an HTML page or fragment into the Document IR.
///
/// `url` is where the page came from; it is kept as the `url` property. The parser
/// repairs any markup, so the only errors are input over `limits` and binary input.
///
/// # Errors
///
/// [`HtmlError`] when the input is over one of `limits` (size, depth, table cells) or
/// is binary data (a NUL byte near the start), not a page.
pub fn read(bytes: &[u8], url: Option<&str>, limits: &Limits) -> Result<Document, HtmlError> {
    let size = bytes.len() as u64;
    if size > limits.max_input_bytes {
        return Err(HtmlError::TooLarge {
            actual: size,
            max: limits.max_input_bytes,
        });
    }
    // A web archive (.mht): its HTML part is the page.
    let unpacked;
    let mut container = None;
    let bytes = if mime::looks_like_mime(bytes) {
        let page = mime::html_part(bytes).ok_or(HtmlError::NoHtmlPart)?;
        container = Some(format!("mhtml ({})", page.transfer_encoding));
        unpacked = mime::to_reader_bytes(&page).into_owned();
        unpacked.as_slice()
    } else {
        bytes
    };
    let utf16 = matches!(
        encoding_rs::Encoding::for_bom(bytes),
        Some((e, _)) if e == encoding_rs::UTF_16LE || e == encoding_rs::UTF_16BE
    );
    if !utf16 {
        let head = bytes.get(..BINARY_CHECK_BYTES).unwrap_or(bytes);
        if let Some(offset) = head.iter().position(|&b| b == 0) {
            return Err(HtmlError::Binary {
                offset: offset as u64,
            });
        }
    }
    let mut diagnostics = Vec::new();
    let charset::Decoded {
        text: decoded,
        encoding,
        source: encoding_source,
    } = charset::decode(bytes, &mut diagnostics);
    // The depth in force: the caller's limit, but never so deep that the walk could
    // overflow the stack.
    let max_depth = limits.max_depth.min(flow::HARD_DEPTH_CAP);
    let (text, cut) = attrs::cap(&decoded);
    if cut.tags > 0 {
        diagnostics.push(nianbao_core::Diagnostic::warning(
            codes::ATTRIBUTES_CUT,
            format!(
                "{} tags had more than {} attributes; the attributes past that were left out",
                cut.tags,
                attrs::MAX_ATTRIBUTES
            ),
            cut.first_line.map(nianbao_core::Pos::line),
        ));
    }
    let dom = dom::Dom::parse(&text, max_depth, limits.max_nodes).map_err(|stop| match stop {
        dom::Stop::TooDeep { depth, line } => HtmlError::TooDeep {
            actual: depth,
            max: max_depth,
            pos: nianbao_core::Pos::line(line),
        },
        dom::Stop::TooManyNodes { nodes, line } => HtmlError::TooManyNodes {
            actual: nodes,
            max: limits.max_nodes,
            pos: nianbao_core::Pos::line(line),
        },
    })?;
    // The DOM holds the text now: the page's copies go before the walk copies it again.
    drop(text);
    drop(decoded);
    let (depth, deepest) = dom.depth(dom::ROOT);
    if depth > max_depth {
        return Err(HtmlError::TooDeep {
            actual: depth,
            max: max_depth,
            pos: dom
                .node(deepest)
                .map_or_else(Default::default, |n| nianbao_core::Pos::line(n.line)),
        });
    }
    let (placed, mut walk_diagnostics) = flow::Walker::new(&dom, limits).walk(dom::ROOT)?;
    diagnostics.append(&mut walk_diagnostics);
    let page = meta::read(&dom, &placed);
    let article = article::choose(&dom, placed, &mut diagnostics);

    let mut doc = Document::default();
    doc.blocks = article.into_iter().map(|p| p.block).collect();
    doc.diagnostics = diagnostics;
    let props = &mut doc.properties;
    if let Some(url) = url {
        props.insert("url".into(), url.to_owned());
    }
    props.insert("encoding".into(), encoding);
    props.insert("encoding_source".into(), encoding_source.as_str().into());
    props.insert("layout".into(), "html".into());
    if let Some(c) = container {
        props.insert("container".into(), c);
    }
    for (key, value) in [
        ("title", page.title),
        ("published", page.published),
        ("publisher", page.publisher),
    ] {
        if let Some(v) = value {
            props.insert(key.into(), v);
        }
    }
    Ok(doc)
}
