//! A section that loads: a skeleton first, what it showed kept while it
//! reloads, and a failure said plainly (a refusal without a Retry, see
//! [`LoadFailed`]). Every view that loads from the API shows it in one.

use super::error_panel::{first_api_error, first_error, LoadFailed};
use super::skeleton::Skeleton;
use leptos::prelude::*;

/// `<Transition>` and `<ErrorBoundary>` around `children` (which await a
/// load). `loading` names the skeleton for assistive technology (or
/// `skeleton` replaces it); `failed` and `refused` title a failure and a
/// refusal; `busy` follows reloads.
#[component]
pub fn LoadSection(
    #[prop(into)] loading: String,
    #[prop(into)] failed: String,
    #[prop(into)] refused: String,
    #[prop(into)] on_retry: Callback<()>,
    #[prop(optional)] busy: Option<RwSignal<bool>>,
    #[prop(optional, into)] skeleton: Option<ViewFnOnce>,
    children: Children,
) -> impl IntoView {
    let fallback = move || match skeleton {
        Some(s) => s.run(),
        None => view! { <Skeleton label=loading /> }.into_any(),
    };
    // A failure stays on screen while Retry's load runs: its button follows.
    let reloading = RwSignal::new(false);
    let set_pending = SignalSetter::map(move |pending| {
        reloading.try_set(pending);
        if let Some(b) = busy {
            b.try_set(pending);
        }
    });
    view! {
        <Transition fallback set_pending>
            <ErrorBoundary fallback=move |errors| {
                let (detail, error) = (first_error(&errors), first_api_error(&errors));
                let (title, refused) = (failed.clone(), refused.clone());
                view! { <LoadFailed title refused error detail on_retry retrying=reloading /> }
            }>{children()}</ErrorBoundary>
        </Transition>
    }
}
