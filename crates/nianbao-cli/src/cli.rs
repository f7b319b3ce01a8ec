//! The command line: subcommands and their arguments.

use std::path::PathBuf;

use clap::{Parser, Subcommand, ValueEnum};

/// The exit codes, the same for every subcommand (shown by `--help`).
pub const EXIT_CODES: &str = "\
Exit status (the same for convert, check, batch and compare):
  0  every input was converted (or checked); inputs in which no report is found and
     files of types nianbao does not read are skipped, not failures
  1  some input failed: unreadable, malformed, over a limit, or its output not written
     (compare: or the two reports cannot be compared)
  2  usage error, or OUTDIR in use by another `nianbao batch`: nothing was done
  3  with --strict: everything was converted, but a report breaks a consistency rule
     (compare: a cross-year rule fails, or two reports of one year differ)
A closed stdout (`nianbao schema | head`) ends the command quietly.";

/// Convert and check China's government-information-disclosure annual reports
/// (政府信息公开工作年度报告): .docx, text dumps and HTML pages in, normalized JSON out.
#[derive(Debug, Parser)]
#[command(name = "nianbao", version, about, after_help = EXIT_CODES)]
pub struct Cli {
    /// What to do.
    #[command(subcommand)]
    pub command: Command,
}

/// The subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Convert one report or a few, to stdout or to files.
    ///
    /// One FILE without -o: the output goes to stdout (pretty JSON). Several FILEs
    /// without -o: one compact JSON per line on stdout. `-` reads stdin (the format is
    /// told from the content). With -o and one FILE, OUT is the output file (or an
    /// existing folder to put it in); with several FILEs, OUT is a folder and each
    /// output is named after its input (`a.docx` → `a.docx.json`). Outputs are written
    /// atomically; an existing file is not replaced without --force, and an input
    /// never.
    #[command(after_help = EXIT_CODES)]
    Convert(ConvertArgs),
    /// Convert every report in folders and .zip archives, in parallel, into OUTDIR.
    ///
    /// Outputs mirror the input tree: `reports/a/b.docx` → `OUTDIR/reports/a/b.docx.json`
    /// (an archive `x.zip` → `OUTDIR/x/…`); each is written atomically (an input not
    /// converted keeps no output of an earlier run), and every output
    /// path is planned before any input is read (two inputs claiming one path: the
    /// later in source order fails as `collision`). At the end OUTDIR gets summary.csv
    /// (one row for every input path found: ok, skipped with the reason, or failed),
    /// reports.jsonl (one report a line) and errors.csv (every failed input), all
    /// sorted by source. Skipped: files of other types, files in which no report is
    /// found, symbolic links that dangle, loop, lead out of their input folder or to a
    /// folder, and what is not a regular file. One batch at a time writes into an
    /// OUTDIR (it is locked). OUTDIR may lie inside an input (it is not read), but may
    /// not be an input or hold one.
    #[command(after_help = EXIT_CODES)]
    Batch(BatchArgs),
    /// Print a human-readable account of each report: what was found, every rule
    /// with its numbers, every diagnostic with its place.
    #[command(after_help = EXIT_CODES)]
    Check(CheckArgs),
    /// Compare two reports of one agency: of consecutive years, the cross-year rules
    /// (this year's 上年结转 = last year's 结转下年度, per column; the soft 现行有效
    /// rule); of one year (a page and its attachment, a re-publication), every cell.
    ///
    /// The agency names are compared normalized (`示例县人民政府`, `示例县人民政府办公室`
    /// and `示例縣人民政府` are one agency); the order of A and B does not matter.
    #[command(after_help = EXIT_CODES)]
    Compare(CompareArgs),
    /// Print the JSON Schema of the normalized JSON.
    #[command(after_help = EXIT_CODES)]
    Schema,
}

/// An output format.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, ValueEnum)]
pub enum OutputFormat {
    /// Normalized JSON (see `nianbao schema`).
    Json,
    /// A clean .docx in the official layout of the report's format.
    Docx,
    /// A self-contained HTML page (`batch --html`, under OUTDIR/html/).
    #[value(skip)]
    Html,
}

impl OutputFormat {
    /// The file extension of this output.
    pub fn extension(self) -> &'static str {
        match self {
            OutputFormat::Json => "json",
            OutputFormat::Docx => "docx",
            OutputFormat::Html => "html",
        }
    }
}

