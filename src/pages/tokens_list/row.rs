//! One token's row.

use super::cells::{CreatedByCell, ModulesCell, TokenCell};
use super::{Column, ListContext};
use crate::api::ApiToken;
use crate::components::{DateTime, StatusBadge, TokenMenu, UsageMarker};
use leptos::prelude::*;

/// A row of the tokens table; usage markers as of `now` (epoch ms). Hidden
/// columns are hidden by a class around the table (see `hiding_classes`).
#[component]
pub fn TokenRow(token: ApiToken, now: i64) -> impl IntoView {
    let ctx = expect_context::<ListContext>();
    let target = token.target();
    let id = token.id.clone();
    let created_at = token.created().and_then(|c| c.at.clone());
    let last_access = token.last_access_at.clone();
    view! {
        <tr data-testid="token-row" data-id=token.id.clone() data-status=token.status.label()>
            <td class="select">
                <input
                    type="checkbox"
                    aria-label=format!("Select {}", token.name)
                    data-testid="select-row"
                    prop:checked=move || ctx.selection.contains(&id)
                    on:change:target=move |ev| ctx.selection.set(std::slice::from_ref(&target), ev.target().checked())
                />
            </td>
            <td><TokenCell token=token.clone() /></td>
            <td class=Column::Modules.class() data-label=Column::Modules.label()><ModulesCell token=token.clone() /></td>
            <td class=Column::CreatedBy.class() data-label=Column::CreatedBy.label()><CreatedByCell token=token.clone() /></td>
            <td class=Column::Created.class() data-label=Column::Created.label()><DateTime at=created_at /></td>
            <td class=Column::LastAccess.class() data-label=Column::LastAccess.label() data-testid="last-access">
                <DateTime at=last_access.clone() empty="" />
                <UsageMarker last_access_at=last_access now_ms=now />
            </td>
            <td class=Column::Status.class() data-label=Column::Status.label()><StatusBadge status=token.status /></td>
            <td class="actions">
                <TokenMenu
                    token=token.clone()
                    label=format!("Actions for {}", token.name)
                    with_edit=true
                    on_change=move |p| ctx.pending.set(Some(p))
                />
            </td>
        </tr>
    }
}
