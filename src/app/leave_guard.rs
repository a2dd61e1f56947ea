//! Leaving a page that holds something the user would lose (a new token's
//! value never copied): every way out inside the console asks first (links,
//! the header, shortcuts, the page's own buttons), and closing or reloading
//! the tab gets the browser's own question. The browser's Back button is
//! not asked about: a history step has already happened when the page hears
//! of it.

use leptos::prelude::*;
use leptos_router::hooks::use_navigate;
use leptos_router::NavigateOptions;
use send_wrapper::SendWrapper;
use std::sync::Arc;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;

/// What leaving now would lose: the question and what to tell.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Holding {
    pub title: String,
    pub message: String,
}

type Navigate = Arc<dyn Fn(&str, NavigateOptions)>;

/// The console's leave guard, shared through context.
#[derive(Clone, Copy)]
pub struct LeaveGuard {
    holding: RwSignal<Option<Holding>>,
    /// Where the user tried to go while something was held.
    asked: RwSignal<Option<(String, NavigateOptions)>>,
    navigate: StoredValue<Navigate, LocalStorage>,
}

impl LeaveGuard {
    /// Holds `holding` until [`LeaveGuard::release`] or the caller's owner
    /// is cleaned up.
    pub fn hold(self, holding: Holding) {
        self.holding.set(Some(holding));
        on_cleanup(move || self.release());
    }

    /// Nothing would be lost any more.
    pub fn release(self) {
        self.holding.try_set(None);
    }

    /// What is held now (tracked).
    pub fn holding(self) -> Option<Holding> {
        self.holding.get()
    }

    /// Whether the user tried to leave and is being asked (tracked).
    pub fn asking(self) -> bool {
        self.asked.with(Option::is_some)
    }

    /// Goes to the router path `path`, or asks first while something is held.
    pub fn go(self, path: String, options: NavigateOptions) {
        if self.holding.with_untracked(Option::is_some) {
            self.asked.set(Some((path, options)));
        } else {
            self.navigate.with_value(|n| n(&path, options));
        }
    }

    /// The user chose to stay.
    pub fn stay(self) {
        self.asked.set(None);
    }

    /// The user chose to leave: goes where they asked, losing what was held.
    pub fn leave(self) {
        if let Some((path, options)) = self.asked.get_untracked() {
            self.asked.set(None);
            self.holding.set(None);
            self.navigate.with_value(|n| n(&path, options));
        }
    }
}

/// Provides the guard to the routes below and catches the ways out of the
/// page while something is held (call inside the router, whose base path,
/// `""` or `/console`, is `base`).
pub fn provide_leave_guard(base: String) -> LeaveGuard {
    let navigate = use_navigate();
    let guard = LeaveGuard {
        holding: RwSignal::new(None),
        asked: RwSignal::new(None),
        navigate: StoredValue::new_local(Arc::new(move |p: &str, o| navigate(p, o)) as Navigate),
    };
    provide_context(guard);
    let unload = window_event_listener(leptos::ev::beforeunload, move |ev| {
        if guard.holding.with_untracked(Option::is_some) {
            ev.prevent_default();
        }
    });
    // Before the router's own link handling: capture, on the window.
    let click = Closure::<dyn Fn(web_sys::MouseEvent)>::new(move |ev: web_sys::MouseEvent| {
        if guard.holding.with_untracked(Option::is_some) {
            if let Some(path) = in_app_link(&ev, &base) {
                ev.prevent_default();
                ev.stop_immediate_propagation();
                guard.asked.set(Some((path, NavigateOptions::default())));
            }
        }
    });
    let _ = window().add_event_listener_with_callback_and_bool("click", click.as_ref().unchecked_ref(), true);
    let click = SendWrapper::new(click);
    on_cleanup(move || {
        unload.remove();
        let _ = window().remove_event_listener_with_callback_and_bool("click", click.as_ref().unchecked_ref(), true);
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
