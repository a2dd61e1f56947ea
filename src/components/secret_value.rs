//! A token value: masked by default, revealed on request for 30 seconds at
//! most, and copyable without revealing it.

use super::{Appearance, CopyButton};
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
    let session = crate::app::session::use_session();
    // The sign-in during which the value was revealed: a lock, an expiry or a
    // new sign-in masks it again, with nothing to reset.
    let revealed_in = RwSignal::new(None::<u64>);
    let revealed =
        Signal::derive(move || revealed_in.get() == Some(session.generation()) && session.expired().is_none());
    let UseTimeoutFnReturn { start, stop, .. } = use_timeout_fn(move |_: ()| revealed_in.set(None), reveal_ms);
    let toggle = move |()| {
        if revealed.get_untracked() {
            revealed_in.set(None);
            stop();
        } else {
            revealed_in.set(Some(untrack(|| session.generation())));
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
    let copied = Callback::new(move |()| {
        if let Some(told) = on_copied {
            told.try_run(());
        }
    });
    let show_label = format!("Show {what}");
    let hide_label = format!("Hide {what}");
    view! {
        <span class="secret">
            <code class="secret-value" data-testid="secret-value" data-revealed=move || revealed.get().to_string()>
                {shown}
            </code>
            <button
                type="button"
                class=Appearance::Quiet.class(true)
                aria-pressed=move || revealed.get().to_string()
                aria-label=move || if revealed.get() { hide_label.clone() } else { show_label.clone() }
                data-testid="toggle-secret"
                on:click=move |_| toggle(())
            >
                {move || if revealed.get() { "Hide" } else { "Show" }}
            </button>
            <CopyButton
                value=Signal::derive(move || secret.with_value(|s| s.expose().to_string()))
                label=format!("Copy {what}")
                testid="copy-secret"
                on_copied=copied
            />
        </span>
    }
}
