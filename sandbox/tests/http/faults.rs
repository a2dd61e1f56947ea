use crate::support::*;
use reqwest::Method;

async fn with_faults(spec: &str) -> Api {
    let spec = spec.to_string();
    Api::start_configured(tempfile::tempdir().unwrap(), move |c| c.faults = Some(spec)).await
}

#[tokio::test]
async fn error_faults_are_problems_and_change_nothing() {
    let api = with_faults("rate=1,kinds=error").await;
    let (status, body) = api
        .post("/public/v1/accounts/api-tokens", serde_json::json!({"name": "Faulty"}))
        .await;
    assert_eq!(status, 500);
    assert_eq!(body["status"], 500);
    let dir = api.stop().await;

    // The same database without faults: the token was never created.
    let api = Api::start_in(dir).await;
    let (status, body) = api.get("/public/v1/accounts/api-tokens?eq(name,Faulty)").await;
    assert_eq!(status, 200);
    assert_eq!(body["$meta"]["pagination"]["total"], 0, "{body}");
}

#[tokio::test]
async fn malformed_faults_cut_reads_and_spare_writes() {
    let api = with_faults("rate=1,kinds=malformed").await;
    let res = api
        .http
        .get(format!("{}/public/v1/accounts/accounts", api.base))
        .bearer_auth(ADMIN)
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 200);
    let text = res.text().await.unwrap();
    assert!(serde_json::from_str::<serde_json::Value>(&text).is_err(), "{text}");

    let (status, body) = api
        .post("/public/v1/accounts/api-tokens", serde_json::json!({"name": "Fine"}))
        .await;
    assert_eq!(status, 201, "{body}");
}

#[tokio::test]
async fn dropped_connections_fail_the_read_and_slow_ones_arrive() {
    let api = with_faults("rate=1,kinds=drop").await;
    let res = api
        .http
        .request(Method::GET, format!("{}/public/v1/accounts/accounts", api.base))
        .bearer_auth(ADMIN)
        .send()
        .await;
    let failed = match res {
        Err(_) => true,
        Ok(r) => r.bytes().await.is_err(),
    };
    assert!(failed, "a dropped connection reads as an error");

    let api = with_faults("rate=1,kinds=slow,latency=300").await;
    let started = std::time::Instant::now();
    let (status, _) = api.get("/public/v1/accounts/accounts").await;
    assert_eq!(status, 200);
    assert!(started.elapsed() >= std::time::Duration::from_millis(300));
}

#[tokio::test]
async fn busy_and_unavailable_say_when_to_come_back_and_the_log_and_switch_work() {
    let api = Api::start().await;
    let switch = |spec: &'static str| {
        let (http, base) = (api.http.clone(), api.base.clone());
        async move {
            let res = http
                .put(format!("{base}/__sandbox/faults"))
                .body(spec)
                .send()
                .await
                .unwrap();
            assert_eq!(res.status(), 204, "{spec}");
        }
    };
    switch("rate=1,kinds=busy,retry=7,count=1,on=writes").await;
    let (status, _) = api.get("/public/v1/accounts/accounts").await;
    assert_eq!(status, 200, "reads are spared");
    let res = api
        .http
        .post(format!("{}/public/v1/accounts/api-tokens", api.base))
        .bearer_auth(ADMIN)
        .json(&serde_json::json!({"name": "Busy"}))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 429);
    assert_eq!(res.headers()["retry-after"], "7");
    let body: serde_json::Value = res.json().await.unwrap();
    assert_eq!(body["status"], 429);
    let (status, _) = api
        .post("/public/v1/accounts/api-tokens", serde_json::json!({"name": "Busy"}))
        .await;
    assert_eq!(status, 201, "one fault, as counted");

    switch("rate=1,kinds=unavailable,retry=2").await;
    let (status, body) = api.get("/public/v1/accounts/accounts").await;
    assert_eq!((status.as_u16(), body["status"].as_u64()), (503, Some(503)));
    switch("").await;
    let (status, _) = api.get("/public/v1/accounts/accounts").await;
    assert_eq!(status, 200, "switched off");

    let log: Vec<String> = api
        .http
        .get(format!("{}/__sandbox/requests", api.base))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    let posts: Vec<_> = log
        .iter()
        .filter(|l| l.starts_with("POST /public/v1/accounts/api-tokens"))
        .collect();
    assert_eq!(
        posts,
        [
            "POST /public/v1/accounts/api-tokens 429",
            "POST /public/v1/accounts/api-tokens 201"
        ]
    );
    assert!(
        log.iter().all(|l| !l.contains('?') && !l.contains(ADMIN)),
        "no query strings or secrets: {log:?}"
    );
}
