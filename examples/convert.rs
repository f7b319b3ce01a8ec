//! Converts one report (any supported format) to normalized JSON on stdout.
//!
//! ```text
//! cargo run --example convert -- testdata/corpus/xiangning-shuanghe-2020.tika.txt
//! ```

use std::process::ExitCode;

fn main() -> ExitCode {
    let Some(path) = std::env::args_os().nth(1) else {
        eprintln!("usage: convert FILE");
        return ExitCode::from(2);
    };
    match nianbao::read_path(&path) {
        Ok(analysis) => {
            println!("{}", nianbao::json::to_string(&analysis));
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("error: {e}");
            ExitCode::FAILURE
        }
    }
}
