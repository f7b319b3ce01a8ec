//! Hostile or broken input gives a clean error or a clean result, never a panic.

use nianbao_core::{Error, Limits};
use nianbao_html::HtmlError;

#[test]
fn too_large() {
    let limits = Limits {
        max_input_bytes: 10,
        ..Limits::default()
    };
    let err = nianbao_html::read(b"<p>0123456789</p>", None, &limits).unwrap_err();
    assert!(matches!(
        err,
        HtmlError::TooLarge {
            actual: 17,
            max: 10
        }
    ));
    assert_eq!(Error::from(err).kind(), "limit_exceeded");
}

#[test]
fn nesting_bomb() {
    let page = "<div>".repeat(100_000);
    let err = nianbao_html::read(page.as_bytes(), None, &Limits::default()).unwrap_err();
    assert!(matches!(err, HtmlError::TooDeep { max: 256, .. }), "{err}");
}

#[test]
fn nesting_limit_raised_past_the_stack_is_still_safe() {
    let limits = Limits {
        max_depth: u64::MAX,
        ..Limits::default()
    };
    let page = "<span>".repeat(50_000) + "x";
    let err = nianbao_html::read(page.as_bytes(), None, &limits).unwrap_err();
    assert!(matches!(err, HtmlError::TooDeep { max: 1024, .. }), "{err}");
}

#[test]
fn huge_spans_are_clipped_or_refused() {
    // rowspan past the table is clipped; colspan is capped at 1000 as browsers do.
    let page = "<table><tr><td rowspan=99999 colspan=99999>a</td><td>b</td></tr><tr><td>c</td></tr></table>";
    let doc = nianbao_html::read(page.as_bytes(), None, &Limits::default()).unwrap();
    let nianbao_core::ir::Block::Table(t) = &doc.blocks[0] else {
        panic!("a table")
    };
    let a = &t.rows[0].cells[0];
    assert_eq!((a.col, a.col_span, a.row_span), (0, 1000, 2));
    assert_eq!(t.rows[0].cells[1].col, 1000);
    assert_eq!(t.rows[1].cells[0].col, 1000);

    let limits = Limits {
        max_table_cells: 500,
        ..Limits::default()
    };
    let err = nianbao_html::read(page.as_bytes(), None, &limits).unwrap_err();
    assert!(
        matches!(err, HtmlError::TooManyCells { max: 500, .. }),
        "{err}"
    );
}

#[test]
fn binary_input_is_refused() {
    let err =
        nianbao_html::read(b"PK\x03\x04\x14\x00\x00\x00", None, &Limits::default()).unwrap_err();
    assert!(matches!(err, HtmlError::Binary { offset: 5 }));
    assert_eq!(Error::from(err).kind(), "unsupported");
}

#[test]
fn garbage_reads_without_panic() {
    let inputs: [&[u8]; 7] = [
        b"",
        b"<",
        b"</table></td><td rowspan=-1 colspan=abc>",
        b"<table><tr><td colspan=0 rowspan=0>x</table>",
        b"\xff\xfe<\x00p\x00",
        b"<meta charset=\"no-such-charset\"><p>\xc3\x28</p>",
        b"<!--[if gte mso 9]><xml><o:p>unterminated",
    ];
    for input in inputs {
        let doc = nianbao_html::read(input, None, &Limits::default()).unwrap();
        assert_eq!(doc.properties["layout"], "html");
    }
}

#[test]
fn undecodable_bytes_are_reported() {
    let doc = nianbao_html::read(
        b"<meta charset=utf-8><p>a\xff\xfeb</p>",
        None,
        &Limits::default(),
    )
    .unwrap();
    assert!(
        doc.diagnostics
            .iter()
            .any(|d| d.code == "html.undecodable_bytes" || d.code == "html.charset_mismatch"),
        "{:?}",
        doc.diagnostics
    );
}
