//! Copy to the clipboard with visible feedback. leptos-use's `use_clipboard`
//! ignores a refused write, and a refusal must be shown, so this calls the
//! Clipboard API directly.

use super::button::{Appearance, Button};
use js_sys::{Function, Promise, Reflect};
use leptos::prelude::*;
use leptos_use_timeout_fn::{use_timeout_fn, UseTimeoutFnReturn};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

/// How long "Copied" stays.
const COPIED_MS: f64 = 2500.0;

/// Writes `text` to the clipboard; the error says why the browser refused.
/// `navigator.clipboard` may be missing (an insecure page, an older engine),
/// and every call goes through `Reflect` so a refusal is an `Err`, never an
/// exception through the app.
pub async fn write_clipboard(text: &str) -> Result<(), String> {
    let window = web_sys::window().ok_or("no browser window")?;
    let unavailable = |_| "this browser offers no clipboard to this page".to_string();
    let clipboard = Reflect::get(&window.navigator(), &"clipboard".into()).map_err(unavailable)?;
    if clipboard.is_undefined() || clipboard.is_null() {
        return Err("this browser offers no clipboard to this page".into());
    }
    let write: Function = Reflect::get(&clipboard, &"writeText".into())
        .map_err(unavailable)?
        .dyn_into()
        .map_err(unavailable)?;
    let promise: Promise = write
        .call1(&clipboard, &JsValue::from_str(text))
        .map_err(|e| reason(&e))?
        .dyn_into()
        .map_err(unavailable)?;
    JsFuture::from(promise).await.map(|_| ()).map_err(|e| reason(&e))
}

fn reason(e: &JsValue) -> String {
    e.as_string()
        .or_else(|| Reflect::get(e, &"message".into()).ok().and_then(|m| m.as_string()))
        .unwrap_or_else(|| "the browser refused".into())
}

#[derive(Clone, Debug, PartialEq)]
enum CopyState {
    Idle,
    Copied,
    Failed,
}

/// A Copy button for `value`, with "Copied" or a failure message beside it.
#[component]
pub fn CopyButton(
    /// What to copy (read when clicked).
    #[prop(into)]
    value: Signal<String>,
    /// Accessible name, e.g. "Copy API token".
    #[prop(into)]
    label: String,
    /// Test id of the button.
    testid: &'static str,
    /// Told each time the value reached the clipboard.
    #[prop(optional, into)]
    on_copied: Option<Callback<()>>,
) -> impl IntoView {
    let state = RwSignal::new(CopyState::Idle);
    let UseTimeoutFnReturn { start, .. } = use_timeout_fn(move |_: ()| state.set(CopyState::Idle), COPIED_MS);
    let copy = Action::new_local(move |text: &String| {
        let (text, start) = (text.clone(), start.clone());
        async move {
            match write_clipboard(&text).await {
                Ok(()) => {
                    state.try_set(CopyState::Copied);
                    if let Some(told) = on_copied {
                        told.try_run(());
                    }
                    start(());
                }
                Err(_) => {
                    state.try_set(CopyState::Failed);
                }
            }
        }
    });
    view! {
        <span class="copy">
            <Button appearance=Appearance::Quiet small=true label testid on_click=move |()| {
                copy.dispatch_local(value.get_untracked());
            }>
                "Copy"
            </Button>
            <span class="copy-status" role="status" aria-live="polite">
                {move || match state.get() {
                    CopyState::Idle => None,
                    CopyState::Copied => Some(view! { <span class="copied">"Copied"</span> }.into_any()),
                    CopyState::Failed => Some(
                        view! {
                            <span class="copy-failed">
                                "Copying was blocked by the browser. Select the text and copy it with your keyboard."
                            </span>
                        }
                            .into_any(),
                    ),
                }}
            </span>
        </span>
    }
}
