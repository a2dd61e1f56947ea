//! The HTTP client: base URL, bearer credentials, JSON in and out, problem
//! details. It knows nothing of the session: the app hands it a
//! [`Credentials`] that supplies the bearer token and hears of refusals.

mod deadline;

use super::error::ApiError;
use crate::model::retry::{backoff_ms, READ_RETRIES};
use deadline::Deadline;
use gloo_net::http::{Method, RequestBuilder};
use send_wrapper::SendWrapper;
use serde::de::DeserializeOwned;
use serde::Serialize;
use std::future::Future;
use std::pin::Pin;
use std::sync::Arc;
use std::time::Duration;
use web_sys::AbortSignal;

/// Where the client gets its bearer token, and whom it tells when the API refuses it.
pub trait Credentials: Send + Sync {
    /// The bearer token, if any (not tracked).
    fn bearer(&self) -> Option<String>;
    /// The API refused the token (401).
    fn refused(&self);
    /// A write succeeded (what others show of the data may be stale).
    fn wrote(&self);
    /// Changes on every sign-in and whenever the data may have changed
    /// elsewhere; reading it in a resource makes it load again afterwards.
    fn generation(&self) -> u64;
}

/// Whom the client tells how the API is doing, and who makes a read wait
/// for a busy API.
pub trait Availability: Send + Sync {
    /// Waits `ms` before a read tries again (the user sees it and may
    /// cancel; `abort` ends it too); resolves to whether to try again.
    fn wait(&self, ms: u64, abort: Option<AbortSignal>) -> Pin<Box<dyn Future<Output = bool>>>;
    /// A write was refused as busy: writes wait until `retry_at_ms` (Unix
    /// milliseconds), or a short while when the API did not say.
    fn hold_writes(&self, retry_at_ms: Option<i64>);
    /// Whether a request reached the API (any answer) or not (no answer).
    fn reached(&self, reached: bool);
}

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
enum Read {
    Text,
    Bytes,
}

/// A successful answer's body.
enum Body {
    Text(String),
    Bytes(Vec<u8>),
}

