//! A route whose page comes from a chunk: a skeleton while it downloads,
//! and the error panel with Retry if it cannot be.

use super::chunks::ChunkError;
use crate::components::error_panel::{first_error, ErrorPanel};
use leptos::prelude::*;
use send_wrapper::SendWrapper;
use std::future::Future;

/// Shows `render()`'s page once its chunk is loaded.
#[component]
pub fn LazyPage<F, Fut>(render: F) -> impl IntoView
where
    F: Fn() -> Fut + Copy + Send + Sync + 'static,
    Fut: Future<Output = Result<AnyView, ChunkError>> + 'static,
{
    let attempt = RwSignal::new(0u32);
    let fallback = || view! { <div class="skeleton page" aria-busy="true" aria-label="Loading"><div class="skeleton-row"></div></div> };
    view! {
        <Transition fallback>
            <ErrorBoundary fallback=move |errors| {
                let detail = first_error(&errors);
                view! {
                    <section class="page" data-testid="chunk-failed">
                        <ErrorPanel title="This page could not be loaded" detail on_retry=move |_| {
                            attempt.try_update(|n| *n += 1);
                        } />
                    </section>
                }
            }>
                {move || {
                    attempt.track();
                    Suspend::new(SendWrapper::new(render()))
                }}
            </ErrorBoundary>
        </Transition>
    }
}
