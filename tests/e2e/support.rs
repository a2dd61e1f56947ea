//! The e2e harness: build artefacts once, a sandbox per test, a browser per test.

mod artifacts;
mod axe;
mod browser;
mod browser_log;
mod engine;
mod keyboard;
mod page;
mod sandbox;

pub use artifacts::{chunks_built, chunks_in, deployed_release, deployed_with, sub_path_dist};
pub use browser::Browser;
pub use engine::Engine;
pub use sandbox::Sandbox;

use std::net::TcpListener;
use std::path::PathBuf;
use std::time::{Duration, Instant};

/// How long to wait for the console to show something.
pub const UI_TIMEOUT: Duration = Duration::from_secs(20);

fn workspace_root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

pub fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .map(|a| a.port())
        .expect("a free loopback port")
}

/// Polls `probe` until it returns `expected`, or fails with the last value seen.
pub async fn eventually<T, F, Fut>(what: &str, expected: T, mut probe: F)
where
    T: PartialEq + std::fmt::Debug,
    F: FnMut() -> Fut,
    Fut: std::future::Future<Output = T>,
{
    let deadline = Instant::now() + UI_TIMEOUT;
    loop {
        let got = probe().await;
        if got == expected {
            return;
        }
        if Instant::now() > deadline {
            panic!("{what}: expected {expected:?}, last saw {got:?}");
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}
