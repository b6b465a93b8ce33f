//! The profile page's three charts (each chosen group's difference from everyone by dimension,
//! the index with the person's weights, each group's best to worst rank over every weighting),
//! as the page asks the chart module for them: the page's slice as it has it
//! (`core::indicators::profile_page`), the groups and weights, and the words in the page's
//! language, not the charts' data as JSON (see `indicator_chart`, which does the same for an
//! indicator's page). The module works the profile out as the page does; so does the build,
//! for the pictures it draws.

use std::sync::Arc;

use super::options::Look;
use super::request::{options_with, page_text, read_page_text, ChartRequest, ChartSource, Plot};
use crate::core::fingerprint::Fingerprint;
use crate::core::indicators::profile::{parse_weights, GroupProfile};
use crate::core::indicators::profile_page::{ProfileModel, ProfileSlice};
use crate::core::indicators::view::{GroupRef, MAX_SERIES};
use crate::core::records::record;

/// Which of the profile's charts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Shown {
    /// Each chosen group's difference from everyone on the same figures, by dimension.
    Dimensions,
    /// Each group's index minus everyone's on the same figures, with the weights.
    Index,
    /// Each group's best to worst rank over every weighting.
    Ranks,
}

impl Shown {
    const ALL: [Shown; 3] = [Shown::Dimensions, Shown::Index, Shown::Ranks];

    fn name(self) -> &'static str {
        match self {
            Shown::Dimensions => "dimensions",
            Shown::Index => "index",
            Shown::Ranks => "ranks",
        }
    }
}

/// One of the profile's charts, in a look, with its words.
#[derive(Debug, Clone, PartialEq)]
pub struct ProfileChart {
    pub shown: Shown,
    pub look: Look,
    /// The chart's accessible name, its axis's and its bars' names, and everyone's name, in
    /// the page's language.
    pub label: String,
    pub axis: String,
    pub series: String,
    pub everyone: String,
    /// The groups the dimensions chart shows.
    pub chosen: Vec<GroupRef>,
    /// The weights the index and the ranks are worked out with.
    pub weights: Vec<f64>,
    /// The page's slice, as text.
    pub slice: Arc<str>,
}

/// Whether the dimensions chart shows a group: everyone, and the chosen.
pub fn is_shown(p: &GroupProfile, chosen: &[GroupRef]) -> bool {
    p.group_type == "total" || chosen.iter().any(|g| g.group_type == p.group_type && g.group == p.group)
}

impl ProfileChart {
    fn head(&self) -> String {
        let mut out = String::new();
        let look = if self.look.dark { "dark" } else { "light" };
        record(
            &mut out,
            "profile-chart",
            &[self.shown.name().into(), look.into(), self.label.clone(), self.axis.clone(), self.series.clone(), self.everyone.clone()],
        );
        let mut chosen = vec![self.chosen.len().to_string()];
        for g in &self.chosen {
            chosen.extend([g.group_type.clone(), g.group.clone()]);
        }
        record(&mut out, "chosen", &chosen);
        let weights: Vec<String> = self.weights.iter().map(|w| (*w as u8).to_string()).collect();
        record(&mut out, "weights", &[weights.join(",")]);
        out
    }

    /// Reads what [`ChartSource::module_text`] wrote: the chart, a downloaded image's
    /// background, and the slice.
    fn read(text: &str) -> Option<(ProfileChart, Option<String>, ProfileSlice)> {
        let (head, background, slice_text) = read_page_text(text)?;
        let [chart, chosen_fields, weights_fields] = head.as_slice() else { return None };
        let [kind, shown, look, label, axis, series, everyone] = chart.as_slice() else { return None };
        if kind != "profile-chart" {
            return None;
        }
        let shown = Shown::ALL.into_iter().find(|s| s.name() == shown)?;
        let mut f = chosen_fields.iter().map(String::as_str);
        if f.next()? != "chosen" {
            return None;
        }
        let n: usize = f.next()?.parse().ok()?;
        let mut chosen = Vec::new();
        for _ in 0..n {
            chosen.push(GroupRef { group_type: f.next()?.to_string(), group: f.next()?.to_string() });
        }
        if f.next().is_some() {
            return None;
        }
        let [kind, weights] = weights_fields.as_slice() else { return None };
        if kind != "weights" {
            return None;
        }
        let slice = ProfileSlice::from_text(slice_text).ok()?;
        let weights = parse_weights(Some(weights), slice.dimensions.len());
        let chart = ProfileChart {
            shown,
            look: Look { dark: look == "dark" },
            label: label.clone(),
            axis: axis.clone(),
            series: series.clone(),
            everyone: everyone.clone(),
            chosen,
            weights,
            slice: Arc::from(slice_text),
        };
        Some((chart, background, slice))
    }

    fn name(&self, p: &GroupProfile) -> String {
        if p.group_type == "total" { self.everyone.clone() } else { p.group.clone() }
    }

