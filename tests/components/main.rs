//! Component tests: the console's components mounted in headless Chromium.
#![cfg(target_arch = "wasm32")]

use leptos::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn container() -> web_sys::HtmlElement {
    let document = document();
    let div = document.create_element("div").expect("create div");
    document.body().expect("body").append_child(&div).expect("append");
    div.unchecked_into()
}

#[wasm_bindgen_test]
fn frame_header_shows_the_product_name() {
    let root = container();
    let handle = leptos::mount::mount_to(root.clone(), tokens_console::components::FrameHeader);
    let heading = root
        .query_selector("[data-testid=product-name]")
        .expect("query")
        .expect("heading rendered");
    assert_eq!(heading.text_content().as_deref(), Some(tokens_console::PRODUCT_NAME));
    drop(handle);
}
