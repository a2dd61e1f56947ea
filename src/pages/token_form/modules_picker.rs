//! Choosing modules among the account's own, with a search box.

use super::{Field, TokenForm};
use crate::api::modules::{use_shared_modules, Available, ModuleSource};
use crate::api::Module;
use crate::app::account::use_account;
use crate::components::LoadSection;
use crate::model::format::lower;
use leptos::prelude::*;

fn matches(m: &Module, query: &str) -> bool {
    let q = lower(query.trim());
    q.is_empty()
        || lower(&m.name).contains(&q)
        || lower(&m.id).contains(&q)
        || m.description.as_deref().is_some_and(|d| lower(d).contains(&q))
}

/// The Modules step: the account's modules as checkboxes, searchable.
#[component]
pub fn ModulesPicker(form: TokenForm) -> impl IntoView {
    let query = RwSignal::new(String::new());
    let modules = use_shared_modules(use_account());
    let error = form.error(Field::Modules);
    view! {
        <fieldset class="modules-picker" aria-describedby="modules-error">
            <legend>"Modules"</legend>
            <p class="help">"Only the modules enabled for your account are listed."</p>
            <input
                type="search"
                class="search"
                placeholder="Search modules"
                aria-label="Search modules"
                data-testid="modules-search"
                prop:value=move || query.get()
                on:input:target=move |ev| query.set(ev.target().value())
            />
            <p id="modules-error" class="form-error" role="alert" data-testid="modules-error">{move || error.get()}</p>
            <LoadSection
                loading="Loading modules"
                failed="The modules could not be loaded"
                refused="These credentials may not read the modules."
                on_retry=move |()| modules.refetch()
            >
                {move || Suspend::new(async move { modules.await.map(|found| view! { <ModuleOptions found query form /> }) })}
            </LoadSection>
        </fieldset>
    }
}

/// The modules that match the search, and where the list came from.
#[component]
fn ModuleOptions(found: Available, query: RwSignal<String>, form: TokenForm) -> impl IntoView {
    let notice = (found.source == ModuleSource::AccountTokens).then(|| {
        view! {
            <p class="notice" data-testid="modules-notice">
                "These credentials may not list the platform's modules (the API allows that to Operations accounts), so these are the modules this account's tokens already have."
            </p>
        }
    });
    let all = StoredValue::new(found.modules);
    let shown = move || {
        all.with_value(|a| {
            a.iter()
                .filter(|m| query.with(|q| matches(m, q)))
                .cloned()
                .collect::<Vec<_>>()
        })
    };
    view! {
        {notice}
        <ul class="module-options" data-testid="module-options">
            <For each=shown key=|m| m.id.clone() let:module>
                <ModuleOption module form />
            </For>
        </ul>
        <Show when=move || shown().is_empty()>
            <p class="muted">"No module matches your search."</p>
        </Show>
    }
}

/// One module's checkbox; checking it clears the "choose one" message.
#[component]
fn ModuleOption(module: Module, form: TokenForm) -> impl IntoView {
    let id = module.id.clone();
    let checked = {
        let id = id.clone();
        move || form.modules.with(|sel| sel.contains(&id))
    };
    let toggle = move |on: bool| {
        form.modules.update(|m| {
            m.retain(|x| *x != id);
            if on {
                m.push(id.clone());
            }
        });
        form.clear_error(Field::Modules);
    };
    view! {
        <li>
            <label class="module-option">
                <input
                    type="checkbox"
                    value=module.id.clone()
                    data-testid="module-checkbox"
                    prop:checked=checked
                    on:change:target=move |ev| toggle(ev.target().checked())
                />
                <span class="cell-stack">
                    <span>{module.name} " " <span class="sub">{module.id}</span></span>
                    <span class="sub">{module.description.unwrap_or_default()}</span>
                </span>
            </label>
        </li>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn module_search_looks_at_name_id_and_description() {
        let m = Module {
            id: "MOD-1255".into(),
            name: "Access management".into(),
            description: Some("Users and API tokens".into()),
            account_types: None,
        };
        assert!(matches(&m, ""));
        assert!(matches(&m, "ACCESS"));
        assert!(matches(&m, "1255"));
        assert!(matches(&m, "tokens"));
        assert!(!matches(&m, "billing"));
    }
}
