//! nianbao: the txt adapter (being built).
#![forbid(unsafe_code)]
