//! Bytes through the .doc reader, then the recognizer and the rules.
//!
//! The input is the whole file. In a .doc most bytes are stream content (the FIB, the
//! text, the piece table, the property pages), not compound-file structure, so most
//! mutations of the seeds reach the Word parser rather than dying in `cfb`.
//!
//! Must hold: no panic, no hang, no allocation beyond the limits.
#![no_main]

use libfuzzer_sys::fuzz_target;
use nianbao_core::Limits;

fuzz_target!(|data: &[u8]| {
    if let Ok(doc) = nianbao_doc::read(data, &Limits::default()) {
        let analysis = nianbao_core::analyze(&doc);
        let json = nianbao_json::to_string(&analysis);
        if let Err(e) = nianbao_json::from_str(&json) {
            panic!("our own JSON does not read back: {e}\n{json}");
        }
    }
});
