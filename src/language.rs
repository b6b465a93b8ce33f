//! The interface language: English or te reo Māori. A page's language is in its address
//! (`/mi/...`, see `core::site`), so it is fixed for the page's life: switching language is
//! following a link to the same view at the other address, which arrives prerendered in that
//! language. That is also why the strings are plain text, not reactive nodes: nothing on a page
//! ever changes language.
//!
//! The strings themselves are in `locales/en.json` and `locales/mi.json`, compiled in by
//! `leptos_i18n`. Views write `t!(i18n, key)` (a view) and `t_string!(i18n, key)` (text, for
//! attributes); `ts!` gives a `Signal<String>` for props that take one.

use leptos::prelude::*;

use crate::core::indicators::model::format_number;
use crate::core::indicators::query::Verdict;
use crate::core::indicators::Unit;
use crate::core::language;
pub use crate::i18n::{td, td_string, Locale};

/// The page's language, as a small `Copy` value views pass around.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct I18n(Locale);

impl I18n {
    pub fn get_locale(&self) -> Locale {
        self.0
    }
}

/// A translated string as a view, in the page's language: `t!(i18n, nav.about)`.
macro_rules! t {
    ($i18n:expr, $($rest:tt)+) => {
        $crate::language::td!($i18n.get_locale(), $($rest)+)
    };
}
pub(crate) use t;

/// A translated string as text: `t_string!(i18n, nav.about)`.
macro_rules! t_string {
    ($i18n:expr, $($rest:tt)+) => {
        $crate::language::td_string!($i18n.get_locale(), $($rest)+)
    };
}
pub(crate) use t_string;

/// A translated string as a `Signal<String>`, for props that take one.
macro_rules! ts {
    ($i18n:expr, $($key:tt)+) => {{
        ::leptos::prelude::Signal::stored($crate::language::t_string!($i18n, $($key)+).to_string())
    }};
}
pub(crate) use ts;

/// Sets the page's language for everything below. Called once, in the app's root.
pub fn provide_language(code: &str) -> I18n {
    let i18n = I18n(locale_of(code));
    provide_context(i18n);
    i18n
}

/// The page's language; English where none was provided (a component mounted on its own in
/// a browser test).
pub fn use_i18n() -> I18n {
    use_context::<I18n>().unwrap_or(I18n(Locale::en))
}

/// The locale for a language code; English for anything unknown.
pub fn locale_of(code: &str) -> Locale {
    match language::known(code) {
        Some("mi") => Locale::mi,
        _ => Locale::en,
    }
}

/// The code of `locale`, as one of `core::language::LANGUAGES`.
pub fn code_of(locale: Locale) -> &'static str {
    match locale {
        Locale::en => "en",
        Locale::mi => "mi",
    }
}

/// Remembers a person's choice of language, so an address that names none opens in it.
pub fn remember(code: &str) {
    if let Ok(Some(storage)) = window().local_storage() {
        // A private window may refuse storage; the address still carries the choice.
        let _ = storage.set_item(language::STORAGE_KEY, code);
    }
}

/// A value with its unit, in the interface's language: "7.1 out of 10", "7.1 i te 10".
pub fn value_text(i18n: I18n, value: f64, unit: Unit) -> String {
    let v = format_number(value);
    match unit {
        Unit::Percent => format!("{v}%"),
        Unit::MeanScore10 => t_string!(i18n, unit.out_of_10, value = v).to_string(),
        Unit::Ratio => t_string!(i18n, unit.ratio, value = v).to_string(),
        Unit::Count | Unit::Index => v,
    }
}

/// A difference between two values with its unit: percentages differ by points, scores by
/// a bare number; the rest as values.
pub fn difference_text(i18n: I18n, value: f64, unit: Unit) -> String {
    match unit {
        Unit::Percent => t_string!(i18n, unit.points, value = format_number(value)).to_string(),
        Unit::MeanScore10 => format_number(value),
        Unit::Ratio | Unit::Count | Unit::Index => value_text(i18n, value, unit),
    }
}

/// A period in the interface's language: years and quarters as they are written everywhere,
/// the twelve months to a month with the month's name ("year to Oct 2023",
/// "te tau ki Whiringa-ā-nuku 2023").
pub fn period_text(i18n: I18n, period: crate::core::indicators::Period) -> String {
    use crate::core::indicators::Period;
    let Period::YearTo(year, month) = period else {
        return period.to_string();
    };
    let month = match month {
        1 => t_string!(i18n, period.m1),
        2 => t_string!(i18n, period.m2),
        3 => t_string!(i18n, period.m3),
        4 => t_string!(i18n, period.m4),
        5 => t_string!(i18n, period.m5),
        6 => t_string!(i18n, period.m6),
        7 => t_string!(i18n, period.m7),
        8 => t_string!(i18n, period.m8),
        9 => t_string!(i18n, period.m9),
        10 => t_string!(i18n, period.m10),
        11 => t_string!(i18n, period.m11),
        _ => t_string!(i18n, period.m12),
    };
    t_string!(i18n, period.year_to, month, year).to_string()
}

/// A group's name: the interface's word for the whole population, else the data's name.
pub fn group_name(i18n: I18n, group_type: &str, group: &str) -> String {
    if group_type == "total" {
        t_string!(i18n, indicator.everyone).to_string()
    } else {
        group.to_string()
    }
}

/// The words a chart draws, in the interface's language.
pub fn chart_words(i18n: I18n, unit: Unit) -> crate::charts::options::Words {
    crate::charts::options::Words {
        everyone: t_string!(i18n, indicator.everyone).to_string(),
        unit: unit_name(i18n, unit),
        difference_axis: match unit {
            Unit::Percent => t_string!(i18n, chart.difference_points).to_string(),
            _ => t_string!(i18n, chart.difference_in, unit = unit_name(i18n, unit)).to_string(),
        },
        difference: t_string!(i18n, chart.difference).to_string(),
        interval: t_string!(i18n, chart.interval).to_string(),
        periods: Vec::new(),
        series_break: t_string!(i18n, chart.series_break).to_string(),
    }
}

/// The chart's words with the labels of the periods that are words (the twelve months to a
/// month), for a time axis.
pub fn time_words(i18n: I18n, unit: Unit, periods: &[crate::core::indicators::Period]) -> crate::charts::options::Words {
    use crate::core::indicators::Period;
    let mut words = chart_words(i18n, unit);
    words.periods = periods
        .iter()
        .filter(|p| matches!(p, Period::YearTo(..)))
        .map(|&p| (p, period_text(i18n, p)))
        .collect();
    words
}

/// A unit's name.
pub fn unit_name(i18n: I18n, unit: Unit) -> String {
    match unit {
        Unit::Percent => t_string!(i18n, unit_name.percent),
        Unit::MeanScore10 => t_string!(i18n, unit_name.score),
        Unit::Ratio => t_string!(i18n, unit_name.ratio),
        Unit::Count => t_string!(i18n, unit_name.count),
        Unit::Index => t_string!(i18n, unit_name.index),
    }
    .to_string()
}

/// A change's verdict in words.
pub fn verdict_text(i18n: I18n, verdict: Verdict) -> String {
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
