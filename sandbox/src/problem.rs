//! RFC 7807 problem details: the one error type every handler returns.

use axum::http::{header, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use serde_json::{json, Map, Value};
use std::collections::BTreeMap;

/// Field name → messages, as sent in a problem's `errors` member.
pub type FieldErrors = BTreeMap<String, Vec<String>>;

/// An error answered as `application/problem+json`.
#[derive(Debug, Clone)]
pub struct Problem {
    /// HTTP status.
    pub status: StatusCode,
    /// Short, stable summary of the problem type.
    pub title: String,
    /// What happened in this case.
    pub detail: String,
    /// Validation messages per field, if any.
    pub errors: Option<FieldErrors>,
}

impl Problem {
    /// A problem with a status, title and detail.
    pub fn new(status: StatusCode, title: impl Into<String>, detail: impl Into<String>) -> Self {
        Problem {
            status,
            title: title.into(),
            detail: detail.into(),
            errors: None,
        }
    }

    /// 400 for a request that is not acceptable as it is.
    pub fn bad_request(detail: impl Into<String>) -> Self {
        Self::new(StatusCode::BAD_REQUEST, "Bad Request", detail)
    }

    /// 400 for a list query whose RQL cannot be used.
    pub fn bad_query(detail: impl Into<String>) -> Self {
        Self::new(StatusCode::BAD_REQUEST, "Invalid RQL query", detail)
    }

    /// 400 with messages per field.
    pub fn validation(errors: FieldErrors) -> Self {
        Problem {
            status: StatusCode::BAD_REQUEST,
            title: "One or more validation errors occurred.".into(),
            detail: "The request body has fields that are missing or not valid; see 'errors'.".into(),
            errors: Some(errors),
        }
    }

    /// 401 for a missing or refused bearer token.
    pub fn unauthorized(detail: impl Into<String>) -> Self {
        Self::new(StatusCode::UNAUTHORIZED, "Unauthorized", detail)
    }

    /// 404 for an object that does not exist (or is not visible to the caller).
    pub fn not_found(what: &str, id: &str) -> Self {
        Self::new(
            StatusCode::NOT_FOUND,
            "Not Found",
            format!("{what} '{id}' was not found."),
        )
    }

    /// 500, with the cause written to the server's log only.
    pub fn internal(cause: impl std::fmt::Display) -> Self {
        eprintln!("sandbox: internal error: {cause}");
        Self::new(
            StatusCode::INTERNAL_SERVER_ERROR,
            "Internal Server Error",
            "The server failed to process the request.",
        )
    }

    fn type_uri(&self) -> &'static str {
        match self.status.as_u16() {
            400 => "https://tools.ietf.org/html/rfc9110#section-15.5.1",
            401 => "https://tools.ietf.org/html/rfc9110#section-15.5.2",
            404 => "https://tools.ietf.org/html/rfc9110#section-15.5.5",
            405 => "https://tools.ietf.org/html/rfc9110#section-15.5.6",
            413 => "https://tools.ietf.org/html/rfc9110#section-15.5.14",
            415 => "https://tools.ietf.org/html/rfc9110#section-15.5.16",
            _ => "https://tools.ietf.org/html/rfc9110#section-15.6.1",
        }
    }

    /// The JSON body.
    pub fn body(&self) -> Value {
        let mut body = Map::new();
        body.insert("type".into(), json!(self.type_uri()));
        body.insert("title".into(), json!(self.title));
        body.insert("status".into(), json!(self.status.as_u16()));
        body.insert("detail".into(), json!(self.detail));
        body.insert("traceId".into(), json!(crate::ids::trace_id()));
        if let Some(errors) = &self.errors {
            body.insert("errors".into(), json!(errors));
        }
        Value::Object(body)
    }
}

impl IntoResponse for Problem {
    fn into_response(self) -> Response {
        let mut res = (self.status, self.body().to_string()).into_response();
        let headers = res.headers_mut();
        headers.insert(
            header::CONTENT_TYPE,
            HeaderValue::from_static("application/problem+json"),
        );
        if self.status == StatusCode::UNAUTHORIZED {
            headers.insert(header::WWW_AUTHENTICATE, HeaderValue::from_static("Bearer"));
        }
        res
    }
}

impl From<rusqlite::Error> for Problem {
    fn from(e: rusqlite::Error) -> Self {
        Problem::internal(e)
    }
}

impl From<rql::ParseError> for Problem {
    fn from(e: rql::ParseError) -> Self {
        Problem::bad_query(e.0)
    }
}
