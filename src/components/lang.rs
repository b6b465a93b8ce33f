//! Te reo Māori inside English text, marked `lang="mi"` so screen readers and translation
//! tools treat each term as te reo. Which terms to mark comes from the framework manifest
//! (`mi_terms`); the splitting is `core::text::lang_spans`.

use leptos::prelude::*;

use crate::core::text::lang_spans;
use crate::language::{group_name, I18n};

/// `text` with each te reo term wrapped by `mi` and the rest left as plain text.
fn spans(text: &str, terms: &[String], mi: impl Fn(String) -> AnyView) -> AnyView {
    lang_spans(text, terms)
        .into_iter()
        .map(|s| if s.mi { mi(s.text) } else { s.text.into_any() })
        .collect_view()
        .into_any()
}

/// A table's row header for a group: the interface's word for everyone (in the interface's
/// language), else the group's name as the data gives it (English, and marked so).
pub fn group_cell(i18n: I18n, group_type: &str, group: &str) -> AnyView {
    let name = group_name(i18n, group_type, group);
    if group_type == "total" {
        view! { <th scope="row">{name}</th> }.into_any()
    } else {
        view! { <th scope="row" lang="en">{name}</th> }.into_any()
    }
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
