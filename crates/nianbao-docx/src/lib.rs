//! nianbao: the .docx adapter: a streaming OOXML reader that builds true table grids
//! ([`read()`], module [`mod@read`]), and a writer that re-typesets a report in the
//! official layout (`write`, with the `write` feature).
//!
//! ```
//! use nianbao_core::ir::Block;
//!
//! let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../../testdata/docx/libreoffice/merged-table.docx");
//! let bytes = std::fs::read(path).unwrap();
//! let doc = nianbao_docx::read(&bytes, &nianbao_core::Limits::default()).unwrap();
//! let table = doc.blocks.iter().find_map(|b| match b {
//!     Block::Table(t) => Some(t),
//!     Block::Paragraph(_) => None,
//! }).unwrap();
//! // 结果维持 is merged over two rows: it is there once, in its first row.
//! let cell = &table.rows[1].cells[0];
//! assert_eq!((cell.text.as_str(), cell.col, cell.row_span), ("结果维持", 0, 2));
//! // 未经复议直接起诉 spans five grid columns, starting at column 5.
//! assert_eq!((table.rows[1].cells[5].col, table.rows[1].cells[5].col_span), (5, 5));
//!
//! // Recognition is format-blind: the same Document goes to the core.
//! let analysis = nianbao_core::analyze(&doc);
//! assert!(analysis.report.review_litigation.is_some());
//! ```
//!
//! # Features
//!
//! - `write` (default): the writer, built on docx-rs. A user who only reads turns
//!   default features off and does not compile docx-rs.
#![cfg_attr(docsrs, feature(doc_cfg))]
#![forbid(unsafe_code)]
#![deny(missing_docs)]
#![cfg_attr(
    not(test),
    deny(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)
)]

pub mod read;
#[cfg(feature = "write")]
#[cfg_attr(docsrs, doc(cfg(feature = "write")))]
pub mod write;

pub use read::{DocxError, codes, read, read as read_docx};
#[cfg(feature = "write")]
#[cfg_attr(docsrs, doc(cfg(feature = "write")))]
pub use write::{DocxWriteError, WriteOptions, write};
