//! nianbao (年报): read China's government-information-disclosure annual reports
//! (政府信息公开工作年度报告) into typed data, and check their arithmetic.
//!
//! ```
//! let analysis = nianbao::read_path("testdata/tika/county-2021.txt").unwrap();
//! let report = &analysis.report;
//! assert_eq!(report.meta.agency.as_deref(), Some("示例县人民政府"));
//! assert_eq!(report.meta.year, Some(2021));
//! let apps = report.applications.as_ref().unwrap();
//! assert_eq!(apps.number("new_received", "total").unwrap().to_string(), "1047");
//! // Every rule holds in this report.
//! assert!(nianbao::rules::failed_rules(&analysis.findings).is_empty());
//! # #[cfg(feature = "json")]
//! let json = nianbao::json::to_string(&analysis);
//! ```
//!
//! # Crate features
//!
//! - `txt` (default): text dumps ([`nianbao_txt`]).
//! - `docx` (default): .docx reading ([`nianbao_docx`]).
//! - `docx-write` (default): the .docx writer (`docx::write`, built on docx-rs).
//! - `doc` (default): Word 97–2003 .doc and OLE .wps reading ([`nianbao_doc`]).
//! - `html` (default): HTML pages ([`nianbao_html`]).
//! - `pdf` (default): PDF files ([`nianbao_pdf`]).
//! - `json` (default): normalized JSON and its schema ([`nianbao_json`]); serde for
//!   the model (`Analysis` and `Report` implement `Serialize`). Without it the core has
//!   no serde.
//! - `view` (default): HTML pages of reports and an index page for a batch
//!   ([`nianbao_view`]).
//!
//! # Reference
//!
//! The keys, paths, formats and rules of the output are in [`reference`](mod@reference)
//! (`docs/REFERENCE.md` in the repository).
#![cfg_attr(docsrs, feature(doc_cfg))]
#![forbid(unsafe_code)]
#![deny(missing_docs)]
#![cfg_attr(
    not(test),
    deny(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)
)]

mod format;
mod read;

pub use format::Format;
pub use read::{Options, read_bytes, read_document, read_path, read_path_with};

pub use nianbao_core::{
    Analysis, Cell, CellValue, Diagnostic, Error, Headline, Limits, Number, Report, SectionKey,
    Severity, TableFormat, TableKind, UnsupportedReason, analyze, catalog, codes, headline, ir,
    link, model, recognize, rules,
};

#[cfg(feature = "doc")]
pub use nianbao_doc as doc;
#[cfg(feature = "docx")]
#[cfg_attr(docsrs, doc(cfg(feature = "docx")))]
pub use nianbao_docx as docx;
#[cfg(feature = "html")]
#[cfg_attr(docsrs, doc(cfg(feature = "html")))]
pub use nianbao_html as html;
#[cfg(feature = "json")]
#[cfg_attr(docsrs, doc(cfg(feature = "json")))]
pub use nianbao_json as json;
#[cfg(feature = "pdf")]
#[cfg_attr(docsrs, doc(cfg(feature = "pdf")))]
pub use nianbao_pdf as pdf;
#[cfg(feature = "txt")]
#[cfg_attr(docsrs, doc(cfg(feature = "txt")))]
pub use nianbao_txt as txt;
#[cfg(feature = "view")]
#[cfg_attr(docsrs, doc(cfg(feature = "view")))]
pub use nianbao_view as view;

#[doc = include_str!("../docs/REFERENCE.md")]
pub mod reference {}
