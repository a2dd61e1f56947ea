//! The token details page (`/api-tokens/{id}/{tab}`): header with actions,
//! account card, and the General, Modules, Details and Audit trail tabs.
//! `/api-tokens/{id}/edit` is the General tab with the Edit dialog open.

mod audit_tab;
mod edit_conflict;
mod edit_dialog;
mod header;
mod tabs;

pub use edit_conflict::{ConflictView, EditConflict, Resolution};
pub use tabs::TabList;

use crate::api::{tokens, use_api, use_load, ApiError, ApiToken};
use crate::app::nav::{use_go, use_nav};
use crate::app::return_to::use_list_return;
use crate::components::error_panel::LoadFailed;
use crate::components::{Avatar, ButtonLink, CopyButton, DateTime, SecretValue, Skeleton, UsageMarker};
use crate::model::route::{Screen, Tab, EDIT_SEGMENT};
use leptos::prelude::*;
use leptos::Params;
use leptos_router::hooks::use_params;
use leptos_router::params::Params;
use leptos_router::NavigateOptions;

/// The route's parameters (`model::route::ID_PARAM`, `TAB_PARAM`): the
/// token, and its tab or `edit` (none: General).
#[derive(Params, Debug, Clone, PartialEq, Default)]
struct TokenParams {
    id: Option<String>,
    tab: Option<String>,
}

#[component]
pub fn TokenDetailsPage() -> impl IntoView {
    let params = use_params::<TokenParams>();
    let param = move |f: fn(TokenParams) -> Option<String>| params.get().ok().and_then(f);
    let id = Memo::new(move |_| param(|p| p.id).unwrap_or_default());
    let raw_tab = Memo::new(move |_| param(|p| p.tab));
    // Loads the token again (after a change made here).
    let refresh = Trigger::new();
    let token = use_load(
        move || {
            refresh.track();
            id.get()
        },
        |api, id| async move { tokens::get(&api, &id).await },
    );
    let retry = Callback::new(move |()| token.refetch());
    view! {
        <Transition fallback=|| view! { <Skeleton label="Loading the API token" rows=2 /> }>
            {move || Suspend::new(async move {
                match token.await {
                    Ok(t) => view! { <TokenDetails token=t raw_tab refresh /> }.into_any(),
                    Err(e) if e.status() == Some(404) => view! { <TokenNotFound id=id.get_untracked() /> }.into_any(),
                    Err(e) => view! {
                        <LoadFailed
                            title="The API token could not be loaded"
                            refused="These credentials may not read this API token."
                            detail=e.to_string()
                            error=Some(e)
                            on_retry=retry
                        />
                    }
                    .into_any(),
                }
            })}
        </Transition>
        <Editing token raw_tab refresh />
    }
}

/// The Edit dialog over the page, outside the part that reloads: a reload
/// (after signing in again, say) leaves it as it was, step and focus included.
#[component]
fn Editing(
    token: LocalResource<Result<ApiToken, ApiError>>,
    raw_tab: Memo<Option<String>>,
    refresh: Trigger,
) -> impl IntoView {
    let navigate = use_go();
    let state = edit_dialog::EditState::new();
    let loaded = Memo::new(move |_| token.with(|t| matches!(t, Some(Ok(_)))));
    let editing = Memo::new(move |_| loaded.get() && raw_tab.get().as_deref() == Some(EDIT_SEGMENT));
    let close = Callback::new(move |saved: bool| {
        let Some(Ok(t)) = token.get_untracked() else { return };
        if saved {
            refresh.notify();
        }
        navigate(
            &Screen::token(&t.id, Tab::General),
            NavigateOptions {
                replace: true,
                ..Default::default()
            },
        );
    });
    view! {
        <Show when=move || editing.get()>
            {move || {
                token
                    .get_untracked()
                    .and_then(Result::ok)
                    .map(|token| view! { <edit_dialog::EditTokenDialog token state on_close=close /> })
            }}
        </Show>
    }
}

/// Unknown or deleted token.
#[component]
fn TokenNotFound(id: String) -> impl IntoView {
    let back = use_list_return();
    let nav = use_nav();
    view! {
        <section class="page not-found" data-testid="token-not-found">
            <h2>"API token not found"</h2>
            <p>{format!("There is no API token {id}. It may have been deleted.")}</p>
            <ButtonLink href=move || nav.href(&back.route())>"Back to API tokens"</ButtonLink>
        </section>
    }
}

/// A token once read: its header, tabs and the open tab.
#[component]
fn TokenDetails(token: ApiToken, raw_tab: Memo<Option<String>>, refresh: Trigger) -> impl IntoView {
    let tab = Memo::new(move |_| Tab::parse(raw_tab.get().as_deref()));
    let id = token.id.clone();
    let t = StoredValue::new(token.clone());
    view! {
        <section class="page details-page" data-testid="details-page">
            <header::DetailsHeader token=token.clone() refresh />
            <AccountCard token=token.clone() />
            <div class="card tabs-card">
                <TabList id=id.clone() current=tab />
                <div role="tabpanel" id="token-tabpanel" aria-labelledby=move || format!("tab-{}", tab.get().slug()) tabindex="0" class="tabpanel">
                    {move || match tab.get() {
                        Tab::General => view! { <GeneralTab token=t.get_value() /> }.into_any(),
                        Tab::Modules => view! { <ModulesTab token=t.get_value() /> }.into_any(),
                        Tab::Details => view! { <DetailsTab token=t.get_value() /> }.into_any(),
                        Tab::Audit => view! { <audit_tab::AuditTab id=t.with_value(|t| t.id.clone()) /> }.into_any(),
                    }}
                </div>
            </div>
        </section>
    }
}

