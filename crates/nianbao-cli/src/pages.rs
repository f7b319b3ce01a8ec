//! `nianbao check --html`: where the HTML pages go, planned before any input is read
//! (usage errors first), and written atomically as each report is read.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use anyhow::Context;
use nianbao::view::{IndexEntry, IndexOptions, PageOptions, href, index_page, report_page};

use crate::UsageError;
use crate::input::{self, is_stdin};
use crate::paths::refuse_target;

/// The name of the index page in a folder of pages.
pub const INDEX: &str = "index.html";

/// The pages of a `check --html` run.
#[derive(Debug)]
pub struct Pages {
    /// The page of each input, in the order of the inputs.
    targets: Vec<PathBuf>,
    /// The index page, when the pages go to a folder.
    index: Option<PathBuf>,
    force: bool,
    entries: Vec<IndexEntry>,
}

impl Pages {
    /// Plans the pages of `files` at `out`: one FILE and `out` not a folder, `out` is
    /// the page; else `out` is a folder (created) with `<file name>.html` per input and
    /// index.html (with several files). Refused before any work: two inputs with one
    /// page, a page that is an input, a page that exists (without `force`), stdin in a
    /// folder (no name to give its page).
    ///
    /// # Errors
    ///
    /// A [`UsageError`] for the cases above; an I/O error creating the folder.
    pub fn plan(files: &[PathBuf], out: &Path, force: bool) -> anyhow::Result<Pages> {
        let single = files.len() == 1 && !out.is_dir();
        let (targets, index) = if single {
            if let Some(parent) = out.parent().filter(|p| !p.as_os_str().is_empty())
                && !parent.is_dir()
            {
                return Err(UsageError(format!(
                    "--html {}: no folder {}",
                    out.display(),
                    parent.display()
                ))
                .into());
            }
            (vec![out.to_owned()], None)
        } else {
            if out.exists() && !out.is_dir() {
                return Err(UsageError(format!(
                    "--html {}: an existing file, but several inputs need a folder",
                    out.display()
                ))
                .into());
            }
            let targets = files
                .iter()
                .map(|f| page_in(out, f))
                .collect::<anyhow::Result<Vec<_>>>()?;
            let index = (files.len() > 1).then(|| out.join(INDEX));
            (targets, index)
        };
        let mut seen: BTreeMap<&Path, String> = BTreeMap::new();
        let named = targets
            .iter()
            .zip(files.iter().map(|f| f.display().to_string()))
            .chain(index.iter().map(|i| (i, "the index".to_owned())));
        for (target, owner) in named {
            if let Some(other) = seen.insert(target, owner.clone()) {
                return Err(UsageError(format!(
                    "{other} and {owner} would both be written to {}",
                    target.display()
                ))
                .into());
            }
            refuse_target(target, files, force, "--html")?;
        }
        if !single {
            std::fs::create_dir_all(out).with_context(|| format!("creating {}", out.display()))?;
        }
        Ok(Pages {
            targets,
            index,
            force,
            entries: Vec::new(),
        })
    }

    /// Writes the page of the `i`-th input; the error says why it was not.
    pub fn write(
        &mut self,
        i: usize,
        name: &str,
        analysis: &nianbao::Analysis,
    ) -> Result<(), String> {
        let Some(target) = self.targets.get(i) else {
            return Ok(());
        };
        let mut options = PageOptions::default();
        if self.index.is_some() {
            options = options.with_index_href(INDEX);
        }
        let page = report_page(analysis, &options);
        crate::atomic::write(target, page.as_bytes(), self.force)
            .map_err(|e| format!("cannot write {}: {e}", target.display()))?;
        if self.index.is_some() {
            let file = target
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default();
            self.entries
                .push(IndexEntry::of(href([file.as_str()]), name, analysis));
        }
        Ok(())
    }

    /// Writes the index page, when the pages went to a folder of several.
    ///
    /// # Errors
    ///
    /// The index could not be written.
    pub fn finish(self) -> anyhow::Result<()> {
        if let Some(index) = &self.index {
            let page = index_page(&self.entries, &[], &IndexOptions::default());
            crate::atomic::write(index, page.as_bytes(), self.force)
                .with_context(|| format!("writing {}", index.display()))?;
        }
        Ok(())
    }
}

/// The page of `file` in the folder `dir`: its name with `.html` added.
fn page_in(dir: &Path, file: &Path) -> anyhow::Result<PathBuf> {
    let name = file
        .file_name()
        .filter(|_| !is_stdin(file))
        .ok_or_else(|| {
            UsageError(format!(
                "{}: no file name to name its page after in --html FOLDER",
                if is_stdin(file) {
                    input::STDIN.to_owned()
                } else {
                    file.display().to_string()
                }
            ))
        })?;
    let mut name = name.to_owned();
    name.push(".html");
    Ok(dir.join(name))
}
