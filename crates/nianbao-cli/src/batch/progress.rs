//! Progress: a bar as wide as the terminal on a terminal; otherwise (a log file, CI)
//! one summary line every few seconds, not a line a file; nothing with `--quiet`.

use std::io::IsTerminal;
use std::sync::Mutex;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};

use super::record::{Record, Status};
use crate::stdout::warn;

/// How often a line is printed without a terminal.
pub const EVERY: Duration = Duration::from_secs(5);

/// Counts of finished inputs (for the timed lines).
#[derive(Debug, Default)]
pub struct Counts {
    done: AtomicUsize,
    ok: AtomicUsize,
    skipped: AtomicUsize,
    failed: AtomicUsize,
}

/// Reports finished inputs.
#[derive(Debug)]
pub enum Progress {
    /// A bar on stderr, as wide as the terminal.
    Bar(ProgressBar),
    /// A line on stderr every [`EVERY`].
    Lines {
        /// How many inputs in all.
        total: usize,
        /// Counts so far.
        counts: Counts,
        /// When the run and the last line began.
        times: Mutex<(Instant, Instant)>,
    },
    /// Nothing (`--quiet`).
    Quiet,
}

impl Progress {
    /// A bar when stderr is a terminal, timed lines otherwise, nothing when quiet.
    pub fn new(total: usize, quiet: bool) -> Progress {
        if quiet {
            return Progress::Quiet;
        }
        if std::io::stderr().is_terminal() {
            let bar = ProgressBar::with_draw_target(
                Some(u64::try_from(total).unwrap_or(u64::MAX)),
                ProgressDrawTarget::stderr(),
            );
            // `wide_bar` takes what the terminal's width leaves.
            if let Ok(style) =
                ProgressStyle::with_template("{elapsed_precise} [{wide_bar}] {pos}/{len} eta {eta}")
            {
                bar.set_style(style.progress_chars("=> "));
            }
            Progress::Bar(bar)
        } else {
            let now = Instant::now();
            Progress::Lines {
                total,
                counts: Counts::default(),
                times: Mutex::new((now, now)),
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
            Progress::Lines { .. } => {
                if let Some(line) = self.tick(record, Instant::now()) {
                    warn(&line);
                }
            }
            Progress::Quiet => {}
        }
    }

    /// Counts a finished input (timed lines); the line to print when [`EVERY`] has
    /// passed since the last one.
    fn tick(&self, record: &Record, now: Instant) -> Option<String> {
        let Progress::Lines {
            total,
            counts,
            times,
        } = self
        else {
            return None;
        };
        let slot = match record.status {
            Status::Ok => &counts.ok,
            Status::Skipped { .. } => &counts.skipped,
            Status::Failed { .. } => &counts.failed,
        };
        slot.fetch_add(1, Ordering::Relaxed);
        let done = counts.done.fetch_add(1, Ordering::Relaxed) + 1;
        let mut times = times.lock().ok()?;
        if now.saturating_duration_since(times.1) < EVERY {
            return None;
        }
        times.1 = now;
        Some(line(
            done,
            *total,
            counts,
            now.saturating_duration_since(times.0),
        ))
    }

    /// Clears the bar.
    pub fn finish(&self) {
        if let Progress::Bar(bar) = self {
            bar.finish_and_clear();
        }
    }
}

fn line(done: usize, total: usize, counts: &Counts, elapsed: Duration) -> String {
    format!(
        "nianbao batch: {done}/{total} done in {:.0} s ({} converted, {} skipped, {} failed)",
        elapsed.as_secs_f64(),
        counts.ok.load(Ordering::Relaxed),
        counts.skipped.load(Ordering::Relaxed),
        counts.failed.load(Ordering::Relaxed)
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_line_every_few_seconds_not_one_a_file() {
        let start = Instant::now();
        let progress = Progress::Lines {
            total: 4,
            counts: Counts::default(),
            times: Mutex::new((start, start)),
        };
        let ok = Record::skipped("a.png", "other_type", "a.png: other type".into());
        assert_eq!(progress.tick(&ok, start + Duration::from_secs(1)), None);
        assert_eq!(progress.tick(&ok, start + Duration::from_secs(2)), None);
        assert_eq!(
            progress
                .tick(&ok, start + Duration::from_secs(6))
                .as_deref(),
            Some("nianbao batch: 3/4 done in 6 s (0 converted, 3 skipped, 0 failed)")
        );
        assert_eq!(progress.tick(&ok, start + Duration::from_secs(7)), None);
    }
}
