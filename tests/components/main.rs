//! Component tests: the console's components mounted in headless Chromium.
#![cfg(target_arch = "wasm32")]

wasm_bindgen_test::wasm_bindgen_test_configure!(run_in_browser);

mod support;

mod concurrency;
mod details;
mod dialogs;
mod environment;
mod frame;
mod leave_guard;
mod list_row;
mod list_table;
mod loading;
mod security;
mod widgets;
mod wizard;
