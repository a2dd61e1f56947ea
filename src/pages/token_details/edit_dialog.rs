//! The Edit flow: General and Modules steps prefilled with the token's
//! values, one `PUT` on Save, and a question before unsaved changes are lost.
//! Right before the `PUT` the token is read again: if someone else changed
//! what the form holds meanwhile, the conflict view asks instead of saving.

use super::edit_conflict::{ConflictView, EditConflict, Resolution};
use crate::api::tokens;
use crate::api::{use_api, ApiClient, ApiToken};
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

    /// What the form opened with, or was last reconciled with.
    fn base(&self) -> FormValues {
        self.initial.get_untracked().unwrap_or_default()
    }

    /// Takes `values` (someone else's, now saved) as what the form opened with.
    fn rebase(&self, values: FormValues) {
        self.initial.set(Some(values));
    }

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

/// What the edit form's submit needs.
struct EditSave {
    api: ApiClient,
    state: EditState,
    id: String,
    conflict: RwSignal<Option<EditConflict>>,
    step: RwSignal<Step>,
    on_saved: Callback<ApiToken>,
}

/// The edit form's submit: reads the token again first, and when someone
/// else changed a field the form holds, shows the conflict instead of saving.
fn edit_submit(save: EditSave) -> Submit {
    let EditSave {
        api,
        state,
        id,
        conflict,
        step,
        on_saved,
    } = save;
    let form = state.form;
    Submit::new(
        form,
        "Save",
        move |draft| {
            let (api, id, base, mine) = (api.clone(), id.clone(), state.base(), form.values());
            async move {
                let now = tokens::get(&api, &id).await?;
                if let Some(c) = EditConflict::between(&base, &mine, now) {
                    conflict.set(Some(c));
                    return Ok(None);
                }
                tokens::update(&api, &id, &draft).await.map(Some)
            }
        },
        Callback::new(move |s| step.set(s)),
        on_saved,
    )
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
    let conflict = RwSignal::new(None::<EditConflict>);
    let submit = edit_submit(EditSave {
        api,
        state,
        id: token.id.clone(),
        conflict,
        step,
        on_saved: Callback::new(move |saved: ApiToken| {
            toasts.success("API token updated", format!("{} ({})", saved.name, saved.id));
            on_close.run(true);
        }),
    });
    let resolve = resolution(
        state,
        conflict,
        submit,
        Callback::new(move |(name, id): (String, String)| {
            toasts.success("Kept their changes", format!("{name} ({id})"));
            on_close.run(true);
        }),
    );
    let names = StoredValue::new(
        token
            .modules
            .iter()
            .map(|m| (m.id.clone(), m.name.clone()))
            .collect::<Vec<_>>(),
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
    // Open for as long as it is mounted (the page mounts it while editing).
    view! {
        <Modal open=true title="Edit API token" on_close=close wide=true testid="edit-dialog">
            {move || conflict.get().map(|c| {
                let mut names = names.get_value();
                names.extend(c.token.modules.iter().map(|m| (m.id.clone(), m.name.clone())));
                view! { <ConflictView conflict=c mine=form.values() names on_resolve=resolve /> }
            })}
            <EditForm form submit step hidden=Signal::derive(move || conflict.with(Option::is_some)) on_close=close />
            <DiscardDialog
                open=asking_discard
                title="Discard your changes?"
                message="The changes you made to this API token have not been saved."
                on_discard=move |_| on_close.run(false)
            />
        </Modal>
    }
}

/// What the conflict view's choice does: the other's values become the
/// base; saving sends the values chosen (checked against the API again),
/// taking theirs sends nothing and calls `took_theirs` with the token's
/// name and id.
fn resolution(
    state: EditState,
    conflict: RwSignal<Option<EditConflict>>,
    submit: Submit,
    took_theirs: Callback<(String, String)>,
) -> Callback<Resolution> {
    Callback::new(move |r: Resolution| {
        let Some(c) = conflict.get_untracked() else { return };
        conflict.set(None);
        state.rebase(c.theirs.clone());
        match r {
            Resolution::Save(values) => {
                state.form.load(values);
                submit.run();
            }
            Resolution::TakeTheirs => {
                state.form.load(c.theirs);
                took_theirs.run((c.token.name, c.token.id));
            }
        }
    })
}

/// The two steps' fields, their buttons and the form's own error; hidden
/// while the conflict view asks.
#[component]
fn EditForm(
    form: TokenForm,
    submit: Submit,
    step: RwSignal<Step>,
    hidden: Signal<bool>,
    on_close: Callback<()>,
) -> impl IntoView {
    let form_error = form.error(Field::Form);
    view! {
        <EditSteps step hidden />
        <form novalidate hidden=hidden on:submit=move |ev: leptos::ev::SubmitEvent| {
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
            <EditActions step pending=submit.pending() on_close />
        </form>
    }
}

/// The General and Modules step buttons.
#[component]
fn EditSteps(step: RwSignal<Step>, hidden: Signal<bool>) -> impl IntoView {
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
    view! { <nav class="stepper" aria-label="Steps" hidden=hidden>{button(Step::General, "General")} {button(Step::Modules, "Modules")}</nav> }
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
            <Button appearance=Appearance::Primary submit=true testid="edit-save" writes=true busy=pending busy_label="Saving…">
                "Save"
            </Button>
        </div>
    }
}
