//! Listening on the window for as long as the current owner lives: one JS
//! closure for every event named, removed with the owner.

use leptos::prelude::*;
use send_wrapper::SendWrapper;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;

/// Hears `events` on the window, in their capture phase when `capture`
/// (before any handler of the page can stop them), until the current owner
/// is cleaned up.
pub fn on_window(events: &'static [&'static str], capture: bool, heard: impl Fn(web_sys::Event) + 'static) {
    let heard = Closure::<dyn Fn(web_sys::Event)>::new(heard);
    let window = window();
    for event in events {
        let _ = window.add_event_listener_with_callback_and_bool(event, heard.as_ref().unchecked_ref(), capture);
    }
    let heard = SendWrapper::new(heard);
    on_cleanup(move || {
        for event in events {
            let _ = window.remove_event_listener_with_callback_and_bool(event, heard.as_ref().unchecked_ref(), capture);
        }
    });
}
