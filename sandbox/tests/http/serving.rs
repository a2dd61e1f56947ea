use crate::support::*;

#[tokio::test]
async fn the_console_is_served_with_spa_fallback_and_api_paths_stay_api() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir_all(dir.path().join("dist")).unwrap();
    std::fs::write(
        dir.path().join("dist/index.html"),
        "<!doctype html><title>console</title>",
    )
    .unwrap();
    std::fs::write(dir.path().join("dist/app.js"), "console.log(1)").unwrap();
    let api = Api::start_in(dir).await;
    assert!(api.dist().join("index.html").is_file());
    for path in ["/", "/api-tokens", "/api-tokens/TKN-1234-5678/general"] {
        let res = api.http.get(format!("{}{path}", api.base)).send().await.unwrap();
        assert_eq!(res.status(), 200, "{path}");
        assert!(res.text().await.unwrap().contains("<title>console</title>"), "{path}");
    }
    let js = api.http.get(format!("{}/app.js", api.base)).send().await.unwrap();
    assert_eq!(js.text().await.unwrap(), "console.log(1)");
    let res = api
        .http
        .get(format!("{}/public/v1/unknown", api.base))
        .bearer_auth(ADMIN)
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 404);
    assert_eq!(res.headers()["content-type"], "application/problem+json");
}

#[tokio::test]
async fn cors_allows_only_configured_origins() {
    let api = Api::start().await;
    let preflight = |origin: &'static str| {
        api.http
            .request(reqwest::Method::OPTIONS, format!("{}{TOKENS}", api.base))
            .header("Origin", origin)
            .header("Access-Control-Request-Method", "PUT")
            .header("Access-Control-Request-Headers", "authorization,content-type")
            .send()
    };
    let ok = preflight("http://127.0.0.1:8081").await.unwrap();
    assert_eq!(ok.headers()["access-control-allow-origin"], "http://127.0.0.1:8081");
    let other = preflight("https://evil.example").await.unwrap();
    assert!(other.headers().get("access-control-allow-origin").is_none());
}

#[tokio::test]
async fn the_console_is_served_under_its_public_url_with_its_hosting_headers() {
    let dir = tempfile::tempdir().unwrap();
    let dist = dir.path().join("dist");
    std::fs::create_dir_all(&dist).unwrap();
    std::fs::write(dist.join("index.html"), "<!doctype html><title>console</title>").unwrap();
    std::fs::write(dist.join("app-0123456789abcdef.js"), "console.log(1)").unwrap();
    std::fs::write(
        dist.join("headers.json"),
        r#"{"publicUrl": "/console/", "rules": [
            {"path": "/console/*", "headers": {"Content-Security-Policy": "default-src 'none'"}},
            {"path": "/console/api-tokens/*", "headers": {"Cache-Control": "no-cache"}},
            {"path": "/console/app-0123456789abcdef.js", "headers": {"Cache-Control": "immutable"}}
        ]}"#,
    )
    .unwrap();
    let api = Api::start_in(dir).await;
    let get = |path: &'static str| {
        let url = format!("{}{path}", api.base);
        let http = api.http.clone();
        async move { http.get(url).send().await.unwrap() }
    };

    let page = get("/console/api-tokens/TKN-1/general").await;
    assert_eq!(page.status(), 200);
    // The build's policy, plus where this sandbox collects violation reports.
    assert_eq!(
        page.headers()["content-security-policy"],
        "default-src 'none'; report-uri /__sandbox/csp-reports"
    );
    assert_eq!(page.headers()["cache-control"], "no-cache");
    assert!(page.text().await.unwrap().contains("<title>console</title>"));

    let js = get("/console/app-0123456789abcdef.js").await;
    assert_eq!(js.headers()["cache-control"], "immutable");
    assert_eq!(js.text().await.unwrap(), "console.log(1)");

    // Outside the public URL: not the console; the API is unaffected.
    assert_eq!(get("/elsewhere").await.status(), 404);
    let root = reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .unwrap()
        .get(format!("{}/", api.base))
        .send()
        .await
        .unwrap();
    assert_eq!(root.status(), 307);
    assert_eq!(root.headers()["location"], "/console/");
    let (status, _) = api.get("/public/v1/accounts/accounts").await;
    assert_eq!(status, 200);
}

#[tokio::test]
async fn a_console_host_with_an_api_proxy_forwards_the_api_paths_elsewhere() {
    let upstream = Api::start().await;
    let dir = tempfile::tempdir().unwrap();
    let dist = dir.path().join("dist");
    std::fs::create_dir_all(&dist).unwrap();
    std::fs::write(dist.join("index.html"), "<!doctype html><title>console</title>").unwrap();
    std::fs::write(
        dist.join("headers.json"),
        format!(
            r#"{{"publicUrl": "/", "rules": [], "proxy": {{"path": "/public/", "to": "{}"}}}}"#,
            upstream.base
        ),
    )
    .unwrap();
    let host = Api::start_in(dir).await;
    // The host's own credentials mean nothing there; the upstream's do.
    let (s, list) = host.as_token(&upstream.token).get(&format!("{TOKENS}?limit=0")).await;
    assert_eq!((s.as_u16(), total(&list)), (200, STARK_TOKENS));
    let (s, created) = host
        .as_token(&upstream.token)
        .call(
            reqwest::Method::POST,
            TOKENS,
            Some(serde_json::json!({"name": "Through the proxy"})),
        )
        .await;
    assert_eq!(s, 201);
    let (s, _) = upstream
        .get(&format!("{TOKENS}/{}", created["id"].as_str().unwrap()))
        .await;
    assert_eq!(s, 200, "it was made upstream");
    let (s, b) = host.get(TOKENS).await;
    assert_problem(s, &b, 401);
    // The console itself is still the host's.
    let page = host.http.get(format!("{}/api-tokens", host.base)).send().await.unwrap();
    assert!(page.text().await.unwrap().contains("<title>console</title>"));
}

#[tokio::test]
async fn csp_violation_reports_are_collected_for_tests_to_read() {
    let api = Api::start().await;
    let url = format!("{}/__sandbox/csp-reports", api.base);
    let report = r#"{"csp-report":{"violated-directive":"script-src-elem","blocked-uri":"inline"}}"#;
    let res = api
        .http
        .post(&url)
        .header("content-type", "application/csp-report")
        .body(report)
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 204);
    let reports: Vec<String> = api.http.get(&url).send().await.unwrap().json().await.unwrap();
    assert_eq!(reports, [report]);
}
