//! Instants shown as date and time in the user's locale, with the exact UTC
//! instant in the title.

use crate::model::format::parse_instant;
use leptos::prelude::*;
use wasm_bindgen::JsValue;

fn locale() -> String {
    web_sys::window()
        .and_then(|w| w.navigator().language())
        .unwrap_or_else(|| "en".into())
}

fn options(pairs: &[(&str, &str)]) -> JsValue {
    let obj = js_sys::Object::new();
    for (k, v) in pairs {
        let _ = js_sys::Reflect::set(&obj, &JsValue::from_str(k), &JsValue::from_str(v));
    }
    obj.into()
}

/// `("15 Apr 2023", "12:34")` in the browser's locale and time zone.
pub fn local_date_time(ms: i64) -> (String, String) {
    let date = js_sys::Date::new(&JsValue::from_f64(ms as f64));
    let loc = locale();
    let day = date.to_locale_date_string(
        &loc,
        &options(&[("day", "numeric"), ("month", "short"), ("year", "numeric")]),
    );
    let time = date.to_locale_time_string_with_options(&loc, &options(&[("hour", "2-digit"), ("minute", "2-digit")]));
    (day.into(), time.into())
}

/// Two lines, date over time; `empty` when there is no instant.
#[component]
pub fn DateTime(
    #[prop(into)] at: Option<String>, #[prop(into, default = "—".into())] empty: String
) -> impl IntoView {
    match at.as_deref().and_then(parse_instant) {
        Some(ms) => {
            let (day, time) = local_date_time(ms);
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
