//! The pages loaded on first use. With the feature "split" (every trunk
//! build; see `tools/split.mjs`) each is a split point: its code, and
//! whatever only it uses, goes into a wasm chunk fetched the first time it
//! is shown or prefetched. Without it (the component tests) the same
//! functions render at once. A chunk that cannot be fetched is a
//! [`ChunkError`], never a panic.

use crate::pages::{AddWizardPage, RotatePage, TokenDetailsPage};
use leptos::prelude::*;

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

/// `render`: the page's view, after its chunk is there; `preload`: fetches
/// the chunk (once; a failure is tried again next time).
macro_rules! chunk {
    ($module:ident, $render:ident, $preload:ident, $split_preload:ident, $view:expr) => {
        #[cfg(feature = "split")]
        #[wasm_split_helpers::wasm_split($module, fallible, preload($split_preload))]
        fn split_render() -> Result<AnyView, ChunkError> {
            Ok(untrack(|| $view.into_any()))
        }

        /// The page's view, once its chunk is loaded.
        pub async fn $render() -> Result<AnyView, ChunkError> {
            #[cfg(feature = "split")]
            return split_render().await;
            // Built untracked: the page must not be rebuilt (and its
            // state lost) when a signal its body reads changes.
            #[cfg(not(feature = "split"))]
            return Ok(untrack(|| $view.into_any()));
        }

        /// Fetches the page's chunk ahead of need; failures are left for
        /// the page itself to report.
        pub async fn $preload() {
            #[cfg(feature = "split")]
            let _ = $split_preload().await;
        }
    };
}

/// The details page: its tabs, audit trail and edit dialog.
pub mod details {
    use super::*;
    chunk!(details, render, preload, split_preload, view! { <TokenDetailsPage /> });
}

/// The Add wizard: logo picker and modules picker.
pub mod add_wizard {
    use super::*;
    chunk!(add_wizard, render, preload, split_preload, view! { <AddWizardPage /> });
}

/// The rotation page.
pub mod rotate {
    use super::*;
    chunk!(rotate, render, preload, split_preload, view! { <RotatePage /> });
}

/// Every chunk's preload, for the idle prefetch.
pub async fn preload_all() {
    details::preload().await;
    add_wizard::preload().await;
    rotate::preload().await;
}
