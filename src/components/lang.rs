//! Te reo Māori inside English text, marked `lang="mi"` so screen readers and translation
//! tools treat each term as te reo. Which terms to mark comes from the framework manifest
//! (`mi_terms`); the splitting is `core::text::lang_spans`.

use leptos::prelude::*;

use crate::core::text::lang_spans;

/// `text` with each te reo term wrapped by `mi` and the rest left as plain text.
fn spans(text: &str, terms: &[String], mi: impl Fn(String) -> AnyView) -> AnyView {
    lang_spans(text, terms)
        .into_iter()
        .map(|s| if s.mi { mi(s.text) } else { s.text.into_any() })
        .collect_view()
        .into_any()
}

/// `text` as HTML, each te reo term in its own `<span lang="mi">`.
pub fn marked(text: &str, terms: &[String]) -> AnyView {
    spans(text, terms, |t| {
        view! { <span lang="mi">{t}</span> }.into_any()
    })
}

/// `text` inside an SVG `<text>`, each te reo term in its own `<tspan lang="mi">`.
pub fn marked_svg(text: &str, terms: &[String]) -> AnyView {
    spans(text, terms, |t| {
        view! { <tspan lang="mi">{t}</tspan> }.into_any()
    })
}
