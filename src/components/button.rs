//! Buttons and links that look like buttons: one place for their classes,
//! and for what a busy button does (disabled, `aria-busy`, its busy label).

use crate::app::connection::use_connection;
use leptos::either::Either;
use leptos::prelude::*;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Appearance {
    /// An ordinary action.
    #[default]
    Plain,
    /// The main action of its place.
    Primary,
    /// An action that loses something.
    Danger,
    /// A secondary action without a frame.
    Quiet,
}

impl Appearance {
    pub fn class(self, small: bool) -> &'static str {
        match (self, small) {
            (Appearance::Plain, false) => "btn",
            (Appearance::Plain, true) => "btn btn-small",
            (Appearance::Primary, false) => "btn btn-primary",
            (Appearance::Primary, true) => "btn btn-primary btn-small",
            (Appearance::Danger, false) => "btn btn-danger",
            (Appearance::Danger, true) => "btn btn-danger btn-small",
            (Appearance::Quiet, false) => "btn btn-quiet",
            (Appearance::Quiet, true) => "btn btn-quiet btn-small",
        }
    }

    /// Primary, or Danger when `danger`.
    pub fn confirming(danger: bool) -> Appearance {
        if danger {
            Appearance::Danger
        } else {
            Appearance::Primary
        }
    }
}

/// A button. While `busy` it is disabled, says so to assistive technology
/// (`aria-busy`) and shows `busy_label` instead of its children; `submit`
/// makes it its form's submit button. A button that `writes` is held, with
/// the seconds left on it, while the API has asked writes to wait.
#[component]
pub fn Button(
    #[prop(optional)] appearance: Appearance,
    #[prop(optional)] small: bool,
    #[prop(optional)] submit: bool,
    #[prop(optional, into)] disabled: Signal<bool>,
    #[prop(optional, into)] busy: Signal<bool>,
    #[prop(optional)] busy_label: Option<&'static str>,
    #[prop(optional)] writes: bool,
    /// The accessible name, when the visible label does not say enough.
    #[prop(optional, into)]
    label: Option<String>,
    #[prop(optional)] testid: Option<&'static str>,
    #[prop(optional, into)] on_click: Option<Callback<()>>,
    children: ChildrenFn,
) -> impl IntoView {
    // A button can outlive its owner for a moment (a failure panel kept on
    // screen by a Transition): then it reads as idle, and a click does nothing.
    let busy = move || busy.try_get().unwrap_or(false);
    let connection = writes.then(use_connection).flatten();
    let held = move || connection.and_then(|c| c.writes_held_for());
    let disabled = move || disabled.try_get().unwrap_or(false) || held().is_some();
    let content = move || match (busy_label, held()) {
        (Some(text), _) if busy() => Either::Left(text.to_string()),
        (_, Some(seconds)) => Either::Left(format!("Try again in {seconds} s")),
        _ => Either::Right(children()),
    };
    view! {
        <button
            type=if submit { "submit" } else { "button" }
            class=appearance.class(small)
            disabled=move || disabled() || busy()
            aria-busy=move || busy().then_some("true")
            aria-label=label
            data-testid=testid
            on:click=move |_| {
                if let Some(f) = on_click {
                    f.try_run(());
                }
            }
        >
            {content}
        </button>
    }
}

/// A link that looks like a button (it goes somewhere rather than doing something).
#[component]
pub fn ButtonLink(
    #[prop(into)] href: Signal<String>,
    #[prop(optional)] appearance: Appearance,
    #[prop(optional)] small: bool,
    #[prop(optional)] testid: Option<&'static str>,
    /// The key that also goes there (`n`).
    #[prop(optional)]
    shortcut: Option<&'static str>,
    #[prop(optional, into)] on_click: Option<Callback<()>>,
    children: Children,
) -> impl IntoView {
    view! {
        <a
            class=appearance.class(small)
            // The page a link leads away from can be disposed a moment
            // before its views are dropped (see `Button`).
            href=move || href.try_get()
            data-testid=testid
            aria-keyshortcuts=shortcut
            on:click=move |_| {
                if let Some(f) = on_click {
                    f.try_run(());
                }
            }
        >
            {children()}
        </a>
    }
}
