//! The JSON Schema of the output, generated from the model: schemars for the plain
//! types, the catalogue (`docs/REFERENCE.md`) for the three tables.

use serde_json::{Map, Value, json};

use nianbao_core::catalog::{APPLICATION_ROWS, TableFormat, TableKind};
use nianbao_core::model::{Meta, Normalization, Section, Source};
use nianbao_core::rules::Finding;
use nianbao_core::{Diagnostic, Pos};

use crate::{SCHEMA_VERSION, paths};

/// The JSON Schema (draft 2020-12) of [`to_string`](crate::to_string)'s output.
pub fn schema() -> Value {
    let mut defs = Map::new();
    add::<Meta>(&mut defs, "Meta");
    add::<Source>(&mut defs, "Source");
    add::<Section>(&mut defs, "Section");
    add::<Finding>(&mut defs, "Finding");
    add::<Diagnostic>(&mut defs, "Diagnostic");
    add::<Normalization>(&mut defs, "Normalization");
    add::<Pos>(&mut defs, "Pos");
    for kind in TableKind::ALL {
        for format in formats(kind) {
            defs.insert(table_def(kind, *format), table_schema(kind, *format));
        }
    }
    // Each table is an object or null here; which object is said per format below.
    let table_props: Map<String, Value> = TableKind::ALL
        .into_iter()
        .map(|k| (k.key().to_owned(), json!({ "type": ["object", "null"] })))
        .collect();
    let mut report_props = Map::new();
    report_props.insert(
        "meta".into(),
        json!({ "allOf": [{ "$ref": "#/$defs/Meta" }], "properties": { "template": {
            "type": "object",
            "description": "The format of tables 2 and 3, decided per table from its labels.",
            "properties": {
                "active_disclosure": { "enum": ["2019", "2021", null] },
                "applications": { "enum": ["2019", "2021", null] }
            }
        } } }),
    );
    report_props.insert(
        "preamble".into(),
        json!({ "type": "array", "items": { "type": "string" } }),
    );
    report_props.insert(
        "sections".into(),
        json!({ "type": "array", "items": { "$ref": "#/$defs/Section" } }),
    );
    report_props.extend(table_props);
    report_props.insert(
        "cells".into(),
        json!({
            "type": "object",
            "description": "Cells that normalization changed, by path (`applications.new_received.total`, or `active_disclosure.rows[3].issued` for an extra row): the verbatim text and what was done.",
            "additionalProperties": {
                "type": "object",
                "properties": {
                    "verbatim": { "type": "string" },
                    "normalizations": { "type": "array", "items": { "$ref": "#/$defs/Normalization" } }
                },
                "required": ["verbatim", "normalizations"]
            }
        }),
    );
    report_props.insert("layout".into(), layout_schema());
    report_props.insert(
        "other_tables".into(),
        json!({ "type": "array", "description": "Tables that are none of the three, as rows of cell text.",
                "items": { "type": "array", "items": { "type": "array", "items": { "type": "string" } } } }),
    );
    let required: Vec<&String> = report_props.keys().collect();
    json!({
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": "nianbao report",
        "description": format!("Normalized JSON of a 政府信息公开工作年度报告, schema version {SCHEMA_VERSION}. Ignore fields you do not know."),
        "type": "object",
        "properties": {
            "schema_version": { "type": "string" },
            "generator": { "type": "string" },
            "source": { "$ref": "#/$defs/Source" },
            "report": {
                "type": "object",
                "properties": report_props,
                "required": required,
                "allOf": TableKind::ALL.into_iter().map(table_choice).collect::<Vec<_>>()
            },
            "findings": { "type": "array", "items": { "$ref": "#/$defs/Finding" } },
            "diagnostics": { "type": "array", "items": { "$ref": "#/$defs/Diagnostic" } }
        },
        "required": ["schema_version", "generator", "source", "report", "findings", "diagnostics"],
        "$defs": defs
    })
}

fn table_def_name(kind: TableKind) -> String {
    kind.key()
        .split('_')
        .map(|w| {
            let mut c = w.chars();
            c.next()
                .map(|f| f.to_uppercase().chain(c).collect::<String>())
                .unwrap_or_default()
        })
        .collect::<String>()
        + "Table"
}

/// Adds a schemars schema under `$defs`, hoisting its own `$defs`.
fn add<T: schemars::JsonSchema>(defs: &mut Map<String, Value>, name: &str) {
    let mut value = schemars::schema_for!(T).to_value();
    if let Some(obj) = value.as_object_mut() {
        obj.remove("$schema");
        if let Some(Value::Object(inner)) = obj.remove("$defs") {
            for (k, v) in inner {
                defs.entry(k).or_insert(v);
            }
        }
    }
    defs.insert(name.to_owned(), value);
}

fn row_schema(columns: &[&str]) -> Value {
    let props: Map<String, Value> = columns
        .iter()
        .map(|c| ((*c).to_owned(), json!({ "type": ["number", "null"] })))
        .collect();
    json!({ "type": ["object", "null"], "properties": props, "required": columns, "additionalProperties": false })
}

