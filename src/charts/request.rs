//! What a chart shows, as plain data: the page sends it to the chart module, which builds the
//! ECharts options with `charming` (`options`) and sends them back as JSON.
//!
//! Why two modules: the options builders and charming's serialisers are a tenth of the app's
//! code, and only pages with charts need them. The chart module (`src/bin/charts.rs`, built to
//! its own small wasm) is fetched with ECharts itself, when a page first draws a chart, so the
//! framework views, the overview and every embed without a chart never download it. The
//! request is also the one place a chart's inputs are named, so it is tested natively: the
//! same request always gives the same options, in either module.

use charming::Chart;
use serde::{Deserialize, Serialize};

use super::options::{
    breakdown_chart, composite_chart, describe, rank_range_chart, gap_chart, profile_chart, time_series, to_json,
    Look, Words,
};
use crate::core::indicators::breakdown::Breakdown;
use crate::core::indicators::profile::GroupProfile;
use crate::core::indicators::view::ChartSeries;
use crate::core::indicators::{Period, Unit};

/// The data behind one chart.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Plot {
    /// Lines over time with their 95% bands.
    TimeSeries {
        series: Vec<ChartSeries>,
        periods: Vec<Period>,
        words: Words,
    },
    /// The latest period by group, with interval whiskers.
    Breakdown {
        breakdown: Breakdown,
        unit: Unit,
        words: Words,
    },
    /// Each group's gap to everyone.
    Gaps { breakdown: Breakdown, words: Words },
    /// The five-dimension profile, by group.
    Profile {
        /// Each group's name (in the interface's language) and profile.
        profiles: Vec<(String, GroupProfile)>,
        dimensions: Vec<String>,
        /// The score axis's name, in the interface's language.
        axis: String,
        /// The scores are differences (around 0), not scores from 0 to 100.
        #[serde(default)]
        signed: bool,
    },
    /// The weighted index, highest first.
    Composite {
        rows: Vec<(String, f64)>,
        /// The axis's and the bars' names, in the interface's language.
        axis: String,
        series: String,
        /// The values are differences (around 0), not indexes from 0 to 100.
        #[serde(default)]
        signed: bool,
    },
    /// Each group's best to worst rank over every weighting (name, best, worst), of `groups`
    /// ranked; `axis` and `series` name them in the interface's language.
    RankRange {
        rows: Vec<(String, usize, usize)>,
        groups: usize,
        axis: String,
        series: String,
    },
}

/// A chart to draw: what it shows, how it looks, what it is called.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ChartRequest {
    pub plot: Plot,
    pub look: Look,
    /// The chart's accessible name, in the interface's language.
    pub label: String,
    /// A background colour for a downloaded image (the page's own otherwise).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub background: Option<String>,
}

impl ChartRequest {
    pub fn new(plot: Plot, look: Look, label: impl Into<String>) -> ChartRequest {
        ChartRequest {
            plot,
            look,
            label: label.into(),
            background: None,
        }
    }

    /// The same chart with a background, for a downloaded image.
    pub fn with_background(mut self, colour: &str) -> ChartRequest {
        self.background = Some(colour.to_string());
        self
    }

    /// The chart, as charming builds it.
    pub fn chart(&self) -> Chart {
        let look = self.look;
        let chart = match &self.plot {
            Plot::TimeSeries { series, periods, words } => time_series(series, periods, words, look),
            Plot::Breakdown { breakdown, unit, words } => breakdown_chart(breakdown, *unit, words, look),
            Plot::Gaps { breakdown, words } => gap_chart(breakdown, words, look),
            Plot::Profile { profiles, dimensions, axis, signed } => {
                let shown: Vec<(String, &GroupProfile)> =
                    profiles.iter().map(|(name, p)| (name.clone(), p)).collect();
                profile_chart(&shown, dimensions, axis, *signed, look)
            }
            Plot::Composite { rows, axis, series, signed } => composite_chart(rows, axis, series, *signed, look),
            Plot::RankRange { rows, groups, axis, series } => rank_range_chart(rows, *groups, axis, series, look),
        };
        match &self.background {
            Some(colour) => chart.background_color(colour.as_str()),
            None => chart,
        }
    }

    /// What identifies this request: the picture of a chart drawn at build time is marked with
    /// it, so the page can tell whether that picture still shows what the chart would.
    pub fn fingerprint(&self) -> String {
        let text = serde_json::to_string(self).unwrap_or_default();
        crate::core::fingerprint::Fingerprint::of([text.as_str()]).0
    }

    /// The options ECharts reads, as JSON text, described by the chart's label.
    pub fn options_json(&self) -> String {
        let mut options = to_json(&self.chart());
        describe(&mut options, &self.label);
        if let (Plot::RankRange { .. }, Some(axis)) = (&self.plot, options.get_mut("xAxis").and_then(|a| a.as_object_mut())) {
            // The rank axis runs from half a place before 1st to half after last, so each bar
            // covers whole places; its ends are not ranks (charming cannot say this).
            axis.insert("axisLabel".into(), serde_json::json!({ "showMinLabel": false, "showMaxLabel": false }));
        }
        serde_json::to_string(&options).unwrap_or_else(|_| "{}".into())
    }
}

/// What a chart shows, as the page holds it: what the chart module is sent to build its
/// options, and the mark of the picture the build drew of it.
pub trait ChartSource: Clone + PartialEq + Send + Sync + 'static {
    fn look(&self) -> Look;
    /// The same chart in `look`.
    fn in_look(&self, look: Look) -> Self;
    /// What identifies the chart: the build marks its picture with it.
    fn fingerprint(&self) -> String;
    /// What the chart module reads (`answer`), with a background for a downloaded image.
    fn module_text(&self, background: Option<&str>) -> String;
    /// The options ECharts reads, built here (at build time, for the pictures).
    fn options_json(&self) -> String;
}

