//! The built console with SPA fallback, served as its hosting rules say.

use super::hosting::Hosting;
use super::AppState;
use axum::body::Body;
use axum::extract::{Request, State};
use axum::http::StatusCode;
use axum::response::{Html, IntoResponse, Redirect};
use axum::routing::get;
use axum::Router;
use std::convert::Infallible;
use std::path::Path as FsPath;
use std::sync::Arc;
use tower::ServiceExt;
use tower_http::services::{ServeDir, ServeFile};

async fn not_built() -> Html<&'static str> {
    Html(
        "<!doctype html><title>API tokens console</title><p>The console has not been built. \
         Run <code>scripts/run.sh</code>, which builds it and starts this sandbox.</p>",
    )
}

/// Stores a CSP violation report a page sent.
async fn receive_report(State(state): State<AppState>, body: axum::body::Bytes) -> StatusCode {
    let report = String::from_utf8_lossy(&body).into_owned();
    tracing::warn!(report, "CSP violation");
    if let Ok(mut reports) = state.csp_reports.lock() {
        reports.push(report);
    }
    StatusCode::NO_CONTENT
}

/// The CSP violation reports received so far (for tests).
async fn list_reports(State(state): State<AppState>) -> axum::Json<Vec<String>> {
    axum::Json(state.csp_reports.lock().map(|r| r.clone()).unwrap_or_default())
}

/// The console from `dist` under its public URL, with the headers of its
/// hosting rules; paths under the public URL that are not files get `index.html`.
pub fn router(dist: Option<(&FsPath, Arc<Hosting>)>) -> Router<AppState> {
    let router = Router::new().route(
        super::hosting::CSP_REPORTS,
        axum::routing::post(receive_report).get(list_reports),
    );
    match dist.filter(|(d, _)| d.join("index.html").is_file()) {
        Some((dir, hosting)) => {
            let index = ServeFile::new(dir.join("index.html"))
                .precompressed_br()
                .precompressed_gzip();
            // A path that is not a file: the page, for the app's routes; but a
            // missing asset (a removed chunk) is a 404, as the hosting rules say.
            let rules = hosting.clone();
            let fallback = tower::service_fn(move |req: Request| {
                let (index, asset) = (index.clone(), rules.is_asset(req.uri().path()));
                async move {
                    Ok::<_, Infallible>(match asset {
                        true => not_found().await.into_response(),
                        false => index.oneshot(req).await?.map(Body::new),
                    })
                }
            });
            let files = ServeDir::new(dir)
                .precompressed_br()
                .precompressed_gzip()
                .append_index_html_on_directories(true)
                .fallback(fallback);
            let router = match hosting.public_url.trim_end_matches('/') {
                "" => router.fallback_service(files),
                base => {
                    let home = hosting.public_url.clone();
                    router
                        .nest_service(base, files)
                        .route("/", get(move || async move { Redirect::temporary(&home) }))
                        .fallback(not_found)
                }
            };
            router.layer(axum::middleware::from_fn_with_state(hosting, super::hosting::apply))
        }
        None => router.fallback(not_built),
    }
}

async fn not_found() -> (StatusCode, Html<&'static str>) {
    (
        StatusCode::NOT_FOUND,
        Html("<!doctype html><title>Not found</title><p>Nothing here.</p>"),
    )
}
