//! The Edit flow: General and Modules steps prefilled with the token's
//! values, one `PUT` on Save, and a question before unsaved changes are lost.

use crate::api::tokens;
use crate::api::{use_api, ApiToken};
use crate::components::{use_toasts, Appearance, Button, DiscardDialog, Modal};
use crate::pages::token_form::{Field, FormValues, GeneralFields, ModulesPicker, Step, Submit, TokenForm};
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
    let id = token.id.clone();
    let submit = Submit::new(
        form,
        "Save",
        move |draft| {
            let (api, id) = (api.clone(), id.clone());
            async move { tokens::update(&api, &id, &draft).await }
        },
        Callback::new(move |s| step.set(s)),
        Callback::new(move |saved: ApiToken| {
            toasts.success("API token updated", format!("{} ({})", saved.name, saved.id));
            on_close.run(true);
        }),
    );
    let pending = submit.pending();
    let close = Callback::new(move |()| {
        if pending.get_untracked() {
            return;
        }
        if state.is_dirty() {
            asking_discard.set(true);
        } else {
            on_close.run(false);
        }
    });
    let form_error = form.error(Field::Form);
    // Open for as long as it is mounted (the page mounts it while editing).
    view! {
        <Modal open=true title="Edit API token" on_close=close wide=true testid="edit-dialog">
            <EditSteps step />
            <form novalidate on:submit=move |ev: leptos::ev::SubmitEvent| {
                ev.prevent_default();
                submit.run();
            }>
                <div hidden=move || step.get() != Step::General>
                    <GeneralFields form without_logo=("Save without the logo", Callback::new(move |_| submit.run())) />
                </div>
                <div hidden=move || step.get() != Step::Modules>
                    <ModulesPicker form />
                </div>
                <p class="form-error" role="alert" data-testid="edit-form-error">{move || form_error.get()}</p>
                <EditActions step pending on_close=close />
            </form>
            <DiscardDialog
                open=asking_discard
                title="Discard your changes?"
                message="The changes you made to this API token have not been saved."
                on_discard=move |_| on_close.run(false)
            />
        </Modal>
    }
}

/// The General and Modules step buttons.
#[component]
fn EditSteps(step: RwSignal<Step>) -> impl IntoView {
    let button = move |s: Step, label: &'static str| {
        view! {
            <button
                type="button"
                class="step"
                class:current=move || step.get() == s
                aria-current=move || if step.get() == s { "step" } else { "false" }
                data-testid=format!("edit-step-{}", label.to_ascii_lowercase())
                on:click=move |_| step.set(s)
            >
                {label}
            </button>
        }
    };
    view! { <nav class="stepper" aria-label="Steps">{button(Step::General, "General")} {button(Step::Modules, "Modules")}</nav> }
}

/// Close, Next (on General) and Save.
#[component]
fn EditActions(step: RwSignal<Step>, pending: Memo<bool>, on_close: Callback<()>) -> impl IntoView {
    view! {
        <div class="dialog-actions">
            <Button testid="edit-close" disabled=pending on_click=on_close>
                "Close"
            </Button>
            <Show when=move || step.get() == Step::General>
                <Button testid="edit-next" on_click=move |()| step.set(Step::Modules)>
                    "Next"
                </Button>
            </Show>
            <Button appearance=Appearance::Primary submit=true testid="edit-save" busy=pending busy_label="Saving…">
                "Save"
            </Button>
        </div>
    }
}
