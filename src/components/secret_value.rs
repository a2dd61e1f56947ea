//! A token value: masked by default, revealed on request for 30 seconds at
//! most, and copyable without revealing it.

use super::CopyButton;
use crate::api::Secret;
use leptos::prelude::*;
use leptos_use_timeout_fn::{use_timeout_fn, UseTimeoutFnReturn};

/// How long a revealed value stays visible.
pub const REVEAL_MS: f64 = 30_000.0;

/// What a masked value shows (its length is not given away).
pub const MASK: &str = "••••••••••••••••••••••••••••••••";

/// The value of `secret`, masked until "Show" is pressed.
#[component]
pub fn SecretValue(
    secret: Secret,
    /// What it is, for accessible names ("API token").
    #[prop(into)]
    what: String,
    /// How long a revealed value stays visible, in milliseconds.
    #[prop(default = REVEAL_MS)]
    reveal_ms: f64,
    /// Told each time the value is copied.
    #[prop(optional, into)]
    on_copied: Option<Callback<()>>,
) -> impl IntoView {
    let revealed = RwSignal::new(false);
    // The session locked (idle) or its token was refused: masked again at once.
    let session = crate::app::session::use_session();
    Effect::new(move |_| {
        if session.expired().is_some() {
            revealed.set(false);
        }
    });
    let UseTimeoutFnReturn { start, stop, .. } = use_timeout_fn(move |_: ()| revealed.set(false), reveal_ms);
    let toggle = move |_| {
        if revealed.get_untracked() {
            revealed.set(false);
            stop();
        } else {
            revealed.set(true);
            start(());
        }
    };
    let secret = StoredValue::new(secret);
    let shown = move || {
        if revealed.get() {
            secret.with_value(|s| s.expose().to_string())
        } else {
            MASK.to_string()
        }
    };
    let show_label = format!("Show {what}");
    let hide_label = format!("Hide {what}");
    view! {
        <span class="secret">
            <code class="secret-value" data-testid="secret-value" data-revealed=move || revealed.get().to_string()>
                {shown}
            </code>
            <button
                type="button"
                class="btn btn-quiet btn-small"
                aria-pressed=move || revealed.get().to_string()
                aria-label=move || if revealed.get() { hide_label.clone() } else { show_label.clone() }
                data-testid="toggle-secret"
                on:click=toggle
            >
                {move || if revealed.get() { "Hide" } else { "Show" }}
            </button>
            <CopyButton
                value=Signal::derive(move || secret.with_value(|s| s.expose().to_string()))
                label=format!("Copy {what}")
                testid="copy-secret"
                on_copied
            />
        </span>
    }
}
