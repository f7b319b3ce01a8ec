//! Reads one report in any supported format (.docx, text, HTML) and writes it again as
//! a clean .docx: the official layout of its format, typeset per GB/T 9704-2012.
//!
//! ```text
//! cargo run --example normalize_docx -- testdata/corpus/xiangning-shuanghe-2020.tika.txt out.docx
//! cargo run --example normalize_docx -- --findings report.docx out.docx
//! ```
//!
//! `--findings` adds an appendix after section 六 listing the consistency rules
//! (勾稽关系) the report breaks. What the reader had to guess is printed on stderr.

use std::path::PathBuf;
use std::process::ExitCode;

use nianbao::docx::WriteOptions;

fn main() -> ExitCode {
    let mut findings = false;
    let mut paths: Vec<PathBuf> = Vec::new();
    for arg in std::env::args_os().skip(1) {
        if arg == "--findings" {
            findings = true;
        } else {
            paths.push(arg.into());
        }
    }
    let [input, output] = paths.as_slice() else {
        eprintln!("usage: normalize_docx [--findings] INPUT OUTPUT.docx");
        return ExitCode::from(2);
    };
    let analysis = match nianbao::read_path(input) {
        Ok(a) => a,
        Err(e) => {
            eprintln!("error: {e}");
            return ExitCode::FAILURE;
        }
    };
    for d in &analysis.diagnostics {
        eprintln!("{}: {}", d.code, d.message);
    }
    let mut options = WriteOptions::default();
    if findings {
        options = options.with_findings_appendix(analysis.findings.clone());
    }
    let bytes = match nianbao::docx::write(&analysis.report, &options) {
        Ok(b) => b,
        Err(e) => {
            eprintln!("error: {}: {e}", input.display());
            return ExitCode::FAILURE;
        }
    };
    if let Err(e) = std::fs::write(output, &bytes) {
        eprintln!("error: {}: {e}", output.display());
        return ExitCode::FAILURE;
    }
    let failed = nianbao::rules::failed_rules(&analysis.findings);
    eprintln!(
        "{} → {} ({} bytes; {} rule(s) broken{})",
        input.display(),
        output.display(),
        bytes.len(),
        failed.len(),
        if failed.is_empty() {
            String::new()
        } else {
            format!(": {}", failed.into_iter().collect::<Vec<_>>().join(", "))
        }
    );
    ExitCode::SUCCESS
}
