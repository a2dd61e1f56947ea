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
    let key = Memo::new({
        let (api, inputs) = (api.clone(), inputs.clone());
        move |_| (inputs(), api.generation())
    });
    // The request in flight (one at most): its run, the inputs it was made
    // for, and how to cancel it.
    let in_flight = StoredValue::new_local(None::<(u64, (S, u64), AbortController)>);
    let runs = StoredValue::new_local(0u64);
    let cancel_unless = move |current: Option<&(S, u64)>| {
        in_flight.try_update_value(|f| {
            if f.as_ref().is_some_and(|(_, made_for, _)| Some(made_for) != current) {
                if let Some((_, _, c)) = f.take() {
                    c.abort();
                }
            }
        });
    };
    // The network: a request for inputs that are no longer current is cancelled.
    Effect::watch(
        move || key.get(),
        move |current, _, _| cancel_unless(Some(current)),
        false,
    );
    on_cleanup(move || cancel_unless(None));
    // The last answer, shown instead of a cancelled one's error.
    let last = StoredValue::new_local(None::<T>);
    // The inputs are read here, not through `key`: a refresh (a `Trigger`
    // among the inputs, or a change elsewhere) loads again although the
    // inputs are equal.
    LocalResource::new(move || {
        api.track_changes();
        let current = (inputs(), api.generation());
        let run = runs.try_update_value(|n| {
            *n += 1;
            *n
        });
        let controller = AbortController::new().ok();
        let client = match &controller {
            Some(c) => api.cancelled_by(c.signal()),
            None => api.clone(),
        };
        if let (Some(run), Some(c)) = (run, controller) {
            in_flight.try_set_value(Some((run, current.clone(), c)));
        }
        // Only the inputs above are followed: a load this one awaits (the
        // page's modules) is not, or its answer would start this one again.
        let mut fut = Box::pin(fetch(client, current.0));
        async move {
            let result = std::future::poll_fn(|cx| untrack(|| fut.as_mut().poll(cx))).await;
            in_flight.try_update_value(|f| {
                if f.as_ref().is_some_and(|(r, _, _)| Some(*r) == run) {
                    *f = None;
                }
            });
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
