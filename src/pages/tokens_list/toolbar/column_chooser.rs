//! Which optional columns show, remembered per browser.

use super::super::{use_list_context, Column};
use crate::components::Appearance;
use leptos::prelude::*;

/// A disclosure with a checkbox per optional column.
#[component]
pub fn ColumnChooser(set_hidden: Callback<Vec<Column>>) -> impl IntoView {
    let hidden = use_list_context().hidden;
    let toggle = move |col: Column, show: bool| {
        let mut h = hidden.get_untracked();
        h.retain(|c| *c != col);
        if !show {
            h.push(col);
        }
        set_hidden.run(h);
    };
    view! {
        <details class="columns">
            <summary class=Appearance::Quiet.class(false)>"Columns"</summary>
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
                                    prop:checked=move || !hidden.get().contains(&col)
                                    on:change:target=move |ev| toggle(col, ev.target().checked())
                                />
                                {col.label()}
                            </label>
                        }
                    })
                    .collect_view()}
            </fieldset>
        </details>
    }
}
