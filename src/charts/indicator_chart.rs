//! An indicator page's charts (its lines over time, and its breakdown's two), as the page asks
//! the chart module for them: not the chart's data as JSON (which would bring serde's JSON writer
//! and every type's derived code into the page's own module) but the page's slice as it has it
//! (`core::indicators::slice_text`), the choice that makes the view, and the words in the
//! page's language. The module works out the view as the page does (`Page::view`) and builds the
//! options; the build does the same for the pictures it draws, so both say the same.

use std::sync::Arc;

use super::options::{Look, Words};
use super::request::{options_with, page_text, read_page_text, ChartRequest, ChartSource, Plot};
use crate::core::fingerprint::Fingerprint;
use crate::core::indicators::breakdown::breakdown;
use crate::core::indicators::page::{Choice, Page, Slice};
use crate::core::indicators::view::periods;
use crate::core::indicators::Period;
use crate::core::records::record;

/// Which of the page's charts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Shown {
    /// The view's lines over time, with their bands.
    Lines,
    /// The latest period by group.
    ByGroup,
    /// Each group's gap to everyone in the latest period.
    Gaps,
}

impl Shown {
    const ALL: [Shown; 3] = [Shown::Lines, Shown::ByGroup, Shown::Gaps];

    fn name(self) -> &'static str {
        match self {
            Shown::Lines => "lines",
            Shown::ByGroup => "by-group",
            Shown::Gaps => "gaps",
        }
    }
}

/// One of an indicator page's charts, in a look, with its words.
#[derive(Debug, Clone, PartialEq)]
pub struct IndicatorChart {
    pub shown: Shown,
    pub look: Look,
    /// The chart's accessible name, in the page's language.
    pub label: String,
    pub words: Words,
    /// The view the lines show (the breakdown's charts are the same for every view).
    pub choice: Choice,
    /// The page's slice, as text.
    pub slice: Arc<str>,
}

impl IndicatorChart {
    /// Everything but the slice (which is the page's, whatever it shows).
    fn head(&self) -> String {
        let mut out = String::new();
        let look = if self.look.dark { "dark" } else { "light" };
        record(&mut out, "chart", &[self.shown.name().to_string(), look.to_string(), self.label.clone()]);
        let w = &self.words;
        let mut words = vec![
            w.everyone.clone(),
            w.unit.clone(),
            w.difference_axis.clone(),
            w.difference.clone(),
            w.interval.clone(),
            w.series_break.clone(),
            w.periods.len().to_string(),
        ];
        for (period, text) in &w.periods {
            words.extend([period.to_string(), text.clone()]);
        }
        record(&mut out, "words", &words);
        record(&mut out, "choice", &self.choice.fields());
        out
    }

    /// Reads what [`ChartSource::module_text`] wrote: the chart, the background of a downloaded
    /// image, and the slice.
    fn read(text: &str) -> Option<(IndicatorChart, Option<String>, Slice)> {
        let (head, background, slice) = read_page_text(text)?;
        let (mut chart, mut words, mut choice) = (None, None, None);
        for line in &head {
            let mut f = line.iter().map(String::as_str);
            match f.next()? {
                "chart" => {
                    let shown = f.next()?;
                    let shown = Shown::ALL.into_iter().find(|s| s.name() == shown)?;
                    let dark = f.next()? == "dark";
                    chart = Some((shown, Look { dark }, f.next()?.to_string()));
                }
                "words" => {
                    let mut text = || f.next().map(str::to_string);
                    let mut w = Words {
                        everyone: text()?,
                        unit: text()?,
                        difference_axis: text()?,
                        difference: text()?,
                        interval: text()?,
                        series_break: text()?,
                        periods: Vec::new(),
                    };
                    let n: usize = f.next()?.parse().ok()?;
                    for _ in 0..n {
                        w.periods.push((Period::parse(f.next()?)?, f.next()?.to_string()));
                    }
                    words = Some(w);
                }
                "choice" => choice = Some(Choice::read(&mut f)?),
                _ => return None,
            }
            if f.next().is_some() {
                return None;
            }
        }
        let ((shown, look, label), words, choice) = (chart?, words?, choice?);
        let slice_text: Arc<str> = Arc::from(slice);
        let slice = Slice::from_text(slice).ok()?;
        Some((IndicatorChart { shown, look, label, words, choice, slice: slice_text }, background, slice))
    }

