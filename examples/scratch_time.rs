fn main() {
    let dir = std::env::args().nth(1).unwrap();
    let mut files: Vec<_> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "docx"))
        .collect();
    files.sort();
    let bytes: Vec<Vec<u8>> = files.iter().map(|f| std::fs::read(f).unwrap()).collect();
    let docs: Vec<_> = bytes
        .iter()
        .map(|b| nianbao::docx::read(b, &Default::default()).unwrap())
        .collect();
    for round in 0..3 {
        let t = std::time::Instant::now();
        for b in &bytes {
            std::hint::black_box(nianbao::docx::read(b, &Default::default()).unwrap());
        }
        let read = t.elapsed();
        let t = std::time::Instant::now();
        for d in &docs {
            std::hint::black_box(nianbao::analyze(d));
        }
        let rec = t.elapsed();
        println!("round {round}: read {:?} analyze {:?}", read, rec);
    }
}
