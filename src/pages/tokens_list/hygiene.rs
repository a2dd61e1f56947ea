//! The hygiene overview above the list: how many tokens are unused, idle
//! or disabled, each count a link to the list of exactly those tokens,
//! from where the bulk bar acts on them.

use super::use_list_context;
use crate::api::modules::{self, use_shared_modules};
use crate::api::{tokens, use_load, ApiClient, ApiError};
use crate::app::account::use_account;
use crate::app::nav::use_nav;
use crate::components::LoadSection;
use crate::model::hygiene::Check;
use crate::model::list_state::Scope;
use crate::model::route::Screen;
use futures::future::try_join_all;
use leptos::prelude::*;

/// The counts, loaded with the list and again after every change.
#[component]
pub fn HygieneOverview() -> impl IntoView {
    let ctx = use_list_context();
    let account = use_account();
    let account_modules = use_shared_modules(account.clone());
    let account = account.id;
    let counts = use_load(
        move || ctx.refresh.track(),
        move |api, ()| {
            let account = account.clone();
            async move {
                // Unknown modules (the module filter says why) leave that count out.
                let module_ids = account_modules.await.map(|m| modules::ids_of(&m)).unwrap_or_default();
                count_all(&api, &account, &module_ids).await
            }
        },
    );
    view! {
        <section class="hygiene" aria-labelledby="hygiene-title" data-testid="hygiene">
            <h3 id="hygiene-title" class="visually-hidden">"Token hygiene"</h3>
            <LoadSection
                loading="Counting tokens that need a look"
                failed="The token counts could not be loaded"
                refused="These credentials may not count this account's API tokens."
                on_retry=move |()| counts.refetch()
            >
                {move || Suspend::new(async move {
                    counts.await.map(|counts| {
                        counts.into_iter().map(|(check, n)| view! { <CountLink check n /> }).collect_view()
                    })
                })}
            </LoadSection>
        </section>
    }
}

/// Every check's count in `account`, asked for together. "Granted every
/// module" is left out without `module_ids`.
async fn count_all(api: &ApiClient, account: &str, module_ids: &[String]) -> Result<Vec<(Check, u64)>, ApiError> {
    let scope = Scope {
        account,
        now_ms: js_sys::Date::now() as i64,
        module_ids,
    };
    let checks = Check::ALL
        .into_iter()
        .filter(|c| *c != Check::EveryModule || !module_ids.is_empty());
    try_join_all(checks.map(|check| async move {
        let page = tokens::list(api, &check.count_query(&scope)).await?;
        Ok((check, page.total()))
    }))
    .await
}

/// One count, linking to its list; marked while that list is shown.
#[component]
fn CountLink(check: Check, n: u64) -> impl IntoView {
    let ctx = use_list_context();
    let nav = use_nav();
    let href = move || nav.href(&Screen::List(check.list(&ctx.state.get())));
    let current = move || check.is_shown_by(&ctx.state.get()).then_some("true");
    view! {
        <a
            class="hygiene-count"
            class:zero=n == 0
            href=href
            aria-current=current
            data-testid=check.testid()
        >
            <strong>{n}</strong>
            " "
            {check.label()}
        </a>
    }
}
