use crate::support::container;
use wasm_bindgen_test::*;

#[wasm_bindgen_test]
fn frame_header_shows_the_product_name_and_no_sign_out_when_signed_out() {
    let root = container();
    let _handle = leptos::mount::mount_to(root.clone(), || {
        use leptos::prelude::*;
        crate::support::provide_console();
        view! { <tokens_console::components::FrameHeader /> }
    });
    let heading = root
        .query_selector("[data-testid=product-name]")
        .expect("query")
        .expect("heading rendered");
    assert_eq!(heading.text_content().as_deref(), Some(tokens_console::PRODUCT_NAME));
    assert!(root.query_selector("[data-testid=sign-out]").unwrap().is_none());
}
