//! Dotted paths (`results.denied.state_secret`) into nested JSON objects.

use serde_json::{Map, Value};

/// Sets `value` at a dotted path, creating objects on the way (in insertion order).
pub fn set(root: &mut Map<String, Value>, path: &str, value: Value) {
    let mut parts = path.split('.').peekable();
    let mut node = root;
    while let Some(part) = parts.next() {
        if parts.peek().is_none() {
            node.insert(part.to_owned(), value);
            return;
        }
        let child = node
            .entry(part.to_owned())
            .or_insert_with(|| Value::Object(Map::new()));
        if !child.is_object() {
            *child = Value::Object(Map::new());
        }
        match child.as_object_mut() {
            Some(obj) => node = obj,
            None => return,
        }
    }
}

/// The value at a dotted path, if every step is an object.
pub fn get<'a>(root: &'a Value, path: &str) -> Option<&'a Value> {
    path.split('.').try_fold(root, |node, part| node.get(part))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nested_paths() {
        let mut m = Map::new();
        set(&mut m, "results.denied.state_secret", Value::from(1));
        set(&mut m, "results.total", Value::Null);
        let v = Value::Object(m);
        assert_eq!(
            get(&v, "results.denied.state_secret"),
            Some(&Value::from(1))
        );
        assert_eq!(get(&v, "results.total"), Some(&Value::Null));
        assert_eq!(get(&v, "results.other"), None);
    }
}
