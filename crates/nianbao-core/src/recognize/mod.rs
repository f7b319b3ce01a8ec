//! The recognizer: Document → Report.

use crate::ir::Document;
use crate::{Diagnostic, Report};

/// A recognized report and what the recognizer had to guess.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Recognized {
    /// The report.
    pub report: Report,
    /// Every guess, with a stable code and a place.
    pub diagnostics: Vec<Diagnostic>,
}

/// Recognizes a report in a document.
pub fn recognize(doc: &Document) -> Recognized {
    let _ = doc;
    Recognized::default()
}
