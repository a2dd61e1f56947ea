//! Search, filters, refresh and the column chooser.

use super::{go_to, Column, ListContext};
use crate::api::modules::available;
use crate::api::use_api;
use crate::app::account::use_account;
use crate::app::nav::use_go;
use crate::model::list_state::{ListState, StatusFilter, UsageFilter};
use leptos::prelude::*;
use leptos_use_fn_debounce_throttle::use_debounce_fn;

/// Debounce of the search box, in milliseconds.
const SEARCH_DEBOUNCE_MS: f64 = 300.0;

/// The list's toolbar.
#[component]
pub fn Toolbar(#[prop(into)] on_refresh: Callback<()>, set_hidden: Callback<Vec<Column>>) -> impl IntoView {
    let ctx = expect_context::<ListContext>();
    let state = ctx.state;
    let api = use_api();
    let navigate = use_go();
    let account = use_account();
    let modules = LocalResource::new({
        let api = api.clone();
        move || {
            api.generation();
            let (api, account) = (api.clone(), account.clone());
            async move { available(&api, &account.id, account.kind.as_deref()).await }
        }
    });

    let search = RwSignal::new(state.get_untracked().search);
    // Back/forward or a pasted link changes the URL: show its search text.
    Effect::new(move |_| {
        let s = state.get().search;
        if search.get_untracked().trim() != s {
            search.set(s);
        }
    });
    let apply_search = use_debounce_fn(
        {
            let navigate = navigate.clone();
            move || {
                let st = state.get_untracked();
                let text = search.get_untracked().trim().to_string();
                if text != st.search {
                    go_to(
                        &navigate,
                        &ListState {
                            search: text,
                            page: 1,
                            ..st
                        },
                        true,
                    );
                }
            }
        },
        SEARCH_DEBOUNCE_MS,
    );

    let set = {
        let navigate = navigate.clone();
        move |f: Box<dyn FnOnce(&mut ListState)>| {
            let mut st = state.get_untracked();
            f(&mut st);
            st.page = 1;
            go_to(&navigate, &st, false);
        }
    };
    let set_status = set.clone();
    let set_module = set.clone();
    let set_usage = set;

    let module_options = move || {
        modules.get().map(|loaded| match loaded {
            Ok(found) => found
                .modules
                .into_iter()
                .map(|m| {
                    let selected = state.with(|s| s.module.as_deref() == Some(m.id.as_str()));
                    view! { <option value=m.id.clone() selected=selected>{m.name}</option> }
                })
                .collect_view()
                .into_any(),
            Err(_) => view! {
                <option value="" disabled=true data-testid="modules-unavailable">
                    "Modules could not be loaded: press Refresh"
                </option>
            }
            .into_any(),
        })
    };
    // Refresh also retries the module list if it failed.
    let refresh = move |_| {
        if matches!(modules.get_untracked(), Some(Err(_))) {
            modules.refetch();
        }
        on_refresh.run(());
    };
    let toggle_column = move |col: Column, show: bool| {
        let mut h = ctx.hidden.get_untracked();
        h.retain(|c| *c != col);
        if !show {
            h.push(col);
        }
        set_hidden.run(h);
    };

    view! {
        <div class="toolbar" role="search">
            <input
                type="search"
                class="search"
                aria-label="Search API tokens by name"
                placeholder="Search by name"
                data-testid="search"
                maxlength="200"
                prop:value=move || search.get()
                on:input:target=move |ev| {
                    search.set(ev.target().value());
                    apply_search();
                }
            />
            <label class="filter">
                <span class="visually-hidden">"Status"</span>
                <select
                    data-testid="filter-status"
                    on:change:target=move |ev| {
                        let v = ev.target().value();
                        set_status(Box::new(move |s| s.status = match v.as_str() {
                            "Active" => Some(StatusFilter::Active),
                            "Disabled" => Some(StatusFilter::Disabled),
                            _ => None,
                        }));
                    }
                >
                    <option value="" selected=move || state.get().status.is_none()>"All statuses"</option>
                    <option value="Active" selected=move || state.get().status == Some(StatusFilter::Active)>"Active"</option>
                    <option value="Disabled" selected=move || state.get().status == Some(StatusFilter::Disabled)>"Disabled"</option>
                </select>
            </label>
            <label class="filter">
                <span class="visually-hidden">"Module"</span>
                <select
                    data-testid="filter-module"
                    on:change:target=move |ev| {
                        let v = ev.target().value();
                        set_module(Box::new(move |s| s.module = Some(v).filter(|v| !v.is_empty())));
                    }
                >
                    <option value="" selected=move || state.get().module.is_none()>"All modules"</option>
                    {module_options}
                </select>
            </label>
            <label class="filter">
                <span class="visually-hidden">"Usage"</span>
                <select
                    data-testid="filter-usage"
                    on:change:target=move |ev| {
                        let v = ev.target().value();
                        set_usage(Box::new(move |s| s.usage = match v.as_str() {
                            "never" => Some(UsageFilter::NeverUsed),
                            "idle" => Some(UsageFilter::Idle),
                            _ => None,
                        }));
                    }
                >
                    <option value="" selected=move || state.get().usage.is_none()>"Any usage"</option>
                    <option value="never" selected=move || state.get().usage == Some(UsageFilter::NeverUsed)>"Never used"</option>
                    <option value="idle" selected=move || state.get().usage == Some(UsageFilter::Idle)>"Idle > 90 days"</option>
                </select>
            </label>
            <button type="button" class="btn btn-quiet" data-testid="refresh" on:click=refresh>
                "Refresh"
            </button>
            <details class="columns">
                <summary class="btn btn-quiet">"Columns"</summary>
                <fieldset class="columns-list">
                    <legend class="visually-hidden">"Visible columns"</legend>
                    {Column::ALL
                        .into_iter()
                        .map(|col| {
                            view! {
                                <label>
                                    <input
                                        type="checkbox"
                                        data-testid=format!("column-{}", col.label())
                                        prop:checked=move || !ctx.hidden.get().contains(&col)
                                        on:change:target=move |ev| toggle_column(col, ev.target().checked())
                                    />
                                    {col.label()}
                                </label>
                            }
                        })
                        .collect_view()}
                </fieldset>
            </details>
        </div>
    }
}