impl ChartSource for ChartRequest {
    fn look(&self) -> Look {
        self.look
    }

    fn in_look(&self, look: Look) -> Self {
        ChartRequest { look, ..self.clone() }
    }

    fn fingerprint(&self) -> String {
        ChartRequest::fingerprint(self)
    }

    fn module_text(&self, background: Option<&str>) -> String {
        let request = match background {
            Some(colour) => self.clone().with_background(colour),
            None => self.clone(),
        };
        serde_json::to_string(&request).unwrap_or_default()
    }

    fn options_json(&self) -> String {
        ChartRequest::options_json(self)
    }
}

/// A chart as a page asks the chart module for it as text: `head` (what the chart is), a
/// downloaded image's `background`, then the page's `slice` (`indicator_chart`, `profile_chart`).
pub fn page_text(head: String, background: Option<&str>, slice: &str) -> String {
    let mut out = head;
    if let Some(colour) = background {
        crate::core::records::record(&mut out, "background", &[colour.to_string()]);
    }
    out.push_str("slice\n");
    out.push_str(slice);
    out
}

/// What [`page_text`] wrote: the head's records (each its fields, its kind first), the
/// background, if any, and the slice.
pub fn read_page_text(text: &str) -> Option<(Vec<Vec<String>>, Option<String>, &str)> {
    let (head, slice) = text.split_once("\nslice\n")?;
    let mut records: Vec<Vec<String>> = head.lines().map(crate::core::records::fields).collect();
    let background = match records.last().map(Vec::as_slice) {
        Some([kind, colour]) if kind == "background" => Some(colour.clone()),
        _ => None,
    };
    if background.is_some() {
        records.pop();
    }
    Some((records, background, slice))
}

/// The options of `request`, with `background` for a downloaded image.
pub fn options_with(request: ChartRequest, background: Option<String>) -> String {
    match background {
        Some(colour) => request.with_background(&colour),
        None => request,
    }
    .options_json()
}

/// What the chart module answers for a request's text (a [`ChartRequest`] as JSON, or an
/// indicator page's or the profile's chart as its page holds it): the options, or an error it
/// says.
pub fn answer(request: &str) -> Result<String, String> {
    if request.starts_with("profile-chart\t") {
        return super::profile_chart::ProfileChart::answer(request);
    }
    if !request.starts_with('{') {
        return super::indicator_chart::IndicatorChart::answer(request);
    }
    serde_json::from_str::<ChartRequest>(request)
        .map(|r| r.options_json())
        .map_err(|e| format!("the chart's data could not be read: {e}"))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::indicators::parse::{read_indicators, read_observations};
    use crate::core::indicators::view::{chart_series, periods};

    fn store() -> crate::core::indicators::Store {
        let inds = read_indicators(
            "i",
            "id,title,short_title,dimensions,nodes,mapping_basis,unit,direction,definition,source_name,source_url,licence\nb,B,B,,,editorial,mean score 0-10,higher_is_better,,S,https://e.org,L\n".as_bytes(),
        )
        .expect("i");
        read_observations(
            "o",
            "indicator_id,period,group_type,group,value,lower,upper\nb,2019,total,Total,6.4,6.3,6.5\nb,2024,total,Total,6.9,6.8,7.0\nb,2024,region,Our town,7.3,,\n".as_bytes(),
            inds,
        )
        .store
    }

    #[test]
    fn a_request_sent_as_text_gives_the_options_built_here() {
        let store = store();
        let series = chart_series(&store, "b", &[]);
        let request = ChartRequest::new(
            Plot::TimeSeries {
                periods: periods(&series),
                series,
                words: Words::english(Unit::MeanScore10),
            },
            Look::default(),
            "Line chart",
        );
        let sent = serde_json::to_string(&request).expect("serialises");
        let options = answer(&sent).expect("answers");
        assert_eq!(options, request.options_json());
        let parsed: serde_json::Value = serde_json::from_str(&options).expect("JSON");
        assert_eq!(parsed["aria"]["label"]["description"], "Line chart");
        assert_eq!(parsed["series"].as_array().map(Vec::len), Some(3), "band (two lines) and line");
        let downloaded = request.with_background("#ffffff").options_json();
        assert!(downloaded.contains("\"backgroundColor\":\"#ffffff\""));
    }

    #[test]
    fn a_request_s_fingerprint_follows_what_it_shows_and_how() {
        let store = store();
        let request = |chosen: &[crate::core::indicators::view::GroupRef], dark: bool| {
            let series = chart_series(&store, "b", chosen);
            ChartRequest::new(
                Plot::TimeSeries { periods: periods(&series), series, words: Words::english(Unit::MeanScore10) },
                Look { dark },
                "Line chart",
            )
        };
        let everyone = request(&[], false);
        assert_eq!(everyone.fingerprint(), request(&[], false).fingerprint(), "the same request, the same mark");
        assert_eq!(everyone.fingerprint().len(), 16);
        assert_ne!(everyone.fingerprint(), request(&[], true).fingerprint(), "the dark look is another picture");
        let town = crate::core::indicators::view::GroupRef { group_type: "region".into(), group: "Our town".into() };
        assert_ne!(everyone.fingerprint(), request(&[town], false).fingerprint(), "another group is another picture");
    }

    #[test]
    fn a_request_the_module_cannot_read_is_an_error_it_says() {
        let error = answer("{\"plot\": 3}").expect_err("not a request");
        assert!(error.starts_with("the chart's data could not be read"), "{error}");
    }
}
