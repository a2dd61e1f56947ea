//! The same-origin API proxy a build can ask its host for (`apiProxy` in
//! `config.json`, written to `_redirects` and `headers.json`): requests under
//! a path are forwarded, headers and body as they are, to another origin.
//! The sandbox plays such a host in the e2e tests; it forwards to `http://`
//! origins only.

use axum::body::Body;
use axum::extract::{Request, State};
use axum::http::{header, HeaderName, Uri};
use axum::response::{IntoResponse, Response};
use hyper_util::client::legacy::connect::HttpConnector;
use hyper_util::client::legacy::Client;
use hyper_util::rt::TokioExecutor;
use std::sync::Arc;

use super::problem::Problem;

/// Where forwarded requests go.
pub struct Upstream {
    origin: String,
    client: Client<HttpConnector, Body>,
}

impl Upstream {
    /// Forwarding to `origin` (`http://host:port`).
    pub fn new(origin: &str) -> Arc<Upstream> {
        Arc::new(Upstream {
            origin: origin.trim_end_matches('/').to_string(),
            client: Client::builder(TokioExecutor::new()).build_http(),
        })
    }
}

/// Headers that belong to one connection, not to the message.
const HOP_BY_HOP: [HeaderName; 5] = [
    header::CONNECTION,
    header::HOST,
    header::TRANSFER_ENCODING,
    header::UPGRADE,
    header::TE,
];

/// Forwards the request to the upstream and its answer back.
pub async fn forward(State(up): State<Arc<Upstream>>, mut req: Request) -> Response {
    let target = format!(
        "{}{}",
        up.origin,
        req.uri().path_and_query().map(|p| p.as_str()).unwrap_or("/")
    );
    let Ok(uri) = target.parse::<Uri>() else {
        return Problem::bad_request("The request's path cannot be forwarded.").into_response();
    };
    *req.uri_mut() = uri;
    for h in &HOP_BY_HOP {
        req.headers_mut().remove(h);
    }
    match up.client.request(req).await {
        Ok(res) => {
            let (mut parts, body) = res.into_parts();
            for h in &HOP_BY_HOP {
                parts.headers.remove(h);
            }
            Response::from_parts(parts, Body::new(body))
        }
        Err(e) => Problem::new(
            axum::http::StatusCode::BAD_GATEWAY,
            "Bad Gateway",
            format!("The API behind this proxy could not be reached: {e}"),
        )
        .into_response(),
    }
}
