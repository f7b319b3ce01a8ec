//! nianbao's plain-text reader: the text dumps of annual reports (Apache Tika,
//! `pdftotext` with and without `-layout`, text copied from web pages, Markdown from
//! converters) in any of the encodings they come in, turned into the
//! [`nianbao_core::ir::Document`] IR.
//!
//! ```
//! let text = "二、主动公开政府信息情况\n\t第二十条第（一）项\n\n\t信息内容\n\t本年新\n制作数量\n\n\t规章\n\t0\n\n\n";
//! let doc = nianbao_txt::read(text.as_bytes(), &nianbao_core::Limits::default()).unwrap();
//! assert_eq!(doc.properties["encoding"], "UTF-8");
//! assert_eq!(doc.properties["layout"], "tika");
//! let nianbao_core::ir::Block::Table(table) = &doc.blocks[1] else { panic!("a table") };
//! assert_eq!(table.rows[1].cells[1].text, "本年新\n制作数量");
//! assert!(nianbao_txt::looks_like_text(text.as_bytes()));
//! ```
//!
//! A `pdftotext -layout` table, with a label wrapped around its numbers:
//!
//! ```
//! let text = concat!(
//!     "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）    申请人情况\n",
//!     "一、本年新收政府信息公开申请数量          5     1     6\n",
//!     "      （二）部分公开（区分处理的，只计这一情\n",
//!     "                                 4     0     4\n",
//!     "      形，不计其他情形）\n",
//! );
//! let doc = nianbao_txt::read(text.as_bytes(), &Default::default()).unwrap();
//! assert_eq!(doc.properties["layout"], "pdftotext-layout");
//! let nianbao_core::ir::Block::Table(table) = &doc.blocks[0] else { panic!("a table") };
//! let row: Vec<&str> = table.rows[2].cells.iter().map(|c| c.text.as_str()).collect();
//! assert_eq!(row, ["（二）部分公开（区分处理的，只计这一情形，不计其他情形）", "4", "0", "4"]);
//! ```
//!
//! # How tables are found
//!
//! The encoding is chosen first: a byte-order mark (UTF-8, UTF-16LE/BE), else strict
//! UTF-8, else UTF-16 told by its zero bytes, else GB18030 (which covers GBK and GB2312)
//! or Big5, whichever decodes with fewer errors and more common characters. Mojibake
//! baked into the file (UTF-8 read as GBK and saved again) is repaired line by line
//! where the round trip is exact, and reported where not. Lines end at CR, LF or
//! CRLF; form feeds mark page breaks.
//!
//! Then each table is rebuilt by the reconstructor its lines call for, so one
//! document can mix them: Apache Tika (a tab before every cell), `pdftotext -layout`
//! (cells separated by runs of spaces, labels wrapped around their numbers, vertical
//! labels, page footers), one cell per line (plain `pdftotext`, web copy-paste), and
//! `|` rows (web copy-paste, Markdown tables cut into fragments). Tables are emitted
//! with `spans_known = false`: each data row holds its label then its values in
//! order. Lines outside tables are paragraphs, kept verbatim (a Markdown heading
//! loses its `#`s and gets its level).
//!
//! Properties recorded in [`Document::properties`](nianbao_core::ir::Document::properties):
//! `encoding` (`UTF-8`, `UTF-16LE`, `UTF-16BE`, `GB18030`, `Big5`), `layout` (the table
//! layouts found, comma-separated, in order of first use: `tika`, `pdftotext-layout`,
//! `cell-per-line`, `pipe`, `markdown`, `collapsed`; `none` when there is no table), and
//! `mojibake_repaired` = `true` when mojibake was repaired. Diagnostic codes are
//! listed in [`codes`].
#![forbid(unsafe_code)]
#![deny(missing_docs)]
#![cfg_attr(
    not(test),
    deny(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)
)]

mod cells;
mod cellwise;
mod common_chars;
mod crawl;
mod decode;
mod error;
mod glued;
mod layout;
mod lines;
mod mojibake;
mod pipe;
mod prose;
mod reader;
mod regions;
mod shape;
mod tika;
mod vocabulary;

pub use error::TxtError;

use nianbao_core::ir::{Document, Pos};
use nianbao_core::{Diagnostic, Limits};

