//! Handing a file the console made to the browser's downloads.

use wasm_bindgen::{JsCast, JsValue};

/// How long the file's object URL lives: long enough for the browser to
/// start the download, which it does asynchronously.
const URL_LIFETIME: std::time::Duration = std::time::Duration::from_secs(60);

/// Saves `text` as a file named `name` of type `mime`.
pub fn save_text(name: &str, mime: &str, text: &str) -> Result<(), String> {
    save(name, mime, text).map_err(|e| {
        e.as_string()
            .or_else(|| js_sys::Error::from(e).message().as_string())
            .unwrap_or_else(|| "the browser refused the download".into())
    })
}

fn save(name: &str, mime: &str, text: &str) -> Result<(), JsValue> {
    let parts = js_sys::Array::of1(&JsValue::from_str(text));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options)?;
    let url = web_sys::Url::create_object_url_with_blob(&blob)?;
    let document = web_sys::window()
        .and_then(|w| w.document())
        .ok_or_else(|| JsValue::from_str("no document"))?;
    let link: web_sys::HtmlAnchorElement = document.create_element("a")?.dyn_into()?;
    link.set_href(&url);
    link.set_download(name);
    link.click();
    leptos::prelude::set_timeout(move || drop(web_sys::Url::revoke_object_url(&url)), URL_LIFETIME);
    Ok(())
}
