//! The names in a zip's central directory, read here rather than through the `zip`
//! crate: the crate keeps one entry per name, so an archive holding two entries of
//! the same name would lose one from every count.

/// The raw name of every central-directory entry, in the directory's order.
pub fn entry_names(bytes: &[u8]) -> Result<Vec<Vec<u8>>, String> {
    let eocd = find_eocd(bytes).ok_or("no end of central directory record")?;
    let mut count = u64::from(u16_at(bytes, eocd + 10)?);
    let mut size = u64::from(u32_at(bytes, eocd + 12)?);
    let mut start = eocd
        .checked_sub(usize::try_from(size).map_err(|_| "central directory too large")?)
        .ok_or("the central directory would start before the file")?;
    if count == 0xffff || size == 0xffff_ffff {
        // Zip64: the locator sits just before the record and points at the zip64 one.
        let locator = eocd.checked_sub(20).ok_or("zip64 locator missing")?;
        if u32_at(bytes, locator)? != 0x0706_4b50 {
            return Err("zip64 locator missing".into());
        }
        let record = usize::try_from(u64_at(bytes, locator + 8)?)
            .map_err(|_| "zip64 record out of range")?;
        if u32_at(bytes, record)? != 0x0606_4b50 {
            return Err("zip64 end of central directory record missing".into());
        }
        count = u64_at(bytes, record + 32)?;
        size = u64_at(bytes, record + 40)?;
        let offset = usize::try_from(u64_at(bytes, record + 48)?)
            .map_err(|_| "central directory out of range")?;
        start = offset;
    }
    let end = start
        .checked_add(usize::try_from(size).map_err(|_| "central directory too large")?)
        .filter(|e| *e <= bytes.len())
        .ok_or("the central directory runs past the end of the file")?;
    let mut names = Vec::new();
    let mut at = start;
    while at < end {
        if u32_at(bytes, at)? != 0x0201_4b50 {
            return Err(format!(
                "central directory entry {} is broken",
                names.len() + 1
            ));
        }
        let name_len = usize::from(u16_at(bytes, at + 28)?);
        let extra_len = usize::from(u16_at(bytes, at + 30)?);
        let comment_len = usize::from(u16_at(bytes, at + 32)?);
        let name = bytes
            .get(at + 46..at + 46 + name_len)
            .ok_or("an entry name runs past the central directory")?;
        names.push(name.to_vec());
        at += 46 + name_len + extra_len + comment_len;
    }
    if u64::try_from(names.len()).ok() != Some(count) {
        return Err(format!(
            "the central directory holds {} entries, its end record says {count}",
            names.len()
        ));
    }
    Ok(names)
}

/// The end of central directory record: the last `PK\5\6` with room for its fields
/// within the 65,535-byte comment window.
fn find_eocd(bytes: &[u8]) -> Option<usize> {
    let last = bytes.len().checked_sub(22)?;
    let first = last.saturating_sub(0xffff);
    (first..=last)
        .rev()
        .find(|&i| bytes.get(i..i + 4) == Some(b"PK\x05\x06".as_slice()))
}

fn field<const N: usize>(bytes: &[u8], at: usize) -> Result<[u8; N], String> {
    bytes
        .get(at..at + N)
        .and_then(|s| s.try_into().ok())
        .ok_or_else(|| "the archive ends inside a record".to_owned())
}

fn u16_at(bytes: &[u8], at: usize) -> Result<u16, String> {
    field(bytes, at).map(u16::from_le_bytes)
}

fn u32_at(bytes: &[u8], at: usize) -> Result<u32, String> {
    field(bytes, at).map(u32::from_le_bytes)
}

fn u64_at(bytes: &[u8], at: usize) -> Result<u64, String> {
    field(bytes, at).map(u64::from_le_bytes)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Write;

    fn zip_of(names: &[&str]) -> Vec<u8> {
        let mut out = std::io::Cursor::new(Vec::new());
        let mut w = zip::ZipWriter::new(&mut out);
        for name in names {
            w.start_file(*name, zip::write::SimpleFileOptions::default())
                .unwrap();
            w.write_all(b"x").unwrap();
        }
        w.finish().unwrap();
        out.into_inner()
    }

    #[test]
    fn names_in_order() {
        let bytes = zip_of(&["a.txt", "b/c.docx"]);
        assert_eq!(
            entry_names(&bytes).unwrap(),
            [b"a.txt".to_vec(), b"b/c.docx".to_vec()]
        );
    }

    #[test]
    fn prepended_bytes_do_not_matter() {
        let mut bytes = b"MZ self-extractor stub".to_vec();
        bytes.extend(zip_of(&["a.txt"]));
        assert_eq!(entry_names(&bytes).unwrap(), [b"a.txt".to_vec()]);
    }

    #[test]
    fn broken_archives_are_errors() {
        assert!(entry_names(b"PK\x05\x06 this is no archive").is_err());
        assert!(entry_names(b"").is_err());
        let bytes = zip_of(&["a.txt"]);
        let cut = &bytes[..bytes.len() - 30];
        assert!(entry_names(cut).is_err());
    }
}
