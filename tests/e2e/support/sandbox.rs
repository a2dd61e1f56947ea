//! A sandbox process per test, and the API calls tests make as the admin.

use super::artifacts::artifacts;
use std::io::{BufRead, BufReader};
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::time::Duration;

/// A sandbox process with its own database, stopped when dropped.
pub struct Sandbox {
    child: Child,
    _dir: tempfile::TempDir,
    /// `http://127.0.0.1:PORT`
    pub url: String,
    /// Stark Industries' "Sandbox console" token: what the tests sign in and call the API with.
    pub token: String,
    /// The Operations account's token, which manages every account.
    pub ops_token: String,
    /// A user access token of a user of Stark Industries and Wayne Enterprises.
    pub user_token: String,
}

/// What the sandbox prints at start.
#[derive(Default)]
struct Printed {
    url: Option<String>,
    admin: Option<String>,
    account: Option<String>,
    user: Option<String>,
}

impl Sandbox {
    /// Starts a freshly seeded sandbox serving the built console.
    pub fn start() -> Sandbox {
        Self::start_serving(&artifacts().dist)
    }

    /// The built console's folder, for tests that serve a modified copy.
    pub fn built_dist() -> &'static Path {
        &artifacts().dist
    }

    /// Starts a freshly seeded sandbox with extra command-line flags.
    pub fn start_with(flags: &[&str]) -> Sandbox {
        Self::launch(&artifacts().dist, flags)
    }

    /// Starts a freshly seeded sandbox serving the console from `dist`.
    pub fn start_serving(dist: &Path) -> Sandbox {
        Self::launch(dist, &[])
    }

    /// Starts a freshly seeded sandbox on loopback `port`, serving `dist`, with extra flags.
    pub fn start_at(port: u16, dist: &Path, flags: &[&str]) -> Sandbox {
        Self::launch_at(&format!("127.0.0.1:{port}"), dist, flags)
    }

    fn launch(dist: &Path, flags: &[&str]) -> Sandbox {
        Self::launch_at("127.0.0.1:0", dist, flags)
    }

    fn launch_at(listen: &str, dist: &Path, flags: &[&str]) -> Sandbox {
        let a = artifacts();
        let dir = tempfile::tempdir().expect("a temporary folder");
        let mut child = Command::new(&a.sandbox)
            .arg("--listen")
            .arg(listen)
            .arg("--db")
            .arg(dir.path().join("sandbox.db"))
            .arg("--dist")
            .arg(dist)
            .args(flags)
            .env_remove("SANDBOX_ADMIN_TOKEN")
            .stdout(Stdio::piped())
            .stderr(Stdio::inherit())
            .spawn()
            .expect("the sandbox starts");
        let stdout = child.stdout.take().expect("piped stdout");
        // Keep draining its output for its whole life: a closed pipe would kill it.
        let (tx, rx) = std::sync::mpsc::channel();
        std::thread::spawn(move || {
            let mut printed = Printed::default();
            let mut sent = false;
            for line in BufReader::new(stdout).lines().map_while(Result::ok) {
                let value = |prefix: &str| line.strip_prefix(prefix).map(|v| v.trim().to_string());
                printed.url = printed.url.take().or(value("Sandbox listening on "));
                printed.admin = printed.admin.take().or(value("Admin token: "));
                printed.account = printed.account.take().or(value("Account token: "));
                printed.user = printed.user.take().or(value("User token: "));
                if !sent
                    && printed.url.is_some()
                    && printed.admin.is_some()
                    && printed.account.is_some()
                    && printed.user.is_some()
                {
                    sent = tx.send(std::mem::take(&mut printed)).is_ok();
                }
            }
        });
        let printed = rx
            .recv_timeout(Duration::from_secs(30))
            .expect("the sandbox printed its address and credentials");
        Sandbox {
            child,
            _dir: dir,
            url: printed.url.unwrap_or_default(),
            token: printed.account.unwrap_or_default(),
            ops_token: printed.admin.unwrap_or_default(),
            user_token: printed.user.unwrap_or_default(),
        }
    }
}

impl Drop for Sandbox {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

impl Sandbox {
    fn http(&self, method: reqwest::Method, path: &str, token: &str) -> reqwest::RequestBuilder {
        reqwest::Client::new()
            .request(method, format!("{}{path}", self.url))
            .bearer_auth(token)
    }

