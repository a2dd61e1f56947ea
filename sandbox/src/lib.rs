//! A local stand-in for the SoftwareOne Marketplace API: the API tokens,
//! modules, accounts and audit records operations of the published contract,
//! behaving as the platform's documentation, its RQL parser and its own
//! clients show it behaves; over SQLite, with several accounts; plus static
//! serving of the built console.
//!
//! Three layers: `domain` (pure rules), `store` (all SQL, scoped to the
//! caller, its own errors), `http` (thin axum handlers, problem details).

pub mod domain;
pub mod http;
pub mod store;

use axum::http::{header, HeaderValue, Method};
use axum::routing::any;
use axum::Router;
use http::AppState;
use std::net::SocketAddr;
use std::path::PathBuf;
use std::sync::Arc;
use store::seed::Credentials;
use tower_http::cors::{AllowOrigin, CorsLayer};

/// How the sandbox is started.
#[derive(Debug, Clone, clap::Parser)]
#[command(name = "sandbox", about = "Local Marketplace API sandbox for the API tokens console")]
pub struct Config {
    /// Address to listen on (port 0 picks a free one).
    #[arg(long, default_value = "127.0.0.1:8080")]
    pub listen: SocketAddr,
    /// SQLite database file; created and seeded when missing.
    #[arg(long, default_value = ".sandbox/sandbox.db")]
    pub db: PathBuf,
    /// Folder of the built console to serve (trunk's dist).
    #[arg(long, default_value = "dist")]
    pub dist: PathBuf,
    /// Origins allowed by CORS, e.g. http://127.0.0.1:8081 for `trunk serve` (repeat or comma-separate).
    #[arg(long = "cors-origin", env = "SANDBOX_CORS_ORIGINS", value_delimiter = ',')]
    pub cors_origins: Vec<String>,
    /// Serve token logos only to authenticated requests (as some deployments do).
    #[arg(long)]
    pub private_icons: bool,
    /// Refuse logos sent as data URLs with a 400 at `icon` (as a platform that takes only icon paths would).
    #[arg(long)]
    pub no_data_url_icons: bool,
    /// Fault mode for a share of API requests, e.g. `rate=0.3,kinds=slow+error+drop+malformed,latency=1500,seed=7`
    /// (see the `faults` module).
    #[arg(long, env = "SANDBOX_FAULTS")]
    pub faults: Option<String>,
    /// Generated tokens to add to Stark Industries when the database is created (for large-list figures).
    #[arg(long, default_value_t = 0)]
    pub bulk_tokens: usize,
    /// The admin token's value (the Operations account's API token); kept from the database when not set.
    #[arg(long, env = "SANDBOX_ADMIN_TOKEN", hide_env_values = true)]
    pub admin_token: Option<String>,
}

fn cors(origins: &[String]) -> CorsLayer {
    let origins: Vec<HeaderValue> = origins
        .iter()
        .map(|o| o.trim())
        .filter(|o| !o.is_empty())
        .filter_map(|o| HeaderValue::from_str(o).ok())
        .collect();
    CorsLayer::new()
        .allow_origin(AllowOrigin::list(origins))
        .allow_methods([Method::GET, Method::POST, Method::PUT, Method::DELETE])
        .allow_headers([header::AUTHORIZATION, header::CONTENT_TYPE])
        // Not a CORS-safelisted response header: without this a console on
        // another origin could not read how long to wait.
        .expose_headers([header::RETRY_AFTER])
        .max_age(std::time::Duration::from_secs(600))
}

/// The whole application: API, logos, console (served by `dist/headers.json`'s rules).
pub fn app(state: AppState, config: &Config) -> Result<Router, String> {
    let hosting = Arc::new(http::hosting::Hosting::load(&config.dist)?);
    if let Some(spec) = config.faults.as_deref().filter(|s| !s.trim().is_empty()) {
        let faults = http::faults::Faults::parse(spec)?;
        tracing::info!(?faults, "fault mode on");
        state.faults.set(Some(faults));
    }
    let api = http::api(config.private_icons)
        .layer(axum::middleware::from_fn_with_state(
            state.faults.clone(),
            http::faults::inject,
        ))
        .layer(axum::middleware::from_fn_with_state(
            state.clone(),
            http::inspect::record,
        ));
    // A console build with a same-origin proxy: its host forwards the API's
    // paths elsewhere, so this sandbox serves the console only.
    let api_paths = match hosting.proxy.clone() {
        Some((path, to)) => {
            tracing::info!(path, to, "forwarding API requests");
            let forward = any(http::proxy::forward).with_state(http::proxy::Upstream::new(&to));
            Router::new().route(&format!("{path}{{*rest}}"), forward)
        }
        None => api
            .route("/public/{*rest}", any(http::unknown_endpoint))
            .layer(axum::middleware::from_fn(http::api_headers)),
    };
    Ok(Router::new()
        .merge(api_paths)
        .merge(http::inspect::router())
        .merge(http::console::router(Some((&config.dist, hosting))))
        .layer(axum::middleware::from_fn(http::log))
        .layer(cors(&config.cors_origins))
        .with_state(state))
}

/// A started sandbox.
pub struct Running {
    /// Where it listens.
    pub addr: SocketAddr,
    /// What to sign in with.
    pub credentials: Credentials,
    pub task: tokio::task::JoinHandle<std::io::Result<()>>,
    /// The same application, to call in-process (`tower::ServiceExt::oneshot`).
    pub app: Router,
}

/// Opens the database (seeding it when empty), binds, and serves in the background.
pub async fn start(config: Config) -> Result<Running, Box<dyn std::error::Error + Send + Sync>> {
    let db = store::Db::open(&config.db)?;
    if store::seed::seed_if_empty(&db)? && config.bulk_tokens > 0 {
        store::seed::add_bulk_tokens(&db, config.bulk_tokens)?;
    }
    let admin = config.admin_token.as_deref().map(str::trim).filter(|t| !t.is_empty());
    let credentials = store::seed::credentials(&db, admin)?;
    let state = AppState {
        db,
        refuse_data_url_icons: config.no_data_url_icons,
        csp_reports: Default::default(),
        faults: http::faults::Injector::new(None),
        requests: Default::default(),
    };
    let router = app(state, &config)?;
    let service = router.clone().into_make_service_with_connect_info::<SocketAddr>();
    let listener = tokio::net::TcpListener::bind(config.listen).await?;
    let addr = listener.local_addr()?;
    let task = tokio::spawn(async move { axum::serve(listener, service).await });
    Ok(Running {
        addr,
        credentials,
        task,
        app: router,
    })
}
