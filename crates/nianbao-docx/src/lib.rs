//! nianbao: the .docx adapter: a streaming OOXML reader that builds true table grids
//! ([`read`]), and a writer that re-typesets a report in the official layout ([`write`]).
#![forbid(unsafe_code)]

pub mod read;
pub mod write;

pub use write::{DocxWriteError, WriteOptions};
