//! RFC 7807 problem details: how every failure is answered. Store errors,
//! query faults and refused bodies become problems here and nowhere else.
//! Titles are the standard reason phrases, as the platform (and the official
//! Python client's tests, which match `404 Not Found`) has them.

use crate::domain::{ids, FieldErrors, Rejection};
use crate::store::StoreError;
use axum::http::{header, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use serde_json::{json, Map, Value};

/// The detail of a problem that carries `errors`.
const VALIDATION_DETAIL: &str = "One or more validation errors occurred.";

/// An error answered as `application/problem+json`.
#[derive(Debug, Clone)]
pub struct Problem {
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

    fn standard(status: StatusCode, detail: impl Into<String>) -> Self {
        Self::new(status, status.canonical_reason().unwrap_or("Error"), detail)
    }

    /// 400 for a request that is not acceptable as it is.
    pub fn bad_request(detail: impl Into<String>) -> Self {
        Self::standard(StatusCode::BAD_REQUEST, detail)
    }

    /// 400 with messages per field.
    pub fn validation(errors: FieldErrors) -> Self {
        Problem {
            errors: Some(errors),
            ..Self::bad_request(VALIDATION_DETAIL)
        }
    }

    /// 401 for a missing or refused bearer token.
    pub fn unauthorized(detail: impl Into<String>) -> Self {
        Self::standard(StatusCode::UNAUTHORIZED, detail)
    }

    /// 403 for credentials that are valid but may not do this.
    pub fn forbidden(detail: impl Into<String>) -> Self {
        Self::standard(StatusCode::FORBIDDEN, detail)
    }

    /// 404 for a path that is no endpoint.
    pub fn not_found(detail: impl Into<String>) -> Self {
        Self::standard(StatusCode::NOT_FOUND, detail)
    }

    /// 500, with the cause written to the server's log only.
    pub fn internal(cause: impl std::fmt::Display) -> Self {
        tracing::error!(%cause, "internal error");
        Self::standard(
            StatusCode::INTERNAL_SERVER_ERROR,
            "The server failed to process the request.",
        )
    }

    fn type_uri(&self) -> &'static str {
        match self.status.as_u16() {
            400 => "https://tools.ietf.org/html/rfc9110#section-15.5.1",
            401 => "https://tools.ietf.org/html/rfc9110#section-15.5.2",
            403 => "https://tools.ietf.org/html/rfc9110#section-15.5.4",
            404 => "https://tools.ietf.org/html/rfc9110#section-15.5.5",
            405 => "https://tools.ietf.org/html/rfc9110#section-15.5.6",
            409 => "https://tools.ietf.org/html/rfc9110#section-15.5.10",
            413 => "https://tools.ietf.org/html/rfc9110#section-15.5.14",
            415 => "https://tools.ietf.org/html/rfc9110#section-15.5.16",
            _ => "https://tools.ietf.org/html/rfc9110#section-15.6.1",
        }
    }

    pub fn body(&self) -> Value {
        let mut body = Map::new();
        body.insert("type".into(), json!(self.type_uri()));
        body.insert("title".into(), json!(self.title));
        body.insert("status".into(), json!(self.status.as_u16()));
        body.insert("detail".into(), json!(self.detail));
        body.insert("traceId".into(), json!(ids::trace_id()));
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

impl From<rql::ParseError> for Problem {
    fn from(e: rql::ParseError) -> Self {
        match e.kind {
            rql::ErrorKind::Syntax => Problem::bad_request(e.message),
            rql::ErrorKind::Validation => {
                let mut errors = FieldErrors::new();
                errors.insert(e.key().to_string(), vec![e.message.clone()]);
                Problem::validation(errors)
            }
        }
    }
}

impl From<Rejection> for Problem {
    fn from(r: Rejection) -> Self {
        match r {
            Rejection::Body(detail) => Problem::bad_request(detail),
            Rejection::Fields(errors) => Problem::validation(errors),
        }
    }
}

impl From<StoreError> for Problem {
    fn from(e: StoreError) -> Self {
        match e {
            StoreError::NotFound { .. } => Problem::standard(StatusCode::NOT_FOUND, e.to_string()),
            StoreError::IllegalTransition { .. } => Problem::bad_request(e.to_string()),
            StoreError::Conflict(m) => Problem::standard(StatusCode::CONFLICT, m),
            StoreError::Invalid(errors) => Problem::validation(errors),
            StoreError::Query(q) => q.into(),
            StoreError::Database(m) => Problem::internal(m),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn query_faults_name_their_path_in_errors() {
        let p: Problem = rql::ParseError::invalid("Invalid property path.", Some("colour")).into();
        assert_eq!(p.status, 400);
        assert_eq!(p.title, "Bad Request");
        assert_eq!(p.errors.unwrap()["colour"], ["Invalid property path."]);
        let p: Problem = rql::ParseError::syntax("Binary expression must have 2 arguments").into();
        assert!(p.errors.is_none() && p.detail.starts_with("Binary"));
    }

    #[test]
    fn store_errors_map_to_statuses() {
        let p: Problem = StoreError::not_found("API token", "TKN-0000-0000").into();
        assert_eq!((p.status.as_u16(), p.title.as_str()), (404, "Not Found"));
        let p: Problem = StoreError::Database("disk full".into()).into();
        assert_eq!(p.status, 500);
        assert!(!p.detail.contains("disk"), "causes stay in the log");
    }
}
