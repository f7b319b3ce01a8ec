//! docs/REFERENCE.md, the project's reference of keys, paths, formats and rules: its
//! tables of keys and labels are rendered from the catalogue and must stay in step.
//! After a deliberate catalogue change: `UPDATE_REFERENCE=1 cargo test --test reference`.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]

use std::fmt::Write as _;
use std::path::Path;

use nianbao::catalog::{
    self, APPLICANT_COLUMNS, APPLICATION_ROWS, ColumnKind, Formats, REVIEW_COLUMNS, REVIEW_GROUPS,
    RowSpec, SectionKey,
};

fn kind(k: ColumnKind) -> &'static str {
    match k {
        ColumnKind::Count => "count",
        ColumnKind::SignedCount => "signed count",
        ColumnKind::Money => "万元 (decimal)",
    }
}

fn sections() -> String {
    let mut s = String::from("| key | canonical heading |\n|---|---|\n");
    for k in SectionKey::ALL {
        writeln!(s, "| `{}` | {} |", k.key(), k.heading()).unwrap();
    }
    s
}

fn active(rows: &[RowSpec]) -> String {
    let mut s = String::from(
        "| block | row label | path | columns: label → key (kind) |\n|---|---|---|---|\n",
    );
    for r in rows {
        let cols: Vec<String> = r
            .columns
            .iter()
            .map(|c| format!("{} → `{}` ({})", c.label, c.key, kind(c.kind)))
            .collect();
        let label = std::iter::once(r.label.to_owned())
            .chain(r.aliases.iter().map(|a| format!("also {a}")))
            .collect::<Vec<_>>()
            .join("; ");
        writeln!(
            s,
            "| {} | {label} | `active_disclosure.{}` | {} |",
            r.group.unwrap_or(""),
            r.key,
            cols.join(", ")
        )
        .unwrap();
    }
    s
}

fn columns(cols: &[catalog::ColumnSpec]) -> String {
    let mut s = String::from("| column label | key | kind |\n|---|---|---|\n");
    for c in cols {
        writeln!(s, "| {} | `{}` | {} |", c.label, c.key, kind(c.kind)).unwrap();
    }
    s
}

fn applications() -> String {
    let mut s = String::from("| group | row label | path | formats |\n|---|---|---|---|\n");
    for r in &APPLICATION_ROWS {
        let formats = match r.formats {
            Formats::Both => "2019, 2021",
            Formats::Only2019 => "2019 only",
            Formats::Only2021 => "2021 only",
        };
        writeln!(
            s,
            "| {} | {} | `applications.{}` | {formats} |",
            r.group.unwrap_or(""),
            r.label,
            r.key
        )
        .unwrap();
    }
    s
}

fn review() -> String {
    let mut s = String::from("| group | row label | path |\n|---|---|---|\n");
    for r in &REVIEW_GROUPS {
        writeln!(
            s,
            "| {} | {} | `review_litigation.{}` |",
            r.group.unwrap_or(""),
            r.label,
            r.key
        )
        .unwrap();
    }
    s
}

fn rules() -> String {
    let mut s = String::from("| rule id | statement |\n|---|---|\n");
    for (id, statement) in nianbao::rules::RULES {
        writeln!(s, "| `{id}` | {statement} |").unwrap();
    }
    s
}

/// Replaces the text between `<!-- generated: NAME -->` and `<!-- end -->`.
fn fill(doc: &str, name: &str, body: &str) -> String {
    let start = format!("<!-- generated: {name} -->\n");
    let at = doc.find(&start).unwrap_or_else(|| panic!("no {start:?}")) + start.len();
    let end = at + doc[at..].find("<!-- end -->").unwrap();
    format!("{}{body}{}", &doc[..at], &doc[end..])
}

#[test]
fn reference_tables_match_the_catalogue() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("docs/REFERENCE.md");
    let committed = std::fs::read_to_string(&path).unwrap();
    let mut doc = committed.clone();
    for (name, body) in [
        ("sections", sections()),
        (
            "active_disclosure 2021",
            active(&catalog::ACTIVE_DISCLOSURE_2021),
        ),
        (
            "active_disclosure 2019",
            active(&catalog::ACTIVE_DISCLOSURE_2019),
        ),
        ("applications columns", columns(&APPLICANT_COLUMNS)),
        ("applications rows", applications()),
        ("review_litigation columns", columns(&REVIEW_COLUMNS)),
        ("review_litigation rows", review()),
        ("rules", rules()),
    ] {
        doc = fill(&doc, name, &body);
    }
    if std::env::var_os("UPDATE_REFERENCE").is_some() {
        std::fs::write(&path, &doc).unwrap();
    }
    pretty_assertions::assert_eq!(
        committed,
        doc,
        "docs/REFERENCE.md differs from the catalogue: UPDATE_REFERENCE=1 cargo test --test reference"
    );
}

/// examples/README.md lists every example.
#[test]
fn the_examples_readme_lists_every_example() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("examples");
    let readme = std::fs::read_to_string(dir.join("README.md")).unwrap();
    let mut count = 0;
    for entry in std::fs::read_dir(&dir).unwrap() {
        let name = entry.unwrap().file_name().into_string().unwrap();
        if name.ends_with(".rs") {
            count += 1;
            assert!(
                readme.contains(&format!("| `{name}` |")),
                "{name} is not in examples/README.md"
            );
        }
    }
    assert!(count >= 5);
}
