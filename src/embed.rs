//! Embed mode and theming in the browser. A page is embedded when its address says so
//! (`/embed/...`, see `core::site`), so the prerendered page already arrives without the site's
//! header and footer. In the browser, this applies the address's theme parameters to the CSS
//! custom properties and, when embedded, sends the content's height to the host page and opens
//! links in the full explorer in a new tab. The rules themselves live in `core::embed`.

use std::cell::RefCell;

use leptos::prelude::*;

use crate::core::embed::EmbedOptions;

thread_local! {
    /// The theme parameters of the address the page was opened at (read before the address
    /// is tidied for the router).
    static OPTIONS: RefCell<EmbedOptions> = RefCell::new(EmbedOptions::default());
}

/// Whether this page is embedded in another site (fixed for the page's life).
#[derive(Clone, Copy, Debug)]
pub struct Embedded(pub bool);

/// Records the opened address's theme parameters. Called by `start` before anything renders.
pub fn set_options(options: EmbedOptions) {
    OPTIONS.with(|o| *o.borrow_mut() = options);
}

/// The theme parameters the page was opened with.
pub fn options() -> EmbedOptions {
    OPTIONS.with(|o| o.borrow().clone())
}

/// Provides embed mode for the app. Call once, in `App`.
pub fn provide_embed(embedded: bool) -> bool {
    provide_context(Embedded(embedded));
    embedded
}

pub fn is_embedded() -> bool {
    use_context::<Embedded>().is_some_and(|e| e.0)
}

/// After the page has been taken over: applies the theme parameters and, when embedded,
/// starts the embed behaviour. Nothing here changes the markup the page was rendered with.
#[cfg(feature = "hydrate")]
pub fn start_embed(embedded: bool) {
    use crate::core::embed::{link_colour, text_on};
    use wasm_bindgen::JsCast;
    let o = options();
    if let Some(root) = document().document_element() {
        let style = root.unchecked_ref::<web_sys::HtmlElement>().style();
        // Through the CSSOM, which a strict style-src allows (a style attribute it would not).
        if let Some(accent) = &o.accent {
            let _ = style.set_property("--ce-accent", accent);
            let _ = style.set_property("--ce-selected", accent);
            let _ = style.set_property("--ce-accent-contrast", text_on(accent));
            // Text in the accent (links, "improved") only where it stays readable on the
            // page's background; otherwise links keep the default colour. One for each scheme:
            // the stylesheet takes the one for the scheme it shows.
            let _ = style.set_property("--ce-link-light", &link_colour(accent, false));
            let _ = style.set_property("--ce-link-dark", &link_colour(accent, true));
        }
        if let Some(font) = &o.font {
            let _ = style.set_property("--ce-font", font);
        }
    }
    crate::components::link::set_sticky(o.sticky_params());
    if embedded {
        browser::open_links_outside();
        browser::report_height();
    }
}

#[cfg(feature = "hydrate")]
mod browser {
    use leptos::prelude::*;
    use leptos_use_resize_observer::use_resize_observer;
    use wasm_bindgen::prelude::*;
    use wasm_bindgen::JsCast;

    use crate::core::embed::RESIZE_MESSAGE;

    /// In an embed every link opens the full explorer (or the linked site) in a new tab, so the
    /// host's page keeps the view it embedded. Controls (buttons, boxes, menus) work in place;
    /// downloads download.
    pub fn open_links_outside() {
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
            let full = crate::core::embed::full_url(&href, &crate::components::link::site_root());
            let _ = window().open_with_url_and_target_and_features(&full, "_blank", "noopener");
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
    pub fn report_height() {
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
}

/// The embed's footer: a one-line source, and the same view in the full explorer.
#[component]
pub fn EmbedFooter() -> impl IntoView {
    let i18n = crate::language::use_i18n();
    view! {
        <footer class="embed-footer">
            <FullViewLink>
                <p>
                    {crate::language::t!(i18n, embed.source)} " "
                    <a href=untrack(full_view_href()) target="_blank" rel="noopener">{crate::language::t!(i18n, embed.open_full)}</a>
                </p>
            </FullViewLink>
        </footer>
    }
}

/// The same address without the embed prefix, under the site's sub-path: a path, so the build
/// and the browser write the same link.
fn full_view_href() -> impl Fn() -> String + Copy + 'static {
    let path = crate::components::link::current_path();
    move || {
        let full = path.get();
        let (p, rest) = full.find(['?', '#']).map_or((full.as_str(), ""), |i| full.split_at(i));
        let (place, route) = crate::core::site::split(p);
        let sub = crate::components::link::site().sub;
        format!("{sub}{}", place.with_embed(false).href(&format!("{route}{rest}")))
    }
}

/// An island: the link follows the view's address as the person changes it (its markup is
/// its children, which the browser never renders again).
#[cfg_attr(any(feature = "ssr", feature = "islands"), island)]
#[cfg_attr(not(any(feature = "ssr", feature = "islands")), component)]
fn FullViewLink(children: Children) -> impl IntoView {
    let root = NodeRef::<leptos::html::Div>::new();
    #[cfg(feature = "hydrate")]
    root.on_load(move |el| {
        if let Some(a) = crate::dom::first(&el.into(), "a") {
            crate::components::link::follow_view(a, full_view_href());
        }
    });
    view! { <div node_ref=root>{children()}</div> }
}
