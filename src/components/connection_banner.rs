//! One calm line at the top when the API is not answering as usual: reads
//! waiting out a busy API ("Retrying in 8 s", with Stop waiting), writes
//! held ("try again in 8 s"), or no connection. Its clock ticks only while
//! it shows a countdown.

use super::button::{Appearance, Button};
use crate::app::connection::{use_connection, Connection};
use leptos::prelude::*;
use std::time::Duration;

/// The banner, when there is anything to say.
#[component]
pub fn ConnectionBanner() -> impl IntoView {
    use_connection().map(|connection| {
        // Memos: the banner is rebuilt when it appears, not at every tick.
        let counting = Memo::new(move |_| connection.retrying_in().is_some() || connection.writes_held_for().is_some());
        let shown = Memo::new(move |_| counting.get() || connection.cut_off());
        move || shown.get().then(|| view! { <Banner connection counting /> })
    })
}

/// Ticks the countdowns' clock each second while it is mounted.
#[component]
fn Clock(connection: Connection) -> impl IntoView {
    // The outside world: a timer.
    if let Ok(handle) = set_interval_with_handle(move || connection.tick(), Duration::from_secs(1)) {
        on_cleanup(move || handle.clear());
    }
}

/// The banner while shown.
#[component]
fn Banner(connection: Connection, counting: Memo<bool>) -> impl IntoView {
    let text = move || {
        if let Some(s) = connection.retrying_in() {
            format!("The API is busy. Retrying in {s} s.")
        } else if let Some(s) = connection.writes_held_for() {
            format!("The API is busy; try again in {s} s. Nothing was changed.")
        } else if connection.offline() {
            "You are offline. What is shown may be out of date; it loads again when the connection is back.".into()
        } else {
            "The API cannot be reached. What is shown may be out of date.".into()
        }
    };
    let stop = move || {
        connection.retrying_in().map(|_| {
            view! {
                <Button appearance=Appearance::Quiet small=true testid="stop-waiting" on_click=move |()| connection.stop_waiting()>
                    "Stop waiting"
                </Button>
            }
        })
    };
    view! {
        <div class="connection-banner" role="status" data-testid="connection-banner">
            <span>{text}</span>
            {stop}
            {move || counting.get().then(|| view! { <Clock connection /> })}
        </div>
    }
}
