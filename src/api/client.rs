//! The HTTP client: base URL, bearer credentials, JSON in and out, problem
//! details. It knows nothing of the session: the app hands it a
//! [`Credentials`] that supplies the bearer token and hears of refusals.

mod deadline;
mod exchange;
mod urls;

use super::error::ApiError;
use super::json::FromJson;
use crate::model::json::{parse, write, Value};
use crate::model::retry::{backoff_ms, READ_RETRIES};
use exchange::{exchange, Body, Read};
pub use exchange::{request, Outgoing, REQUEST_TIMEOUT};
use gloo_net::http::Method;
use send_wrapper::SendWrapper;
use std::future::Future;
use std::pin::Pin;
use std::sync::Arc;
pub use urls::{asset_url, origin_of};
use web_sys::AbortSignal;

/// Where the client gets its bearer token, and whom it tells when the API refuses it.
pub trait Credentials: Send + Sync {
    /// The bearer token, if any (not tracked).
    fn bearer(&self) -> Option<String>;
    /// The API refused the token (401).
    fn refused(&self);
    /// A write succeeded (what others show of the data may be stale).
    fn wrote(&self);
    /// Changes on every sign-in; reading it in a resource makes it load
    /// again afterwards.
    fn generation(&self) -> u64;
    /// Tracks the data changing elsewhere (another tab's writes, the
    /// connection coming back): called in a resource, it loads again then.
    fn track_changes(&self);
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

/// Decodes a JSON body into `T`.
pub fn decode<T: FromJson>(text: &str) -> Result<T, ApiError> {
    let value = parse(text).map_err(|e| ApiError::Decode(format!("The response could not be read: {e}")))?;
    T::from_json(&value).ok_or_else(|| ApiError::Decode("The response could not be read: not an object".into()))
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

    /// Called in a resource, makes it load again when the data may have
    /// changed elsewhere.
    pub fn track_changes(&self) {
        self.credentials.track_changes()
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

    // Boxed, so that every call site shares one copy of the exchange.
    fn call<'a>(
        &'a self,
        method: Method,
        path: &'a str,
        body: Option<String>,
    ) -> Pin<Box<dyn Future<Output = Result<String, ApiError>> + 'a>> {
        Box::pin(async move {
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
        })
    }

    /// `GET path`, decoded. A busy API is waited for, as long as it asks
    /// (else a growing, jittered pause), and asked again, at most
    /// [`READ_RETRIES`] times; the wait shows and can be cancelled.
    pub async fn get<T: FromJson>(&self, path: &str) -> Result<T, ApiError> {
        decode(&self.read(path).await?)
    }

    // Boxed, so the request and its retries are compiled once, not once per
    // answer type.
    fn read<'a>(&'a self, path: &'a str) -> Pin<Box<dyn Future<Output = Result<String, ApiError>> + 'a>> {
        Box::pin(async move {
            let mut attempt = 0;
            loop {
                let answer = self.call(Method::GET, path, None).await;
                let (Err(busy @ ApiError::Busy { .. }), Some(availability)) = (&answer, &self.availability) else {
                    return answer;
                };
                if attempt >= READ_RETRIES {
                    return Err(busy.clone());
                }
                let wait = busy
                    .wait_ms(js_sys::Date::now() as i64)
                    .unwrap_or_else(|| backoff_ms(attempt, js_sys::Math::random()));
                if !availability.wait(wait, self.abort.as_deref().cloned()).await {
                    // Cancelled by its owner (the view's inputs changed): as any
                    // cancelled request, so the view keeps what it showed.
                    let cancelled = self.abort.as_deref().is_some_and(AbortSignal::aborted);
                    return Err(if cancelled { ApiError::Aborted } else { busy.clone() });
                }
                attempt += 1;
            }
        })
    }

    /// A request with a JSON body, its answer decoded.
    pub async fn send<T: FromJson>(&self, method: Method, path: &str, body: &Value) -> Result<T, ApiError> {
        decode(&self.call(method, path, Some(write(body))).await?)
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
