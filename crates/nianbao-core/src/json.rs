//! The normalized JSON of an [`Analysis`] and a [`Report`] (`serde::Serialize`),
//! written straight to the serializer: the wire format of nianbao (`nianbao-json`
//! builds its strings, writers and read-back on it).
//!
//! Key order is part of the contract ("same analysis, same bytes"): the envelope's keys,
//! then under `report` the meta (with its `template`), preamble, sections, the three
//! tables at the paths of the reference (`docs/REFERENCE.md`), `cells`, `layout` and
//! `other_tables`. A key that occurs twice (two cells of a row under one column) is
//! written once, where it first occurs, with the last value, as a JSON object built by
//! insertion would hold it.

use std::collections::HashMap;

use serde::ser::{Error as _, SerializeMap, SerializeSeq};
use serde::{Serialize, Serializer};

use crate::catalog::{APPLICATION_ROWS, TableKind};
use crate::model::{Cell, CellValue, Meta, Provenance, Row, Table};
use crate::{Analysis, GENERATOR, Report, SCHEMA_VERSION};

/// The whole normalized JSON document: `{"schema_version", "generator", "source",
/// "report", "findings", "diagnostics"}`.
impl Serialize for Analysis {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        Envelope(self).serialize(s)
    }
}

/// The `report` object of the normalized JSON.
impl Serialize for Report {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        ReportOut::new(self).serialize(s)
    }
}

/// The envelope: `{"schema_version", "generator", "source", "report", "findings",
/// "diagnostics"}`.
struct Envelope<'a>(&'a Analysis);

impl Serialize for Envelope<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let a = self.0;
        let mut m = s.serialize_map(Some(6))?;
        m.serialize_entry("schema_version", SCHEMA_VERSION)?;
        m.serialize_entry("generator", GENERATOR)?;
        m.serialize_entry("source", &a.report.source)?;
        m.serialize_entry("report", &ReportOut::new(&a.report))?;
        m.serialize_entry("findings", &a.findings)?;
        m.serialize_entry("diagnostics", &a.diagnostics)?;
        m.end()
    }
}

/// `report`, with the cells that normalization changed gathered beforehand (they are
/// written after the tables but found while walking them).
struct ReportOut<'a> {
    report: &'a Report,
    cells: Vec<(String, &'a Cell)>,
}

impl<'a> ReportOut<'a> {
    fn new(report: &'a Report) -> Self {
        let mut cells = Vec::new();
        for kind in TableKind::ALL {
            if let Some(t) = report.table(kind) {
                // The layout's extra rows first, then the template rows: the order in
                // which the tables' objects are written.
                for (i, row) in t.rows.iter().enumerate() {
                    if row.key.is_none() {
                        changed_cells(t, row, &format!("rows[{i}]"), &mut cells);
                    }
                }
                for key in value_keys(t) {
                    if let Some(row) = t.row(key) {
                        changed_cells(t, row, key, &mut cells);
                    }
                }
            }
        }
        ReportOut {
            report,
            cells: last_wins(cells),
        }
    }
}

impl Serialize for ReportOut<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let r = self.report;
        let mut m = s.serialize_map(None)?;
        m.serialize_entry("meta", &MetaOut(r))?;
        m.serialize_entry("preamble", &r.preamble)?;
        m.serialize_entry("sections", &r.sections)?;
        for kind in TableKind::ALL {
            m.serialize_entry(kind.key(), &r.table(kind).map(TableValues::new))?;
        }
        m.serialize_entry("cells", &CellsOut(&self.cells))?;
        m.serialize_entry("layout", &LayoutOut(r))?;
        m.serialize_entry("other_tables", &r.other_tables)?;
        m.end()
    }
}

/// The meta fields, then `template`: the format of tables 2 and 3.
struct MetaOut<'a>(&'a Report);

impl Serialize for MetaOut<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        #[derive(Serialize)]
        struct WithTemplate<'a> {
            #[serde(flatten)]
            meta: &'a Meta,
            template: Template<'a>,
        }
        WithTemplate {
            meta: &self.0.meta,
            template: Template(self.0),
        }
        .serialize(s)
    }
}

/// `{"active_disclosure": format, "applications": format}`.
struct Template<'a>(&'a Report);

impl Serialize for Template<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut m = s.serialize_map(Some(2))?;
        for kind in [TableKind::ActiveDisclosure, TableKind::Applications] {
            let format = self
                .0
                .table(kind)
                .and_then(|t| t.format)
                .map(|f| f.as_str());
            m.serialize_entry(kind.key(), &format)?;
        }
        m.end()
    }
}

/// The keys of a table's values: every template row of its format; in table 3 every
/// row of both formats (the （六） rows a format lacks are null).
fn value_keys(t: &Table) -> Vec<&'static str> {
    match t.kind {
        TableKind::Applications => APPLICATION_ROWS.iter().map(|r| r.key).collect(),
        kind => kind.rows(t.format).into_iter().map(|r| r.key).collect(),
    }
}

