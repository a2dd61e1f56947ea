//! The API's objects read by hand, field by field, from a parsed
//! [`Value`](crate::model::json::Value): lenient (unknown fields ignored, a
//! missing or mistyped optional field is its default).

use crate::model::json::{Map, Value};

/// A type read from the API's JSON.
pub trait FromJson: Sized {
    /// `v` as this type; `None` when it cannot be one at all (not an object).
    fn from_json(v: &Value) -> Option<Self>;
}

/// The text field `key`, if it is text.
pub fn text(o: &Map, key: &str) -> Option<String> {
    o.get(key).and_then(Value::as_str).map(str::to_owned)
}

/// The text field `key`, or empty.
pub fn text_or_empty(o: &Map, key: &str) -> String {
    text(o, key).unwrap_or_default()
}

/// The object field `key` as `T`.
pub fn object<T: FromJson>(o: &Map, key: &str) -> Option<T> {
    o.get(key).and_then(T::from_json)
}

/// The array field `key`, each readable item as `T`.
pub fn list<T: FromJson>(o: &Map, key: &str) -> Vec<T> {
    match o.get(key) {
        Some(Value::Array(items)) => items.iter().filter_map(T::from_json).collect(),
        _ => Vec::new(),
    }
}

impl FromJson for String {
    fn from_json(v: &Value) -> Option<Self> {
        v.as_str().map(str::to_owned)
    }
}

/// Any JSON, as it came.
impl FromJson for Value {
    fn from_json(v: &Value) -> Option<Self> {
        Some(v.clone())
    }
}
