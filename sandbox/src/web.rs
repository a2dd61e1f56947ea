//! Non-API content: stored logos and the built console with SPA fallback.

use crate::hosting::Hosting;
use crate::problem::Problem;
use crate::AppState;
use axum::extract::{Path, State};
use axum::http::{header, HeaderValue, StatusCode};
use axum::response::{Html, IntoResponse, Redirect, Response};
use axum::routing::get;
use axum::Router;
use std::path::Path as FsPath;
use std::sync::Arc;
use tower_http::services::{ServeDir, ServeFile};

/// `GET /static/icons/{name}`: a stored logo. Public like a CDN asset: the name
/// is unguessable, and `<img>` cannot send a bearer header.
async fn icon(State(state): State<AppState>, Path(name): Path<String>) -> Result<Response, Problem> {
    let lookup = name.clone();
    let found = state
        .db
        .run(move |conn| {
            Ok(crate::store::optional(conn.query_row(
                "SELECT content_type, data FROM icons WHERE name = ?",
                [lookup],
                |r| Ok((r.get::<_, String>(0)?, r.get::<_, Vec<u8>>(1)?)),
            ))?)
        })
        .await?;
    let (content_type, data) = found.ok_or_else(|| Problem::not_found("Icon", &name))?;
    let mut res = (StatusCode::OK, data).into_response();
    let h = res.headers_mut();
    h.insert(
        header::CONTENT_TYPE,
        HeaderValue::from_str(&content_type).map_err(Problem::internal)?,
    );
    h.insert(header::X_CONTENT_TYPE_OPTIONS, HeaderValue::from_static("nosniff"));
    h.insert(
        header::CONTENT_SECURITY_POLICY,
        HeaderValue::from_static("default-src 'none'; sandbox"),
    );
    h.insert(
        header::CACHE_CONTROL,
        HeaderValue::from_static("public, max-age=31536000, immutable"),
    );
    Ok(res)
}

async fn not_built() -> Html<&'static str> {
    Html(
        "<!doctype html><title>API tokens console</title><p>The console has not been built. \
         Run <code>scripts/run.sh</code>, which builds it and starts this sandbox.</p>",
    )
}

/// Routes for logos, plus the console from `dist` under its public URL, with
/// the headers of its hosting rules; paths under the public URL that are not
/// files get `index.html`. With `private` state, logos need a bearer token like the API.
pub fn router(dist: Option<(&FsPath, Arc<Hosting>)>, private: Option<AppState>) -> Router<AppState> {
    let mut icons = Router::new().route(&format!("{}{{name}}", crate::icon::ICON_PATH), get(icon));
    if let Some(state) = private {
        icons = icons.route_layer(axum::middleware::from_fn_with_state(state, crate::auth::require));
    }
    let router = icons;
    match dist.filter(|(d, _)| d.join("index.html").is_file()) {
        Some((dir, hosting)) => {
            let index = ServeFile::new(dir.join("index.html"))
                .precompressed_br()
                .precompressed_gzip();
            let files = ServeDir::new(dir)
                .precompressed_br()
                .precompressed_gzip()
                .append_index_html_on_directories(true)
                .fallback(index);
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
            router.layer(axum::middleware::from_fn_with_state(hosting, crate::hosting::apply))
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
