//! The HTTP client: base URL, bearer token, JSON in and out, problem details.

use super::error::{ApiError, Problem};
use crate::config::AppConfig;
use crate::session::{use_session, Session};
use gloo_net::http::{Method, RequestBuilder};
use leptos::prelude::*;
use serde::de::DeserializeOwned;
use std::sync::Arc;

/// Sends one request with `token`; returns the body text of a success, or
/// the problem for any other status.
pub async fn request(
    base: &str,
    token: &str,
    method: Method,
    path: &str,
    body: Option<&serde_json::Value>,
) -> Result<String, ApiError> {
    let builder = RequestBuilder::new(&format!("{base}{path}"))
        .method(method)
        .header("Authorization", &format!("Bearer {token}"))
        .header("Accept", "application/json");
    let req = match body {
        Some(b) => builder.header("Content-Type", "application/json").body(b.to_string()),
        None => builder.build(),
    }
    .map_err(|e| ApiError::Network(e.to_string()))?;
    let res = req.send().await.map_err(|e| ApiError::Network(e.to_string()))?;
    let status = res.status();
    let text = res.text().await.map_err(|e| ApiError::Network(e.to_string()))?;
    match status {
        200..=299 => Ok(text),
        401 => Err(ApiError::Unauthorized(Box::new(Problem::from_status(status, &text)))),
        _ => Err(ApiError::Problem(Box::new(Problem::from_status(status, &text)))),
    }
}

/// Decodes a JSON body into `T`.
pub fn decode<T: DeserializeOwned>(text: &str) -> Result<T, ApiError> {
    serde_json::from_str(text).map_err(|e| ApiError::Decode(format!("The response could not be read: {e}")))
}

/// The API as the signed-in user, shared through context.
#[derive(Clone)]
pub struct ApiClient {
    base: Arc<str>,
    session: Session,
}

impl ApiClient {
    /// The API base URL.
    pub fn base_url(&self) -> &str {
        &self.base
    }

    /// A URL for an asset the API names by path (a token's `icon`).
    pub fn asset_url(&self, path: &str) -> String {
        if path.starts_with("https://") || path.starts_with("http://") || path.starts_with("data:image/") {
            path.to_string()
        } else if path.starts_with('/') {
            format!("{}{path}", self.base)
        } else {
            format!("{}/{path}", self.base)
        }
    }

    /// Reading this in a resource makes it load again after a new sign-in.
    pub fn generation(&self) -> u64 {
        self.session.generation()
    }

    async fn call(&self, method: Method, path: &str, body: Option<&serde_json::Value>) -> Result<String, ApiError> {
        let token = self.session.token().unwrap_or_default();
        let result = request(&self.base, &token, method, path, body).await;
        if let Err(ApiError::Unauthorized(_)) = &result {
            self.session
                .expire("The API no longer accepts your token. Sign in again to continue where you were.");
        }
        result
    }

    /// `GET path`, decoded.
    pub async fn get<T: DeserializeOwned>(&self, path: &str) -> Result<T, ApiError> {
        decode(&self.call(Method::GET, path, None).await?)
    }

    /// A request with an optional JSON body, decoded.
    pub async fn send<T: DeserializeOwned>(
        &self,
        method: Method,
        path: &str,
        body: Option<&serde_json::Value>,
    ) -> Result<T, ApiError> {
        decode(&self.call(method, path, body).await?)
    }

    /// A request whose answer has no body to read (204).
    pub async fn send_no_content(&self, method: Method, path: &str) -> Result<(), ApiError> {
        self.call(method, path, None).await.map(|_| ())
    }
}

/// Provides the client for `config`; needs the session in context.
pub fn provide_api(config: &AppConfig) -> ApiClient {
    let client = ApiClient {
        base: config.api_base_url.as_str().into(),
        session: use_session(),
    };
    provide_context(client.clone());
    client
}

/// The client provided by [`provide_api`].
pub fn use_api() -> ApiClient {
    expect_context::<ApiClient>()
}

impl ApiClient {
    /// Fetches an asset the API names by path with the bearer header (for
    /// logos whose path needs it), as a Blob.
    pub async fn fetch_asset(&self, path: &str) -> Result<web_sys::Blob, ApiError> {
        let token = self.session.token().unwrap_or_default();
        let res = RequestBuilder::new(&self.asset_url(path))
            .header("Authorization", &format!("Bearer {token}"))
            .build()
            .map_err(|e| ApiError::Network(e.to_string()))?
            .send()
            .await
            .map_err(|e| ApiError::Network(e.to_string()))?;
        if !res.ok() {
            return Err(ApiError::Problem(Box::new(Problem::from_status(res.status(), ""))));
        }
        let bytes = res.binary().await.map_err(|e| ApiError::Network(e.to_string()))?;
        let array = js_sys::Array::of1(&js_sys::Uint8Array::from(bytes.as_slice()));
        web_sys::Blob::new_with_u8_array_sequence(&array)
            .map_err(|_| ApiError::Decode("The image could not be read.".into()))
    }
}
