//! The bytes of an output file, in each output format.

use crate::cli::OutputFormat;

/// Renders an analysis in an output format; the error says why it cannot be.
pub fn render(analysis: &nianbao::Analysis, format: OutputFormat) -> Result<Vec<u8>, String> {
    match format {
        OutputFormat::Json => {
            let mut text = nianbao::json::to_string(analysis);
            text.push('\n');
            Ok(text.into_bytes())
        }
        OutputFormat::Docx => {
            let options = nianbao::docx::WriteOptions::default();
            nianbao::docx::write(&analysis.report, &options).map_err(|e| e.to_string())
        }
        OutputFormat::Html => {
            let options = nianbao::view::PageOptions::default();
            Ok(nianbao::view::report_page(analysis, &options).into_bytes())
        }
    }
}
