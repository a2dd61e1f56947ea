//! The API tokens list page (`/api-tokens`): search, filters, sort, paging,
//! column choice, row actions and bulk actions, all state in the URL.

mod bulk;
mod cells;
mod columns;
mod export;
mod filter_select;
mod find_by_value;
mod hygiene;
mod pagination;
mod row;
mod selection;
mod table;
mod toolbar;
mod views;

pub use columns::Column;
pub use row::TokenRow;
pub use selection::Selection;
pub use table::TokensTable;

use crate::api::modules::{self, provide_shared_modules};
use crate::api::{tokens, use_load, ApiToken, Page};
use crate::app::account::use_account;
use crate::app::nav::{use_go, use_nav};
use crate::app::return_to::use_list_return;
use crate::components::{Appearance, Button, ButtonLink, LoadSection, PendingAction, Skeleton, TokenActionDialog};
use crate::model::list_state::{ListState, Scope};
use crate::model::route::Screen;
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;
use leptos_router::NavigateOptions;

/// State shared by the list page's parts.
#[derive(Clone, Copy)]
pub struct ListContext {
    /// The state read from the URL.
    pub state: Memo<ListState>,
    /// The selected rows.
    pub selection: Selection,
    /// Loads the list (and its counts) again.
    pub refresh: Trigger,
    /// The single action awaiting confirmation.
    pub pending: RwSignal<Option<PendingAction>>,
    /// Hidden optional columns.
    pub hidden: Signal<Vec<Column>>,
}

/// Navigates to the list with `state` in the URL.
pub fn go_to(go: &impl Fn(&Screen, NavigateOptions), state: &ListState, replace: bool) {
    go(
        &Screen::List(state.clone()),
        NavigateOptions {
            replace,
            scroll: false,
            ..Default::default()
        },
    );
}

/// Provides `ctx` to the list page's parts.
pub fn provide_list_context(ctx: ListContext) {
    provide_context(ctx);
}

/// The state the list page's parts share.
pub fn use_list_context() -> ListContext {
    expect_context::<ListContext>()
}

#[component]
pub fn TokensListPage() -> impl IntoView {
    let query = use_query_map();
    let state = Memo::new(move |_| query.with(|q| ListState::from_params(|k| q.get(k))));
    let (hidden, set_hidden) = columns::use_hidden_columns();
    let ctx = ListContext {
        state,
        selection: Selection::new(state),
        refresh: Trigger::new(),
        pending: RwSignal::new(None),
        hidden,
    };
    provide_list_context(ctx);

    let list_return = use_list_return();
    // Session storage: the details page's "back" returns to this list.
    Effect::new(move |_| list_return.remember(&state.get()));

    let account = use_account();
    // One module list for the filter, "granted every module" and the counts.
    let account_modules = provide_shared_modules(account.clone());
    // Usage markers are as of the moment the rows were asked for.
    let tokens = use_load(
        move || {
            ctx.refresh.track();
            state.get()
        },
        move |api, st| {
            let account = account.clone();
            async move {
                let now = js_sys::Date::now() as i64;
                let module_ids = modules::ids_if(&api, &account, account_modules, st.needs_module_ids()).await?;
                let scope = Scope {
                    account: &account.id,
                    now_ms: now,
                    module_ids: &module_ids,
                };
                let page = tokens::list(&api, &st.to_rql(&scope)).await?;
                Ok((page, now))
            }
        },
    );
    let nav = use_nav();
    // Rows being replaced: announced to assistive technology, and a moving bar.
    let busy = RwSignal::new(false);

    view! {
        <section class="page tokens-page">
            <div class="page-head">
                <h2>"API tokens"</h2>
                <div class="page-actions">
                    <find_by_value::FindByValueButton />
                    <ButtonLink appearance=Appearance::Primary href=nav.href(&Screen::New { from: None }) testid="add-token" shortcut="n">"Add"</ButtonLink>
                </div>
            </div>
            <hygiene::HygieneOverview />
            <div class=move || format!("card {}", columns::hiding_classes(&hidden.get())) aria-busy=move || busy.get().to_string()>
                <views::ViewBar set_hidden />
                <toolbar::Toolbar on_refresh=move |()| ctx.refresh.notify() set_hidden />
                <bulk::BulkBar />
                <LoadSection
                    loading="Loading API tokens"
                    failed="The API tokens could not be loaded"
                    refused="These credentials may not read this account's API tokens."
                    on_retry=move |()| tokens.refetch()
                    busy
                    skeleton=|| view! { <Skeleton label="Loading API tokens" rows=5 testid="loading" /> }
                >
                    {move || Suspend::new(async move { tokens.await.map(|(page, now)| view! { <PageOfTokens page now /> }) })}
                </LoadSection>
            </div>
            <TokenActionDialog pending=ctx.pending on_done=move |_| ctx.refresh.notify() />
        </section>
    }
}

/// A loaded page: the table, or an empty state, and the pagination.
#[component]
fn PageOfTokens(page: Page<ApiToken>, now: i64) -> impl IntoView {
    let ctx = use_list_context();
    let nav = use_nav();
    let navigate = use_go();
    let st = ctx.state.get_untracked();
    let total = page.total();
    let shown = page.data.len();
    let body = if shown > 0 {
        view! { <table::TokensTable rows=page.data now /> }.into_any()
    } else if total > 0 {
        let last = st.page_count(total);
        let to_last = ListState {
            page: last,
            ..st.clone()
        };
        view! {
            <div class="empty" data-testid="empty-page">
                <p>"This page has no rows."</p>
                <Button on_click=move |()| go_to(&navigate, &to_last, true)>
                    {format!("Go to page {last}")}
                </Button>
            </div>
        }
        .into_any()
    } else if st.is_filtered() {
        let cleared = st.cleared();
        view! {
            <div class="empty" data-testid="empty-filtered">
                <p>"No API tokens match your search and filters."</p>
                <Button on_click=move |()| go_to(&navigate, &cleared, false)>
                    "Clear search and filters"
                </Button>
            </div>
        }
        .into_any()
    } else {
        view! {
            <div class="empty" data-testid="empty-list">
                <p>"There are no API tokens in this account yet."</p>
                <p class="muted">"Add a token to give an application access to the Marketplace API."</p>
                <ButtonLink appearance=Appearance::Primary href=nav.href(&Screen::New { from: None })>"Add API token"</ButtonLink>
            </div>
        }
        .into_any()
    };
    view! {
        {body}
        <pagination::Pagination total shown />
    }
}
