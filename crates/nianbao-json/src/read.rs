//! JSON → Analysis, losslessly.

use std::borrow::Cow;

use serde::de::DeserializeOwned;
use serde_json::Value;

use nianbao_core::catalog::{TableFormat, TableKind};
use nianbao_core::model::{Cell, CellValue, Meta, Normalization, Provenance, Row, Table};
use nianbao_core::{Analysis, Number, Pos, Report};

use crate::{JsonError, SCHEMA_VERSION, paths};

/// Reads nianbao's JSON back into an analysis.
///
/// # Errors
///
/// [`JsonError::Syntax`] when the text is not JSON, and every error of [`from_value`].
pub fn from_str(json: &str) -> Result<Analysis, JsonError> {
    from_value(&serde_json::from_str(json)?)
}

/// Reads nianbao's JSON value back into an analysis.
///
/// # Errors
///
/// [`JsonError::Version`] for a major `schema_version` this library does not read, and
/// [`JsonError::Shape`] (with the JSON path) for a field missing or of the wrong kind,
/// a row its table's format lacks, or a value that is not a number.
pub fn from_value(v: &Value) -> Result<Analysis, JsonError> {
    let version = v
        .get("schema_version")
        .and_then(Value::as_str)
        .ok_or_else(|| JsonError::shape("schema_version", "missing"))?;
    let major = |s: &str| s.split('.').next().unwrap_or("").to_owned();
    if major(version) != major(SCHEMA_VERSION) {
        return Err(JsonError::Version {
            found: version.to_owned(),
            supported: major(SCHEMA_VERSION),
        });
    }
    let r = v
        .get("report")
        .ok_or_else(|| JsonError::shape("report", "missing"))?;
    let mut report = Report::default();
    report.meta = field::<Meta>(r, "report", "meta")?;
    report.source = field(v, "", "source")?;
    report.preamble = field(r, "report", "preamble")?;
    report.sections = field(r, "report", "sections")?;
    report.other_tables = field(r, "report", "other_tables")?;
    let cells = r.get("cells").unwrap_or(&Value::Null);
    for kind in TableKind::ALL {
        if let Some(layout) = r.get("layout").and_then(|l| l.get(kind.key())) {
            let values = r.get(kind.key()).unwrap_or(&Value::Null);
            *report.table_slot(kind) = Some(table(kind, layout, values, cells)?);
        }
    }
    Ok(Analysis::new(
        report,
        field(v, "", "findings")?,
        field(v, "", "diagnostics")?,
    ))
}

fn field<T: DeserializeOwned>(v: &Value, at: &str, name: &str) -> Result<T, JsonError> {
    let path = if at.is_empty() {
        name.to_owned()
    } else {
        format!("{at}.{name}")
    };
    let value = v
        .get(name)
        .ok_or_else(|| JsonError::shape(&path, "missing"))?;
    T::deserialize(value).map_err(|e| JsonError::shape(path, e.to_string()))
}

