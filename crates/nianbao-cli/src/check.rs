//! `nianbao check`: a human-readable account of each report (and with `--html`, a
//! page of each).

use std::fmt::Write as _;

use nianbao::rules::Status as RuleStatus;
use nianbao::{Analysis, SectionKey, Severity, TableKind};

use crate::cli::CheckArgs;
use crate::headline::{Headline, NUMBER_NAMES};
use crate::input::{self, Done};
use crate::pages::Pages;
use crate::stdout::{Out, warn};
use crate::style::Style;
use crate::{Outcome, Tally};

/// Runs `nianbao check`: exit 1 when a file cannot be read; a file in which no
/// report is found is skipped; with `--strict`, exit 3 when a rule fails.
pub fn run(args: &CheckArgs) -> anyhow::Result<Outcome> {
    let style = Style::for_stdout();
    let options = args.limits.options();
    let mut pages = match &args.html {
        Some(out) => Some(Pages::plan(&args.files, out, args.force)?),
        None => None,
    };
    let mut out = Out::new();
    let mut tally = Tally::default();
    for (i, file) in args.files.iter().enumerate() {
        if out.closed() {
            break;
        }
        if i > 0 {
            out.write(b"\n")?;
        }
        let name = if input::is_stdin(file) {
            input::STDIN.to_owned()
        } else {
            file.display().to_string()
        };
        let head = |text: String| format!("{} {}\n  {text}\n", style.bold("──"), style.bold(&name));
        let text = match input::read(file, &options) {
            Done::Converted(analysis) => {
                tally.converted(&analysis);
                if let Some(pages) = &mut pages
                    && let Err(e) = pages.write(i, &name, &analysis)
                {
                    warn(&format!("nianbao: {name}: {e}"));
                    tally.failed += 1;
                }
                account(&name, &analysis, style)
            }
            Done::Skipped(e) => head(style.warn(&format!("skipped: {e}"))),
            Done::Failed(e) => {
                tally.failed += 1;
                head(style.bad(&e.to_string()))
            }
        };
        out.write(text.as_bytes())?;
    }
    out.flush()?;
    if let Some(pages) = pages {
        pages.finish()?;
    }
    Ok(tally.outcome(args.strict))
}

/// The account of one analysed report.
pub fn account(name: &str, analysis: &Analysis, style: Style) -> String {
    let report = &analysis.report;
    let mut s = String::new();
    let format = report.source.format.as_deref().unwrap_or("?");
    let _ = writeln!(s, "{} {} ({format})", style.bold("──"), style.bold(name));
    let meta = &report.meta;
    let _ = writeln!(
        s,
        "  title        {}",
        meta.title.as_deref().unwrap_or("(none found)")
    );
    let _ = writeln!(
        s,
        "  agency, year {} · {}",
        meta.agency.as_deref().unwrap_or("(unknown)"),
        meta.year.map_or("(unknown)".to_owned(), |y| y.to_string())
    );
    let found: Vec<&str> = report.sections.iter().map(|sec| sec.key.key()).collect();
    let missing: Vec<&str> = SectionKey::ALL
        .iter()
        .filter(|k| report.section(**k).is_none())
        .map(|k| k.key())
        .collect();
    let _ = writeln!(
        s,
        "  sections     {} of 6: {}{}",
        SectionKey::ALL.len() - missing.len(),
        found.join(", "),
        if missing.is_empty() {
            String::new()
        } else {
            format!(
                "; {}",
                style.warn(&format!("missing: {}", missing.join(", ")))
            )
        }
    );
    for kind in TableKind::ALL {
        let line = match report.table(kind) {
            Some(t) => format!(
                "{} format, {} rows ({} extra), {} notes",
                t.format.map_or("common", |f| f.as_str()),
                t.rows.len(),
                t.extra_rows().count(),
                t.notes.len()
            ),
            None => style.warn("not found"),
        };
        let _ = writeln!(s, "  table        {:<18} {line}", kind.key());
        if let Some(t) = report.table(kind) {
            let _ = writeln!(s, "               {:<18} {}", "", evidence(t, style));
        }
    }
    let headline = Headline::of(analysis);
    let numbers: Vec<String> = NUMBER_NAMES
        .iter()
        .zip(headline.numbers.iter())
        .map(|(n, v)| format!("{n} {}", v.map_or("–".to_owned(), |v| v.to_string())))
        .collect();
    let _ = writeln!(s, "  headline     {}", numbers.join(" · "));

    let count = |st: RuleStatus| analysis.findings.iter().filter(|f| f.status == st).count();
    let failed = count(RuleStatus::Failed);
    let summary = format!(
        "{} passed, {} failed, {} not assessable",
        count(RuleStatus::Passed),
        failed,
        count(RuleStatus::NotAssessable)
    );
    let _ = writeln!(
        s,
        "  rules        {}",
        if failed > 0 {
            style.bad(&summary)
        } else {
            style.good(&summary)
        }
    );
    for f in &analysis.findings {
        let (mark, text) = match f.status {
            RuleStatus::Passed => (style.good("✓"), f.describe()),
            RuleStatus::Failed => (style.bad("✗"), style.bad(&f.describe())),
            RuleStatus::NotAssessable => (style.dim("·"), style.dim(&f.describe())),
        };
        let soft = if f.soft { " (soft)" } else { "" };
        let _ = writeln!(s, "    {mark} {text}{soft}");
    }
    let _ = writeln!(s, "  diagnostics  {}", analysis.diagnostics.len());
    for d in &analysis.diagnostics {
        let severity = match d.severity {
            Severity::Warning => style.warn("warning"),
            _ => style.dim("info   "),
        };
        let place = d
            .pos
            .as_ref()
            .map_or("unknown place".to_owned(), |p| p.to_string());
        let _ = writeln!(s, "    {severity} {} at {place}: {}", d.code, d.message);
    }
    s
}

/// How a table's cells were placed: read from a grid, placed by layout, split off
/// glued digits (one per cell, by the row's own sum, or by figures the prose states),
/// left blank for want of evidence.
fn evidence(t: &nianbao::model::Table, style: Style) -> String {
    use nianbao::model::Provenance;
    let parts: Vec<String> = t
        .provenance_counts()
        .into_iter()
        .map(|(p, n)| {
            let what = match p {
                Provenance::Grid => "read from a grid",
                Provenance::Layout => "placed by layout",
                Provenance::DigitCount => "split one digit per cell",
                Provenance::RowSum => "split by a row's sum",
                Provenance::StatedInText => "split by figures the text states",
                Provenance::NoEvidence => "left blank for want of evidence",
                _ => "placed otherwise",
            };
            let text = format!("{n} {what}");
            if n > 0
                && matches!(
                    p,
                    Provenance::RowSum | Provenance::StatedInText | Provenance::NoEvidence
                )
            {
                style.warn(&text)
            } else {
                text
            }
        })
        .collect();
    format!("cells: {}", parts.join(", "))
}
