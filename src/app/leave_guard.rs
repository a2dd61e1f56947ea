//! Leaving a page that holds something the user would lose (a new token's
//! value never copied): every way out inside the console asks first (links,
//! the header, shortcuts, the page's own buttons), and closing or reloading
//! the tab gets the browser's own question, and the browser's Back asks
//! too (see [`back_stop`]).

mod back_stop;

use super::window_events::on_window;
use back_stop::{BackStop, HistoryStep};
use leptos::ev;
use leptos::prelude::*;
use leptos_router::hooks::use_navigate;
use leptos_router::NavigateOptions;
use std::sync::Arc;
use wasm_bindgen::JsCast;

/// What leaving now would lose: the question and what to tell.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Holding {
    pub title: &'static str,
    pub message: &'static str,
}

type Navigate = Arc<dyn Fn(&str, NavigateOptions)>;

/// A way out the user tried while something was held.
#[derive(Clone)]
enum LeaveAttempt {
    /// A console path.
    To(String, NavigateOptions),
    /// The browser's Back.
    Back,
}

/// The console's leave guard, shared through context.
#[derive(Clone, Copy)]
pub struct LeaveGuard {
    /// What the page holds, as the page derives it (none when no page holds
    /// anything): a callback, not a `Signal`, whose every kind of read
    /// would be compiled into the main module for this one use.
    held: RwSignal<Option<Callback<(), Option<Holding>>>>,
    /// Where the user tried to go while something was held.
    asked: RwSignal<Option<LeaveAttempt>>,
    navigate: StoredValue<Navigate, LocalStorage>,
    back_stop: BackStop,
}

impl LeaveGuard {
    /// Holds what `holding` says, whenever it says something, until the
    /// caller's owner is cleaned up.
    pub fn hold_while(self, holding: impl Fn() -> Option<Holding> + Send + Sync + 'static) {
        self.held.set(Some(Callback::new(move |()| holding())));
        on_cleanup(move || {
            self.held.try_set(None);
        });
    }

    /// What is held now (tracked).
    pub fn holding(self) -> Option<Holding> {
        self.held.get().and_then(|h| h.try_run(()).flatten())
    }

    /// Whether something is held now (not tracked).
    fn is_holding(self) -> bool {
        untrack(|| self.holding().is_some())
    }

    /// Whether the user tried to leave and is being asked (tracked).
    pub fn asking(self) -> bool {
        self.asked.with(Option::is_some)
    }

    /// Goes to the router path `path`, or asks first while something is held.
    pub fn go(self, path: String, options: NavigateOptions) {
        if self.is_holding() {
            self.asked.set(Some(LeaveAttempt::To(path, options)));
        } else {
            self.navigate.with_value(|n| n(&path, options));
        }
    }

    /// The user chose to stay (after Back: Back is caught again).
    pub fn stay(self) {
        if matches!(self.asked.get_untracked(), Some(LeaveAttempt::Back)) && self.is_holding() {
            self.back_stop.raise();
        }
        self.asked.set(None);
    }

    /// The user chose to leave: goes where they asked, losing what was held.
    pub fn leave(self) {
        let Some(way) = self.asked.get_untracked() else {
            return;
        };
        self.asked.set(None);
        self.held.set(None);
        match way {
            LeaveAttempt::Back => {
                let _ = window().history().and_then(|h| h.back());
            }
            LeaveAttempt::To(path, mut options) => {
                // In place of the Back stop's entry, so Back from there comes here.
                options.replace |= self.back_stop.forget();
                self.navigate.with_value(|n| n(&path, options));
            }
        }
    }

    /// Hears a history step before the router does.
    fn on_pop(self, ev: &web_sys::PopStateEvent) {
        match self.back_stop.pop() {
            HistoryStep::StopRemoved => ev.stop_immediate_propagation(),
            HistoryStep::BackFromStop if self.is_holding() => {
                ev.stop_immediate_propagation();
                self.asked.set(Some(LeaveAttempt::Back));
            }
            // The router's step; Back again while asked about Back insists.
            _ => {
                if matches!(self.asked.get_untracked(), Some(LeaveAttempt::Back)) {
                    self.asked.set(None);
                    self.held.set(None);
                }
            }
        }
    }
}

/// Provides the guard to the routes below and catches the ways out of the
/// page while something is held (call inside the router, whose base path,
/// `""` or `/console`, is `base`).
pub fn provide_leave_guard(base: String) -> LeaveGuard {
    let navigate = use_navigate();
    let guard = LeaveGuard {
        held: RwSignal::new(None),
        asked: RwSignal::new(None),
        navigate: StoredValue::new_local(Arc::new(move |p: &str, o| navigate(p, o)) as Navigate),
        back_stop: BackStop::new(),
    };
    provide_context(guard);
    // The history: an extra entry catches Back exactly while something is held.
    Effect::new(move |_| {
        if guard.holding().is_some() {
            guard.back_stop.raise();
        } else {
            guard.back_stop.lower();
        }
    });
    let unload = window_event_listener(ev::beforeunload, move |ev| {
        if guard.is_holding() {
            ev.prevent_default();
        }
    });
    on_cleanup(move || unload.remove());
    // Before the router hears of a click or a history step: capture, on the window.
    on_window(&["click"], true, move |ev| {
        let Some(ev) = ev.dyn_ref::<web_sys::MouseEvent>() else {
            return;
        };
        if guard.is_holding() {
            if let Some(path) = in_app_link(ev, &base) {
                ev.prevent_default();
                ev.stop_immediate_propagation();
                guard
                    .asked
                    .set(Some(LeaveAttempt::To(path, NavigateOptions::default())));
            }
        }
    });
    on_window(&["popstate"], true, move |ev| {
        if let Some(ev) = ev.dyn_ref::<web_sys::PopStateEvent>() {
            guard.on_pop(ev);
        }
    });
    guard
}

/// The guard, when the routes have one.
pub fn use_leave_guard() -> Option<LeaveGuard> {
    use_context::<LeaveGuard>()
}

/// The router path a plain click on a console link goes to; `None` for
/// anything the browser handles itself (a new tab, a download, another site).
fn in_app_link(ev: &web_sys::MouseEvent, base: &str) -> Option<String> {
    if ev.default_prevented() || ev.button() != 0 || ev.ctrl_key() || ev.meta_key() || ev.shift_key() || ev.alt_key() {
        return None;
    }
    let target = ev.target()?.dyn_into::<web_sys::Element>().ok()?;
    let link = target
        .closest("a[href]")
        .ok()??
        .dyn_into::<web_sys::HtmlAnchorElement>()
        .ok()?;
    if link.has_attribute("download") || !matches!(link.target().as_str(), "" | "_self") {
        return None;
    }
    if link.origin() != window().location().origin().ok()? {
        return None;
    }
    let path = link.pathname();
    let path = path.strip_prefix(base)?;
    path.starts_with('/')
        .then(|| format!("{path}{}{}", link.search(), link.hash()))
}
