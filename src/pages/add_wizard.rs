//! The Add API token wizard (`/api-tokens/new`): General → Modules →
//! Overview → Summary. `?from={id}` prefills it from an existing token
//! ("Create similar"). Everything entered lives in the page, outside any part
//! that reloads, so signing in again in the middle loses nothing.

mod overview;
mod stepper;
mod summary;

pub use stepper::{Stepper, WizardStep};

use crate::api::{tokens, use_api, ApiError, ApiToken};
use crate::app::account::use_account;
use crate::app::nav::use_go;
use crate::app::return_to::use_list_return;
use crate::components::logo_picker::prepare_logo;
use crate::components::{use_toasts, DiscardDialog, LogoChoice};
use crate::model::route::FROM_PARAM;
use crate::pages::token_form::{server_errors, step_of, FormValues, GeneralFields, ModulesPicker, Step, TokenForm};
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

/// Where the wizard is and what it has made.
#[derive(Clone, Copy)]
pub struct Wizard {
    /// The values entered.
    pub form: TokenForm,
    /// The current step.
    pub step: RwSignal<WizardStep>,
    /// The token once created (its secret included).
    pub created: RwSignal<Option<ApiToken>>,
    /// Why the last Add failed, when it was not a field's fault.
    pub add_error: RwSignal<Option<String>>,
}

impl Wizard {
    /// A wizard at its first step with `values`.
    pub fn new(values: FormValues) -> Wizard {
        Wizard {
            form: TokenForm::new(values),
            step: RwSignal::new(WizardStep::General),
            created: RwSignal::new(None),
            add_error: RwSignal::new(None),
        }
    }

