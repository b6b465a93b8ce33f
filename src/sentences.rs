//! The sentences the app writes about the figures, in the interface's language, from the
//! facts the core returns (`core::indicators::view::summary_facts`, `breakdown`). A sentence
//! is a run of pieces: the interface's own words, and text from the data (an indicator's
//! title, a group's name), which stays as published and is marked `lang="en"`.

use leptos::prelude::*;

use crate::core::indicators::breakdown::{behind, gap_side, group_bars, Breakdown, GapSide};
use crate::core::indicators::model::format_number;
use crate::core::indicators::query::Gap;
use crate::core::indicators::view::Summary;
use crate::core::indicators::{Direction, Indicator, Period, Unit};
use crate::language::{period_text, t_string, value_text, verdict_text, I18n};

/// A sentence: `(text, from_data)` pieces in order.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Sentence(Vec<(String, bool)>);

impl Sentence {
    fn words(mut self, text: impl Into<String>) -> Self {
        self.0.push((text.into(), false));
        self
    }

    fn data(mut self, text: impl Into<String>) -> Self {
        self.0.push((text.into(), true));
        self
    }

    /// The sentence as plain text (for a meta description).
    pub fn text(&self) -> String {
        self.0.iter().map(|(t, _)| t.as_str()).collect()
    }

    /// The sentence as HTML: data text in `<span lang="en">` when the page is not English.
    pub fn view(&self, i18n: I18n) -> AnyView {
        let english = crate::language::code_of(i18n.get_locale()) == "en";
        self.0
            .iter()
            .map(|(t, from_data)| {
                if *from_data && !english {
                    view! { <span lang="en">{t.clone()}</span> }.into_any()
                } else {
                    t.clone().into_any()
                }
            })
            .collect_view()
            .into_any()
    }
}

impl Sentence {
    /// Writes the sentence into `el` (in place of what it held), as [`Sentence::view`] would:
    /// text nodes, data text in `<span lang="en">` when the page is not English. For an
    /// island that changes a sentence the build wrote.
    #[cfg(feature = "hydrate")]
    pub fn fill(&self, el: &web_sys::Element, i18n: I18n) {
        let english = crate::language::code_of(i18n.get_locale()) == "en";
        el.set_text_content(None);
        for (t, from_data) in &self.0 {
            if *from_data && !english {
                if let Ok(span) = document().create_element("span") {
                    let _ = span.set_attribute("lang", "en");
                    span.set_text_content(Some(t));
                    let _ = el.append_child(&span);
                }
            } else {
                let _ = el.append_child(&document().create_text_node(t));
            }
        }
    }
}

/// What the chart shows: "Trust in the police: 7.4 out of 10 in 2023 (worsened since 2021,
/// not tested for significance); Māori 8.5 out of 10 in 2023."
pub fn summary(i18n: I18n, indicator: &Indicator, facts: &Summary) -> Sentence {
    let unit = indicator.unit;
    let mut s = Sentence::default().data(indicator.title.clone()).words(": ");
    match facts.latest {
        Some((value, period)) => s = s.words(latest_words(i18n, value, period, unit)),
        None if facts.groups_only && !facts.groups.is_empty() => {
            s = s.words(t_string!(i18n, sentence.groups_only).to_string());
        }
        None => return Sentence::default().words(t_string!(i18n, sentence.none).to_string()),
    }
    if let Some(c) = facts.change {
        let change = t_string!(
            i18n,
            sentence.change,
            verdict = verdict_text(i18n, c.verdict),
            from = period_text(i18n, c.from)
        )
        .to_string();
        s = s.words(" (").words(change);
        if c.significant.is_none() {
            s = s.words(", ").words(t_string!(i18n, sentence.untested).to_string());
        }
        s = s.words(")");
    }
    for (group, value, period) in &facts.groups {
        s = s
            .words("; ")
            .data(group.group.clone())
            .words(" ")
            .words(latest_words(i18n, *value, *period, unit));
    }
    s = s.words(".");
    if let Some(at) = facts.break_at {
        s = s
            .words(" ")
            .words(t_string!(i18n, sentence.series_break, period = period_text(i18n, at)).to_string());
    }
    s
}

fn latest_words(i18n: I18n, value: f64, period: Period, unit: Unit) -> String {
    t_string!(
        i18n,
        sentence.latest,
        value = value_text(i18n, value, unit),
        period = period_text(i18n, period)
    )
    .to_string()
}

