//! Links reports across years, as `nianbao batch` does for cross_year.csv: reads every
//! report file given, groups them by agency (names normalized: 人民政府 / 办公室 endings,
//! Traditional characters) and year, checks the cross-year rules on every two
//! consecutive years and compares two reports of one year cell by cell.
//!
//! ```text
//! cargo run --example link_years -- REPORT…
//! cargo run --example link_years -- testdata/years/*.txt
//! ```

use std::process::ExitCode;

use nianbao::CellValue;
use nianbao::link::{Entry, compare_cells, link};
use nianbao::rules::{Status, check_cross_year};

fn main() -> ExitCode {
    let paths: Vec<String> = std::env::args().skip(1).collect();
    if paths.is_empty() {
        eprintln!("usage: link_years REPORT…");
        return ExitCode::from(2);
    }
    // Read every file; one that cannot be read is reported and left out.
    let mut reports = Vec::new();
    for path in &paths {
        match nianbao::read_path(path) {
            Ok(analysis) => reports.push((path.as_str(), analysis.report)),
            Err(e) => eprintln!("skipped: {e}"),
        }
    }
    let entries: Vec<Entry<'_>> = reports
        .iter()
        .enumerate()
        .map(|(i, (_, report))| Entry::of(i, report))
        .collect();
    for group in link(&entries) {
        let names: Vec<&str> = group.names.iter().map(String::as_str).collect();
        println!("{} ({})", group.key, names.join(" = "));
        for (prev, cur) in group.pairs() {
            let ((p_name, p), (c_name, c)) = (&reports[prev], &reports[cur]);
            println!("  {p_name} → {c_name}");
            match check_cross_year(p, c) {
                Ok(findings) => {
                    for f in findings.iter().filter(|f| f.status != Status::Passed) {
                        println!("    {}", f.describe());
                    }
                    let passed = findings.iter().filter(|f| f.status == Status::Passed);
                    println!("    {} passed", passed.count());
                }
                Err(e) => println!("    not compared: {e}"),
            }
        }
        for (a, b) in group.duplicates() {
            let ((a_name, ra), (b_name, rb)) = (&reports[a], &reports[b]);
            let comparison = compare_cells(ra, rb);
            println!(
                "  {a_name} = {b_name}: {} cells the same, {} differ",
                comparison.same,
                comparison.differences.len()
            );
            for d in &comparison.differences {
                println!("    {}: {} vs {}", d.path, shown(&d.left), shown(&d.right));
            }
        }
    }
    ExitCode::SUCCESS
}

/// A cell's value for people, or what stands in the other report's place.
fn shown(value: &Option<CellValue>) -> String {
    value
        .as_ref()
        .map_or_else(|| "(no such cell)".into(), CellValue::to_string)
}