    /// Moves on from the current step if its fields pass; otherwise shows why.
    pub fn next(&self) {
        let values = self.form.values();
        let errors = match values.check() {
            Ok(_) => Default::default(),
            Err(errors) => errors,
        };
        let blocking: std::collections::BTreeMap<String, String> = match self.step.get_untracked() {
            WizardStep::General => errors.into_iter().filter(|(k, _)| k != "modules").collect(),
            WizardStep::Modules => errors.into_iter().filter(|(k, _)| k == "modules").collect(),
            WizardStep::Overview | WizardStep::Summary => return,
        };
        if blocking.is_empty() {
            self.form.errors.set(Default::default());
            self.step.update(|s| *s = s.next());
        } else {
            self.form.errors.set(blocking);
        }
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

/// The wizard page.
#[component]
pub fn AddWizardPage() -> impl IntoView {
    let api = use_api();
    let account = use_account();
    let toasts = use_toasts();
    let navigate = use_go();
    let back = use_list_return();
    let query = use_query_map();
    let wizard = Wizard::new(FormValues::default());
    let form = wizard.form;
    let asking_close = RwSignal::new(false);

    // "Create similar": description, logo and modules of an existing token.
    let from = query.with_untracked(|q| q.get(FROM_PARAM));
    let prefill_error = RwSignal::new(None::<String>);
    if let Some(source_id) = from {
        let api = api.clone();
        leptos::task::spawn_local(async move {
            match tokens::get(&api, &source_id).await {
                Ok(source) => {
                    form.description.set(source.description.clone().unwrap_or_default());
                    form.modules.set(source.modules.iter().map(|m| m.id.clone()).collect());
                    if let Some(path) = source.icon.clone().filter(|p| !p.is_empty()) {
                        let logo = match api.fetch_asset(&path).await {
                            Ok(blob) => prepare_logo(&blob).await.ok(),
                            Err(_) => None,
                        };
                        if let Some(data_url) = logo {
                            form.logo.set(LogoChoice::New {
                                data_url,
                                file_name: format!("Logo of {}", source.name),
                            });
                        }
                    }
                }
                Err(e) => prefill_error.set(Some(format!("The token to copy could not be loaded: {e}"))),
            }
        });
    }

    let add = Action::new_local(move |draft: &tokens::TokenDraft| {
        let (api, draft, account_id) = (api.clone(), draft.clone(), account.id.clone());
        async move {
            match tokens::create(&api, &account_id, &draft).await {
                Ok(token) => {
                    toasts.success("API token added", format!("{} ({})", token.name, token.id));
                    wizard.add_error.set(None);
                    wizard.created.set(Some(token));
                    wizard.step.set(WizardStep::Summary);
                }
                // The sign-in dialog takes over; everything entered stays.
                Err(ApiError::Unauthorized(_)) => wizard
                    .add_error
                    .set(Some("Sign in again, then press Add once more.".into())),
                Err(e) if !e.field_errors().is_empty() => {
                    let errors = server_errors(&e);
                    wizard.add_error.set(None);
                    wizard.step.set(match step_of(&errors) {
                        Some(Step::Modules) => WizardStep::Modules,
                        _ => WizardStep::General,
                    });
                    form.errors.set(errors);
                }
                Err(e @ ApiError::Forbidden(_)) => wizard.add_error.set(Some(format!(
                    "The API refused to add this token with these credentials. {e}"
                ))),
                Err(e) => wizard.add_error.set(Some(e.to_string())),
            }
        }
    });
    let adding = add.pending();
    let submit_add = move || {
        if adding.get_untracked() || wizard.created.with_untracked(Option::is_some) {
            return;
        }
        match form.values().check() {
            Ok(draft) => {
                wizard.add_error.set(None);
                add.dispatch(draft);
            }
            Err(errors) => {
                wizard.step.set(if step_of(&errors) == Some(Step::Modules) {
                    WizardStep::Modules
                } else {
                    WizardStep::General
                });
                form.errors.set(errors);
            }
        }
    };
    let form_error = form.error("form");
    let leave = {
        let navigate = navigate.clone();
        move || navigate(&back.route(), Default::default())
    };
    let close = {
        let leave = leave.clone();
        move || {
            if wizard.has_input() {
                asking_close.set(true);
            } else {
                leave();
            }
        }
    };
    let close_for_button = close.clone();

    view! {
        <section class="page wizard-page" data-testid="add-wizard">
            <div class="page-head">
                <h2>"Add API token"</h2>
                <button type="button" class="btn" data-testid="wizard-close" disabled=move || adding.get() on:click=move |_| close_for_button()>
                    "Close"
                </button>
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
                            WizardStep::Overview => submit_add(),
                            WizardStep::Summary => {}
                            _ => wizard.next(),
                        }
                    }
                >
                    <p class="form-error" role="alert" data-testid="form-error" hidden=move || wizard.step.get() == WizardStep::Overview>
                        {move || form_error.get()}
                    </p>
                    <div hidden=move || wizard.step.get() != WizardStep::General>
                        <GeneralFields form without_logo=("Add without the logo", Callback::new(move |_| submit_add())) />
                    </div>
                    <div hidden=move || wizard.step.get() != WizardStep::Modules>
                        <ModulesPicker form />
                    </div>
                    <Show when=move || wizard.step.get() == WizardStep::Overview>
                        <overview::Overview form />
                        <p class="form-error" role="alert" data-testid="add-error">{move || wizard.add_error.get()}</p>
                    </Show>
                    <Show when=move || wizard.step.get() == WizardStep::Summary>
                        {move || wizard.created.get().map(|token| view! { <summary::Summary token /> })}
                    </Show>
                    <div class="wizard-actions">
                        <Show when=move || matches!(wizard.step.get(), WizardStep::Modules | WizardStep::Overview)>
                            <button type="button" class="btn" data-testid="wizard-back" disabled=move || adding.get() on:click=move |_| wizard.back()>
                                "Back"
                            </button>
                        </Show>
                        <Show when=move || matches!(wizard.step.get(), WizardStep::General | WizardStep::Modules)>
                            <button type="submit" class="btn btn-primary" data-testid="wizard-next">"Next"</button>
                        </Show>
                        <Show when=move || wizard.step.get() == WizardStep::Overview>
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
                                    } else if wizard.add_error.with(Option::is_some) {
                                        "Retry: Add"
                                    } else {
                                        "Add"
                                    }
                                }}
                            </button>
                        </Show>
                    </div>
                </form>
            </div>
            <DiscardDialog
                open=asking_close
                title="Discard this API token?"
                message="What you entered has not been added yet and will be lost."
                on_discard=move |_| leave()
            />
        </section>
    }
}
