//! Light or dark: the person's `prefers-color-scheme`, unless the URL says `theme=light` or
//! `theme=dark` (how a host site embeds a view in its own scheme). Charts read it; the CSS
//! follows the same choice through `data-theme` on the root element, set here and only here.

use leptos::prelude::*;
use leptos_use_media_query::use_media_query;

use crate::charts::options::Look;

#[derive(Clone, Copy)]
struct LookContext(Signal<Look>);

pub fn provide_look() {
    let preferred = use_media_query("(prefers-color-scheme: dark)");
    let forced = crate::embed::options().dark;
    let look = Signal::derive(move || Look {
        dark: forced.unwrap_or_else(|| preferred.get()),
    });
    // The one decision, for the CSS too: `data-theme` on the root picks the colour set.
    Effect::new(move |_| {
        let dark = look.get().dark;
        if let Some(root) = document().document_element() {
            let _ = root.set_attribute("data-theme", if dark { "dark" } else { "light" });
        }
    });
    provide_context(LookContext(look));
}

pub fn use_look() -> Signal<Look> {
    use_context::<LookContext>()
        .map(|c| c.0)
        .unwrap_or_else(|| Signal::derive(Look::default))
}
