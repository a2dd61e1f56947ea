//! The pages split out of the first load: fetched ahead of need once the
//! list is up, and when a chunk cannot be fetched (a new deploy replaced the
//! files, say) the page says so with Retry instead of freezing.

use crate::support::{chunks_built, deployed_with, eventually, Browser, Sandbox};

#[tokio::test]
async fn the_split_pages_are_fetched_while_idle_after_the_list() {
    let sandbox = Sandbox::start();
    let b = Browser::start().await;
    b.sign_in(&sandbox, "/api-tokens", &sandbox.token).await;
    b.find("[data-testid=token-row]").await;
    // Every chunk of the build, pages and dialogs, without any navigation.
    let built = chunks_built();
    for page in [
        "split_add_wizard-",
        "split_details-",
        "split_rotate-",
        "split_export_dialog-",
    ] {
        assert!(built.iter().any(|n| n.starts_with(page)), "{page} is built: {built:?}");
    }
    eventually("every chunk prefetched", built, || b.fetched_chunks()).await;
    // Opening a token then needs nothing more from the network but its data.
    let before = b.fetched_chunks().await;
    b.click("[data-testid=token-name]").await;
    b.find("[data-testid=tab-general]").await;
    assert_eq!(b.fetched_chunks().await, before);
}

#[tokio::test]
async fn the_download_waits_while_a_person_is_typing() {
    let sandbox = Sandbox::start();
    let b = Browser::start().await;
    b.sign_in(&sandbox, "/api-tokens", &sandbox.token).await;
    b.find("[data-testid=token-row]").await;
    // Key presses without a second's pause for three seconds: at most the
    // file already on its way arrives meanwhile (one more if the machine
    // stalled past the quiet period), where an unpaused download fetches
    // every chunk in well under a second. (The download starts a second
    // after the sign-in at the earliest, so when the list is up it has
    // barely begun; typing from the sign-in on, while the list loads, left
    // the download crawling at one file per idle timeout afterwards, not
    // explained yet.)
    let before = b.fetched_chunks().await.len();
    let typing = std::time::Instant::now();
    while typing.elapsed() < std::time::Duration::from_secs(3) {
        b.press(fantoccini::key::Key::Shift).await;
    }
    let during = b.fetched_chunks().await.len() - before;
    assert!(during <= 2, "{during} chunk files fetched while typing");
    // At rest, every chunk comes.
    eventually("every chunk prefetched", chunks_built(), || b.fetched_chunks()).await;
}

#[tokio::test]
async fn a_missing_chunk_shows_retry_and_the_page_loads_once_it_is_back() {
    // A deploy whose details chunk is missing (as when a newer deploy replaced
    // the files an open tab asks for): its hosting rules no longer name it.
    let dist = deployed_with("{}");
    let chunk = std::fs::read_dir(dist.path())
        .expect("dist")
        .filter_map(Result::ok)
        .map(|e| e.path())
        .find(|p| {
            p.file_name()
                .is_some_and(|n| n.to_string_lossy().starts_with("split_details-"))
        })
        .expect("the details chunk");
    let aside = chunk.with_extension("gone");
    std::fs::rename(&chunk, &aside).expect("chunk moved aside");
    let hook = std::process::Command::new("node")
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .arg("tools/post-build.mjs")
        .arg(dist.path())
        .status()
        .expect("the post-build hook");
    assert!(hook.success());
    let sandbox = Sandbox::start_serving(dist.path());
    let b = Browser::start().await;
    b.sign_in(&sandbox, "/api-tokens", &sandbox.token).await;
    b.find("[data-testid=token-row]").await;
    b.click("[data-testid=token-name]").await;
    b.find("[data-testid=chunk-failed] [data-testid=error-panel]").await;
    assert!(b.text("[data-testid=chunk-failed]").await.contains("reload the page"));
    // What the browser logged is the failed fetch and nothing else.
    for problem in b.console_problems_blocking() {
        assert!(
            problem.contains("split_details-") || problem.contains("WebAssembly") || problem.contains("404"),
            "unexpected: {problem}"
        );
    }
    // Back as a deploy writes it (a new file, so a new modification time).
    std::fs::copy(&aside, &chunk).expect("chunk back");
    b.click("[data-testid=chunk-failed] [data-testid=retry]").await;
    b.find("[data-testid=tab-general]").await;
    assert_eq!(b.count("[data-testid=chunk-failed]").await, 0);
}
