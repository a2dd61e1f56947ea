//! One HTTP exchange: the request with its bearer header and deadline, the
//! answer read as text or bytes, a failure as an [`ApiError`].

use super::deadline::Deadline;
use crate::api::error::ApiError;
use crate::api::sleep::sleep;
use gloo_net::http::{Method, RequestBuilder};
use std::time::Duration;
use web_sys::AbortSignal;

/// One request: what, with which token, and what can cancel it.
pub struct Outgoing<'a> {
    /// `GET`, `POST`, …
    pub method: Method,
    /// The path after the base URL, query included.
    pub path: &'a str,
    /// A JSON body.
    pub body: Option<String>,
    /// Cancels the request when aborted.
    pub abort: Option<&'a AbortSignal>,
    /// How long it may take ([`REQUEST_TIMEOUT`] for the API).
    pub timeout: Duration,
}

/// How long a request may take, answer included, before it counts as failed:
/// a stalled connection ends in an error with Retry, not an endless spinner.
pub const REQUEST_TIMEOUT: Duration = Duration::from_secs(30);

/// What a successful answer is read as.
pub(super) enum Read {
    Text,
    Bytes,
}

/// A successful answer's body.
pub(super) enum Body {
    Text(String),
    Bytes(Vec<u8>),
}

/// Sends `out` to `url`, with the bearer header when there is a `token`
/// (never `Bearer ` with nothing after it); reads a success as `read` says,
/// within the same deadline as the request.
pub(super) async fn exchange(url: &str, token: Option<&str>, out: Outgoing<'_>, read: Read) -> Result<Body, ApiError> {
    // Started in a task of its own: building and sending a fetch takes a few
    // milliseconds on a phone, which would otherwise lengthen the task that
    // renders the view asking for it (measured in FIGURES.md).
    sleep(0.0).await;
    let (caller, timeout) = (out.abort, out.timeout);
    let deadline = Deadline::new(caller, timeout);
    let signal = deadline.as_ref().map(Deadline::signal);
    let timed_out = deadline.as_ref().map(Deadline::timed_out);
    let failed = move |e: gloo_net::Error| match caller {
        Some(signal) if signal.aborted() => ApiError::Aborted,
        _ if timed_out.as_ref().is_some_and(|t| t.get()) => ApiError::Network(format!(
            "The API did not answer within {} seconds.",
            crate::model::format::seconds(timeout)
        )),
        _ => ApiError::Network(e.to_string()),
    };
    let mut builder = RequestBuilder::new(url)
        .method(out.method)
        .abort_signal(signal.as_ref().or(caller));
    if matches!(read, Read::Text) {
        builder = builder.header("Accept", "application/json");
    }
    if let Some(token) = token.map(str::trim).filter(|t| !t.is_empty()) {
        builder = builder.header("Authorization", &format!("Bearer {token}"));
    }
    let req = match out.body {
        Some(b) => builder.header("Content-Type", "application/json").body(b),
        None => builder.build(),
    }
    .map_err(&failed)?;
    let res = req.send().await.map_err(&failed)?;
    let status = res.status();
    if !(200..=299).contains(&status) {
        let retry_after = res.headers().get("Retry-After");
        let text = res.text().await.unwrap_or_default();
        return Err(
            ApiError::from_response(status, &text).with_retry_after(retry_after.as_deref(), js_sys::Date::now() as i64)
        );
    }
    let body = match read {
        Read::Text => Body::Text(res.text().await.map_err(&failed)?),
        Read::Bytes => Body::Bytes(res.binary().await.map_err(&failed)?),
    };
    drop(deadline);
    Ok(body)
}

/// Sends `out` to `base` with `token`; returns the body text of a success,
/// or the error for any other status ([`ApiError::Aborted`] once cancelled,
/// a network error after [`REQUEST_TIMEOUT`]).
pub async fn request(base: &str, token: &str, out: Outgoing<'_>) -> Result<String, ApiError> {
    let url = format!("{base}{}", out.path);
    match exchange(&url, Some(token), out, Read::Text).await? {
        Body::Text(text) => Ok(text),
        Body::Bytes(_) => Err(ApiError::Decode("The answer was not text.".into())),
    }
}
