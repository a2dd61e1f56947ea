//! Result messages: a polite live region of toasts that dismiss themselves.
//! A change the API can reverse (enable, disable) offers Undo in its toast
//! for 10 s, which changes back exactly the tokens that changed.

use super::button::{Appearance, Button};
use crate::api::{tokens, use_api};
use crate::app::session::use_session;
use crate::model::bulk::{Acted, NotDone};
use crate::model::token_action::Change;
use leptos::prelude::*;
use leptos_use_timeout_fn::{use_timeout_fn, UseTimeoutFnReturn};

/// How long a success message stays.
const SUCCESS_MS: f64 = 6000.0;
/// How long an error message stays (longer: it needs reading).
const ERROR_MS: f64 = 15000.0;
/// How long a message with Undo stays.
const UNDO_MS: f64 = 10000.0;

/// What a toast's Undo does: `change` to each token (id, name).
#[derive(Clone, Debug, PartialEq)]
pub struct Undo {
    /// The reverse of the change made.
    pub change: Change,
    /// `(id, name)` of exactly the tokens that changed.
    pub tokens: Vec<(String, String)>,
}

#[derive(Clone, Debug, PartialEq)]
struct Toast {
    id: u64,
    error: bool,
    title: String,
    detail: String,
    undo: Option<Undo>,
}

/// Handle for showing messages, shared through context.
#[derive(Clone, Copy)]
pub struct ToastHandle {
    items: RwSignal<Vec<Toast>>,
    next: StoredValue<u64>,
}

impl ToastHandle {
    fn push(&self, error: bool, title: String, detail: String, undo: Option<Undo>) {
        let id = self.next.get_value();
        self.next.set_value(id + 1);
        self.items.update(|v| {
            v.push(Toast {
                id,
                error,
                title,
                detail,
                undo,
            })
        });
    }

    pub fn success(&self, title: impl Into<String>, detail: impl Into<String>) {
        self.push(false, title.into(), detail.into(), None);
    }

    /// Shows a success message whose Undo button makes `undo` (when it
    /// has tokens to change back).
    pub fn success_with_undo(&self, title: impl Into<String>, detail: impl Into<String>, undo: Undo) {
        let undo = (!undo.tokens.is_empty()).then_some(undo);
        self.push(false, title.into(), detail.into(), undo);
    }

    pub fn error(&self, title: impl Into<String>, detail: impl Into<String>) {
        self.push(true, title.into(), detail.into(), None);
    }

    fn dismiss(&self, id: u64) {
        self.items.update(|v| v.retain(|t| t.id != id));
    }
}

/// Creates the message list and provides it.
pub fn provide_toasts() -> ToastHandle {
    let handle = ToastHandle {
        items: RwSignal::new(Vec::new()),
        next: StoredValue::new(0),
    };
    provide_context(handle);
    handle
}

/// The handle provided by [`provide_toasts`].
pub fn use_toasts() -> ToastHandle {
    expect_context::<ToastHandle>()
}

#[component]
fn ToastView(toast: Toast, handle: ToastHandle) -> impl IntoView {
    let id = toast.id;
    let stays = match (toast.error, &toast.undo) {
        (true, _) => ERROR_MS,
        (false, Some(_)) => UNDO_MS,
        (false, None) => SUCCESS_MS,
    };
    let UseTimeoutFnReturn { start, .. } = use_timeout_fn(move |_: ()| handle.dismiss(id), stays);
    start(());
    let class = if toast.error {
        "toast toast-error"
    } else {
        "toast toast-success"
    };
    view! {
        <div class=class data-testid=if toast.error { "toast-error" } else { "toast-success" }>
            <div class="toast-text">
                <strong>{toast.title}</strong>
                <span>{toast.detail}</span>
            </div>
            {toast.undo.map(|undo| view! { <UndoButton undo toast=id handle /> })}
            <button type="button" class="icon-btn" aria-label="Dismiss message" on:click=move |_| handle.dismiss(id)>
                "×"
            </button>
        </div>
    }
}

/// Undo: changes the tokens back one by one, then says how it went (the
/// toast goes; the views load again).
#[component]
fn UndoButton(undo: Undo, toast: u64, handle: ToastHandle) -> impl IntoView {
    let api = use_api();
    let session = use_session();
    let run = Action::new_local(move |undo: &Undo| {
        let (api, undo) = (api.clone(), undo.clone());
        async move {
            // Each token read again first, as every action is (someone may
            // have changed it within the 10 s); a busy API stops the rest.
            // (Not through `bulk::run`: that would bring the bulk report
            // into the first load, 7.4 KiB brotli.)
            let (mut done, mut others) = (0, Vec::new());
            for (id, name) in &undo.tokens {
                match tokens::act_checked(api.clone(), id.clone(), undo.change).await {
                    Ok(Acted::Done) => done += 1,
                    Ok(Acted::Already(said)) => others.push(format!("{name} ({id}): {said}")),
                    Err(NotDone { why, pause }) => {
                        others.push(format!("{name} ({id}): {why}"));
                        if pause {
                            break;
                        }
                    }
                }
            }
            handle.dismiss(toast);
            session.load_again();
            let again = undo.change.done();
            if others.is_empty() {
                handle.success(format!("Undone: {done} API token(s) {again} again"), "");
            } else {
                handle.error(
                    format!("Undo: {done} of {} {again} again", undo.tokens.len()),
                    others.join("; "),
                );
            }
        }
    });
    let pending = run.pending();
    view! {
        <Button appearance=Appearance::Quiet small=true testid="toast-undo" writes=true busy=pending busy_label="Undoing…" on_click=move |()| {
            run.dispatch_local(undo.clone());
        }>
            "Undo"
        </Button>
    }
}

/// The message area; place once in the frame.
#[component]
pub fn Toasts() -> impl IntoView {
    let handle = use_toasts();
    view! {
        <div class="toasts" role="status" aria-live="polite">
            <For each=move || handle.items.get() key=|t| t.id let:toast>
                <ToastView toast handle />
            </For>
        </div>
    }
}
