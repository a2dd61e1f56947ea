//! A logo image read in the browser: checked by content and size, scaled
//! down to 256 px on a canvas, and written as a `data:` URL.

use crate::api::{ApiClient, ApiToken};
use crate::model::validation::{check_logo, scaled_size, LogoKind, LOGO_MAX_SIDE};
use js_sys::Uint8Array;
use leptos::prelude::document;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

/// For `map_err`: whatever went wrong, `msg` is what the field says.
fn failed<T>(msg: &str) -> impl FnOnce(T) -> String + '_ {
    move |_| msg.to_string()
}

/// Token `source`'s logo, read and prepared as a data URL for a new token;
/// `None` when it has none or it cannot be fetched or read.
pub async fn copy_logo(api: &ApiClient, source: &ApiToken) -> Option<String> {
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
