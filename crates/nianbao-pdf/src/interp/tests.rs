//! Interpreter tests on small PDFs built here.

use super::*;
use crate::PdfLimits;
use crate::pages::pages;

/// A one-page PDF: font F1 a Type0 Identity-H font whose codes 1.. map to `chars`
/// (widths 1000), font F2 Helvetica (WinAnsi, widths 500), and `content`.
fn pdf_bytes(chars: &str, vertical: bool, content: &str) -> Vec<u8> {
    let map: String = chars
        .chars()
        .enumerate()
        .map(|(i, c)| format!("<{:04X}> <{:04X}>\n", i + 1, u32::from(c)))
        .collect();
    let cmap = format!(
        "begincmap 1 begincodespacerange <0000> <FFFF> endcodespacerange\n{} beginbfchar\n{map}endbfchar endcmap",
        chars.chars().count()
    );
    let enc = if vertical { "Identity-V" } else { "Identity-H" };
    let objects = [
        "<< /Type /Catalog /Pages 2 0 R >>".to_owned(),
        "<< /Type /Pages /Kids [3 0 R] /Count 1 >>".to_owned(),
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 600 800] /Resources << /Font << /F1 5 0 R /F2 8 0 R >> >> /Contents 4 0 R >>".to_owned(),
        format!("<< /Length {} >>\nstream\n{content}\nendstream", content.len()),
        format!("<< /Type /Font /Subtype /Type0 /BaseFont /X /Encoding /{enc} /DescendantFonts [6 0 R] /ToUnicode 7 0 R >>"),
        "<< /Type /Font /Subtype /CIDFontType2 /BaseFont /X /DW 1000 >>".to_owned(),
        format!("<< /Length {} >>\nstream\n{cmap}\nendstream", cmap.len()),
        "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding /FirstChar 32 /LastChar 126 /Widths [500 500 500 500 500 500 500 500 500 500 500 500 500 500 500 500 500 500 500 500 500 500 500 500 500 500 500 500 500 500 500 500 500 500 500 500 500 500 500 500 500 500 500 500 500 500 500 500 500 500 500 500 500 500 500 500 500 500 500 500 500 500 500 500 500 500 500 500 500 500 500 500 500 500 500 500 500 500 500 500 500 500 500 500 500 500 500 500 500 500 500 500 500 500 500] >>".to_owned(),
    ];
    let mut out = b"%PDF-1.7\n".to_vec();
    let mut offsets = Vec::new();
    for (i, body) in objects.iter().enumerate() {
        offsets.push(out.len());
        out.extend(format!("{} 0 obj\n{body}\nendobj\n", i + 1).as_bytes());
    }
    let xref = out.len();
    out.extend(format!("xref\n0 {}\n0000000000 65535 f \n", objects.len() + 1).as_bytes());
    for o in offsets {
        out.extend(format!("{o:010} 00000 n \n").as_bytes());
    }
    out.extend(
        format!(
            "trailer\n<< /Size {} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n",
            objects.len() + 1
        )
        .as_bytes(),
    );
    out
}

fn run(chars: &str, vertical: bool, content: &str) -> PageContent {
    let limits = PdfLimits::default();
    let bytes = pdf_bytes(chars, vertical, content);
    let pdf = Pdf::load(&bytes, &limits).unwrap();
    let refs = pages(&pdf).unwrap();
    interpret_page(&pdf, &refs[0], 1).unwrap()
}

fn texts(p: &PageContent) -> Vec<&str> {
    p.glyphs
        .iter()
        .map(|g| g.text.as_deref().unwrap_or("?"))
        .collect()
}

