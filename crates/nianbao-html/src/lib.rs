//! nianbao: the html adapter (being built).
#![forbid(unsafe_code)]