/// The cells of a row that normalization changed, under `{table}.{prefix}.{column}`.
fn changed_cells<'a>(t: &Table, row: &'a Row, prefix: &str, out: &mut Vec<(String, &'a Cell)>) {
    for (col, cell) in &row.cells {
        if cell.verbatim.is_some() {
            out.push((format!("{}.{prefix}.{col}", t.kind.key()), cell));
        }
    }
}

/// A table's values nested by the dotted paths of its row keys
/// (`results.denied.state_secret` → `{"results": {"denied": {"state_secret": …}}}`).
struct TableValues<'a>(Vec<(&'static str, Node<'a>)>);

/// A node of [`TableValues`]: a row's values (null when the source lacks the row) or
/// an object of further nodes.
enum Node<'a> {
    Row(Option<&'a Row>),
    Object(Vec<(&'static str, Node<'a>)>),
}

impl<'a> TableValues<'a> {
    fn new(t: &'a Table) -> Self {
        let mut root = Vec::new();
        for key in value_keys(t) {
            insert(&mut root, key, Node::Row(t.row(key)));
        }
        TableValues(root)
    }
}

/// Puts `node` at a dotted path, creating objects on the way in insertion order (a
/// non-object in the way is replaced by an object; a key set twice keeps its place).
fn insert<'a>(level: &mut Vec<(&'static str, Node<'a>)>, path: &'static str, node: Node<'a>) {
    match path.split_once('.') {
        None => match level.iter_mut().find(|(k, _)| *k == path) {
            Some((_, slot)) => *slot = node,
            None => level.push((path, node)),
        },
        Some((head, rest)) => {
            let at = match level.iter().position(|(k, _)| *k == head) {
                Some(at) => at,
                None => {
                    level.push((head, Node::Object(Vec::new())));
                    level.len() - 1
                }
            };
            if let Some((_, child)) = level.get_mut(at) {
                if !matches!(child, Node::Object(_)) {
                    *child = Node::Object(Vec::new());
                }
                if let Node::Object(children) = child {
                    insert(children, rest, node);
                }
            }
        }
    }
}

impl Serialize for TableValues<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        serialize_level(&self.0, s)
    }
}

fn serialize_level<S: Serializer>(level: &[(&str, Node<'_>)], s: S) -> Result<S::Ok, S::Error> {
    let mut m = s.serialize_map(Some(level.len()))?;
    for (key, node) in level {
        m.serialize_entry(key, node)?;
    }
    m.end()
}

impl Serialize for Node<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self {
            Node::Row(Some(row)) => RowValues(row).serialize(s),
            Node::Row(None) => s.serialize_unit(),
            Node::Object(children) => serialize_level(children, s),
        }
    }
}

/// A row's values: `{column: number or null}`.
struct RowValues<'a>(&'a Row);

impl Serialize for RowValues<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let all = &self.0.cells;
        let unique = all.len() <= 1
            || (all.len() <= 32
                && all
                    .iter()
                    .enumerate()
                    .all(|(i, (col, _))| all.iter().skip(i + 1).all(|(other, _)| other != col)));
        if unique {
            // The common case: no column twice, nothing to gather.
            let mut m = s.serialize_map(Some(all.len()))?;
            for (col, cell) in all {
                m.serialize_entry(col, &CellNumber(cell))?;
            }
            return m.end();
        }
        let cells = last_wins(all.iter().map(|(col, cell)| (&**col, cell)));
        let mut m = s.serialize_map(Some(cells.len()))?;
        for (col, cell) in cells {
            m.serialize_entry(col, &CellNumber(cell))?;
        }
        m.end()
    }
}

/// A cell as a JSON number, or null.
struct CellNumber<'a>(&'a Cell);

impl Serialize for CellNumber<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self.0.value {
            CellValue::Number(n) => n.serialize(s),
            _ => s.serialize_unit(),
        }
    }
}

/// `report.cells`: `{path: {"verbatim", "normalizations"}}`.
struct CellsOut<'a>(&'a [(String, &'a Cell)]);

impl Serialize for CellsOut<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        #[derive(Serialize)]
        struct Detail<'a> {
            verbatim: &'a str,
            normalizations: &'a [crate::model::Normalization],
        }
        let mut m = s.serialize_map(Some(self.0.len()))?;
        for (path, cell) in self.0 {
            let Some(verbatim) = cell.verbatim.as_deref() else {
                return Err(S::Error::custom("a changed cell without its verbatim text"));
            };
            m.serialize_entry(
                path,
                &Detail {
                    verbatim,
                    normalizations: &cell.normalizations,
                },
            )?;
        }
        m.end()
    }
}

