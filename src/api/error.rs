//! Errors of API calls. The platform documents RFC 7807 problem details with
//! `errors` in two shapes (a map of field → messages, and an array of
//! `{message, properties, id, parameters}`); SoftwareOne's own clients also
//! read `message` / `statusCode`. All are read here, leniently: nothing in an
//! error body can panic the console or be dropped unseen.

use serde_json::Value;
use std::fmt;

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

fn text(v: &Value, keys: &[&str]) -> Option<String> {
    keys.iter()
        .find_map(|k| v.get(*k).and_then(Value::as_str))
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(str::to_string)
}

fn number(v: &Value, keys: &[&str]) -> Option<u16> {
    keys.iter().find_map(|k| match v.get(*k)? {
        Value::Number(n) => n.as_u64().and_then(|n| u16::try_from(n).ok()),
        Value::String(s) => s.trim().parse().ok(),
        _ => None,
    })
}

fn plain(v: &Value) -> String {
    match v {
        Value::String(s) => s.clone(),
        other => other.to_string(),
    }
}

/// `{{name}}` placeholders of a message filled from `parameters`.
fn fill(message: &str, parameters: Option<&Value>) -> String {
    let mut out = message.to_string();
    if let Some(Value::Object(params)) = parameters {
        for (k, v) in params {
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
                Value::Object(_) => text(m, &["message"]).unwrap_or_else(|| m.to_string()),
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
                    Value::Object(_) => fill(&text(item, &["message"]).unwrap_or_default(), item.get("parameters")),
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
        let v: Value = serde_json::from_str(body).unwrap_or(Value::Null);
        if !v.is_object() {
            return Problem {
                title: Some(format!("The API answered HTTP {status}")),
                status: Some(status),
                ..Problem::default()
            };
        }
        Problem {
            kind: text(&v, &["type"]),
            title: text(&v, &["title", "message"]),
            status: number(&v, &["status", "statusCode"]).or(Some(status)),
            detail: text(&v, &["detail", "details"]),
            trace_id: text(&v, &["traceId"]),
            errors: v.get("errors").map(field_errors).unwrap_or_default(),
        }
    }
}

/// Why an API call failed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ApiError {
    /// 401: the credentials were refused.
    Unauthorized(Box<Problem>),
    /// 403: the credentials are valid but may not do this.
    Forbidden(Box<Problem>),
    /// Any other non-success status.
    Problem(Box<Problem>),
    /// The request did not complete (offline, DNS, CORS, connection reset).
    Network(String),
    /// The response was not what the contract says.
    Decode(String),
    /// The request could not be written (a search RQL cannot express, say).
    Request(String),
    /// The console cancelled the request: what it was for changed or went away.
    Aborted,
}

impl ApiError {
    /// An error for a failed response with `status` and `body`.
    pub fn from_response(status: u16, body: &str) -> ApiError {
        let p = Box::new(Problem::from_status(status, body));
        match status {
            401 => ApiError::Unauthorized(p),
            403 => ApiError::Forbidden(p),
            _ => ApiError::Problem(p),
        }
    }

    fn problem(&self) -> Option<&Problem> {
        match self {
            ApiError::Unauthorized(p) | ApiError::Forbidden(p) | ApiError::Problem(p) => Some(p),
            _ => None,
        }
    }

    /// A one-line title for a message.
    pub fn title(&self) -> String {
        let sent = self.problem().and_then(|p| p.title.clone());
        match self {
            ApiError::Unauthorized(_) => "Not signed in".into(),
            ApiError::Forbidden(_) => sent.unwrap_or_else(|| "Not allowed".into()),
            ApiError::Problem(_) => sent.unwrap_or_else(|| "The request failed".into()),
            ApiError::Network(_) => "The API could not be reached".into(),
            ApiError::Decode(_) => "The API sent an unexpected answer".into(),
            ApiError::Request(_) => "The request could not be made".into(),
            ApiError::Aborted => "The request was cancelled".into(),
        }
    }

    /// The detail for a message.
    pub fn detail(&self) -> String {
        match self {
            ApiError::Unauthorized(p) | ApiError::Forbidden(p) | ApiError::Problem(p) => {
                p.detail.clone().unwrap_or_default()
            }
            ApiError::Network(d) => format!("Check your connection and try again. ({d})"),
            ApiError::Decode(d) | ApiError::Request(d) => d.clone(),
            ApiError::Aborted => String::new(),
        }
    }

    /// The HTTP status, when there was a response.
    pub fn status(&self) -> Option<u16> {
        match self {
            ApiError::Unauthorized(p) => p.status.or(Some(401)),
            ApiError::Forbidden(p) => p.status.or(Some(403)),
            ApiError::Problem(p) => p.status,
            _ => None,
        }
    }

    /// Messages per field (empty unless the API sent some).
    pub fn field_errors(&self) -> Vec<FieldError> {
        self.problem().map(|p| p.errors.clone()).unwrap_or_default()
    }
}

impl fmt::Display for ApiError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let detail = self.detail();
        if detail.is_empty() {
            f.write_str(&self.title())
        } else {
            write!(f, "{}: {detail}", self.title())
        }
    }
}

impl std::error::Error for ApiError {}

#[cfg(test)]
mod tests;
