//! A batch that can never mix up or lose a report (issue 18): the OUTDIR lock, usage
//! errors refused before any work, output paths planned before reading, symbolic
//! links and special files listed, outputs and status agreeing on a report a .docx
//! cannot hold, CSV injection neutralized, a closed stdout, `convert -o` atomic.

mod common;

use std::collections::BTreeMap;
use std::fs;
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use common::*;
use pretty_assertions::assert_eq;

const COUNTY: &str = "reports/county/示例县人民政府-2021.txt";
const TOWN: &str = "reports/towns/示例镇-2023.tika.txt";

fn county() -> Vec<u8> {
    fs::read(fixtures().join(COUNTY)).unwrap()
}

/// The (source → status, reason) rows of a summary.csv.
fn rows(outdir: &Path) -> BTreeMap<String, (String, String)> {
    csv_records(&outdir.join("summary.csv"))
        .into_iter()
        .map(|r| {
            (
                r["source"].clone(),
                (r["status"].clone(), r["reason"].clone()),
            )
        })
        .collect()
}

fn row(status: &str, reason: &str) -> (String, String) {
    (status.to_owned(), reason.to_owned())
}

fn stderr(out: &std::process::Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

/// A folder of `n` copies of the text fixtures: enough work to take a while.
fn many_reports(dir: &Path, n: usize) {
    let town = fs::read(fixtures().join(TOWN)).unwrap();
    for i in 0..n {
        let sub = dir.join(format!("part-{:02}", i / 50));
        fs::create_dir_all(&sub).unwrap();
        fs::write(
            sub.join(format!("r{i:04}.txt")),
            if i % 2 == 0 { county() } else { town.clone() },
        )
        .unwrap();
    }
}

#[test]
fn a_second_batch_into_the_same_outdir_fails_at_once_and_the_first_is_unharmed() {
    let root = scratch("lock-concurrent");
    let n = 400;
    many_reports(&root.join("in"), n);
    let mut first = nianbao()
        .current_dir(&root)
        .args(["batch", "in", "-o", "out", "-j", "1"])
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    // The first run holds the lock once its scratch folder exists.
    let start = Instant::now();
    let scratch = root.join(format!("out/.nianbao-tmp-{}", first.id()));
    while !scratch.exists() {
        assert!(
            start.elapsed() < Duration::from_secs(60),
            "the first run never started"
        );
        std::thread::sleep(Duration::from_millis(1));
    }
    let asked = Instant::now();
    let second = run_in(&root, &["batch", "in", "-o", "out", "-j", "1"]);
    let took = asked.elapsed();
    assert!(
        first.try_wait().unwrap().is_none(),
        "the first run ended before the second was refused: make the input larger"
    );
    assert_eq!(second.status.code(), Some(2), "{second:?}");
    assert!(
        stderr(&second).contains("another nianbao batch is writing into out"),
        "{}",
        stderr(&second)
    );
    assert!(
        took < Duration::from_secs(5),
        "refused at once, not after {took:?}"
    );
    assert!(
        scratch.exists(),
        "the second run left the first's scratch folder alone"
    );

    let status = first.wait().unwrap();
    assert_eq!(status.code(), Some(0));
    let summary = rows(&root.join("out"));
    assert_eq!(summary.len(), n);
    assert!(summary.values().all(|r| *r == row("ok", "")));
    // Each output holds its own input's report.
    for i in [0, 1, n - 2, n - 1] {
        let rel = format!("in/part-{:02}/r{i:04}.txt", i / 50);
        let written = fs::read_to_string(root.join("out").join(format!("{rel}.json"))).unwrap();
        assert_eq!(
            written,
            library_json(&fs::read(root.join(&rel)).unwrap(), &rel)
        );
    }
    let jsonl = fs::read_to_string(root.join("out/reports.jsonl")).unwrap();
    assert_eq!(jsonl.lines().count(), n);
    assert!(!scratch.exists());
}

#[test]
fn a_held_lock_refuses_the_run_and_a_dead_runs_scratch_is_cleared() {
    let root = scratch("lock-held");
    fs::create_dir_all(root.join("in")).unwrap();
    fs::write(root.join("in/a.txt"), county()).unwrap();
    fs::create_dir_all(root.join("out/.nianbao-tmp-1/")).unwrap();
    fs::write(
        root.join("out/.nianbao-tmp-1/out-1-0.tmp"),
        b"another run's",
    )
    .unwrap();
    let lock = fs::File::create(root.join("out/.nianbao.lock")).unwrap();
    lock.lock().unwrap();
    let refused = run_in(&root, &["batch", "in", "-o", "out"]);
    assert_eq!(refused.status.code(), Some(2), "{refused:?}");
    assert!(root.join("out/.nianbao-tmp-1/out-1-0.tmp").exists());
    assert!(!root.join("out/summary.csv").exists());
    lock.unlock().unwrap();
    // No run holds the lock: what a killed run left is cleared.
    let ran = run_in(&root, &["batch", "in", "-o", "out"]);
    assert_eq!(ran.status.code(), Some(0), "{ran:?}");
    assert!(!root.join("out/.nianbao-tmp-1").exists());
    assert!(root.join("out/in/a.txt.json").exists());
}

#[test]
fn usage_errors_are_refused_before_any_work() {
    let root = scratch("usage-before-work");
    let good = root.join("in");
    fs::create_dir_all(&good).unwrap();
    fs::write(good.join("a.txt"), county()).unwrap();
    for name in ["summary.csv", "reports.jsonl", "errors.csv"] {
        fs::create_dir_all(root.join(name)).unwrap();
        fs::write(root.join(name).join("a.txt"), county()).unwrap();
    }
    fs::write(
        root.join("errors.csv.zip"),
        ZipBuilder::default()
            .entry(b"a.txt", true, &county())
            .finish(),
    )
    .unwrap();
    fs::create_dir_all(root.join("outdir/old")).unwrap();
    fs::write(root.join("outdir/old/a.txt"), county()).unwrap();
    fs::write(root.join("file-not-folder"), b"x").unwrap();
    let cases: [(&[&str], &str); 9] = [
        (
            &["batch", "in", "summary.csv", "-o", "o1"],
            "where nianbao writes its own summary.csv",
        ),
        (
            &["batch", "reports.jsonl", "-o", "o1"],
            "its own reports.jsonl",
        ),
        (&["batch", "errors.csv", "-o", "o1"], "its own errors.csv"),
        (
            &["batch", "errors.csv.zip", "-o", "o1"],
            "its own errors.csv",
        ),
        (&["batch", "in", "-o", "in"], "OUTDIR is the input in"),
        (&["batch", "in", "-o", "./in/"], "OUTDIR is the input in"),
        (
            &["batch", "outdir/old", "-o", "outdir"],
            "lies inside OUTDIR",
        ),
        (
            &["batch", "in", "-o", "file-not-folder"],
            "is a file, not a folder",
        ),
        (&["batch", "-", "-o", "o1"], "not stdin"),
    ];
    let before = tree(&root);
    for (args, message) in cases {
        let out = run_in(&root, args);
        assert_eq!(out.status.code(), Some(2), "{args:?}: {out:?}");
        assert!(stderr(&out).contains(message), "{args:?}: {}", stderr(&out));
        // Nothing was done: no OUTDIR made, no lock file, nothing changed.
        assert_eq!(tree(&root), before, "{args:?}");
        assert!(!root.join("o1").exists() && !root.join("in/.nianbao.lock").exists());
    }
    let bad_glob = run_in(&root, &["batch", "in", "-o", "o1", "--include", "[a"]);
    assert_eq!(bad_glob.status.code(), Some(2));
}

#[test]
fn convert_onto_its_input_or_an_existing_file_is_a_usage_error() {
    let root = scratch("convert-onto-input");
    fs::write(root.join("b.txt"), county()).unwrap();
    fs::write(root.join("old.json"), b"keep me").unwrap();
    for args in [
        &["convert", "b.txt", "-o", "b.txt"][..],
        &["convert", "b.txt", "-o", "b.txt", "--force"][..],
        &["convert", "b.txt", "-o", "./b.txt", "--force"][..],
        &["convert", "b.txt", "-o", "old.json"][..],
    ] {
        let out = run_in(&root, args);
        assert_eq!(out.status.code(), Some(2), "{args:?}: {out:?}");
    }
    assert_eq!(fs::read(root.join("b.txt")).unwrap(), county());
    assert_eq!(fs::read(root.join("old.json")).unwrap(), b"keep me");
    let onto = run_in(&root, &["convert", "b.txt", "-o", "b.txt", "--force"]);
    assert!(
        stderr(&onto).contains("that is the input b.txt"),
        "{}",
        stderr(&onto)
    );
    let exists = run_in(&root, &["convert", "b.txt", "-o", "old.json"]);
    assert!(
        stderr(&exists).contains("old.json exists; choose another name, or --force"),
        "{}",
        stderr(&exists)
    );
    let forced = run_in(&root, &["convert", "b.txt", "-o", "old.json", "--force"]);
    assert_eq!(forced.status.code(), Some(0), "{forced:?}");
    assert_eq!(
        fs::read(root.join("old.json")).unwrap(),
        library_json(&county(), "b.txt").as_bytes()
    );
}

/// A write that fails halfway (the file size limit, EFBIG) leaves the previous output
/// whole and no temporary file behind.
#[cfg(unix)]
#[test]
fn convert_output_is_written_atomically() {
    let root = scratch("convert-atomic");
    fs::write(root.join("b.txt"), county()).unwrap();
    fs::write(root.join("b.json"), b"the previous good output").unwrap();
    let bin = env!("CARGO_BIN_EXE_nianbao");
    // SIGXFSZ ignored (inherited through exec): the write past 4 KiB fails with EFBIG.
    let out = Command::new("sh")
        .current_dir(&root)
        .arg("-c")
        .arg(format!(
            "trap '' XFSZ; ulimit -f 8; exec '{bin}' convert b.txt -o b.json --force"
        ))
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1), "{out:?}");
    assert!(
        stderr(&out).contains("cannot write b.json"),
        "{}",
        stderr(&out)
    );
    assert_eq!(
        fs::read(root.join("b.json")).unwrap(),
        b"the previous good output"
    );
    let names: Vec<String> = fs::read_dir(&root)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert_eq!(names.len(), 2, "no temporary left: {names:?}");
}

