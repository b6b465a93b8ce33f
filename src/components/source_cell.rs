//! A figure's source as a table cell: the release it comes from (its primary source), linked
//! to the release where its address is known and otherwise to the page where the figure was
//! read, labelled as such; then the row's note. Text from the data is rendered as text.

use leptos::prelude::*;

use crate::core::indicators::{Observation, SourceLink};
use crate::language::{t_string, I18n};

/// A link's words: "the release", or "where it was read".
pub fn link_words(i18n: I18n, link: SourceLink<'_>) -> String {
    match link {
        SourceLink::Release(_) => t_string!(i18n, indicator.release),
        SourceLink::ReadAt(_) => t_string!(i18n, indicator.read_at),
    }
    .to_string()
}

#[component]
pub fn SourceCell(i18n: I18n, row: Observation, label: String) -> impl IntoView {
    let link = row.link().map(|l| (l.href().to_string(), link_words(i18n, l)));
    let note = (!row.note.is_empty()).then(|| {
        view! { <span class="row-note"><span class="note-label">{t_string!(i18n, indicator.note).to_string()}": "</span><span lang="en">{row.note.clone()}</span></span> }
    });
    view! {
        // One child, so a table stacked on a phone keeps it beside its label.
        <td class="source-cell" data-label=label>
            <div>
                <span lang="en">{row.source.clone()}</span>
                {link.map(|(href, words)| view! { " (" <a href=href target="_blank" rel="noopener noreferrer">{words}</a> ")" })}
                {note}
            </div>
        </td>
    }
}
