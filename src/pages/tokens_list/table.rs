//! The tokens table: sortable headers, select-all, rows.

use super::{go_to, use_list_context, Column, TokenRow};
use crate::api::ApiToken;
use crate::app::nav::use_go;
use crate::model::list_state::{ListState, SortField};
use leptos::prelude::*;
use std::time::Duration;

/// Rows built before a page first paints. The rest are built right after
/// that paint, so a long page shows its top without waiting for its bottom.
const FIRST_ROWS: usize = 25;

/// Runs `f` once the browser has painted the next frame.
fn after_paint(f: impl FnOnce() + 'static) {
    request_animation_frame(move || set_timeout(f, Duration::ZERO));
}

/// A header that sorts by `field` when clicked (a button, so keyboards reach it).
#[component]
fn SortHeader(field: SortField, label: &'static str, #[prop(optional, into)] class: String) -> impl IntoView {
    let ctx = use_list_context();
    let navigate = use_go();
    let state = ctx.state;
    let aria_sort = move || {
        let s = state.get().sort;
        match (s.field == field, s.descending) {
            (false, _) => "none",
            (true, false) => "ascending",
            (true, true) => "descending",
        }
    };
    let arrow = move || match aria_sort() {
        "ascending" => "▲",
        "descending" => "▼",
        _ => "↕",
    };
    view! {
        <th scope="col" class=class aria-sort=aria_sort>
            <button
                type="button"
                class="sort"
                data-testid=format!("sort-{}", field.as_str())
                on:click=move |_| {
                    let st = state.get_untracked();
                    go_to(&navigate, &ListState { sort: st.sort.toggled(field), page: 1, ..st }, false);
                }
            >
                {label}
                <span class="sort-arrow" aria-hidden="true">{arrow}</span>
            </button>
        </th>
    }
}

/// The table of one page of tokens, loaded at `now` (epoch ms). Its rows do
/// not change: a new page, sort or refresh builds a new table.
#[component]
pub fn TokensTable(rows: Vec<ApiToken>, now: i64) -> impl IntoView {
    let ctx = use_list_context();
    let targets: Vec<_> = rows.iter().map(ApiToken::target).collect();
    let ids: Vec<String> = rows.iter().map(|t| t.id.clone()).collect();
    let mut first = rows;
    let rest = first.split_off(first.len().min(FIRST_ROWS));
    let rest_shown = RwSignal::new(rest.is_empty());
    if !rest.is_empty() {
        // The table may be gone by then (another page was asked for): nothing to do.
        after_paint(move || {
            let _ = rest_shown.try_set(true);
        });
    }
    let rest = StoredValue::new(rest);
    let build = move |tokens: Vec<ApiToken>| {
        tokens
            .into_iter()
            .map(|token| view! { <TokenRow token now /> })
            .collect_view()
    };
    view! {
        <div class="table-wrap">
            <table class="tokens-table" data-testid="tokens-table">
                <caption class="visually-hidden">"API tokens"</caption>
                <thead>
                    <tr>
                        <th scope="col" class="select">
                            <input
                                type="checkbox"
                                aria-label="Select all tokens on this page"
                                data-testid="select-all"
                                prop:checked=move || ctx.selection.has_all(&ids)
                                on:change:target=move |ev| ctx.selection.set(&targets, ev.target().checked())
                            />
                        </th>
                        <SortHeader field=SortField::Name label="API token" />
                        <th scope="col" class=Column::Modules.class()>"Modules"</th>
                        <th scope="col" class=Column::CreatedBy.class()>"Created by"</th>
                        <SortHeader field=SortField::Created label="Date created" class=Column::Created.class() />
                        <SortHeader field=SortField::LastAccess label="Last access" class=Column::LastAccess.class() />
                        <SortHeader field=SortField::Status label="Status" class=Column::Status.class() />
                        <th scope="col" class="actions">"Actions"</th>
                    </tr>
                </thead>
                <tbody>
                    {build(first)}
                    {move || rest_shown.get().then(|| build(rest.try_update_value(std::mem::take).unwrap_or_default()))}
                </tbody>
            </table>
        </div>
    }
}