    /// `GET path` with the account token; the JSON body.
    pub async fn api_get(&self, path: &str) -> serde_json::Value {
        let res = self
            .http(reqwest::Method::GET, path, &self.token)
            .send()
            .await
            .expect("API request");
        assert!(res.status().is_success(), "GET {path}: {}", res.status());
        res.json().await.expect("JSON")
    }

    /// The status and JSON body of `GET path` with the account token.
    pub async fn api_status(&self, path: &str) -> (u16, serde_json::Value) {
        let res = self
            .http(reqwest::Method::GET, path, &self.token)
            .send()
            .await
            .expect("API request");
        let status = res.status().as_u16();
        (status, res.json().await.unwrap_or_default())
    }

    /// The ids the token list returns for an RQL query string.
    pub async fn api_ids(&self, query: &str) -> Vec<String> {
        let body = self.api_get(&format!("/public/v1/accounts/api-tokens?{query}")).await;
        body["data"]
            .as_array()
            .expect("data")
            .iter()
            .filter_map(|t| t["id"].as_str().map(str::to_string))
            .collect()
    }

    /// Creates a token as the admin: `(id, secret)`.
    pub async fn create_token(&self, name: &str) -> (String, String) {
        self.create_token_with(name, &["MOD-1255".to_string()]).await
    }

    /// Creates a token with the account token, granted `modules`; its id and value.
    pub async fn create_token_with(&self, name: &str, modules: &[String]) -> (String, String) {
        let modules: Vec<_> = modules.iter().map(|id| serde_json::json!({ "id": id })).collect();
        let res = self
            .http(reqwest::Method::POST, "/public/v1/accounts/api-tokens", &self.token)
            .json(&serde_json::json!({"name": name, "modules": modules}))
            .send()
            .await
            .expect("create");
        assert_eq!(res.status(), 201);
        let t: serde_json::Value = res.json().await.expect("JSON");
        (
            t["id"].as_str().expect("id").into(),
            t["token"].as_str().expect("token").into(),
        )
    }

    /// Runs `POST …/{id}/{verb}` (enable/disable) as the admin.
    pub async fn transition(&self, id: &str, verb: &str) {
        self.transition_as(&self.token, id, verb).await;
    }

    /// Runs `POST …/{id}/{verb}` (enable/disable) as the holder of `token`.
    pub async fn transition_as(&self, token: &str, id: &str, verb: &str) {
        let path = format!("/public/v1/accounts/api-tokens/{id}/{verb}");
        let res = self
            .http(reqwest::Method::POST, &path, token)
            .send()
            .await
            .expect("transition");
        assert!(res.status().is_success(), "{verb}: {}", res.status());
    }

    /// Switches the sandbox's fault mode (`--faults` text; empty: off).
    pub async fn faults(&self, spec: &str) {
        let res = reqwest::Client::new()
            .put(format!("{}/__sandbox/faults", self.url))
            .body(spec.to_string())
            .send()
            .await
            .expect("switch faults");
        assert_eq!(res.status(), 204, "faults {spec:?}");
    }

    /// The API requests the sandbox saw, oldest first: "METHOD /path status".
    pub async fn requests(&self) -> Vec<String> {
        reqwest::get(format!("{}/__sandbox/requests", self.url))
            .await
            .expect("request log")
            .json()
            .await
            .expect("JSON")
    }

    /// Saves `changes` to token `id` as the holder of `token` would
    /// (another administrator): `PUT` of the token with them applied.
    pub async fn edit_as(&self, token: &str, id: &str, changes: serde_json::Value) {
        let path = format!("/public/v1/accounts/api-tokens/{id}");
        let now = self.api_get(&path).await;
        let modules: Vec<_> = now["modules"]
            .as_array()
            .into_iter()
            .flatten()
            .map(|m| serde_json::json!({ "id": m["id"] }))
            .collect();
        let mut body = serde_json::json!({
            "name": now["name"],
            "description": now["description"],
            "modules": modules,
        });
        if let (Some(body), Some(changes)) = (body.as_object_mut(), changes.as_object()) {
            for (k, v) in changes {
                body.insert(k.clone(), v.clone());
            }
        }
        let res = self
            .http(reqwest::Method::PUT, &path, token)
            .json(&body)
            .send()
            .await
            .expect("edit");
        assert!(res.status().is_success(), "PUT {path}: {}", res.status());
    }

    /// The status an API call authenticated with `token` gets.
    pub async fn status_with(&self, token: &str) -> u16 {
        self.http(reqwest::Method::GET, "/public/v1/accounts/api-tokens?limit=0", token)
            .send()
            .await
            .expect("request")
            .status()
            .as_u16()
    }
}
