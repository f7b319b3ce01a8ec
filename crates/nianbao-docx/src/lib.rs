//! nianbao: the .docx adapter: a streaming OOXML reader that builds true table grids
//! ([`read`]), and a writer that re-typesets a report in the official layout ([`write`]).
//!
//! ```
//! let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../../testdata/docx/libreoffice/merged-table.docx");
//! let bytes = std::fs::read(path).unwrap();
//! let doc = nianbao_docx::read(&bytes, &nianbao_core::Limits::default()).unwrap();
//! let nianbao_core::ir::Block::Table(table) = doc.blocks.iter().find(|b| matches!(b, nianbao_core::ir::Block::Table(_))).unwrap() else { unreachable!() };
//! // A cell merged over two rows is there once, in its first row.
//! assert!(table.rows[0].cells.iter().any(|c| c.row_span == 2));
//! ```
#![forbid(unsafe_code)]
#![deny(missing_docs)]
#![cfg_attr(
    not(test),
    deny(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)
)]

pub mod read;
pub mod write;

pub use read::{DocxError, read, read as read_docx};
