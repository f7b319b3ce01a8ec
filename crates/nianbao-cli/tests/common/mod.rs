//! Helpers of the integration tests: the binary, scratch folders, fixtures, a zip
//! builder that writes raw entry names, a CSV reader and tree snapshots.
#![allow(dead_code)]

use std::collections::BTreeMap;
use std::ffi::OsString;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

/// The fixture folder `testdata/archive/input`: reports in Tika layout and bad files.
pub fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../testdata/archive/input")
}

/// A good .docx report, zipped from its XML parts in `testdata/archive/docx/audit-2024`.
pub fn docx_report() -> Vec<u8> {
    let parts =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("../../testdata/archive/docx/audit-2024");
    let mut zip = ZipBuilder::default();
    for name in ["[Content_Types].xml", "_rels/.rels", "word/document.xml"] {
        zip = zip.entry(name.as_bytes(), false, &fs::read(parts.join(name)).unwrap());
    }
    zip.finish()
}

/// The `nianbao` binary built for the tests.
pub fn nianbao() -> Command {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_nianbao"));
    cmd.env_remove("NO_COLOR");
    cmd
}

/// Runs `nianbao` with arguments in a folder.
pub fn run_in(dir: &Path, args: &[&str]) -> Output {
    nianbao()
        .current_dir(dir)
        .args(args)
        .output()
        .expect("the binary runs")
}

/// A fresh empty scratch folder for one test.
pub fn scratch(name: &str) -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join(format!("cli-{name}"));
    let _ = fs::remove_dir_all(&dir);
    fs::create_dir_all(&dir).unwrap();
    dir
}

/// Copies a folder recursively.
pub fn copy_tree(from: &Path, to: &Path) {
    fs::create_dir_all(to).unwrap();
    for entry in fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        let target = to.join(entry.file_name());
        if entry.file_type().unwrap().is_dir() {
            copy_tree(&entry.path(), &target);
        } else {
            fs::copy(entry.path(), &target).unwrap();
        }
    }
}

/// The bytes of a name in GBK.
pub fn gbk(name: &str) -> Vec<u8> {
    let (bytes, _, unmappable) = encoding_rs::GBK.encode(name);
    assert!(!unmappable);
    assert!(
        std::str::from_utf8(&bytes).is_err(),
        "{name} must not be UTF-8 in GBK"
    );
    bytes.into_owned()
}

/// A file name from raw bytes (Unix).
pub fn os_name(bytes: &[u8]) -> OsString {
    use std::os::unix::ffi::OsStrExt;
    std::ffi::OsStr::from_bytes(bytes).to_owned()
}

/// Every file under a folder with its bytes, by path relative to it.
pub fn tree(dir: &Path) -> BTreeMap<PathBuf, Vec<u8>> {
    fn walk(root: &Path, dir: &Path, out: &mut BTreeMap<PathBuf, Vec<u8>>) {
        for entry in fs::read_dir(dir).unwrap() {
            let entry = entry.unwrap();
            let path = entry.path();
            if entry.file_type().unwrap().is_dir() {
                walk(root, &path, out);
            } else {
                out.insert(
                    path.strip_prefix(root).unwrap().to_owned(),
                    fs::read(&path).unwrap(),
                );
            }
        }
    }
    let mut out = BTreeMap::new();
    walk(dir, dir, &mut out);
    out
}

/// Reads a CSV written by nianbao (BOM, CRLF, RFC 4180 quoting) into rows of fields.
pub fn read_csv(path: &Path) -> Vec<Vec<String>> {
    let text = fs::read_to_string(path).unwrap();
    let text = text
        .strip_prefix('\u{feff}')
        .expect("CSV starts with a BOM");
    let mut rows = Vec::new();
    let mut row = Vec::new();
    let mut field = String::new();
    let mut quoted = false;
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match (quoted, c) {
            (true, '"') if chars.peek() == Some(&'"') => {
                chars.next();
                field.push('"');
            }
            (true, '"') => quoted = false,
            (true, c) => field.push(c),
            (false, '"') => quoted = true,
            (false, ',') => row.push(std::mem::take(&mut field)),
            (false, '\r') => {}
            (false, '\n') => {
                row.push(std::mem::take(&mut field));
                rows.push(std::mem::take(&mut row));
            }
            (false, c) => field.push(c),
        }
    }
    assert!(
        field.is_empty() && row.is_empty(),
        "CSV ends with a line break"
    );
    rows
}

/// The rows of a CSV as maps from the header's names.
pub fn csv_records(path: &Path) -> Vec<BTreeMap<String, String>> {
    let rows = read_csv(path);
    let (header, rows) = rows.split_first().unwrap();
    rows.iter()
        .map(|r| {
            assert_eq!(r.len(), header.len(), "{r:?}");
            header.iter().cloned().zip(r.iter().cloned()).collect()
        })
        .collect()
}

