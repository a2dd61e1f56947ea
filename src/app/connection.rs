//! The API as this tab finds it: reads waiting out a busy API (the seconds
//! left, and a way to stop waiting), writes held after the API asked for a
//! pause, and whether the API can be reached at all. When the browser comes
//! back online, every view loads again. Shown by
//! `components::ConnectionBanner`; the client reports through
//! [`Availability`].

use super::session::use_session;
use crate::api::sleep::sleep;
use crate::api::Availability;
use leptos::prelude::*;
use std::future::Future;
use std::pin::Pin;
use web_sys::AbortSignal;

/// How long writes are held after a busy answer that did not say how long.
const UNSAID_HOLD_MS: f64 = 5_000.0;
/// How often a waiting read looks whether it was cancelled.
const LOOK_EVERY_MS: f64 = 250.0;

/// This tab's view of the API, shared through context.
#[derive(Clone, Copy)]
pub struct Connection {
    /// When the waiting reads try again (the latest of them), while any waits.
    retry_at: RwSignal<Option<f64>>,
    /// How many reads wait.
    waiting: StoredValue<u32>,
    /// Changes when the user stops the waits: every wait under way ends.
    stops: StoredValue<u64>,
    /// Until when writes are held (Unix milliseconds).
    writes_held_until: RwSignal<Option<f64>>,
    /// Whether the browser says it is online.
    online: RwSignal<bool>,
    /// Whether the last request got no answer at all.
    unreachable: RwSignal<bool>,
    /// The clock the countdowns read; the banner ticks it while it shows one.
    now: RwSignal<f64>,
}

impl Connection {
    /// Seconds until the waiting reads try again, while any waits (tracked).
    pub fn retrying_in(&self) -> Option<u64> {
        let at = self.retry_at.get()?;
        Some(seconds_until(at, self.now.get()))
    }

    /// Seconds until writes may be tried again, while they are held (tracked).
    pub fn writes_held_for(&self) -> Option<u64> {
        let until = self.writes_held_until.get()?;
        let now = self.now.get();
        (until > now).then(|| seconds_until(until, now))
    }

    /// Whether the API cannot be reached: offline, or no answer (tracked).
    pub fn cut_off(&self) -> bool {
        !self.online.get() || self.unreachable.get()
    }

    /// Whether the browser says it is offline (tracked).
    pub fn offline(&self) -> bool {
        !self.online.get()
    }

    /// Stops every wait under way: those reads show their error (with Retry).
    pub fn stop_waiting(&self) {
        self.stops.update_value(|n| *n += 1);
        self.retry_at.set(None);
    }

    /// Moves the countdowns' clock to now.
    pub fn tick(&self) {
        self.now.set(js_sys::Date::now());
        if self
            .writes_held_until
            .get_untracked()
            .is_some_and(|u| u <= js_sys::Date::now())
        {
            self.writes_held_until.set(None);
        }
    }
}

/// Whole seconds from `now` to `at`, never 0 while waiting.
fn seconds_until(at: f64, now: f64) -> u64 {
    crate::model::retry::seconds_left((at - now).max(0.0) as u64)
}

impl Availability for Connection {
    fn wait(&self, ms: u64, abort: Option<AbortSignal>) -> Pin<Box<dyn Future<Output = bool>>> {
        let this = *self;
        Box::pin(async move {
            let until = js_sys::Date::now() + ms as f64;
            let stops = this.stops.try_get_value();
            this.waiting.try_update_value(|n| *n += 1);
            this.now.try_set(js_sys::Date::now());
            this.retry_at
                .try_update(|at| *at = Some(at.map_or(until, |at| at.max(until))));
            let go = loop {
                let stopped = this.stops.try_get_value() != stops;
                if stopped || abort.as_ref().is_some_and(AbortSignal::aborted) {
                    break false;
                }
                let left = until - js_sys::Date::now();
                if left <= 0.0 {
                    break true;
                }
                sleep(left.min(LOOK_EVERY_MS)).await;
            };
            let none_left = this
                .waiting
                .try_update_value(|n| {
                    *n = n.saturating_sub(1);
                    *n == 0
                })
                .unwrap_or(true);
            if none_left {
                this.retry_at.try_set(None);
            }
            go
        })
    }

    fn hold_writes(&self, retry_at_ms: Option<i64>) {
        let now = js_sys::Date::now();
        let until = retry_at_ms.map_or(now + UNSAID_HOLD_MS, |at| at as f64);
        self.now.try_set(now);
        self.writes_held_until.try_set(Some(until));
    }

    fn reached(&self, reached: bool) {
        if self.unreachable.try_get_untracked() == Some(reached) {
            self.unreachable.try_set(!reached);
        }
    }
}

/// Creates this tab's view of the API, listening to the browser going
/// offline and online (online: every view loads again), and provides it.
pub fn provide_connection() -> Connection {
    let online = web_sys::window().map(|w| w.navigator().on_line()).unwrap_or(true);
    let connection = Connection {
        retry_at: RwSignal::new(None),
        waiting: StoredValue::new(0),
        stops: StoredValue::new(0),
        writes_held_until: RwSignal::new(None),
        online: RwSignal::new(online),
        unreachable: RwSignal::new(false),
        now: RwSignal::new(js_sys::Date::now()),
    };
    let session = use_session();
    // The outside world: the browser says when the network goes and comes.
    let gone = window_event_listener_untyped("offline", move |_| connection.online.set(false));
    let back = window_event_listener_untyped("online", move |_| {
        connection.online.set(true);
        connection.unreachable.set(false);
        session.load_again();
    });
    on_cleanup(move || {
        gone.remove();
        back.remove();
    });
    provide_context(connection);
    connection
}

/// The connection provided by [`provide_connection`], if any (component
/// tests may mount without one).
pub fn use_connection() -> Option<Connection> {
    use_context::<Connection>()
}
