//! Choosing a token logo by file picker or drag and drop: checked by content
//! and size, scaled down to 256 px in the browser, previewed, removable.

use super::button::{Appearance, Button};
use super::dom_id::dom_id;
use crate::api::use_api;
use crate::model::validation::{check_logo, scaled_size, LogoKind, LOGO_MAX_SIDE};
use js_sys::Uint8Array;
use leptos::html::Div;
use leptos::prelude::*;
use leptos_use_drop_zone::{use_drop_zone_with_options, UseDropZoneEvent, UseDropZoneOptions, UseDropZoneReturn};
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

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

fn failed<T>(msg: &str) -> impl FnOnce(T) -> String + '_ {
    move |_| msg.to_string()
}

/// Token `source`'s logo, read and prepared as a data URL for a new token;
/// `None` when it has none or it cannot be fetched or read.
pub async fn copy_logo(api: &crate::api::ApiClient, source: &crate::api::ApiToken) -> Option<String> {
    let path = source.icon.as_deref().filter(|p| !p.is_empty())?;
    let blob = api.fetch_asset(path).await.ok()?;
    prepare_logo(&blob).await.ok()
}

/// Reads, checks and scales an image (a chosen file, or a fetched logo) into a data URL.
pub async fn prepare_logo(file: &web_sys::Blob) -> Result<String, String> {
    let size = file.size() as usize;
    let head_blob = file
        .slice_with_i32_and_i32(0, 16)
        .map_err(failed("The file could not be read."))?;
    let head = JsFuture::from(head_blob.array_buffer())
        .await
        .map_err(failed("The file could not be read."))?;
    let kind = check_logo(size, &Uint8Array::new(&head).to_vec())?;
    let damaged = "The image could not be read; the file may be damaged. Choose another .png or .jpg.";
    let window = web_sys::window().ok_or("no browser window")?;
    let promise = window.create_image_bitmap_with_blob(file).map_err(failed(damaged))?;
    let bitmap: web_sys::ImageBitmap = JsFuture::from(promise)
        .await
        .map_err(failed(damaged))?
        .dyn_into()
        .map_err(failed(damaged))?;
    let (w, h) = scaled_size(bitmap.width(), bitmap.height(), LOGO_MAX_SIDE);
    let canvas: web_sys::HtmlCanvasElement = document()
        .create_element("canvas")
        .map_err(failed("The image could not be scaled."))?
        .dyn_into()
        .map_err(failed("The image could not be scaled."))?;
    canvas.set_width(w);
    canvas.set_height(h);
    let ctx: web_sys::CanvasRenderingContext2d = canvas
        .get_context("2d")
        .ok()
        .flatten()
        .and_then(|c| c.dyn_into().ok())
        .ok_or("The image could not be scaled.")?;
    ctx.draw_image_with_image_bitmap_and_dw_and_dh(&bitmap, 0.0, 0.0, f64::from(w), f64::from(h))
        .map_err(failed(damaged))?;
    bitmap.close();
    let url = match kind {
        LogoKind::Png => canvas.to_data_url_with_type("image/png"),
        LogoKind::Jpeg => canvas.to_data_url_with_type_and_encoder_options("image/jpeg", &0.9.into()),
    };
    url.map_err(failed("The image could not be scaled."))
}

/// The logo field. `choice` holds what will be sent; errors show at the field
/// and leave `choice` as it was.
#[component]
pub fn LogoPicker(choice: RwSignal<LogoChoice>) -> impl IntoView {
    let api = use_api();
    let error = RwSignal::new(None::<String>);
    let zone = NodeRef::<Div>::new();
    let input_id = dom_id("logo");
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
    let busy = read.pending();
    let take = move |file: web_sys::File| {
        read.dispatch_local(file);
    };
    let UseDropZoneReturn { is_over_drop_zone, .. } = use_drop_zone_with_options(
        zone,
        UseDropZoneOptions::default().on_drop(move |ev: UseDropZoneEvent| {
            if let Some(file) = ev.files.into_iter().next() {
                take(file);
            }
        }),
    );
    let on_pick = move |ev: leptos::ev::Event| {
        let input: Option<web_sys::HtmlInputElement> = ev.target().and_then(|t| t.dyn_into().ok());
        if let Some(input) = input {
            if let Some(file) = input.files().and_then(|f| f.get(0)) {
                take(file);
            }
            // Choosing the same file again must fire `change` again.
            input.set_value("");
        }
    };
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
                    {move || if busy.get() { "Reading the image…" } else if preview.with(Option::is_some) { "Replace: drop a file here or choose one" } else { "Drop a .png or .jpg here, or choose a file" }}
                </label>
                <span id="logo-help" class="help">"PNG or JPEG, up to 5 MB. It is scaled to 256 px."</span>
            </div>
            <p id="logo-error" class="form-error" role="alert" data-testid="logo-error">{move || error.get()}</p>
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
