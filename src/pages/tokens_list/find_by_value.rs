//! Leak response: "Find a token by its value". The pasted value's id is
//! read, the value compared, and the token offered with Disable first. The
//! value lives only in the dialog's field: never stored, logged or put in
//! the URL, and cleared when the dialog closes.

use crate::api::credential::{classify, normalize, Credential};
use crate::api::tokens::{self, ValueMatch};
use crate::api::{use_api, ApiToken};
use crate::app::nav::{use_go, use_nav};
use crate::components::confirm_dialog::show_modal_while;
use crate::components::lazy::{split_point, LazyDialog};
use crate::components::{use_toasts, StatusBadge, UsageMarker};
use crate::model::route::{Route, Tab};
use crate::model::token_action::{Change, TokenStatus};
use leptos::html::Dialog;
use leptos::prelude::*;
use leptos_router::NavigateOptions;

/// The page header's button and its dialog.
#[component]
pub fn FindByValueButton() -> impl IntoView {
    let open = RwSignal::new(false);
    view! {
        <button type="button" class="btn" data-testid="find-by-value" on:click=move |_| open.set(true)>
            "Find by value"
        </button>
        <LazyDialog open render=move || render_find_dialog(open) />
    }
}

split_point!(find_by_value, render_find_dialog, |open: RwSignal<bool>| view! {
    <FindByValueDialog open />
});

/// The field, the search and what it found.
#[component]
fn FindByValueDialog(open: RwSignal<bool>) -> impl IntoView {
    let dialog = NodeRef::<Dialog>::new();
    show_modal_while(dialog, move || open.get());
    let api = use_api();
    let value = RwSignal::new(String::new());
    let problem = RwSignal::new(None::<String>);
    let find = Action::new_local(move |raw: &String| {
        let (api, value) = (api.clone(), normalize(raw));
        async move {
            match classify(&value) {
                Credential::ApiToken { id } => tokens::find_by_value(&api, &id, &value)
                    .await
                    .map_err(|e| e.to_string()),
                _ => Err("This is not an API token value: those look like idt:TKN-…:….".into()),
            }
        }
    });
    // Closing forgets the value and what was found.
    Effect::new(move |_| {
        if !open.get() {
            value.set(String::new());
            problem.set(None);
            find.value().set(None);
        }
    });
    let submit = move |ev: web_sys::SubmitEvent| {
        ev.prevent_default();
        find.dispatch(value.get_untracked());
    };
    view! {
        <dialog node_ref=dialog class="dialog" aria-labelledby="find-title" data-testid="find-dialog" on:close=move |_| open.set(false)>
            <h2 id="find-title" class="dialog-title">"Find a token by its value"</h2>
            <form class="dialog-body" on:submit=submit>
                <p class="muted">"For a value that leaked: paste it to find its token and disable it. The value is not kept."</p>
                <div class="field">
                    <label for="find-value">"Token value"</label>
                    <input id="find-value" type="password" autocomplete="off" spellcheck="false" data-testid="find-value" data-1p-ignore="" data-lpignore="true"
                        prop:value=move || value.get() on:input=move |ev| value.set(event_target_value(&ev)) />
                </div>
                <button type="submit" class="btn btn-primary" data-testid="find-submit" disabled=move || find.pending().get()>
                    {move || if find.pending().get() { "Finding…" } else { "Find" }}
                </button>
            </form>
            <div role="status" data-testid="find-result">
                {move || find.value().get().map(|found| match found {
                    Ok(ValueMatch::Confirmed(t)) => view! { <Found token=t confirmed=true open /> }.into_any(),
                    Ok(ValueMatch::Unconfirmed(t)) => view! { <Found token=t confirmed=false open /> }.into_any(),
                    Ok(ValueMatch::NoMatch) => view! { <p data-testid="find-none">"No API token of this account has this value."</p> }.into_any(),
                    Err(e) => view! { <p class="form-error" data-testid="find-error">{e}</p> }.into_any(),
                })}
            </div>
            <div class="dialog-actions">
                <button type="button" class="btn" on:click=move |_| open.set(false)>"Close"</button>
            </div>
        </dialog>
    }
}

/// The token found, with Disable first.
#[component]
fn Found(token: ApiToken, confirmed: bool, open: RwSignal<bool>) -> impl IntoView {
    let (api, toasts, go, nav) = (use_api(), use_toasts(), use_go(), use_nav());
    let (id, name, status) = (token.id.clone(), token.name.clone(), token.status);
    let details = Route::token(&id, Tab::General);
    let disable = Action::new_local({
        let (id, name, details, go) = (id.clone(), name.clone(), details.clone(), go.clone());
        move |_: &()| {
            let (api, id, name, details, go) = (api.clone(), id.clone(), name.clone(), details.clone(), go.clone());
            async move {
                match tokens::act(&api, &id, Change::Disable).await {
                    Ok(()) => {
                        toasts.success("API token disabled", format!("{name} ({id})"));
                        open.set(false);
                        go(&details, NavigateOptions::default());
                    }
                    Err(e) => toasts.error(format!("Could not disable {name}"), e.to_string()),
                }
            }
        }
    });
    view! {
        <div class="found" data-testid="find-found">
            <p>
                {if confirmed { "This value belongs to " } else { "The id in this value names " }}
                <strong data-testid="found-name">{name}</strong>" ("{id.clone()}") "
                <StatusBadge status />
            </p>
            <p class="muted">"Last used: "<UsageMarker last_access_at=token.last_access_at.clone() now_ms=js_sys::Date::now() as i64 /></p>
            {(!confirmed).then(|| view! { <p class="muted">"The API did not send the value, so it could not be compared."</p> })}
            <div class="dialog-actions">
                {(status == TokenStatus::Active).then(|| view! {
                    <button type="button" class="btn btn-danger" data-testid="find-disable" disabled=move || disable.pending().get()
                        on:click=move |_| { disable.dispatch(()); }>"Disable now"</button>
                })}
                <a class="btn" href=nav.href(&details) on:click=move |_| open.set(false) data-testid="find-open">"Open token"</a>
            </div>
        </div>
    }
}
