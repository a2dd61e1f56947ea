//! The account chosen in another tab: this tab follows it (the account is
//! in each tab's URL, so the tabs would otherwise manage different ones
//! without saying so).

use crate::app::leave_guard::use_leave_guard;
use crate::app::nav::use_nav;
use crate::app::session::use_session;
use crate::app::tabs::use_tabs;
use crate::components::use_toasts;
use crate::model::route::{Screen, ACCOUNT_PARAM};
use crate::model::tab_message::TabMessage;
use leptos::prelude::*;
use leptos_router::hooks::{use_navigate, use_query_map};

/// Goes to the list of the account another tab chose, unless this tab is in
/// the middle of something: with a dialog open it says so and stays (what is
/// typed there is not lost); a value not yet copied asks first, as every way
/// out of its page does.
#[component]
pub fn FollowAccount() -> impl IntoView {
    let (session, nav, toasts, guard) = (use_session(), use_nav(), use_toasts(), use_leave_guard());
    let navigate = use_navigate();
    let query = use_query_map();
    use_tabs().listen(move |message| {
        let TabMessage::Account(id) = message else { return };
        let here = query.with_untracked(|q| q.get(ACCOUNT_PARAM));
        if !session.manages_several() || here.as_deref() == Some(id.as_str()) {
            return;
        }
        if document().query_selector("dialog[open]").ok().flatten().is_some() {
            toasts.success(
                format!("Another tab switched to account {id}"),
                "This tab stays where it is until its dialog is closed; switch account here when you are done.",
            );
            return;
        }
        let path = nav.for_account(Some(id)).path(&Screen::list());
        match guard {
            Some(guard) => guard.go(path, Default::default()),
            None => navigate(&path, Default::default()),
        }
    });
}
