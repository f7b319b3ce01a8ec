//! Progress: a bar on a terminal, one plain log line a file otherwise.

use std::io::IsTerminal;

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};

use super::record::{Record, Status};

/// Reports each finished input.
#[derive(Debug)]
pub enum Progress {
    /// A bar on stderr.
    Bar(ProgressBar),
    /// `[k/n] status source` lines on stderr.
    Lines {
        /// How many inputs in all.
        total: usize,
        /// How many done.
        done: std::sync::atomic::AtomicUsize,
    },
}

impl Progress {
    /// A bar when stderr is a terminal, lines otherwise.
    pub fn new(total: usize) -> Progress {
        if std::io::stderr().is_terminal() {
            let bar = ProgressBar::with_draw_target(
                Some(u64::try_from(total).unwrap_or(u64::MAX)),
                ProgressDrawTarget::stderr(),
            );
            if let Ok(style) = ProgressStyle::with_template(
                "{elapsed_precise} [{bar:40}] {pos}/{len} (eta {eta}) {msg}",
            ) {
                bar.set_style(style.progress_chars("=> "));
            }
            Progress::Bar(bar)
        } else {
            Progress::Lines {
                total,
                done: std::sync::atomic::AtomicUsize::new(0),
            }
        }
    }

    /// One input is done.
    pub fn done(&self, record: &Record) {
        match self {
            Progress::Bar(bar) => {
                if let Status::Failed { message, .. } = &record.status {
                    bar.println(format!("failed: {message}"));
                }
                bar.inc(1);
            }
            Progress::Lines { total, done } => {
                let k = done.fetch_add(1, std::sync::atomic::Ordering::Relaxed) + 1;
                let word = if record.up_to_date {
                    "up-to-date"
                } else {
                    record.status.word()
                };
                eprintln!("[{k}/{total}] {word} {}", record.source);
            }
        }
    }

    /// Clears the bar.
    pub fn finish(&self) {
        if let Progress::Bar(bar) = self {
            bar.finish_and_clear();
        }
    }
}
