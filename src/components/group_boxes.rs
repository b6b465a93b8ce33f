//! The boxes a person ticks to choose groups (an indicator's page, the profile): one per group,
//! written by the build with the chosen ones ticked and the rest disabled once the chart is
//! full, and kept so by the page's island as the choice changes.

use leptos::prelude::*;

use crate::core::indicators::view::{GroupRef, MAX_SERIES};

/// Whether no more groups can be chosen.
pub fn full(chosen: &[GroupRef]) -> bool {
    chosen.len() >= MAX_SERIES - 1
}

/// Group `g`'s box, ticked if `on`, disabled if not and the chart is `full`.
pub fn group_box(g: &GroupRef, on: bool, full: bool) -> impl IntoView {
    let label = format!("{} ({})", g.group, g.group_type.replace('_', " "));
    view! {
        <label class="check">
            <input type="checkbox" data-group=g.to_param() checked=on disabled=!on && full />
            <span lang="en">{label}</span>
        </label>
    }
}

/// Keeps the boxes under `root` ticked as `chosen` says (tracked), the rest disabled once the
/// chart is full.
#[cfg(feature = "hydrate")]
pub fn follow_group_boxes(root: &web_sys::Element, chosen: impl Fn() -> Vec<GroupRef> + 'static) {
    use wasm_bindgen::JsCast;
    let boxes: Vec<web_sys::HtmlInputElement> = crate::dom::all(root, "input[data-group]").into_iter().filter_map(|b| b.dyn_into().ok()).collect();
    Effect::new(move |_| {
        let chosen = chosen();
        let full = full(&chosen);
        for b in boxes.iter().filter(|b| !crate::dom::awaiting_replay(b)) {
            let on = GroupRef::parse(&crate::dom::attr(b, "data-group")).is_some_and(|g| chosen.contains(&g));
            if b.checked() != on {
                b.set_checked(on);
            }
            b.set_disabled(!on && full);
        }
    });
}

/// The groups chosen once box `b` says what it says now: its group added if ticked, taken
/// out if not. Read from the box rather than toggled, so a change told twice, or told of a
/// box the browser gave back ticked (the back button), changes nothing more.
#[cfg(feature = "hydrate")]
pub fn chosen_with_box(b: &web_sys::Element, now: &[GroupRef]) -> Option<Vec<GroupRef>> {
    use wasm_bindgen::JsCast;
    let g = GroupRef::parse(&crate::dom::attr(b, "data-group"))?;
    let on = b.dyn_ref::<web_sys::HtmlInputElement>()?.checked();
    let mut next = now.to_vec();
    match (on, now.contains(&g)) {
        (true, false) => next.push(g),
        (false, true) => next.retain(|c| *c != g),
        _ => {}
    }
    Some(next)
}