#[test]
fn output_path_collisions_fail_the_same_input_on_every_run() {
    let root = scratch("collisions");
    let input = root.join("in");
    fs::create_dir_all(input.join("x.docx.json")).unwrap();
    fs::write(input.join("x.docx"), docx_report()).unwrap();
    fs::write(input.join("x.docx.json/y.txt"), county()).unwrap();
    for (i, jobs) in ["1", "2", "2", "1"].iter().enumerate() {
        let outdir = format!("out{i}");
        let out = run_in(&root, &["batch", "in", "-o", &outdir, "-j", jobs]);
        assert_eq!(out.status.code(), Some(1), "{out:?}");
        assert_eq!(
            rows(&root.join(&outdir)),
            BTreeMap::from([
                ("in/x.docx".to_owned(), row("ok", "")),
                (
                    "in/x.docx.json/y.txt".to_owned(),
                    row("failed", "collision")
                ),
            ])
        );
        let errors = csv_records(&root.join(&outdir).join("errors.csv"));
        assert!(
            errors[0]["error"]
                .contains("needs in/x.docx.json as a folder, the output of in/x.docx"),
            "{errors:?}"
        );
        assert!(root.join(&outdir).join("in/x.docx.json").is_file());
    }
    // What OUTDIR already holds counts too: a folder where an output file goes.
    fs::create_dir_all(root.join("out9/in/x.docx.json")).unwrap();
    let out = run_in(&root, &["batch", "in", "-o", "out9"]);
    assert_eq!(out.status.code(), Some(1));
    let summary = rows(&root.join("out9"));
    assert_eq!(summary["in/x.docx"], row("failed", "collision"));
}

