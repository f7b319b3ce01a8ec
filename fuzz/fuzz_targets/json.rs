//! Any text through the JSON reader.
//!
//! Must hold: no panic; JSON the reader accepts writes back to JSON that reads back to
//! the same analysis (the lossless contract, from the reader's side).
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let Ok(analysis) = nianbao_json::from_str(text) else {
        return;
    };
    let json = nianbao_json::to_string(&analysis);
    match nianbao_json::from_str(&json) {
        Ok(back) => assert_eq!(
            back, analysis,
            "JSON round trip changed the analysis\n{json}"
        ),
        Err(e) => panic!("JSON we wrote does not read back: {e}\n{json}"),
    }
});
