//! A local stand-in for the SoftwareOne Marketplace API: the API tokens,
//! modules, accounts and audit records operations of the published contract,
//! over SQLite, plus static serving of the built console.

pub mod api;
pub mod auth;
pub mod body;
pub mod clock;
pub mod db;
pub mod faults;
pub mod hosting;
pub mod icon;
pub mod ids;
pub mod list;
pub mod problem;
pub mod seed;
pub mod sql;
pub mod store;
pub mod validate;
pub mod web;

use axum::http::{header, HeaderValue, Method};
use axum::routing::any;
use axum::Router;
use std::net::SocketAddr;
use std::path::PathBuf;
use std::sync::Arc;
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
    /// Fault mode for a share of API requests, e.g. `rate=0.3,kinds=slow+error+drop+malformed,latency=1500,seed=7`
    /// (see the `faults` module).
    #[arg(long, env = "SANDBOX_FAULTS")]
    pub faults: Option<String>,
    /// Generated tokens to add when the database is created (for large-list figures).
    #[arg(long, default_value_t = 0)]
    pub bulk_tokens: usize,
    /// Admin bearer token; generated at start when not set.
    #[arg(long, env = "SANDBOX_ADMIN_TOKEN", hide_env_values = true)]
    pub admin_token: Option<String>,
}

/// The caller's account, as auth attaches it to every request.
#[derive(Debug, Clone)]
pub struct AccountInfo {
    /// `ACC-…`
    pub id: String,
    /// Name.
    pub name: String,
    /// Type (`Client`).
    pub kind: String,
}

/// Shared state of the handlers.
#[derive(Clone)]
pub struct AppState {
    /// Storage.
    pub db: db::Db,
    /// The admin bearer token.
    pub admin_token: Arc<str>,
    /// `(id, name)` the admin token acts as.
    pub admin_user: (String, String),
    /// The account every caller belongs to.
    pub account: AccountInfo,
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
        .max_age(std::time::Duration::from_secs(600))
}

/// The whole application: API, logos, console (served by `dist/headers.json`'s rules).
pub fn app(state: AppState, config: &Config) -> Result<Router, String> {
    let hosting = Arc::new(hosting::Hosting::load(&config.dist)?);
    let mut api = api::router(state.clone());
    if let Some(spec) = config.faults.as_deref().filter(|s| !s.trim().is_empty()) {
        let faults = faults::Faults::parse(spec)?;
        eprintln!("sandbox: fault mode on: {faults:?}");
        api = api.layer(axum::middleware::from_fn_with_state(
            faults::Injector::new(faults),
            faults::inject,
        ));
    }
    Ok(Router::new()
        .merge(api)
        .route("/public/{*rest}", any(api::unknown_endpoint))
        .merge(web::router(
            Some((&config.dist, hosting)),
            config.private_icons.then(|| state.clone()),
        ))
        .layer(cors(&config.cors_origins))
        .with_state(state))
}

/// A random admin token for a run that was given none.
pub fn generate_admin_token() -> String {
    let mut bytes = [0u8; 24];
    getrandom::fill(&mut bytes).expect("the operating system's random generator is unavailable");
    format!("sandbox-admin-{}", ids::hex(&bytes))
}

/// A started sandbox.
pub struct Running {
    /// Where it listens.
    pub addr: SocketAddr,
    /// The admin token in force.
    pub admin_token: String,
    /// The server task.
    pub task: tokio::task::JoinHandle<std::io::Result<()>>,
}

/// Opens the database (seeding it when empty), binds, and serves in the background.
pub async fn start(config: Config) -> Result<Running, Box<dyn std::error::Error + Send + Sync>> {
    let db = db::Db::open(&config.db)?;
    if seed::seed_if_empty(&db).map_err(|p| p.detail)? && config.bulk_tokens > 0 {
        seed::add_bulk_tokens(&db, config.bulk_tokens).map_err(|p| p.detail)?;
    }
    let admin_token = config
        .admin_token
        .clone()
        .filter(|t| !t.trim().is_empty())
        .unwrap_or_else(generate_admin_token);
    let state = AppState {
        db,
        admin_token: admin_token.clone().into(),
        admin_user: (seed::ADMIN_USER.0.into(), seed::ADMIN_USER.1.into()),
        account: AccountInfo {
            id: seed::ACCOUNT.0.into(),
            name: seed::ACCOUNT.1.into(),
            kind: seed::ACCOUNT.2.into(),
        },
    };
    let app = app(state, &config)?.into_make_service_with_connect_info::<SocketAddr>();
    let listener = tokio::net::TcpListener::bind(config.listen).await?;
    let addr = listener.local_addr()?;
    let task = tokio::spawn(async move { axum::serve(listener, app).await });
    Ok(Running {
        addr,
        admin_token,
        task,
    })
}
