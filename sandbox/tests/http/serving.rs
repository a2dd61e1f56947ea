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
