//! The OLE compound file: telling what it holds, and reading its streams under the limits.

use std::io::{Cursor, Read};

use nianbao_core::Limits;

use crate::DocError;

/// The signature of an OLE compound file.
pub(crate) const OLE_SIGNATURE: [u8; 8] = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];

/// An open compound file with a running count of the bytes read from it.
pub(crate) struct Container<'a> {
    file: cfb::CompoundFile<Cursor<&'a [u8]>>,
    total: u64,
    limits: &'a Limits,
}

impl<'a> Container<'a> {
    /// Opens `bytes` as a compound file holding a `WordDocument` stream, or says what it is.
    pub(crate) fn open(bytes: &'a [u8], limits: &'a Limits) -> Result<Self, DocError> {
        if !bytes.starts_with(&OLE_SIGNATURE) {
            return Err(DocError::NotDoc {
                what: not_ole(bytes).to_owned(),
            });
        }
        let file = cfb::CompoundFile::open(Cursor::new(bytes)).map_err(|e| DocError::Corrupt {
            stream: "compound file",
            offset: 0,
            detail: e.to_string(),
        })?;
        let container = Container {
            file,
            total: 0,
            limits,
        };
        if !container.has("WordDocument") {
            return Err(container.describe_other());
        }
        Ok(container)
    }

    fn has(&self, name: &str) -> bool {
        self.file.is_stream(format!("/{name}"))
    }

    /// What a compound file without a `WordDocument` stream is, as an error.
    fn describe_other(&self) -> DocError {
        if self.has("EncryptedPackage") || self.has("EncryptionInfo") {
            return DocError::Encrypted {
                what: "an encrypted (password-protected) Office document: remove the password and save it again".to_owned(),
            };
        }
        let what = if self.has("Workbook") || self.has("Book") {
            "an Excel workbook (.xls)"
        } else if self.has("PowerPoint Document") {
            "a PowerPoint presentation (.ppt)"
        } else if self.has("CONTENTS") && self.has("SPELLING") || self.has("MatOST") {
            "a Microsoft Works document (.wps of Works, not of WPS Office)"
        } else {
            "a compound file without a WordDocument stream (an older WPS Office .wps or another program's file)"
        };
        DocError::NotDoc {
            what: what.to_owned(),
        }
    }

    /// The stream `name` (`WordDocument`, `1Table`, …), read whole after its size is
    /// checked against `max_part_bytes` and the running total against `max_total_bytes`;
    /// `None` when the file has no such stream.
    pub(crate) fn read(&mut self, name: &'static str) -> Result<Option<Vec<u8>>, DocError> {
        let path = format!("/{name}");
        if !self.file.is_stream(&path) {
            return Ok(None);
        }
        let len = self
            .file
            .entry(&path)
            .map_err(|e| DocError::corrupt(name, 0, e.to_string()))?
            .len();
        DocError::check_limit("max_part_bytes", len, self.limits.max_part_bytes, name)?;
        self.total = self.total.saturating_add(len);
        DocError::check_limit(
            "max_total_bytes",
            self.total,
            self.limits.max_total_bytes,
            name,
        )?;
        let mut stream = self
            .file
            .open_stream(&path)
            .map_err(|e| DocError::corrupt(name, 0, e.to_string()))?;
        // The size is checked above; `take` keeps a lying chain from reading on.
        let mut data = Vec::with_capacity(usize::try_from(len).unwrap_or(0));
        (&mut stream)
            .take(len)
            .read_to_end(&mut data)
            .map_err(|e| DocError::corrupt(name, data.len() as u64, e.to_string()))?;
        Ok(Some(data))
    }
}

/// What an input that is not a compound file is.
fn not_ole(bytes: &[u8]) -> &'static str {
    if bytes.starts_with(b"PK\x03\x04") {
        "a zip package (a .docx, .xlsx or another), not a Word 97-2003 .doc"
    } else if bytes.starts_with(b"{\\rtf") {
        "an RTF document (.rtf)"
    } else if bytes.starts_with(b"%PDF") {
        "a PDF file"
    } else if bytes.starts_with(&[0xDB, 0xA5, 0x2D, 0x00]) {
        "a Word 2.0 document"
    } else if bytes.is_empty() {
        "an empty file"
    } else {
        "not an OLE compound file (an older WPS Office .wps, or another format)"
    }
}