/// Account and last access.
#[component]
fn AccountCard(token: ApiToken) -> impl IntoView {
    let account = token.account.clone().unwrap_or_default();
    let now = js_sys::Date::now() as i64;
    let status = account.status.clone().unwrap_or_default();
    let badge = if status == "Active" || status == "Enabled" {
        "badge badge-active"
    } else {
        "badge"
    };
    view! {
        <div class="card account-card" data-testid="account-card">
            <div>
                <h3 class="label">"Account"</h3>
                <div class="cell-token">
                    <Avatar name=account.name.clone() icon=account.icon.clone() />
                    <div class="cell-stack">
                        <span>{account.name.clone()} " " <span class=badge>{status}</span></span>
                        <span class="sub">{account.id.clone()}</span>
                    </div>
                </div>
            </div>
            <div>
                <h3 class="label">"Last access"</h3>
                <div data-testid="details-last-access">
                    <DateTime at=token.last_access_at.clone() empty="Never used" />
                    <UsageMarker last_access_at=token.last_access_at.clone() now_ms=now never=false />
                </div>
            </div>
        </div>
    }
}

/// The environment variable the usage example reads the token from.
const TOKEN_VARIABLE: &str = "MPT_API_TOKEN";

/// Description, API endpoint, token value and a usage example.
#[component]
fn GeneralTab(token: ApiToken) -> impl IntoView {
    let api = use_api();
    let endpoint = api.base_url().to_string();
    let list_url = format!("{endpoint}/public/v1/accounts/api-tokens");
    // The snippet names an environment variable rather than the value, so
    // pasting it into a shell keeps the secret out of the shell's history.
    let example = format!("curl -H \"Authorization: Bearer ${TOKEN_VARIABLE}\" {list_url}");
    let copied_example = example.clone();
    let description = token
        .description
        .clone()
        .filter(|d| !d.trim().is_empty())
        .unwrap_or_else(|| "—".into());
    view! {
        <dl class="fields">
            <dt>"Description"</dt>
            <dd data-testid="description" class="pre-line">{description}</dd>
            <dt>"API endpoint"</dt>
            <dd>
                <code data-testid="endpoint">{endpoint.clone()}</code>
                <CopyButton value=Signal::derive(move || endpoint.clone()) label="Copy API endpoint" testid="copy-endpoint" />
            </dd>
            <dt>"API token"</dt>
            <dd>
                {match token.token.clone() {
                    Some(secret) => view! { <SecretValue secret what="API token" /> }.into_any(),
                    None => view! { <span class="muted">"The API did not return the token value."</span> }.into_any(),
                }}
            </dd>
            <dt>"Usage example"</dt>
            <dd>
                <code class="example" data-testid="usage-example">{example}</code>
                <CopyButton value=Signal::derive(move || copied_example.clone()) label="Copy usage example" testid="copy-example" />
                <p class="hint" data-testid="usage-hint">
                    "Set " <code>{TOKEN_VARIABLE}</code> " to the token value (Copy API token above) first, for example with "
                    <code>{format!("read -rs {TOKEN_VARIABLE}")}</code> "."
                </p>
            </dd>
        </dl>
    }
}

/// The modules the token grants.
#[component]
fn ModulesTab(token: ApiToken) -> impl IntoView {
    if token.modules.is_empty() {
        return view! { <p class="muted" data-testid="no-modules">"This token has no modules."</p> }.into_any();
    }
    let modules = token.modules.clone();
    view! {
        <table class="plain-table" data-testid="modules-table">
            <thead>
                <tr>
                    <th scope="col">"Module"</th>
                    <th scope="col">"ID"</th>
                    <th scope="col">"Description"</th>
                </tr>
            </thead>
            <tbody>
                <For each=move || modules.clone() key=|m| m.id.clone() let:m>
                    <tr data-testid="module-row">
                        <td>{m.name}</td>
                        <td class="sub">{m.id}</td>
                        <td>{m.description.unwrap_or_default()}</td>
                    </tr>
                </For>
            </tbody>
        </table>
    }
    .into_any()
}

/// Dates and people.
#[component]
fn DetailsTab(token: ApiToken) -> impl IntoView {
    let created = token.created().cloned().unwrap_or_default();
    let updated = token.updated().cloned().unwrap_or_default();
    let person = |e: &crate::api::Event| {
        e.by.as_ref()
            .map(|b| format!("{} ({})", b.name, b.id))
            .unwrap_or_else(|| "—".into())
    };
    view! {
        <dl class="fields" data-testid="details-fields">
            <dt>"Created"</dt>
            <dd data-testid="created-at"><DateTime at=created.at.clone() /></dd>
            <dt>"Created by"</dt>
            <dd data-testid="created-by">{person(&created)}</dd>
            <dt>"Updated"</dt>
            <dd data-testid="updated-at"><DateTime at=updated.at.clone() /></dd>
            <dt>"Updated by"</dt>
            <dd data-testid="updated-by">{person(&updated)}</dd>
            <dt>"Last access"</dt>
            <dd><DateTime at=token.last_access_at.clone() empty="Never used" /></dd>
        </dl>
    }
}
