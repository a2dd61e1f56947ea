//! Result messages: a polite live region of toasts that dismiss themselves.

use leptos::prelude::*;
use leptos_use_timeout_fn::{use_timeout_fn, UseTimeoutFnReturn};

/// How long a success message stays.
const SUCCESS_MS: f64 = 6000.0;
/// How long an error message stays (longer: it needs reading).
const ERROR_MS: f64 = 15000.0;

#[derive(Clone, Debug, PartialEq)]
struct Toast {
    id: u64,
    error: bool,
    title: String,
    detail: String,
}

/// Handle for showing messages, shared through context.
#[derive(Clone, Copy)]
pub struct ToastHandle {
    items: RwSignal<Vec<Toast>>,
    next: StoredValue<u64>,
}

impl ToastHandle {
    fn push(&self, error: bool, title: String, detail: String) {
        let id = self.next.get_value();
        self.next.set_value(id + 1);
        self.items.update(|v| {
            v.push(Toast {
                id,
                error,
                title,
                detail,
            })
        });
    }

    /// Shows a success message.
    pub fn success(&self, title: impl Into<String>, detail: impl Into<String>) {
        self.push(false, title.into(), detail.into());
    }

    /// Shows an error message.
    pub fn error(&self, title: impl Into<String>, detail: impl Into<String>) {
        self.push(true, title.into(), detail.into());
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
    let UseTimeoutFnReturn { start, .. } = use_timeout_fn(
        move |_: ()| handle.dismiss(id),
        if toast.error { ERROR_MS } else { SUCCESS_MS },
    );
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
            <button type="button" class="icon-btn" aria-label="Dismiss message" on:click=move |_| handle.dismiss(id)>
                "×"
            </button>
        </div>
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