/// The formats a table has: tables 2 and 3 one schema per format, table 4 one.
fn formats(kind: TableKind) -> &'static [Option<TableFormat>] {
    match kind {
        TableKind::ReviewLitigation => &[None],
        _ => &[Some(TableFormat::Trial2019), Some(TableFormat::Format2021)],
    }
}

/// The name under `$defs` of a table's schema in a format (`ActiveDisclosureTable2019`).
fn table_def(kind: TableKind, format: Option<TableFormat>) -> String {
    table_def_name(kind) + format.map(TableFormat::as_str).unwrap_or_default()
}

/// A table's values at the paths of the catalogue in one format: every row of the
/// format (an object of its columns, or null when the source lacks it), nothing else.
/// Table 3 also holds the rows of the other format, which are always null.
fn table_schema(kind: TableKind, format: Option<TableFormat>) -> Value {
    let mut root = Map::new();
    let specs: Vec<_> = match kind {
        TableKind::Applications => APPLICATION_ROWS.iter().collect(),
        _ => kind.rows(format),
    };
    // A path of both formats (`results.other.other`, one row in each) takes the
    // schema of the format's own row, whichever comes first.
    for in_format in [true, false] {
        for spec in &specs {
            if format.is_none_or(|f| spec.formats.includes(f)) != in_format
                || (!in_format && paths::get(&Value::Object(root.clone()), spec.key).is_some())
            {
                continue;
            }
            let schema = if in_format {
                row_schema(&spec.columns.iter().map(|c| c.key).collect::<Vec<_>>())
            } else {
                json!({ "type": "null", "description": "A row of the other format: always null." })
            };
            paths::set(&mut root, spec.key, schema);
        }
    }
    let mut schema = wrap_objects(Value::Object(root));
    if let (Some(obj), Some(f)) = (schema.as_object_mut(), format) {
        obj.insert(
            "description".into(),
            Value::from(format!("{} in the {} format.", kind.title(), f.as_str())),
        );
    }
    schema
}

/// Turns the nested maps of row schemas into object schemas that allow no other key.
fn wrap_objects(v: Value) -> Value {
    match v {
        Value::Object(m) if !m.contains_key("type") => {
            let required: Vec<String> = m.keys().cloned().collect();
            let props: Map<String, Value> =
                m.into_iter().map(|(k, v)| (k, wrap_objects(v))).collect();
            json!({ "type": "object", "properties": props, "required": required, "additionalProperties": false })
        }
        other => other,
    }
}

/// For one table: exactly one of "absent" (null, no layout, no template format) or
/// "present in format F" (the values of F's schema, F in the layout and the template).
/// A 2021 table holding a 2019 row is therefore invalid.
fn table_choice(kind: TableKind) -> Value {
    let key = kind.key();
    let templated = kind != TableKind::ReviewLitigation;
    // `properties` for one option: the table's values, the layout, and (tables 2 and 3)
    // the template's format.
    let option = |values: Value, layout: Value, format: Option<&str>| {
        let mut props = Map::new();
        props.insert(key.to_owned(), values);
        props.insert("layout".to_owned(), layout);
        if templated {
            props.insert(
                "meta".to_owned(),
                json!({ "properties": { "template": { "properties": { key: { "const": format } } } } }),
            );
        }
        json!({ "properties": props })
    };
    let mut options = vec![option(
        json!({ "type": "null" }),
        json!({ "not": { "required": [key] } }),
        None,
    )];
    for format in formats(kind) {
        let name = format.map(TableFormat::as_str);
        options.push(option(
            json!({ "$ref": format!("#/$defs/{}", table_def(kind, *format)) }),
            json!({
                "required": [key],
                "properties": { key: { "properties": { "format": { "const": name } } } }
            }),
            name,
        ));
    }
    json!({ "oneOf": options })
}

fn layout_schema() -> Value {
    json!({
        "type": "object",
        "description": "For each table found: its format, the rows in source order with their printed labels (extra rows, which the template lacks, have key null and their values here), and note rows.",
        "additionalProperties": {
            "type": "object",
            "properties": {
                "format": { "enum": ["2019", "2021", null] },
                "pos": { "$ref": "#/$defs/Pos" },
                "notes": { "type": "array", "items": { "type": "string" } },
                "rows": { "type": "array", "items": {
                    "type": "object",
                    "properties": {
                        "key": { "type": ["string", "null"] },
                        "label": { "type": "string" },
                        "values": { "type": "object", "additionalProperties": { "type": ["number", "null"] } },
                        "pos": { "$ref": "#/$defs/Pos" },
                        "provenance": {
                            "type": "object",
                            "description": "For each cell not read from a grid, the evidence that placed it: layout (column position or line order), digit_count (a glued digit run with one digit per cell), row_sum (a glued run split by the row's own sum; that rule is not assessable for the row), stated_in_text (a glued run split by the only split agreeing with the figures the report's prose states for its cells), no_evidence (left null: the source does not show where a value belongs). Absent when every cell was read from a grid.",
                            "additionalProperties": { "enum": ["layout", "digit_count", "row_sum", "stated_in_text", "no_evidence"] }
                        }
                    },
                    "required": ["key", "label"]
                } }
            },
            "required": ["format", "notes", "rows"]
        }
    })
}
