//! `nianbao compare A B`: two reports of one agency, of consecutive years (the
//! cross-year rules) or of one year (a duplicate, compared cell by cell).

use std::fmt::Write as _;

use nianbao::link::{AgencyKey, compare_cells};
use nianbao::rules::{Status as RuleStatus, check_cross_year};
use nianbao::{Analysis, Report};

use crate::Outcome;
use crate::cli::CompareArgs;
use crate::input::{self, Done};
use crate::stdout::Out;
use crate::style::Style;
use crate::tabular::value_word;

/// Runs `nianbao compare`: exit 1 when a file cannot be read or the two cannot be
/// compared (other agencies, years neither equal nor consecutive); with `--strict`,
/// exit 3 when a cross-year rule fails or the duplicates differ.
pub fn run(args: &CompareArgs) -> anyhow::Result<Outcome> {
    let style = Style::for_stdout();
    let options = args.limits.options();
    let mut read = Vec::with_capacity(2);
    for file in [&args.first, &args.second] {
        let name = if input::is_stdin(file) {
            input::STDIN.to_owned()
        } else {
            file.display().to_string()
        };
        match input::read(file, &options) {
            Done::Converted(analysis) => read.push((name, analysis)),
            Done::Skipped(e) | Done::Failed(e) => {
                crate::stdout::warn(&format!("nianbao: error: {e}"));
                return Ok(Outcome::SomeFailed);
            }
        }
    }
    let (text, outcome) = match (read.pop(), read.pop()) {
        (Some(b), Some(a)) => account((&a.0, &a.1), (&b.0, &b.1), args.strict, style),
        _ => return Ok(Outcome::SomeFailed),
    };
    let mut out = Out::new();
    out.write(text.as_bytes())?;
    out.flush()?;
    Ok(outcome)
}

/// The account of two reports, and the outcome it gives.
fn account(
    a: (&str, &Analysis),
    b: (&str, &Analysis),
    strict: bool,
    style: Style,
) -> (String, Outcome) {
    let mut s = String::new();
    let describe = |(name, analysis): (&str, &Analysis)| {
        let meta = &analysis.report.meta;
        format!(
            "{name} ({}, {})",
            meta.agency.as_deref().unwrap_or("agency unknown"),
            meta.year
                .map_or("year unknown".to_owned(), |y| y.to_string())
        )
    };
    let _ = writeln!(
        s,
        "{} {}\n   {} {}",
        style.bold("── compare"),
        describe(a),
        style.bold("with"),
        describe(b)
    );
    let (ra, rb) = (&a.1.report, &b.1.report);
    let key = |r: &Report| r.meta.agency.as_deref().and_then(AgencyKey::of);
    match (key(ra), key(rb)) {
        (Some(ka), Some(kb)) if ka != kb => {
            let _ = writeln!(
                s,
                "  {}",
                style.bad(&format!(
                    "not compared: other agencies ({ka} and {kb}, as normalized)"
                ))
            );
            return (s, Outcome::SomeFailed);
        }
        (Some(k), Some(_)) => {
            let _ = writeln!(s, "  agency       {k} (normalized)");
        }
        _ => {
            let _ = writeln!(
                s,
                "  agency       {}",
                style.warn("unknown in one report: compared as given")
            );
        }
    }
    let (Some(ya), Some(yb)) = (ra.meta.year, rb.meta.year) else {
        let _ = writeln!(
            s,
            "  {}",
            style.bad("not compared: a report's year is unknown")
        );
        return (s, Outcome::SomeFailed);
    };
    let broken = if ya == yb {
        let _ = writeln!(
            s,
            "  years        both {ya}: a duplicate, compared cell by cell"
        );
        duplicate(&mut s, ra, rb, style)
    } else if ya.checked_add(1) == Some(yb) || yb.checked_add(1) == Some(ya) {
        let (prev, cur) = if ya < yb { (ra, rb) } else { (rb, ra) };
        let _ = writeln!(
            s,
            "  years        {} → {}: the cross-year rules",
            ya.min(yb),
            ya.max(yb)
        );
        match check_cross_year(prev, cur) {
            Ok(findings) => {
                let mut failed = false;
                for f in &findings {
                    let soft = if f.soft { " (soft)" } else { "" };
                    let line = match f.status {
                        RuleStatus::Passed => format!("{} {}", style.good("✓"), f.describe()),
                        RuleStatus::Failed => {
                            failed |= !f.soft;
                            format!("{} {}", style.bad("✗"), style.bad(&f.describe()))
                        }
                        RuleStatus::NotAssessable => {
                            format!("{} {}", style.dim("·"), style.dim(&f.describe()))
                        }
                    };
                    let _ = writeln!(s, "    {line}{soft}");
                }
                if findings.is_empty() {
                    let _ = writeln!(
                        s,
                        "    {}",
                        style.warn("nothing to compare: a report lacks tables 2 and 3")
                    );
                }
                failed
            }
            Err(e) => {
                let _ = writeln!(s, "  {}", style.bad(&format!("not compared: {e}")));
                return (s, Outcome::SomeFailed);
            }
        }
    } else {
        let _ = writeln!(
            s,
            "  {}",
            style.bad(&format!(
                "not compared: {ya} and {yb} are neither one year nor consecutive years"
            ))
        );
        return (s, Outcome::SomeFailed);
    };
    let outcome = if strict && broken {
        Outcome::RulesBroken
    } else {
        Outcome::Success
    };
    (s, outcome)
}

/// Writes the cell-by-cell comparison of two reports of one year; whether they differ.
fn duplicate(s: &mut String, a: &Report, b: &Report, style: Style) -> bool {
    let c = compare_cells(a, b);
    let differ = !c.differences.is_empty() || !c.tables_in_one_only.is_empty();
    let summary = format!("{} cells the same, {} differ", c.same, c.differences.len());
    let _ = writeln!(
        s,
        "  cells        {}",
        if differ {
            style.bad(&summary)
        } else {
            style.good(&summary)
        }
    );
    for kind in &c.tables_in_one_only {
        let _ = writeln!(
            s,
            "    {} {} is in one report only",
            style.bad("✗"),
            kind.key()
        );
    }
    for d in &c.differences {
        let _ = writeln!(
            s,
            "    {} {}: {} vs {}",
            style.bad("✗"),
            d.path,
            value_word(d.left.as_ref()),
            value_word(d.right.as_ref())
        );
    }
    differ
}
