//! Read government-information-disclosure annual reports (政府信息公开工作年度报告)
//! from PDF files.
//!
//! [`read`] loads the object graph (lopdf, default features off: xref, object streams,
//! repair), interprets each page's content stream itself (text state, `TJ` spacing,
//! the CTM, form XObjects; Type0/CID fonts with Identity-H/V and the Adobe-GB1 CMaps,
//! ToUnicode maps, simple fonts with encodings and Differences, Type 3 fonts) and
//! returns the [`Document`] IR:
//!
//! - **tables** from ruling lines (strokes, and thin filled rectangles as WPS draws
//!   them): the grid from the lines' distinct positions, merged cells where a line is
//!   missing, each glyph in the cell holding its centre; a table that continues on the
//!   next page (same outer borders) is joined to its first part, a header row printed
//!   again is dropped and a label cell cut by the page break is joined again;
//! - **tables drawn without lines** from the alignment of their text: the columns
//!   from the gaps between runs of glyphs that at least three lines show, a line with
//!   numbers a row, wrapped labels joined into their cell; the cells' provenance is
//!   `layout`, and a number no single column holds is left out, never placed;
//! - **paragraphs** from glyph positions: lines rebuilt, wrapped lines joined (a line
//!   that reaches the right margin runs on into an unindented next line), headings as
//!   printed; page numbers (`— 4 —`, `-4-`, `第 4 页`) in the top and bottom margins dropped;
//! - compatibility characters normalized (Kangxi radicals and the CJK radicals
//!   supplement to unified ideographs; full-width digits in number cells).
//!
//! Document properties: `title`, `author`, `subject`, `keywords`, `creator`,
//! `producer`, `created`, `modified` (ISO 8601) from the document information,
//! `pages`, and `layout` = `pdf`. Positions name the page (`page 3`) and, for
//! paragraphs, the line on it.
//!
//! Diagnostics (codes under `pdf.`): `pdf.unmapped_glyphs` (a font with no usable
//! Unicode mapping: the page's share of such glyphs; they are left out, never
//! guessed), `pdf.invisible_text`, `pdf.scanned_pages` (some pages are images only),
//! `pdf.too_many_lines`, `pdf.table_from_alignment` (a table read from the alignment
//! of its text: its rows and columns), `pdf.alignment_unplaced` (numbers of such a
//! table that no single column holds, left out). A document whose pages are all images without text is
//! [`PdfError::Scanned`] ("scanned: needs OCR"), naming the pages.
//!
//! Every limit of [`PdfLimits`] is checked as the data arrives; nothing recurses on
//! the input's structure.
#![forbid(unsafe_code)]
#![deny(missing_docs)]
#![cfg_attr(not(test), deny(clippy::unwrap_used, clippy::expect_used))]

mod align;
mod assemble;
mod cmap;
mod error;
mod font;
mod grid;
mod interp;
mod lexer;
mod limits;
mod lines;
mod meta;
mod normalize;
mod objects;
mod pages;

use nianbao_core::ir::Document;
use nianbao_core::{Diagnostic, Limits};

pub use error::PdfError;
pub use limits::PdfLimits;

/// At most this many glyphs with text make a page that an image covers a scan.
const SCAN_MAX_GLYPHS: usize = 10;
/// The share of the page one image must cover for a scan.
const SCAN_MIN_COVER: f32 = 0.5;

/// Reads a PDF into the Document IR with the PDF limits derived from `limits`.
///
/// # Errors
///
/// [`PdfError::Malformed`] for a file that is not a readable PDF,
/// [`PdfError::Encrypted`] for one that needs a user password, [`PdfError::Scanned`]
/// when every page is an image with no text (it needs OCR), and [`PdfError::Limit`]
/// when the input goes over one of the limits.
pub fn read(bytes: &[u8], limits: &Limits) -> Result<Document, PdfError> {
    read_with_limits(bytes, &PdfLimits::from(limits))
}

/// Reads a PDF into the Document IR under explicit PDF limits.
///
/// # Errors
///
/// As [`read`].
pub fn read_with_limits(bytes: &[u8], limits: &PdfLimits) -> Result<Document, PdfError> {
    let pdf = objects::Pdf::load(bytes, limits)?;
    let refs = pages::pages(&pdf)?;
    let mut doc = Document::default();
    meta::info(&pdf, &mut doc.properties);
    doc.properties.insert("layout".into(), "pdf".into());
    doc.properties
        .insert("pages".into(), refs.len().to_string());
    let mut laid = Vec::with_capacity(refs.len());
    let mut scanned = Vec::new();
    let mut with_text = 0usize;
    for (i, page) in refs.iter().enumerate() {
        let no = u32::try_from(i + 1).unwrap_or(u32::MAX);
        let content = interp::interpret_page(&pdf, page, no)
            .map_err(|e| e.at(&assemble::page_pos(no, None)))?;
        let texts = content.glyphs.iter().filter(|g| g.text.is_some()).count();
        if texts <= SCAN_MAX_GLYPHS && content.image_cover >= SCAN_MIN_COVER {
            scanned.push(no);
        }
        if texts > 0 {
            with_text += 1;
        }
        laid.push(assemble::Page::new(
            no,
            content,
            limits.common.max_table_cells,
            &mut doc,
        ));
    }
    if !scanned.is_empty() {
        if with_text == 0 {
            return Err(PdfError::Scanned { pages: scanned });
        }
        let list: Vec<String> = scanned.iter().map(u32::to_string).collect();
        doc.diagnostics.push(Diagnostic::warning(
            "pdf.scanned_pages",
            format!(
                "scanned pages (images without text; they need OCR and are not read): {}",
                list.join(", ")
            ),
            None,
        ));
    }
    assemble::drop_running_lines(&mut laid);
    assemble::join_cut_labels(&mut laid);
    assemble::assemble(&laid, limits.common.max_table_cells, &mut doc);
    Ok(doc)
}
