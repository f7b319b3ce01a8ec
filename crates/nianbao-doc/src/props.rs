//! Document properties from the `\u{5}SummaryInformation` property set
//! ([MS-OLEPS]): title, author, dates, the application.

use std::collections::BTreeMap;

use crate::bytes::{i16_at, u16_at, u32_at};

/// The property ids read, with the key each goes under (as the .docx reader's).
const KEYS: [(u32, &str); 6] = [
    (2, "title"),
    (3, "subject"),
    (4, "author"),
    (12, "created"),
    (13, "modified"),
    (18, "application"),
];

/// Most properties a set may list before the rest are ignored.
const MAX_PROPERTIES: usize = 1024;

/// Reads the properties of a SummaryInformation stream into `out`; empty values and
/// anything unreadable are left out.
pub(crate) fn read_into(data: &[u8], out: &mut BTreeMap<String, String>) {
    // Header: byte order, version, system, CLSID (28 bytes); then FMTID + offset.
    if u16_at(data, 0) != Some(0xFFFE) {
        return;
    }
    let Some(set) = u32_at(data, 44).map(|o| o as usize) else {
        return;
    };
    let count = (u32_at(data, set + 4).unwrap_or(0) as usize).min(MAX_PROPERTIES);
    let mut codepage = 1252u16;
    let mut entries = Vec::with_capacity(count);
    for i in 0..count {
        let (Some(id), Some(off)) = (
            u32_at(data, set + 8 + i * 8),
            u32_at(data, set + 12 + i * 8),
        ) else {
            break;
        };
        let at = set.saturating_add(off as usize);
        if id == 1 {
            codepage = i16_at(data, at + 4).map_or(1252, |v| v as u16);
        }
        entries.push((id, at));
    }
    for (id, at) in entries {
        let Some(key) = KEYS.iter().find(|k| k.0 == id).map(|k| k.1) else {
            continue;
        };
        let value = match u32_at(data, at) {
            // VT_LPSTR: a byte count (with the terminating zero) and the string.
            Some(0x1E) => {
                let len = u32_at(data, at + 4).unwrap_or(0) as usize;
                let bytes = data.get(at + 8..at.saturating_add(8).saturating_add(len));
                bytes.map(|b| decode(b, codepage))
            }
            // VT_LPWSTR: a character count and UTF-16.
            Some(0x1F) => {
                let len = u32_at(data, at + 4).unwrap_or(0) as usize;
                let units: Option<Vec<u16>> = (0..len.min(data.len() / 2))
                    .map(|i| u16_at(data, at + 8 + i * 2))
                    .collect();
                units.map(|u| String::from_utf16_lossy(&u))
            }
            // VT_FILETIME: 100 ns since 1601-01-01 UTC.
            Some(0x40) => {
                let lo = u32_at(data, at + 4).unwrap_or(0);
                let hi = u32_at(data, at + 8).unwrap_or(0);
                filetime((u64::from(hi) << 32) | u64::from(lo))
            }
            _ => None,
        };
        if let Some(v) = value {
            let v = v.trim_end_matches('\0').trim().to_owned();
            if !v.is_empty() {
                out.insert(key.to_owned(), v);
            }
        }
    }
}

fn decode(bytes: &[u8], codepage: u16) -> String {
    let encoding = match codepage {
        936 => encoding_rs::GBK,
        950 => encoding_rs::BIG5,
        65001 => encoding_rs::UTF_8,
        1200 => encoding_rs::UTF_16LE,
        _ => encoding_rs::WINDOWS_1252,
    };
    let bytes = bytes.split(|&b| b == 0).next().unwrap_or(bytes);
    encoding.decode_without_bom_handling(bytes).0.into_owned()
}

/// A FILETIME as `YYYY-MM-DDTHH:MM:SSZ`; `None` for zero (not set).
fn filetime(ticks: u64) -> Option<String> {
    // Seconds from 1601-01-01 to 1970-01-01.
    const EPOCH_DIFF: u64 = 11_644_473_600;
    let secs = (ticks / 10_000_000).checked_sub(EPOCH_DIFF)?;
    if secs == 0 {
        return None;
    }
    let days = (secs / 86_400) as i64;
    let rem = secs % 86_400;
    let (y, m, d) = civil_from_days(days);
    Some(format!(
        "{y:04}-{m:02}-{d:02}T{:02}:{:02}:{:02}Z",
        rem / 3600,
        rem / 60 % 60,
        rem % 60
    ))
}

/// The Gregorian date of a day count since 1970-01-01 (H. Hinnant's algorithm).
fn civil_from_days(z: i64) -> (i64, u32, u32) {
    let z = z + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let y = yoe + era * 400;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let m = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    (if m <= 2 { y + 1 } else { y }, m, d)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates() {
        // 2022-01-05T08:00:00Z
        let secs = 1_641_369_600u64 + 11_644_473_600;
        assert_eq!(
            filetime(secs * 10_000_000).as_deref(),
            Some("2022-01-05T08:00:00Z")
        );
        assert_eq!(filetime(0), None);
    }

    #[test]
    fn gbk_title_and_author() {
        let mut d = vec![0u8; 48];
        d[0] = 0xFE;
        d[1] = 0xFF;
        d[44..48].copy_from_slice(&48u32.to_le_bytes());
        let title = encoding_rs::GBK.encode("示例县年报").0.into_owned();
        let mut set = Vec::new();
        let props: Vec<(u32, Vec<u8>)> = vec![
            (1, [2u32.to_le_bytes(), 936u32.to_le_bytes()].concat()),
            (
                2,
                [
                    0x1Eu32.to_le_bytes().to_vec(),
                    (title.len() as u32 + 1).to_le_bytes().to_vec(),
                    title.clone(),
                    vec![0],
                ]
                .concat(),
            ),
        ];
        let header = 8 + props.len() * 8;
        let mut body = Vec::new();
        let mut index = Vec::new();
        for (id, v) in &props {
            index.extend_from_slice(&id.to_le_bytes());
            index.extend_from_slice(&((header + body.len()) as u32).to_le_bytes());
            body.extend_from_slice(v);
            while body.len() % 4 != 0 {
                body.push(0);
            }
        }
        set.extend_from_slice(&((header + body.len()) as u32).to_le_bytes());
        set.extend_from_slice(&(props.len() as u32).to_le_bytes());
        set.extend_from_slice(&index);
        set.extend_from_slice(&body);
        d.extend_from_slice(&set);
        let mut out = BTreeMap::new();
        read_into(&d, &mut out);
        assert_eq!(out.get("title").map(String::as_str), Some("示例县年报"));
        // Truncated: nothing, no panic.
        let mut out = BTreeMap::new();
        read_into(&d[..60], &mut out);
        assert!(out.is_empty());
    }
}
