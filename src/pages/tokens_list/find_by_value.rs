//! Leak response: "Find a token by its value". The pasted value's id is
//! read, the value compared, and the token offered with Disable first. The
//! value lives only in the dialog's field: never stored, logged or put in
//! the URL, and cleared when the dialog closes.

use crate::api::credential::{classify, normalize, Credential};
use crate::api::tokens::{self, ValueMatch};
use crate::api::{use_api, ApiToken};
use crate::app::nav::{use_go, use_nav};
use crate::components::lazy::{split_point, LazyDialog};
use crate::components::{use_toasts, Appearance, Button, ButtonLink, Modal, StatusBadge, UsageMarker};
use crate::model::route::{Screen, Tab};
use crate::model::token_action::{Change, TokenStatus};
use leptos::prelude::*;
use leptos_router::NavigateOptions;

/// The page header's button and its dialog.
#[component]
pub fn FindByValueButton() -> impl IntoView {
    let open = RwSignal::new(false);
    view! {
        <Button testid="find-by-value" on_click=move |()| open.set(true)>
            "Find by value"
        </Button>
        <LazyDialog open render=move || render_find_dialog(open) />
    }
}

split_point!(find_by_value, render_find_dialog, |open: RwSignal<bool>| view! {
    <FindByValueDialog open />
});

/// The dialog; what it holds lives only while it is open.
#[component]
fn FindByValueDialog(open: RwSignal<bool>) -> impl IntoView {
    let close = Callback::new(move |()| open.set(false));
    view! {
        <Modal open title="Find a token by its value" on_close=close testid="find-dialog">
            <FindByValue open />
            <div class="dialog-actions">
                <Button on_click=close>"Close"</Button>
            </div>
        </Modal>
    }
}

/// The field, the search and what it found: made at each opening, so
/// closing forgets the value and what was found.
#[component]
fn FindByValue(open: RwSignal<bool>) -> impl IntoView {
    let api = use_api();
    let value = RwSignal::new(String::new());
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
    let submit = move |ev: web_sys::SubmitEvent| {
        ev.prevent_default();
        find.dispatch_local(value.get_untracked());
    };
    view! {
        <form class="dialog-body" on:submit=submit>
            <p class="muted">"For a value that leaked: paste it to find its token and disable it. The value is not kept."</p>
            <div class="field">
                <label for="find-value">"Token value"</label>
                <input id="find-value" type="password" autocomplete="off" spellcheck="false" data-testid="find-value" data-1p-ignore="" data-lpignore="true"
                    prop:value=move || value.get() on:input:target=move |ev| value.set(ev.target().value()) />
            </div>
            <Button appearance=Appearance::Primary submit=true testid="find-submit" busy=find.pending() busy_label="Finding…">
                "Find"
            </Button>
        </form>
        <div role="status" data-testid="find-result">
            {move || find.value().get().map(|found| match found {
                Ok(ValueMatch::Confirmed(t)) => view! { <Found token=t confirmed=true open /> }.into_any(),
                Ok(ValueMatch::Unconfirmed(t)) => view! { <Found token=t confirmed=false open /> }.into_any(),
                Ok(ValueMatch::NoMatch) => view! { <p data-testid="find-none">"No API token of this account has this value."</p> }.into_any(),
                Err(e) => view! { <p class="form-error" data-testid="find-error">{e}</p> }.into_any(),
            })}
        </div>
    }
}

/// The token found, with Disable first.
#[component]
fn Found(token: ApiToken, confirmed: bool, open: RwSignal<bool>) -> impl IntoView {
    let (api, toasts, go, nav) = (use_api(), use_toasts(), use_go(), use_nav());
    let (id, name, status) = (token.id.clone(), token.name.clone(), token.status);
    let details = Screen::token(&id, Tab::General);
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
                    <Button appearance=Appearance::Danger testid="find-disable" writes=true busy=disable.pending()
                        on_click=move |()| { disable.dispatch_local(()); }>"Disable now"</Button>
                })}
                <ButtonLink href=nav.href(&details) on_click=move |()| open.set(false) testid="find-open">"Open token"</ButtonLink>
            </div>
        </div>
    }
}
