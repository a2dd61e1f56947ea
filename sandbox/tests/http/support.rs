//! A sandbox per test with a fresh database. API calls go to the application
//! in-process (`tower::ServiceExt::oneshot`); it also listens on an ephemeral
//! port for the tests that need a real socket (serving, CORS, clients).

use reqwest::{Method, StatusCode};
use serde_json::Value;
use std::path::PathBuf;

/// The admin token's value in tests: the Operations account's token, which sees every account.
pub const ADMIN: &str = "test-admin-token";

pub struct Api {
    pub base: String,
    pub http: reqwest::Client,
    /// Stark Industries' token: what most tests act with.
    pub token: String,
    /// A user access token of Sarah Sanderson (Stark Industries and Wayne Enterprises).
    pub user: String,
    pub dir: tempfile::TempDir,
    task: tokio::task::JoinHandle<std::io::Result<()>>,
    app: axum::Router,
}

pub fn config(dir: &tempfile::TempDir) -> sandbox::Config {
    sandbox::Config {
        listen: "127.0.0.1:0".parse().unwrap(),
        db: dir.path().join("sandbox.db"),
        dist: dir.path().join("dist"),
        cors_origins: vec!["http://127.0.0.1:8081".into()],
        admin_token: Some(ADMIN.into()),
        private_icons: false,
        no_data_url_icons: false,
        faults: None,
        bulk_tokens: 0,
    }
}

impl Api {
    pub async fn start() -> Api {
        Self::start_in(tempfile::tempdir().unwrap()).await
    }

    pub async fn start_in(dir: tempfile::TempDir) -> Api {
        Self::start_configured(dir, |_| {}).await
    }

    /// Starts with the test configuration as `adjust` changes it.
    pub async fn start_configured(dir: tempfile::TempDir, adjust: impl FnOnce(&mut sandbox::Config)) -> Api {
        let mut config = config(&dir);
        adjust(&mut config);
        let running = sandbox::start(config).await.expect("sandbox starts");
        Api {
            base: format!("http://{}", running.addr),
            http: reqwest::Client::new(),
            token: running.credentials.account.clone(),
            user: running.credentials.user.clone(),
            dir,
            task: running.task,
            app: running.app,
        }
    }

    /// Stops the server and hands back its folder (database included).
    pub async fn stop(self) -> tempfile::TempDir {
        self.task.abort();
        let _ = self.task.await;
        self.dir
    }

    pub fn dist(&self) -> PathBuf {
        self.dir.path().join("dist")
    }

    /// The same server, authenticating with another bearer token.
    pub fn as_token(&self, token: &str) -> Caller<'_> {
        Caller {
            api: self,
            token: token.to_string(),
        }
    }

    pub async fn call(&self, method: Method, path: &str, body: Option<Value>) -> (StatusCode, Value) {
        self.as_token(&self.token).call(method, path, body).await
    }

    pub async fn get(&self, path: &str) -> (StatusCode, Value) {
        self.call(Method::GET, path, None).await
    }

    pub async fn post(&self, path: &str, body: Value) -> (StatusCode, Value) {
        self.call(Method::POST, path, Some(body)).await
    }

    pub async fn put(&self, path: &str, body: Value) -> (StatusCode, Value) {
        self.call(Method::PUT, path, Some(body)).await
    }

    /// Lists tokens with a raw query string; asserts 200.
    pub async fn list(&self, query: &str) -> Value {
        let (status, body) = self.get(&format!("/public/v1/accounts/api-tokens?{query}")).await;
        assert_eq!(status, 200, "{query}: {body}");
        body
    }

    /// A new token of the vendor account Acme Software (made by the Operations token).
    pub async fn vendor_token(&self) -> String {
        let (s, t) = self
            .as_token(ADMIN)
            .call(
                Method::POST,
                TOKENS,
                Some(serde_json::json!({"name": "Acme vendor", "account": {"id": "ACC-0002-0001"}})),
            )
            .await;
        assert_eq!(s, 201, "{t}");
        t["token"].as_str().expect("token").to_string()
    }

    /// Lists audit records with a raw query string; asserts 200.
    pub async fn list_records(&self, query: &str) -> Value {
        let (status, body) = self.get(&format!("/public/v1/audit/records?{query}")).await;
        assert_eq!(status, 200, "{query}: {body}");
        body
    }

    /// Creates a token; asserts 201.
    pub async fn create(&self, body: Value) -> Value {
        let (status, token) = self.post("/public/v1/accounts/api-tokens", body).await;
        assert_eq!(status, 201, "{token}");
        token
    }
}

pub struct Caller<'a> {
    api: &'a Api,
    token: String,
}

impl Caller<'_> {
    pub async fn call(&self, method: Method, path: &str, body: Option<Value>) -> (StatusCode, Value) {
        use tower::ServiceExt;
        let mut req = axum::http::Request::builder()
            .method(method)
            .uri(path)
            .header("authorization", format!("Bearer {}", self.token));
        let body = match body {
            Some(b) => {
                req = req.header("content-type", "application/json");
                axum::body::Body::from(b.to_string())
            }
            None => axum::body::Body::empty(),
        };
        let res = self
            .api
            .app
            .clone()
            .oneshot(req.body(body).expect("request"))
            .await
            .expect("infallible");
        let status = res.status();
        let bytes = axum::body::to_bytes(res.into_body(), usize::MAX)
            .await
            .unwrap_or_default();
        (status, serde_json::from_slice(&bytes).unwrap_or(Value::Null))
    }

    pub async fn get(&self, path: &str) -> (StatusCode, Value) {
        self.call(Method::GET, path, None).await
    }

    pub async fn post(&self, path: &str, body: Value) -> (StatusCode, Value) {
        self.call(Method::POST, path, Some(body)).await
    }

    /// Lists audit records with a raw query string; asserts 200.
    pub async fn list_records(&self, query: &str) -> Value {
        let (status, body) = self.get(&format!("/public/v1/audit/records?{query}")).await;
        assert_eq!(status, 200, "{query}: {body}");
        body
    }
}

/// The names of a list's rows.
pub fn names(list: &Value) -> Vec<String> {
    rows(list)
        .iter()
        .map(|t| t["name"].as_str().unwrap().to_string())
        .collect()
}

pub fn rows(list: &Value) -> &Vec<Value> {
    list["data"].as_array().expect("data array")
}

pub fn total(list: &Value) -> i64 {
    list["$meta"]["pagination"]["total"].as_i64().expect("total")
}

/// Asserts an RFC 7807 body with the given status.
pub fn assert_problem(status: StatusCode, body: &Value, want: u16) {
    assert_eq!(status.as_u16(), want, "{body}");
    assert_eq!(body["status"], want, "{body}");
    assert!(
        body["title"].is_string() && body["detail"].is_string() && body["type"].is_string(),
        "{body}"
    );
    assert!(body["traceId"].is_string(), "{body}");
}

pub const TOKENS: &str = "/public/v1/accounts/api-tokens";
/// The account most tests act in.
pub const STARK: &str = "ACC-0001-0002";
/// Stark Industries' "Sandbox console" token, which `Api::token` is the value of.
pub const CONSOLE_TOKEN: &str = "TKN-0001-0001";
/// Stark Industries' tokens in the seed: thirty, plus the console's.
pub const STARK_TOKENS: i64 = 31;
