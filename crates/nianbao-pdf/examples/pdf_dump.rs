//! Prints the Document IR a PDF reads to (for looking at a file while developing).
fn main() {
    let path = std::env::args().nth(1).expect("a PDF path");
    let bytes = std::fs::read(path).expect("readable");
    match nianbao_pdf::read(&bytes, &Default::default()) {
        Ok(doc) => println!("{doc:#?}"),
        Err(e) => println!("error: {e}"),
    }
}
