//! Share and embed the current view. Every view's state is in its URL, so sharing is copying
//! the URL; embedding is the same view's address under `/embed`, wrapped in a snippet.

use leptos::html::Dialog;
use leptos::prelude::*;

use crate::language::{t, ts, use_i18n};
use leptos_use_clipboard::use_clipboard;

use crate::components::link::current_url;

use crate::core::embed::{embed_url, iframe_snippet, resizing_snippet};

/// The URL of the host script, next to the app (`<base href>` + `embed.js`).
fn script_url() -> String {
    let base = document().base_uri().ok().flatten().unwrap_or_default();
    web_sys::Url::new_with_base("embed.js", &base)
        .map(|u| u.href())
        .unwrap_or_else(|_| "embed.js".into())
}

/// Selects a text field's text, for copying by hand where the Clipboard API is missing.
fn select_text(id: &str) {
    if let Some(el) = document().get_element_by_id(id) {
        use wasm_bindgen::JsCast;
        if let Some(field) = el.dyn_ref::<web_sys::HtmlTextAreaElement>() {
            let _ = field.focus();
            field.select();
        } else if let Some(field) = el.dyn_ref::<web_sys::HtmlInputElement>() {
            let _ = field.focus();
            field.select();
        }
    }
}

/// What the copy button last did, said in the interface's language.
#[derive(Clone, Copy, PartialEq)]
enum Said {
    Copying,
    Copied,
    Selected,
}

/// A copy button for a text field: the Clipboard API where there is one; otherwise the
/// field's text is selected so the person can copy it. Either way it says what happened.
#[component]
fn CopyButton(
    field: &'static str,
    label: Signal<String>,
    text: Signal<String>,
    /// Set when the text had to be selected for copying by hand (so its field shows).
    #[prop(optional)]
    manual: Option<RwSignal<bool>>,
) -> impl IntoView {
    let clipboard = use_clipboard();
    let said = RwSignal::new(None::<Said>);
    let i18n = use_i18n();
    let copy = clipboard.copy.clone();
    let supported = clipboard.is_supported;
    let copied = clipboard.copied;
    Effect::new(move |_| {
        if copied.get() {
            said.set(Some(Said::Copied));
        }
    });
    view! {
        <button type="button" class="button" on:click=move |_| {
            if supported.get_untracked() {
                copy(&text.get_untracked());
                said.set(Some(Said::Copying));
            } else {
                if let Some(m) = manual {
                    m.set(true);
                }
                select_text(field);
                said.set(Some(Said::Selected));
            }
        }>{label}</button>
        <span class="copy-status" role="status">{move || said.get().map(|s| match s {
            Said::Copying => t!(i18n, share.copying).into_any(),
            Said::Copied => t!(i18n, share.copied).into_any(),
            Said::Selected => t!(i18n, share.selected).into_any(),
        })}</span>
    }
}

/// "Share this view" and "Embed this view", above every page of the full explorer: an
/// island, as the link follows the view.
#[cfg_attr(any(feature = "ssr", feature = "islands"), island)]
#[cfg_attr(not(any(feature = "ssr", feature = "islands")), component)]
pub fn ShareActions() -> impl IntoView {
    let url = current_url();
    let i18n = use_i18n();
    let manual = RwSignal::new(false);
    let dialog = NodeRef::<Dialog>::new();
    let plain = RwSignal::new(String::new());
    let resizing = RwSignal::new(String::new());
    // The snippets are made when the dialog opens: the page's title is set by then.
    let open = move |_| {
        let title = Some(document().title())
            .filter(|t| !t.trim().is_empty())
            .unwrap_or_else(|| "Cohesion Explorer".into());
        let src = embed_url(&url.get_untracked(), &crate::components::link::site_root());
        plain.set(iframe_snippet(&src, &title, 640));
        resizing.set(resizing_snippet(&src, &title, &script_url()));
        if let Some(d) = dialog.get() {
            let _ = d.show_modal();
        }
    };
    let close = move |_| {
        if let Some(d) = dialog.get() {
            d.close();
        }
    };
    // A person's own measure is on their device only: its link opens it nowhere else.
    let route = crate::url::use_url().route;
    let on_device = move || match crate::core::site::Page::of(&route.get()) {
        crate::core::site::Page::Indicator(id) => id.starts_with("yours-"),
        _ => false,
    };
    view! {
        {move || on_device().then(|| view! { <p class="meta share-note">{t!(i18n, share.on_device)}</p> })}
        <div class="view-actions" class:is-manual=move || manual.get()>
            <input id="share-url" class="share-url" type="text" readonly aria-label=ts!(i18n, share.link_label) prop:value=move || url.get() />
            <CopyButton field="share-url" label=ts!(i18n, share.share) text=url manual />
            <button type="button" class="button secondary" aria-haspopup="dialog" on:click=open>{t!(i18n, share.embed)}</button>
        </div>
        <dialog class="embed-dialog" node_ref=dialog aria-labelledby="embed-title">
            <h2 id="embed-title">{t!(i18n, share.embed)}</h2>
            <p>{t!(i18n, share.intro)}</p>
            <label for="embed-resizing">{t!(i18n, share.resizing, <b> = <strong />)}</label>
            <textarea id="embed-resizing" readonly rows="5" prop:value=move || resizing.get()></textarea>
            <CopyButton field="embed-resizing" label=ts!(i18n, share.copy_resizing) text=resizing.into() />
            <label for="embed-plain">{t!(i18n, share.plain, <b> = <strong />)}</label>
            <textarea id="embed-plain" readonly rows="4" prop:value=move || plain.get()></textarea>
            <CopyButton field="embed-plain" label=ts!(i18n, share.copy_plain) text=plain.into() />
            <p class="meta">{t!(i18n, share.theming, <c> = <code />)}</p>
            <button type="button" class="button secondary" on:click=close>{t!(i18n, share.close)}</button>
        </dialog>
    }
}
