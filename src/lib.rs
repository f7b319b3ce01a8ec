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
//! - `docx` (default): .docx reading and writing ([`nianbao_docx`]).
//! - `doc` (default): Word 97–2003 .doc and OLE .wps reading ([`nianbao_doc`]).
//! - `html` (default): HTML pages ([`nianbao_html`]).
//! - `json` (default): normalized JSON and its schema ([`nianbao_json`]).
#![forbid(unsafe_code)]
#![deny(missing_docs)]
#![cfg_attr(
    not(test),
    deny(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)
)]

mod format;
mod read;

pub use format::Format;
pub use read::{Options, read_bytes, read_document, read_path};

pub use nianbao_core::{
    Analysis, Cell, CellValue, Diagnostic, Error, Limits, Number, Report, SectionKey, Severity,
    TableFormat, TableKind, analyze, catalog, codes, ir, model, recognize, rules,
};

#[cfg(feature = "doc")]
pub use nianbao_doc as doc;
#[cfg(feature = "docx")]
pub use nianbao_docx as docx;
#[cfg(feature = "html")]
pub use nianbao_html as html;
#[cfg(feature = "json")]
pub use nianbao_json as json;
#[cfg(feature = "txt")]
pub use nianbao_txt as txt;
