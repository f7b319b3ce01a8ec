//! The written file is valid OOXML: docx-rs's reader opens it, python-docx opens it
//! (installed into a venv under target/; skipped, saying why, when it cannot be), and
//! LibreOffice converts it to PDF without complaint (`scripts/render.sh`; skipped,
//! saying why, when LibreOffice is not installed).

mod write_common;
use write_common as common;

use std::path::{Path, PathBuf};
use std::process::Command;

use nianbao_core::catalog::TableFormat;
use nianbao_core::rules;
use nianbao_docx::write::{WriteOptions, write};

const REPO: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../..");

/// A few reports: both formats, with the findings appendix, and an empty report.
fn samples() -> Vec<(String, Vec<u8>)> {
    let mut out = Vec::new();
    for (i, format) in [TableFormat::Format2021, TableFormat::Trial2019]
        .into_iter()
        .enumerate()
    {
        let r = common::report(format, 40 + i as u64, 6);
        out.push((
            format!("synthetic-{}", format.as_str()),
            write(&r, &WriteOptions::default()).unwrap(),
        ));
        let findings = rules::check(&r);
        let opts = WriteOptions::default().with_findings_appendix(findings);
        out.push((
            format!("synthetic-{}-findings", format.as_str()),
            write(&r, &opts).unwrap(),
        ));
    }
    out.push((
        "empty".into(),
        write(&Default::default(), &WriteOptions::default()).unwrap(),
    ));
    out
}

fn scratch(name: &str) -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join("nianbao-docx-write");
    std::fs::create_dir_all(&dir).unwrap();
    dir.join(name)
}

#[test]
fn docx_rs_reads_what_was_written() {
    for (name, bytes) in samples() {
        let docx = docx_rs::read_docx(&bytes).unwrap_or_else(|e| panic!("{name}: {e}"));
        let tables = docx
            .document
            .children
            .iter()
            .filter(|c| matches!(c, docx_rs::DocumentChild::Table(_)))
            .count();
        let expected = if name == "empty" { 0 } else { 3 };
        assert_eq!(tables, expected, "{name}");
    }
}

/// A python with python-docx, from a venv under target/ (made on first use).
fn python_docx() -> Result<PathBuf, String> {
    let venv = Path::new(env!("CARGO_TARGET_TMPDIR")).join("venv-python-docx");
    let python = venv.join("bin/python");
    let has_docx = |py: &Path| {
        Command::new(py)
            .args(["-c", "import docx"])
            .output()
            .is_ok_and(|o| o.status.success())
    };
    if python.exists() && has_docx(&python) {
        return Ok(python);
    }
    let made = Command::new("python3")
        .args(["-m", "venv"])
        .arg(&venv)
        .output()
        .map_err(|e| format!("python3 is not available ({e})"))?;
    if !made.status.success() {
        return Err(format!(
            "python3 -m venv failed: {}",
            String::from_utf8_lossy(&made.stderr)
        ));
    }
    let pip = Command::new(venv.join("bin/pip"))
        .args(["install", "--quiet", "python-docx"])
        .output()
        .map_err(|e| format!("pip could not run ({e})"))?;
    if !pip.status.success() || !has_docx(&python) {
        return Err(format!(
            "pip could not install python-docx: {}",
            String::from_utf8_lossy(&pip.stderr).trim()
        ));
    }
    Ok(python)
}

const CHECK_PY: &str = r#"
import sys, docx
d = docx.Document(sys.argv[1])
paras = [p.text for p in d.paragraphs]
heads = [p for p in paras if p[:2] in ("一、", "二、", "三、", "四、", "五、", "六、")]
print(len(d.tables))
print("|".join(heads))
print(d.core_properties.title or "")
for t in d.tables:
    print(len(t.rows), len(t.columns), t.cell(0, 0).text[:12])
"#;

#[test]
fn python_docx_opens_what_was_written() {
    let python = match python_docx() {
        Ok(p) => p,
        Err(why) => {
            println!("SKIPPED python-docx check: {why}");
            return;
        }
    };
    for (name, bytes) in samples() {
        let path = scratch(&format!("{name}.docx"));
        std::fs::write(&path, &bytes).unwrap();
        let out = Command::new(&python)
            .args(["-c", CHECK_PY])
            .arg(&path)
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "{name}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        let text = String::from_utf8(out.stdout).unwrap();
        let lines: Vec<&str> = text.lines().collect();
        assert_eq!(
            lines[1],
            "一、总体情况|二、主动公开政府信息情况|三、收到和处理政府信息公开申请情况|四、政府信息公开行政复议、行政诉讼情况|五、存在的主要问题及改进情况|六、其他需要报告的事项",
            "{name}"
        );
        if name == "empty" {
            assert_eq!(lines[0], "0");
            continue;
        }
        assert_eq!(lines[0], "3", "{name}");
        assert!(
            lines[2].ends_with("政府信息公开工作年度报告"),
            "{name}: {}",
            lines[2]
        );
        let (t2_rows, t3, t4) = (lines[3], lines[4], lines[5]);
        let t2_expected = if name.contains("2019") {
            "18 4 第二十条第（一）项"
        } else {
            "14 4 第二十条第（一）项"
        };
        assert_eq!(t2_rows, t2_expected, "{name}");
        let t3_rows = if name.contains("2019") { 26 } else { 28 };
        assert_eq!(
            t3,
            format!("{t3_rows} 10 （本列数据的勾稽关系为："),
            "{name}"
        );
        assert_eq!(t4, "4 15 行政复议", "{name}");
    }
}

#[test]
fn libreoffice_converts_what_was_written() {
    if Command::new("soffice").arg("--version").output().is_err() {
        println!(
            "SKIPPED LibreOffice check: soffice is not installed (apt-get install libreoffice-writer-nogui poppler-utils)"
        );
        return;
    }
    if Command::new("pdftoppm").arg("-v").output().is_err() {
        println!(
            "SKIPPED LibreOffice check: pdftoppm is not installed (apt-get install poppler-utils)"
        );
        return;
    }
    let out_dir = scratch("render");
    for (name, bytes) in samples().into_iter().filter(|(n, _)| n != "empty") {
        let path = scratch(&format!("{name}.docx"));
        std::fs::write(&path, &bytes).unwrap();
        let run = Command::new("bash")
            .arg(format!("{REPO}/scripts/render.sh"))
            .arg(&path)
            .arg(&out_dir)
            .arg("40")
            .output()
            .unwrap();
        assert!(
            run.status.success(),
            "{name}: {}{}",
            String::from_utf8_lossy(&run.stdout),
            String::from_utf8_lossy(&run.stderr)
        );
        // pdftoppm pads page numbers to the width of the last one (-1, -01, -001).
        let pages = std::fs::read_dir(&out_dir)
            .unwrap()
            .filter_map(Result::ok)
            .filter(|e| {
                let f = e.file_name().to_string_lossy().into_owned();
                f.strip_prefix(&format!("{name}-"))
                    .and_then(|rest| rest.strip_suffix(".png"))
                    .is_some_and(|n| n.chars().all(|c| c.is_ascii_digit()))
            })
            .count();
        assert!(pages >= 3, "{name}: {pages} pages rendered");
        assert!(
            out_dir
                .join(format!("{name}.pdf"))
                .metadata()
                .unwrap()
                .len()
                > 10_000,
            "{name}: a PDF of some size"
        );
    }
}