/// The breakdown chart in one sentence: the highest and the lowest group.
pub fn breakdown(i18n: I18n, indicator: &Indicator, b: &Breakdown) -> Sentence {
    let groups = group_bars(b);
    let period = period_text(i18n, b.period);
    let value = |v: f64| format!(" ({})", value_text(i18n, v, indicator.unit));
    match (groups.first(), groups.last()) {
        (Some(hi), Some(lo)) if groups.len() > 1 => Sentence::default()
            .words(t_string!(i18n, sentence.bars_many, period, count = groups.len()).to_string())
            .words(" ")
            .data(hi.group.group.clone())
            .words(value(hi.value))
            .words(t_string!(i18n, sentence.bars_lowest).to_string())
            .words(" ")
            .data(lo.group.group.clone())
            .words(value(lo.value))
            .words("."),
        (Some(only), _) => Sentence::default()
            .words(t_string!(i18n, sentence.bars_one, period).to_string())
            .words(" ")
            .data(only.group.group.clone())
            .words(value(only.value))
            .words("."),
        _ => Sentence::default().words(t_string!(i18n, sentence.bars_none, period).to_string()),
    }
}

/// A gap in words, the right way round for the indicator: "3.2 points worse than everyone".
pub fn gap_words(i18n: I18n, gap: &Gap, unit: Unit, direction: Direction) -> String {
    let size = match unit {
        Unit::Percent | Unit::MeanScore10 => {
            t_string!(i18n, unit.points, value = format_number(gap.difference.abs())).to_string()
        }
        Unit::Ratio | Unit::Count | Unit::Index => value_text(i18n, gap.difference.abs(), unit),
    };
    match gap_side(gap, direction) {
        GapSide::Same => t_string!(i18n, sentence.gap_same).to_string(),
        GapSide::Worse => t_string!(i18n, sentence.gap_worse, size).to_string(),
        GapSide::Better => t_string!(i18n, sentence.gap_better, size).to_string(),
        GapSide::Higher => t_string!(i18n, sentence.gap_higher, size).to_string(),
        GapSide::Lower => t_string!(i18n, sentence.gap_lower, size).to_string(),
    }
}

/// The gap chart in one sentence: how many groups are behind, and the one furthest behind.
pub fn gaps(i18n: I18n, indicator: &Indicator, b: &Breakdown) -> Sentence {
    let period = period_text(i18n, b.period);
    let (Some(first), Some(last)) = (b.gaps.first(), b.gaps.last()) else {
        return Sentence::default().words(t_string!(i18n, sentence.gaps_none, period).to_string());
    };
    let (unit, direction) = (indicator.unit, indicator.direction);
    let count = behind(b, direction);
    let (opening, gap) = if direction == Direction::Neutral {
        (t_string!(i18n, sentence.gaps_largest, period).to_string(), first)
    } else if count == 0 {
        (t_string!(i18n, sentence.gaps_none_behind, period).to_string(), last)
    } else if count == 1 {
        (t_string!(i18n, sentence.gaps_behind_one, period).to_string(), first)
    } else {
        (t_string!(i18n, sentence.gaps_behind_many, period, count).to_string(), first)
    };
    Sentence::default()
        .words(opening)
        .words(" ")
        .data(gap.group.clone())
        .words(": ")
        .words(gap_words(i18n, gap, unit, direction))
        .words(".")
}

/// A published interval in words, with its level: "18.8% to 23.1% (95% confidence interval)",
/// or "(error bars; the release does not state their level)"; "not published" without one.
pub fn interval(i18n: I18n, o: &crate::core::indicators::Observation, unit: Unit) -> String {
    use crate::core::indicators::query::{has_flag, FLAG_LEVEL_UNSTATED};
    let (Some(lower), Some(upper)) = (o.lower, o.upper) else {
        return t_string!(i18n, indicator.not_published).to_string();
    };
    let level = if has_flag(&o.flags, FLAG_LEVEL_UNSTATED) {
        t_string!(i18n, indicator.level_unstated)
    } else {
        t_string!(i18n, indicator.level_95)
    };
    let range = t_string!(
        i18n,
        indicator.range,
        lower = value_text(i18n, lower, unit),
        upper = value_text(i18n, upper, unit)
    );
    format!("{range} ({level})")
}
