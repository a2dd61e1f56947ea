//! The console once its configuration is known: providers, the sign-in
//! gate, the account gate, the frame and the routes. The top of the
//! layers: model ← api ← app ← components ← pages ← shell.

use crate::api::identity::resolve;
use crate::api::{ApiClient, ApiError};
use crate::app::account::{provide_account, provide_managed, use_which_account, WhichAccount};
use crate::app::activity::provide_activity;
use crate::app::config::AppConfig;
use crate::app::connection::provide_connection;
use crate::app::leave_guard::provide_leave_guard;
use crate::app::locale::warm_formatters;
use crate::app::nav::{provide_nav, use_nav, Nav};
use crate::app::return_to::provide_list_return;
use crate::app::session::{provide_session, use_session};
use crate::app::tabs::provide_tabs;
use crate::components::error_panel::ErrorPanel;
use crate::components::lazy::{Lazy, LazyDialog, Render};
use crate::components::{
    provide_toasts, ConnectionBanner, FrameHeader, IdleWatch, LeaveDialog, Shortcuts, Skeleton, Toasts,
};
use crate::model::route::{Screen, ID_PARAM, NEW_SEGMENT, ROTATE_SEGMENT, TAB_PARAM, TOKENS_SEGMENT};
use crate::pages::{NotFound, SignInPage, TokensListPage};
use leptos::prelude::*;
use leptos_router::components::{FlatRoutes, Redirect, Route, Router};
use leptos_router::{OptionalParamSegment, ParamSegment, StaticSegment};
use std::sync::Arc;

mod chunks;
mod follow_account;
mod prefetch;

/// The console under `config`.
#[component]
pub fn Console(config: AppConfig) -> impl IntoView {
    let session = provide_session(provide_tabs(&config.api_base_url));
    let connection = provide_connection();
    let api = ApiClient::new(&config.api_base_url, Arc::new(session)).telling(Arc::new(connection));
    provide_context(api.clone());
    provide_toasts();
    provide_list_return();
    provide_activity();
    warm_formatters();
    let base = config.base_path.clone();
    provide_nav(Nav::new(&base, None));

    // A token restored from sessionStorage: learn who it is again.
    let restore = Action::new_local(move |token: &String| {
        let (token, base) = (token.clone(), api.base_url().to_string());
        async move {
            match resolve(&base, &token).await {
                Ok(who) => {
                    session.restore(who);
                    Ok(())
                }
                Err(ApiError::Unauthorized(_)) => {
                    session.expire("The API no longer accepts your token. Sign in again to continue.");
                    Ok(())
                }
                Err(e) => Err(e),
            }
        }
    });
    let restore_stored = Callback::new(move |()| {
        if let Some(token) = session.token() {
            restore.dispatch_local(token);
        }
    });
    restore_stored.run(());
    // Why the stored token could not be restored, until someone is signed in.
    // A memo: the pages below re-render only when this really changes.
    let restore_error = Memo::new(move |_| {
        session
            .signed_in()
            .is_none()
            .then(|| restore.value().get().and_then(Result::err))
            .flatten()
            .map(|e| e.to_string())
    });
    let restoring = restore.pending();

    let idle = config
        .idle_timeout_ms
        .map(|timeout_ms| view! { <IdleWatch timeout_ms /> });
    view! {
        <Router base=base>
            <Frame restore_error=restore_error.into() restoring=restoring.into() on_retry=restore_stored />
            {idle}
        </Router>
    }
}

/// Header, messages, and the page, inside the router.
#[component]
fn Frame(restore_error: Signal<Option<String>>, restoring: Signal<bool>, on_retry: Callback<()>) -> impl IntoView {
    provide_managed();
    let session = use_session();
    view! {
        <FrameHeader />
        <ConnectionBanner />
        <Toasts />
        <main class="page-main">
            <Show when=move || session.has_page() fallback=|| view! { <SignInPage /> }>
                {move || match restore_error.get() {
                    Some(detail) => view! { <ErrorPanel title="You could not be signed in again" detail on_retry retrying=restoring /> }.into_any(),
                    None => view! { <Pages /> }.into_any(),
                }}
            </Show>
        </main>
        <LazyDialog open=Signal::derive(move || session.expired().is_some()) render=chunks::render_session_expired />
    }
}

/// A routed page from a chunk: a page skeleton while it downloads.
#[component]
fn LazyRoute(#[prop(into)] render: Render) -> impl IntoView {
    let skeleton = || view! { <Skeleton label="Loading" page=true /> };
    view! { <section class="page"><Lazy render fallback=skeleton /></section> }
}

/// The routes, for the account being managed. The first route that
/// matches wins: the Add wizard and a token's rotation before a token's
/// details, whose tab segment is optional.
#[component]
fn Pages() -> impl IntoView {
    let which = use_which_account();
    let nav = use_nav();
    move || match which.get() {
        WhichAccount::Manage { account, param } => {
            provide_account(account);
            provide_nav(nav.for_account(param.as_deref()));
            provide_leave_guard(nav.base().to_string());
            let home = use_nav().path(&Screen::list());
            view! {
                <FlatRoutes fallback=NotFound>
                    <Route path=StaticSegment("") view=move || view! { <Redirect path=home.clone() /> } />
                    <Route path=StaticSegment(TOKENS_SEGMENT) view=TokensListPage />
                    <Route path=(StaticSegment(TOKENS_SEGMENT), StaticSegment(NEW_SEGMENT)) view=|| view! { <LazyRoute render=chunks::render_add_wizard /> } />
                    <Route
                        path=(StaticSegment(TOKENS_SEGMENT), ParamSegment(ID_PARAM), StaticSegment(ROTATE_SEGMENT))
                        view=|| view! { <LazyRoute render=chunks::render_rotate /> }
                    />
                    <Route
                        path=(StaticSegment(TOKENS_SEGMENT), ParamSegment(ID_PARAM), OptionalParamSegment(TAB_PARAM))
                        view=|| view! { <LazyRoute render=chunks::render_details /> }
                    />
                </FlatRoutes>
                <Shortcuts />
                <LeaveDialog />
                <follow_account::FollowAccount />
                <prefetch::Prefetch />
            }
            .into_any()
        }
        WhichAccount::Choose { notice } => {
            let render = move || chunks::render_chooser(notice.clone());
            view! { <LazyRoute render /> <follow_account::FollowAccount /> }.into_any()
        }
        WhichAccount::Resolving => view! { <p class="boot" data-testid="resolving">"Loading…"</p> }.into_any(),
    }
}