    /// The chart's data, worked out from the page's figures.
    fn request_from(&self, page: &Page) -> Result<ChartRequest, String> {
        let words = self.words.clone();
        let plot = match self.shown {
            Shown::Lines => {
                let view = page.view(&self.choice, &words.everyone);
                Plot::TimeSeries { periods: periods(&view.series), series: view.series, words }
            }
            Shown::ByGroup | Shown::Gaps => {
                let indicator = &page.slice.indicator;
                let b = breakdown(page.store(), &indicator.id).ok_or("the indicator has no groups to chart")?;
                match self.shown {
                    Shown::ByGroup => Plot::Breakdown { breakdown: b, unit: indicator.unit, words },
                    _ => Plot::Gaps { breakdown: b, words },
                }
            }
        };
        Ok(ChartRequest::new(plot, self.look, self.label.clone()))
    }

    /// What the chart module answers for a chart asked for as text: its options, or why not.
    pub fn answer(text: &str) -> Result<String, String> {
        let (chart, background, slice) = IndicatorChart::read(text).ok_or("the chart's data could not be read")?;
        let request = chart.request_from(&Page::new(slice))?;
        Ok(options_with(request, background))
    }
}

impl ChartSource for IndicatorChart {
    fn look(&self) -> Look {
        self.look
    }

    fn in_look(&self, look: Look) -> Self {
        IndicatorChart { look, ..self.clone() }
    }

    fn fingerprint(&self) -> String {
        Fingerprint::of([self.head().as_str()]).0
    }

    fn module_text(&self, background: Option<&str>) -> String {
        page_text(self.head(), background, &self.slice)
    }

    fn options_json(&self) -> String {
        Slice::from_text(&self.slice)
            .and_then(|slice| self.request_from(&Page::new(slice)))
            .map(|r| r.options_json())
            .unwrap_or_else(|_| "{}".into())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::indicators::view::GroupRef;
    use crate::core::indicators::Unit;

    fn chart(shown: Shown, choice: Choice) -> IndicatorChart {
        let slice = grouped_slice();
        let mut words = Words::english(Unit::Percent);
        words.periods = vec![(Period::parse("2021").expect("a year"), "te tau\t2021".into())];
        IndicatorChart { shown, look: Look { dark: true }, label: "Line chart\nof trust".into(), words, choice, slice: Arc::from(slice.to_text()) }
    }

    /// The first shipped indicator published by group.
    fn grouped_slice() -> Slice {
        let store = crate::core::fixtures::store();
        store.indicators.iter().filter_map(|i| Slice::of(store, &i.id)).find(|s| s.rows.iter().any(|r| r.group_type != "total")).expect("an indicator by group")
    }

    #[test]
    fn the_module_answers_with_the_options_the_page_s_view_gives() {
        let page = Page::new(grouped_slice());
        let group = page.slice.rows.iter().find(|r| r.group_type != "total").map(|r| GroupRef { group_type: r.group_type.clone(), group: r.group.clone() }).expect("a group");
        for choice in [Choice::default(), Choice { groups: Some(vec![group]), from: None, to: None }] {
            for shown in Shown::ALL {
                let c = chart(shown, choice.clone());
                let expected = c.request_from(&page).expect("a request");
                assert_eq!(IndicatorChart::answer(&c.module_text(None)), Ok(expected.options_json()), "{shown:?}");
                assert_eq!(c.options_json(), expected.options_json(), "the build's pictures show the same");
                let downloaded = IndicatorChart::answer(&c.module_text(Some("#ffffff"))).expect("options");
                assert_eq!(downloaded, expected.with_background("#ffffff").options_json());
            }
        }
    }

    #[test]
    fn the_fingerprint_follows_what_the_chart_shows_and_how() {
        let everyone = chart(Shown::Lines, Choice::default());
        assert_eq!(everyone.fingerprint(), chart(Shown::Lines, Choice::default()).fingerprint());
        assert_ne!(everyone.fingerprint(), everyone.in_look(Look { dark: false }).fingerprint(), "another look");
        let town = GroupRef { group_type: "region".into(), group: "Our town".into() };
        assert_ne!(everyone.fingerprint(), chart(Shown::Lines, Choice { groups: Some(vec![town]), from: None, to: None }).fingerprint());
        assert_ne!(everyone.fingerprint(), chart(Shown::Gaps, Choice::default()).fingerprint(), "another chart");
    }

    #[test]
    fn text_it_cannot_read_is_an_error_it_says() {
        for text in ["", "chart\tlines\n", "chart\tpies\tdark\tx\nslice\n", &chart(Shown::Lines, Choice::default()).module_text(None).replace("choice", "choose")] {
            assert_eq!(IndicatorChart::answer(text), Err("the chart's data could not be read".to_string()), "{text:?}");
        }
    }
}
