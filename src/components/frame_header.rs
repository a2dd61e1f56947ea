//! The application frame's header: product, who is signed in, the account
//! managed (with a way to switch when there are several), sign-out.

use super::button::{Appearance, Button, ButtonLink};
use crate::api::identity::Identity;
use crate::app::account::{use_which_account, WhichAccount};
use crate::app::nav::use_nav;
use crate::app::session::use_session;
use crate::model::route::Screen;
use leptos::prelude::*;

fn identity_label(identity: &Identity) -> String {
    match identity {
        Identity::Token { id, name } => format!("API token {name} ({id})"),
        Identity::User { name: Some(n), .. } => n.clone(),
        Identity::User { id: Some(id), .. } => format!("User {id}"),
        Identity::User { .. } | Identity::Unknown => "Signed in".into(),
    }
}

#[component]
pub fn FrameHeader() -> impl IntoView {
    let session = use_session();
    let which = use_which_account();
    let nav = use_nav();
    let managing = move || match which.get() {
        WhichAccount::Manage { account, param } => Some((account, param)),
        _ => None,
    };
    let home = {
        let nav = nav.clone();
        move || {
            nav.for_account(managing().and_then(|(_, p)| p).as_deref())
                .href(&Screen::list())
        }
    };
    let account = move || {
        managing().map(|(a, param)| {
            let switch = param.map(|_| {
                view! {
                    <ButtonLink appearance=Appearance::Quiet small=true href=nav.for_account(None).href(&Screen::list()) testid="switch-account">
                        "Switch account"
                    </ButtonLink>
                }
            });
            view! {
                <div class="account" data-testid="frame-account">
                    <span class="account-name">{a.name}</span>
                    <span class="account-meta">{a.kind.unwrap_or_default()} " · " {a.id}</span>
                </div>
                {switch}
            }
        })
    };
    let identity = move || {
        session
            .identity()
            .map(|i| view! { <span class="identity" data-testid="frame-identity">{identity_label(&i)}</span> })
    };
    view! {
        <header class="frame-header">
            <a class="brand" href=home>
                <h1 data-testid="product-name">{crate::app::config::PRODUCT_NAME}</h1>
            </a>
            <div class="frame-right">
                {account}
                {identity}
                <Show when=move || session.is_signed_in()>
                    <Button appearance=Appearance::Quiet testid="sign-out" on_click=move |()| session.sign_out()>
                        "Sign out"
                    </Button>
                </Show>
            </div>
        </header>
    }
}
