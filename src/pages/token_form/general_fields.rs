//! Logo, name and description, with counters and messages at the fields.

use super::TokenForm;
use crate::components::{LogoChoice, LogoPicker};
use crate::model::validation::{char_count, DESCRIPTION_MAX, NAME_MAX};
use leptos::prelude::*;

/// The General step's fields. When the API refuses the logo, `without_logo`
/// (a label and what to do) offers to go on without it.
#[component]
pub fn GeneralFields(
    form: TokenForm,
    #[prop(optional)] without_logo: Option<(&'static str, Callback<()>)>,
) -> impl IntoView {
    let name_error = form.error("name");
    let description_error = form.error("description");
    let icon_error = form.error("icon");
    let clear = move |field: &'static str| {
        form.errors.update(|e| {
            e.remove(field);
        })
    };
    view! {
        <div class="form-fields">
            <LogoPicker choice=form.logo />
            <p class="form-error" role="alert" data-testid="icon-error">{move || icon_error.get()}</p>
            {without_logo.map(|(label, go_on)| {
                let refused = move || icon_error.with(Option::is_some) && form.logo.with(|l| *l != LogoChoice::None);
                view! {
                    <Show when=refused>
                        <button
                            type="button"
                            class="btn"
                            data-testid="without-logo"
                            on:click=move |_| {
                                form.logo.set(LogoChoice::None);
                                clear("icon");
                                go_on.run(());
                            }
                        >
                            {label}
                        </button>
                    </Show>
                }
            })}
            <div class="field">
                <label for="token-name">"API token name"</label>
                <input
                    id="token-name"
                    type="text"
                    required
                    autocomplete="off"
                    aria-invalid=move || name_error.with(Option::is_some).to_string()
                    aria-describedby="token-name-count token-name-error"
                    data-testid="name-input"
                    prop:value=move || form.name.get()
                    on:input:target=move |ev| {
                        form.name.set(ev.target().value());
                        clear("name");
                    }
                />
                <span id="token-name-count" class="counter" class:over=move || form.name.with(|n| char_count(n.trim()) > NAME_MAX)>
                    {move || format!("{} / {NAME_MAX}", form.name.with(|n| char_count(n.trim())))}
                </span>
                <p id="token-name-error" class="form-error" role="alert" data-testid="name-error">{move || name_error.get()}</p>
            </div>
            <div class="field">
                <label for="token-description">"Description (optional)"</label>
                <textarea
                    id="token-description"
                    rows="3"
                    aria-invalid=move || description_error.with(Option::is_some).to_string()
                    aria-describedby="token-description-count token-description-error"
                    data-testid="description-input"
                    prop:value=move || form.description.get()
                    on:input:target=move |ev| {
                        form.description.set(ev.target().value());
                        clear("description");
                    }
                ></textarea>
                <span
                    id="token-description-count"
                    class="counter"
                    class:over=move || form.description.with(|d| char_count(d.trim()) > DESCRIPTION_MAX)
                >
                    {move || format!("{} / {DESCRIPTION_MAX}", form.description.with(|d| char_count(d.trim())))}
                </span>
                <p id="token-description-error" class="form-error" role="alert" data-testid="description-error">
                    {move || description_error.get()}
                </p>
            </div>
        </div>
    }
}
