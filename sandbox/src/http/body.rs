//! The JSON request body as an extractor whose rejection is a problem
//! document (as in axum's `customize-extractor-error` example): a wrong
//! media type, a body over the cap or one that is not JSON never reaches a
//! handler, and is answered like every other failure.

use super::problem::Problem;
use axum::extract::{FromRequest, Request};
use axum::http::{header, HeaderMap, StatusCode};
use serde_json::Value;

/// Largest request body accepted: a 5 MB logo as base64 plus the other fields.
pub const MAX_BODY_BYTES: usize = 7 * 1024 * 1024 + 64 * 1024;

/// A request's JSON body, parsed but not yet checked against any contract
/// (the domain's validation reads it).
#[derive(Debug)]
pub struct JsonBody(pub Value);

fn is_json(headers: &HeaderMap) -> bool {
    let Some(ct) = headers.get(header::CONTENT_TYPE).and_then(|v| v.to_str().ok()) else {
        return false;
    };
    let mime = ct.split(';').next().unwrap_or_default().trim().to_ascii_lowercase();
    mime == "application/json" || mime == "text/json" || (mime.starts_with("application/") && mime.ends_with("+json"))
}

impl<S: Send + Sync> FromRequest<S> for JsonBody {
    type Rejection = Problem;

    async fn from_request(req: Request, _state: &S) -> Result<Self, Problem> {
        if !is_json(req.headers()) {
            return Err(Problem::new(
                StatusCode::UNSUPPORTED_MEDIA_TYPE,
                "Unsupported Media Type",
                "Send the body as application/json.",
            ));
        }
        let bytes = axum::body::to_bytes(req.into_body(), MAX_BODY_BYTES)
            .await
            .map_err(|_| {
                Problem::new(
                    StatusCode::PAYLOAD_TOO_LARGE,
                    "Payload Too Large",
                    format!("The request body is larger than {MAX_BODY_BYTES} bytes."),
                )
            })?;
        serde_json::from_slice(&bytes)
            .map(JsonBody)
            .map_err(|e| Problem::bad_request(format!("The request body is not valid JSON: {e}")))
    }
}
