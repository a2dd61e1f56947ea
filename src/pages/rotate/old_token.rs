//! The old token during a rotation: its status and last access, read again
//! every few seconds, Disable when the user is ready, and Done.

use crate::api::{tokens, use_load};
use crate::app::nav::use_go;
use crate::components::{DateTime, LoadSection, PendingAction, StatusBadge, TokenActionDialog};
use crate::model::route::{Route, Tab};
use crate::model::token_action::{Change, TokenStatus};
use leptos::prelude::*;
use std::time::Duration;

/// How often the old token's last access is read again.
const POLL: Duration = Duration::from_secs(5);

/// The old token, live, with Disable and the way out.
#[component]
pub fn OldToken(id: String, name: String) -> impl IntoView {
    let tick = RwSignal::new(0u64);
    if let Ok(handle) = set_interval_with_handle(move || tick.update(|n| *n += 1), POLL) {
        on_cleanup(move || handle.clear());
    }
    let old = use_load(
        {
            let id = id.clone();
            move || (id.clone(), tick.get())
        },
        |api, (id, _)| async move { tokens::get(&api, &id).await },
    );
    let pending = RwSignal::new(None::<PendingAction>);
    let disable = PendingAction {
        change: Change::Disable,
        id: id.clone(),
        name,
    };
    view! {
        <div class="card rotate-old" data-testid="rotate-old">
            <h3>"2. Retire the old token"</h3>
            <p class="muted">"It stays active until you disable it. Watch its last access: when it stops changing, nothing uses it any more."</p>
            <LoadSection
                loading="Reading the old token"
                failed="The old token could not be read"
                refused="These credentials may not read the old token."
                on_retry=move || old.refetch()
            >
                {move || {
                    let disable = disable.clone();
                    Suspend::new(async move {
                        old.await.map(|t| {
                            let active = t.status == TokenStatus::Active;
                            view! {
                                <p>
                                    <StatusBadge status=t.status />
                                    " Last access: "
                                    <span data-testid="rotate-old-last-access"><DateTime at=t.last_access_at.clone() empty="never" /></span>
                                </p>
                                {active.then(|| view! {
                                    <button type="button" class="btn btn-danger" data-testid="rotate-disable-old"
                                        on:click=move |_| pending.set(Some(disable.clone()))>"Disable the old token"</button>
                                })}
                            }
                        })
                    })
                }}
            </LoadSection>
            <Done id />
        </div>
        <TokenActionDialog pending on_done=move |_| tick.update(|n| *n += 1) />
    }
}

/// Leaves for the old token's page (the leave guard asks first if the new
/// value was never copied).
#[component]
fn Done(id: String) -> impl IntoView {
    let go = use_go();
    let old = Route::token(&id, Tab::General);
    view! {
        <div class="wizard-actions">
            <button type="button" class="btn" data-testid="rotate-done" on:click=move |_| go(&old, Default::default())>
                "Done"
            </button>
        </div>
    }
}
