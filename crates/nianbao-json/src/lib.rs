//! Normalized JSON of a report: the wire format of nianbao, read back losslessly.
//!
//! The envelope is
//! `{"schema_version", "generator", "source", "report", "findings", "diagnostics"}`.
//! Under `report`, the three tables stand at exactly the paths and keys of REPORT.md
//! (`report.applications.results.denied.state_secret.total`); a cell is a JSON number,
//! or `null` when blank or a placeholder (or text). Wherever normalization changed a
//! cell, `report.cells` holds its verbatim text and what was done, under the cell's
//! path. `report.layout` keeps each table's format, row order, printed labels, extra
//! rows and notes. Consumers should ignore fields they do not know: this format may
//! gain fields in minor versions ([`SCHEMA_VERSION`]).
//!
//! ```
//! use nianbao_core::{analyze, ir};
//! let mut doc = ir::Document::default();
//! doc.push_paragraph("示例县2021年政府信息公开工作年度报告", ir::Pos::line(1));
//! let analysis = analyze(&doc);
//! let json = nianbao_json::to_string(&analysis);
//! assert_eq!(nianbao_json::from_str(&json).unwrap(), analysis);
//! ```
#![forbid(unsafe_code)]
#![deny(missing_docs)]
#![cfg_attr(
    not(test),
    deny(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)
)]

mod error;
pub mod golden;
mod paths;
mod read;
mod schema;
mod write;

pub use error::JsonError;
pub use read::{from_str, from_value};
pub use schema::schema;
pub use write::{to_string, to_string_compact, to_value, write_compact, write_pretty};

/// The version of the JSON format. A new optional field is a minor bump; a rename or
/// removal is a major one.
pub const SCHEMA_VERSION: &str = "1.1.0";
