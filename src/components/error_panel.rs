//! A failed load, shown as a state of the page: what went wrong, where, and a way to retry.

use leptos::prelude::*;

use crate::fetch::LoadError;

#[component]
pub fn ErrorPanel(
    /// What could not be loaded, in a few words ("The framework data").
    what: &'static str,
    error: LoadError,
    /// Called by the retry button.
    retry: Callback<()>,
) -> impl IntoView {
    let lines = error.lines();
    let count = lines.len();
    view! {
        <section class="panel error" role="alert">
            <h2>{what} " could not be loaded"</h2>
            <p>{if count == 1 { "One problem was found:".to_string() } else { format!("{count} problems were found:") }}</p>
            // Text from files is rendered as text, never as HTML.
            <ul class="error-list">{lines.into_iter().map(|l| view! { <li><code>{l}</code></li> }).collect_view()}</ul>
            <button type="button" class="button" on:click=move |_| retry.run(())>"Try again"</button>
        </section>
    }
}

/// A placeholder with the rough shape of what is loading.
#[component]
pub fn Skeleton(label: &'static str) -> impl IntoView {
    view! {
        <div class="skeleton" role="status" aria-live="polite">
            <span class="visually-hidden">{label}</span>
            <div class="skeleton-bar"></div>
            <div class="skeleton-bar short"></div>
            <div class="skeleton-block"></div>
        </div>
    }
}