#[cfg(unix)]
#[test]
fn every_symbolic_link_and_special_file_is_listed() {
    use std::os::unix::fs::symlink;
    let root = scratch("symlinks");
    let input = root.join("in");
    fs::create_dir_all(input.join("sub")).unwrap();
    fs::create_dir_all(root.join("outside")).unwrap();
    fs::write(input.join("a.txt"), county()).unwrap();
    fs::write(input.join("sub/b.txt"), county()).unwrap();
    fs::write(root.join("outside/secret.txt"), county()).unwrap();
    symlink("nowhere.txt", input.join("dangling.txt")).unwrap();
    symlink("loop.txt", input.join("loop.txt")).unwrap();
    symlink("/dev/zero", input.join("zero.txt")).unwrap();
    symlink("../outside/secret.txt", input.join("out-of-tree.txt")).unwrap();
    symlink("sub", input.join("folder-link")).unwrap();
    symlink("a.txt", input.join("same.txt")).unwrap();
    symlink("sub/b.txt", input.join("z-link.txt")).unwrap();
    symlink("pipe.txt", input.join("pipe-link.txt")).unwrap();
    let fifo = Command::new("mkfifo")
        .arg(input.join("pipe.txt"))
        .status()
        .unwrap();
    assert!(fifo.success());
    let out = run_in(&root, &["batch", "in", "-o", "out"]);
    assert_eq!(out.status.code(), Some(0), "{out:?}");
    let expected: BTreeMap<String, (String, String)> = [
        ("in/a.txt", row("ok", "")),
        ("in/dangling.txt", row("skipped", "dangling_link")),
        ("in/folder-link", row("skipped", "link_to_folder")),
        ("in/loop.txt", row("skipped", "bad_link")),
        ("in/out-of-tree.txt", row("skipped", "link_outside")),
        ("in/pipe.txt", row("skipped", "not_a_file")),
        ("in/same.txt", row("skipped", "same_file")),
        ("in/sub/b.txt", row("ok", "")),
        ("in/z-link.txt", row("skipped", "same_file")),
        // A device is out of the tree as well: not followed, whatever it is.
        ("in/zero.txt", row("skipped", "link_outside")),
        ("in/pipe-link.txt", row("skipped", "not_a_file")),
    ]
    .into_iter()
    .map(|(s, r)| (s.to_owned(), r))
    .collect();
    assert_eq!(rows(&root.join("out")), expected);
    // The link out of the tree was not read.
    assert!(!root.join("out/in/out-of-tree.txt.json").exists());
    let jsonl = fs::read_to_string(root.join("out/reports.jsonl")).unwrap();
    assert_eq!(jsonl.lines().count(), 2);
}

