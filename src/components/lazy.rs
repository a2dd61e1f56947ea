//! Code loaded on first use. A [`split_point!`] is a function whose code, and
//! whatever only it uses, goes into a wasm chunk when the console is built
//! with the feature "split" (every trunk build; see `tools/split.mjs`);
//! without it (the component tests) the same function renders at once.
//! [`Lazy`] shows one: nothing (or a placeholder) while its chunk downloads,
//! the error panel with Retry if it cannot be, never a panic.

use super::error_panel::{first_error, ErrorPanel};
use leptos::prelude::*;
use send_wrapper::SendWrapper;
use std::future::Future;
use std::pin::Pin;
use std::sync::Arc;

/// A part of the console that could not be fetched (offline, or a newer
/// deploy replaced the files).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ChunkError;

impl std::fmt::Display for ChunkError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(
            "This part of the console could not be downloaded. Check the connection and retry; \
             if the console was updated meanwhile, reload the page.",
        )
    }
}

impl std::error::Error for ChunkError {}

#[cfg(feature = "split")]
impl From<wasm_split_helpers::SplitLoaderError> for ChunkError {
    fn from(_: wasm_split_helpers::SplitLoaderError) -> Self {
        ChunkError
    }
}

/// Declares `render(args…)`, the view `$view` once its chunk `$module` is
/// loaded, and with `preload = name`, `name()`, which loads that chunk ahead
/// of need (a failure is left for `render` to report). The view is built
/// untracked: it must not be rebuilt, and its state lost, when a signal its
/// body reads changes.
macro_rules! split_point {
    ($module:ident, $render:ident, $(preload = $preload:ident,)? || $view:expr) => {
        $crate::components::lazy::split_point!($module, $render, $(preload = $preload,)? | | $view);
    };
    ($module:ident, $render:ident, preload = $preload:ident, |$($arg:ident: $ty:ty),*| $view:expr) => {
        #[cfg(feature = "split")]
        mod $module {
            use super::*;
            #[wasm_split_helpers::wasm_split($module, fallible, preload(split_preload))]
            pub fn split_render($($arg: $ty),*) -> Result<leptos::prelude::AnyView, $crate::components::lazy::ChunkError> {
                Ok(leptos::prelude::untrack(move || leptos::prelude::IntoAny::into_any($view)))
            }
        }
        $crate::components::lazy::split_point!(@render $module, $render, |$($arg: $ty),*| $view);

        /// Loads the chunk ahead of need.
        pub async fn $preload() {
            #[cfg(feature = "split")]
            let _ = $module::split_preload().await;
        }
    };
    ($module:ident, $render:ident, |$($arg:ident: $ty:ty),*| $view:expr) => {
        #[cfg(feature = "split")]
        mod $module {
            use super::*;
            #[wasm_split_helpers::wasm_split($module, fallible)]
            pub fn split_render($($arg: $ty),*) -> Result<leptos::prelude::AnyView, $crate::components::lazy::ChunkError> {
                Ok(leptos::prelude::untrack(move || leptos::prelude::IntoAny::into_any($view)))
            }
        }
        $crate::components::lazy::split_point!(@render $module, $render, |$($arg: $ty),*| $view);
    };
    (@render $module:ident, $render:ident, |$($arg:ident: $ty:ty),*| $view:expr) => {
        /// The view, once its chunk is loaded.
        pub async fn $render($($arg: $ty),*) -> Result<leptos::prelude::AnyView, $crate::components::lazy::ChunkError> {
            #[cfg(feature = "split")]
            return $module::split_render($($arg),*).await;
            #[cfg(not(feature = "split"))]
            return Ok(leptos::prelude::untrack(move || leptos::prelude::IntoAny::into_any($view)));
        }
    };
}
pub(crate) use split_point;

/// A [`split_point!`]'s `render`, boxed: [`Lazy`] and its `<Transition>`,
/// `<ErrorBoundary>` and `Suspend` are then built once for every chunk,
/// not once per chunk (15 KB less raw wasm in the first load, 1.5 KB brotli).
#[derive(Clone)]
pub struct Render(Arc<dyn Fn() -> LazyView + Send + Sync>);

/// A chunk's view, once its chunk is loaded.
type LazyView = Pin<Box<dyn Future<Output = Result<AnyView, ChunkError>>>>;

impl<F, Fut> From<F> for Render
where
    F: Fn() -> Fut + Send + Sync + 'static,
    Fut: Future<Output = Result<AnyView, ChunkError>> + 'static,
{
    fn from(render: F) -> Self {
        Render(Arc::new(move || Box::pin(render())))
    }
}

/// Shows `render`'s view once its chunk is loaded; `fallback` meanwhile. If
/// the chunk cannot be fetched, `failed`, or by default the error panel with
/// Retry.
#[component]
pub fn Lazy(
    #[prop(into)] render: Render,
    #[prop(optional, into)] fallback: ViewFnOnce,
    #[prop(optional)] failed: Option<ViewFn>,
) -> impl IntoView {
    // Retry fetches the chunk again.
    let retry = Trigger::new();
    let on_retry = Callback::new(move |()| retry.notify());
    view! {
        <Transition fallback=fallback>
            <ErrorBoundary fallback=move |errors| match &failed {
                Some(instead) => instead.run(),
                None => {
                    let detail = first_error(&errors);
                    view! {
                        <div data-testid="chunk-failed">
                            <ErrorPanel title="This part of the console could not be loaded" detail on_retry />
                        </div>
                    }
                    .into_any()
                }
            }>
                {
                    let render = render.clone();
                    move || {
                        retry.track();
                        Suspend::new(SendWrapper::new((render.0)()))
                    }
                }
            </ErrorBoundary>
        </Transition>
    }
}

/// `render`'s dialog, mounted (and its chunk fetched) the first time
/// `open` holds, and kept from then on.
#[component]
pub fn LazyDialog(#[prop(into)] open: Signal<bool>, #[prop(into)] render: Render) -> impl IntoView {
    let wanted = Memo::new(move |was: Option<&bool>| was.copied().unwrap_or(false) || open.get());
    move || wanted.get().then(|| view! { <Lazy render=render.clone() /> })
}
