//! Text that is not a report, or not text at all: a report with nothing recognized
//! and diagnostics, or a typed error; never a panic, never a made-up number.

mod common;

use nianbao_core::{Limits, TableKind};

fn assert_nothing_recognized(r: &nianbao_core::Recognized) {
    for kind in TableKind::ALL {
        assert!(r.report.table(kind).is_none(), "{kind:?} made up");
    }
    assert!(
        r.diagnostics
            .iter()
            .any(|d| d.code == "report.not_recognized"),
        "{:#?}",
        r.diagnostics
    );
}

#[test]
fn a_novel_chapter() {
    let bytes = common::fixture("not-a-report.novel.txt");
    let doc = nianbao_txt::read(&bytes, &Limits::default()).unwrap();
    assert_eq!(doc.properties["layout"], "none");
    assert!(common::tables(&doc).is_empty());
    assert!(common::paragraphs(&doc).len() >= 5);
    assert_nothing_recognized(&nianbao_core::recognize(&doc));
}

#[test]
fn an_empty_file() {
    let doc = nianbao_txt::read(b"", &Limits::default()).unwrap();
    assert!(doc.blocks.is_empty());
    assert_nothing_recognized(&nianbao_core::recognize(&doc));
    let doc = nianbao_txt::read(b"\n\r\n  \n", &Limits::default()).unwrap();
    assert!(doc.blocks.is_empty());
}

/// A deterministic stream of pseudo-random bytes.
fn noise(seed: u32, len: usize) -> Vec<u8> {
    let mut state = seed.max(1);
    (0..len)
        .map(|_| {
            state ^= state << 13;
            state ^= state >> 17;
            state ^= state << 5;
            state.to_le_bytes()[1]
        })
        .collect()
}

#[test]
fn binary_noise_is_a_typed_error() {
    for seed in 1..20 {
        let err = nianbao_txt::read(&noise(seed, 3000), &Limits::default()).unwrap_err();
        let core: nianbao_core::Error = err.into();
        assert_eq!(core.kind(), "malformed");
    }
    let zip = b"PK\x03\x04\x14\x00\x00\x00\x08\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00";
    assert!(!nianbao_txt::looks_like_text(zip));
}

#[test]
fn limits_name_their_field() {
    let bytes = common::fixture("sample-2021.layout.txt");
    let small = Limits {
        max_table_cells: 20,
        ..Limits::default()
    };
    let err: nianbao_core::Error = nianbao_txt::read(&bytes, &small).unwrap_err().into();
    assert!(err.to_string().contains("max_table_cells"), "{err}");
    let small = Limits {
        max_line_bytes: 40,
        ..Limits::default()
    };
    let err: nianbao_core::Error = nianbao_txt::read(&bytes, &small).unwrap_err().into();
    assert!(err.to_string().contains("max_line_bytes"), "{err}");
}

/// Every fixture, cut short and with bytes flipped, reads to a document or a typed
/// error without panicking.
#[test]
fn mangled_fixtures_never_panic() {
    let names = [
        "sample-2021.tika.txt",
        "sample-2021.layout.txt",
        "sample-2021.cells.txt",
        "sample-2021.pipe.txt",
        "sample-2021.markdown.txt",
        "sample-2021.layout.gbk.txt",
        "sample-2021.tika.utf16le.txt",
    ];
    for name in names {
        let bytes = common::fixture(name);
        let mut rng = noise(name.len() as u32, 4096);
        for round in 0..15 {
            let mut b = bytes.clone();
            let cut = (usize::from(rng[round]) * b.len()) / 256;
            if round % 3 == 0 {
                b.truncate(cut);
            }
            for k in 0..8 {
                let at = (usize::from(rng[(round * 8 + k) % rng.len()]) * 31 + k * 977 + round)
                    % b.len().max(1);
                if let Some(x) = b.get_mut(at) {
                    *x = rng[(round + k * 7) % rng.len()];
                }
            }
            rng.rotate_left(1);
            if let Ok(doc) = nianbao_txt::read(&b, &Limits::default()) {
                let _ = nianbao_core::recognize(&doc);
            }
        }
    }
}
