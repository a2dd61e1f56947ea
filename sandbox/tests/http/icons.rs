use crate::support::*;
use base64::Engine;
use serde_json::json;

const PNG: &[u8] = &[
    0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D, 0x49, 0x48, 0x44, 0x52, 0x00, 0x00, 0x00,
    0x01, 0x00, 0x00, 0x00, 0x01, 0x08, 0x06, 0x00, 0x00, 0x00, 0x1F, 0x15, 0xC4, 0x89, 0x00, 0x00, 0x00, 0x0D, 0x49,
    0x44, 0x41, 0x54, 0x78, 0x9C, 0x63, 0x60, 0x60, 0x60, 0xF8, 0x0F, 0x00, 0x01, 0x04, 0x01, 0x00, 0x5F, 0xE5, 0xC3,
    0x4B, 0x00, 0x00, 0x00, 0x00, 0x49, 0x45, 0x4E, 0x44, 0xAE, 0x42, 0x60, 0x82,
];

fn data_url(mime: &str, bytes: &[u8]) -> String {
    format!(
        "data:{mime};base64,{}",
        base64::engine::general_purpose::STANDARD.encode(bytes)
    )
}

/// Where a token's `icon` path is served: under the API's `/public` root.
fn icon_url(api: &Api, token: &serde_json::Value) -> String {
    format!("{}/public{}", api.base, token["icon"].as_str().unwrap())
}

#[tokio::test]
async fn a_logo_is_stored_and_served_with_safe_headers() {
    let api = Api::start().await;
    let t = api
        .create(json!({"name": "With logo", "icon": data_url("image/png", PNG)}))
        .await;
    let icon = t["icon"].as_str().unwrap();
    // The platform's form: a path relative to the API's /public root.
    assert_eq!(
        icon,
        format!("/v1/accounts/api-tokens/{}/icon", t["id"].as_str().unwrap())
    );
    // No bearer header: <img> cannot send one.
    let res = api.http.get(icon_url(&api, &t)).send().await.unwrap();
    assert_eq!(res.status(), 200);
    assert_eq!(res.headers()["cache-control"], "public, no-cache");
    let etag = res.headers()["etag"].to_str().unwrap().to_string();
    assert_eq!(res.headers()["content-type"], "image/png");
    assert_eq!(res.headers()["x-content-type-options"], "nosniff");
    assert!(res.headers()["content-security-policy"]
        .to_str()
        .unwrap()
        .contains("sandbox"));
    assert_eq!(res.bytes().await.unwrap().as_ref(), PNG);
    let res = api
        .http
        .get(icon_url(&api, &t))
        .header("If-None-Match", &etag)
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 304);

    let jpeg = api
        .create(json!({"name": "Jpeg", "icon": data_url("image/jpeg", &[0xFF, 0xD8, 0xFF, 0xE0, 1, 2])}))
        .await;
    let res = api.http.get(icon_url(&api, &jpeg)).send().await.unwrap();
    assert_eq!(res.headers()["content-type"], "image/jpeg");
    // A token without a logo has none to serve; "" means no logo.
    let plain = api.create(json!({"name": "No logo", "icon": ""})).await;
    assert!(plain["icon"].is_null());
    let path = format!("/v1/accounts/api-tokens/{}/icon", plain["id"].as_str().unwrap());
    let res = api.http.get(format!("{}/public{path}", api.base)).send().await.unwrap();
    assert_eq!(res.status(), 404);
}

#[tokio::test]
async fn logos_that_are_not_png_or_jpeg_by_content_are_refused() {
    let api = Api::start().await;
    for icon in [
        data_url("image/png", b"<svg xmlns='http://www.w3.org/2000/svg'/>"),
        data_url("image/gif", b"GIF89a\x01\x00"),
        data_url("image/svg+xml", b"<svg/>"),
        data_url("image/png", b"just text renamed"),
        data_url("image/png", &[]),
        "https://example.com/logo.png".to_string(),
        "/v1/accounts/api-tokens/TKN-1111-1111/icon".to_string(),
    ] {
        let (s, b) = api.post(TOKENS, json!({"name": "Bad logo", "icon": icon})).await;
        assert_problem(s, &b, 400);
        assert!(b["errors"]["icon"].is_array(), "{b}");
    }
    let mut big = PNG.to_vec();
    big.resize(5 * 1024 * 1024 + 1, 0);
    let (s, b) = api
        .post(TOKENS, json!({"name": "Huge", "icon": data_url("image/png", &big)}))
        .await;
    assert_problem(s, &b, 400);
    assert!(b["errors"]["icon"][0].as_str().unwrap().contains("5 MB"));
}

