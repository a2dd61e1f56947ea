//! Choosing the account to manage, when the credentials manage several.

use crate::api::{accounts, use_load, Account};
use crate::app::nav::use_nav;
use crate::app::tabs::use_tabs;
use crate::components::Avatar;
use crate::components::LoadSection;
use crate::model::route::Screen;
use crate::model::tab_message::TabMessage;
use leptos::prelude::*;
use leptos_use_fn_debounce_throttle::use_debounce_fn;

/// Accounts shown at once; a search narrows them.
const SHOWN: i64 = 50;

/// The account chooser; `notice` says why the URL's account was not used.
#[component]
pub fn AccountChooser(notice: Option<String>) -> impl IntoView {
    let search = RwSignal::new(String::new());
    let query = RwSignal::new(String::new());
    let apply = use_debounce_fn(move || query.set(search.get_untracked()), 300.0);
    let found = use_load(
        move || query.get(),
        |api, text| async move { accounts::search(&api, &text, SHOWN).await },
    );
    view! {
        <section class="page chooser" data-testid="account-chooser">
            <h2>"Choose an account"</h2>
            <p>"These credentials can manage the API tokens of several accounts. Choose the one to work with; you can switch at any time."</p>
            {notice.map(|n| view! { <p class="form-error" role="alert" data-testid="account-notice">{n}</p> })}
            <input
                type="search"
                class="search"
                placeholder="Search accounts by name"
                aria-label="Search accounts by name"
                data-testid="account-search"
                prop:value=move || search.get()
                on:input:target=move |ev| {
                    search.set(ev.target().value());
                    apply();
                }
            />
            <LoadSection
                loading="Loading accounts"
                failed="The accounts could not be loaded"
                refused="These credentials may not read the accounts they manage."
                on_retry=move |()| found.refetch()
            >
                {move || Suspend::new(async move { found.await.map(|page| view! { <AccountList accounts=page.data /> }) })}
            </LoadSection>
        </section>
    }
}

#[component]
fn AccountList(accounts: Vec<Account>) -> impl IntoView {
    let (nav, tabs) = (use_nav(), use_tabs());
    if accounts.is_empty() {
        return view! { <p class="muted" data-testid="no-accounts">"No account matches your search."</p> }.into_any();
    }
    view! {
        <ul class="account-list" data-testid="account-list">
            {accounts
                .into_iter()
                .map(|a| {
                    let href = nav.for_account(Some(&a.id)).href(&Screen::list());
                    // The other tabs follow (src/shell/follow_account.rs).
                    let (tabs, chosen) = (tabs.clone(), TabMessage::Account(a.id.clone()));
                    view! {
                        <li>
                            <a class="account-choice" href=href data-testid="account-choice" on:click=move |ev: leptos::ev::MouseEvent| {
                                // A plain click only: a new tab opened by this one keeps the others where they are.
                                if !(ev.ctrl_key() || ev.meta_key() || ev.shift_key() || ev.alt_key() || ev.button() != 0) {
                                    tabs.tell(&chosen);
                                }
                            }>
                                <Avatar name=a.name.clone() icon=a.icon.clone() />
                                <span class="cell-stack">
                                    <span>{a.name.clone()}</span>
                                    <span class="sub">{a.kind.clone().unwrap_or_default()} " · " {a.id.clone()}</span>
                                </span>
                            </a>
                        </li>
                    }
                })
                .collect_view()}
        </ul>
    }
    .into_any()
}
