//! A failed load: what went wrong and a way to try again.

use leptos::prelude::*;

/// The message of the first error an `<ErrorBoundary>` caught.
pub fn first_error(errors: &ArcRwSignal<Errors>) -> String {
    errors
        .with(|e| e.iter().next().map(|(_, err)| err.to_string()))
        .unwrap_or_default()
}

/// Error message with a Retry button.
///
/// Inside an `<ErrorBoundary>` under a `<Transition>`, a panel can stay on
/// screen after its reactive owner is gone (a retry that fails again leaves
/// it in place). So `on_retry` is a plain closure held by the click handler,
/// not an arena-stored `Callback` that would panic once disposed: Retry
/// keeps working however often it is pressed.
#[component]
pub fn ErrorPanel(
    #[prop(into)] title: String,
    #[prop(into)] detail: String,
    on_retry: impl Fn(()) + 'static,
) -> impl IntoView {
    view! {
        <div class="error-panel" role="alert" data-testid="error-panel">
            <p class="error-title">{title}</p>
            <p class="error-detail">{detail}</p>
            <button type="button" class="btn" on:click=move |_| on_retry(())>
                "Retry"
            </button>
        </div>
    }
}
