//! Back, Next and Add at the foot of the wizard.

use super::{Wizard, WizardStep};
use leptos::prelude::*;

/// The buttons for the current step; Next and Add submit the form.
#[component]
pub fn WizardActions(wizard: Wizard, adding: Memo<bool>) -> impl IntoView {
    let step = wizard.step;
    let failed = wizard.form.error("form");
    view! {
        <div class="wizard-actions">
            <Show when=move || matches!(step.get(), WizardStep::Modules | WizardStep::Overview)>
                <button type="button" class="btn" data-testid="wizard-back" disabled=move || adding.get() on:click=move |_| wizard.back()>
                    "Back"
                </button>
            </Show>
            <Show when=move || matches!(step.get(), WizardStep::General | WizardStep::Modules)>
                <button type="submit" class="btn btn-primary" data-testid="wizard-next">"Next"</button>
            </Show>
            <Show when=move || step.get() == WizardStep::Overview>
                <button
                    type="submit"
                    class="btn btn-primary"
                    data-testid="wizard-add"
                    disabled=move || adding.get()
                    aria-busy=move || adding.get().to_string()
                >
                    {move || {
                        if adding.get() {
                            "Adding…"
                        } else if failed.with(Option::is_some) {
                            "Retry: Add"
                        } else {
                            "Add"
                        }
                    }}
                </button>
            </Show>
        </div>
    }
}
