//! Back, Next and Add at the foot of the wizard.

use super::{Wizard, WizardStep};
use crate::components::{Appearance, Button};
use crate::pages::token_form::Field;
use leptos::prelude::*;

/// The buttons for the current step; Next and Add submit the form.
#[component]
pub fn WizardActions(wizard: Wizard, adding: Memo<bool>) -> impl IntoView {
    let step = wizard.step;
    let failed = wizard.form.error(Field::Form);
    view! {
        <div class="wizard-actions">
            <Show when=move || matches!(step.get(), WizardStep::Modules | WizardStep::Overview)>
                <Button testid="wizard-back" disabled=adding on_click=move |()| wizard.back()>
                    "Back"
                </Button>
            </Show>
            <Show when=move || matches!(step.get(), WizardStep::General | WizardStep::Modules)>
                <Button appearance=Appearance::Primary submit=true testid="wizard-next">"Next"</Button>
            </Show>
            <Show when=move || step.get() == WizardStep::Overview>
                <Button appearance=Appearance::Primary submit=true testid="wizard-add" writes=true busy=adding busy_label="Adding…">
                    {move || if failed.with(Option::is_some) { "Retry: Add" } else { "Add" }}
                </Button>
            </Show>
        </div>
    }
}