/// Sends `out` to `url`, with the bearer header when there is a `token`
/// (never `Bearer ` with nothing after it); reads a success as `read` says,
/// within the same deadline as the request.
async fn exchange(url: &str, token: Option<&str>, out: Outgoing<'_>, read: Read) -> Result<Body, ApiError> {
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

/// Decodes a JSON body into `T`.
pub fn decode<T: DeserializeOwned>(text: &str) -> Result<T, ApiError> {
    serde_json::from_str(text).map_err(|e| ApiError::Decode(format!("The response could not be read: {e}")))
}

fn encode<B: Serialize>(body: &B) -> Result<String, ApiError> {
    serde_json::to_string(body).map_err(|e| ApiError::Request(e.to_string()))
}

/// `scheme://host[:port]` of an absolute URL.
pub fn origin_of(url: &str) -> Option<&str> {
    let (scheme, rest) = url.split_once("://")?;
    if !(scheme.eq_ignore_ascii_case("https") || scheme.eq_ignore_ascii_case("http")) {
        return None;
    }
    let host_len = rest.find(['/', '?', '#']).unwrap_or(rest.len());
    let host = rest.get(..host_len).filter(|h| !h.is_empty() && !h.contains('@'))?;
    url.get(..scheme.len() + 3 + host.len())
}

/// The URL of an asset the API names by path (a token's or account's `icon`).
/// Relative paths are relative to the API's `/public` root, as the
/// platform's own clients resolve them (`/v1/accounts/…/icon`).
pub fn asset_url(base: &str, path: &str) -> String {
    let p = path.trim();
    if origin_of(p).is_some() || p.starts_with("data:image/") {
        p.to_string()
    } else if p.starts_with("/public/") {
        format!("{base}{p}")
    } else {
        format!("{base}/public/{}", p.trim_start_matches('/'))
    }
}

/// The API as the signed-in user, shared through context.
#[derive(Clone)]
pub struct ApiClient {
    base: Arc<str>,
    credentials: Arc<dyn Credentials>,
    availability: Option<Arc<dyn Availability>>,
    abort: Option<SendWrapper<AbortSignal>>,
}

impl ApiClient {
    /// A client of the API at `base` (no trailing slash).
    pub fn new(base: &str, credentials: Arc<dyn Credentials>) -> ApiClient {
        ApiClient {
            base: base.into(),
            credentials,
            availability: None,
            abort: None,
        }
    }

    /// The same client, telling `availability` how the API is doing and
    /// waiting with it when the API is busy: reads try again (a few times),
    /// writes are held. Without it, a busy answer is an error and no more.
    pub fn telling(self, availability: Arc<dyn Availability>) -> ApiClient {
        ApiClient {
            availability: Some(availability),
            ..self
        }
    }

    /// The same client, its requests cancelled when `signal` is aborted.
    pub fn cancelled_by(&self, signal: AbortSignal) -> ApiClient {
        ApiClient {
            abort: Some(SendWrapper::new(signal)),
            ..self.clone()
        }
    }

    /// The API base URL.
    pub fn base_url(&self) -> &str {
        &self.base
    }

    /// The URL of an asset the API names by path.
    pub fn asset_url(&self, path: &str) -> String {
        asset_url(&self.base, path)
    }

    /// Whether `url` is on the API's own origin, the only one the bearer token goes to.
    pub fn is_api_origin(&self, url: &str) -> bool {
        origin_of(url).is_some_and(|o| Some(o) == origin_of(&self.base))
    }

    /// Reading this in a resource makes it load again after a new sign-in.
    pub fn generation(&self) -> u64 {
        self.credentials.generation()
    }

    /// An API request of this client: its token, its cancellation, the API's deadline.
    fn outgoing<'a>(&'a self, method: Method, path: &'a str, body: Option<String>) -> Outgoing<'a> {
        Outgoing {
            method,
            path,
            body,
            abort: self.abort.as_deref(),
            timeout: REQUEST_TIMEOUT,
        }
    }

    /// Tells the credentials when the API refused them.
    fn heard<T>(&self, result: Result<T, ApiError>) -> Result<T, ApiError> {
        if let Err(ApiError::Unauthorized(_)) = &result {
            self.credentials.refused();
        }
        result
    }

    async fn call(&self, method: Method, path: &str, body: Option<String>) -> Result<String, ApiError> {
        let token = self.credentials.bearer().unwrap_or_default();
        let write = method != Method::GET;
        let result = request(&self.base, &token, self.outgoing(method, path, body)).await;
        if write && result.is_ok() {
            self.credentials.wrote();
        }
        if let Some(a) = &self.availability {
            match &result {
                Err(ApiError::Network(_)) => a.reached(false),
                Err(ApiError::Aborted) => {}
                Err(ApiError::Busy { retry_at_ms, .. }) => {
                    a.reached(true);
                    if write {
                        a.hold_writes(*retry_at_ms);
                    }
                }
                _ => a.reached(true),
            }
        }
        self.heard(result)
    }

    /// `GET path`, decoded. A busy API is waited for, as long as it asks
    /// (else a growing, jittered pause), and asked again, at most
    /// [`READ_RETRIES`] times; the wait shows and can be cancelled.
    pub async fn get<T: DeserializeOwned>(&self, path: &str) -> Result<T, ApiError> {
        let mut attempt = 0;
        loop {
            let answer = self.call(Method::GET, path, None).await;
            let (Err(busy @ ApiError::Busy { .. }), Some(availability)) = (&answer, &self.availability) else {
                return decode(&answer?);
            };
            if attempt >= READ_RETRIES {
                return Err(busy.clone());
            }
            let wait = busy
                .wait_ms(js_sys::Date::now() as i64)
                .unwrap_or_else(|| backoff_ms(attempt, js_sys::Math::random()));
            if !availability.wait(wait, self.abort.as_deref().cloned()).await {
                return Err(busy.clone());
            }
            attempt += 1;
        }
    }

    /// A request with a JSON body, its answer decoded.
    pub async fn send<T: DeserializeOwned, B: Serialize>(
        &self,
        method: Method,
        path: &str,
        body: &B,
    ) -> Result<T, ApiError> {
        decode(&self.call(method, path, Some(encode(body)?)).await?)
    }

    /// A request without a body whose answer is not read (`DELETE`, enable, disable).
    pub async fn act(&self, method: Method, path: &str) -> Result<(), ApiError> {
        self.call(method, path, None).await.map(drop)
    }

    /// Fetches an asset as a Blob, with the same deadline and cancellation as
    /// an API call; the bearer header goes with it only when it is on the
    /// API's own origin (for logos whose path needs it).
    pub async fn fetch_asset(&self, path: &str) -> Result<web_sys::Blob, ApiError> {
        let url = self.asset_url(path);
        let own = self.is_api_origin(&url);
        let token = own.then(|| self.credentials.bearer()).flatten();
        let answer = exchange(
            &url,
            token.as_deref(),
            self.outgoing(Method::GET, path, None),
            Read::Bytes,
        )
        .await;
        // Only the API's own refusal says anything about the session.
        let answer = if own { self.heard(answer) } else { answer };
        let bytes = match answer? {
            Body::Bytes(bytes) => bytes,
            Body::Text(text) => text.into_bytes(),
        };
        let array = js_sys::Array::of1(&js_sys::Uint8Array::from(bytes.as_slice()));
        web_sys::Blob::new_with_u8_array_sequence(&array)
            .map_err(|_| ApiError::Decode("The image could not be read.".into()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn icon_paths_resolve_against_the_public_root() {
        let base = "https://api.platform.softwareone.com";
        assert_eq!(
            asset_url(base, "/v1/accounts/api-tokens/TKN-1/icon"),
            "https://api.platform.softwareone.com/public/v1/accounts/api-tokens/TKN-1/icon"
        );
        assert_eq!(
            asset_url(base, "/public/v1/catalog/products/PRD-1/icon"),
            "https://api.platform.softwareone.com/public/v1/catalog/products/PRD-1/icon"
        );
        assert_eq!(
            asset_url(base, "static/x.png"),
            "https://api.platform.softwareone.com/public/static/x.png"
        );
        assert_eq!(
            asset_url(base, "https://cdn.example/x.png"),
            "https://cdn.example/x.png"
        );
        assert_eq!(
            asset_url(base, "data:image/png;base64,AA=="),
            "data:image/png;base64,AA=="
        );
        // Not an absolute URL of a web scheme: a path on the API.
        assert_eq!(
            asset_url(base, "javascript:alert(1)"),
            "https://api.platform.softwareone.com/public/javascript:alert(1)"
        );
    }

    #[test]
    fn origins_are_compared_exactly() {
        assert_eq!(
            origin_of("https://api.example:8443/public/x"),
            Some("https://api.example:8443")
        );
        assert_eq!(origin_of("http://127.0.0.1:8080"), Some("http://127.0.0.1:8080"));
        assert_eq!(
            origin_of("https://api.example.evil.test/x"),
            Some("https://api.example.evil.test")
        );
        assert_eq!(origin_of("https://user@api.example/x"), None);
        assert_eq!(origin_of("/v1/x"), None);
        assert_eq!(origin_of("ftp://x/y"), None);
    }
}
