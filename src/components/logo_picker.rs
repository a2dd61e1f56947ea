//! Choosing a token logo by file picker or drag and drop: checked by content
//! and size, scaled down to 256 px in the browser ([`image`]), previewed,
//! removable.

mod image;

use super::button::{Appearance, Button};
use super::dom_id::dom_id;
use crate::api::use_api;
use leptos::html::Div;
use leptos::prelude::*;
use leptos_use_drop_zone::{use_drop_zone_with_options, UseDropZoneEvent, UseDropZoneOptions, UseDropZoneReturn};
use wasm_bindgen::JsCast;

pub use image::{copy_logo, prepare_logo};

/// The logo a form will send.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub enum LogoChoice {
    /// No logo.
    #[default]
    None,
    /// The token's current logo (its API path), unchanged.
    Current(String),
    /// A new image as a `data:` URL, with the file's name.
    New {
        /// `data:image/png;base64,…` or `data:image/jpeg;base64,…`.
        data_url: String,
        /// The chosen file's name.
        file_name: String,
    },
}

impl LogoChoice {
    /// The value for the API's `icon` field.
    pub fn icon_value(&self) -> Option<String> {
        match self {
            LogoChoice::None => None,
            LogoChoice::Current(path) => Some(path.clone()),
            LogoChoice::New { data_url, .. } => Some(data_url.clone()),
        }
    }
}

/// The logo field. `choice` holds what will be sent; errors show at the field
/// and leave `choice` as it was.
#[component]
pub fn LogoPicker(choice: RwSignal<LogoChoice>) -> impl IntoView {
    let api = use_api();
    let error = RwSignal::new(None::<String>);
    // Reading a file: checked, scaled and put in `choice`, or why not at the field.
    let read = Action::new_local(move |file: &web_sys::File| {
        let file = file.clone();
        async move {
            match prepare_logo(&file).await {
                Ok(data_url) => {
                    choice.try_set(LogoChoice::New {
                        data_url,
                        file_name: file.name(),
                    });
                    error.try_set(None);
                }
                Err(msg) => {
                    error.try_set(Some(msg));
                }
            }
        }
    });
    let preview = Signal::derive(move || match choice.get() {
        LogoChoice::None => None,
        LogoChoice::Current(path) => Some(api.asset_url(&path)),
        LogoChoice::New { data_url, .. } => Some(data_url),
    });
    view! {
        <div class="logo-field">
            <span class="field-label" id="logo-label">"Logo (optional)"</span>
            <LogoPreview preview on_remove=move |()| {
                choice.set(LogoChoice::None);
                error.set(None);
            } />
            <DropZone
                busy=read.pending()
                has_logo=Signal::derive(move || preview.with(Option::is_some))
                on_file=move |file| {
                    read.dispatch_local(file);
                }
            />
            <p id="logo-error" class="form-error" role="alert" data-testid="logo-error">{move || error.get()}</p>
        </div>
    }
}

/// Where a file is dropped or chosen; `on_file` gets it. `busy` while one is
/// being read.
#[component]
fn DropZone(busy: Memo<bool>, has_logo: Signal<bool>, #[prop(into)] on_file: Callback<web_sys::File>) -> impl IntoView {
    let zone = NodeRef::<Div>::new();
    let input_id = dom_id("logo");
    let UseDropZoneReturn { is_over_drop_zone, .. } = use_drop_zone_with_options(
        zone,
        UseDropZoneOptions::default().on_drop(move |ev: UseDropZoneEvent| {
            if let Some(file) = ev.files.into_iter().next() {
                on_file.try_run(file);
            }
        }),
    );
    let on_pick = move |ev: leptos::ev::Event| {
        let input: Option<web_sys::HtmlInputElement> = ev.target().and_then(|t| t.dyn_into().ok());
        if let Some(input) = input {
            if let Some(file) = input.files().and_then(|f| f.get(0)) {
                on_file.try_run(file);
            }
            // Choosing the same file again must fire `change` again.
            input.set_value("");
        }
    };
    view! {
        <div
            node_ref=zone
            class="drop-zone"
            class:over=move || is_over_drop_zone.get()
            data-testid="logo-drop-zone"
            aria-busy=move || busy.get().to_string()
        >
            <input
                id=input_id.clone()
                type="file"
                accept=".png,.jpg,.jpeg,image/png,image/jpeg"
                class="visually-hidden"
                aria-describedby="logo-help logo-error"
                data-testid="logo-input"
                on:change=on_pick
            />
            <label for=input_id class="drop-label">
                {move || if busy.get() { "Reading the image…" } else if has_logo.get() { "Replace: drop a file here or choose one" } else { "Drop a .png or .jpg here, or choose a file" }}
            </label>
            <span id="logo-help" class="help">"PNG or JPEG, up to 5 MB. It is scaled to 256 px."</span>
        </div>
    }
}

/// The chosen logo, with a way to remove it.
#[component]
fn LogoPreview(preview: Signal<Option<String>>, #[prop(into)] on_remove: Callback<()>) -> impl IntoView {
    move || {
        preview.get().map(|src| {
            view! {
                <div class="logo-preview">
                    <img src=src alt="Logo preview" data-testid="logo-preview" />
                    <Button appearance=Appearance::Quiet testid="logo-remove" on_click=on_remove>
                        "Remove logo"
                    </Button>
                </div>
            }
        })
    }
}
