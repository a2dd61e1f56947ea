//! The signed-in frame: providers, the sign-in gate, and the routes.

use crate::api::{provide_api, tokens};
use crate::components::{provide_toasts, FrameHeader, Toasts};
use crate::config::AppConfig;
use crate::pages::{AddWizardPage, NotFound, SessionExpiredDialog, SignInPage, TokenDetailsPage, TokensListPage};
use crate::return_to::provide_list_return;
use crate::session::provide_session;
use leptos::prelude::*;
use leptos_router::components::{Redirect, Route, Router, Routes};
use leptos_router::path;

/// The console once its configuration is known.
#[component]
pub fn Console(config: AppConfig) -> impl IntoView {
    let session = provide_session();
    let api = provide_api(&config);
    let base = config.base_path.clone();
    crate::links::provide_links(&base);
    provide_toasts();
    provide_list_return();

    // A token restored from sessionStorage: learn its account (a refusal asks to sign in again).
    let account = LocalResource::new(move || {
        let api = api.clone();
        let needed = session.is_signed_in() && session.account().is_none();
        async move {
            if needed {
                tokens::account(&api).await.map(Some)
            } else {
                Ok(None)
            }
        }
    });
    Effect::new(move |_| {
        if let Some(Ok(Some(a))) = account.get() {
            session.set_account(a);
        }
    });

    view! {
        <Router base=base>
            <FrameHeader />
            <Toasts />
            <main class="page-main">
                <Show when=move || session.is_signed_in() fallback=|| view! { <SignInPage /> }>
                    <Routes fallback=NotFound>
                        <Route path=path!("/") view=|| view! { <Redirect path="/api-tokens" /> } />
                        <Route path=path!("/api-tokens") view=TokensListPage />
                        <Route path=path!("/api-tokens/new") view=AddWizardPage />
                        <Route path=path!("/api-tokens/:id") view=TokenDetailsPage />
                        <Route path=path!("/api-tokens/:id/:tab") view=TokenDetailsPage />
                    </Routes>
                </Show>
            </main>
            <SessionExpiredDialog />
        </Router>
    }
}
