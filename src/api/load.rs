//! The one way a view loads from the API. A load follows its inputs, the
//! sign-in (a new sign-in loads again) and changes made elsewhere, and
//! nothing else it reads or awaits. A `LocalResource` runs one fetch at
//! a time, so a request whose inputs changed before it answered would hold
//! up the next one and then show stale data: it is cancelled with an
//! `AbortController` instead, and what was shown stays until the next
//! answer. Leaving the view cancels what it was waiting for (the owner's
//! cleanup). The load returns its data; it writes no signal. Each part is
//! held to a component test (`tests/components/loading.rs`).

use super::{use_api, ApiClient, ApiError};
use leptos::prelude::*;
use std::future::Future;
use web_sys::AbortController;

/// Loads `fetch(api, inputs)` for the current `inputs()`, again whenever they
/// or the sign-in change.
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
    let inputs = std::sync::Arc::new(inputs);
    // Counts the changes of the inputs and the sign-in, so that what follows
    // them is not generic: its code is in the module once, whatever the
    // loads load. The count remembers the inputs it last saw to tell a
    // change from a recomputation that found them equal.
    let seen = StoredValue::new(None::<(S, u64)>);
    let epoch = Memo::new({
        let (api, inputs) = (api.clone(), inputs.clone());
        move |before: Option<&u64>| {
            let key = (inputs(), api.generation());
            let changed = seen
                .try_update_value(|seen| {
                    let changed = seen.as_ref() != Some(&key);
                    *seen = Some(key);
                    changed
                })
                .unwrap_or(true);
            match before {
                Some(n) if !changed => *n,
                Some(n) => n + 1,
                None => 0,
            }
        }
    });
    let requests = Requests::new(epoch);
    // The last answer, shown instead of a cancelled one's error.
    let last = StoredValue::new_local(None::<T>);
    // The inputs are read here, not through `epoch`: a refresh (a `Trigger`
    // among the inputs, or a change elsewhere) loads again although the
    // inputs are equal.
    LocalResource::new(move || {
        api.track_changes();
        // A new sign-in loads again.
        api.generation();
        let current = inputs();
        let (run, client) = requests.start(&api);
        // Only the inputs above are followed: a load this one awaits (the
        // page's modules) is not, or its answer would start this one again.
        let mut fut = Box::pin(fetch(client, current));
        async move {
            let result = std::future::poll_fn(|cx| untrack(|| fut.as_mut().poll(cx))).await;
            requests.finished(run);
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

/// A load's request in flight (one at most), apart from what it loads: its
/// run, the epoch of the inputs it was made for, and how to cancel it.
#[derive(Clone, Copy)]
struct Requests {
    in_flight: StoredValue<Option<(u64, u64, AbortController)>, LocalStorage>,
    runs: StoredValue<u64, LocalStorage>,
    epoch: Memo<u64>,
}

impl Requests {
    /// Cancels a request once the inputs it was made for are no longer the
    /// current ones (`epoch` moved on), and when the owner is cleaned up.
    fn new(epoch: Memo<u64>) -> Requests {
        let requests = Requests {
            in_flight: StoredValue::new_local(None),
            runs: StoredValue::new_local(0),
            epoch,
        };
        // The network: a request for inputs that are no longer current is cancelled.
        Effect::watch(
            move || epoch.get(),
            move |current, _, _| requests.cancel_unless(Some(*current)),
            false,
        );
        on_cleanup(move || requests.cancel_unless(None));
        requests
    }

    fn cancel_unless(self, current: Option<u64>) {
        self.in_flight.try_update_value(|f| {
            if f.as_ref().is_some_and(|(_, made_for, _)| Some(*made_for) != current) {
                if let Some((_, _, c)) = f.take() {
                    c.abort();
                }
            }
        });
    }

    /// A new run for the current inputs: its number and the client whose
    /// requests it cancels.
    fn start(self, api: &ApiClient) -> (Option<u64>, ApiClient) {
        let run = self.runs.try_update_value(|n| {
            *n += 1;
            *n
        });
        let controller = AbortController::new().ok();
        let client = match &controller {
            Some(c) => api.cancelled_by(c.signal()),
            None => api.clone(),
        };
        if let (Some(run), Some(c)) = (run, controller) {
            let made_for = self.epoch.try_get_untracked().unwrap_or_default();
            self.in_flight.try_set_value(Some((run, made_for, c)));
        }
        (run, client)
    }

    /// The run's request answered (or failed): nothing of it is left to cancel.
    fn finished(self, run: Option<u64>) {
        self.in_flight.try_update_value(|f| {
            if f.as_ref().is_some_and(|(r, _, _)| Some(*r) == run) {
                *f = None;
            }
        });
    }
}
