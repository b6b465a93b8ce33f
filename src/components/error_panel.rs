//! A failed load, shown as a state of the page: what went wrong, where, and a way to retry.

use leptos::prelude::*;

use crate::fetch::LoadError;
use crate::language::{t, t_string, use_i18n};

#[component]
pub fn ErrorPanel(
    /// What could not be loaded, in a few words ("The framework data").
    #[prop(into)]
    what: Signal<String>,
    error: LoadError,
    /// Called by the retry button.
    retry: Callback<()>,
) -> impl IntoView {
    let lines = error.lines();
    let count = lines.len();
    let i18n = use_i18n();
    view! {
        <section class="panel error" role="alert">
            <h2>{t_string!(i18n, load.failed, what = what.get()).to_string()}</h2>
            <p>{move || if count == 1 { t!(i18n, load.one_problem).into_any() } else { t_string!(i18n, load.problems, count = count).to_string().into_any() }}</p>
            // Text from files is rendered as text, never as HTML. The messages are in English.
            // Offline: say plainly that this page's figures were never saved here.
            {crate::offline::is_offline().then(|| view! { <p class="offline-explained">{t!(i18n, offline.not_saved)}</p> })}
            <ul class="error-list" lang="en">{lines.into_iter().map(|l| view! { <li><code>{l}</code></li> }).collect_view()}</ul>
            <button type="button" class="button" on:click=move |_| retry.run(())>{t!(i18n, load.retry)}</button>
        </section>
    }
}

/// A placeholder with the rough shape of what is loading.
#[component]
pub fn Skeleton(#[prop(into)] label: Signal<String>) -> impl IntoView {
    view! {
        <div class="skeleton" role="status" aria-live="polite">
            <span class="visually-hidden">{label}</span>
            <div class="skeleton-bar"></div>
            <div class="skeleton-bar short"></div>
            <div class="skeleton-block"></div>
        </div>
    }
}
