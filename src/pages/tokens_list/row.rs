//! One token's row.

use super::{ListContext, Selected};
use crate::api::tokens::TokenAction;
use crate::api::ApiToken;
use crate::app::nav::{use_go, use_nav};
use crate::components::{ActionsMenu, Avatar, DateTime, MenuEntry, PendingAction, StatusBadge};
use crate::model::format::{modules_label, usage, Usage};
use crate::model::route::{Route, Tab};
use leptos::prelude::*;

/// The Modules cell: the module's name and id for one, a count otherwise.
#[component]
pub fn ModulesCell(token: ApiToken) -> impl IntoView {
    let names: Vec<&str> = token.modules.iter().map(|m| m.name.as_str()).collect();
    let label = modules_label(&names);
    match token.modules.as_slice() {
        [one] => view! {
            <div class="cell-stack" data-testid="modules-cell">
                <span>{label}</span>
                <span class="sub">{one.id.clone()}</span>
            </div>
        }
        .into_any(),
        [] => view! { <span class="muted" data-testid="modules-cell">{label}</span> }.into_any(),
        many => {
            let all = names.join(", ");
            view! {
                <span class="cell-inline" data-testid="modules-cell" title=all>
                    <span class="avatar avatar-initials" aria-hidden="true">{format!("+{}", many.len())}</span>
                    {label}
                </span>
            }
            .into_any()
        }
    }
}

/// Never-used and idle markers for a token's last access.
#[component]
pub fn UsageMarker(#[prop(into)] last_access_at: Option<String>, now_ms: i64) -> impl IntoView {
    match usage(last_access_at.as_deref(), now_ms) {
        Usage::NeverUsed => {
            Some(view! { <span class="marker" data-testid="marker-never">"Never used"</span> }.into_any())
        }
        Usage::Idle { days } => Some(
            view! {
                <span class="marker marker-warn" data-testid="marker-idle" title=format!("Last used {days} days ago")>
                    "Idle > 90 days"
                </span>
            }
            .into_any(),
        ),
        Usage::Recent => None,
    }
}

/// The actions that apply to a token in its status.
pub fn row_actions(token: &ApiToken) -> Vec<TokenAction> {
    [TokenAction::Enable, TokenAction::Disable, TokenAction::Delete]
        .into_iter()
        .filter(|a| a.applies_to(token.status))
        .collect()
}

/// A row of the tokens table.
#[component]
pub fn TokenRow(token: ApiToken) -> impl IntoView {
    let ctx = expect_context::<ListContext>();
    let navigate = use_go();
    let visible = move |c: super::Column| !ctx.hidden.get().contains(&c);
    let id = token.id.clone();
    let selected = {
        let id = id.clone();
        move || ctx.selection.with(|s| s.contains_key(&id))
    };
    let toggle = {
        let (id, sel) = (
            id.clone(),
            Selected {
                name: token.name.clone(),
                status: token.status,
            },
        );
        move |on: bool| {
            ctx.selection.update(|s| {
                if on {
                    s.insert(id.clone(), sel.clone());
                } else {
                    s.remove(&id);
                }
            })
        }
    };

    let go = |route: Route| {
        let navigate = navigate.clone();
        Callback::new(move |_| navigate(&route, Default::default()))
    };
    let mut entries = vec![
        MenuEntry {
            label: "Edit",
            on_select: go(Route::Edit { id: id.clone() }),
            danger: false,
        },
        MenuEntry {
            label: "Create similar",
            on_select: go(Route::New { from: Some(id.clone()) }),
            danger: false,
        },
    ];
    for action in row_actions(&token) {
        let p = PendingAction {
            action,
            id: id.clone(),
            name: token.name.clone(),
        };
        entries.push(MenuEntry {
            label: action.label(),
            on_select: Callback::new(move |_| ctx.pending.set(Some(p.clone()))),
            danger: action == TokenAction::Delete,
        });
    }

    let modules_token = token.clone();
    let status = token.status;
    let last_access = token.last_access_at.clone();
    let created = token.created().cloned().unwrap_or_default();
    let creator = created.by.unwrap_or_default();
    let now = ctx.loaded_at.get_untracked();
    let href = use_nav().href(&Route::token(&token.id, Tab::General));
    view! {
        <tr data-testid="token-row" data-id=token.id.clone() data-status=status.label()>
            <td class="select">
                <input
                    type="checkbox"
                    aria-label=format!("Select {}", token.name)
                    data-testid="select-row"
                    prop:checked=selected
                    on:change:target=move |ev| toggle(ev.target().checked())
                />
            </td>
            <td>
                <div class="cell-token">
                    <Avatar name=token.name.clone() icon=token.icon.clone() />
                    <div class="cell-stack">
                        <a class="token-name" href=href data-testid="token-name">{token.name.clone()}</a>
                        <span class="sub" data-testid="token-id">{token.id.clone()}</span>
                    </div>
                </div>
            </td>
            <Show when=move || visible(super::Column::Modules)>
                <td><ModulesCell token=modules_token.clone() /></td>
            </Show>
            <Show when=move || visible(super::Column::CreatedBy)>
                <td>
                    <div class="cell-stack" data-testid="created-by">
                        <span>{creator.name.clone()}</span>
                        <span class="sub">{creator.id.clone()}</span>
                    </div>
                </td>
            </Show>
            <Show when=move || visible(super::Column::Created)>
                <td><DateTime at=created.at.clone() /></td>
            </Show>
            <Show when=move || visible(super::Column::LastAccess)>
                <td data-testid="last-access">
                    <DateTime at=last_access.clone() empty="" />
                    <UsageMarker last_access_at=last_access.clone() now_ms=now />
                </td>
            </Show>
            <Show when=move || visible(super::Column::Status)>
                <td><StatusBadge status=status /></td>
            </Show>
            <td class="actions">
                <ActionsMenu label=format!("Actions for {}", token.name) entries=entries.clone() />
            </td>
        </tr>
    }
}
