//! nianbao: the docx adapter (being built).
#![forbid(unsafe_code)]