fn table(
    kind: TableKind,
    layout: &Value,
    values: &Value,
    cells: &Value,
) -> Result<Table, JsonError> {
    let at = format!("report.layout.{}", kind.key());
    let format = match layout.get("format") {
        Some(Value::String(s)) => Some(
            TableFormat::parse(s)
                .ok_or_else(|| JsonError::shape(format!("{at}.format"), "not 2019 or 2021"))?,
        ),
        _ => None,
    };
    if format.is_none() && kind != TableKind::ReviewLitigation {
        return Err(JsonError::shape(
            format!("{at}.format"),
            "missing: tables 2 and 3 have a format",
        ));
    }
    let mut t = Table::new(kind, format);
    t.pos = field::<Option<Pos>>(layout, &at, "pos")
        .ok()
        .flatten()
        .unwrap_or_default();
    t.notes = field(layout, &at, "notes")?;
    let rows = layout
        .get("rows")
        .and_then(Value::as_array)
        .ok_or_else(|| JsonError::shape(format!("{at}.rows"), "missing"))?;
    for (i, row) in rows.iter().enumerate() {
        let row_at = format!("{at}.rows[{i}]");
        let key: Option<String> = field(row, &row_at, "key")?;
        let label: String = field(row, &row_at, "label")?;
        if let Some(k) = &key
            && kind.row(format, k).is_none()
        {
            return Err(JsonError::shape(
                &row_at,
                format!("{k:?} is not a row of this table's format"),
            ));
        }
        let (obj, prefix) = match &key {
            Some(k) => (paths::get(values, k), k.clone()),
            None => (row.get("values"), format!("rows[{i}]")),
        };
        let obj = obj
            .and_then(Value::as_object)
            .ok_or_else(|| JsonError::shape(&row_at, "row values missing"))?;
        let provenance = row.get("provenance");
        let mut row_cells = Vec::new();
        for (col, value) in obj {
            let detail = cells.get(format!("{}.{prefix}.{col}", kind.key()));
            let placed = match provenance.and_then(|p| p.get(col)) {
                None => Provenance::Grid,
                Some(name) => name.as_str().and_then(Provenance::parse).ok_or_else(|| {
                    JsonError::shape(
                        format!("{row_at}.provenance.{col}"),
                        format!("not a provenance: {name}"),
                    )
                })?,
            };
            row_cells.push((
                Cow::Owned(col.clone()),
                cell(value, detail, &format!("{row_at}.{col}"))?.with_provenance(placed),
            ));
        }
        let mut row = Row::new(None, label).with_pos(
            field::<Option<Pos>>(row, &row_at, "pos")
                .ok()
                .flatten()
                .unwrap_or_default(),
        );
        row.key = key.map(Cow::Owned);
        row.cells = row_cells;
        t.rows.push(row);
    }
    Ok(t)
}

fn cell(value: &Value, detail: Option<&Value>, at: &str) -> Result<Cell, JsonError> {
    let number = match value {
        Value::Null => None,
        v => Some(Number::deserialize(v).map_err(|e| JsonError::shape(at, e.to_string()))?),
    };
    let Some(detail) = detail else {
        return Ok(number.map_or(Cell::BLANK, Cell::number));
    };
    let verbatim: String = field(detail, at, "verbatim")?;
    let normalizations: Vec<Normalization> = field(detail, at, "normalizations")?;
    let value = match number {
        Some(n) => CellValue::Number(n),
        None if normalizations.contains(&Normalization::Placeholder) => CellValue::Placeholder,
        None => CellValue::Text,
    };
    Ok(Cell::new(value).with_verbatim(verbatim, normalizations))
}

use serde::Deserialize as _;

#[cfg(test)]
mod tests {
    use nianbao_core::Analysis;
    use nianbao_core::catalog::{TableFormat, TableKind};
    use nianbao_core::model::{Report, Row, Table};

    fn analysis(format: Option<TableFormat>, key: &str) -> Analysis {
        let mut t = Table::new(TableKind::ActiveDisclosure, format);
        t.rows.push(Row::new(Some(key), key));
        let mut report = Report::default();
        report.active_disclosure = Some(t);
        Analysis::new(report, Vec::new(), Vec::new())
    }

    /// Found by fuzzing: a layout without its format, or with a row its format lacks,
    /// was accepted and could not be written back.
    #[test]
    fn layout_rows_must_belong_to_the_format() {
        let good = crate::to_string(&analysis(Some(TableFormat::Trial2019), "other_services"));
        assert!(crate::from_str(&good).is_ok());
        let no_format = good.replace("\"format\": \"2019\"", "\"formAat\": \"2019\"");
        let err = crate::from_str(&no_format).unwrap_err();
        assert!(err.to_string().contains("format"), "{err}");
        let wrong_format = good.replace("\"format\": \"2019\"", "\"format\": \"2021\"");
        let err = crate::from_str(&wrong_format).unwrap_err();
        assert!(err.to_string().contains("other_services"), "{err}");
    }
}
