//! Embed mode and theming in the browser: applies the URL's theme to the CSS custom
//! properties, and, when embedded, sends the content's height to the host page and opens
//! links in the full explorer in a new tab. The rules themselves live in `core::embed`.

use leptos::prelude::*;
use leptos_use_resize_observer::use_resize_observer;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

use crate::core::embed::{full_url, link_colour, text_on, EmbedOptions, RESIZE_MESSAGE};

/// Whether this page is embedded in another site (fixed for the page's life).
#[derive(Clone, Copy, Debug)]
pub struct Embedded(pub bool);

/// The options in the URL the page was opened with.
pub fn options() -> EmbedOptions {
    EmbedOptions::from_query(&window().location().search().unwrap_or_default())
}

/// Applies the theme and, when embedded, starts the embed behaviour. Call once, in `App`.
pub fn provide_embed() -> bool {
    let o = options();
    if let Some(root) = document().document_element() {
        let style = root.unchecked_ref::<web_sys::HtmlElement>().style();
        // Through the CSSOM, which a strict style-src allows (a style attribute it would not).
        if let Some(accent) = &o.accent {
            let _ = style.set_property("--ce-accent", accent);
            let _ = style.set_property("--ce-selected", accent);
            let _ = style.set_property("--ce-accent-contrast", text_on(accent));
            // Text in the accent (links, "improved") only where it stays readable on the
            // page's background, light or dark as the look decides; otherwise links keep the
            // default colour.
            let (accent, look, style) = (accent.clone(), crate::look::use_look(), style.clone());
            Effect::new(move |_| {
                let link = link_colour(&accent, look.get().dark);
                let _ = style.set_property("--ce-link", &link);
            });
        }
        if let Some(font) = &o.font {
            let _ = style.set_property("--ce-font", font);
        }
        if o.embed {
            let _ = root.set_attribute("data-embed", "");
        }
    }
    provide_context(Embedded(o.embed));
    if o.embed {
        open_links_outside();
        report_height();
    }
    o.embed
}

/// In an embed every link opens the full explorer (or the linked site) in a new tab, so the
/// host's page keeps the view it embedded. Controls (buttons, boxes, menus) work in place;
/// downloads download.
fn open_links_outside() {
    let handler = Closure::<dyn Fn(web_sys::MouseEvent)>::new(|ev: web_sys::MouseEvent| {
        let Some(target) = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
        else {
            return;
        };
        let Ok(Some(link)) = target.closest("a[href]") else {
            return;
        };
        if link.has_attribute("download") {
            return;
        }
        let link = link.unchecked_into::<web_sys::HtmlAnchorElement>();
        let href = link.href();
        if href.is_empty()
            || link
                .get_attribute("href")
                .is_some_and(|h| h.starts_with('#'))
        {
            return;
        }
        ev.prevent_default();
        ev.stop_propagation();
        let _ =
            window().open_with_url_and_target_and_features(&full_url(&href), "_blank", "noopener");
    });
    // Capture phase: before the router turns the click into navigation inside the frame.
    let _ = document().add_event_listener_with_callback_and_bool(
        "click",
        handler.as_ref().unchecked_ref(),
        true,
    );
    handler.forget();
}

/// Posts the content's height to the host page whenever it changes (a ResizeObserver on the
/// body, never a timer). The height is not private, so any host may read it; the host script
/// checks that the message comes from this frame and this origin.
fn report_height() {
    let Some(body) = document().body() else {
        return;
    };
    let post = |height: f64| {
        let Ok(Some(parent)) = window().parent() else {
            return;
        };
        let message = js_sys::Object::new();
        let _ = js_sys::Reflect::set(&message, &"type".into(), &RESIZE_MESSAGE.into());
        let _ = js_sys::Reflect::set(&message, &"version".into(), &1.into());
        let _ = js_sys::Reflect::set(&message, &"height".into(), &height.ceil().into());
        let _ = parent.post_message(&message, "*");
    };
    post(body.get_bounding_client_rect().height());
    use_resize_observer(body.clone(), move |_, _| {
        post(body.get_bounding_client_rect().height());
    });
}

/// The embed's footer: a one-line source, and the same view in the full explorer.
#[component]
pub fn EmbedFooter() -> impl IntoView {
    let url = crate::components::link::current_url();
    let href = move || full_url(&url.get());
    let i18n = crate::language::use_i18n();
    view! {
        <footer class="embed-footer">
            <p>
                {crate::language::t!(i18n, embed.source)} " "
                <a href=href target="_blank" rel="noopener">{crate::language::t!(i18n, embed.open_full)}</a>
            </p>
        </footer>
    }
}
