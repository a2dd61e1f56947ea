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
