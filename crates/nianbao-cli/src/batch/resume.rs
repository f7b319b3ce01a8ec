//! What `--resume` compares: a log in OUTDIR of every input converted, with a hash of
//! its bytes, the nianbao version and the formats written. A line is appended as soon
//! as an input's outputs are in place (a killed run keeps what it finished); at the
//! end of a run the log is rewritten with one line an input converted.

use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::hash::Hasher;
use std::io::{self, BufRead, Write};
use std::path::Path;
use std::sync::Mutex;

use serde_json::json;
use siphasher::sip128::{Hasher128, SipHasher13};

use super::inputs::Job;

/// The log's name in OUTDIR.
pub const LOG: &str = ".nianbao-resume.jsonl";

/// The version written into the log: outputs of another nianbao are made again.
pub const VERSION: &str = env!("CARGO_PKG_VERSION");

/// The content hash of an input: SipHash-1-3 (128 bits, keys 0), in hex. Not a
/// defence against a forger, a check that the bytes are the same as last time.
pub fn hash(bytes: &[u8]) -> String {
    let mut hasher = SipHasher13::new();
    hasher.write(bytes);
    format!("{:032x}", hasher.finish128().as_u128())
}

/// One input converted by an earlier run.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Entry {
    source: String,
    hash: String,
    version: String,
    formats: BTreeSet<String>,
}

/// The log of a run: what earlier runs converted, and the file lines are added to.
#[derive(Debug)]
pub struct ResumeLog {
    known: BTreeMap<String, Entry>,
    file: Mutex<fs::File>,
}

impl ResumeLog {
    /// Opens the log in OUTDIR for appending; with `load`, reads what it holds (lines
    /// that do not parse, such as one cut by a kill, are ignored; the last line for an
    /// output wins).
    pub fn open(outdir: &Path, load: bool) -> io::Result<ResumeLog> {
        let path = outdir.join(LOG);
        let mut known = BTreeMap::new();
        if load && let Ok(file) = fs::File::open(&path) {
            for line in io::BufReader::new(file).lines() {
                if let Some((output, entry)) = parse(&line?) {
                    known.insert(output, entry);
                }
            }
        }
        let file = fs::File::options().create(true).append(true).open(&path)?;
        Ok(ResumeLog {
            known,
            file: Mutex::new(file),
        })
    }

    /// Whether an earlier run converted this job's bytes, with this nianbao, into
    /// every output asked for now, and those outputs are still there.
    pub fn is_current(&self, job: &Job, hash: &str, outdir: &Path) -> bool {
        let Some(entry) = self.known.get(&key(job)) else {
            return false;
        };
        entry.source == job.source
            && entry.hash == hash
            && entry.version == VERSION
            && job.outputs.iter().all(|(format, rel)| {
                entry.formats.contains(format.extension()) && outdir.join(rel).is_file()
            })
    }

    /// Appends the line of a job whose outputs are in place.
    pub fn add(&self, job: &Job, hash: &str) -> io::Result<()> {
        let mut line = line(job, hash);
        line.push('\n');
        let mut file = self
            .file
            .lock()
            .map_err(|_| io::Error::other("resume log lock poisoned"))?;
        file.write_all(line.as_bytes())
    }
}

/// The line of a job (without its newline).
pub fn line(job: &Job, hash: &str) -> String {
    let formats: Vec<&str> = job.outputs.iter().map(|(f, _)| f.extension()).collect();
    json!({
        "output": key(job),
        "source": job.source,
        "hash": hash,
        "version": VERSION,
        "formats": formats,
    })
    .to_string()
}

/// A job's key: its output path without extension.
fn key(job: &Job) -> String {
    job.rel.to_string_lossy().into_owned()
}

fn parse(line: &str) -> Option<(String, Entry)> {
    let v: serde_json::Value = serde_json::from_str(line).ok()?;
    let text = |k: &str| v.get(k).and_then(|x| x.as_str()).map(str::to_owned);
    let formats = v
        .get("formats")?
        .as_array()?
        .iter()
        .filter_map(|f| f.as_str().map(str::to_owned))
        .collect();
    Some((
        text("output")?,
        Entry {
            source: text("source")?,
            hash: text("hash")?,
            version: text("version")?,
            formats,
        },
    ))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::batch::inputs::Origin;
    use crate::cli::OutputFormat;
    use std::path::PathBuf;

    #[test]
    fn the_hash_is_fixed_and_sees_every_byte() {
        // SipHash-1-3 with zero keys is a fixed function: the log of one build reads
        // in the next.
        assert_eq!(hash(b"abc"), hash(b"abc"));
        assert_ne!(hash(b"abc"), hash(b"abd"));
        assert_ne!(hash(b""), hash(b"\0"));
        assert_eq!(hash(b"").len(), 32);
    }

    #[test]
    fn lines_read_back_and_cut_lines_are_ignored() {
        let job = Job {
            source: "in/a.txt".into(),
            rel: PathBuf::from("in/a.txt"),
            origin: Origin::File(PathBuf::from("in/a.txt")),
            id: None,
            outputs: vec![(OutputFormat::Json, PathBuf::from("in/a.txt.json"))],
        };
        let text = line(&job, "00ff");
        let (output, entry) = parse(&text).unwrap();
        assert_eq!(output, "in/a.txt");
        assert_eq!(entry.hash, "00ff");
        assert_eq!(entry.version, VERSION);
        assert_eq!(entry.formats, BTreeSet::from(["json".to_owned()]));
        assert!(parse(&text[..text.len() - 3]).is_none());
    }
}
