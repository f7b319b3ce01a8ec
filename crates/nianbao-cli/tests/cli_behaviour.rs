//! The command line of issue 17: one set of exit codes across `convert`, `check` and
//! `batch` (documented in `--help`), skipped vs failed, `convert -`, overlapping
//! inputs read once, `--include/--exclude`, progress without a terminal and
//! `--quiet`, the limits as flags.

mod common;

use std::fs;
use std::io::Write;
use std::path::Path;
use std::process::Stdio;

use common::*;
use pretty_assertions::assert_eq;

const COUNTY: &str = "reports/county/示例县人民政府-2021.txt";
const BROKEN: &str = "reports/departments/示例县交通运输局-2022.txt";

fn bytes(rel: &str) -> Vec<u8> {
    fs::read(fixtures().join(rel)).unwrap()
}

/// One input of each kind, each alone in a folder (for `batch`) and as a file.
fn kinds(root: &Path) -> [(&'static str, std::path::PathBuf); 4] {
    let cases = [
        ("good", bytes(COUNTY), "r.txt"),
        ("no_report", bytes("bad/meeting-notice.txt"), "r.txt"),
        ("corrupt", bytes("bad/corrupt.docx"), "r.docx"),
        ("rule_broken", bytes(BROKEN), "r.txt"),
    ];
    cases.map(|(name, content, file)| {
        let dir = root.join(name);
        fs::create_dir_all(&dir).unwrap();
        fs::write(dir.join(file), content).unwrap();
        (name, dir.join(file))
    })
}

#[test]
fn every_subcommand_gives_the_same_exit_code_for_the_same_input() {
    let root = scratch("exit-codes");
    // (kind, exit code, with --strict)
    let expected = [
        ("good", 0, 0),
        ("no_report", 0, 0),
        ("corrupt", 1, 1),
        ("rule_broken", 0, 3),
    ];
    for ((name, file), (kind, code, strict_code)) in kinds(&root).iter().zip(expected) {
        assert_eq!(*name, kind);
        let file = file.to_str().unwrap();
        let dir = root.join(name);
        let dir = dir.to_str().unwrap();
        for strict in [false, true] {
            let want = if strict { strict_code } else { code };
            let flag: &[&str] = if strict { &["--strict"] } else { &[] };
            let outdir = format!("out-{name}-{strict}");
            let runs: [Vec<&str>; 3] = [
                [&["convert", file][..], flag].concat(),
                [&["check", file][..], flag].concat(),
                [&["batch", dir, "-o", outdir.as_str()][..], flag].concat(),
            ];
            for args in runs {
                let out = run_in(&root, &args);
                assert_eq!(out.status.code(), Some(want), "{args:?}: {out:?}");
            }
        }
    }
}

#[test]
fn help_documents_the_exit_codes_of_every_subcommand() {
    for args in [
        &["--help"][..],
        &["convert", "--help"][..],
        &["check", "--help"][..],
        &["batch", "--help"][..],
        &["compare", "--help"][..],
    ] {
        let out = nianbao().args(args).output().unwrap();
        assert_eq!(out.status.code(), Some(0));
        let text = String::from_utf8(out.stdout).unwrap();
        for line in [
            "Exit status (the same for convert, check, batch and compare):",
            "  0  every input was converted",
            "  1  some input failed",
            "  2  usage error, or OUTDIR in use",
            "  3  with --strict",
        ] {
            assert!(text.contains(line), "{args:?} lacks {line:?}:\n{text}");
        }
    }
    let batch = nianbao().args(["batch", "--help"]).output().unwrap();
    let text = String::from_utf8(batch.stdout).unwrap();
    for flag in [
        "--include <GLOB>",
        "--exclude <GLOB>",
        "--quiet",
        "--max-input-bytes <BYTES>",
        "--max-table-cells <N>",
    ] {
        assert!(text.contains(flag), "{flag}:\n{text}");
    }
}

#[test]
fn convert_and_check_read_stdin() {
    let county = bytes(COUNTY);
    for (args, expect) in [
        (&["convert", "-"][..], "json"),
        (&["check", "-"][..], "check"),
    ] {
        let mut child = nianbao()
            .args(args)
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        child.stdin.take().unwrap().write_all(&county).unwrap();
        let out = child.wait_with_output().unwrap();
        assert_eq!(out.status.code(), Some(0), "{out:?}");
        let text = String::from_utf8(out.stdout).unwrap();
        if expect == "json" {
            // The format is told from the content; no file name is claimed.
            let analysis =
                nianbao::read_bytes(&county, None, &nianbao::Options::default()).unwrap();
            assert_eq!(text, nianbao::json::to_string(&analysis) + "\n");
            assert_eq!(analysis.report.source.name, None);
        } else {
            assert!(text.starts_with("── <stdin> (txt)"), "{text}");
        }
    }
    // Stdin over the limit: a limit error, after reading one byte more than allowed.
    let mut child = nianbao()
        .args(["convert", "-", "--max-input-bytes", "1K"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut stdin = child.stdin.take().unwrap();
    let _ = stdin.write_all(&county);
    drop(stdin);
    let out = child.wait_with_output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(
        stderr.contains("<stdin>: limit exceeded: max_input_bytes is 1025, the maximum is 1024"),
        "{stderr}"
    );
}

#[test]
fn limits_are_flags() {
    let root = scratch("limit-flags");
    fs::create_dir_all(root.join("in")).unwrap();
    fs::write(root.join("in/a.txt"), bytes(COUNTY)).unwrap();
    let size = bytes(COUNTY).len();
    let small = (size - 1).to_string();
    let convert = run_in(&root, &["convert", "in/a.txt", "--max-input-bytes", &small]);
    assert_eq!(convert.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&convert.stderr).contains("max_input_bytes"));
    let check = run_in(&root, &["check", "in/a.txt", "--max-input-bytes", &small]);
    assert_eq!(check.status.code(), Some(1));
    let batch = run_in(
        &root,
        &["batch", "in", "-o", "out", "--max-input-bytes", &small],
    );
    assert_eq!(batch.status.code(), Some(1));
    let errors = csv_records(&root.join("out/errors.csv"));
    assert_eq!(errors[0]["kind"], "limit_exceeded");
    // Another limit reaches the reader: a line limit under the longest line.
    let lines = run_in(&root, &["convert", "in/a.txt", "--max-line-bytes", "8"]);
    assert_eq!(lines.status.code(), Some(1), "{lines:?}");
    assert!(
        String::from_utf8_lossy(&lines.stderr).contains("max_line_bytes"),
        "{lines:?}"
    );
    // At the size itself, it converts.
    let exact = run_in(
        &root,
        &[
            "convert",
            "in/a.txt",
            "--max-input-bytes",
            &size.to_string(),
        ],
    );
    assert_eq!(exact.status.code(), Some(0));
    let bad = run_in(&root, &["convert", "in/a.txt", "--max-input-bytes", "lots"]);
    assert_eq!(bad.status.code(), Some(2));
}

#[test]
fn overlapping_inputs_convert_each_file_once() {
    let root = scratch("overlap");
    fs::create_dir_all(root.join("dir/sub")).unwrap();
    fs::write(root.join("dir/a.txt"), bytes(COUNTY)).unwrap();
    fs::write(root.join("dir/sub/b.txt"), bytes(COUNTY)).unwrap();
    fs::write(
        root.join("dir.zip"),
        ZipBuilder::default()
            .entry(b"c.txt", true, &bytes(COUNTY))
            .finish(),
    )
    .unwrap();
    let twice = run_in(&root, &["batch", "dir.zip", "./dir.zip", "-o", "out-zip"]);
    assert_eq!(twice.status.code(), Some(0), "{twice:?}");
    assert_eq!(
        column(&root.join("out-zip/summary.csv"), "source"),
        ["dir.zip!c.txt"]
    );
    for args in [
        &["batch", "dir", "dir/sub", "-o", "out1"][..],
        &["batch", "dir/sub", "dir", "-o", "out2"][..],
        &["batch", "dir", "dir", "-o", "out3"][..],
        &["batch", "dir", "dir/sub/b.txt", "-o", "out4"][..],
    ] {
        let out = run_in(&root, args);
        assert_eq!(out.status.code(), Some(0), "{args:?}: {out:?}");
        let outdir = root.join(args[args.len() - 1]);
        let sources = column(&outdir.join("summary.csv"), "source");
        assert_eq!(sources, ["dir/a.txt", "dir/sub/b.txt"], "{args:?}");
        let jsonl = fs::read_to_string(outdir.join("reports.jsonl")).unwrap();
        assert_eq!(jsonl.lines().count(), 2);
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(
            stderr.contains("is inside the input dir") || stderr.contains("is the input dir again"),
            "{stderr}"
        );
    }
}

#[test]
fn include_and_exclude_choose_the_files() {
    let root = scratch("globs");
    let input = root.join("in");
    fs::create_dir_all(input.join("draft")).unwrap();
    fs::create_dir_all(input.join("2021")).unwrap();
    fs::write(input.join("2021/a.txt"), bytes(COUNTY)).unwrap();
    fs::write(input.join("draft/b.txt"), bytes(COUNTY)).unwrap();
    fs::write(input.join("c.docx"), docx_report()).unwrap();
    fs::write(input.join("notes.md"), b"# notes").unwrap();
    let zip = ZipBuilder::default()
        .entry(b"2021/z.txt", true, &bytes(COUNTY))
        .entry(b"draft/y.txt", true, &bytes(COUNTY))
        .finish();
    fs::write(root.join("more.zip"), zip).unwrap();
    let out = run_in(
        &root,
        &[
            "batch",
            "in",
            "more.zip",
            "-o",
            "out",
            "--include",
            "*.txt",
            "--exclude",
            "draft/**",
        ],
    );
    assert_eq!(out.status.code(), Some(0), "{out:?}");
    assert_eq!(
        column(&root.join("out/summary.csv"), "source"),
        ["in/2021/a.txt", "more.zip!2021/z.txt"]
    );
    let stdout = String::from_utf8(out.stdout).unwrap();
    assert!(
        stdout.contains("left out       4  (--include/--exclude)"),
        "{stdout}"
    );
}

#[test]
fn without_a_terminal_progress_is_not_a_line_a_file_and_quiet_is_silent() {
    let root = scratch("progress");
    let input = root.join("in");
    fs::create_dir_all(&input).unwrap();
    for i in 0..20 {
        fs::write(input.join(format!("r{i:02}.txt")), bytes(COUNTY)).unwrap();
    }
    let out = run_in(&root, &["batch", "in", "-o", "out"]);
    assert_eq!(out.status.code(), Some(0));
    let stderr = String::from_utf8(out.stderr).unwrap();
    // A run this short prints no progress line at all (one every 5 s at most).
    assert!(
        !stderr.contains("r00.txt") && !stderr.contains("[1/20]"),
        "{stderr}"
    );
    assert!(stderr.lines().count() <= 1, "{stderr}");
    assert!(
        String::from_utf8(out.stdout)
            .unwrap()
            .contains("converted      20")
    );

    let quiet = run_in(&root, &["batch", "in", "-o", "out", "--quiet"]);
    assert_eq!(quiet.status.code(), Some(0));
    assert!(
        quiet.stdout.is_empty() && quiet.stderr.is_empty(),
        "{quiet:?}"
    );
    assert_eq!(csv_records(&root.join("out/summary.csv")).len(), 20);
}

#[test]
fn nothing_converted_does_not_claim_every_rule_holds() {
    let root = scratch("nothing-converted");
    fs::create_dir_all(root.join("in")).unwrap();
    fs::write(root.join("in/notice.txt"), bytes("bad/meeting-notice.txt")).unwrap();
    fs::write(
        root.join("in/readme.md"),
        b"# Reports\n\nThe annual reports of 2021.\n",
    )
    .unwrap();
    let out = run_in(&root, &["batch", "in", "-o", "out"]);
    // No report in either file: both skipped, which is no failure.
    assert_eq!(out.status.code(), Some(0), "{out:?}");
    let stdout = String::from_utf8(out.stdout).unwrap();
    assert!(!stdout.contains("every rule holds"), "{stdout}");
    assert!(stdout.contains("no report converted"), "{stdout}");
    assert!(
        stdout.contains("skipped         2  (no_report 2)"),
        "{stdout}"
    );
    let errors = csv_records(&root.join("out/errors.csv"));
    assert!(errors.is_empty());
}

/// On a terminal, the bar is as wide as the terminal: run under `script` (util-linux,
/// in every Debian) with a pseudo-terminal of 40 and then 100 columns.
#[cfg(target_os = "linux")]
#[test]
fn the_bar_fits_the_terminal() {
    let root = scratch("bar-width");
    fs::create_dir_all(root.join("in")).unwrap();
    for i in 0..60 {
        fs::write(root.join(format!("in/r{i:02}.txt")), bytes(COUNTY)).unwrap();
    }
    let bin = env!("CARGO_BIN_EXE_nianbao");
    for cols in [40, 100] {
        let inner =
            format!("stty rows 20 cols {cols}; '{bin}' batch in -o out{cols} -j 1 >/dev/null");
        let out = std::process::Command::new("script")
            .current_dir(&root)
            .args(["-qc", &inner, "/dev/null"])
            .stdin(Stdio::null())
            .output()
            .expect("`script` (util-linux) runs");
        let text = String::from_utf8_lossy(&out.stdout).replace("\x1b[2K", "");
        let bars: Vec<&str> = text
            .split(['\r', '\n'])
            .filter(|l| l.contains("/60 eta"))
            .collect();
        assert!(!bars.is_empty(), "no bar drawn: {text:?}");
        for bar in bars {
            let width = bar.chars().count();
            assert!(
                width <= cols && width >= cols - 2,
                "{width} columns of {cols}: {bar:?}"
            );
        }
    }
}
