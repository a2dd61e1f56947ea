use crate::support::mount;
use wasm_bindgen_test::*;

#[wasm_bindgen_test]
fn frame_header_shows_the_product_name_and_no_sign_out_when_signed_out() {
    let root = mount(|| {
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

#[wasm_bindgen_test]
fn frame_header_names_the_managed_account_and_offers_a_switch_when_there_are_several() {
    use tokens_console::api::Account;
    use tokens_console::app::account::WhichAccount;
    let wayne = Account {
        id: "ACC-0001-0003".into(),
        name: "Wayne Enterprises".into(),
        kind: Some("Client".into()),
        ..Account::default()
    };
    for (param, switch) in [(Some("ACC-0001-0003".to_string()), true), (None, false)] {
        let which = WhichAccount::Manage {
            account: wayne.clone(),
            param: param.clone(),
        };
        let root = mount(move || {
            use leptos::prelude::*;
            crate::support::provide_console_at(which);
            view! { <tokens_console::components::FrameHeader /> }
        });
        let account = root
            .query_selector("[data-testid=frame-account]")
            .unwrap()
            .expect("the account");
        let text = account.text_content().unwrap_or_default();
        assert!(
            text.contains("Wayne Enterprises") && text.contains("Client · ACC-0001-0003"),
            "{text}"
        );
        assert_eq!(
            root.query_selector("[data-testid=switch-account]").unwrap().is_some(),
            switch
        );
        let brand = root
            .query_selector("a.brand")
            .unwrap()
            .expect("brand")
            .get_attribute("href");
        let expected = if switch {
            "/api-tokens?account=ACC-0001-0003"
        } else {
            "/api-tokens"
        };
        assert_eq!(brand.as_deref(), Some(expected));
    }
}

/// A reload's start: a token in sessionStorage, where a reload finds it, at a
/// URL naming `ACC-0001-0002`, with an API that answers only that account;
/// every request's address is kept in `window.__asked`. Undone on drop.
struct Reloaded;

impl Reloaded {
    fn at_account_url() -> Reloaded {
        crate::support::js(
            "sessionStorage.setItem('tokens-console.session', 'opaque-admin-token');
             window.__pageBefore = location.href;
             history.replaceState(null, '', location.pathname + '?account=ACC-0001-0002');
             window.__asked = [];
             window.__realFetch = window.__realFetch || window.fetch;
             window.fetch = (req) => {
               const url = typeof req === 'string' ? req : req.url;
               window.__asked.push(url);
               if (url.endsWith('/public/v1/accounts/accounts/ACC-0001-0002')) {
                 return Promise.resolve(new Response(JSON.stringify({ id: 'ACC-0001-0002', name: 'Stark Industries', type: 'Client' }), { status: 200, headers: { 'content-type': 'application/json' } }));
               }
               return Promise.resolve(new Response('', { status: 404 }));
             };",
        );
        Reloaded
    }

    /// How many times the URL's account was asked for.
    fn asked_for_the_account(&self) -> f64 {
        crate::support::js("return window.__asked.filter(u => u.endsWith('/accounts/accounts/ACC-0001-0002')).length")
            .as_f64()
            .unwrap_or_default()
    }
}

impl Drop for Reloaded {
    fn drop(&mut self) {
        crate::support::js(
            "window.fetch = window.__realFetch;
             sessionStorage.removeItem('tokens-console.session');
             history.replaceState(null, '', window.__pageBefore);",
        );
    }
}

#[wasm_bindgen_test]
async fn a_reload_asks_for_the_urls_account_without_waiting_for_who_the_token_is() {
    use leptos::prelude::*;
    use leptos_router::components::Router;
    use std::sync::Arc;
    use tokens_console::api::identity::{Identity, Reach, SignedIn};
    use tokens_console::api::ApiClient;
    use tokens_console::app::account::{provide_managed, use_which_account, WhichAccount};
    use tokens_console::app::session::{provide_session, Session};
    use tokens_console::app::tabs::provide_tabs;

    let reloaded = Reloaded::at_account_url();
    let session: StoredValue<Option<Session>, LocalStorage> = StoredValue::new_local(None);
    #[component]
    fn Which() -> impl IntoView {
        provide_managed();
        let which = use_which_account();
        let shown = move || match which.get() {
            WhichAccount::Manage { account, .. } => account.name,
            WhichAccount::Resolving => "resolving".into(),
            WhichAccount::Choose { .. } => "choose".into(),
        };
        view! { <p data-testid="which">{shown}</p> }
    }
    let root = crate::support::mount(move || {
        let restored = provide_session(provide_tabs("http://api.test"));
        session.set_value(Some(restored));
        provide_context(ApiClient::new("http://api.test", Arc::new(restored)));
        view! { <Router><Which /></Router> }
    });
    let which = || crate::support::texts(&root, "[data-testid=which]").join("");

    // Who the token is is still unknown, and the account is already asked for.
    crate::support::until("the URL's account is asked for", || {
        reloaded.asked_for_the_account() == 1.0
    })
    .await;
    assert_eq!(which(), "resolving");

    // Once the token turns out to manage several accounts, that answer is used as it is.
    let Some(restored) = session.get_value() else {
        panic!("the session was provided");
    };
    restored.restore(SignedIn {
        identity: Identity::Unknown,
        home: None,
        reach: Reach::Several,
    });
    crate::support::until("the URL's account is managed", || which() == "Stark Industries").await;
    assert_eq!(reloaded.asked_for_the_account(), 1.0, "asked once");
}
