//! nianbao: the json adapter (being built).
#![forbid(unsafe_code)]
