//! A failed load: what went wrong and a way to try again.

use super::button::Button;
use super::skeleton::Skeleton;
use crate::api::ApiError;
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
/// it in place); its button then reads as idle rather than panic. While
/// `retrying`, the panel stays (the section keeps its last view) and Retry
/// says so and waits.
#[component]
pub fn ErrorPanel(
    #[prop(into)] title: String,
    #[prop(into)] detail: String,
    #[prop(into)] on_retry: Callback<()>,
    #[prop(optional, into)] retrying: Signal<bool>,
) -> impl IntoView {
    view! {
        <div class="error-panel" role="alert" data-testid="error-panel">
            <p class="error-title">{title}</p>
            <p class="error-detail">{detail}</p>
            <Button testid="retry" busy=retrying busy_label="Retrying…" on_click=on_retry>
                "Retry"
            </Button>
        </div>
    }
}

/// The first error an `<ErrorBoundary>` caught, when it was an API error.
pub fn first_api_error(errors: &ArcRwSignal<Errors>) -> Option<ApiError> {
    errors.with(|e| {
        e.iter()
            .next()
            .and_then(|(_, err)| err.downcast_ref::<ApiError>().cloned())
    })
}

/// A failed load. A refusal (403: the credentials are valid but may not read
/// this) is said plainly, `refused` then the API's reason, with no Retry, which
/// would be refused again; a cancelled load shows as loading; anything else
/// gets [`ErrorPanel`].
#[component]
pub fn LoadFailed(
    #[prop(into)] title: String,
    #[prop(into)] refused: String,
    error: Option<ApiError>,
    #[prop(into)] detail: String,
    #[prop(into)] on_retry: Callback<()>,
    #[prop(optional, into)] retrying: Signal<bool>,
) -> impl IntoView {
    match error {
        Some(e @ ApiError::Forbidden(_)) => view! {
            <div class="refused" role="alert" data-testid="refused">
                <p class="error-title">{refused}</p>
                <p class="error-detail">{e.to_string()}</p>
            </div>
        }
        .into_any(),
        // Cancelled because a newer load replaced it: that one is on its way.
        Some(ApiError::Aborted) => view! { <Skeleton label="Loading" /> }.into_any(),
        _ => view! { <ErrorPanel title detail on_retry retrying /> }.into_any(),
    }
}
