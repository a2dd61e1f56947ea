//! Search, filters, refresh and the column chooser.

mod column_chooser;
mod search_box;

use super::filter_select::FilterSelect;
use super::{go_to, Column, ListContext};
use crate::api::modules::{use_modules, Available};
use crate::api::{ApiError, Module};
use crate::app::account::use_account;
use crate::app::nav::use_go;
use crate::model::list_state::{FilterChoice, FixedChoices, ListState, StatusFilter, UsageFilter};
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

/// The list's toolbar.
#[component]
pub fn Toolbar(#[prop(into)] on_refresh: Callback<()>, set_hidden: Callback<Vec<Column>>) -> impl IntoView {
    let modules = use_modules(use_account());
    // Refresh also retries the module list if it failed.
    let refresh = move |_| {
        if matches!(modules.get_untracked(), Some(Err(_))) {
            modules.refetch();
        }
        on_refresh.run(());
    };
    view! {
        <div class="toolbar" role="search">
            <SearchBox />
            <Filters modules />
            <button type="button" class="btn btn-quiet" data-testid="refresh" on:click=refresh>
                "Refresh"
            </button>
            <ColumnChooser set_hidden />
        </div>
    }
}

/// The status, module and usage filters; a change starts at page 1.
#[component]
fn Filters(modules: LocalResource<Result<Available, ApiError>>) -> impl IntoView {
    let state = expect_context::<ListContext>().state;
    let navigate = use_go();
    let set = move |change: &dyn Fn(&mut ListState)| {
        let mut st = state.get_untracked();
        change(&mut st);
        st.page = 1;
        go_to(&navigate, &st, false);
    };
    let (set_status, set_module, set_usage) = (set.clone(), set.clone(), set);
    let module_choices = Signal::derive(move || match modules.get() {
        Some(Ok(found)) => found.modules,
        _ => Vec::new(),
    });
    let modules_failed = move || matches!(modules.get(), Some(Err(_)));
    view! {
        <FilterSelect
            label="Status"
            testid="filter-status"
            any="All statuses"
            choices=Signal::stored(StatusFilter::ALL.to_vec())
            current=Signal::derive(move || state.get().status.map(|s| s.value()))
            on_change=move |c| set_status(&|s| s.status = c)
        />
        <FilterSelect
            label="Module"
            testid="filter-module"
            any="All modules"
            choices=module_choices
            current=Signal::derive(move || state.get().module)
            on_change={move |m: Option<Module>| set_module(&|s| s.module = m.as_ref().map(|m| m.id.clone()))}
        >
            <Show when=modules_failed>
                <option value="" disabled=true data-testid="modules-unavailable">
                    "Modules could not be loaded: press Refresh"
                </option>
            </Show>
        </FilterSelect>
        <FilterSelect
            label="Usage"
            testid="filter-usage"
            any="Any usage"
            choices=Signal::stored(UsageFilter::ALL.to_vec())
            current=Signal::derive(move || state.get().usage.map(|u| u.value()))
            on_change=move |c| set_usage(&|s| s.usage = c)
        />
    }
}
