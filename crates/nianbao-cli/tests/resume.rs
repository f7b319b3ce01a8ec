//! A batch run killed halfway (SIGKILL), then run again with `--resume`, gives the
//! same outputs as one uninterrupted run (with another thread count), byte for byte.

mod common;

use std::fs;
use std::path::Path;
use std::process::Stdio;
use std::time::{Duration, Instant, SystemTime};

use common::*;

const COPIES: usize = 12;

/// An input folder of many reports (copies of the fixtures, text and .docx) and the bad files,
/// all dated an hour ago.
fn make_input(dir: &Path) {
    let reports = [
        "reports/county/示例县人民政府-2021.txt",
        "reports/departments/示例县交通运输局-2022.txt",
        "reports/towns/示例镇-2023.tika.txt",
    ];
    for i in 0..COPIES {
        for (k, rel) in reports.iter().enumerate() {
            let target = dir.join(format!("batch-{i:03}/report-{k}.txt"));
            fs::create_dir_all(target.parent().unwrap()).unwrap();
            fs::copy(fixtures().join(rel), &target).unwrap();
        }
        fs::write(
            dir.join(format!("batch-{i:03}/report-3.docx")),
            docx_report(),
        )
        .unwrap();
    }
    copy_tree(&fixtures().join("bad"), &dir.join("bad"));
    let an_hour_ago = SystemTime::now() - Duration::from_secs(3600);
    for path in tree(dir).keys() {
        let file = fs::File::options()
            .write(true)
            .open(dir.join(path))
            .unwrap();
        file.set_modified(an_hour_ago).unwrap();
    }
}

/// How many files with an extension are under a folder (without reading them).
fn count(dir: &Path, ext: &str) -> usize {
    let Ok(entries) = fs::read_dir(dir) else {
        return 0;
    };
    entries
        .flatten()
        .map(|e| {
            let path = e.path();
            if path.is_dir() {
                count(&path, ext)
            } else {
                usize::from(path.extension().is_some_and(|x| x == ext))
            }
        })
        .sum()
}

#[test]
fn killed_run_resumed_equals_uninterrupted_run() {
    let root = scratch("resume");
    make_input(&root.join("reports"));
    let total = COPIES * 4;

    // The uninterrupted run uses two threads, the others one: thread order must not
    // show in the outputs either.
    let whole = run_in(
        &root,
        &[
            "batch",
            "reports",
            "-o",
            "whole",
            "-j",
            "2",
            "--to",
            "json,docx",
        ],
    );
    assert_eq!(whole.status.code(), Some(1), "{whole:?}");
    assert_eq!(count(&root.join("whole/reports"), "json"), total);
    assert_eq!(
        tree(&root.join("whole/reports")).len(),
        2 * total,
        "a .json and a .docx each"
    );

    // Start the same run, kill it once some outputs exist.
    let mut child = nianbao()
        .current_dir(&root)
        .args([
            "batch",
            "reports",
            "-o",
            "resumed",
            "-j",
            "1",
            "--to",
            "json,docx",
        ])
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let start = Instant::now();
    while count(&root.join("resumed/reports"), "json") < total / 4 {
        assert!(start.elapsed() < Duration::from_secs(120), "no progress");
        std::thread::sleep(Duration::from_millis(2));
    }
    child.kill().unwrap(); // SIGKILL on Unix
    child.wait().unwrap();
    // An input is done when both outputs are written and its line is in the resume
    // log (appended whole; a line cut by the kill would not count).
    let log = fs::read_to_string(root.join("resumed/.nianbao-resume.jsonl")).unwrap();
    let done = log.lines().filter(|l| l.ends_with('}')).count();
    assert!(done > 0 && done <= count(&root.join("resumed/reports"), "docx"));
    assert!(
        !root.join("resumed/summary.csv").exists() && done < total,
        "the run finished before it was killed ({done} of {total}): make the input larger"
    );

    let resumed = run_in(
        &root,
        &[
            "batch",
            "reports",
            "-o",
            "resumed",
            "-j",
            "1",
            "--to",
            "json,docx",
            "--resume",
        ],
    );
    assert_eq!(resumed.status.code(), Some(1), "{resumed:?}");
    let stdout = String::from_utf8_lossy(&resumed.stdout);
    assert!(
        stdout.contains(&format!("({done} up to date")),
        "the {done} outputs of the killed run are reused: {stdout}"
    );

    let whole_tree = tree(&root.join("whole"));
    let resumed_tree = tree(&root.join("resumed"));
    assert_eq!(
        whole_tree.keys().collect::<Vec<_>>(),
        resumed_tree.keys().collect::<Vec<_>>()
    );
    for (path, bytes) in &whole_tree {
        assert!(resumed_tree[path] == *bytes, "{} differs", path.display());
    }
}

fn up_to_date(out: &std::process::Output) -> bool {
    String::from_utf8_lossy(&out.stdout).contains("(1 up to date")
}

/// `--resume` compares the bytes (a hash), not the time: a changed input with its old
/// time is converted again, a touched but unchanged one is not, and outputs of
/// another nianbao version are made again.
#[test]
fn resume_compares_content_and_version_not_time() {
    let root = scratch("resume-stale");
    let input = root.join("in");
    fs::create_dir_all(&input).unwrap();
    let county = fixtures().join("reports/county/示例县人民政府-2021.txt");
    let town = fixtures().join("reports/towns/示例镇-2023.tika.txt");
    let set_time = |t: SystemTime| {
        fs::File::options()
            .write(true)
            .open(input.join("a.txt"))
            .unwrap()
            .set_modified(t)
            .unwrap();
    };
    let an_hour_ago = SystemTime::now() - Duration::from_secs(3600);
    fs::copy(&county, input.join("a.txt")).unwrap();
    set_time(an_hour_ago);
    let first = run_in(&root, &["batch", "in", "-o", "out"]);
    assert_eq!(first.status.code(), Some(0), "{first:?}");

    let again = run_in(&root, &["batch", "in", "-o", "out", "--resume"]);
    assert!(up_to_date(&again), "{again:?}");

    // Touched, same bytes: still up to date.
    set_time(SystemTime::now() + Duration::from_secs(60));
    let touched = run_in(&root, &["batch", "in", "-o", "out", "--resume"]);
    assert!(up_to_date(&touched), "{touched:?}");

    // Other bytes under the old time (a copy that keeps times, a clock set back):
    // converted again.
    fs::copy(&town, input.join("a.txt")).unwrap();
    set_time(an_hour_ago);
    let after = run_in(&root, &["batch", "in", "-o", "out", "--resume"]);
    assert!(!up_to_date(&after), "{after:?}");
    let written = fs::read_to_string(root.join("out/in/a.txt.json")).unwrap();
    assert_eq!(written, library_json(&fs::read(&town).unwrap(), "in/a.txt"));
    assert!(up_to_date(&run_in(
        &root,
        &["batch", "in", "-o", "out", "--resume"]
    )));

    // Outputs made by another version of nianbao: made again.
    let log_path = root.join("out/.nianbao-resume.jsonl");
    let log = fs::read_to_string(&log_path).unwrap();
    let version = format!("\"version\":\"{}\"", env!("CARGO_PKG_VERSION"));
    assert!(log.contains(&version), "{log}");
    fs::write(
        &log_path,
        log.replace(&version, "\"version\":\"0.0.0-old\""),
    )
    .unwrap();
    let other_version = run_in(&root, &["batch", "in", "-o", "out", "--resume"]);
    assert!(!up_to_date(&other_version), "{other_version:?}");
    assert!(fs::read_to_string(&log_path).unwrap().contains(&version));
}
