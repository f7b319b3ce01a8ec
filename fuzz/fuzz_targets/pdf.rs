//! Any bytes through the PDF reader, then the recognizer and the rules.
//!
//! Must hold: no panic, no hang, no stack overflow, no allocation beyond the limits;
//! a document the reader accepts is recognized and checked without panicking.
#![no_main]

use libfuzzer_sys::fuzz_target;
use nianbao_core::Limits;

fuzz_target!(|data: &[u8]| {
    let limits = Limits::default();
    if let Ok(doc) = nianbao_pdf::read(data, &limits) {
        let analysis = nianbao_core::analyze(&doc);
        let json = nianbao_json::to_string(&analysis);
        if let Err(e) = nianbao_json::from_str(&json) {
            panic!("our own JSON does not read back: {e}\n{json}");
        }
    }
});
