//! Naming a saved view: saving the list under a name, or renaming a view.

use super::super::use_list_context;
use crate::components::lazy::{split_point, LazyDialog};
use crate::components::{Appearance, Button, Modal};
use crate::model::views::{self, SavedView};
use leptos::prelude::*;

/// What the name is asked for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Naming {
    /// Saving the list as a view: a new one, or one of the same name again.
    Save,
    /// Renaming this view.
    Rename(String),
}

impl Naming {
    fn old(&self) -> Option<&str> {
        match self {
            Naming::Save => None,
            Naming::Rename(old) => Some(old),
        }
    }
}

/// What naming a view reads and writes: what is asked (`naming`, `None`
/// while closed), the views as kept (`saved`) and how to keep them
/// (`store`), the hidden columns a new view keeps, and `chosen`, which gets
/// the saved view's name.
#[derive(Clone, Copy)]
pub struct ViewNaming {
    pub naming: RwSignal<Option<Naming>>,
    pub saved: Memo<Vec<SavedView>>,
    pub store: Callback<Vec<SavedView>>,
    pub hidden: Memo<String>,
    pub chosen: RwSignal<Option<String>>,
}

/// Asks a view's name while `views.naming` says for what. Its code comes in
/// a chunk of its own, fetched the first time it opens.
#[component]
pub fn NameDialog(views: ViewNaming) -> impl IntoView {
    view! {
        <LazyDialog
            open=Signal::derive(move || views.naming.with(Option::is_some))
            render=move || render_name_dialog(views)
        />
    }
}

split_point! {
    view_name_dialog,
    render_name_dialog,
    |views: ViewNaming| view! { <NameModal views /> }
}

/// The dialog, in the chunk: its title follows what is asked.
#[component]
fn NameModal(views: ViewNaming) -> impl IntoView {
    let naming = views.naming;
    let renaming = move || naming.with(|n| matches!(n, Some(Naming::Rename(_))));
    let close = Callback::new(move |()| naming.set(None));
    view! {
        <Modal
            open=Signal::derive(move || naming.with(Option::is_some))
            title=Signal::derive(move || if renaming() { "Rename view".to_string() } else { "Save view".to_string() })
            on_close=close
            testid="view-dialog"
        >
            {move || naming.get_untracked().map(|what| view! { <NameForm what views close /> })}
        </Modal>
    }
}

/// The name field and its buttons; made at each opening, with the view's
/// current name (when renaming) and no message.
#[component]
fn NameForm(what: Naming, views: ViewNaming, close: Callback<()>) -> impl IntoView {
    let ViewNaming {
        saved,
        store,
        hidden,
        chosen,
        ..
    } = views;
    let ctx = use_list_context();
    let typed = RwSignal::new(what.old().unwrap_or_default().to_string());
    let problem = RwSignal::new(None::<String>);
    let label = if what == Naming::Save { "Save" } else { "Rename" };
    let confirm = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let old = what.old();
        let all = saved.get_untracked();
        let result = views::check_name(&typed.get_untracked(), &all, old).and_then(|name| {
            let view = match all.iter().find(|v| Some(v.name.as_str()) == old) {
                Some(v) => SavedView { name, ..v.clone() },
                None => SavedView::of(&name, &ctx.state.get_untracked(), &hidden.get_untracked()),
            };
            let name = view.name.clone();
            views::save(&all, view, old).map(|next| (name, next))
        });
        match result {
            Ok((name, next)) => {
                chosen.set(Some(name));
                store.run(next);
                close.run(());
            }
            Err(e) => problem.set(Some(e)),
        }
    };
    view! {
        <form novalidate on:submit=confirm>
            <div class="dialog-body">
                <p class="muted">"Keeps the search, filters, sort, rows per page and columns under a name, in this browser."</p>
                <div class="field">
                    <label for="view-name">"View name"</label>
                    <input id="view-name" type="text" autocomplete="off" maxlength="60" data-testid="view-name"
                        aria-invalid=move || problem.get().is_some().to_string() aria-describedby="view-name-error"
                        prop:value=move || typed.get() on:input:target=move |ev| typed.set(ev.target().value()) />
                    <p id="view-name-error" class="form-error" role="alert">{move || problem.get()}</p>
                </div>
            </div>
            <div class="dialog-actions">
                <Button testid="cancel" on_click=close>"Cancel"</Button>
                <Button appearance=Appearance::Primary submit=true testid="confirm">{label}</Button>
            </div>
        </form>
    }
}
