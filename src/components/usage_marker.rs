//! The never-used and idle markers of a token's last access, from
//! [`usage`], the one rule for both.

use crate::model::format::{usage, Usage};
use leptos::prelude::*;

/// A marker for `last_access_at` as of `now_ms`; `never` is false where the
/// date's own empty text already says "Never used".
#[component]
pub fn UsageMarker(
    #[prop(into)] last_access_at: Option<String>,
    now_ms: i64,
    #[prop(default = true)] never: bool,
) -> impl IntoView {
    match usage(last_access_at.as_deref(), now_ms) {
        Usage::NeverUsed if never => {
            Some(view! { <span class="marker" data-testid="marker-never">"Never used"</span> }.into_any())
        }
        Usage::Idle { days } => Some(
            view! {
                <span class="marker marker-warn" data-testid="marker-idle" title=format!("Last used {days} days ago")>
                    "Idle > 90 days"
                </span>
            }
            .into_any(),
        ),
        Usage::NeverUsed | Usage::Recent => None,
    }
}
