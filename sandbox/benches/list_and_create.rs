//! Latency figures of the sandbox with 10,000 tokens: a filtered, sorted,
//! paged list request, and a create. Prints p50/p99; asserts nothing.
//!
//! `cargo bench -p sandbox --profile tool`

use std::time::{Duration, Instant};

const TOKENS: usize = 10_000;
const ROUNDS: usize = 200;
const LIST_QUERY: &str =
    "and(eq(status,Active),ilike(name,*token%200*))&select=audit&order=-audit.created.at,name&limit=25&offset=50";

fn percentile(sorted: &[Duration], p: f64) -> Duration {
    let idx = ((sorted.len() as f64 - 1.0) * p).round() as usize;
    sorted.get(idx).copied().unwrap_or_default()
}

fn report(what: &str, mut samples: Vec<Duration>) {
    samples.sort();
    let mean = samples.iter().sum::<Duration>() / samples.len().max(1) as u32;
    println!(
        "{what:<42} n={:<4} p50={:>8.2?} p99={:>8.2?} mean={:>8.2?} max={:>8.2?}",
        samples.len(),
        percentile(&samples, 0.50),
        percentile(&samples, 0.99),
        mean,
        samples.last().copied().unwrap_or_default()
    );
}

#[tokio::main]
async fn main() {
    let dir = tempfile::tempdir().expect("temporary folder");
    let db_path = dir.path().join("bench.db");
    let started = Instant::now();
    {
        let db = sandbox::store::Db::open(&db_path).expect("database");
        sandbox::store::seed::seed_if_empty(&db).expect("seed");
        sandbox::store::seed::add_bulk_tokens(&db, TOKENS).expect("bulk tokens");
    }
    println!("seeded {} tokens in {:.2?}", TOKENS + 31, started.elapsed());

    let running = sandbox::start(sandbox::Config {
        listen: "127.0.0.1:0".parse().expect("address"),
        db: db_path,
        dist: dir.path().join("no-dist"),
        cors_origins: Vec::new(),
        admin_token: None,
        private_icons: false,
        no_data_url_icons: false,
        faults: None,
        bulk_tokens: 0,
    })
    .await
    .expect("sandbox starts");
    // Stark Industries' token: lists are its 10,030 tokens, as the console sees them.
    let admin = running.credentials.account.clone();
    let base = format!("http://{}/public/v1/accounts/api-tokens", running.addr);
    let http = reqwest::Client::new();

    let mut list = Vec::with_capacity(ROUNDS);
    let mut total = 0;
    for _ in 0..ROUNDS {
        let t = Instant::now();
        let res = http
            .get(format!("{base}?{LIST_QUERY}"))
            .bearer_auth(&admin)
            .send()
            .await
            .expect("list");
        let body: serde_json::Value = res.json().await.expect("json");
        list.push(t.elapsed());
        total = body["$meta"]["pagination"]["total"].as_i64().unwrap_or(-1);
    }
    println!("list query: {LIST_QUERY} (matches {total} tokens)");
    report("GET list (filter + ilike + sort + page 25)", list);

    let mut create = Vec::with_capacity(ROUNDS);
    for i in 0..ROUNDS {
        let body =
            serde_json::json!({"name": format!("Bench {i}"), "modules": [{"id": "MOD-1255"}, {"id": "MOD-1310"}]});
        let t = Instant::now();
        let res = http
            .post(&base)
            .bearer_auth(&admin)
            .json(&body)
            .send()
            .await
            .expect("create");
        let _ = res.bytes().await;
        create.push(t.elapsed());
    }
    report("POST create (fsync per write)", create);
    running.task.abort();
}