#[tokio::test]
async fn update_keeps_replaces_or_removes_the_logo() {
    let api = Api::start().await;
    let t = api
        .create(json!({"name": "Logo", "icon": data_url("image/png", PNG)}))
        .await;
    let path = format!("{TOKENS}/{}", t["id"].as_str().unwrap());
    let url = icon_url(&api, &t);
    let old = t["icon"].as_str().unwrap().to_string();

    // Sending the current path back (or the URL it resolves to) keeps the logo.
    let (_, same) = api.put(&path, json!({"name": "Logo 2", "icon": old})).await;
    assert_eq!(same["icon"], old.as_str());
    let (s, same) = api.put(&path, json!({"icon": url})).await;
    assert_eq!((s.as_u16(), &same["icon"]), (200, &json!(old)));
    // Another token's path is not this one's logo.
    let (s, b) = api
        .put(&path, json!({"icon": "/v1/accounts/api-tokens/TKN-1111-1111/icon"}))
        .await;
    assert_problem(s, &b, 400);

    let jpeg = [0xFF, 0xD8, 0xFF, 0];
    let (_, replaced) = api.put(&path, json!({"icon": data_url("image/jpeg", &jpeg)})).await;
    assert_eq!(replaced["icon"], old.as_str(), "the path stays; the image changes");
    let res = api.http.get(&url).send().await.unwrap();
    assert_eq!(res.headers()["content-type"], "image/jpeg");
    assert_eq!(res.bytes().await.unwrap().as_ref(), jpeg);

    // The official client's update body sends "" for no logo.
    let (_, removed) = api.put(&path, json!({"icon": ""})).await;
    assert!(removed["icon"].is_null());
    assert_eq!(api.http.get(&url).send().await.unwrap().status(), 404);
}

#[tokio::test]
async fn private_icons_need_the_bearer_header() {
    let dir = tempfile::tempdir().unwrap();
    let mut config = crate::support::config(&dir);
    config.private_icons = true;
    let running = sandbox::start(config).await.unwrap();
    let base = format!("http://{}", running.addr);
    let stark = running.credentials.account.clone();
    let http = reqwest::Client::new();
    let t: serde_json::Value = http
        .post(format!("{base}{TOKENS}"))
        .bearer_auth(&stark)
        .json(&json!({"name": "Private logo", "icon": data_url("image/png", PNG)}))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    let url = format!("{base}/public{}", t["icon"].as_str().unwrap());
    assert_eq!(http.get(&url).send().await.unwrap().status(), 401);
    let res = http.get(&url).bearer_auth(&stark).send().await.unwrap();
    assert_eq!(res.status(), 200);
    assert_eq!(res.headers()["cache-control"], "private, no-cache");
    assert_eq!(res.headers()["vary"], "Authorization");
    assert_eq!(res.bytes().await.unwrap().as_ref(), PNG);
    // Another account's credentials do not see it.
    let acme = http
        .post(format!("{base}{TOKENS}"))
        .bearer_auth(ADMIN)
        .json(&json!({"name": "Acme reader", "account": {"id": "ACC-0002-0001"}, "modules": [{"id": "MOD-1401"}]}))
        .send()
        .await
        .unwrap()
        .json::<serde_json::Value>()
        .await
        .unwrap();
    let acme_token = acme["token"].as_str().unwrap();
    assert_eq!(
        http.get(&url).bearer_auth(acme_token).send().await.unwrap().status(),
        404
    );
    running.task.abort();
}

#[tokio::test]
async fn a_platform_that_takes_only_icon_paths_refuses_data_urls_at_the_field() {
    let api = Api::start_configured(tempfile::tempdir().unwrap(), |c| c.no_data_url_icons = true).await;
    let (s, b) = api
        .post(TOKENS, json!({"name": "Logo", "icon": data_url("image/png", PNG)}))
        .await;
    assert_problem(s, &b, 400);
    assert!(b["errors"]["icon"][0].as_str().unwrap().contains("data URL"), "{b}");
    let t = api.create(json!({"name": "No logo", "icon": ""})).await;
    let (s, b) = api
        .put(
            &format!("{TOKENS}/{}", t["id"].as_str().unwrap()),
            json!({"icon": data_url("image/png", PNG)}),
        )
        .await;
    assert_problem(s, &b, 400);
}
