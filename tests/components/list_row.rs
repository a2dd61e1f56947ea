//! A token's row as the list renders it.

use crate::support::{click, mount, provide_console, provide_list, texts, Mounted};
use leptos::prelude::*;
use leptos_router::components::Router;
use tokens_console::api::{ApiToken, Module, TokenStatus};
use tokens_console::pages::tokens_list::TokenRow;
use wasm_bindgen_test::*;

fn module(id: &str, name: &str) -> Module {
    Module {
        id: id.into(),
        name: name.into(),
        ..Module::default()
    }
}

fn token(status: TokenStatus, modules: Vec<Module>, last_access: Option<&str>) -> ApiToken {
    ApiToken {
        id: "TKN-1234-5678".into(),
        name: "Robot 1".into(),
        status,
        modules,
        last_access_at: last_access.map(str::to_string),
        ..ApiToken::default()
    }
}

fn render(t: ApiToken) -> Mounted {
    mount(move || {
        provide_console();
        provide_list();
        view! {
            <Router>
                <table>
                    <tbody>
                        <TokenRow token=t.clone() now=tokens_console::model::format::parse_instant("2026-11-23T12:00:00Z").unwrap() />
                    </tbody>
                </table>
            </Router>
        }
    })
}

#[wasm_bindgen_test]
fn initials_are_upper_case_in_any_script() {
    // The browser's case mapping (the console's wasm has no tables of its own).
    for (name, initials) in [("émile zola", "ÉZ"), ("straße", "ST"), ("ωmega", "ΩM")] {
        let root = render(ApiToken {
            name: name.into(),
            ..token(TokenStatus::Active, vec![], None)
        });
        assert_eq!(texts(&root, ".avatar-initials"), [initials], "{name}");
    }
}

#[wasm_bindgen_test]
fn one_module_shows_its_name_and_id() {
    let root = render(token(
        TokenStatus::Active,
        vec![module("MOD-1255", "Access management")],
        None,
    ));
    assert_eq!(
        texts(&root, "[data-testid=modules-cell] span"),
        ["Access management", "MOD-1255"]
    );
    assert_eq!(texts(&root, "[data-testid=token-name]"), ["Robot 1"]);
    assert_eq!(texts(&root, "[data-testid=token-id]"), ["TKN-1234-5678"]);
    assert_eq!(texts(&root, ".avatar-initials"), ["R1"]);
}

#[wasm_bindgen_test]
fn many_modules_show_a_count_and_none_says_so() {
    let many = vec![module("MOD-1", "A"), module("MOD-2", "B"), module("MOD-3", "C")];
    let root = render(token(TokenStatus::Active, many, None));
    let cell = root.query_selector("[data-testid=modules-cell]").unwrap().unwrap();
    assert!(cell.text_content().unwrap().contains("3 modules"));
    assert_eq!(cell.get_attribute("title").as_deref(), Some("A, B, C"));
    let root = render(token(TokenStatus::Active, vec![], None));
    assert_eq!(texts(&root, "[data-testid=modules-cell]"), ["No modules"]);
}

/// Opens the row's menu and reads its entries.
async fn menu_entries(root: &web_sys::HtmlElement) -> Vec<String> {
    click(root, "[data-testid=row-actions]");
    leptos::task::tick().await;
    texts(root, "[role=menuitem]")
}

#[wasm_bindgen_test]
async fn menu_entries_follow_the_status_and_are_made_on_opening() {
    let disabled = render(token(TokenStatus::Disabled, vec![], None));
    let menu = disabled.query_selector("[role=menu]").unwrap().unwrap();
    assert!(menu.has_attribute("hidden"), "the menu starts closed");
    assert!(
        texts(&disabled, "[role=menuitem]").is_empty(),
        "no entries until opened"
    );
    let button = disabled.query_selector("[data-testid=row-actions]").unwrap().unwrap();
    assert_eq!(button.get_attribute("aria-haspopup").as_deref(), Some("menu"));
    assert_eq!(
        button.get_attribute("aria-label").as_deref(),
        Some("Actions for Robot 1")
    );
    assert_eq!(
        menu_entries(&disabled).await,
        ["Edit", "Create similar", "Enable", "Delete"]
    );
    assert!(!menu.has_attribute("hidden"), "open");
    let active = render(token(TokenStatus::Active, vec![], None));
    assert_eq!(
        menu_entries(&active).await,
        ["Edit", "Create similar", "Rotate", "Disable", "Delete"]
    );
}

#[wasm_bindgen_test]
fn badges_and_usage_markers() {
    let root = render(token(TokenStatus::Disabled, vec![], None));
    assert_eq!(texts(&root, "[data-testid=status-badge]"), ["Disabled"]);
    assert_eq!(texts(&root, "[data-testid=marker-never]"), ["Never used"]);
    let root = render(token(TokenStatus::Active, vec![], Some("2026-01-01T00:00:00.000Z")));
    assert_eq!(texts(&root, "[data-testid=status-badge]"), ["Active"]);
    assert_eq!(texts(&root, "[data-testid=marker-idle]"), ["Idle > 90 days"]);
    let badge = root.query_selector("[data-testid=status-badge]").unwrap().unwrap();
    assert!(badge.class_name().contains("badge-active"));
    let root = render(token(TokenStatus::Active, vec![], Some("2026-11-20T00:00:00.000Z")));
    assert!(
        texts(&root, "[data-testid=marker-idle]").is_empty() && texts(&root, "[data-testid=marker-never]").is_empty()
    );
}