/// A NUL in a cell: the JSON can hold it, a .docx cannot. The input fails as
/// `render` (not `io`), and neither output is written.
#[test]
fn outputs_and_status_agree_when_a_docx_cannot_hold_the_text() {
    let root = scratch("nul-docx");
    let input = root.join("in");
    fs::create_dir_all(&input).unwrap();
    let text = String::from_utf8(county()).unwrap();
    // The cell of 规章 issued this year: `7` followed by a NUL.
    let with_nul = text.replacen("\t规章\n\t7\n", "\t规章\n\t7\0\n", 1);
    assert_ne!(text, with_nul);
    fs::write(input.join("nul.txt"), with_nul).unwrap();
    fs::write(input.join("good.txt"), county()).unwrap();
    let out = run_in(&root, &["batch", "in", "-o", "out", "--to", "json,docx"]);
    assert_eq!(out.status.code(), Some(1), "{out:?}");
    assert_eq!(
        rows(&root.join("out"))["in/nul.txt"],
        row("failed", "render")
    );
    let errors = csv_records(&root.join("out/errors.csv"));
    assert!(
        errors[0]["error"].contains("table active_disclosure, regulations, column issued")
            && errors[0]["error"].contains("U+0000"),
        "{errors:?}"
    );
    assert!(!root.join("out/in/nul.txt.json").exists());
    assert!(!root.join("out/in/nul.txt.docx").exists());
    assert!(
        root.join("out/in/good.txt.json").exists() && root.join("out/in/good.txt.docx").exists()
    );
    let jsonl = fs::read_to_string(root.join("out/reports.jsonl")).unwrap();
    assert_eq!(jsonl.lines().count(), 1);
    // JSON alone holds it: converted.
    let json = run_in(&root, &["batch", "in", "-o", "out-json"]);
    assert_eq!(json.status.code(), Some(0), "{json:?}");
}

