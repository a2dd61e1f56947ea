//! Reading JSON request bodies with a size cap and problem-details errors.

use super::problem::Problem;
use axum::body::Body;
use axum::http::{header, HeaderMap, StatusCode};
use serde_json::Value;

/// Largest request body accepted: a 5 MB logo as base64 plus the other fields.
pub const MAX_BODY_BYTES: usize = 7 * 1024 * 1024 + 64 * 1024;

fn is_json(headers: &HeaderMap) -> bool {
    let Some(ct) = headers.get(header::CONTENT_TYPE).and_then(|v| v.to_str().ok()) else {
        return false;
    };
    let mime = ct.split(';').next().unwrap_or_default().trim().to_ascii_lowercase();
    mime == "application/json" || mime == "text/json" || (mime.starts_with("application/") && mime.ends_with("+json"))
}

/// Reads and parses a JSON body.
pub async fn json(headers: &HeaderMap, body: Body) -> Result<Value, Problem> {
    if !is_json(headers) {
        return Err(Problem::new(
            StatusCode::UNSUPPORTED_MEDIA_TYPE,
            "Unsupported Media Type",
            "Send the body as application/json.",
        ));
    }
    let bytes = axum::body::to_bytes(body, MAX_BODY_BYTES).await.map_err(|_| {
        Problem::new(
            StatusCode::PAYLOAD_TOO_LARGE,
            "Payload Too Large",
            format!("The request body is larger than {MAX_BODY_BYTES} bytes."),
        )
    })?;
    serde_json::from_slice(&bytes).map_err(|e| Problem::bad_request(format!("The request body is not valid JSON: {e}")))
}
