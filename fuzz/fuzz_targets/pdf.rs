//! Any bytes through the PDF reader, then the recognizer and the rules.
//!
//! Must hold: no panic, no hang, no stack overflow, no allocation beyond the limits;
//! a document the reader accepts is recognized and checked without panicking.
//!
//! The limits are tighter than the defaults where they bound memory (a stream 16 MiB,
//! 64 MiB decoded in all, 200,000 glyphs): libFuzzer's `-rss_limit_mb` counts the
//! whole process, which keeps what the allocator freed from earlier inputs. The
//! defaults' worst case for one input is stated in `crates/nianbao-pdf/README.md`.
#![no_main]

use libfuzzer_sys::fuzz_target;
use nianbao_core::Limits;
use nianbao_pdf::PdfLimits;

fuzz_target!(|data: &[u8]| {
    let common = Limits {
        max_part_bytes: 16 << 20,
        max_total_bytes: 64 << 20,
        ..Limits::default()
    };
    let mut limits = PdfLimits::from(&common);
    limits.max_glyphs = 200_000;
    if let Ok(doc) = nianbao_pdf::read_with_limits(data, &limits) {
        let analysis = nianbao_core::analyze(&doc);
        let json = nianbao_json::to_string(&analysis);
        if let Err(e) = nianbao_json::from_str(&json) {
            panic!("our own JSON does not read back: {e}\n{json}");
        }
    }
});
