//! The tab list: one URL per tab, operable as a WAI-ARIA tab list
//! (arrows move between tabs, Home/End jump).

use crate::app::nav::{use_go, use_nav};
use crate::model::route::{Screen, Tab};
use leptos::prelude::*;

fn focus_tab(tab: Tab) {
    request_animation_frame(move || {
        let el = document().get_element_by_id(&format!("tab-{}", tab.slug()));
        if let Some(el) = el.and_then(|e| wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(e).ok()) {
            let _ = el.focus();
        }
    });
}

/// The tabs of token `id`, `current` selected.
#[component]
pub fn TabList(id: String, #[prop(into)] current: Signal<Tab>) -> impl IntoView {
    let navigate = use_go();
    let nav = use_nav();
    let id = StoredValue::new(id);
    let go = move |tab: Tab| {
        navigate(&Screen::token(&id.get_value(), tab), Default::default());
        focus_tab(tab);
    };
    let on_key = move |ev: web_sys::KeyboardEvent| {
        let target = match ev.key().as_str() {
            "ArrowRight" => current.get_untracked().step(1),
            "ArrowLeft" => current.get_untracked().step(-1),
            "Home" => Tab::General,
            "End" => Tab::Audit,
            _ => return,
        };
        ev.prevent_default();
        go(target);
    };
    view! {
        <div role="tablist" aria-label="API token sections" class="tablist" on:keydown=on_key>
            {Tab::ALL
                .into_iter()
                .map(|tab| {
                    let selected = move || current.get() == tab;
                    view! {
                        <a
                            role="tab"
                            id=format!("tab-{}", tab.slug())
                            href=nav.href(&Screen::token(&id.get_value(), tab))
                            aria-selected=move || selected().to_string()
                            aria-controls="token-tabpanel"
                            tabindex=move || if selected() { "0" } else { "-1" }
                            class:selected=selected
                            data-testid=format!("tab-{}", tab.slug())
                        >
                            {tab.label()}
                        </a>
                    }
                })
                .collect_view()}
        </div>
    }
}