/// `report.layout`: each present table's format, position, notes and rows.
struct LayoutOut<'a>(&'a Report);

impl Serialize for LayoutOut<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut m = s.serialize_map(None)?;
        for kind in TableKind::ALL {
            if let Some(t) = self.0.table(kind) {
                m.serialize_entry(kind.key(), &TableLayout(t))?;
            }
        }
        m.end()
    }
}

/// Format, position, notes and rows (key, printed label, an extra row's values) of a
/// table.
struct TableLayout<'a>(&'a Table);

impl Serialize for TableLayout<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let t = self.0;
        let mut m = s.serialize_map(None)?;
        m.serialize_entry("format", &t.format.map(|f| f.as_str()))?;
        if !t.pos.is_unknown() {
            m.serialize_entry("pos", &t.pos)?;
        }
        m.serialize_entry("notes", &t.notes)?;
        m.serialize_entry("rows", &LayoutRows(t))?;
        m.end()
    }
}

struct LayoutRows<'a>(&'a Table);

impl Serialize for LayoutRows<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut seq = s.serialize_seq(Some(self.0.rows.len()))?;
        for row in &self.0.rows {
            seq.serialize_element(&LayoutRow(row))?;
        }
        seq.end()
    }
}

struct LayoutRow<'a>(&'a Row);

impl Serialize for LayoutRow<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let row = self.0;
        let mut m = s.serialize_map(None)?;
        m.serialize_entry("key", &row.key)?;
        m.serialize_entry("label", &row.label)?;
        if row.key.is_none() {
            m.serialize_entry("values", &RowValues(row))?;
        }
        if !row.pos.is_unknown() {
            m.serialize_entry("pos", &row.pos)?;
        }
        if row
            .cells
            .iter()
            .any(|(_, c)| c.provenance != Provenance::Grid)
        {
            m.serialize_entry("provenance", &RowProvenance(row))?;
        }
        m.end()
    }
}

/// A row's `provenance`: `{column: "layout" | "digit_count" | "row_sum" | "stated_in_text" |
/// "no_evidence"}` for each cell not read from a grid (written only when there is one).
struct RowProvenance<'a>(&'a Row);

impl Serialize for RowProvenance<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let cells = last_wins(
            self.0
                .cells
                .iter()
                .map(|(col, cell)| (&**col, cell.provenance)),
        );
        let mut m = s.serialize_map(None)?;
        for (col, provenance) in cells {
            if provenance != Provenance::Grid {
                m.serialize_entry(col, provenance.name())?;
            }
        }
        m.end()
    }
}

/// Key–value pairs with each key once: at the place it first occurs, with its last
/// value (what inserting them one by one into an ordered map gives).
fn last_wins<K, V>(items: impl IntoIterator<Item = (K, V)>) -> Vec<(K, V)>
where
    K: std::hash::Hash + Eq + Clone,
{
    let mut out: Vec<(K, V)> = Vec::new();
    let mut index: HashMap<K, usize> = HashMap::new();
    for (k, v) in items {
        match index.get(&k).and_then(|&i| out.get_mut(i)) {
            Some(slot) => slot.1 = v,
            None => {
                index.insert(k.clone(), out.len());
                out.push((k, v));
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_key_twice_keeps_its_first_place_and_last_value() {
        let pairs = last_wins([("a", 1), ("b", 2), ("a", 3), ("c", 4)]);
        assert_eq!(pairs, [("a", 3), ("b", 2), ("c", 4)]);
    }

    #[test]
    fn a_row_with_a_column_twice_writes_it_once() {
        use crate::model::Number;
        let cell = |n| Cell::number(Number::int(n));
        let row = Row {
            key: None,
            label: String::new(),
            cells: vec![
                ("a".into(), cell(1)),
                ("b".into(), cell(2)),
                ("a".into(), cell(3)),
            ],
            pos: Default::default(),
        };
        assert_eq!(
            serde_json::to_string(&RowValues(&row)).unwrap(),
            r#"{"a":3,"b":2}"#
        );
        let row = Row {
            cells: row.cells[..2].to_vec(),
            ..row
        };
        assert_eq!(
            serde_json::to_string(&RowValues(&row)).unwrap(),
            r#"{"a":1,"b":2}"#
        );
    }

    #[test]
    fn dotted_paths_nest_in_insertion_order() {
        let mut root = Vec::new();
        insert(&mut root, "results.granted", Node::Row(None));
        insert(&mut root, "new_applications", Node::Row(None));
        insert(&mut root, "results.denied.state_secret", Node::Row(None));
        insert(&mut root, "results.total", Node::Row(None));
        let json = serde_json::to_string(&TableValues(root)).unwrap();
        assert_eq!(
            json,
            r#"{"results":{"granted":null,"denied":{"state_secret":null},"total":null},"new_applications":null}"#
        );
    }
}
