//! A problem document as the API sent it, read leniently: both shapes of
//! `errors`, `message` / `statusCode` as SoftwareOne's clients read them.

use crate::model::json::{parse, Value};

/// Messages about one field, as the API keyed them (`name`, `$.modules[0].id`, …;
/// empty when the API named no field).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct FieldError {
    /// The key or property the API gave.
    pub key: String,
    /// What is wrong with it.
    pub messages: Vec<String>,
}

/// A problem as the API sent it. Every member is optional.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Problem {
    /// Problem type URI.
    pub kind: Option<String>,
    /// Short summary (`title`, or `message`).
    pub title: Option<String>,
    /// HTTP status (`status`, or `statusCode`).
    pub status: Option<u16>,
    /// What happened (`detail`, or `details`).
    pub detail: Option<String>,
    /// Correlation id for support.
    pub trace_id: Option<String>,
    /// Messages per field, in the order sent.
    pub errors: Vec<FieldError>,
}

/// The first of `keys` holding non-blank text, trimmed: a problem field has
/// several names across the platform's services, and a blank one says
/// nothing (unlike `api::json::text`, which reads one key as it is).
fn first_text(v: &Value, keys: &[&str]) -> Option<String> {
    keys.iter()
        .find_map(|k| v.get(k).and_then(Value::as_str))
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(str::to_string)
}

fn number(v: &Value, keys: &[&str]) -> Option<u16> {
    keys.iter().find_map(|k| match v.get(k)? {
        Value::Number(n) => n.as_u64().and_then(|n| u16::try_from(n).ok()),
        Value::String(s) => s.trim().parse().ok(),
        _ => None,
    })
}

/// A value as words for a message: strings as they are, lists and maps as
/// `a, b` and `key: value`, not as JSON.
fn plain(v: &Value) -> String {
    match v {
        Value::String(s) => s.clone(),
        Value::Null => String::new(),
        Value::Bool(b) => if *b { "true" } else { "false" }.into(),
        Value::Number(n) => match (n.as_i64(), n.as_u64()) {
            (Some(i), _) => format!("{i}"),
            (None, Some(u)) => format!("{u}"),
            // A fraction in an error message: rare enough to name, not print.
            _ => "a number".into(),
        },
        Value::Array(items) => items.iter().map(plain).collect::<Vec<_>>().join(", "),
        Value::Object(map) => map
            .iter()
            .map(|(k, v)| format!("{k}: {}", plain(v)))
            .collect::<Vec<_>>()
            .join(", "),
    }
}

/// `{{name}}` placeholders of a message filled from `parameters`.
fn fill(message: &str, parameters: Option<&Value>) -> String {
    let mut out = message.to_string();
    if let Some(Value::Object(params)) = parameters {
        for (k, v) in params.iter() {
            for pattern in [format!("{{{{{k}}}}}"), format!("{{{{ {k} }}}}")] {
                out = out.replace(&pattern, &plain(v));
            }
        }
    }
    out
}

fn messages(v: &Value) -> Vec<String> {
    match v {
        Value::Array(items) => items
            .iter()
            .map(|m| match m {
                Value::Object(_) => first_text(m, &["message"]).unwrap_or_else(|| plain(m)),
                other => plain(other),
            })
            .collect(),
        Value::Null => Vec::new(),
        other => vec![plain(other)],
    }
}

fn field_errors(errors: &Value) -> Vec<FieldError> {
    match errors {
        Value::Object(map) => map
            .iter()
            .map(|(key, v)| FieldError {
                key: key.clone(),
                messages: messages(v),
            })
            .filter(|f| !f.messages.is_empty())
            .collect(),
        Value::Array(items) => items
            .iter()
            .flat_map(|item| {
                let message = match item {
                    Value::Object(_) => fill(
                        &first_text(item, &["message"]).unwrap_or_default(),
                        item.get("parameters"),
                    ),
                    other => plain(other),
                };
                let props: Vec<String> = item
                    .get("properties")
                    .and_then(Value::as_array)
                    .map(|p| p.iter().map(plain).collect())
                    .unwrap_or_default();
                let keys = if props.is_empty() { vec![String::new()] } else { props };
                keys.into_iter().map(move |key| FieldError {
                    key,
                    messages: vec![message.clone()],
                })
            })
            .filter(|f| f.messages.iter().any(|m| !m.is_empty()))
            .collect(),
        Value::String(s) if !s.trim().is_empty() => vec![FieldError {
            key: String::new(),
            messages: vec![s.clone()],
        }],
        _ => Vec::new(),
    }
}

impl Problem {
    /// Reads an error body; a body that is not a JSON object still gives a problem.
    pub fn from_status(status: u16, body: &str) -> Problem {
        let v = parse(body).unwrap_or_default();
        if v.as_object().is_none() {
            return Problem {
                title: Some(format!("The API answered HTTP {status}")),
                status: Some(status),
                ..Problem::default()
            };
        }
        Problem {
            kind: first_text(&v, &["type"]),
            title: first_text(&v, &["title", "message"]),
            status: number(&v, &["status", "statusCode"]).or(Some(status)),
            detail: first_text(&v, &["detail", "details"]),
            trace_id: first_text(&v, &["traceId"]),
            errors: v.get("errors").map(field_errors).unwrap_or_default(),
        }
    }
}
