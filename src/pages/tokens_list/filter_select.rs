//! One select for every list filter: typed choices in, a typed choice out.

use crate::model::list_state::FilterChoice;
use leptos::prelude::*;

/// A select of `choices` after an "any" option; `current` is the selected
/// choice's value; `on_change` gets the chosen one (`None` for "any").
/// `children` can add a disabled note after the choices.
#[component]
pub fn FilterSelect<T: FilterChoice>(
    label: &'static str,
    testid: &'static str,
    any: &'static str,
    #[prop(into)] choices: Signal<Vec<T>>,
    #[prop(into)] current: Signal<Option<String>>,
    #[prop(into)] on_change: Callback<Option<T>>,
    #[prop(optional)] children: Option<Children>,
) -> impl IntoView {
    let options = move || {
        choices
            .get()
            .into_iter()
            .map(|c| {
                let value = c.value();
                let selected = current.with(|v| v.as_deref() == Some(value.as_str()));
                view! { <option value=value selected=selected>{c.label()}</option> }
            })
            .collect_view()
    };
    let choose = move |value: String| {
        let chosen = choices.with_untracked(|all| all.iter().find(|c| c.value() == value).cloned());
        on_change.run(chosen);
    };
    view! {
        <label class="filter">
            <span class="visually-hidden">{label}</span>
            <select data-testid=testid on:change:target=move |ev| choose(ev.target().value())>
                <option value="" selected=move || current.with(Option::is_none)>{any}</option>
                {options}
                {children.map(|c| c())}
            </select>
        </label>
    }
}
