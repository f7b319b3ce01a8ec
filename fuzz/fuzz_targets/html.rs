//! Any bytes through the HTML reader, then the recognizer and the rules.
//!
//! Must hold: no panic, no hang, no allocation beyond the limits (tags with many
//! attributes, deep nesting, a flood of nodes are refused or cut, not slow); a page the
//! reader accepts is recognized and checked without panicking, and its JSON reads back.
#![no_main]

use libfuzzer_sys::fuzz_target;
use nianbao_core::Limits;

fuzz_target!(|data: &[u8]| {
    let limits = Limits::default();
    if let Ok(doc) = nianbao_html::read(data, None, &limits) {
        let analysis = nianbao_core::analyze(&doc);
        let json = nianbao_json::to_string(&analysis);
        if let Err(e) = nianbao_json::from_str(&json) {
            panic!("our own JSON does not read back: {e}\n{json}");
        }
    }
});
