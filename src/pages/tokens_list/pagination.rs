//! Previous/Next, page number, rows per page and the row range.

use super::{go_to, use_list_context};
use crate::app::nav::use_go;
use crate::components::{Appearance, Button};
use crate::model::list_state::{ListState, PAGE_SIZES};
use leptos::prelude::*;

/// Paging controls for `total` rows of which `shown` are on this page.
#[component]
pub fn Pagination(total: u64, shown: usize) -> impl IntoView {
    let ctx = use_list_context();
    let navigate = use_go();
    let st = ctx.state.get_untracked();
    let pages = st.page_count(total);
    let page = st.page;
    let go = {
        let (navigate, st) = (navigate.clone(), st.clone());
        move |p: u32| {
            go_to(
                &navigate,
                &ListState {
                    page: p.clamp(1, pages),
                    ..st.clone()
                },
                false,
            )
        }
    };
    let (prev, next, jump) = (go.clone(), go.clone(), go);
    let size_state = st.clone();
    view! {
        <nav class="pagination" aria-label="Pagination">
            <Button appearance=Appearance::Quiet testid="prev-page" disabled={page <= 1} on_click=move |()| prev(page - 1)>
                "← Previous"
            </Button>
            <label class="page-jump">
                "Page "
                <input
                    type="number"
                    min="1"
                    max=pages.to_string()
                    value=page.to_string()
                    aria-label="Page number"
                    data-testid="page-number"
                    on:change:target=move |ev| {
                        if let Ok(p) = ev.target().value().trim().parse::<u32>() {
                            jump(p);
                        }
                    }
                />
                <span data-testid="page-count">{format!(" of {pages}")}</span>
            </label>
            <Button appearance=Appearance::Quiet testid="next-page" disabled={page >= pages} on_click=move |()| next(page + 1)>
                "Next →"
            </Button>
            <span class="spacer"></span>
            <label>
                "Rows per page: "
                <select
                    data-testid="page-size"
                    on:change:target=move |ev| {
                        if let Ok(size) = ev.target().value().parse::<u32>() {
                            go_to(&navigate, &ListState { per_page: size, page: 1, ..size_state.clone() }, false);
                        }
                    }
                >
                    {PAGE_SIZES
                        .into_iter()
                        .map(|s| view! { <option value=s.to_string() selected=s == st.per_page>{s.to_string()}</option> })
                        .collect_view()}
                </select>
            </label>
            <span class="range" data-testid="range">{st.range_label(total, shown)}</span>
        </nav>
    }
}
