//! A page of tokens as the list's table shows it.

use crate::support::{attributes, find, mount, provide_console, provide_list, until};
use leptos::prelude::*;
use leptos_router::components::Router;
use tokens_console::api::ApiToken;
use tokens_console::pages::tokens_list::{Selection, TokensTable};
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

fn row_ids(root: &web_sys::HtmlElement) -> Vec<String> {
    attributes(root, "[data-testid=token-row]", "data-id")
}

/// Tokens named after their ids.
fn robots(ids: &[String]) -> Vec<ApiToken> {
    ids.iter()
        .map(|id| ApiToken {
            id: id.clone(),
            name: format!("Robot {id}"),
            ..ApiToken::default()
        })
        .collect()
}

#[wasm_bindgen_test]
async fn a_long_page_shows_its_first_rows_at_once_then_every_row_in_order() {
    let ids: Vec<String> = (1..=60).map(|n| format!("TKN-0000-0000-{n:04}")).collect();
    let tokens = robots(&ids);
    let selection = StoredValue::new_local(None::<Selection>);
    let root = mount(move || {
        provide_console();
        selection.set_value(Some(provide_list()));
        view! { <Router><TokensTable rows=tokens.clone() now=0 /></Router> }
    });
    // The top of the page is there before the browser paints…
    assert_eq!(row_ids(&root), ids[..25]);
    // …and the rest follows right after, in order.
    until("every row is built", || row_ids(&root).len() == 60).await;
    assert_eq!(row_ids(&root), ids);
    // "Select all" covers every row of the page, not only the first ones.
    find(&root, "[data-testid=select-all]").click();
    let selection = selection.get_value().expect("selection");
    assert_eq!(selection.count(), 60);
    until("every box is checked", || checked(&root) == vec![true; 60]).await;
}

/// Whether each row's box is checked, in order.
fn checked(root: &web_sys::HtmlElement) -> Vec<bool> {
    let list = root.query_selector_all("[data-testid=select-row]").expect("query");
    (0..list.length())
        .filter_map(|i| list.item(i))
        .map(|n| n.unchecked_into::<web_sys::HtmlInputElement>().checked())
        .collect()
}

/// Checking a row changes that row's box, the count and "select all", and
/// re-runs no other row: each row reads a flag of its own.
#[wasm_bindgen_test]
async fn checking_a_row_touches_that_row_alone() {
    let ids: Vec<String> = (1..=3).map(|n| format!("TKN-0000-000{n}")).collect();
    let tokens = robots(&ids);
    let selection = StoredValue::new_local(None::<Selection>);
    // How often each row's readers of its flag ran.
    let runs = RwSignal::new(vec![0u32; 3]);
    let watched = ids.clone();
    let root = mount(move || {
        provide_console();
        let s = provide_list();
        selection.set_value(Some(s));
        for (i, id) in watched.iter().enumerate() {
            let flag = s.flag(id);
            Effect::new(move |_| {
                flag.track();
                runs.update(|r| r[i] += 1);
            });
        }
        view! { <Router><TokensTable rows=tokens.clone() now=0 /></Router> }
    });
    let selection = selection.get_value().expect("selection");
    until("each row's flag is read", || runs.get_untracked() == [1, 1, 1]).await;
    find(
        &root,
        "[data-testid=token-row][data-id=TKN-0000-0002] [data-testid=select-row]",
    )
    .click();
    until("the row's box is checked", || checked(&root) == [false, true, false]).await;
    until("the row's readers ran", || runs.get_untracked()[1] == 2).await;
    assert_eq!(runs.get_untracked(), [1, 2, 1], "only the row clicked ran again");
    assert_eq!(selection.count(), 1);
    assert_eq!(selection.targets()[0].id, "TKN-0000-0002");
    assert!(!find(&root, "[data-testid=select-all]")
        .unchecked_into::<web_sys::HtmlInputElement>()
        .checked());
    selection.clear();
    until("every box is unchecked", || checked(&root) == [false, false, false]).await;
}
