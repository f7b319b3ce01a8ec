//! The corpus reports, recognized and compared with their expected JSON cell for cell.

mod common;

use common::{compare, corpus, expected, recognize};
use nianbao_core::TableKind;

const ALL: [TableKind; 3] = TableKind::ALL;

#[test]
fn tika_xiangning_equals_expected() {
    let (Some(bytes), Some(exp)) = (
        corpus("xiangning-shuanghe-2020.tika.txt"),
        expected("xiangning-shuanghe-2020.tika.txt"),
    ) else {
        return;
    };
    let r = recognize(&bytes);
    let diffs = compare(&r.report, &exp, &ALL);
    assert!(diffs.is_empty(), "{diffs:#?}\n{:#?}", r.diagnostics);
    assert_eq!(r.report.meta.year, Some(2020));
}

#[test]
fn pdftotext_layout_huaian_equals_expected() {
    let (Some(bytes), Some(exp)) = (
        corpus("huaian-2024.pdftotext-layout.txt"),
        expected("huaian-2024.pdftotext-layout.txt"),
    ) else {
        return;
    };
    let r = recognize(&bytes);
    assert_eq!(r.report.source.properties["layout"], "pdftotext-layout");
    let diffs = compare(&r.report, &exp, &ALL);
    assert!(diffs.is_empty(), "{diffs:#?}\n{:#?}", r.diagnostics);
    assert_eq!(r.report.meta.year, Some(2024));
}

/// Plain `pdftotext` (no `-layout`) of the PDF, made here where pdftotext exists.
#[test]
fn plain_pdftotext_huaian() {
    let pdf = format!("{}/huaian-2024.pdf", common::CORPUS);
    let Some(exp) = expected("huaian-2024.pdftotext-layout.txt") else {
        return;
    };
    let out = match std::process::Command::new("pdftotext")
        .arg(&pdf)
        .arg("-")
        .output()
    {
        Ok(o) if o.status.success() => o.stdout,
        Ok(o) => panic!("pdftotext failed: {}", String::from_utf8_lossy(&o.stderr)),
        Err(e) => {
            eprintln!("skipping: pdftotext is not installed ({e})");
            return;
        }
    };
    let r = recognize(&out);
    assert_eq!(r.report.source.properties["layout"], "cell-per-line");
    let diffs = compare(&r.report, &exp, &TableKind::ALL);
    // Plain pdftotext prints some stretches of table 3's labels apart from their
    // numbers (the values of （一）（二） on the page before, the labels of 5. and of
    // the （六） rows one after another before their 28 values): which row a number
    // belongs to, the text does not show, so those cells are left blank and the rows
    // of values are reported as having no label. Nothing else differs, and no cell
    // holds another number than the report's.
    let blank_rows = [
        "results.granted.",
        "results.partially_granted.",
        "results.not_processed.confirmation.",
        "results.other.overdue_correction.",
        "results.other.overdue_fee.",
        "results.other.other.",
    ];
    let (blank, other): (Vec<&String>, Vec<&String>) = diffs.iter().partition(|d| {
        d.ends_with("got None")
            && blank_rows
                .iter()
                .any(|r| d.contains(&format!("applications.{r}")))
    });
    assert!(other.is_empty(), "{other:#?}\n{:#?}", r.diagnostics);
    assert_eq!(blank.len(), blank_rows.len() * 7, "{blank:#?}");
    assert!(
        r.diagnostics.iter().any(|d| d.code == "txt.label_missing"),
        "{:#?}",
        r.diagnostics
    );
    // Table 4: plain pdftotext prints its values in pieces between header words; the
    // reader puts them back in the columns' order and says how.
    assert!(
        r.diagnostics.iter().any(|d| d.code == "txt.order_inferred"),
        "{:#?}",
        r.diagnostics
    );
    assert!(
        !r.diagnostics
            .iter()
            .any(|d| d.code == "txt.order_uncertain")
    );
}
