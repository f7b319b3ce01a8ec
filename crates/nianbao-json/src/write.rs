//! Analysis → JSON, serialized straight to the output through `Analysis`'s
//! `serde::Serialize` (the core's `json` feature): no intermediate
//! [`serde_json::Value`] is built (except by [`to_value`], which asks for one).

use serde_json::Value;

use nianbao_core::Analysis;

use crate::JsonError;

/// The JSON of an analysis, pretty-printed. Same analysis, same bytes.
pub fn to_string(analysis: &Analysis) -> String {
    let mut out = Vec::with_capacity(64 << 10);
    write_pretty(&mut out, analysis);
    String::from_utf8(out).unwrap_or_default()
}

/// The JSON of an analysis on one line (for JSON Lines).
pub fn to_string_compact(analysis: &Analysis) -> String {
    let mut out = Vec::with_capacity(32 << 10);
    write_compact(&mut out, analysis);
    String::from_utf8(out).unwrap_or_default()
}

/// Appends [`to_string`]'s bytes to `out` (a buffer the caller may reuse).
pub fn write_pretty(out: &mut Vec<u8>, analysis: &Analysis) {
    let start = out.len();
    if serde_json::to_writer_pretty(&mut *out, analysis).is_err() {
        out.truncate(start);
    }
}

/// Appends [`to_string_compact`]'s bytes to `out` (a buffer the caller may reuse).
pub fn write_compact(out: &mut Vec<u8>, analysis: &Analysis) {
    let start = out.len();
    if serde_json::to_writer(&mut *out, analysis).is_err() {
        out.truncate(start);
    }
}

/// The JSON of an analysis as a value.
pub fn to_value(analysis: &Analysis) -> Value {
    serde_json::to_value(analysis).unwrap_or(Value::Null)
}

/// Writes [`to_string`]'s bytes to any writer (a file, a socket, stdout). Wrap an
/// unbuffered writer in a [`std::io::BufWriter`].
///
/// # Errors
///
/// [`JsonError::Io`] when the writer fails.
pub fn to_writer<W: std::io::Write>(writer: W, analysis: &Analysis) -> Result<(), JsonError> {
    serde_json::to_writer_pretty(writer, analysis).map_err(JsonError::write)
}

/// Writes [`to_string_compact`]'s bytes (one line, no newline) to any writer.
///
/// # Errors
///
/// [`JsonError::Io`] when the writer fails.
pub fn to_writer_compact<W: std::io::Write>(
    writer: W,
    analysis: &Analysis,
) -> Result<(), JsonError> {
    serde_json::to_writer(writer, analysis).map_err(JsonError::write)
}
