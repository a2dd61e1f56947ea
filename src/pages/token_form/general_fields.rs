//! Logo, name and description, with counters and messages at the fields.

use super::{Field, TokenForm};
use crate::components::{Button, LogoChoice, LogoPicker};
use crate::model::validation::{char_count, DESCRIPTION_MAX, NAME_MAX};
use leptos::prelude::*;

/// The General step's fields. When the API refuses the logo, `without_logo`
/// (a label and what to do) offers to go on without it.
#[component]
pub fn GeneralFields(
    form: TokenForm,
    #[prop(optional)] without_logo: Option<(&'static str, Callback<()>)>,
) -> impl IntoView {
    let icon_error = form.error(Field::Icon);
    view! {
        <div class="form-fields">
            <LogoPicker choice=form.logo />
            <p class="form-error" role="alert" data-testid="icon-error">{move || icon_error.get()}</p>
            {without_logo.map(|(label, go_on)| view! { <WithoutLogo form label go_on /> })}
            <CountedField form field=Field::Name id="token-name" label="API token name" max=NAME_MAX value=form.name />
            <CountedField
                form
                field=Field::Description
                id="token-description"
                label="Description (optional)"
                max=DESCRIPTION_MAX
                value=form.description
                multiline=true
            />
        </div>
    }
}

/// Shown while the API's refusal of the logo stands: drops the logo and goes on.
#[component]
fn WithoutLogo(form: TokenForm, label: &'static str, go_on: Callback<()>) -> impl IntoView {
    let icon_error = form.error(Field::Icon);
    let refused = move || icon_error.with(Option::is_some) && form.logo.with(|l| *l != LogoChoice::None);
    view! {
        <Show when=refused>
            <Button
                testid="without-logo"
                on_click=move |()| {
                    form.logo.set(LogoChoice::None);
                    form.clear_error(Field::Icon);
                    go_on.run(());
                }
            >
                {label}
            </Button>
        </Show>
    }
}

/// A text field of the form with a character counter (of the trimmed text,
/// as the API counts) and its message; typing clears the message.
#[component]
fn CountedField(
    form: TokenForm,
    field: Field,
    id: &'static str,
    label: &'static str,
    max: usize,
    value: RwSignal<String>,
    #[prop(optional)] multiline: bool,
) -> impl IntoView {
    let error = form.error(field);
    let (count_id, error_id) = (format!("{id}-count"), format!("{id}-error"));
    let described = format!("{count_id} {error_id}");
    let invalid = move || error.with(Option::is_some).to_string();
    let testid = format!("{}-input", field.key());
    let on_input = move |text: String| {
        value.set(text);
        form.clear_error(field);
    };
    let input = if multiline {
        view! {
            <textarea id=id rows="3" aria-invalid=invalid aria-describedby=described data-testid=testid
                prop:value=move || value.get() on:input:target=move |ev| on_input(ev.target().value())></textarea>
        }
        .into_any()
    } else {
        view! {
            <input id=id type="text" required autocomplete="off" aria-invalid=invalid aria-describedby=described
                data-testid=testid prop:value=move || value.get() on:input:target=move |ev| on_input(ev.target().value()) />
        }
        .into_any()
    };
    let count = move || value.with(|v| char_count(v.trim()));
    view! {
        <div class="field">
            <label for=id>{label}</label>
            {input}
            <span id=count_id class="counter" class:over={move || count() > max}>{move || format!("{} / {max}", count())}</span>
            <p id=error_id class="form-error" role="alert" data-testid=format!("{}-error", field.key())>{move || error.get()}</p>
        </div>
    }
}
