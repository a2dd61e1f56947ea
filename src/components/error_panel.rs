//! A failed load: what went wrong and a way to try again.

use leptos::prelude::*;

/// The message of the first error an `<ErrorBoundary>` caught.
pub fn first_error(errors: &ArcRwSignal<Errors>) -> String {
    errors
        .with(|e| e.iter().next().map(|(_, err)| err.to_string()))
        .unwrap_or_default()
}

/// Error message with a Retry button.
#[component]
pub fn ErrorPanel(
    #[prop(into)] title: String,
    #[prop(into)] detail: String,
    #[prop(into)] on_retry: Callback<()>,
) -> impl IntoView {
    view! {
        <div class="error-panel" role="alert" data-testid="error-panel">
            <p class="error-title">{title}</p>
            <p class="error-detail">{detail}</p>
            <button type="button" class="btn" on:click=move |_| on_retry.run(())>
                "Retry"
            </button>
        </div>
    }
}
