//! Errors of API calls, with RFC 7807 problem details when the API sent them.

use serde::Deserialize;
use std::collections::BTreeMap;
use std::fmt;

/// An RFC 7807 problem as the API sends it. Every member is optional.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[serde(default, rename_all = "camelCase")]
pub struct Problem {
    /// Problem type URI.
    #[serde(rename = "type")]
    pub kind: Option<String>,
    /// Short summary.
    pub title: Option<String>,
    /// HTTP status.
    pub status: Option<u16>,
    /// What happened.
    pub detail: Option<String>,
    /// Correlation id for support.
    pub trace_id: Option<String>,
    /// Validation messages per field.
    pub errors: BTreeMap<String, Vec<String>>,
}

impl Problem {
    /// A problem for a response whose body was not problem details.
    pub fn from_status(status: u16, body: &str) -> Problem {
        serde_json::from_str::<Problem>(body).unwrap_or_else(|_| Problem {
            title: Some(format!("The API answered HTTP {status}")),
            status: Some(status),
            ..Problem::default()
        })
    }
}

/// Why an API call failed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ApiError {
    /// 401: the bearer token was refused.
    Unauthorized(Box<Problem>),
    /// Any other non-success status.
    Problem(Box<Problem>),
    /// The request did not complete (offline, DNS, CORS, connection reset).
    Network(String),
    /// The response was not what the contract says.
    Decode(String),
}

impl ApiError {
    /// A one-line title for a message.
    pub fn title(&self) -> String {
        match self {
            ApiError::Unauthorized(_) => "Not signed in".into(),
            ApiError::Problem(p) => p.title.clone().unwrap_or_else(|| "The request failed".into()),
            ApiError::Network(_) => "The API could not be reached".into(),
            ApiError::Decode(_) => "The API sent an unexpected answer".into(),
        }
    }

    /// The detail for a message.
    pub fn detail(&self) -> String {
        match self {
            ApiError::Unauthorized(p) | ApiError::Problem(p) => p.detail.clone().unwrap_or_default(),
            ApiError::Network(d) => format!("Check your connection and try again. ({d})"),
            ApiError::Decode(d) => d.clone(),
        }
    }

    /// The HTTP status, when there was a response.
    pub fn status(&self) -> Option<u16> {
        match self {
            ApiError::Unauthorized(p) => p.status.or(Some(401)),
            ApiError::Problem(p) => p.status,
            _ => None,
        }
    }

    /// Validation messages per field (empty unless the API sent some).
    pub fn field_errors(&self) -> BTreeMap<String, Vec<String>> {
        match self {
            ApiError::Problem(p) => p.errors.clone(),
            _ => BTreeMap::new(),
        }
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
mod tests {
    use super::*;

    #[test]
    fn problem_details_are_read_leniently() {
        let p = Problem::from_status(
            400,
            r#"{"type":"t","title":"Bad","status":400,"detail":"d","traceId":"x","errors":{"name":["required"]},"extra":1}"#,
        );
        assert_eq!(p.title.as_deref(), Some("Bad"));
        assert_eq!(p.errors["name"], vec!["required"]);
        let p = Problem::from_status(502, "<html>bad gateway</html>");
        assert_eq!(p.status, Some(502));
        assert!(p.title.unwrap().contains("502"));
        let e = ApiError::Problem(Box::new(Problem::from_status(500, "{}")));
        assert_eq!(e.title(), "The request failed");
    }
}
