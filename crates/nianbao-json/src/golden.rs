//! Comparing JSON with a golden file as parsed values, with a readable list of
//! differences. Numbers compare by value (`0` equals `0.0`; `25.1` equals `25.10`).

use serde_json::Value;

use nianbao_core::Number;

/// Every difference between `expected` and `actual`, one line each, with its path
/// (`applications.results.total.natural_person: expected 3, found null`). Objects
/// compare key by key (a key missing on either side is a difference), arrays item by
/// item, numbers by value.
pub fn differences(expected: &Value, actual: &Value) -> Vec<String> {
    let mut out = Vec::new();
    walk("", expected, actual, &mut out);
    out
}

fn number(v: &Value) -> Option<Number> {
    match v {
        Value::Number(n) => n
            .as_i64()
            .map(Number::int)
            .or_else(|| n.as_f64().and_then(Number::from_f64)),
        _ => None,
    }
}

fn join(path: &str, key: &str) -> String {
    if path.is_empty() {
        key.to_owned()
    } else {
        format!("{path}.{key}")
    }
}

fn walk(path: &str, expected: &Value, actual: &Value, out: &mut Vec<String>) {
    match (expected, actual) {
        (Value::Object(e), Value::Object(a)) => {
            for (k, ev) in e {
                match a.get(k) {
                    Some(av) => walk(&join(path, k), ev, av, out),
                    None => out.push(format!("{}: expected {ev}, missing", join(path, k))),
                }
            }
            for k in a.keys().filter(|k| !e.contains_key(*k)) {
                out.push(format!(
                    "{}: not expected, found {}",
                    join(path, k),
                    a.get(k).unwrap_or(&Value::Null)
                ));
            }
        }
        (Value::Array(e), Value::Array(a)) => {
            if e.len() != a.len() {
                out.push(format!(
                    "{path}: expected {} items, found {}",
                    e.len(),
                    a.len()
                ));
            }
            for (i, (ev, av)) in e.iter().zip(a).enumerate() {
                walk(&format!("{path}[{i}]"), ev, av, out);
            }
        }
        (Value::Number(_), Value::Number(_))
            if number(expected).is_some() && number(expected) == number(actual) => {}
        (e, a) if e == a => {}
        (e, a) => out.push(format!("{path}: expected {e}, found {a}")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn numbers_by_value_and_paths_in_messages() {
        assert!(
            differences(&json!({"a": 0, "b": 25.1}), &json!({"a": 0.0, "b": 25.10})).is_empty()
        );
        assert_eq!(
            differences(
                &json!({"r": {"x": 1, "y": null}}),
                &json!({"r": {"x": null, "y": null, "z": 2}})
            ),
            vec![
                "r.x: expected 1, found null".to_owned(),
                "r.z: not expected, found 2".to_owned()
            ]
        );
        assert_eq!(
            differences(&json!([1, 2]), &json!([1])),
            vec![": expected 2 items, found 1".to_owned()]
        );
    }
}
