//! The console's other tabs in this browser, over one `BroadcastChannel`:
//! what this tab tells them and what it hears from them
//! ([`TabMessage`]; never a secret). A channel delivers a message to every
//! other tab, not back to the one that sent it. (A few lines over web-sys:
//! leptos-use's `use_broadcast_channel` would bring its codec machinery
//! into the first load for one string.)

use crate::model::tab_message::{channel_name, TabMessage};
use leptos::prelude::*;
use send_wrapper::SendWrapper;
use std::cell::{Cell, RefCell};
use std::rc::Rc;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{BroadcastChannel, MessageEvent};

type Handler = Rc<dyn Fn(&TabMessage)>;
type OnMessage = Closure<dyn Fn(MessageEvent)>;

struct Channel {
    /// `None` where the browser has no `BroadcastChannel`: each tab on its own.
    port: Option<BroadcastChannel>,
    handlers: RefCell<Vec<(u64, Handler)>>,
    next: Cell<u64>,
    on_message: RefCell<Option<OnMessage>>,
}

impl Drop for Channel {
    fn drop(&mut self) {
        if let Some(port) = &self.port {
            port.set_onmessage(None);
            port.close();
        }
    }
}

/// This tab's link to the others, shared through context.
#[derive(Clone)]
pub struct Tabs(SendWrapper<Rc<Channel>>);

impl Tabs {
    /// Opens the channel of the consoles of the API at `api_base`.
    fn open(api_base: &str) -> Tabs {
        let channel = Rc::new(Channel {
            port: BroadcastChannel::new(&channel_name(api_base)).ok(),
            handlers: RefCell::new(Vec::new()),
            next: Cell::new(0),
            on_message: RefCell::new(None),
        });
        if let Some(port) = &channel.port {
            let weak = Rc::downgrade(&channel);
            let on_message = OnMessage::new(move |event: MessageEvent| {
                let Some(channel) = weak.upgrade() else { return };
                let Some(message) = event.data().as_string().and_then(|t| TabMessage::decode(&t)) else {
                    return;
                };
                // A copy: a handler may add or remove handlers.
                let handlers: Vec<Handler> = channel.handlers.borrow().iter().map(|(_, h)| h.clone()).collect();
                for handler in handlers {
                    handler(&message);
                }
            });
            port.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
            channel.on_message.replace(Some(on_message));
        }
        Tabs(SendWrapper::new(channel))
    }

    /// Tells every other tab.
    pub fn tell(&self, message: &TabMessage) {
        if let Some(port) = &self.0.port {
            // A closed channel (the page is going away) has no one to tell.
            let _ = port.post_message(&JsValue::from_str(&message.encode()));
        }
    }

    /// Calls `handler` with every message from another tab, until the
    /// current owner is cleaned up.
    pub fn listen(&self, handler: impl Fn(&TabMessage) + 'static) {
        let id = self.0.next.get();
        self.0.next.set(id + 1);
        self.0.handlers.borrow_mut().push((id, Rc::new(handler)));
        let channel = self.0.clone();
        on_cleanup(move || channel.handlers.borrow_mut().retain(|(h, _)| *h != id));
    }
}

/// Opens this tab's channel to the consoles of the API at `api_base` and provides it.
pub fn provide_tabs(api_base: &str) -> Tabs {
    let tabs = Tabs::open(api_base);
    provide_context(tabs.clone());
    tabs
}

/// The channel provided by [`provide_tabs`].
pub fn use_tabs() -> Tabs {
    expect_context::<Tabs>()
}