    /// The chart's data, worked out from the page's figures.
    fn request_from(&self, model: &ProfileModel) -> ChartRequest {
        let (axis, series) = (self.axis.clone(), self.series.clone());
        let plot = match self.shown {
            Shown::Dimensions => {
                let profiles =
                    model.differences.iter().filter(|p| is_shown(p, &self.chosen)).take(MAX_SERIES).map(|p| (self.name(p), p.clone())).collect();
                Plot::Profile { profiles, dimensions: model.names(), axis, signed: true }
            }
            Shown::Index => {
                let rows = model.standings(&self.weights).iter().map(|s| (self.name(&model.compared[s.comparison].group), s.difference)).collect();
                Plot::Composite { rows, axis, series, signed: true }
            }
            Shown::Ranks => {
                let s = model.sensitivity(&self.weights);
                let mut rows: Vec<(String, usize, usize, usize)> = s
                    .groups
                    .iter()
                    .filter_map(|g| Some((self.name(&model.differences[g.profile]), g.best?, g.worst?, g.rank.unwrap_or(usize::MAX))))
                    .collect();
                crate::core::order::sort_by_key(&mut rows, |r| (r.3, r.1));
                let groups = rows.iter().map(|r| r.2).max().unwrap_or(1);
                Plot::RankRange { rows: rows.into_iter().map(|r| (r.0, r.1, r.2)).collect(), groups, axis, series }
            }
        };
        ChartRequest::new(plot, self.look, self.label.clone())
    }

    /// What the chart module answers for a profile chart asked for as text: its options, or why not.
    pub fn answer(text: &str) -> Result<String, String> {
        let (chart, background, slice) = ProfileChart::read(text).ok_or("the chart's data could not be read")?;
        let request = chart.request_from(&ProfileModel::new(slice));
        Ok(options_with(request, background))
    }
}

impl ChartSource for ProfileChart {
    fn look(&self) -> Look {
        self.look
    }

    fn in_look(&self, look: Look) -> Self {
        ProfileChart { look, ..self.clone() }
    }

    fn fingerprint(&self) -> String {
        Fingerprint::of([self.head().as_str()]).0
    }

    fn module_text(&self, background: Option<&str>) -> String {
        page_text(self.head(), background, &self.slice)
    }

    fn options_json(&self) -> String {
        ProfileSlice::from_text(&self.slice)
            .map(|slice| self.request_from(&ProfileModel::new(slice)).options_json())
            .unwrap_or_else(|_| "{}".into())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn slice() -> ProfileSlice {
        let dims = crate::core::fixtures::atlas().dimensions().iter().map(|n| (n.id.clone(), n.label.clone())).collect();
        ProfileSlice::of(crate::core::fixtures::store(), dims)
    }

    fn chart(shown: Shown, weights: Vec<f64>) -> ProfileChart {
        let slice = slice();
        let model = ProfileModel::new(slice.clone());
        let chosen = vec![GroupRef { group_type: model.compared[0].group.group_type.clone(), group: model.compared[0].group.group.clone() }];
        ProfileChart {
            shown,
            look: Look { dark: false },
            label: "Bar chart\tof groups".into(),
            axis: "points".into(),
            series: "Difference".into(),
            everyone: "Everyone".into(),
            chosen,
            weights,
            slice: Arc::from(slice.to_text()),
        }
    }

    #[test]
    fn the_module_answers_with_the_options_the_page_s_figures_give() {
        let model = ProfileModel::new(slice());
        for shown in Shown::ALL {
            for weights in [vec![1.0; 5], vec![0.0, 0.0, 0.0, 1.0, 0.0]] {
                let c = chart(shown, weights);
                let expected = c.request_from(&model);
                assert_eq!(super::super::request::answer(&c.module_text(None)), Ok(expected.options_json()), "{shown:?}");
                assert_eq!(c.options_json(), expected.options_json(), "the build's pictures show the same");
                assert_eq!(ProfileChart::answer(&c.module_text(Some("#ffffff"))), Ok(expected.with_background("#ffffff").options_json()));
            }
        }
        let index = |w: Vec<f64>| chart(Shown::Index, w).request_from(&model);
        assert_ne!(index(vec![1.0; 5]), index(vec![0.0, 0.0, 0.0, 1.0, 0.0]), "the weights change the index");
    }

    #[test]
    fn the_fingerprint_follows_what_the_chart_shows_and_how() {
        let equal = chart(Shown::Index, vec![1.0; 5]);
        assert_eq!(equal.fingerprint(), chart(Shown::Index, vec![1.0; 5]).fingerprint());
        assert_ne!(equal.fingerprint(), chart(Shown::Index, vec![2.0, 1.0, 1.0, 1.0, 1.0]).fingerprint(), "other weights");
        assert_ne!(equal.fingerprint(), equal.in_look(Look { dark: true }).fingerprint(), "another look");
        assert_ne!(equal.fingerprint(), chart(Shown::Ranks, vec![1.0; 5]).fingerprint(), "another chart");
    }

    #[test]
    fn text_it_cannot_read_is_an_error_it_says() {
        let good = chart(Shown::Ranks, vec![1.0; 5]).module_text(None);
        for text in ["profile-chart\tranks\nslice\n".to_string(), good.replace("weights", "weight"), good.replace("\tranks\t", "\tpies\t")] {
            assert_eq!(ProfileChart::answer(&text), Err("the chart's data could not be read".to_string()), "{text:.80}");
        }
    }
}
