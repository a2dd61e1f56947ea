//! The one timer future: a request's start, a busy API's wait and the idle
//! download all resume in a task of their own.

use wasm_bindgen_futures::JsFuture;

/// Resolves after `ms` milliseconds, in a task of its own (the next one for
/// none or fewer).
pub async fn sleep(ms: f64) {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        if let Some(w) = web_sys::window() {
            let _ = w.set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms.max(0.0) as i32);
        }
    });
    let _ = JsFuture::from(promise).await;
}
