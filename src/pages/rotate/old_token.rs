//! The old token during a rotation: its status and last access, read again
//! every few seconds, Disable when the user is ready, and Done.

use crate::api::{tokens, use_load};
use crate::app::nav::use_go;
use crate::components::{Appearance, Button, DateTime, LoadSection, PendingAction, StatusBadge, TokenActionDialog};
use crate::model::route::{Screen, Tab};
use crate::model::token_action::{Change, TokenStatus};
use leptos::prelude::*;
use leptos_use_interval_fn::use_interval_fn;

/// How often the old token's last access is read again, in milliseconds.
const POLL_MS: u64 = 5_000;

/// The old token, live, with Disable and the way out.
#[component]
pub fn OldToken(id: String, name: String) -> impl IntoView {
    // Read again every few seconds, and after a change made here.
    let reread = Trigger::new();
    use_interval_fn(move || reread.notify(), POLL_MS);
    let old = use_load(
        {
            let id = id.clone();
            move || {
                reread.track();
                id.clone()
            }
        },
        |api, id| async move { tokens::get(&api, &id).await },
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
                on_retry=move |()| old.refetch()
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
                                    <Button appearance=Appearance::Danger testid="rotate-disable-old"
                                        on_click=move |()| pending.set(Some(disable.clone()))>"Disable the old token"</Button>
                                })}
                            }
                        })
                    })
                }}
            </LoadSection>
            <Done id />
        </div>
        <TokenActionDialog pending on_done=move |_| reread.notify() />
    }
}

/// Leaves for the old token's page (the leave guard asks first if the new
/// value was never copied).
#[component]
fn Done(id: String) -> impl IntoView {
    let go = use_go();
    let old = Screen::token(&id, Tab::General);
    view! {
        <div class="wizard-actions">
            <Button testid="rotate-done" on_click=move |()| go(&old, Default::default())>
                "Done"
            </Button>
        </div>
    }
}
