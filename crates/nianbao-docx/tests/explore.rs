use nianbao_core::{Limits, analyze, Analysis};
use nianbao_docx::write::{write, WriteOptions};

fn read_any(name: &str, bytes: &[u8]) -> Analysis {
    let doc = if name.ends_with(".docx") {
        nianbao_docx::read(bytes, &Limits::default()).unwrap()
    } else {
        nianbao_txt::read(bytes, &Limits::default()).unwrap()
    };
    analyze(&doc)
}

#[test]
fn explore() {
    let corpus = concat!(env!("CARGO_MANIFEST_DIR"), "/../../../shared/corpus");
    for f in ["huaian-2024.docx", "huaian-2024.pdftotext-layout.txt", "xiangning-shuanghe-2020.tika.txt", "template-2021-blank.docx", "bench/bench-0001.docx"] {
        let bytes = std::fs::read(format!("{corpus}/{f}")).unwrap();
        let a0 = read_any(f, &bytes);
        let d1 = write(&a0.report, &WriteOptions::default()).unwrap();
        let a1 = read_any("x.docx", &d1);
        let d2 = write(&a1.report, &WriteOptions::default()).unwrap();
        let a2 = read_any("x.docx", &d2);
        std::fs::write(format!("/tmp/rt-{}.docx", f.replace('/', "_")), &d1).unwrap();
        let j0 = nianbao_json::to_string(&a0);
        let j1 = nianbao_json::to_string(&a1);
        let j2 = nianbao_json::to_string(&a2);
        std::fs::write(format!("/tmp/rt-{}.0.json", f.replace('/', "_")), &j0).unwrap();
        std::fs::write(format!("/tmp/rt-{}.1.json", f.replace('/', "_")), &j1).unwrap();
        println!("{f}: d1==d2 {} j1==j2 {}", d1 == d2, j1 == j2);
    }
}
