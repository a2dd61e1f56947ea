//! The wizard's steps and the stepper that shows them.

use super::Wizard;
use leptos::prelude::*;

/// The wizard's steps, in order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum WizardStep {
    /// Logo, name, description.
    General,
    Modules,
    /// Everything chosen, and Add.
    Overview,
    /// The created token.
    Summary,
}

impl WizardStep {
    /// All steps.
    pub const ALL: [WizardStep; 4] = [
        WizardStep::General,
        WizardStep::Modules,
        WizardStep::Overview,
        WizardStep::Summary,
    ];

    /// Visible name.
    pub fn label(self) -> &'static str {
        match self {
            WizardStep::General => "General",
            WizardStep::Modules => "Modules",
            WizardStep::Overview => "Overview",
            WizardStep::Summary => "Summary",
        }
    }

    /// The step after this one (Overview goes on only by adding).
    pub fn next(self) -> WizardStep {
        match self {
            WizardStep::General => WizardStep::Modules,
            WizardStep::Modules => WizardStep::Overview,
            other => other,
        }
    }

    /// The step before this one (none before General, none back from Summary).
    pub fn previous(self) -> WizardStep {
        match self {
            WizardStep::Modules => WizardStep::General,
            WizardStep::Overview => WizardStep::Modules,
            other => other,
        }
    }
}

/// The steps; earlier ones can be revisited (until the token exists).
#[component]
pub fn Stepper(wizard: Wizard) -> impl IntoView {
    view! {
        <ol class="stepper" aria-label="Steps" data-testid="stepper">
            {WizardStep::ALL
                .into_iter()
                .enumerate()
                .map(|(i, s)| {
                    let current = move || wizard.step.get() == s;
                    let reachable = move || {
                        let now = wizard.step.get();
                        s < now && now != WizardStep::Summary
                    };
                    view! {
                        <li>
                            <button
                                type="button"
                                class="step"
                                class:current=current
                                class:done=move || s < wizard.step.get()
                                aria-current=move || if current() { "step" } else { "false" }
                                disabled=move || !reachable()
                                data-testid=format!("step-{}", s.label().to_ascii_lowercase())
                                on:click=move |_| wizard.step.set(s)
                            >
                                {format!("{}. {}", i + 1, s.label())}
                            </button>
                        </li>
                    }
                })
                .collect_view()}
        </ol>
    }
}
