//! Rotating a token (`/api-tokens/{id}/rotate`): a replacement with the
//! same description, logo and modules is created and its value shown once;
//! the old token stays active, its last access shown live, until the user
//! disables it. Leaving before the new value was copied asks first (the
//! leave guard).

mod old_token;
mod replacement;

use crate::api::{tokens, use_load, ApiToken};
use crate::app::leave_guard::{use_leave_guard, Holding};
use crate::components::LoadSection;
use leptos::prelude::*;
use leptos::Params;
use leptos_router::hooks::use_params;
use leptos_router::params::Params;
use old_token::OldToken;
use replacement::{Replacement, StartRotation};

/// The route's parameter (`model::route::ID_PARAM`): the token rotated.
#[derive(Params, Debug, Clone, PartialEq, Default)]
struct RotateParams {
    id: Option<String>,
}

#[component]
pub fn RotatePage() -> impl IntoView {
    let params = use_params::<RotateParams>();
    let id = Memo::new(move |_| params.get().ok().and_then(|p| p.id).unwrap_or_default());
    let old = use_load(move || id.get(), |api, id| async move { tokens::get(&api, &id).await });
    // Outside the loading section: a reload of the old token (a new
    // sign-in, say) must never lose the new value before it was copied.
    let created = RwSignal::new(None::<ApiToken>);
    view! {
        <section class="page rotate-page" data-testid="rotate-page">
            <div class="page-head">
                <h2>"Rotate API token"</h2>
            </div>
            <LoadSection
                loading="Loading the API token"
                failed="The API token could not be loaded"
                refused="These credentials may not read this API token."
                on_retry=move |()| old.refetch()
            >
                {move || Suspend::new(async move {
                    old.await.map(|old| view! { <RotationSteps old created /> })
                })}
            </LoadSection>
        </section>
    }
}

/// The rotation of `old`: before the replacement exists, what will happen; after, the new value
/// and the old token.
#[component]
fn RotationSteps(old: ApiToken, created: RwSignal<Option<ApiToken>>) -> impl IntoView {
    let copied = RwSignal::new(false);
    if let Some(guard) = use_leave_guard() {
        guard.hold_while(move || {
            (created.with(Option::is_some) && !copied.get()).then_some(Holding {
                title: "Leave without copying the new value?",
                message: "The new token's value was not copied. You can read it again on its page, but the safest moment to store it is now.",
            })
        });
    }
    move || match created.get() {
        None => view! { <StartRotation old=old.clone() created /> }.into_any(),
        Some(new) => view! {
            <Replacement new copied />
            <OldToken id=old.id.clone() name=old.name.clone() />
        }
        .into_any(),
    }
}
