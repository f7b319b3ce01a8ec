//! Prints the Document IR of a .doc: `cargo run -p nianbao-doc --example doc_dump -- FILE.doc`.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use nianbao_core::ir::{Block, Table};

fn show(t: &Table, indent: usize) {
    for row in &t.rows {
        let cells: Vec<String> = row
            .cells
            .iter()
            .map(|c| format!("[{}+{}x{}] {:?}", c.col, c.col_span, c.row_span, c.text))
            .collect();
        println!("{:indent$}| {}", "", cells.join(" | "));
        for c in &row.cells {
            for n in &c.nested {
                println!("{:indent$}  nested in {:?}:", "", c.text);
                show(n, indent + 4);
            }
        }
    }
}

fn main() {
    for path in std::env::args().skip(1) {
        let bytes = std::fs::read(&path).expect("read");
        match nianbao_doc::read(&bytes, &nianbao_core::Limits::default()) {
            Ok(doc) => {
                println!("== {path}: {:?}", doc.properties);
                for b in &doc.blocks {
                    match b {
                        Block::Paragraph(p) => println!("P{:?} {:?}", p.heading_level, p.text),
                        Block::Table(t) => {
                            println!("TABLE");
                            show(t, 0);
                        }
                    }
                }
                for d in &doc.diagnostics {
                    println!("diagnostic: {d:?}");
                }
            }
            Err(e) => println!("== {path}: error {e}"),
        }
    }
}
