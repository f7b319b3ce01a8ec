//! The core of nianbao: the typed report model, the Document IR that readers produce,
//! the recognizer (Document → Report) and the consistency rules (勾稽关系).
//!
//! Readers of file formats live in their own crates (`nianbao-docx`, `nianbao-txt`,
//! `nianbao-html`) and depend on this one only.
//!
//! ```
//! use nianbao_core::{ir, recognize, rules, TableKind};
//!
//! let mut doc = ir::Document::default();
//! doc.push_paragraph("示例县2021年政府信息公开工作年度报告", ir::Pos::line(1));
//! doc.push_paragraph("四、政府信息公开行政复议、行政诉讼情况", ir::Pos::line(2));
//! let header: Vec<&str> = vec!["行政复议", "行政诉讼"];
//! let cols: Vec<&str> = "结果维持 结果纠正 其他结果 尚未审结 总计".split(' ').collect();
//! let values: Vec<&str> = "1 0 0 0 1 2 0 0 0 2 0 0 0 0 0".split(' ').collect();
//! doc.blocks.push(ir::Block::Table(ir::Table::from_text_rows(vec![header, cols, values])));
//!
//! let recognized = recognize(&doc);
//! let report = &recognized.report;
//! assert_eq!(report.meta.year, Some(2021));
//! let table = report.table(TableKind::ReviewLitigation).unwrap();
//! assert_eq!(table.number("litigation_direct", "total").map(|n| n.to_string()), Some("2".into()));
//! let findings = rules::check(report);
//! assert!(findings.iter().all(|f| f.status != rules::Status::Failed));
//! ```
#![cfg_attr(docsrs, feature(doc_cfg))]
#![forbid(unsafe_code)]
#![deny(missing_docs)]
#![cfg_attr(
    not(test),
    deny(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)
)]

pub mod catalog;
mod diagnostic;
mod error;
pub mod headline;
pub mod ir;
#[cfg(feature = "json")]
mod json;
mod limits;
pub mod link;
pub mod model;
pub mod recognize;
pub mod rules;
pub mod text;
#[doc(hidden)]
pub mod work;

pub use catalog::{SectionKey, TableFormat, TableKind};
pub use diagnostic::{Diagnostic, Severity, codes};
pub use error::{Error, UNNAMED, UnsupportedReason};
pub use headline::Headline;
pub use ir::Pos;
pub use limits::Limits;
pub use model::{Cell, CellValue, Number, Report};
pub use recognize::{Recognized, recognize};

/// The version of the normalized JSON format (`schema_version`). A new optional field
/// is a minor bump; a rename or removal is a major one.
pub const SCHEMA_VERSION: &str = "1.2.0";

/// The name and version of this library, as written into outputs.
pub const GENERATOR: &str = concat!("nianbao ", env!("CARGO_PKG_VERSION"));

/// A report with its findings and diagnostics: the whole result of reading one source.
///
/// `#[non_exhaustive]`: build it with [`Analysis::new`] (or `Analysis::default()` and
/// field assignment).
///
/// ```
/// use nianbao_core::{Analysis, Report};
/// let analysis = Analysis::new(Report::default(), Vec::new(), Vec::new());
/// assert!(analysis.findings.is_empty());
/// ```
#[derive(Debug, Clone, Default, PartialEq)]
#[non_exhaustive]
pub struct Analysis {
    /// The recognized report.
    pub report: Report,
    /// Every rule instance checked, in a stable order.
    pub findings: Vec<rules::Finding>,
    /// Every diagnostic of the reader and the recognizer.
    pub diagnostics: Vec<Diagnostic>,
}

impl Analysis {
    /// An analysis of a report with its findings and diagnostics.
    pub fn new(
        report: Report,
        findings: Vec<rules::Finding>,
        diagnostics: Vec<Diagnostic>,
    ) -> Self {
        Analysis {
            report,
            findings,
            diagnostics,
        }
    }
}

/// Recognizes a document and checks the rules: the whole job after reading.
///
/// `source.properties` are the document's properties; `source.name` is its `url`
/// property when it has one (an HTML page read with its URL). The facade's
/// `read_bytes` and `read_path` fill `source.name` and `source.format` from what the
/// caller gave.
pub fn analyze(doc: &ir::Document) -> Analysis {
    let Recognized {
        mut report,
        diagnostics,
    } = recognize(doc);
    if report.source.name.is_none() {
        report.source.name = doc.properties.get("url").cloned();
    }
    Analysis {
        findings: rules::check(&report),
        report,
        diagnostics,
    }
}
