//! The one way a view loads from the API. A load follows its inputs and the
//! sign-in (a new sign-in loads again); a request whose inputs changed
//! before it answered is cancelled with an `AbortController`, so it neither
//! delays the next one nor shows stale data; leaving the view cancels what
//! is in flight (as leptos' hackernews example does). The load returns its
//! data; it writes no signal.

use super::{use_api, ApiClient, ApiError};
use leptos::prelude::*;
use send_wrapper::SendWrapper;
use std::future::Future;
use web_sys::AbortController;

/// Requests in flight, each with the inputs it was made for.
struct InFlight<K> {
    next: u64,
    requests: Vec<(u64, K, AbortController)>,
}

impl<K: PartialEq> InFlight<K> {
    fn add(&mut self, key: K, controller: AbortController) -> u64 {
        self.next += 1;
        self.requests.push((self.next, key, controller));
        self.next
    }

    fn done(&mut self, id: u64) {
        self.requests.retain(|(i, _, _)| *i != id);
    }

    /// Cancels every request made for other inputs than `current`.
    fn supersede(&mut self, current: &K) {
        self.requests.retain(|(_, key, controller)| {
            let stale = key != current;
            if stale {
                controller.abort();
            }
            !stale
        });
    }
}

/// Loads `fetch(api, inputs)` for the current `inputs()`, again whenever they
/// or the sign-in change. A cancelled load keeps what was shown until the
/// next answer.
pub fn use_load<S, T, Fut>(
    inputs: impl Fn() -> S + Send + Sync + 'static,
    fetch: impl Fn(ApiClient, S) -> Fut + 'static,
) -> LocalResource<Result<T, ApiError>>
where
    S: Clone + PartialEq + Send + Sync + 'static,
    T: Clone + 'static,
    Fut: Future<Output = Result<T, ApiError>> + 'static,
{
    let api = use_api();
    let key = Memo::new({
        let api = api.clone();
        move |_| (inputs(), api.generation())
    });
    let in_flight = StoredValue::new_local(InFlight {
        next: 0,
        requests: Vec::new(),
    });
    let last = StoredValue::new_local(None::<T>);
    Effect::new(move |_| {
        let current = key.get();
        in_flight.update_value(|f| f.supersede(&current));
    });
    LocalResource::new(move || {
        let current = key.get();
        let controller = AbortController::new().ok();
        let (client, id) = match &controller {
            Some(c) => (
                api.cancelled_by(c.signal()),
                in_flight.try_update_value(|f| f.add(current.clone(), c.clone())),
            ),
            None => (api.clone(), None),
        };
        // The view went away: cancel what it was waiting for.
        let on_leave = SendWrapper::new(controller);
        on_cleanup(move || {
            if let Some(c) = on_leave.take() {
                c.abort();
            }
        });
        let fut = fetch(client, current.0);
        async move {
            let result = fut.await;
            if let Some(id) = id {
                in_flight.try_update_value(|f| f.done(id));
            }
            match result {
                Err(ApiError::Aborted) => last.try_get_value().flatten().map(Ok).unwrap_or(Err(ApiError::Aborted)),
                Ok(data) => {
                    last.try_set_value(Some(data.clone()));
                    Ok(data)
                }
                Err(e) => Err(e),
            }
        }
    })
}