/// The diagnostic codes of the text reader.
pub mod codes {
    /// The encoding was not declared (no byte-order mark, not UTF-8) and was chosen by
    /// how well the text decodes.
    pub const ENCODING_GUESSED: &str = "txt.encoding_guessed";
    /// Some bytes could not be decoded and were replaced by U+FFFD.
    pub const DECODE_REPLACED: &str = "txt.decode_replaced";
    /// Mojibake (UTF-8 decoded as GBK and saved again) was found: repaired where the
    /// round trip is exact, reported where not.
    pub const MOJIBAKE: &str = "txt.mojibake";
    /// A row of values got no label: the dump printed none that could be matched to it.
    pub const LABEL_MISSING: &str = "txt.label_missing";
    /// The dump's reading order may not be the order of the table's columns.
    pub const ORDER_UNCERTAIN: &str = "txt.order_uncertain";
    /// The dump's values came in pieces, put back in the columns' order by their
    /// shape and the labels printed before them (plain pdftotext's table 4).
    pub const ORDER_INFERRED: &str = "txt.order_inferred";
    /// A run of glued digits (crawler text) was split into a row's cells by the only
    /// split that satisfies the row's own sum; that rule is not assessable for the row.
    pub const SPLIT_BY_SUM: &str = "txt.split_by_sum";
    /// A run of glued digits does not tell where one cell ends and the next begins:
    /// the row's cells were left blank.
    pub const GLUED_DIGITS: &str = "txt.glued_digits";
    /// A run of glued digits was split by the only split that agrees with the figures
    /// the report's own prose states for its cells (the sentences quoted).
    pub const SPLIT_BY_TEXT: &str = "txt.split_by_text";
    /// The figures the report's prose states for a glued run's cells agree with no
    /// split of its digits: the cells were left blank (the sentences quoted).
    pub const TEXT_CONTRADICTS_DIGITS: &str = "txt.text_contradicts_digits";
}

/// Reads the bytes of a text dump into a [`Document`].
///
/// # Errors
///
/// [`TxtError::Undecodable`] for bytes that are no text in any encoding we read, and
/// [`TxtError::LimitExceeded`] for input over `max_input_bytes`, a line over
/// `max_line_bytes` or a table over `max_table_cells`.
pub fn read(bytes: &[u8], limits: &Limits) -> Result<Document, TxtError> {
    let size = u64::try_from(bytes.len()).unwrap_or(u64::MAX);
    if size > limits.max_input_bytes {
        return Err(TxtError::LimitExceeded {
            limit: "max_input_bytes",
            actual: size,
            max: limits.max_input_bytes,
            line: 1,
        });
    }
    lines::check_raw_lines(bytes, limits)?;
    let common = common_chars::CommonChars::new();
    let decoded = decode::decode(bytes, &common)?;
    let mut b = reader::Builder::default();
    for d in decoded.diagnostics {
        b.diagnostic(d);
    }
    let (repaired, repair) = mojibake::repair(&common, &decoded.text);
    let text = repaired.as_deref().unwrap_or(&decoded.text);
    if let Some(&first) = repair.repaired.first() {
        b.diagnostic(Diagnostic::info(
            codes::MOJIBAKE,
            format!(
                "{} lines were mojibake (UTF-8 read as GBK) and were repaired",
                repair.repaired.len()
            ),
            Some(Pos::line(first)),
        ));
    }
    for &line in &repair.unrepaired {
        b.diagnostic(Diagnostic::warning(
            codes::MOJIBAKE,
            "the line looks like mojibake (UTF-8 read as GBK) but does not convert back exactly; kept as it is",
            Some(Pos::line(line)),
        ));
    }
    let lines = lines::split(text, limits)?;
    reader::build(&lines, limits, &mut b)?;
    let mut doc = b.doc;
    doc.properties
        .insert("encoding".into(), decoded.encoding.to_owned());
    let layout = if b.layouts.is_empty() {
        "none".to_owned()
    } else {
        b.layouts
            .iter()
            .map(|l| l.name())
            .collect::<Vec<_>>()
            .join(",")
    };
    doc.properties.insert("layout".into(), layout);
    if repaired.is_some() {
        doc.properties
            .insert("mojibake_repaired".into(), "true".into());
    }
    Ok(doc)
}

/// Whether bytes look like a text document: a byte-order mark, or text that decodes
/// cleanly (UTF-8, UTF-16, GB18030 or Big5) with few control characters. Meant for
/// format detection; it looks at the first 64 KiB only.
pub fn looks_like_text(bytes: &[u8]) -> bool {
    if bytes.is_empty() {
        return false;
    }
    if encoding_rs::Encoding::for_bom(bytes).is_some() {
        return true;
    }
    let head = bytes.get(..bytes.len().min(64 << 10)).unwrap_or(bytes);
    let head = match std::str::from_utf8(head) {
        // A cut in the middle of a character at the end of the window is fine.
        Err(e) if e.error_len().is_none() => head.get(..e.valid_up_to()).unwrap_or(head),
        _ => head,
    };
    if head.starts_with(b"PK\x03\x04")
        || head.starts_with(b"%PDF")
        || head.starts_with(b"\xd0\xcf\x11\xe0")
    {
        return false;
    }
    decode::decode(head, &common_chars::CommonChars::new()).is_ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn input_limit() {
        let limits = Limits {
            max_input_bytes: 3,
            ..Limits::default()
        };
        let err = read(b"abcd", &limits).unwrap_err();
        assert!(matches!(
            err,
            TxtError::LimitExceeded {
                limit: "max_input_bytes",
                actual: 4,
                ..
            }
        ));
    }

    #[test]
    fn sniffing() {
        assert!(looks_like_text("一、总体情况\n".as_bytes()));
        assert!(looks_like_text(b"\xff\xfe\x00\x4e"));
        assert!(!looks_like_text(b""));
        assert!(!looks_like_text(b"PK\x03\x04\x14\x00\x06\x00"));
        assert!(!looks_like_text(&[0u8, 1, 2, 3, 4, 5, 6, 7, 0, 0, 0, 0]));
    }
}
