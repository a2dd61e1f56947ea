//! The result of a bulk action, one line per token.

use crate::model::bulk::{BulkResult, Outcome};
use crate::model::token_action::Change;
use leptos::prelude::*;

/// The last bulk action's report, until closed.
#[component]
pub fn BulkReport(report: RwSignal<Option<(Change, Vec<BulkResult>)>>) -> impl IntoView {
    move || {
        report.get().map(|(change, results)| {
            let lines = results.into_iter().map(|r| {
                let class = match r.outcome {
                    Outcome::Done => "ok",
                    Outcome::Skipped | Outcome::Already(_) => "skip",
                    Outcome::Failed(_) => "fail",
                };
                view! { <li class=class data-id=r.target.id.clone()>{r.line(change)}</li> }
            });
            view! {
                <div class="bulk-report" role="status" data-testid="bulk-report">
                    <div class="bulk-report-head">
                        <strong>{format!("Bulk {}: result per token", change.label().to_ascii_lowercase())}</strong>
                        <button type="button" class="icon-btn" aria-label="Close report" on:click=move |_| report.set(None)>
                            "×"
                        </button>
                    </div>
                    <ul>{lines.collect_view()}</ul>
                </div>
            }
        })
    }
}
