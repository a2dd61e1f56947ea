//! Sign-in with an API token value or a user access token, checked by real
//! API calls (which also tell who it is and which accounts it manages)
//! before it is kept.

use crate::api::credential::normalize;
use crate::api::identity::resolve;
use crate::api::{use_api, ApiError};
use crate::app::session::use_session;
use crate::components::{Appearance, Button, Modal};
use leptos::prelude::*;

fn explain(e: &ApiError, base: &str) -> String {
    match e {
        ApiError::Unauthorized(_) => {
            "The API did not accept this token. Check that you copied all of it and that the token is Active.".into()
        }
        ApiError::Forbidden(_) => format!("These credentials may not read API tokens. {e}"),
        ApiError::Network(_) => format!("The API at {base} could not be reached. Check your connection and try again."),
        other => other.to_string(),
    }
}

/// The token form. On success the session holds the token and its account.
#[component]
pub fn SignInForm(#[prop(optional, into)] autofocus: bool) -> impl IntoView {
    let session = use_session();
    let base = use_api().base_url().to_string();
    let token = RwSignal::new(String::new());
    let local_error = RwSignal::new(None::<String>);
    let verify = Action::new_local({
        let base = base.clone();
        move |candidate: &String| {
            let candidate = normalize(candidate);
            let base = base.clone();
            async move {
                let who = resolve(&base, &candidate).await?;
                session.sign_in(candidate, who);
                token.try_set(String::new());
                Ok::<(), ApiError>(())
            }
        }
    });
    let pending = verify.pending();
    let error = move || {
        local_error
            .get()
            .or_else(|| verify.value().get().and_then(|r| r.err()).map(|e| explain(&e, &base)))
    };
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let value = token.get_untracked();
        if value.trim().is_empty() {
            local_error.set(Some("Enter an API token.".into()));
            return;
        }
        local_error.set(None);
        verify.dispatch_local(value);
    };
    view! {
        <form class="sign-in-form" on:submit=submit data-testid="sign-in-form">
            <label for="sign-in-token">"API token or access token"</label>
            <input
                id="sign-in-token"
                type="password"
                autocomplete="off"
                spellcheck="false"
                autofocus=autofocus
                placeholder="idt:TKN-…"
                aria-describedby="sign-in-help"
                prop:value=move || token.get()
                on:input:target=move |ev| token.set(ev.target().value())
            />
            <p id="sign-in-help" class="help">
                "An API token value (idt:TKN-…) or a user access token. It stays in this browser tab only and is forgotten when you sign out or close the tab."
            </p>
            <p class="form-error" role="alert" data-testid="sign-in-error">{error}</p>
            <Button appearance=Appearance::Primary submit=true busy=pending busy_label="Checking…">
                "Sign in"
            </Button>
        </form>
    }
}

/// The whole-page sign-in shown when no token is held.
#[component]
pub fn SignInPage() -> impl IntoView {
    view! {
        <section class="page sign-in" data-testid="sign-in-page">
            <h2>"Sign in"</h2>
            <p>"Sign in with an API token of your Marketplace account, or a user access token, to manage API tokens."</p>
            <SignInForm autofocus=true />
        </section>
    }
}

/// Modal sign-in over the current page when the API refuses the token
/// mid-session: nothing on the page is lost, and it reloads afterwards. Esc
/// does not close it: signing in again or out are the ways on.
#[component]
pub fn SessionExpiredDialog() -> impl IntoView {
    let session = use_session();
    view! {
        <Modal open=Signal::derive(move || session.expired().is_some()) title="Sign in again" testid="session-expired">
            <p class="dialog-body">{move || session.expired().unwrap_or_default()}</p>
            <SignInForm autofocus=true />
            <div class="dialog-actions">
                <Button appearance=Appearance::Quiet on_click=move |()| session.sign_out()>
                    "Sign out instead"
                </Button>
            </div>
        </Modal>
    }
}