/// The limits for hostile input (`nianbao::Limits`), as flags. Sizes take a K, M or G
/// suffix (powers of 1024).
#[derive(Debug, Clone, Default, clap::Args)]
#[command(next_help_heading = "Limits (defaults: nianbao::Limits)")]
pub struct LimitArgs {
    /// The size of one input file [default: 64M].
    #[arg(long, value_name = "BYTES", value_parser = parse_size)]
    pub max_input_bytes: Option<u64>,
    /// The uncompressed size of one part of a .docx package [default: 64M].
    #[arg(long, value_name = "BYTES", value_parser = parse_size)]
    pub max_part_bytes: Option<u64>,
    /// The uncompressed size of all parts read from one package [default: 256M].
    #[arg(long, value_name = "BYTES", value_parser = parse_size)]
    pub max_total_bytes: Option<u64>,
    /// Uncompressed over compressed size, for any part over 1 MiB [default: 200].
    #[arg(long, value_name = "N", value_parser = parse_size)]
    pub max_compression_ratio: Option<u64>,
    /// Entries in a .docx package [default: 10000].
    #[arg(long, value_name = "N", value_parser = parse_size)]
    pub max_entries: Option<u64>,
    /// Nesting depth of XML or HTML elements, or of nested tables [default: 256].
    #[arg(long, value_name = "N", value_parser = parse_size)]
    pub max_depth: Option<u64>,
    /// Cells in one table [default: 200000].
    #[arg(long, value_name = "N", value_parser = parse_size)]
    pub max_table_cells: Option<u64>,
    /// Bytes on one line of a text input [default: 4M].
    #[arg(long, value_name = "BYTES", value_parser = parse_size)]
    pub max_line_bytes: Option<u64>,
    /// Cells in all the tables of one document together [default: 400000].
    #[arg(long, value_name = "N", value_parser = parse_size)]
    pub max_document_cells: Option<u64>,
    /// Paragraphs, text lines, HTML elements and text runs in one document
    /// [default: 500000].
    #[arg(long, value_name = "N", value_parser = parse_size)]
    pub max_nodes: Option<u64>,
}

impl LimitArgs {
    /// The read options: the library's defaults with the limits given replaced.
    pub fn options(&self) -> nianbao::Options {
        let mut limits = nianbao::Limits::default();
        let set = |field: &mut u64, value: Option<u64>| {
            if let Some(v) = value {
                *field = v;
            }
        };
        set(&mut limits.max_input_bytes, self.max_input_bytes);
        set(&mut limits.max_part_bytes, self.max_part_bytes);
        set(&mut limits.max_total_bytes, self.max_total_bytes);
        set(
            &mut limits.max_compression_ratio,
            self.max_compression_ratio,
        );
        set(&mut limits.max_entries, self.max_entries);
        set(&mut limits.max_depth, self.max_depth);
        set(&mut limits.max_table_cells, self.max_table_cells);
        set(&mut limits.max_line_bytes, self.max_line_bytes);
        set(&mut limits.max_document_cells, self.max_document_cells);
        set(&mut limits.max_nodes, self.max_nodes);
        nianbao::Options::default().with_limits(limits)
    }
}

/// A count or size: digits with an optional K, M or G suffix (KiB, MiB, GiB).
fn parse_size(text: &str) -> Result<u64, String> {
    let t = text.trim();
    let (digits, shift) = match t.char_indices().last() {
        Some((i, 'k' | 'K')) => (t.get(..i), 10),
        Some((i, 'm' | 'M')) => (t.get(..i), 20),
        Some((i, 'g' | 'G')) => (t.get(..i), 30),
        _ => (Some(t), 0),
    };
    let n: u64 = digits
        .unwrap_or_default()
        .parse()
        .map_err(|_| format!("`{text}` is not a number (a K, M or G suffix may follow)"))?;
    n.checked_mul(1 << shift)
        .ok_or_else(|| format!("`{text}` is too large"))
}

/// Arguments of `nianbao convert`.
#[derive(Debug, clap::Args)]
pub struct ConvertArgs {
    /// The reports to convert (.docx, .txt, .html, …); `-` reads stdin.
    #[arg(required = true, value_name = "FILE")]
    pub files: Vec<PathBuf>,
    /// The output format.
    #[arg(long, value_enum, default_value = "json")]
    pub to: OutputFormat,
    /// Where to write: a file (one FILE) or a folder (several FILEs).
    #[arg(short, long, value_name = "OUT")]
    pub output: Option<PathBuf>,
    /// Replace output files that exist (never an input).
    #[arg(long)]
    pub force: bool,
    /// Exit 3 when a converted report breaks a consistency rule.
    #[arg(long)]
    pub strict: bool,
    /// The limits.
    #[command(flatten)]
    pub limits: LimitArgs,
}

/// Arguments of `nianbao batch`.
#[derive(Debug, clap::Args)]
pub struct BatchArgs {
    /// Folders (walked recursively), .zip archives (read in memory) and report files.
    #[arg(required = true, value_name = "INPUT")]
    pub inputs: Vec<PathBuf>,
    /// The folder to write into (created if missing).
    #[arg(short, long, value_name = "OUTDIR")]
    pub output: PathBuf,
    /// The output formats, comma-separated.
    #[arg(long, value_enum, value_delimiter = ',', default_value = "json")]
    pub to: Vec<OutputFormat>,
    /// Worker threads (default: one per core).
    #[arg(short, long, value_name = "N")]
    pub jobs: Option<std::num::NonZeroUsize>,
    /// Reuse the outputs of an earlier run into OUTDIR for inputs whose content (a
    /// hash of the bytes) and nianbao version are the same as then.
    #[arg(long)]
    pub resume: bool,
    /// Take only files in folders and archives whose path (relative to the folder or
    /// archive; the name alone when GLOB has no `/`) matches GLOB: `*`, `?`, `[a-z]`,
    /// `**` for any number of folders. Repeatable; files left out are counted only.
    #[arg(long, value_name = "GLOB")]
    pub include: Vec<String>,
    /// Leave out files in folders and archives whose path matches GLOB (as --include).
    #[arg(long, value_name = "GLOB")]
    pub exclude: Vec<String>,
    /// Also write an HTML page of each converted report, at
    /// `OUTDIR/html/<its JSON output's name, with .html for .json>` (`a/b.docx` →
    /// `OUTDIR/html/a/b.docx.html`), and OUTDIR/index.html: a sortable summary with a
    /// link to each page, and the cross-year findings.
    #[arg(long)]
    pub html: bool,
    /// No progress on stderr and no summary on stdout (the files and the exit status
    /// say it all).
    #[arg(short, long)]
    pub quiet: bool,
    /// Exit 3 when a converted report breaks a consistency rule.
    #[arg(long)]
    pub strict: bool,
    /// The limits.
    #[command(flatten)]
    pub limits: LimitArgs,
}

