//! Every output path of a batch, planned before any input is read. Two inputs that
//! claim one path (the same file, or one's file where another needs a folder:
//! `x.docx` → `x.docx.json` against `x.docx.json/y.txt` → `x.docx.json/y.txt.json`)
//! are found here, in source order, so the same input fails on every run, whatever
//! the thread count: the later one, as `collision`.

use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::path::{Path, PathBuf};

use super::inputs::{Job, Origin};
use super::output::output_path;
use crate::cli::OutputFormat;

/// Fills each readable job's output paths, or refuses it when a path collides with
/// another job's or with what is already on disk under OUTDIR.
pub fn plan(jobs: &mut [Job], formats: &BTreeSet<OutputFormat>, outdir: &Path) {
    // Claimed output files and the folders they need, each with its claimant.
    let mut files: BTreeMap<PathBuf, String> = BTreeMap::new();
    let mut folders: BTreeMap<PathBuf, String> = BTreeMap::new();
    let mut on_disk = DiskCheck::default();
    for job in jobs.iter_mut().filter(|j| j.is_readable()) {
        let outputs: Vec<(OutputFormat, PathBuf)> = formats
            .iter()
            .map(|f| (*f, output_path(*f, &job.rel)))
            .collect();
        let clash = outputs.iter().find_map(|(_, path)| {
            if let Some(other) = files.get(path) {
                return Some(format!(
                    "its output {} is also that of {other}",
                    path.display()
                ));
            }
            if let Some(other) = folders.get(path) {
                return Some(format!(
                    "its output {} is a folder {other} needs",
                    path.display()
                ));
            }
            let mut parent = path.parent();
            while let Some(dir) = parent.filter(|p| !p.as_os_str().is_empty()) {
                if let Some(other) = files.get(dir) {
                    return Some(format!(
                        "it needs {} as a folder, the output of {other}",
                        dir.display()
                    ));
                }
                parent = dir.parent();
            }
            on_disk.clash(outdir, path)
        });
        if let Some(why) = clash {
            job.origin = Origin::Refused {
                kind: "collision",
                reason: format!("{}: {why}: not converted", job.source),
            };
            continue;
        }
        for (_, path) in &outputs {
            files.insert(path.clone(), job.source.clone());
            let mut parent = path.parent();
            while let Some(dir) = parent.filter(|p| !p.as_os_str().is_empty()) {
                if folders.insert(dir.to_owned(), job.source.clone()).is_some() {
                    break;
                }
                parent = dir.parent();
            }
        }
        job.outputs = outputs;
    }
}

/// What OUTDIR already holds: a folder where an output file goes, or a file where
/// an output needs a folder. Folders found fine are remembered.
#[derive(Default)]
struct DiskCheck {
    fine: BTreeSet<PathBuf>,
}

impl DiskCheck {
    fn clash(&mut self, outdir: &Path, rel: &Path) -> Option<String> {
        if fs::symlink_metadata(outdir.join(rel)).is_ok_and(|m| m.is_dir()) {
            return Some(format!(
                "its output {} is a folder in OUTDIR already",
                rel.display()
            ));
        }
        let mut parent = rel.parent();
        while let Some(dir) = parent.filter(|p| !p.as_os_str().is_empty()) {
            if self.fine.contains(dir) {
                break;
            }
            match fs::symlink_metadata(outdir.join(dir)) {
                Ok(m) if !m.is_dir() => {
                    return Some(format!(
                        "it needs {} as a folder, and OUTDIR holds a file there",
                        dir.display()
                    ));
                }
                _ => {
                    self.fine.insert(dir.to_owned());
                }
            }
            parent = dir.parent();
        }
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn job(source: &str, rel: &str) -> Job {
        Job {
            source: source.into(),
            rel: rel.into(),
            origin: Origin::File(PathBuf::from(source)),
            id: None,
            outputs: Vec::new(),
        }
    }

    fn refused(jobs: &[Job]) -> Vec<&str> {
        jobs.iter()
            .filter(|j| matches!(j.origin, Origin::Refused { .. }))
            .map(|j| j.source.as_str())
            .collect()
    }

    #[test]
    fn a_file_where_a_folder_is_needed_fails_the_later_input() {
        let formats = BTreeSet::from([OutputFormat::Json]);
        let nowhere = Path::new("/nonexistent-nianbao-outdir");
        // Sorted by source, as the batch sorts them.
        let mut jobs = vec![
            job("in/x.docx", "in/x.docx"),
            job("in/x.docx.json/y.txt", "in/x.docx.json/y.txt"),
        ];
        plan(&mut jobs, &formats, nowhere);
        assert_eq!(refused(&jobs), ["in/x.docx.json/y.txt"]);
        assert_eq!(
            jobs[0].outputs,
            [(OutputFormat::Json, PathBuf::from("in/x.docx.json"))]
        );

        // The other way round: the folder is claimed first.
        let mut jobs = vec![job("a/b.json/c.txt", "a/b.json/c.txt"), job("a/b", "a/b")];
        plan(&mut jobs, &formats, nowhere);
        assert_eq!(refused(&jobs), ["a/b"]);
    }

    #[test]
    fn two_formats_and_same_paths() {
        let formats = BTreeSet::from([OutputFormat::Json, OutputFormat::Docx]);
        let nowhere = Path::new("/nonexistent-nianbao-outdir");
        let mut jobs = vec![
            job("z!a/x.txt", "z/a/x.txt"),
            job("z!a\\x.txt", "z/a/x.txt"),
            job("z!b.txt", "z/b.txt"),
        ];
        plan(&mut jobs, &formats, nowhere);
        assert_eq!(refused(&jobs), ["z!a\\x.txt"]);
        assert_eq!(jobs[2].outputs.len(), 2);
    }
}
