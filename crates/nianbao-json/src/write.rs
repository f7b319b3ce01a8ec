//! Analysis → JSON.

use serde_json::{Map, Value, json};

use nianbao_core::catalog::{APPLICATION_ROWS, TableKind};
use nianbao_core::model::{Cell, CellValue, Row, Table};
use nianbao_core::{Analysis, GENERATOR, Report};

use crate::{SCHEMA_VERSION, paths};

/// The JSON of an analysis, pretty-printed. Same analysis, same bytes.
pub fn to_string(analysis: &Analysis) -> String {
    serde_json::to_string_pretty(&to_value(analysis)).unwrap_or_default()
}

/// The JSON of an analysis on one line (for JSON Lines).
pub fn to_string_compact(analysis: &Analysis) -> String {
    serde_json::to_string(&to_value(analysis)).unwrap_or_default()
}

/// The JSON of an analysis as a value.
pub fn to_value(analysis: &Analysis) -> Value {
    json!({
        "schema_version": SCHEMA_VERSION,
        "generator": GENERATOR,
        "source": to_json(&analysis.report.source),
        "report": report(&analysis.report),
        "findings": to_json(&analysis.findings),
        "diagnostics": to_json(&analysis.diagnostics),
    })
}

fn to_json<T: serde::Serialize>(value: &T) -> Value {
    serde_json::to_value(value).unwrap_or(Value::Null)
}

fn report(r: &Report) -> Value {
    let mut out = Map::new();
    let mut meta = to_json(&r.meta);
    let template: Map<String, Value> = [TableKind::ActiveDisclosure, TableKind::Applications]
        .into_iter()
        .map(|k| {
            let format = r.table(k).and_then(|t| t.format).map(|f| f.as_str());
            (k.key().to_owned(), format.map_or(Value::Null, Value::from))
        })
        .collect();
    if let Some(m) = meta.as_object_mut() {
        m.insert("template".into(), Value::Object(template));
    }
    out.insert("meta".into(), meta);
    out.insert("preamble".into(), to_json(&r.preamble));
    out.insert("sections".into(), to_json(&r.sections));
    let mut cells = Map::new();
    let mut layout = Map::new();
    for kind in TableKind::ALL {
        let values = match r.table(kind) {
            Some(t) => {
                layout.insert(kind.key().into(), table_layout(t, &mut cells));
                Value::Object(table_values(t, &mut cells))
            }
            None => Value::Null,
        };
        out.insert(kind.key().into(), values);
    }
    out.insert("cells".into(), Value::Object(cells));
    out.insert("layout".into(), Value::Object(layout));
    out.insert("other_tables".into(), to_json(&r.other_tables));
    Value::Object(out)
}

/// A cell as a JSON number, or null.
pub(crate) fn cell_value(cell: &Cell) -> Value {
    match cell.value {
        CellValue::Number(n) => to_json(&n),
        _ => Value::Null,
    }
}

/// What normalization changed, when it changed anything.
fn cell_detail(cell: &Cell) -> Option<Value> {
    let verbatim = cell.verbatim.as_ref()?;
    Some(json!({ "verbatim": verbatim, "normalizations": to_json(&cell.normalizations) }))
}

fn row_values(table: &Table, row: &Row, prefix: &str, cells: &mut Map<String, Value>) -> Value {
    let mut obj = Map::new();
    for (col, cell) in &row.cells {
        obj.insert(col.clone(), cell_value(cell));
        if let Some(detail) = cell_detail(cell) {
            cells.insert(format!("{}.{prefix}.{col}", table.kind.key()), detail);
        }
    }
    Value::Object(obj)
}

/// The values at the paths of REPORT.md: every template row of the table's format
/// (null when the source lacks it); in table 3, the （六） rows the format lacks are null.
fn table_values(t: &Table, cells: &mut Map<String, Value>) -> Map<String, Value> {
    let mut out = Map::new();
    let keys: Vec<&str> = match t.kind {
        TableKind::Applications => APPLICATION_ROWS.iter().map(|r| r.key).collect(),
        kind => kind.rows(t.format).into_iter().map(|r| r.key).collect(),
    };
    for key in keys {
        let value = match t.row(key) {
            Some(row) => row_values(t, row, key, cells),
            None => Value::Null,
        };
        paths::set(&mut out, key, value);
    }
    out
}

/// Format, row order, printed labels, extra rows and notes of a table.
fn table_layout(t: &Table, cells: &mut Map<String, Value>) -> Value {
    let rows: Vec<Value> = t
        .rows
        .iter()
        .enumerate()
        .map(|(i, row)| {
            let mut obj = Map::new();
            obj.insert(
                "key".into(),
                row.key.clone().map_or(Value::Null, Value::from),
            );
            obj.insert("label".into(), Value::from(row.label.clone()));
            if row.key.is_none() {
                obj.insert(
                    "values".into(),
                    row_values(t, row, &format!("rows[{i}]"), cells),
                );
            }
            if !row.pos.is_unknown() {
                obj.insert("pos".into(), to_json(&row.pos));
            }
            Value::Object(obj)
        })
        .collect();
    let mut obj = Map::new();
    obj.insert(
        "format".into(),
        t.format.map_or(Value::Null, |f| Value::from(f.as_str())),
    );
    if !t.pos.is_unknown() {
        obj.insert("pos".into(), to_json(&t.pos));
    }
    obj.insert("notes".into(), to_json(&t.notes));
    obj.insert("rows".into(), Value::Array(rows));
    Value::Object(obj)
}
