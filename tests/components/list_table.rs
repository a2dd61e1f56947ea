//! A page of tokens as the list's table shows it.

use crate::support::{attributes, container, provide_console, provide_list, sleep};
use leptos::prelude::*;
use leptos_router::components::Router;
use tokens_console::api::ApiToken;
use tokens_console::pages::tokens_list::{Selection, TokensTable};
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

fn row_ids(root: &web_sys::HtmlElement) -> Vec<String> {
    attributes(root, "[data-testid=token-row]", "data-id")
}

#[wasm_bindgen_test]
async fn a_long_page_shows_its_first_rows_at_once_then_every_row_in_order() {
    let ids: Vec<String> = (1..=60).map(|n| format!("TKN-0000-0000-{n:04}")).collect();
    let tokens: Vec<ApiToken> = ids
        .iter()
        .map(|id| ApiToken {
            id: id.clone(),
            name: format!("Robot {id}"),
            ..ApiToken::default()
        })
        .collect();
    let selection = Selection::new();
    let root = container();
    let handle = leptos::mount::mount_to(root.clone(), move || {
        provide_console();
        provide_list(selection);
        view! { <Router><TokensTable rows=tokens.clone() now=0 /></Router> }
    });
    // The top of the page is there before the browser paints…
    assert_eq!(row_ids(&root), ids[..25]);
    // …and the rest follows right after, in order.
    sleep(100).await;
    assert_eq!(row_ids(&root), ids);
    // "Select all" covers every row of the page, not only the first ones.
    let all = root
        .query_selector("[data-testid=select-all]")
        .expect("query")
        .expect("select-all")
        .unchecked_into::<web_sys::HtmlInputElement>();
    all.click();
    assert_eq!(selection.count(), 60);
    handle.forget();
}
