//! nianbao: read China's government-information-disclosure annual reports into typed data.
#![forbid(unsafe_code)]
pub use nianbao_core as core;
