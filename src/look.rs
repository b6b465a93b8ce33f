//! Light or dark: the person's `prefers-color-scheme`, unless the URL says `theme=light` or
//! `theme=dark` (how a host site embeds a view in its own scheme). Charts read it; the CSS
//! follows the same choice through `data-theme` on the root element.

use leptos::prelude::*;
use leptos_use_media_query::use_media_query;

use crate::charts::options::Look;

#[derive(Clone, Copy)]
struct LookContext(Signal<Look>);

pub fn provide_look() {
    let preferred = use_media_query("(prefers-color-scheme: dark)");
    let forced = crate::embed::options().dark;
    if let (Some(dark), Some(root)) = (forced, document().document_element()) {
        let _ = root.set_attribute("data-theme", if dark { "dark" } else { "light" });
    }
    let look = Signal::derive(move || Look {
        dark: forced.unwrap_or_else(|| preferred.get()),
    });
    provide_context(LookContext(look));
}

pub fn use_look() -> Signal<Look> {
    use_context::<LookContext>()
        .map(|c| c.0)
        .unwrap_or_else(|| Signal::derive(Look::default))
}
