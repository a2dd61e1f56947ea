//! The Edit flow: General and Modules steps prefilled with the token's
//! values, one `PUT` on Save, and a question before unsaved changes are lost.

use crate::api::tokens;
use crate::api::{use_api, ApiError, ApiToken};
use crate::components::confirm_dialog::show_modal_while;
use crate::components::{use_toasts, DiscardDialog};
use crate::pages::token_form::{server_errors, step_of, FormValues, GeneralFields, ModulesPicker, Step, TokenForm};
use leptos::html::Dialog;
use leptos::prelude::*;

/// What is being edited; owned by the page, outside the part that reloads,
/// so a reload (after signing in again, say) loses nothing typed.
#[derive(Clone, Copy)]
pub struct EditState {
    /// The values when editing began; `None` while not editing.
    initial: RwSignal<Option<FormValues>>,
    /// The values being edited.
    form: TokenForm,
}

impl EditState {
    /// An idle edit state.
    pub fn new() -> EditState {
        EditState {
            initial: RwSignal::new(None),
            form: TokenForm::new(FormValues::default()),
        }
    }

    /// Starts editing `token`, unless an edit of it is already under way.
    fn begin(&self, token: &ApiToken) {
        if self.initial.with_untracked(Option::is_none) {
            let values = FormValues::of(token);
            self.form.load(values.clone());
            self.initial.set(Some(values));
        }
    }

    /// Ends the edit.
    fn end(&self) {
        self.initial.set(None);
    }

    fn is_dirty(&self) -> bool {
        self.initial
            .with_untracked(|i| i.as_ref().is_some_and(|i| *i != self.form.values()))
    }
}

impl Default for EditState {
    fn default() -> Self {
        Self::new()
    }
}

/// The Edit dialog for `token`; `on_close(saved)` when it closes.
#[component]
pub fn EditTokenDialog(token: ApiToken, state: EditState, #[prop(into)] on_close: Callback<bool>) -> impl IntoView {
    let api = use_api();
    let toasts = use_toasts();
    state.begin(&token);
    let form = state.form;
    let on_close = Callback::new(move |saved: bool| {
        state.end();
        on_close.run(saved);
    });
    let step = RwSignal::new(Step::General);
    let asking_discard = RwSignal::new(false);
    let dialog = NodeRef::<Dialog>::new();
    // Open for as long as the dialog is mounted.
    show_modal_while(dialog, || true);

    let id = token.id.clone();
    let save = Action::new_local(move |draft: &tokens::TokenDraft| {
        let (api, id, draft) = (api.clone(), id.clone(), draft.clone());
        async move {
            match tokens::update(&api, &id, &draft).await {
                Ok(saved) => {
                    toasts.success("API token updated", format!("{} ({})", saved.name, saved.id));
                    on_close.run(true);
                }
                // A refused token is handled by the sign-in dialog; everything typed stays here.
                Err(ApiError::Unauthorized(_)) => {}
                Err(e) => {
                    let errors = server_errors(&e);
                    if let Some(s) = step_of(&errors) {
                        step.set(s);
                    }
                    form.errors.set(errors);
                }
            }
        }
    });
    let pending = save.pending();
    let submit = move || {
        if pending.get_untracked() {
            return;
        }
        match form.values().check() {
            Ok(draft) => {
                form.errors.set(Default::default());
                save.dispatch(draft);
            }
            Err(errors) => {
                if let Some(s) = step_of(&errors) {
                    step.set(s);
                }
                form.errors.set(errors);
            }
        }
    };
    let close = move || {
        if pending.get_untracked() {
            return;
        }
        if state.is_dirty() {
            asking_discard.set(true);
        } else {
            on_close.run(false);
        }
    };
    let form_error = form.error("form");
    let step_button = move |s: Step, label: &'static str| {
        view! {
            <button
                type="button"
                class="step"
                class:current=move || step.get() == s
                aria-current=move || if step.get() == s { "step" } else { "false" }
                data-testid=format!("edit-step-{}", label.to_lowercase())
                on:click=move |_| step.set(s)
            >
                {label}
            </button>
        }
    };
    view! {
        <dialog
            node_ref=dialog
            class="dialog dialog-wide"
            aria-labelledby="edit-title"
            data-testid="edit-dialog"
            on:cancel=move |ev: web_sys::Event| {
                ev.prevent_default();
                close();
            }
        >
            <h2 id="edit-title" class="dialog-title">"Edit API token"</h2>
            <nav class="stepper" aria-label="Steps">{step_button(Step::General, "General")} {step_button(Step::Modules, "Modules")}</nav>
            <form novalidate on:submit=move |ev: leptos::ev::SubmitEvent| {
                ev.prevent_default();
                submit();
            }>
                <div hidden=move || step.get() != Step::General>
                    <GeneralFields form without_logo=("Save without the logo", Callback::new(move |_| submit())) />
                </div>
                <div hidden=move || step.get() != Step::Modules>
                    <ModulesPicker form />
                </div>
                <p class="form-error" role="alert" data-testid="edit-form-error">{move || form_error.get()}</p>
                <div class="dialog-actions">
                    <button type="button" class="btn" data-testid="edit-close" disabled=move || pending.get() on:click=move |_| close()>
                        "Close"
                    </button>
                    <Show when=move || step.get() == Step::General>
                        <button type="button" class="btn" data-testid="edit-next" on:click=move |_| step.set(Step::Modules)>
                            "Next"
                        </button>
                    </Show>
                    <button type="submit" class="btn btn-primary" data-testid="edit-save" disabled=move || pending.get() aria-busy=move || pending.get().to_string()>
                        {move || if pending.get() { "Saving…" } else { "Save" }}
                    </button>
                </div>
            </form>
            <DiscardDialog
                open=asking_discard
                title="Discard your changes?"
                message="The changes you made to this API token have not been saved."
                on_discard=move |_| on_close.run(false)
            />
        </dialog>
    }
}