#[test]
fn csv_cells_that_a_spreadsheet_would_run_are_neutralized() {
    let root = scratch("csv-injection");
    let input = root.join("=cmd|' calc'!A0");
    fs::create_dir_all(&input).unwrap();
    let text = String::from_utf8(county()).unwrap();
    let evil = text.replacen(
        "示例县人民政府2021年",
        "=HYPERLINK(\"http://evil.example\")示例县人民政府2021年",
        1,
    );
    fs::write(input.join("a.txt"), evil).unwrap();
    fs::write(input.join("b.docx"), b"not a zip").unwrap();
    let out = run_in(&root, &["batch", "=cmd|' calc'!A0", "-o", "out"]);
    assert_eq!(out.status.code(), Some(1), "{out:?}");
    let summary = fs::read_to_string(root.join("out/summary.csv")).unwrap();
    let errors = fs::read_to_string(root.join("out/errors.csv")).unwrap();
    // Every field that starts with = is quoted behind an apostrophe, in both files.
    for text in [&summary, &errors] {
        for line in text.lines().skip(1) {
            assert!(!line.starts_with('='), "{line}");
            assert!(!line.contains(",="), "{line}");
        }
    }
    let records = csv_records(&root.join("out/summary.csv"));
    let a = records
        .iter()
        .find(|r| r["source"].ends_with("a.txt"))
        .unwrap();
    assert_eq!(a["source"], "'=cmd|' calc'!A0/a.txt");
    assert_eq!(
        a["agency"],
        "'=HYPERLINK(\"http://evil.example\")示例县人民政府"
    );
    let errors = csv_records(&root.join("out/errors.csv"));
    assert!(errors[0]["error"].starts_with("'=cmd"), "{errors:?}");
}

/// Every subcommand meets a stdout whose reader has gone: no panic, the work done.
#[test]
fn a_closed_stdout_ends_every_subcommand_quietly() {
    let root = scratch("closed-stdout");
    fs::create_dir_all(root.join("in")).unwrap();
    fs::write(root.join("in/a.txt"), county()).unwrap();
    let cases: [(&[&str], i32); 8] = [
        (&["schema"], 0),
        (&["convert", "in/a.txt"], 0),
        (&["convert", "in/a.txt", "in/a.txt"], 0),
        (&["check", "in/a.txt"], 0),
        (&["batch", "in", "-o", "out"], 0),
        (&["--help"], 0),
        (&["--version"], 0),
        (&["convert", "--help"], 0),
    ];
    for (args, code) in cases {
        let (reader, writer) = std::io::pipe().unwrap();
        drop(reader);
        let out = nianbao()
            .current_dir(&root)
            .args(args)
            .stdout(writer)
            .stderr(Stdio::piped())
            .output()
            .unwrap();
        assert!(
            !stderr(&out).contains("panicked"),
            "{args:?}: {}",
            stderr(&out)
        );
        assert_eq!(out.status.code(), Some(code), "{args:?}: {out:?}");
    }
    assert!(root.join("out/in/a.txt.json").exists());
}

/// An input converted by one run and failing the next keeps no output of the first:
/// its JSON on disk would say converted while summary.csv says failed.
#[test]
fn an_input_that_fails_now_keeps_no_output_of_an_earlier_run() {
    let root = scratch("stale-output");
    fs::create_dir_all(root.join("in")).unwrap();
    fs::write(root.join("in/a.txt"), county()).unwrap();
    fs::write(root.join("in/b.txt"), county()).unwrap();
    let first = run_in(&root, &["batch", "in", "-o", "out", "--to", "json,docx"]);
    assert_eq!(first.status.code(), Some(0), "{first:?}");
    assert!(root.join("out/in/a.txt.json").exists() && root.join("out/in/a.txt.docx").exists());
    // a.txt now holds a notice (skipped), b.txt is over the size limit (failed).
    fs::write(
        root.join("in/a.txt"),
        fs::read(fixtures().join("bad/meeting-notice.txt")).unwrap(),
    )
    .unwrap();
    let small = (county().len() - 1).to_string();
    let second = run_in(
        &root,
        &[
            "batch",
            "in",
            "-o",
            "out",
            "--to",
            "json,docx",
            "--max-input-bytes",
            &small,
            "--resume",
        ],
    );
    assert_eq!(second.status.code(), Some(1), "{second:?}");
    let summary = rows(&root.join("out"));
    assert_eq!(summary["in/a.txt"], row("skipped", "no_report"));
    assert_eq!(summary["in/b.txt"], row("failed", "limit_exceeded"));
    for name in ["a.txt.json", "a.txt.docx", "b.txt.json", "b.txt.docx"] {
        assert!(!root.join("out/in").join(name).exists(), "{name}");
    }
    assert_eq!(
        fs::read_to_string(root.join("out/reports.jsonl")).unwrap(),
        ""
    );
}
