//! The token value, the tab list and the edit form's checks.

use crate::support::{attr, click, mount, provide_console, texts, until};
use leptos::prelude::*;
use leptos_router::components::Router;
use tokens_console::api::Secret;
use tokens_console::components::secret_value::{SecretValue, MASK};
use tokens_console::model::route::Tab;
use tokens_console::pages::token_details::TabList;
use tokens_console::pages::token_form::{FormValues, GeneralFields, TokenForm};
use wasm_bindgen_test::*;

#[wasm_bindgen_test]
async fn the_token_value_is_masked_until_shown_and_masked_again_when_hidden() {
    let root = mount(|| {
        provide_console();
        view! { <SecretValue secret=Secret::new("idt:TKN-1:s3cr3t") what="API token" /> }
    });
    assert_eq!(texts(&root, "[data-testid=secret-value]"), [MASK]);
    assert!(
        !root.inner_html().contains("s3cr3t"),
        "the secret is not in the DOM while masked"
    );
    assert_eq!(
        attr(&root, "[data-testid=toggle-secret]", "aria-label").as_deref(),
        Some("Show API token")
    );

    click(&root, "[data-testid=toggle-secret]");
    leptos::task::tick().await;
    assert_eq!(texts(&root, "[data-testid=secret-value]"), ["idt:TKN-1:s3cr3t"]);
    assert_eq!(
        attr(&root, "[data-testid=toggle-secret]", "aria-pressed").as_deref(),
        Some("true")
    );
    assert_eq!(
        attr(&root, "[data-testid=toggle-secret]", "aria-label").as_deref(),
        Some("Hide API token")
    );

    click(&root, "[data-testid=toggle-secret]");
    leptos::task::tick().await;
    assert_eq!(texts(&root, "[data-testid=secret-value]"), [MASK]);
    assert!(!root.inner_html().contains("s3cr3t"));
}

#[wasm_bindgen_test]
async fn a_revealed_value_is_masked_again_after_its_time() {
    let root = mount(|| {
        provide_console();
        view! { <SecretValue secret=Secret::new("idt:TKN-2:later") what="API token" reveal_ms=150.0 /> }
    });
    click(&root, "[data-testid=toggle-secret]");
    leptos::task::tick().await;
    assert_eq!(texts(&root, "[data-testid=secret-value]"), ["idt:TKN-2:later"]);
    until("the value is masked again", || {
        texts(&root, "[data-testid=secret-value]") == [MASK]
    })
    .await;
    assert_eq!(
        attr(&root, "[data-testid=toggle-secret]", "aria-pressed").as_deref(),
        Some("false")
    );
}

#[wasm_bindgen_test]
fn the_tab_list_marks_exactly_the_current_tab() {
    let root = mount(|| {
        provide_console();
        view! {
            <Router>
                <TabList id="TKN-1234-5678".to_string() current=Signal::stored(Tab::Details) />
            </Router>
        }
    });
    assert_eq!(
        texts(&root, "[role=tab]"),
        ["General", "Modules", "Details", "Audit trail"]
    );
    assert_eq!(
        attr(&root, "[role=tablist]", "aria-label").as_deref(),
        Some("API token sections")
    );
    let selected: Vec<Option<String>> = Tab::ALL
        .iter()
        .map(|t| attr(&root, &format!("#tab-{}", t.slug()), "aria-selected"))
        .collect();
    assert_eq!(
        selected,
        [
            Some("false".into()),
            Some("false".into()),
            Some("true".into()),
            Some("false".into())
        ]
    );
    assert_eq!(attr(&root, "#tab-details", "tabindex").as_deref(), Some("0"));
    assert_eq!(attr(&root, "#tab-general", "tabindex").as_deref(), Some("-1"));
    assert_eq!(
        attr(&root, "#tab-audit", "href").as_deref(),
        Some("/api-tokens/TKN-1234-5678/audit")
    );
}

#[wasm_bindgen_test]
async fn the_edit_form_shows_checks_at_the_fields_with_counters() {
    let form = RwSignal::new(None::<TokenForm>);
    let root = mount(move || {
        provide_console();
        let f = TokenForm::new(FormValues {
            name: "Robot".into(),
            ..FormValues::default()
        });
        form.set(Some(f));
        view! { <GeneralFields form=f /> }
    });
    let f = form.get_untracked().unwrap();
    assert_eq!(texts(&root, "#token-name-count"), ["5 / 100"]);

    f.name.set("  ".into());
    f.description.set("d".repeat(501));
    match f.values().check() {
        Err(errors) => f.errors.set(errors),
        Ok(_) => panic!("an empty name and a long description must not pass"),
    }
    leptos::task::tick().await;
    assert_eq!(
        texts(&root, "[data-testid=name-error]"),
        ["Enter a name for the token."]
    );
    assert!(texts(&root, "[data-testid=description-error]")[0].contains("at most 500"));
    assert_eq!(attr(&root, "#token-name", "aria-invalid").as_deref(), Some("true"));
    assert_eq!(texts(&root, "#token-description-count"), ["501 / 500"]);
    assert!(root.query_selector("#token-description-count.over").unwrap().is_some());
}
