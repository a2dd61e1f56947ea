//! The modal primitive and the confirmation built on it.

use crate::support::{attr, click, find, mount, texts, until};
use leptos::prelude::*;
use tokens_console::components::ConfirmDialog;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

fn dialog_open(root: &web_sys::HtmlElement) -> bool {
    find(root, "dialog")
        .unchecked_into::<web_sys::HtmlDialogElement>()
        .open()
}

#[wasm_bindgen_test]
async fn confirming_calls_back_and_the_dialog_is_named_by_its_title() {
    let open = RwSignal::new(false);
    let confirmed = RwSignal::new(0);
    let root = mount(move || {
        view! {
            <ConfirmDialog
                open
                title="Disable API token?"
                confirm_label="Disable"
                on_confirm=move |()| confirmed.update(|n| *n += 1)
                on_cancel=move |()| open.set(false)
            >
                <p>"It stops working."</p>
            </ConfirmDialog>
        }
    });
    assert!(texts(&root, "h2").is_empty(), "no body while closed");
    open.set(true);
    until("the dialog opens", || dialog_open(&root)).await;
    let title_id = attr(&root, "h2", "id").expect("title id");
    assert_eq!(attr(&root, "dialog", "aria-labelledby"), Some(title_id));
    assert_eq!(texts(&root, "h2"), ["Disable API token?"]);
    click(&root, "[data-testid=confirm]");
    assert_eq!(confirmed.get_untracked(), 1);
    click(&root, "[data-testid=cancel]");
    until("the dialog closes", || !dialog_open(&root)).await;
    assert!(texts(&root, "h2").is_empty(), "body dropped at closing");
}

#[wasm_bindgen_test]
async fn typed_confirmation_starts_empty_at_each_opening() {
    let open = RwSignal::new(true);
    let root = mount(move || {
        view! {
            <ConfirmDialog
                open
                title="Delete?"
                confirm_label="Delete"
                typed=Some("Build bot".to_string())
                on_confirm=|()| {}
                on_cancel=move |()| open.set(false)
            >
                <p>"Gone for good."</p>
            </ConfirmDialog>
        }
    });
    until("the dialog opens", || dialog_open(&root)).await;
    let disabled = |root: &web_sys::HtmlElement| attr(root, "[data-testid=confirm]", "disabled").is_some();
    assert!(disabled(&root));
    let input: web_sys::HtmlInputElement = find(&root, "[data-testid=typed-confirm]").unchecked_into();
    input.set_value("Build bot");
    input
        .dispatch_event(&web_sys::Event::new("input").expect("event"))
        .expect("dispatch");
    until("confirm enabled", || !disabled(&root)).await;
    open.set(false);
    until("closed", || !dialog_open(&root)).await;
    open.set(true);
    until("open again", || dialog_open(&root)).await;
    let input: web_sys::HtmlInputElement = find(&root, "[data-testid=typed-confirm]").unchecked_into();
    assert_eq!(input.value(), "");
    assert!(disabled(&root));
}
