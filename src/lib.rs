//! Cohesion Explorer: New Zealand's social cohesion frameworks and the evidence behind them.
//!
//! `core` is the pure domain (framework model, validation, layout and every computation behind
//! a view). It compiles and tests on the host. Everything else is the browser's view layer and
//! only exists in the wasm32 build.

pub mod charts;
pub mod core;

#[cfg(target_arch = "wasm32")]
mod app;
#[cfg(target_arch = "wasm32")]
pub mod components;
#[cfg(target_arch = "wasm32")]
pub mod embed;
#[cfg(target_arch = "wasm32")]
pub mod fetch;
#[cfg(target_arch = "wasm32")]
pub mod look;
#[cfg(target_arch = "wasm32")]
pub mod pages;

#[cfg(target_arch = "wasm32")]
pub use app::App;

/// Mounts the app on `<body>`. Called once from `main`.
#[cfg(target_arch = "wasm32")]
pub fn start() {
    std::panic::set_hook(Box::new(|info| {
        console_error_panic_hook::hook(info);
        show_fatal_error(&info.to_string());
    }));
    leptos::mount::mount_to_body(App);
}

/// A bug that stops the app must not leave a blank page: say so, in plain words, with a way on.
#[cfg(target_arch = "wasm32")]
fn show_fatal_error(detail: &str) {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    let Some(body) = document.body() else { return };
    let Ok(panel) = document.create_element("section") else {
        return;
    };
    let _ = panel.set_attribute("role", "alert");
    let _ = panel.set_attribute("class", "panel error fatal");
    // Built with text nodes only: the message may quote data, and data is never HTML.
    for (tag, text) in [
        ("h1", "Cohesion Explorer stopped working"),
        ("p", "Something unexpected went wrong. Reloading the page usually helps; the data files themselves are unaffected."),
        ("pre", detail),
    ] {
        if let Ok(el) = document.create_element(tag) {
            el.set_text_content(Some(text));
            let _ = panel.append_child(&el);
        }
    }
    let _ = body.prepend_with_node_1(&panel);
}
