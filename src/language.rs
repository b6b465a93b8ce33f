//! The interface language: English or te reo Māori, chosen at start-up by
//! `core::language::choose` (URL, then remembered, then browser, then English), switched by
//! the header's language button, remembered in localStorage and carried in the URL as
//! `lang=mi` on every link and navigation (see `components/link.rs`).
//!
//! The strings themselves are in `locales/en.json` and `locales/mi.json`, compiled in by
//! `leptos_i18n`; views use its `t!` (text nodes) and `t_string!` (attributes).

use std::cell::Cell;

use leptos::prelude::*;
use leptos_i18n::context::init_i18n_subcontext;
use leptos_i18n::{I18nContext, Locale as _};

use crate::core::indicators::model::format_number;
use crate::core::indicators::query::Verdict;
use crate::core::indicators::Unit;
use crate::core::language;
use crate::core::links::query_value;
pub use crate::i18n::{t, t_string, td_string, use_i18n, Locale};

/// A translated string as a `Signal<String>` that follows the language, for props and
/// attributes that take one: `ts!(i18n, load.framework_data)`.
macro_rules! ts {
    ($i18n:expr, $($key:tt)+) => {{
        let i18n = $i18n;
        ::leptos::prelude::Signal::derive(move || $crate::language::t_string!(i18n, $($key)+).to_string())
    }};
}
pub(crate) use ts;

thread_local! {
    /// The current language's code, for the plain functions that build links. Written at
    /// start-up and by a switch, before the locale signal changes, so links rebuilt on that
    /// change already carry the new language.
    static CURRENT: Cell<&'static str> = const { Cell::new(language::DEFAULT) };
}

/// The current interface language's code (`en`, `mi`), untracked.
pub fn current() -> &'static str {
    CURRENT.with(Cell::get)
}

/// Sets up the language for the whole app and returns its context.
pub fn provide_language() -> I18nContext<Locale> {
    let chosen = language::choose(
        url_param().as_deref(),
        remembered().as_deref(),
        &browser_languages(),
    );
    CURRENT.with(|c| c.set(chosen));
    let locale = chosen.parse::<Locale>().unwrap_or_default();
    // A sub-context takes an initial locale, which the top-level one (cookie or browser only)
    // does not; with no parent it is the app's one context.
    let i18n = init_i18n_subcontext::<Locale>(Some(Signal::stored(locale)));
    provide_context(i18n);
    i18n
}

/// The current locale as a signal; English when no language context exists (a component
/// rendered on its own in a browser test).
pub fn use_locale() -> Signal<Locale> {
    match use_context::<I18nContext<Locale>>() {
        Some(i18n) => Signal::derive(move || i18n.get_locale()),
        None => Signal::stored(Locale::default()),
    }
}

/// A value with its unit, in the interface's language: "7.1 out of 10", "7.1 i te 10".
pub fn value_text(i18n: I18nContext<Locale>, value: f64, unit: Unit) -> String {
    let v = format_number(value);
    match unit {
        Unit::Percent => format!("{v}%"),
        Unit::MeanScore10 => t_string!(i18n, unit.out_of_10, value = v).to_string(),
        Unit::Ratio => t_string!(i18n, unit.ratio, value = v).to_string(),
        Unit::Count => v,
    }
}

/// A difference between two values with its unit: percentages differ by points, scores by
/// a bare number; the rest as values.
pub fn difference_text(i18n: I18nContext<Locale>, value: f64, unit: Unit) -> String {
    match unit {
        Unit::Percent => t_string!(i18n, unit.points, value = format_number(value)).to_string(),
        Unit::MeanScore10 => format_number(value),
        Unit::Ratio | Unit::Count => value_text(i18n, value, unit),
    }
}

/// A group's name: the interface's word for the whole population, else the data's name.
pub fn group_name(i18n: I18nContext<Locale>, group_type: &str, group: &str) -> String {
    if group_type == "total" {
        t_string!(i18n, indicator.everyone).to_string()
    } else {
        group.to_string()
    }
}

/// The words a chart draws, in the interface's language.
pub fn chart_words(i18n: I18nContext<Locale>, unit: Unit) -> crate::charts::options::Words {
    crate::charts::options::Words {
        everyone: t_string!(i18n, indicator.everyone).to_string(),
        unit: unit_name(i18n, unit),
        difference_axis: match unit {
            Unit::Percent => t_string!(i18n, chart.difference_points).to_string(),
            _ => t_string!(i18n, chart.difference_in, unit = unit_name(i18n, unit)).to_string(),
        },
        difference: t_string!(i18n, chart.difference).to_string(),
    }
}

/// A unit's name.
pub fn unit_name(i18n: I18nContext<Locale>, unit: Unit) -> String {
    match unit {
        Unit::Percent => t_string!(i18n, unit_name.percent),
        Unit::MeanScore10 => t_string!(i18n, unit_name.score),
        Unit::Ratio => t_string!(i18n, unit_name.ratio),
        Unit::Count => t_string!(i18n, unit_name.count),
    }
    .to_string()
}

/// A change's verdict in words.
pub fn verdict_text(i18n: I18nContext<Locale>, verdict: Verdict) -> String {
    match verdict {
        Verdict::Improved => t_string!(i18n, verdict.improved),
        Verdict::Worsened => t_string!(i18n, verdict.worsened),
        Verdict::Increased => t_string!(i18n, verdict.increased),
        Verdict::Decreased => t_string!(i18n, verdict.decreased),
        Verdict::NoSignificantChange => t_string!(i18n, verdict.no_significant_change),
        Verdict::NoChange => t_string!(i18n, verdict.no_change),
    }
    .to_string()
}

/// The code of `locale`, as one of `core::language::LANGUAGES`.
pub fn code_of(locale: Locale) -> &'static str {
    language::known(locale.as_str()).unwrap_or(language::DEFAULT)
}

/// A function that switches the interface to a locale: it remembers the choice and puts it
/// in the current URL without a new history entry (the view is the same view, in another
/// language), through the router so that its location, and every link, follow.
pub fn use_switch() -> impl Fn(Locale) + Clone {
    let i18n = use_i18n();
    let navigate = crate::components::link::use_navigate();
    move |locale: Locale| {
        let code = code_of(locale);
        CURRENT.with(|c| c.set(code));
        i18n.set_locale(locale);
        if let Ok(Some(storage)) = window().local_storage() {
            // A private window may refuse storage; the URL still carries the choice.
            let _ = storage.set_item(language::STORAGE_KEY, code);
        }
        let location = window().location();
        let pathname = location.pathname().unwrap_or_default();
        let base = crate::components::link::base_path();
        let path = pathname.strip_prefix(base.as_str()).unwrap_or(&pathname);
        let search = location.search().unwrap_or_default();
        let query = language::set_in_query(search.trim_start_matches('?'), code);
        let to = format!(
            "{}{}{query}{}",
            if path.is_empty() { "/" } else { path },
            if query.is_empty() { "" } else { "?" },
            location.hash().unwrap_or_default()
        );
        navigate(
            &to,
            leptos_router::NavigateOptions {
                replace: true,
                scroll: false,
                ..Default::default()
            },
        );
    }
}

fn url_param() -> Option<String> {
    query_value(&window().location().search().ok()?, language::PARAM)
}

fn remembered() -> Option<String> {
    window()
        .local_storage()
        .ok()
        .flatten()?
        .get_item(language::STORAGE_KEY)
        .ok()
        .flatten()
}

fn browser_languages() -> Vec<String> {
    window()
        .navigator()
        .languages()
        .iter()
        .filter_map(|l| l.as_string())
        .collect()
}
