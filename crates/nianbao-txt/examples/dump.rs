//! Prints the Document IR of a text file: `cargo run -p nianbao-txt --example dump FILE`.

use nianbao_core::ir::Block;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let path = std::env::args().nth(1).ok_or("usage: dump FILE")?;
    let bytes = std::fs::read(&path)?;
    let doc = nianbao_txt::read(&bytes, &nianbao_core::Limits::default())?;
    println!("{:?}", doc.properties);
    for d in &doc.diagnostics {
        println!("diag {} {:?} {}", d.code, d.pos, d.message);
    }
    for block in &doc.blocks {
        match block {
            Block::Paragraph(p) => println!("P{:?} {}", p.pos.line, p.text),
            Block::Table(t) => {
                println!("TABLE at {:?}", t.pos.line);
                for r in &t.rows {
                    let cells: Vec<String> =
                        r.cells.iter().map(|c| format!("{:?}", c.text)).collect();
                    println!("  | {}", cells.join(" | "));
                }
            }
        }
    }
    Ok(())
}
