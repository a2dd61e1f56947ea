//! The release build served for real: Debian's nginx and Caddy with the
//! configurations the build generates (`nginx.conf`, `Caddyfile`), and the
//! sandbox's own static serving, each held to one table, the build's
//! `_headers`: the headers of every answer, deep links, a real 404 for a
//! missing asset, precompressed files; then the console signs in and lists
//! tokens under each, by CORS and through the generated proxy, with the CSP
//! and no console error (the browser's guard).

use crate::support::{deployed_release, free_port, Browser, Sandbox};
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

/// A static server we started, stopped when dropped.
struct Served {
    url: String,
    child: Child,
    _dir: tempfile::TempDir,
}

impl Drop for Served {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

#[derive(Clone, Copy, Debug)]
enum Server {
    Nginx,
    Caddy,
}

/// Waits until something listens on `port`, or fails naming `what`.
fn wait_for_port(port: u16, what: &str, child: &mut Child) {
    let deadline = Instant::now() + Duration::from_secs(20);
    while std::net::TcpStream::connect(("127.0.0.1", port)).is_err() {
        if let Ok(Some(status)) = child.try_wait() {
            panic!("{what} exited at start: {status}");
        }
        assert!(Instant::now() < deadline, "{what} did not listen on {port}");
        std::thread::sleep(Duration::from_millis(50));
    }
}

impl Server {
    /// Starts this server on loopback `port`, serving `dist` with the
    /// configuration the build wrote into it, included as the README says.
    fn serve(self, dist: &Path, port: u16) -> Served {
        let dir = tempfile::tempdir().expect("temporary folder");
        let t = dir.path();
        let mut cmd = match self {
            Server::Nginx => {
                let conf = format!(
                    "load_module /usr/lib/nginx/modules/ngx_http_brotli_static_module.so;\n\
                     daemon off;\nmaster_process off;\npid {t}/nginx.pid;\nerror_log stderr;\n\
                     events {{}}\n\
                     http {{\n  include /etc/nginx/mime.types;\n  default_type application/octet-stream;\n\
                       access_log off;\n  client_body_temp_path {t}/body;\n  proxy_temp_path {t}/proxy;\n\
                       fastcgi_temp_path {t}/fastcgi;\n  uwsgi_temp_path {t}/uwsgi;\n  scgi_temp_path {t}/scgi;\n\
                       server {{\n    listen 127.0.0.1:{port};\n    root {d};\n    include {d}/nginx.conf;\n  }}\n}}\n",
                    t = t.display(),
                    d = dist.display(),
                );
                std::fs::write(t.join("nginx.conf"), conf).expect("nginx.conf");
                let mut c = Command::new(if Path::new("/usr/sbin/nginx").is_file() {
                    "/usr/sbin/nginx"
                } else {
                    "nginx"
                });
                c.arg("-p")
                    .arg(t)
                    .arg("-c")
                    .arg(t.join("nginx.conf"))
                    .args(["-e", "stderr"]);
                c
            }
            Server::Caddy => {
                let conf = format!(
                    "{{\n\tadmin off\n\tauto_https off\n}}\n\
                     http://127.0.0.1:{port} {{\n\tbind 127.0.0.1\n\troot * {d}\n\timport {d}/Caddyfile\n}}\n",
                    d = dist.display(),
                );
                std::fs::write(t.join("Caddyfile"), conf).expect("Caddyfile");
                let mut c = Command::new("caddy");
                c.args(["run", "--adapter", "caddyfile", "--config"])
                    .arg(t.join("Caddyfile"))
                    .env("HOME", t)
                    .env("XDG_CONFIG_HOME", t)
                    .env("XDG_DATA_HOME", t)
                    .stderr(Stdio::null());
                c
            }
        };
        let what = format!("{self:?}");
        let mut child = cmd
            .stdout(Stdio::null())
            .spawn()
            .unwrap_or_else(|e| panic!("{what} (installed by scripts/setup.sh --browser): {e}"));
        wait_for_port(port, &what, &mut child);
        Served {
            url: format!("http://127.0.0.1:{port}"),
            child,
            _dir: dir,
        }
    }
}

/// `_headers`: every rule's path and headers, in order.
fn header_rules(dist: &Path) -> Vec<(String, Vec<(String, String)>)> {
    let text = std::fs::read_to_string(dist.join("_headers")).expect("_headers");
    let mut rules: Vec<(String, Vec<(String, String)>)> = Vec::new();
    for line in text.lines().filter(|l| !l.trim().is_empty()) {
        match line.strip_prefix("  ").and_then(|l| l.split_once(": ")) {
            Some((name, value)) => {
                if let Some((_, headers)) = rules.last_mut() {
                    headers.push((name.to_ascii_lowercase(), value.to_string()));
                }
            }
            None => rules.push((line.to_string(), Vec::new())),
        }
    }
    rules
}

/// What `_headers` says `path` gets: every matching rule, later ones winning.
fn expected(rules: &[(String, Vec<(String, String)>)], path: &str) -> Vec<(String, String)> {
    let mut out: Vec<(String, String)> = Vec::new();
    for (pattern, headers) in rules {
        let hit = match pattern.strip_suffix('*') {
            Some(prefix) => path.starts_with(prefix),
            None => path == pattern,
        };
        for (name, value) in headers.iter().filter(|_| hit) {
            out.retain(|(n, _)| n != name);
            out.push((name.clone(), value.clone()));
        }
    }
    out
}

async fn get(url: &str, accept_encoding: Option<&str>) -> reqwest::Response {
    let client = reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .expect("client");
    let mut req = client.get(url);
    if let Some(enc) = accept_encoding {
        req = req.header("accept-encoding", enc);
    }
    req.send().await.unwrap_or_else(|e| panic!("GET {url}: {e}"))
}

fn header(res: &reqwest::Response, name: &str) -> String {
    res.headers()
        .get(name)
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default()
        .to_string()
}

/// The sandbox adds a `report-uri` of its own to the CSP, so tests see violations.
fn same_value(name: &str, got: &str, want: &str) -> bool {
    got == want || (name == "content-security-policy" && got.starts_with(&format!("{want}; report-uri ")))
}

fn assert_headers(res: &reqwest::Response, want: &[(String, String)], what: &str) {
    for (name, value) in want {
        let got = header(res, name);
        assert!(
            same_value(name, &got, value),
            "{what}: {name} is {got:?}, _headers says {value:?}"
        );
    }
}

/// The names of the files at the top of `dist`.
fn file_names(dist: &Path) -> Vec<String> {
    std::fs::read_dir(dist)
        .expect("dist")
        .filter_map(Result::ok)
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect()
}

/// One table for every server: `base` serving the release build `dist`.
async fn hold_to_the_table(server: &str, base: &str, dist: &Path) {
    let rules = header_rules(dist);
    let public = rules
        .first()
        .map(|(p, _)| p.trim_end_matches('*').to_string())
        .expect("a first rule for everything");
    let mut paths: Vec<String> = [
        "",
        "index.html",
        "config.json",
        "api-tokens",
        "api-tokens/TKN-0000-0000-0001/audit",
    ]
    .iter()
    .map(|p| format!("{public}{p}"))
    .collect();
    // Every file the rules cache for good.
    let exact: Vec<String> = rules
        .iter()
        .map(|(p, _)| p.clone())
        .filter(|p| !p.ends_with('*') && !paths.contains(p))
        .collect();
    paths.extend(exact);
    for path in &paths {
        let res = get(&format!("{base}{path}"), None).await;
        let what = format!("{server} {path}");
        assert_eq!(res.status(), 200, "{what}");
        assert_headers(&res, &expected(&rules, path), &what);
    }

    // A deep link is the app.
    let page = get(&format!("{base}{public}api-tokens/TKN-0000-0000-0001/audit"), None).await;
    assert!(
        page.text().await.expect("body").contains("tokens-console-base"),
        "{server}: deep link"
    );

    // A missing asset is a 404 with the security headers, never the page, and is not cached for good.
    let missing = format!("{public}tokens-console-00000000deadbeef_bg.wasm");
    let res = get(&format!("{base}{missing}"), None).await;
    assert_eq!(res.status(), 404, "{server}: {missing}");
    let security: Vec<_> = expected(&rules, &format!("{public}x"));
    assert_headers(&res, &security, &format!("{server} {missing}"));
    assert!(
        !header(&res, "cache-control").contains("immutable"),
        "{server}: {missing}"
    );

    // Precompressed copies: brotli for the main wasm, gzip for the glue.
    let wasm = file_names(dist)
        .into_iter()
        .find(|n| n.starts_with("tokens-console-") && n.ends_with("_bg.wasm"))
        .expect("the main wasm");
    let res = get(&format!("{base}{public}{wasm}"), Some("br")).await;
    assert_eq!(res.status(), 200);
    assert_eq!(header(&res, "content-encoding"), "br", "{server}: {wasm}");
    assert_eq!(header(&res, "content-type"), "application/wasm", "{server}: {wasm}");
    let body = res.bytes().await.expect("body");
    let br = std::fs::read(dist.join(format!("{wasm}.br"))).expect(".br copy");
    assert!(body.as_ref() == br.as_slice(), "{server}: the .br file itself");
    let glue = file_names(dist)
        .into_iter()
        .find(|n| n.ends_with(".js") && dist.join(format!("{n}.gz")).is_file())
        .expect("a script with a .gz copy");
    let res = get(&format!("{base}{public}{glue}"), Some("gzip")).await;
    assert_eq!(header(&res, "content-encoding"), "gzip", "{server}: {glue}");
    assert!(header(&res, "content-type").contains("javascript"), "{server}: {glue}");
}

/// Signs in on the console at `base` and sees the API's rows.
async fn signs_in_and_lists(base: &str, api: &Sandbox) {
    let b = Browser::start().await;
    b.sign_in_at(base, "/api-tokens", &api.token).await;
    b.expect_rows(api, "order=-audit.created.at,name&select=audit&limit=10")
        .await;
}

#[tokio::test]
async fn nginx_caddy_and_the_sandbox_serve_the_release_build_as_its_headers_file_says() {
    let api = Sandbox::start();
    let config = format!(r#"{{"apiBaseUrl": "{}"}}"#, api.url);
    for public_url in ["/", "/console/"] {
        let dist = deployed_release(public_url, &config);
        for server in [Server::Nginx, Server::Caddy] {
            let served = server.serve(dist.path(), free_port());
            hold_to_the_table(&format!("{server:?} at {public_url}"), &served.url, dist.path()).await;
        }
        let sandbox = Sandbox::start_serving(dist.path());
        hold_to_the_table(&format!("the sandbox at {public_url}"), &sandbox.url, dist.path()).await;
    }
}

#[tokio::test]
async fn the_console_works_under_nginx_and_caddy_by_cors_and_through_their_proxy() {
    let upstream = Sandbox::start();
    let proxied = deployed_release("/", &format!(r#"{{"apiBaseUrl": "", "apiProxy": "{}"}}"#, upstream.url));
    for server in [Server::Nginx, Server::Caddy] {
        // The API on another origin that allows the console's by CORS.
        let port = free_port();
        let api = Sandbox::start_with(&["--cors-origin", &format!("http://127.0.0.1:{port}")]);
        let dist = deployed_release("/", &format!(r#"{{"apiBaseUrl": "{}"}}"#, api.url));
        let served = server.serve(dist.path(), port);
        signs_in_and_lists(&served.url, &api).await;
        // The API behind the server's generated proxy.
        let served = server.serve(proxied.path(), free_port());
        signs_in_and_lists(&served.url, &upstream).await;
    }
}
