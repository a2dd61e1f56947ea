//! Search, filters, refresh and the column chooser.

mod column_chooser;
mod search_box;

use super::export::ExportButton;
use super::filter_select::FilterSelect;
use super::{go_to, use_list_context, Column};
use crate::api::modules::{use_shared_modules, Available};
use crate::api::{ApiError, Module};
use crate::app::account::use_account;
use crate::app::nav::use_go;
use crate::components::{Appearance, Button};
use crate::model::list_state::{FilterChoice, FixedChoices, GrantFilter, ListState, StatusFilter, UsageFilter};
use column_chooser::ColumnChooser;
use leptos::prelude::*;
use search_box::SearchBox;

impl FilterChoice for Module {
    fn value(&self) -> String {
        self.id.clone()
    }

    fn label(&self) -> String {
        self.name.clone()
    }
}

#[component]
pub fn Toolbar(#[prop(into)] on_refresh: Callback<()>, set_hidden: Callback<Vec<Column>>) -> impl IntoView {
    let modules = use_shared_modules(use_account());
    // Refresh also retries the module list if it failed.
    let refresh = move |()| {
        if matches!(modules.get_untracked(), Some(Err(_))) {
            modules.refetch();
        }
        on_refresh.run(());
    };
    view! {
        <div class="toolbar" role="search">
            <SearchBox />
            <Filters modules />
            <Button appearance=Appearance::Quiet testid="refresh" on_click=refresh>
                "Refresh"
            </Button>
            <ColumnChooser set_hidden />
            <ExportButton />
        </div>
    }
}

/// Applies a filter change to the URL's list state, from page 1.
fn use_set_filter() -> impl Fn(&dyn Fn(&mut ListState)) + Clone + Send + Sync + 'static {
    let state = use_list_context().state;
    let navigate = use_go();
    move |change: &dyn Fn(&mut ListState)| {
        let mut st = state.get_untracked();
        change(&mut st);
        st.page = 1;
        go_to(&navigate, &st, false);
    }
}

/// A filter whose choices are fixed, kept in one field of the list state.
#[component]
fn FixedFilter<T: FixedChoices>(
    label: &'static str,
    testid: &'static str,
    any: &'static str,
    get: fn(&ListState) -> Option<T>,
    put: fn(&mut ListState, Option<T>),
) -> impl IntoView {
    let state = use_list_context().state;
    let set = use_set_filter();
    view! {
        <FilterSelect
            label
            testid
            any
            choices=Signal::stored(T::ALL.to_vec())
            current=Signal::derive(move || state.with(get).map(|c| c.value()))
            on_change=move |c| set(&|s| put(s, c))
        />
    }
}

/// The status, module, usage and grants filters.
#[component]
fn Filters(modules: LocalResource<Result<Available, ApiError>>) -> impl IntoView {
    let state = use_list_context().state;
    let set = use_set_filter();
    let module_choices = Signal::derive(move || match modules.get() {
        Some(Ok(found)) => found.modules,
        _ => Vec::new(),
    });
    let modules_failed = move || matches!(modules.get(), Some(Err(_)));
    view! {
        <FixedFilter<StatusFilter> label="Status" testid="filter-status" any="All statuses" get=|s| s.status put=|s, c| s.status = c />
        <FilterSelect
            label="Module"
            testid="filter-module"
            any="All modules"
            choices=module_choices
            current=Signal::derive(move || state.get().module)
            on_change={move |m: Option<Module>| set(&|s| s.module = m.as_ref().map(|m| m.id.clone()))}
        >
            <Show when=modules_failed>
                <option value="" disabled=true data-testid="modules-unavailable">
                    "Modules could not be loaded: press Refresh"
                </option>
            </Show>
        </FilterSelect>
        <FixedFilter<UsageFilter> label="Usage" testid="filter-usage" any="Any usage" get=|s| s.usage put=|s, c| s.usage = c />
        <FixedFilter<GrantFilter> label="Granted" testid="filter-grants" any="Any modules" get=|s| s.grants put=|s, c| s.grants = c />
    }
}