/// Arguments of `nianbao compare`.
#[derive(Debug, clap::Args)]
pub struct CompareArgs {
    /// One report; `-` reads stdin.
    #[arg(value_name = "A")]
    pub first: PathBuf,
    /// The other report.
    #[arg(value_name = "B")]
    pub second: PathBuf,
    /// Exit 3 when a cross-year rule (not a soft one) fails, or the two reports of one
    /// year differ.
    #[arg(long)]
    pub strict: bool,
    /// The limits.
    #[command(flatten)]
    pub limits: LimitArgs,
}

/// Arguments of `nianbao check`.
#[derive(Debug, clap::Args)]
pub struct CheckArgs {
    /// The reports to check; `-` reads stdin.
    #[arg(required = true, value_name = "FILE")]
    pub files: Vec<PathBuf>,
    /// Also write an HTML page of each report (self-contained: no network, no external
    /// asset; the tables in the official layout, cells of failed rules highlighted).
    /// One FILE: OUT is the page (or an existing folder to put it in). Several FILEs:
    /// OUT is a folder (created if missing) that gets one page per report, named after
    /// its input (`a.docx` → `a.docx.html`), and index.html, a sortable summary with a
    /// link to each page. Pages are written atomically; an existing file is not
    /// replaced without --force, and an input never.
    #[arg(long, value_name = "OUT")]
    pub html: Option<PathBuf>,
    /// Replace pages that exist (with --html).
    #[arg(long, requires = "html")]
    pub force: bool,
    /// Exit 3 when a report breaks a consistency rule.
    #[arg(long)]
    pub strict: bool,
    /// The limits.
    #[command(flatten)]
    pub limits: LimitArgs,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sizes_take_suffixes() {
        assert_eq!(parse_size("1000"), Ok(1000));
        assert_eq!(parse_size("64M"), Ok(64 << 20));
        assert_eq!(parse_size("2k"), Ok(2048));
        assert_eq!(parse_size("1G"), Ok(1 << 30));
        assert!(parse_size("M").is_err());
        assert!(parse_size("-1").is_err());
        assert!(parse_size("99999999999999G").is_err());
    }

    /// The defaults written in the flags' help are the library's.
    #[test]
    fn documented_defaults_are_the_librarys() {
        use clap::CommandFactory;
        let cli = Cli::command();
        let limits = nianbao::Limits::default();
        let expected = [
            ("max-input-bytes", limits.max_input_bytes),
            ("max-part-bytes", limits.max_part_bytes),
            ("max-total-bytes", limits.max_total_bytes),
            ("max-compression-ratio", limits.max_compression_ratio),
            ("max-entries", limits.max_entries),
            ("max-depth", limits.max_depth),
            ("max-table-cells", limits.max_table_cells),
            ("max-line-bytes", limits.max_line_bytes),
            ("max-document-cells", limits.max_document_cells),
            ("max-nodes", limits.max_nodes),
        ];
        for sub in ["convert", "check", "batch", "compare"] {
            let cmd = cli.find_subcommand(sub).unwrap();
            for (name, value) in expected {
                let arg = cmd
                    .get_arguments()
                    .find(|a| a.get_long() == Some(name))
                    .unwrap_or_else(|| panic!("{sub} --{name}"));
                let help = arg.get_help().unwrap().to_string();
                let default = help
                    .split("[default: ")
                    .nth(1)
                    .and_then(|d| d.split(']').next())
                    .unwrap_or_else(|| panic!("{name}: {help}"));
                assert_eq!(parse_size(default), Ok(value), "{sub} --{name}: {help}");
            }
        }
    }

    #[test]
    fn limit_flags_replace_defaults_only_where_given() {
        let args = LimitArgs {
            max_input_bytes: Some(10),
            max_depth: Some(3),
            ..LimitArgs::default()
        };
        let limits = args.options().limits;
        assert_eq!(limits.max_input_bytes, 10);
        assert_eq!(limits.max_depth, 3);
        assert_eq!(
            limits.max_table_cells,
            nianbao::Limits::default().max_table_cells
        );
    }
}
