//! Acting on several selected tokens at once, with a result per token.

use super::{ListContext, Selected};
use crate::api::tokens::{self, TokenAction};
use crate::api::use_api;
use crate::components::{use_toasts, ConfirmDialog};
use leptos::prelude::*;

/// What happened to one token in a bulk action.
#[derive(Debug, Clone, PartialEq)]
pub enum Outcome {
    /// Done.
    Done,
    /// Not applicable to the token's status.
    Skipped,
    /// The API refused; the message says why.
    Failed(String),
}

/// One line of a bulk report.
#[derive(Debug, Clone, PartialEq)]
pub struct BulkResult {
    /// Token id.
    pub id: String,
    /// Token name.
    pub name: String,
    /// Outcome.
    pub outcome: Outcome,
}

/// Selected rows as `(id, row)`.
pub type SelectedRows = Vec<(String, Selected)>;

/// The selected tokens an action applies to, and those it skips.
pub fn split_applicable(action: TokenAction, selection: &[(String, Selected)]) -> (SelectedRows, SelectedRows) {
    selection
        .iter()
        .cloned()
        .partition(|(_, s)| action.applies_to(s.status))
}

/// The bar shown while rows are selected, its confirmation, and the report.
#[component]
pub fn BulkBar() -> impl IntoView {
    let ctx = expect_context::<ListContext>();
    let api = use_api();
    let toasts = use_toasts();
    let chosen = RwSignal::new(None::<TokenAction>);
    let report = RwSignal::new(None::<(TokenAction, Vec<BulkResult>)>);
    let count = move || ctx.selection.with(|s| s.len());

    let run = Action::new_local(move |action: &TokenAction| {
        let (api, action) = (api.clone(), *action);
        let selection: Vec<(String, Selected)> = ctx.selection.get_untracked().into_iter().collect();
        async move {
            let (apply, skip) = split_applicable(action, &selection);
            let mut results = Vec::new();
            for (id, s) in apply {
                let outcome = match tokens::act(&api, &id, action).await {
                    Ok(()) => Outcome::Done,
                    Err(e) => Outcome::Failed(e.to_string()),
                };
                results.push(BulkResult {
                    id,
                    name: s.name,
                    outcome,
                });
            }
            results.extend(skip.into_iter().map(|(id, s)| BulkResult {
                id,
                name: s.name,
                outcome: Outcome::Skipped,
            }));
            let failed = results
                .iter()
                .filter(|r| matches!(r.outcome, Outcome::Failed(_)))
                .count();
            let done = results.iter().filter(|r| r.outcome == Outcome::Done).count();
            if failed > 0 {
                toasts.error(
                    format!("{done} {}, {failed} failed", action.done()),
                    "See the report above the list.",
                );
            } else {
                toasts.success(format!("{done} API tokens {}", action.done()), "");
            }
            chosen.set(None);
            ctx.selection.set(Default::default());
            report.set(Some((action, results)));
            ctx.refresh.update(|n| *n += 1);
        }
    });

    let confirm_body = move || {
        let Some(action) = chosen.get() else {
            return String::new();
        };
        let selection: Vec<(String, Selected)> = ctx.selection.get().into_iter().collect();
        let (apply, skip) = split_applicable(action, &selection);
        let names = apply
            .iter()
            .map(|(_, s)| s.name.as_str())
            .collect::<Vec<_>>()
            .join(", ");
        let mut text = format!("{} {} API token(s): {names}.", action.label(), apply.len());
        if !skip.is_empty() {
            text.push_str(&format!(
                " {} selected token(s) will be skipped: they cannot be {}.",
                skip.len(),
                action.done()
            ));
        }
        if action == TokenAction::Delete {
            text.push_str(" Deleting cannot be undone.");
        }
        text
    };

    view! {
        <Show when=move || { count() > 0 }>
            <div class="bulk-bar" data-testid="bulk-bar">
                <span>{move || format!("{} selected", count())}</span>
                {[TokenAction::Enable, TokenAction::Disable, TokenAction::Delete]
                    .into_iter()
                    .map(|a| {
                        view! {
                            <button
                                type="button"
                                class=if a == TokenAction::Delete { "btn btn-danger" } else { "btn" }
                                data-testid=format!("bulk-{}", a.label().to_lowercase())
                                on:click=move |_| chosen.set(Some(a))
                            >
                                {a.label()}
                            </button>
                        }
                    })
                    .collect_view()}
                <button type="button" class="btn btn-quiet" on:click=move |_| ctx.selection.set(Default::default())>
                    "Clear selection"
                </button>
            </div>
        </Show>
        {move || {
            report
                .get()
                .map(|(action, results)| {
                    view! {
                        <div class="bulk-report" role="status" data-testid="bulk-report">
                            <div class="bulk-report-head">
                                <strong>{format!("Bulk {}: result per token", action.label().to_lowercase())}</strong>
                                <button type="button" class="icon-btn" aria-label="Close report" on:click=move |_| report.set(None)>
                                    "×"
                                </button>
                            </div>
                            <ul>
                                {results
                                    .into_iter()
                                    .map(|r| {
                                        let (class, text) = match r.outcome {
                                            Outcome::Done => ("ok", action.done().to_string()),
                                            Outcome::Skipped => ("skip", format!("skipped: cannot be {}", action.done())),
                                            Outcome::Failed(why) => ("fail", format!("failed: {why}")),
                                        };
                                        view! {
                                            <li class=class data-id=r.id.clone()>
                                                {format!("{} ({}) — {text}", r.name, r.id)}
                                            </li>
                                        }
                                    })
                                    .collect_view()}
                            </ul>
                        </div>
                    }
                })
        }}
        <ConfirmDialog
            open=Signal::derive(move || chosen.get().is_some())
            title=Signal::derive(move || chosen.get().map(|a| format!("{} selected API tokens?", a.label())).unwrap_or_default())
            confirm_label=Signal::derive(move || chosen.get().map(|a| a.label().to_string()).unwrap_or_default())
            pending=run.pending()
            danger=true
            testid="bulk-dialog"
            on_confirm=move |_| {
                if let Some(a) = chosen.get_untracked() {
                    run.dispatch(a);
                }
            }
            on_cancel=move |_| chosen.set(None)
        >
            <p>{confirm_body}</p>
        </ConfirmDialog>
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::api::TokenStatus;

    #[test]
    fn bulk_actions_apply_only_where_the_status_allows() {
        let sel = vec![
            (
                "A".to_string(),
                Selected {
                    name: "a".into(),
                    status: TokenStatus::Active,
                },
            ),
            (
                "D".to_string(),
                Selected {
                    name: "d".into(),
                    status: TokenStatus::Disabled,
                },
            ),
        ];
        let (apply, skip) = split_applicable(TokenAction::Enable, &sel);
        assert_eq!((apply[0].0.as_str(), skip[0].0.as_str()), ("D", "A"));
        let (apply, skip) = split_applicable(TokenAction::Delete, &sel);
        assert_eq!((apply.len(), skip.len()), (2, 0));
    }
}
