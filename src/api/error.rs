//! Errors of API calls. The platform documents RFC 7807 problem details with
//! `errors` in two shapes (a map of field → messages, and an array of
//! `{message, properties, id, parameters}`); SoftwareOne's own clients also
//! read `message` / `statusCode`. All are read here, leniently: nothing in an
//! error body can panic the console or be dropped unseen.

mod problem;

use crate::model::retry::retry_after_ms;
pub use problem::{FieldError, Problem};
use std::fmt;
/// Why an API call failed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ApiError {
    /// 401: the credentials were refused.
    Unauthorized(Box<Problem>),
    /// 403: the credentials are valid but may not do this.
    Forbidden(Box<Problem>),
    /// 429 or 503: the API is busy or briefly down. `retry_at_ms` is when
    /// it said to come back (`Retry-After`, as Unix milliseconds), if it said.
    Busy {
        /// What it sent.
        problem: Box<Problem>,
        /// When to try again.
        retry_at_ms: Option<i64>,
    },
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
            429 | 503 => ApiError::Busy {
                problem: p,
                retry_at_ms: None,
            },
            _ => ApiError::Problem(p),
        }
    }

    /// A busy error with when to come back, from the response's
    /// `Retry-After` read at `now_ms` (a header that says neither seconds
    /// nor a date is ignored); other errors as they are.
    pub fn with_retry_after(self, header: Option<&str>, now_ms: i64) -> ApiError {
        match self {
            ApiError::Busy { problem, .. } => ApiError::Busy {
                problem,
                retry_at_ms: header
                    .and_then(|h| retry_after_ms(h, now_ms))
                    .map(|wait| now_ms.saturating_add(i64::try_from(wait).unwrap_or(i64::MAX))),
            },
            other => other,
        }
    }

    fn problem(&self) -> Option<&Problem> {
        match self {
            ApiError::Unauthorized(p) | ApiError::Forbidden(p) | ApiError::Problem(p) => Some(p),
            ApiError::Busy { problem, .. } => Some(problem),
            _ => None,
        }
    }

    /// How long to wait from `now_ms` before trying again, when the API is
    /// busy and said how long.
    pub fn wait_ms(&self, now_ms: i64) -> Option<u64> {
        match self {
            ApiError::Busy {
                retry_at_ms: Some(at), ..
            } => Some(u64::try_from(at.saturating_sub(now_ms)).unwrap_or(0)),
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
            ApiError::Busy { .. } => "The API is busy".into(),
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
            ApiError::Busy { retry_at_ms, .. } => match retry_at_ms {
                Some(_) => "It asked for a pause; nothing was changed. Try again when the time is up.".into(),
                None => "Nothing was changed. Try again in a moment.".into(),
            },
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
            ApiError::Busy { problem, .. } => problem.status,
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