#[test]
fn tj_offsets_char_spacing_and_scaling_move_glyphs() {
    // 10 pt: each CID glyph advances 10; -500 in TJ moves 5 right; Tc adds 2.
    let p = run(
        "一二",
        false,
        "BT /F1 10 Tf 100 700 Td [<0001> -500 <0002>] TJ 2 Tc <00010002> Tj ET",
    );
    assert_eq!(texts(&p), ["一", "二", "一", "二"]);
    let xs: Vec<f32> = p.glyphs.iter().map(|g| g.x0).collect();
    assert_eq!(xs, [100.0, 115.0, 125.0, 137.0]);
    // Top-down page coordinates: baseline at 800 - 700 = 100, box 0.8 em above.
    assert!((p.glyphs[0].y0 - 92.0).abs() < 0.01 && (p.glyphs[0].y1 - 102.0).abs() < 0.01);
}

#[test]
fn word_spacing_applies_to_single_byte_spaces_and_tz_scales() {
    let p = run("", false, "BT /F2 10 Tf 50 Tz 3 Tw 0 700 Td (a b) Tj ET");
    assert_eq!(texts(&p), ["a", " ", "b"]);
    // a: 5 × 0.5; space: (5 + 3) × 0.5.
    assert_eq!(p.glyphs[2].x0, 6.5);
}

#[test]
fn vertical_fonts_advance_downwards() {
    let p = run("年报", true, "BT /F1 10 Tf 300 700 Td <00010002> Tj ET");
    assert_eq!(texts(&p), ["年", "报"]);
    assert!(p.glyphs[1].y0 - p.glyphs[0].y0 > 9.9);
    assert_eq!(p.glyphs[0].x0, p.glyphs[1].x0);
}

#[test]
fn thin_filled_rectangles_and_strokes_are_lines_wide_fills_are_not() {
    let p = run(
        "",
        false,
        "q 1 0 0 -1 0 800 cm 10 10 200 0.5 re f 10 10 0.5 100 re f 20 20 100 50 re f 0 0 m 50 0 l S 0 0 m 30 40 l S Q",
    );
    assert_eq!(
        p.segments,
        [
            Segment {
                x0: 10.0,
                y0: 10.25,
                x1: 210.0,
                y1: 10.25
            },
            Segment {
                x0: 10.25,
                y0: 10.0,
                x1: 10.25,
                y1: 110.0
            },
            Segment {
                x0: 0.0,
                y0: 0.0,
                x1: 50.0,
                y1: 0.0
            },
        ]
    );
}

#[test]
fn forms_are_drawn_and_invisible_text_is_marked() {
    let p = run("一", false, "BT 3 Tr /F1 10 Tf 0 0 Td <0001> Tj ET");
    assert!(p.glyphs[0].invisible);
    let p = run(
        "一",
        false,
        "q 10 0 0 10 0 0 cm /Missing Do Q BT /F1 10 Tf <0001> Tj ET",
    );
    assert!(!p.glyphs[0].invisible);
}

#[test]
fn thin_trapezoids_are_ruling_lines_and_shapes_are_not() {
    // A bevelled border's side (corners one unit apart), a thin rectangle, and a
    // filled triangle that is no line.
    let p = run(
        "",
        false,
        "100 100 m 100 300 l 101 300 l 101 99 l f 100 400 200 1 re f 10 10 m 50 10 l 30 40 l f",
    );
    assert_eq!(p.segments.len(), 2, "{:?}", p.segments);
    let v = &p.segments[0];
    assert!((v.x0 - 100.5).abs() < 0.1 && v.y1 - v.y0 > 190.0, "{v:?}");
    assert!(p.segments[1].is_horizontal());
}

#[test]
fn glyphs_of_the_whole_document_are_counted() {
    let limits = PdfLimits {
        max_glyphs: 3,
        ..PdfLimits::default()
    };
    let bytes = pdf_bytes("甲", false, "BT /F1 10 Tf 0 0 Td <0001000100010001> Tj ET");
    let pdf = Pdf::load(&bytes, &limits).unwrap();
    let refs = pages(&pdf).unwrap();
    let err = interpret_page(&pdf, &refs[0], 1).unwrap_err();
    assert!(
        matches!(
            err,
            PdfError::Limit {
                limit: "max_glyphs",
                actual: 4,
                max: 3,
                ..
            }
        ),
        "{err}"
    );
}
