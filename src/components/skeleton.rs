//! The placeholder a section shows while its content loads: shimmering
//! rows, announced as busy with what is loading (a progress bar without a
//! value: a named `div` without a role is not allowed to carry a label).

use leptos::prelude::*;

/// `rows` shimmering rows, named `label` for assistive technology; `page`
/// gives it a page's margins (a whole page on its way).
#[component]
pub fn Skeleton(
    #[prop(into)] label: String,
    #[prop(default = 1)] rows: usize,
    #[prop(optional)] page: bool,
    #[prop(optional)] testid: Option<&'static str>,
) -> impl IntoView {
    view! {
        <div class="skeleton" class:page=page role="progressbar" aria-busy="true" aria-label=label data-testid=testid>
            {(0..rows).map(|_| view! { <div class="skeleton-row"></div> }).collect_view()}
        </div>
    }
}
