//! What a person sees if the app panics: a banner asking to reload, instead
//! of a page that silently stopped working. Built with plain DOM calls, since
//! the reactive system may be what failed.

/// Id of the banner element.
pub const BANNER_ID: &str = "crash-banner";

/// Shows the banner (once).
pub fn show_crash_banner() {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    if document.get_element_by_id(BANNER_ID).is_some() {
        return;
    }
    let (Ok(banner), Ok(text), Ok(reload), Some(body)) = (
        document.create_element("div"),
        document.create_element("span"),
        document.create_element("a"),
        document.body(),
    ) else {
        return;
    };
    banner.set_id(BANNER_ID);
    let _ = banner.set_attribute("role", "alert");
    let _ = banner.set_attribute("class", "crash-banner");
    text.set_text_content(Some(
        "Something went wrong and the console stopped. Reload the page to continue. ",
    ));
    let here = web_sys::window()
        .and_then(|w| w.location().href().ok())
        .unwrap_or_else(|| "/".into());
    let _ = reload.set_attribute("href", &here);
    reload.set_text_content(Some("Reload"));
    let _ = banner.append_child(&text);
    let _ = banner.append_child(&reload);
    let _ = body.prepend_with_node_1(&banner);
}

/// Logs panics to the console and shows the banner.
pub fn install_panic_hook() {
    std::panic::set_hook(Box::new(|info| {
        console_error_panic_hook::hook(info);
        show_crash_banner();
    }));
}
