//! A request's own cancellation: the caller's signal or the timeout,
//! whichever comes first; dropping it clears the timer and the forwarding.

use leptos::prelude::{set_timeout_with_handle, TimeoutHandle};
use std::cell::Cell;
use std::rc::Rc;
use std::time::Duration;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;
use web_sys::{AbortController, AbortSignal};

/// The request's own cancellation: the caller's signal, or the timeout.
pub struct Deadline {
    controller: AbortController,
    timer: Option<TimeoutHandle>,
    forward: Option<(AbortSignal, Closure<dyn FnMut()>)>,
    timed_out: Rc<Cell<bool>>,
}

impl Deadline {
    /// Aborts after `timeout`, or when `caller` aborts; `None` where the
    /// browser cannot make an `AbortController`.
    pub fn new(caller: Option<&AbortSignal>, timeout: Duration) -> Option<Deadline> {
        let controller = AbortController::new().ok()?;
        let timed_out = Rc::new(Cell::new(false));
        let timer = set_timeout_with_handle(
            {
                let (controller, timed_out) = (controller.clone(), timed_out.clone());
                move || {
                    timed_out.set(true);
                    controller.abort();
                }
            },
            timeout,
        )
        .ok();
        let forward = caller.map(|signal| {
            let inner = controller.clone();
            let on_abort = Closure::<dyn FnMut()>::new(move || inner.abort());
            let _ = signal.add_event_listener_with_callback("abort", on_abort.as_ref().unchecked_ref());
            if signal.aborted() {
                controller.abort();
            }
            (signal.clone(), on_abort)
        });
        Some(Deadline {
            controller,
            timer,
            forward,
            timed_out,
        })
    }

    /// The signal the request is sent with.
    pub fn signal(&self) -> AbortSignal {
        self.controller.signal()
    }

    /// Set once the timeout fired (as opposed to the caller cancelling).
    pub fn timed_out(&self) -> Rc<Cell<bool>> {
        self.timed_out.clone()
    }
}

impl Drop for Deadline {
    fn drop(&mut self) {
        if let Some(timer) = self.timer.take() {
            timer.clear();
        }
        if let Some((signal, on_abort)) = &self.forward {
            let _ = signal.remove_event_listener_with_callback("abort", on_abort.as_ref().unchecked_ref());
        }
    }
}
