//! nianbao-doc: read Word 97–2003 `.doc` files (and WPS Office `.wps` files in the same
//! format) into the [Document IR](nianbao_core::ir) of [`nianbao_core`].
//!
//! The compound file is opened with the `cfb` crate; the rest follows [MS-DOC]:
//!
//! - the **FIB** names the table stream and where the structures are; an encrypted or
//!   obfuscated file, a Word 6.0/95 or Word 2.0 file, a compound file of another kind
//!   (an Excel workbook, an older WPS file) each get a typed error saying what it is;
//! - the **piece table** gives the text of the main document in reading order, from
//!   8-bit (Windows-1252) and UTF-16 pieces, fast-saved (complex) files included;
//!   headers, footers, footnotes, comments and text boxes are other parts of the
//!   character stream and are not read; fields show their result, not their code;
//! - **paragraph properties** come from the formatted disk pages (by the file offset of
//!   the paragraph mark, with `sprmPHugePapx` followed into the `Data` stream), the
//!   paragraph's style and the piece's property modifier;
//! - **tables** come from cell marks and row ends (`sprmPFInTable`, `sprmPFTtp`,
//!   `sprmPItap` and the inner-cell marks of nested tables): each row's
//!   `sprmTDefTable` cell boundaries make the grid columns, `fFirstMerged`/`fMerged`
//!   merge horizontally, `fVertRestart`/`fVertMerge` make a cell span rows; a nested
//!   table stays in its cell; a row end without its own `sprmTDefTable` takes the
//!   previous row's;
//! - **list numbers** are rendered as Word prints them (`一、`, `（一）`, `1.`) from the
//!   list definitions and overrides (`sprmPIlfo`, `sprmPIlvl`), through the style too;
//! - **properties** (title, subject, author, created, modified, application) come from
//!   the SummaryInformation stream into [`Document::properties`].
//!
//! Text formatted hidden (`sprmCFVanish`) or deleted in tracked changes
//! (`sprmCFRMarkDel`) does not show; inserted text does. Hidden or deleted through a
//! character style, or through a fast-saved piece's property modifier, still shows.
//!
//! ```
//! let bytes = std::fs::read("../../testdata/doc/libreoffice/numbering.doc").unwrap();
//! let doc = nianbao_doc::read(&bytes, &nianbao_core::Limits::default()).unwrap();
//! assert!(doc.paragraphs().any(|p| p.text.starts_with("一、")));
//! ```
#![forbid(unsafe_code)]
#![deny(missing_docs)]
#![cfg_attr(
    not(test),
    deny(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)
)]

mod body;
mod bytes;
mod chpx;
mod container;
mod error;
mod fib;
mod lists;
mod papx;
mod pieces;
mod props;
mod sprm;
mod styles;
mod table;

use nianbao_core::ir::Document;
use nianbao_core::{Diagnostic, Limits};

pub use error::DocError;

use body::Body;
use chpx::Hidden;
use container::Container;
use fib::Fib;
use lists::Lists;
use papx::Papx;
use pieces::PieceTable;
use styles::Styles;

/// Whether `bytes` start with the signature of an OLE compound file (a .doc, .wps,
/// .xls, an encrypted Office file…).
pub fn is_compound_file(bytes: &[u8]) -> bool {
    bytes.starts_with(&container::OLE_SIGNATURE)
}

/// Reads a Word 97–2003 `.doc` (or an OLE `.wps`) from its bytes into a [`Document`].
///
/// Stream sizes are checked against `max_part_bytes` and `max_total_bytes` before they
/// are read, the piece count against `max_entries`, table nesting against `max_depth`
/// and the cells of a table against `max_table_cells` as they arrive.
///
/// # Errors
///
/// [`DocError`]: the input is of another kind, an older Word format or encrypted; a
/// structure is corrupt (with the stream and byte offset); a limit is exceeded.
pub fn read(bytes: &[u8], limits: &Limits) -> Result<Document, DocError> {
    let len = bytes.len() as u64;
    DocError::check_limit("max_input_bytes", len, limits.max_input_bytes, "")?;
    let mut container = Container::open(bytes, limits)?;
    let wd = container
        .read("WordDocument")?
        .ok_or_else(|| DocError::corrupt("WordDocument", 0, "the stream is missing"))?;
    let fib = Fib::parse(&wd)?;
    let table_name = if fib.table_1 { "1Table" } else { "0Table" };
    let table = container
        .read(table_name)?
        .ok_or_else(|| DocError::NotDoc {
            what: format!("the {table_name} stream the FIB names is missing"),
        })?;
    let data = container.read("Data")?.unwrap_or_default();
    let pieces = PieceTable::parse(&table, table_name, fib.clx, wd.len(), limits)?;
    let papx = Papx::parse(&table, table_name, fib.plcf_bte_papx, &wd)?;
    let hidden = Hidden::parse(&table, table_name, fib.plcf_bte_chpx, &wd)?;
    let styles = Styles::parse(&table, fib.stshf);
    let (mut lists, lists_complete) = Lists::parse(&table, fib.plf_lst, fib.plf_lfo);

    let mut doc = Document::default();
    if !lists_complete {
        doc.diagnostics.push(Diagnostic::warning(
            "doc.lists_cut_short",
            "the list definitions are cut short: some list numbers are not shown",
            None,
        ));
    }
    doc.blocks = Body {
        wd: &wd,
        data: &data,
        pieces: &pieces,
        papx: &papx,
        hidden: &hidden,
        styles: &styles,
        lists: &mut lists,
        limits,
    }
    .read(fib.ccp_text)?;
    match container.read("\u{5}SummaryInformation") {
        Ok(Some(data)) => props::read_into(&data, &mut doc.properties),
        Ok(None) => {}
        Err(e) => doc.diagnostics.push(Diagnostic::warning(
            "doc.properties_unreadable",
            format!("document properties were not read: {e}"),
            None,
        )),
    }
    Ok(doc)
}