/// One column of a CSV written by nianbao, in row order.
pub fn column(path: &Path, name: &str) -> Vec<String> {
    csv_records(path)
        .into_iter()
        .map(|r| r[name].clone())
        .collect()
}

/// A zip written by hand (stored entries), so that entry names can be any bytes
/// and the UTF-8 flag can be left off, as Chinese Windows does.
#[derive(Default)]
pub struct ZipBuilder {
    data: Vec<u8>,
    central: Vec<u8>,
    count: u16,
}

impl ZipBuilder {
    /// Adds an entry with a raw name; `utf8` sets general-purpose flag bit 11.
    pub fn entry(mut self, name: &[u8], utf8: bool, content: &[u8]) -> Self {
        let flags: u16 = if utf8 { 1 << 11 } else { 0 };
        let crc = crc32fast::hash(content);
        let size = u32::try_from(content.len()).unwrap();
        let name_len = u16::try_from(name.len()).unwrap();
        let offset = u32::try_from(self.data.len()).unwrap();
        let mut local = Vec::new();
        local.extend_from_slice(&0x0403_4b50u32.to_le_bytes());
        local.extend_from_slice(&20u16.to_le_bytes()); // version needed
        local.extend_from_slice(&flags.to_le_bytes());
        local.extend_from_slice(&0u16.to_le_bytes()); // stored
        local.extend_from_slice(&0u16.to_le_bytes()); // time
        local.extend_from_slice(&0x21u16.to_le_bytes()); // date 1980-01-01
        local.extend_from_slice(&crc.to_le_bytes());
        local.extend_from_slice(&size.to_le_bytes());
        local.extend_from_slice(&size.to_le_bytes());
        local.extend_from_slice(&name_len.to_le_bytes());
        local.extend_from_slice(&0u16.to_le_bytes()); // extra
        local.extend_from_slice(name);
        self.data.extend_from_slice(&local);
        self.data.extend_from_slice(content);

        let c = &mut self.central;
        c.extend_from_slice(&0x0201_4b50u32.to_le_bytes());
        c.extend_from_slice(&20u16.to_le_bytes()); // made by
        c.extend_from_slice(&20u16.to_le_bytes()); // needed
        c.extend_from_slice(&flags.to_le_bytes());
        c.extend_from_slice(&0u16.to_le_bytes());
        c.extend_from_slice(&0u16.to_le_bytes());
        c.extend_from_slice(&0x21u16.to_le_bytes());
        c.extend_from_slice(&crc.to_le_bytes());
        c.extend_from_slice(&size.to_le_bytes());
        c.extend_from_slice(&size.to_le_bytes());
        c.extend_from_slice(&name_len.to_le_bytes());
        c.extend_from_slice(&0u16.to_le_bytes()); // extra
        c.extend_from_slice(&0u16.to_le_bytes()); // comment
        c.extend_from_slice(&0u16.to_le_bytes()); // disk
        c.extend_from_slice(&0u16.to_le_bytes()); // internal attrs
        c.extend_from_slice(&0u32.to_le_bytes()); // external attrs
        c.extend_from_slice(&offset.to_le_bytes());
        c.extend_from_slice(name);
        self.count += 1;
        self
    }

    /// The archive's bytes.
    pub fn finish(self) -> Vec<u8> {
        let mut out = self.data;
        let cd_offset = u32::try_from(out.len()).unwrap();
        let cd_size = u32::try_from(self.central.len()).unwrap();
        out.extend_from_slice(&self.central);
        out.extend_from_slice(&0x0605_4b50u32.to_le_bytes());
        out.extend_from_slice(&0u16.to_le_bytes());
        out.extend_from_slice(&0u16.to_le_bytes());
        out.extend_from_slice(&self.count.to_le_bytes());
        out.extend_from_slice(&self.count.to_le_bytes());
        out.extend_from_slice(&cd_size.to_le_bytes());
        out.extend_from_slice(&cd_offset.to_le_bytes());
        out.extend_from_slice(&0u16.to_le_bytes());
        out
    }
}

/// The JSON the library makes of a file read under a source name: what a batch
/// output must hold.
pub fn library_json(bytes: &[u8], source: &str) -> String {
    let analysis = nianbao::read_bytes(bytes, Some(source), &nianbao::Options::default())
        .expect("the fixture reads");
    nianbao::json::to_string(&analysis) + "\n"
}

/// The numbers of the three tables in a report's JSON (what a .docx written from
/// the report must give back).
pub fn table_values(analysis: &nianbao::Analysis) -> serde_json::Value {
    let json = nianbao::json::to_value(analysis);
    let report = &json["report"];
    serde_json::json!([
        report["active_disclosure"],
        report["applications"],
        report["review_litigation"]
    ])
}
