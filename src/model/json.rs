//! JSON: a parsed value, its reader and its writer, small enough that the
//! first load carries no serde. Everything the console reads (the API's
//! answers, problem documents, `config.json`, saved views, a user token's
//! claims) is parsed into a [`Value`] and read field by field; what it sends
//! is built as a [`Value`] and written. Numbers keep their text, so nothing
//! is rounded and no float parser is needed to read counts and ids.

mod parse;
mod write;

pub use parse::{parse, ParseError};
pub use write::{write, write_pretty};

/// A JSON value; `Null` by default.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub enum Value {
    #[default]
    Null,
    Bool(bool),
    /// A number, as written (see [`Number`]).
    Number(Number),
    /// A string, its escapes resolved.
    String(String),
    Array(Vec<Value>),
    Object(Map),
}

/// A JSON number's text, as the grammar allows it (`-12`, `0.5`, `1e3`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Number(String);

/// An object's members in the order written. A key written twice reads as
/// its last value, as serde_json reads it (and is listed twice by
/// [`Map::iter`]).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Map(Vec<(String, Value)>);

impl Number {
    /// A non-negative whole number written without fraction or exponent,
    /// if it fits in a `u64`.
    pub fn as_u64(&self) -> Option<u64> {
        self.0.parse().ok()
    }

    /// A whole number, negative or not, written without fraction or
    /// exponent, if it fits in an `i64`.
    pub fn as_i64(&self) -> Option<i64> {
        self.0.parse().ok()
    }

    /// The number, to within a few units in the last place (its first 19
    /// significant digits scaled by a power of ten: no float parser in the
    /// first load); infinite beyond `f64`'s range. Enough for a setting such
    /// as minutes; counts and ids read [`Number::as_u64`].
    pub fn as_f64(&self) -> Option<f64> {
        let (mantissa, exponent) = self.0.split_once(['e', 'E']).unwrap_or((&self.0, "0"));
        let (negative, mantissa) = match mantissa.strip_prefix('-') {
            Some(m) => (true, m),
            None => (false, mantissa),
        };
        let mut scale = saturating_exponent(exponent)?;
        let (mut digits, mut kept, mut after_point) = (0u64, 0, false);
        for c in mantissa.chars() {
            let digit = match c {
                '.' => {
                    after_point = true;
                    continue;
                }
                '0'..='9' => u64::from(c as u8 - b'0'),
                _ => return None,
            };
            if kept < 19 {
                digits = digits * 10 + digit;
                kept += usize::from(digits > 0);
                scale -= i64::from(after_point);
            } else if !after_point {
                scale += 1;
            }
        }
        // 10^400 is infinite and 10^-400 zero in an f64: beyond that nothing changes.
        let power = 10f64.powi(scale.unsigned_abs().min(400) as i32);
        let value = if scale < 0 {
            digits as f64 / power
        } else {
            digits as f64 * power
        };
        Some(if negative { -value } else { value })
    }
}

/// An exponent's digits (after `e`), held within ±10^15 however long.
fn saturating_exponent(text: &str) -> Option<i64> {
    let (negative, digits) = match text.strip_prefix('-') {
        Some(d) => (true, d),
        None => (false, text.strip_prefix('+').unwrap_or(text)),
    };
    let mut value = 0i64;
    for c in digits.chars() {
        let digit = c.to_digit(10)?;
        value = (value * 10 + i64::from(digit)).min(1_000_000_000_000_000);
    }
    Some(if negative { -value } else { value })
}

impl std::fmt::Display for Number {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl Map {
    /// An empty object.
    pub fn new() -> Self {
        Map(Vec::new())
    }

    /// The value of `key` (its last, if written twice).
    pub fn get(&self, key: &str) -> Option<&Value> {
        self.0.iter().rev().find(|(k, _)| k == key).map(|(_, v)| v)
    }

    /// Adds `key` at the end, or replaces its value where it is.
    pub fn insert(&mut self, key: impl Into<String>, value: Value) {
        let key = key.into();
        match self.0.iter_mut().find(|(k, _)| *k == key) {
            Some((_, v)) => *v = value,
            None => self.0.push((key, value)),
        }
    }

    /// The members in the order written, a repeated key each time.
    pub fn iter(&self) -> impl ExactSizeIterator<Item = (&String, &Value)> {
        self.0.iter().map(|(k, v)| (k, v))
    }

    /// Whether it has no members.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

impl<K: Into<String>> FromIterator<(K, Value)> for Map {
    fn from_iter<I: IntoIterator<Item = (K, Value)>>(members: I) -> Self {
        let mut map = Map::new();
        for (k, v) in members {
            map.insert(k, v);
        }
        map
    }
}

impl Value {
    /// An object of `members`.
    pub fn object<K: Into<String>>(members: impl IntoIterator<Item = (K, Value)>) -> Value {
        Value::Object(members.into_iter().collect())
    }

    /// Member `key` of an object; `None` for a missing key or a non-object.
    pub fn get(&self, key: &str) -> Option<&Value> {
        self.as_object().and_then(|o| o.get(key))
    }

    /// The text of a string.
    pub fn as_str(&self) -> Option<&str> {
        match self {
            Value::String(s) => Some(s),
            _ => None,
        }
    }

    /// The items of an array.
    pub fn as_array(&self) -> Option<&Vec<Value>> {
        match self {
            Value::Array(items) => Some(items),
            _ => None,
        }
    }

    /// The members of an object.
    pub fn as_object(&self) -> Option<&Map> {
        match self {
            Value::Object(map) => Some(map),
            _ => None,
        }
    }

    /// A whole, non-negative number ([`Number::as_u64`]).
    pub fn as_u64(&self) -> Option<u64> {
        match self {
            Value::Number(n) => n.as_u64(),
            _ => None,
        }
    }

    /// A whole number ([`Number::as_i64`]).
    pub fn as_i64(&self) -> Option<i64> {
        match self {
            Value::Number(n) => n.as_i64(),
            _ => None,
        }
    }

    /// A boolean.
    pub fn as_bool(&self) -> Option<bool> {
        match self {
            Value::Bool(b) => Some(*b),
            _ => None,
        }
    }
}

impl From<&str> for Value {
    fn from(s: &str) -> Self {
        Value::String(s.to_string())
    }
}

impl<T: Into<Value>> From<Option<T>> for Value {
    fn from(v: Option<T>) -> Self {
        v.map_or(Value::Null, Into::into)
    }
}

/// Compact JSON.
impl std::fmt::Display for Value {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&write(self))
    }
}

#[cfg(test)]
mod tests;
