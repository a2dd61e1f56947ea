//! One token's row.

use super::cells::{CreatedByCell, ModulesCell, TokenCell};
use super::{Column, ListContext};
use crate::api::ApiToken;
use crate::components::{DateTime, StatusBadge, TokenMenu, UsageMarker};
use leptos::prelude::*;

/// A row of the tokens table; usage markers as of `now` (epoch ms).
#[component]
pub fn TokenRow(token: ApiToken, now: i64) -> impl IntoView {
    let ctx = expect_context::<ListContext>();
    let visible = move |c: Column| !ctx.hidden.get().contains(&c);
    let target = token.target();
    let id = token.id.clone();
    let t = StoredValue::new(token.clone());
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
            <Show when=move || visible(Column::Modules)>
                <td><ModulesCell token=t.get_value() /></td>
            </Show>
            <Show when=move || visible(Column::CreatedBy)>
                <td><CreatedByCell token=t.get_value() /></td>
            </Show>
            <Show when=move || visible(Column::Created)>
                <td><DateTime at=created_at.clone() /></td>
            </Show>
            <Show when=move || visible(Column::LastAccess)>
                <td data-testid="last-access">
                    <DateTime at=last_access.clone() empty="" />
                    <UsageMarker last_access_at=last_access.clone() now_ms=now />
                </td>
            </Show>
            <Show when=move || visible(Column::Status)>
                <td><StatusBadge status=t.with_value(|t| t.status) /></td>
            </Show>
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
