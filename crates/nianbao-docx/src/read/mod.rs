//! Reading .docx into the [Document IR](nianbao_core::ir).
//!
//! One streaming pass of quick-xml over `word/document.xml` (no DOM), with the
//! package read through `zip` under [`Limits`]:
//!
//! - **Tables** become logical grids: `w:gridBefore` and `w:gridSpan` place a cell at its
//!   grid column; a `w:vMerge` (a bare `<w:vMerge/>` continues) is one cell with
//!   `row_span > 1`; nested tables stay in [`Cell::nested`](nianbao_core::ir::Cell::nested);
//!   header rows (`w:tblHeader`) are read once and marked.
//! - **Text** reads as Word shows it: runs joined across hyperlinks, smart tags,
//!   content controls and proofing marks; tabs, breaks, non-breaking hyphens and symbols
//!   rendered; fields show their result, not their code; tracked changes read as
//!   accepted; one branch of `mc:AlternateContent`; text boxes become paragraphs after
//!   the paragraph that anchors them; hidden runs and bookmarks never show.
//! - **Automatic numbering** from `numbering.xml` and the styles is rendered in front of
//!   the paragraph (`一、总体情况`, `（一）`, `1.`); bullets are not.
//! - Headers, footers, footnotes and comments are not read; `docProps` go into
//!   [`Document::properties`] as `title`, `author`, `created`, `modified`, `application`.
//!
//! Parts are inflated straight from the input with one reused decompressor, and
//! formatting the reader does not need (run, paragraph, cell and row properties without
//! the few elements it reads, borders, shading, section properties, `latentStyles`) is
//! jumped over by bytes, with offsets kept exact: on the 200 reports of the bench
//! corpus a read costs about as much as inflating and tokenizing `document.xml` alone.

mod body;
pub mod codes;
mod error;
mod grid;
mod numbering;
mod package;
mod props;
mod sniff;
mod styles;
mod text;
mod xml;

use nianbao_core::ir::Document;
use nianbao_core::{Diagnostic, Limits};

pub use error::DocxError;

use body::BodyReader;
use numbering::Numbering;
use package::{Package, Rels};
use styles::Styles;

/// The main part when the package relationships do not name one.
const DEFAULT_MAIN: &str = "word/document.xml";

/// Reads a .docx from its bytes into a [`Document`].
///
/// Every limit of `limits` is checked before the reader allocates for what the file
/// announces. A file that is not a .docx (a .doc, a .wps, an .xlsx, an encrypted
/// document…) gives [`DocxError::NotDocx`] or [`DocxError::Encrypted`] saying what it is.
///
/// # Errors
///
/// [`DocxError`] for a corrupt package or malformed XML (with the part and byte
/// offset), an input of another kind, or a limit exceeded.
pub fn read(bytes: &[u8], limits: &Limits) -> Result<Document, DocxError> {
    let mut package = Package::open(bytes, limits)?;
    let mut doc = Document::default();

    let root_rels = match package.read("_rels/.rels")? {
        Some(data) => Rels::parse(&data, "_rels/.rels", "")?,
        None => Rels::default(),
    };
    let main = root_rels
        .target("officeDocument")
        .unwrap_or(DEFAULT_MAIN)
        .to_owned();
    let Some(main_data) = package.read(&main)? else {
        if root_rels.target("officeDocument").is_some() {
            let detail = if main != DEFAULT_MAIN && package.find(DEFAULT_MAIN).is_some() {
                format!(
                    "`_rels/.rels` names it as the main document; the package has a \
                     {DEFAULT_MAIN} that it does not point at"
                )
            } else {
                "`_rels/.rels` names it as the main document".to_owned()
            };
            return Err(DocxError::MissingPart { part: main, detail });
        }
        return Err(DocxError::NotDocx {
            what: package.describe_non_document().to_owned(),
        });
    };

    let folder = package::folder(&main).to_owned();
    let main_rels_name = package::rels_name(&main);
    let main_rels = match package.read(&main_rels_name)? {
        Some(data) => Rels::parse(&data, &main_rels_name, &folder)?,
        None => Rels::default(),
    };
    let styles_part = part_or(&main_rels, "styles", &folder, "styles.xml");
    let styles = match package.read(&styles_part)? {
        Some(data) => {
            let mut data = xml::utf8_part(data, &styles_part)?;
            styles::blank_latent_styles(&mut data);
            Styles::parse(&data, &styles_part)?
        }
        None => Styles::default(),
    };
    let numbering_part = part_or(&main_rels, "numbering", &folder, "numbering.xml");
    let mut numbering = match package.read(&numbering_part)? {
        Some(data) => Numbering::parse(
            &xml::utf8_part(data, &numbering_part)?,
            &numbering_part,
            &styles,
        )?,
        None => Numbering::default(),
    };

    for (kind, fallback) in [
        ("core-properties", "docProps/core.xml"),
        ("extended-properties", "docProps/app.xml"),
    ] {
        let part = root_rels.target(kind).unwrap_or(fallback).to_owned();
        if let Some(data) = package.read(&part)? {
            let read = xml::utf8_part(data, &part)
                .and_then(|d| props::read_into(&d, &part, &mut doc.properties));
            if let Err(e) = read {
                doc.diagnostics.push(Diagnostic::warning(
                    "docx.properties_unreadable",
                    format!("document properties were not read: {e}"),
                    None,
                ));
            }
        }
    }

    let main_data = xml::utf8_part(main_data, &main)?;
    let (blocks, diagnostics) =
        BodyReader::new(&main_data, &main, limits, &styles, &mut numbering).read()?;
    doc.blocks = blocks;
    doc.diagnostics.extend(diagnostics);
    Ok(doc)
}

fn part_or(rels: &Rels, kind: &str, folder: &str, file: &str) -> String {
    match rels.target(kind) {
        Some(t) => t.to_owned(),
        None if folder.is_empty() => file.to_owned(),
        None => format!("{folder}/{file}"),
    }
}
