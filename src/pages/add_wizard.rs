//! The Add API token wizard (`/api-tokens/new`): General → Modules →
//! Overview → Summary. `?from={id}` prefills it from an existing token
//! ("Create similar"). Everything entered lives in the page, outside any part
//! that reloads, so signing in again in the middle loses nothing.

mod actions;
mod overview;
mod prefill;
mod stepper;
mod summary;

pub use stepper::{Stepper, WizardStep};

use crate::api::modules::provide_shared_modules;
use crate::api::{tokens, use_api, ApiClient, ApiToken};
use crate::app::account::use_account;
use crate::app::nav::use_go;
use crate::app::return_to::use_list_return;
use crate::components::{use_toasts, Button, DiscardDialog, LogoChoice};
use crate::pages::token_form::{Field, FormErrors, FormValues, GeneralFields, ModulesPicker, Step, Submit, TokenForm};
use leptos::prelude::*;

/// Where the wizard is and what it has made.
#[derive(Clone, Copy)]
pub struct Wizard {
    /// The values entered.
    pub form: TokenForm,
    pub step: RwSignal<WizardStep>,
    /// The token once created (its secret included).
    pub created: RwSignal<Option<ApiToken>>,
}

impl Wizard {
    /// A wizard at its first step with `values`.
    pub fn new(values: FormValues) -> Wizard {
        Wizard {
            form: TokenForm::new(values),
            step: RwSignal::new(WizardStep::General),
            created: RwSignal::new(None),
        }
    }

    /// Moves on from the current step if its fields pass; otherwise shows why.
    pub fn next(&self) {
        let values = self.form.values();
        let errors = match values.check() {
            Ok(_) => Default::default(),
            Err(errors) => errors,
        };
        let blocking: FormErrors = match self.step.get_untracked() {
            WizardStep::General => errors.into_iter().filter(|(k, _)| *k != Field::Modules).collect(),
            WizardStep::Modules => errors.into_iter().filter(|(k, _)| *k == Field::Modules).collect(),
            WizardStep::Overview | WizardStep::Summary => return,
        };
        if blocking.is_empty() {
            self.form.errors.set(Default::default());
            self.step.update(|s| *s = s.next());
        } else {
            self.form.errors.set(blocking);
        }
    }

    /// Shows the step holding a field of `step`.
    pub fn show(&self, step: Step) {
        self.step.set(match step {
            Step::General => WizardStep::General,
            Step::Modules => WizardStep::Modules,
        });
    }

    /// Goes back one step (never out of the Summary: the token exists).
    pub fn back(&self) {
        self.step.update(|s| *s = s.previous());
    }

    /// Whether anything was entered that closing would lose.
    pub fn has_input(&self) -> bool {
        let v = self.form.values();
        self.created.with_untracked(Option::is_none)
            && (!v.name.trim().is_empty()
                || !v.description.trim().is_empty()
                || v.logo != LogoChoice::None
                || !v.modules.is_empty())
    }
}

/// The one submit of the wizard: creates the token in the account, then
/// shows the Summary with its value.
fn add_submit(wizard: Wizard, api: ApiClient, account_id: String) -> Submit {
    let toasts = use_toasts();
    Submit::new(
        wizard.form,
        "Add",
        move |draft| {
            let (api, account_id) = (api.clone(), account_id.clone());
            async move { tokens::create(&api, &account_id, &draft).await.map(Some) }
        },
        Callback::new(move |s| wizard.show(s)),
        Callback::new(move |token: ApiToken| {
            toasts.success("API token added", format!("{} ({})", token.name, token.id));
            wizard.created.set(Some(token));
            wizard.step.set(WizardStep::Summary);
        }),
    )
}

#[component]
pub fn AddWizardPage() -> impl IntoView {
    let api = use_api();
    let account = use_account();
    provide_shared_modules(account.clone());
    let navigate = use_go();
    let back = use_list_return();
    let wizard = Wizard::new(FormValues::default());
    let asking_close = RwSignal::new(false);
    let prefill_error = prefill::use_prefill(api.clone(), wizard.form);
    let submit = add_submit(wizard, api, account.id.clone());
    let adding = submit.pending();
    let add = move || {
        if wizard.created.with_untracked(Option::is_none) {
            submit.run();
        }
    };
    let leave = move || navigate(&back.route(), Default::default());
    let leave_now = leave.clone();
    let close = move || {
        if wizard.has_input() {
            asking_close.set(true);
        } else {
            leave();
        }
    };
    view! {
        <section class="page wizard-page" data-testid="add-wizard">
            <div class="page-head">
                <h2>"Add API token"</h2>
                <Button testid="wizard-close" disabled=adding on_click=move |()| close()>
                    "Close"
                </Button>
            </div>
            <p class="form-error" role="alert">{move || prefill_error.get()}</p>
            <div class="card wizard">
                <Stepper wizard />
                <form
                    class="wizard-body"
                    novalidate
                    on:submit=move |ev: leptos::ev::SubmitEvent| {
                        ev.prevent_default();
                        match wizard.step.get_untracked() {
                            WizardStep::Overview => add(),
                            WizardStep::Summary => {}
                            _ => wizard.next(),
                        }
                    }
                >
                    <WizardSteps wizard add=Callback::new(move |_| add()) />
                    <actions::WizardActions wizard adding />
                </form>
            </div>
            <DiscardDialog
                open=asking_close
                title="Discard this API token?"
                message="What you entered has not been added yet and will be lost."
                on_discard=move |_| leave_now()
            />
        </section>
    }
}

/// The current step's fields; a form-level message above them, or on the
/// Overview below it, beside Add.
#[component]
fn WizardSteps(wizard: Wizard, add: Callback<()>) -> impl IntoView {
    let (form, step) = (wizard.form, wizard.step);
    let form_error = form.error(Field::Form);
    view! {
        <p class="form-error" role="alert" data-testid="form-error" hidden=move || step.get() == WizardStep::Overview>
            {move || form_error.get()}
        </p>
        <div hidden=move || step.get() != WizardStep::General>
            <GeneralFields form without_logo=("Add without the logo", add) />
        </div>
        <div hidden=move || step.get() != WizardStep::Modules>
            <ModulesPicker form />
        </div>
        <Show when=move || step.get() == WizardStep::Overview>
            <overview::Overview form />
            <p class="form-error" role="alert" data-testid="add-error">{move || form_error.get()}</p>
        </Show>
        <Show when=move || step.get() == WizardStep::Summary>
            {move || wizard.created.get().map(|token| view! { <summary::Summary token /> })}
        </Show>
    }
}
