//! Instants shown as date and time in the user's language and time zone,
//! with the exact UTC instant in the title. Any language the browser reports
//! works (see [`crate::app::locale`]).

use crate::app::locale::{browser_formatters, Formatters};
use crate::model::format::parse_instant;
use leptos::prelude::*;

/// Languages to show dates in instead of the browser's (a component test
/// gives hostile ones here).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DateLanguages(pub Vec<String>);

/// Two lines, date over time; `empty` when there is no instant.
#[component]
pub fn DateTime(
    #[prop(into)] at: Option<String>, #[prop(into, default = "—".into())] empty: String
) -> impl IntoView {
    match at.as_deref().and_then(parse_instant) {
        Some(ms) => {
            let (day, time) = match use_context::<DateLanguages>() {
                Some(DateLanguages(langs)) => Formatters::for_languages(&langs).date_time(ms),
                None => browser_formatters().date_time(ms),
            };
            let exact = at.unwrap_or_default();
            view! {
                <time class="date-time" datetime=exact.clone() title=format!("{exact} (UTC)")>
                    <span class="date">{day}</span>
                    <span class="time">{time}</span>
                </time>
            }
            .into_any()
        }
        None => view! { <span class="date-time muted">{empty}</span> }.into_any(),
    }
}
