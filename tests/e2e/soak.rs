//! A long session: list → details → every tab → back, many times over
//! (`SOAK_ROUNDS`, 25 here; `scripts/soak.sh` runs 300 on the release
//! build). After it, with garbage collected, the list page holds as many DOM
//! nodes and event listeners as before, and the JS heap has not grown by
//! 5 MB: views that are left are disposed, listeners removed.

use crate::support::{chunks_built, eventually, Browser, Sandbox};
use serde_json::json;

const ROUNDS_SCRIPT: &str = include_str!("../../tools/soak-rounds.js");

/// What the page holds after a garbage collection.
#[derive(Debug, Clone, Copy)]
struct Held {
    /// JS heap in use, bytes.
    heap: f64,
    /// The wasm module's linear memory, bytes (it only grows: a leak in
    /// Rust shows here, not in the JS heap).
    wasm: f64,
    nodes: u64,
    listeners: u64,
}

/// Keeps the wasm instance's memory where the test can read it (trunk's
/// loader announces the instance with this event).
const KEEP_WASM_MEMORY: &str =
    "addEventListener('TrunkApplicationStarted', e => { window.__wasmMemory = e.detail.wasm.memory; });";

async fn held(b: &Browser) -> Held {
    b.cdp("HeapProfiler.collectGarbage", json!({})).await;
    let heap = b.cdp("Runtime.getHeapUsage", json!({})).await;
    let dom = b.cdp("Memory.getDOMCounters", json!({})).await;
    let wasm = b
        .js("return window.__wasmMemory ? window.__wasmMemory.buffer.byteLength : null")
        .await;
    Held {
        heap: heap["usedSize"].as_f64().unwrap_or_default(),
        wasm: wasm.as_f64().expect("the wasm memory was kept"),
        nodes: dom["nodes"].as_u64().unwrap_or_default(),
        listeners: dom["jsEventListeners"].as_u64().unwrap_or_default(),
    }
}

async fn rounds(b: &Browser, n: u64) {
    let script = format!("{ROUNDS_SCRIPT}\nconst done = arguments[1]; soakRounds(arguments[0]).then(done, e => done('ERROR: ' + e.message));");
    let mut left = n;
    // In batches, each well inside WebDriver's 60 s script timeout.
    while left > 0 {
        let batch = left.min(20);
        let got = b
            .client
            .execute_async(&script, vec![json!(batch)])
            .await
            .expect("rounds");
        assert_eq!(got, json!(batch), "{got}");
        left -= batch;
    }
}

#[tokio::test]
async fn a_long_session_leaves_no_nodes_listeners_or_heap_behind() {
    let n: u64 = std::env::var("SOAK_ROUNDS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(25);
    let sandbox = Sandbox::start();
    let b = Browser::start().await;
    b.cdp(
        "Page.addScriptToEvaluateOnNewDocument",
        json!({ "source": KEEP_WASM_MEMORY }),
    )
    .await;
    b.sign_in(&sandbox, "/api-tokens", &sandbox.token).await;
    b.find("[data-testid=token-row]").await;
    // One round first: what the console keeps for good (formatters, the
    // router, caches) is then in the baseline.
    rounds(&b, 1).await;
    // The chunks fetched while idle are in too (their loading is not a leak).
    eventually("every chunk prefetched", chunks_built(), || b.fetched_chunks()).await;
    let before = held(&b).await;
    let started = std::time::Instant::now();
    rounds(&b, n).await;
    let took = started.elapsed();
    let after = held(&b).await;
    let mb = |bytes: f64| bytes / 1_048_576.0;
    println!(
        "soak: {n} rounds in {:.1} s; JS heap {:.2} → {:.2} MB ({:+.2}); wasm memory {:.2} → {:.2} MB ({:+.2}); DOM nodes {} → {}; listeners {} → {}",
        took.as_secs_f64(),
        mb(before.heap),
        mb(after.heap),
        mb(after.heap - before.heap),
        mb(before.wasm),
        mb(after.wasm),
        mb(after.wasm - before.wasm),
        before.nodes,
        after.nodes,
        before.listeners,
        after.listeners,
    );
    assert!(after.nodes <= before.nodes, "DOM nodes grew: {before:?} → {after:?}");
    assert!(
        after.listeners <= before.listeners,
        "event listeners grew: {before:?} → {after:?}"
    );
    let grown = mb(after.heap - before.heap) + mb(after.wasm - before.wasm);
    assert!(grown < 5.0, "memory grew by {grown:.2} MB: {before:?} → {after:?}");
}
