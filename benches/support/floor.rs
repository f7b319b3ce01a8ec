//! The floor: the least work any .docx reader must do to see the text of a report,
//! shared by the `stages` bench and the `throughput` example.
//!
//! Open the zip (its central directory), inflate `word/document.xml` into a buffer the
//! caller reuses, and tokenize it with quick-xml under the configuration our reader uses
//! (end names checked, text not trimmed), borrowing every event from the buffer. It
//! decodes no entity, builds nothing, and reads no other part: a real reader must
//! also read styles, numbering and properties, resolve text and build tables, so the
//! floor is below anything a reader can reach.

use std::io::{Cursor, Read};

use quick_xml::Reader;
use quick_xml::events::Event;

/// What the floor saw: the size of `word/document.xml` and how many XML events it has.
#[derive(Debug, Default, Clone, Copy)]
pub struct Floor {
    /// Bytes of `word/document.xml`, inflated.
    pub xml_bytes: usize,
    /// Events the tokenizer produced (start, end, empty, text, …).
    pub events: usize,
}

/// Inflates and tokenizes `word/document.xml` of the package `bytes`, into `buf`.
pub fn floor(bytes: &[u8], buf: &mut Vec<u8>) -> Result<Floor, String> {
    let mut archive = zip::ZipArchive::new(Cursor::new(bytes)).map_err(|e| e.to_string())?;
    let mut part = archive
        .by_name("word/document.xml")
        .map_err(|e| e.to_string())?;
    buf.clear();
    part.read_to_end(buf).map_err(|e| e.to_string())?;
    let mut reader = Reader::from_reader(buf.as_slice());
    let config = reader.config_mut();
    config.trim_text(false);
    config.check_end_names = true;
    let mut events = 0;
    loop {
        match reader.read_event().map_err(|e| e.to_string())? {
            Event::Eof => break,
            _ => events += 1,
        }
    }
    Ok(Floor {
        xml_bytes: buf.len(),
        events,
    })
}
