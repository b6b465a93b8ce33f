//! Share and embed the current view. Every view's state is in its URL, so sharing is copying
//! the URL; embedding is the same view's address under `/embed`, wrapped in a snippet.
//!
//! The build writes the controls, the dialog and every sentence they may say; the island keeps
//! the link on the view shown, copies, and fills the dialog's snippets when it opens.

use leptos::prelude::*;

use crate::language::{t, t_string, use_i18n};

/// A copy button for the text field `field`, with the sentences it may say after: the
/// Clipboard API where there is one; otherwise the field's text is selected so the person can
/// copy it. Either way it says what happened.
fn copy_button(field: &'static str, label: String) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <button type="button" class="button copy" data-field=field>{label}</button>
        <span class="copy-status" role="status"
            data-copying=t_string!(i18n, share.copying).to_string()
            data-copied=t_string!(i18n, share.copied).to_string()
            data-selected=t_string!(i18n, share.selected).to_string()></span>
    }
}

/// "Share this view" and "Embed this view", above every page of the full explorer.
#[component]
pub fn Share() -> impl IntoView {
    view! { <ShareActions><ShareControls /></ShareActions> }
}

/// The share and embed controls, as the build writes them.
#[component]
fn ShareControls() -> impl IntoView {
    let i18n = use_i18n();
    // A person's own measure is on their device only: its link opens it nowhere else (only the
    // browser draws such a page).
    let route = untrack(|| crate::url::use_url().route.get());
    let on_device = match crate::core::site::Page::of(&route) {
        crate::core::site::Page::Indicator(id) => id.starts_with("yours-"),
        _ => false,
    };
    view! {
        {on_device.then(|| view! { <p class="meta share-note">{t!(i18n, share.on_device)}</p> })}
        <div class="view-actions">
            <input id="share-url" class="share-url" type="text" readonly aria-label=t_string!(i18n, share.link_label).to_string() />
            {copy_button("share-url", t_string!(i18n, share.share).to_string())}
            <button type="button" class="button secondary embed-open" aria-haspopup="dialog">{t!(i18n, share.embed)}</button>
        </div>
        <dialog class="embed-dialog" aria-labelledby="embed-title">
            <h2 id="embed-title">{t!(i18n, share.embed)}</h2>
            <p>{t!(i18n, share.intro)}</p>
            <label for="embed-resizing">{t!(i18n, share.resizing, <b> = <strong />)}</label>
            <textarea id="embed-resizing" readonly rows="5"></textarea>
            {copy_button("embed-resizing", t_string!(i18n, share.copy_resizing).to_string())}
            <label for="embed-plain">{t!(i18n, share.plain, <b> = <strong />)}</label>
            <textarea id="embed-plain" readonly rows="4"></textarea>
            {copy_button("embed-plain", t_string!(i18n, share.copy_plain).to_string())}
            <p class="meta">{t!(i18n, share.theming, <c> = <code />)}</p>
            <button type="button" class="button secondary embed-close">{t!(i18n, share.close)}</button>
        </dialog>
    }
}

/// The island: the link follows the view, the buttons copy, the dialog opens with its snippets.
/// Its markup is its children, which the browser never renders again.
#[cfg_attr(any(feature = "ssr", feature = "islands"), island)]
#[cfg_attr(not(any(feature = "ssr", feature = "islands")), component)]
fn ShareActions(children: Children) -> impl IntoView {
    let root = NodeRef::<leptos::html::Div>::new();
    #[cfg(feature = "hydrate")]
    root.on_load(browser::take_over);
    view! { <div class="share-actions" node_ref=root>{children()}</div> }
}

#[cfg(feature = "hydrate")]
mod browser {
    use leptos::prelude::*;
    use wasm_bindgen::JsCast;
    use web_sys::{Element, HtmlDialogElement, HtmlInputElement, HtmlTextAreaElement};

    use crate::components::link::{current_url, site_root};
    use crate::core::embed::{embed_url, iframe_snippet, resizing_snippet};
    use crate::dom::{attr, class, first, target};

    /// The URL of the host script, next to the app (`<base href>` + `embed.js`).
    fn script_url() -> String {
        let base = document().base_uri().ok().flatten().unwrap_or_default();
        web_sys::Url::new_with_base("embed.js", &base).map(|u| u.href()).unwrap_or_else(|_| "embed.js".into())
    }


    /// Selects a text field's text, for copying by hand where the Clipboard API is missing.
    fn select_text(field: &Element) {
        if let Some(input) = field.dyn_ref::<HtmlInputElement>() {
            let _ = input.focus();
            input.select();
        } else if let Some(area) = field.dyn_ref::<HtmlTextAreaElement>() {
            let _ = area.focus();
            area.select();
        }
    }

    pub fn take_over(root: web_sys::HtmlDivElement) {
        let root: Element = root.into();
        let url = current_url();
        // The link follows the view.
        if let Some(input) = first(&root, "#share-url").and_then(|i| i.dyn_into::<HtmlInputElement>().ok()) {
            Effect::new(move |_| input.set_value(&url.get()));
        }
        let listened = root.clone();
        crate::dom::listen(&listened, "click", move |ev: web_sys::Event| {
            let dialog = first(&root, "dialog").and_then(|d| d.dyn_into::<HtmlDialogElement>().ok());
            if let Some(button) = target(&ev, ".copy") {
                copy(&root, &button);
            } else if target(&ev, ".embed-open").is_some() {
                // The snippets are made when the dialog opens: the page's title is set by then.
                let title = Some(document().title()).filter(|t| !t.trim().is_empty()).unwrap_or_else(|| "Cohesion Explorer".into());
                let src = embed_url(&url.get_untracked(), &site_root());
                for (id, text) in [("#embed-plain", iframe_snippet(&src, &title, 640)), ("#embed-resizing", resizing_snippet(&src, &title, &script_url()))] {
                    if let Some(area) = first(&root, id).and_then(|a| a.dyn_into::<HtmlTextAreaElement>().ok()) {
                        area.set_value(&text);
                    }
                }
                if let Some(d) = dialog {
                    let _ = d.show_modal();
                }
            } else if target(&ev, ".embed-close").is_some() {
                if let Some(d) = dialog {
                    d.close();
                }
            }
        });
    }

    /// Copies the text of the button's field, and says so in the status beside it.
    fn copy(root: &Element, button: &Element) {
        let Some(field) = first(root, &format!("#{}", attr(button, "data-field"))) else { return };
        let status = button.next_element_sibling().filter(|s| s.class_list().contains("copy-status"));
        let say = move |which: &str| {
            if let Some(status) = &status {
                status.set_text_content(Some(&attr(status, which)));
            }
        };
        let clipboard = window().navigator().clipboard();
        let supported = js_sys::Reflect::has(&window().navigator(), &"clipboard".into()).unwrap_or(false);
        if supported {
            say("data-copying");
            let writing = clipboard.write_text(&crate::dom::value(&field));
            wasm_bindgen_futures::spawn_local(async move {
                if wasm_bindgen_futures::JsFuture::from(writing).await.is_ok() {
                    say("data-copied");
                }
            });
        } else {
            // The field shows, selected, for copying by hand.
            if let Some(actions) = first(root, ".view-actions") {
                class(&actions, "is-manual", true);
            }
            select_text(&field);
            say("data-selected");
        }
    }
}
