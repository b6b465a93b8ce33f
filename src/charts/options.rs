//! ECharts options for the indicator charts, from the core's views. No drawing here.

use charming::component::{Aria, Axis, Grid, Legend, LegendType};
use charming::datatype::{CompositeValue, DataPoint, DataPointItem};
use charming::element::{
    AreaStyle, AxisType, Color, ItemStyle, Label, LabelPosition, LineStyle, LineStyleType,
    MarkLine, MarkLineData, MarkLineVariant, NameLocation, Symbol, Tooltip, Trigger, TriggerOn,
};
use charming::series::{Bar, Line};
use charming::Chart;

use crate::core::indicators::breakdown::{tidy, Breakdown};
use crate::core::indicators::profile::GroupProfile;
use crate::core::indicators::view::{ChartSeries, GroupRef};
use crate::core::indicators::{Period, Unit};

/// Six colours that colour-blind readers can tell apart (after Okabe and Ito), each darkened
/// to at least 3:1 against white for chart marks.
pub const PALETTE: [&str; 6] = [
    "#0b5d6b", "#c25e00", "#5b4db7", "#2e7d32", "#b5285a", "#4d5b5f",
];

/// The same six hues lightened to at least 3:1 against the dark surface (`--ce-surface`, #1a2326).
pub const PALETTE_DARK: [&str; 6] = [
    "#56b4e9", "#e69f00", "#b4a7ff", "#6fcf73", "#f07aa8", "#b8c2c6",
];

/// Light or dark, following the page (`prefers-color-scheme`, or the embed's `theme`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, serde::Serialize, serde::Deserialize)]
pub struct Look {
    pub dark: bool,
}

impl Look {
    pub fn palette(self) -> &'static [&'static str; 6] {
        if self.dark {
            &PALETTE_DARK
        } else {
            &PALETTE
        }
    }

    /// Marks that are behind everyone (gap chart) and ahead of everyone.
    fn worse_better(self) -> (&'static str, &'static str) {
        let p = self.palette();
        (p[4], p[0])
    }

    /// The whole population's bar, set apart from the groups'.
    fn everyone(self) -> &'static str {
        self.palette()[5]
    }
}

/// What every chart shares: no animation (numbers should simply be there, and it respects
/// reduced motion), ECharts' aria description, tooltips on hover and on tap, the palette.
fn base(look: Look, trigger: Trigger) -> Chart {
    Chart::new()
        .animation(false)
        .background_color("transparent")
        .aria(Aria::new().enabled(true))
        .tooltip(
            Tooltip::new()
                .trigger(trigger)
                .trigger_on(TriggerOn::MousemoveAndClick),
        )
        .color(
            look.palette()
                .iter()
                .map(|c| Color::from(*c))
                .collect::<Vec<_>>(),
        )
}

/// Category names broken into lines of at most 16 characters, so long group names keep to
/// the left of a phone-width chart instead of squeezing the bars.
fn wrapped(names: impl IntoIterator<Item = String>) -> Vec<String> {
    names
        .into_iter()
        .map(|n| crate::core::text::wrap(&n, 16).join("\n"))
        .collect()
}

/// `options` with `description` as the chart's accessible name. ECharts would otherwise write
/// its own English description of the series over the container's label; ours is in the
/// interface's language, and every chart's numbers are in the table beside it.
pub fn describe(options: &mut serde_json::Value, description: &str) {
    if let Some(map) = options.as_object_mut() {
        map.insert(
            "aria".into(),
            serde_json::json!({ "enabled": true, "label": { "description": description } }),
        );
    }
}

/// The options as ECharts reads them, with what charming cannot say: a line height for
/// category labels that wrap (without it ECharts draws their lines on top of each other).
pub fn to_json(chart: &Chart) -> serde_json::Value {
    let mut value = serde_json::to_value(chart).unwrap_or_default();
    for key in ["xAxis", "yAxis"] {
        let Some(axis) = value.get_mut(key).and_then(|a| a.as_object_mut()) else {
            continue;
        };
        let wraps = axis
            .get("data")
            .and_then(|d| d.as_array())
            .is_some_and(|d| {
                d.iter()
                    .any(|n| n.as_str().is_some_and(|n| n.contains('\n')))
            });
        if wraps {
            axis.insert("axisLabel".into(), serde_json::json!({ "lineHeight": 15 }));
        }
    }
    value
}

fn bar_item(value: f64, colour: &str) -> DataPoint {
    DataPoint::Item(DataPointItem::new(value).item_style(ItemStyle::new().color(colour)))
}

/// A thin bar from each interval's lower to its upper end, over the value bars: the whiskers.
/// Drawn as two stacked bars, the first invisible. `None` when no bar has an interval.
fn whiskers(intervals: &[Option<(f64, f64)>], colour: &str, name: &str) -> Option<[Bar; 2]> {
    if intervals.iter().all(Option::is_none) {
        return None;
    }
    let lower: Vec<CompositeValue> = intervals
        .iter()
        .map(|i| CompositeValue::from(i.map(|x| x.0)))
        .collect();
    let width: Vec<CompositeValue> = intervals
        .iter()
        .map(|i| CompositeValue::from(i.map(|x| x.1 - x.0)))
        .collect();
    Some([
        Bar::new()
            .name(name)
            .stack("whisker")
            .bar_width(3)
            .bar_gap("-100%")
            .item_style(ItemStyle::new().color("transparent"))
            .data(lower),
        Bar::new()
            .name(name)
            .stack("whisker")
            .bar_width(3)
            .bar_gap("-100%")
            .item_style(ItemStyle::new().color(colour))
            .data(width),
    ])
}

/// The words a chart draws, in the interface's language (`language::chart_words`); the
/// builders below take them rather than writing English of their own.
#[derive(Clone, Debug, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Words {
    /// The whole population's name ("Everyone").
    pub everyone: String,
    /// The value axis's name ("percent").
    pub unit: String,
    /// The gap chart's axis ("difference (percentage points)") and series names.
    pub difference_axis: String,
    pub difference: String,
    /// A published interval's name in the legend.
    #[serde(default)]
    pub interval: String,
    /// The axis labels of periods that are words ("te tau ki Whiringa-ā-nuku 2023"); any
    /// other period is labelled as it is written.
    #[serde(default)]
    pub periods: Vec<(Period, String)>,
    /// The label of the line that marks a series break.
    #[serde(default)]
    pub series_break: String,
}

impl Words {
    /// The words in English.
    pub fn english(unit: Unit) -> Words {
        Words {
            everyone: "Everyone".into(),
            unit: unit.name().into(),
            difference_axis: format!("difference ({})", unit_points(unit)),
            difference: "Difference from everyone".into(),
            interval: "published interval".into(),
            periods: Vec::new(),
            series_break: "series break".into(),
        }
    }

    fn period(&self, p: Period) -> String {
        self.periods
            .iter()
            .find(|(q, _)| *q == p)
            .map_or_else(|| p.to_string(), |(_, label)| label.clone())
    }

    fn name_of(&self, group: &GroupRef) -> String {
        if group.group_type == "total" {
            self.everyone.clone()
        } else {
            group.group.clone()
        }
    }
}

/// The latest period by group: a bar per group (everyone first, set apart in grey) with its
/// 95% interval as a whisker where the source gives one.
pub fn breakdown_chart(b: &Breakdown, unit: Unit, words: &Words, look: Look) -> Chart {
    let names: Vec<String> = b.bars.iter().map(|x| words.name_of(&x.group)).collect();
    let (group_colour, whisker_colour) = (
        look.palette()[0],
        if look.dark { "#ffffff" } else { "#1b1f22" },
    );
    let values: Vec<DataPoint> = b
        .bars
        .iter()
        .map(|x| {
            bar_item(
                x.value,
                if x.group.group_type == "total" {
                    look.everyone()
                } else {
                    group_colour
                },
            )
        })
        .collect();
    let mut chart = bars_frame(look, names, 24)
        .x_axis(value_axis(unit, &words.unit))
        .series(labelled_bars(words.period(b.period), values));
    let intervals: Vec<Option<(f64, f64)>> =
        b.bars.iter().map(|x| Some((x.lower?, x.upper?))).collect();
    if let Some([low, width]) = whiskers(&intervals, whisker_colour, &words.interval) {
        chart = chart.series(low).series(width);
    }
    chart
}

/// Each group's difference from everyone at the latest period: bars left or right of zero,
/// coloured by whether the group is behind (worse) or ahead, so direction reads at a glance.
pub fn gap_chart(b: &Breakdown, words: &Words, look: Look) -> Chart {
    let (worse, better) = look.worse_better();
    let names: Vec<String> = b.gaps.iter().map(|g| g.group.clone()).collect();
    let values: Vec<DataPoint> = b
        .gaps
        .iter()
        .map(|g| {
            bar_item(
                tidy(g.difference),
                if g.shortfall > 0.0 { worse } else { better },
            )
        })
        .collect();
    bars_frame(look, names, 24)
        .x_axis(below(
            Axis::new()
                .type_(AxisType::Value)
                .name(words.difference_axis.as_str()),
        ))
        .series(labelled_bars(words.difference.as_str(), values))
}

/// The frame every horizontal bar chart shares: categories down the side (first at the top,
/// long names wrapped), room for value labels on the right, `top` px above for a legend.
fn bars_frame(look: Look, names: Vec<String>, top: i32) -> Chart {
    base(look, Trigger::Axis)
        .grid(
            Grid::new()
                .left(8)
                .right(56)
                .top(top)
                .bottom(48)
                .contain_label(true),
        )
        .y_axis(
            Axis::new()
                .type_(AxisType::Category)
                .inverse(true)
                .data(wrapped(names)),
        )
}

/// Bars with their value printed at the end.
fn labelled_bars(name: impl Into<String>, values: Vec<DataPoint>) -> Bar {
    Bar::new()
        .name(name)
        .bar_width("60%")
        .label(Label::new().show(true).position(LabelPosition::Right))
        .data(values)
}

/// An axis name centred under a horizontal value axis, where it has room on a phone.
fn below(axis: Axis) -> Axis {
    axis.name_location(NameLocation::Middle).name_gap(28)
}

fn unit_points(unit: Unit) -> &'static str {
    match unit {
        Unit::Percent => "percentage points",
        Unit::MeanScore10 => "points out of 10",
        Unit::Ratio => "ratio",
        Unit::Count => "count",
        Unit::Index => "index points",
    }
}

/// A value axis that starts at zero and, for a unit with a scale, ends at its top, so bars
/// are honest about their length.
fn value_axis(unit: Unit, name: &str) -> Axis {
    let axis = below(Axis::new().type_(AxisType::Value).name(name)).min(0);
    match unit {
        Unit::Percent => axis.max(100),
        Unit::MeanScore10 => axis.max(10),
        Unit::Ratio | Unit::Count | Unit::Index => axis,
    }
}

/// The five-dimension profile: the dimensions down the side, a bar per group, all on the same
/// 0 to 100 scale. A dimension without a score for a group is a gap, not a zero.
pub fn profile_chart(
    profiles: &[(String, &GroupProfile)],
    dimensions: &[String],
    axis: &str,
    signed: bool,
    look: Look,
) -> Chart {
    let widest = profiles.iter().flat_map(|(_, p)| p.scores.iter().flatten()).fold(0.0f64, |m, v| m.max(v.abs()));
    let mut chart = bars_frame(look, dimensions.to_vec(), 72)
        // One row that pages, so many groups never push the legend into the plot on a phone.
        .legend(Legend::new().top(0).type_(LegendType::Scroll))
        .x_axis(score_axis(axis, signed, widest));
    for (label, p) in profiles {
        chart = chart.series(
            Bar::new().name(label.clone()).data(
                p.scores
                    .iter()
                    .map(|s| CompositeValue::from(s.map(round1)))
                    .collect::<Vec<_>>(),
            ),
        );
    }
    chart
}

/// The weighted composite by group, highest first.
pub fn composite_chart(rows: &[(String, f64)], axis: &str, series: &str, signed: bool, look: Look) -> Chart {
    let values: Vec<DataPoint> = rows
        .iter()
        .map(|r| bar_item(round1(r.1), look.palette()[2]))
        .collect();
    let widest = rows.iter().fold(0.0f64, |m, r| m.max(r.1.abs()));
    bars_frame(look, rows.iter().map(|r| r.0.clone()).collect(), 24)
        .x_axis(score_axis(axis, signed, widest))
        .series(labelled_bars(series, values))
}

/// A score axis: 0 to 100; or, for differences, the same distance either side of 0, to the
/// next 5 past the widest, so bars above and below everyone are drawn on one honest scale.
fn score_axis(name: &str, signed: bool, widest: f64) -> Axis {
    let axis = below(Axis::new().type_(AxisType::Value).name(name));
    if signed {
        let edge = ((widest / 5.0).ceil() * 5.0).max(5.0);
        axis.min(-edge).max(edge)
    } else {
        axis.min(0).max(100)
    }
}

/// Each group's best-to-worst rank over every weighting (`rows`: name, best, worst), as a bar
/// from its best to its worst place on a rank axis running from 1 to `groups`. The axis and
/// series names come in the interface's language.
pub fn rank_range_chart(rows: &[(String, usize, usize)], groups: usize, axis: &str, series: &str, look: Look) -> Chart {
    // Drawn as two stacked bars, the first invisible: from the axis to half a place before the
    // best rank, then the range itself, so a bar covers its places' ticks.
    let offset: Vec<CompositeValue> = rows.iter().map(|r| CompositeValue::from(r.1 as f64 - 0.5)).collect();
    let span: Vec<DataPoint> = rows
        .iter()
        .map(|r| bar_item((r.2 - r.1 + 1) as f64, look.palette()[2]))
        .collect();
    bars_frame(look, rows.iter().map(|r| r.0.clone()).collect(), 24)
        .x_axis(
            below(Axis::new().type_(AxisType::Value).name(axis))
                .min(0)
                .max(groups as f64 + 1.0)
                .interval(1),
        )
        .series(
            Bar::new()
                .name("offset")
                .stack("range")
                .bar_width("60%")
                .item_style(ItemStyle::new().color("transparent"))
                .data(offset),
        )
        .series(Bar::new().name(series).stack("range").bar_width("60%").data(span))
}

fn round1(v: f64) -> f64 {
    (v * 10.0).round() / 10.0
}

fn aligned(
    s: &ChartSeries,
    periods: &[Period],
    pick: impl Fn(&crate::core::indicators::query::Point) -> Option<f64>,
) -> Vec<CompositeValue> {
    periods
        .iter()
        .map(|p| CompositeValue::from(s.points.iter().find(|x| x.period == *p).and_then(&pick)))
        .collect()
}

/// A line for each series over `periods`, with its published interval as a shaded band where
/// the source gives one. Gaps stay gaps and a series break splits the line: each side is its
/// own line, in the same colour and under the same name, so the two are never joined.
pub fn time_series(series: &[ChartSeries], periods: &[Period], words: &Words, look: Look) -> Chart {
    let categories: Vec<String> = periods.iter().map(|p| words.period(*p)).collect();
    let mut chart = base(look, Trigger::Axis)
        // One row that pages, so many groups never push the legend into the plot on a phone.
        .legend(Legend::new().top(0).type_(LegendType::Scroll))
        .grid(Grid::new().left(52).right(16).top(72).bottom(32))
        .x_axis(Axis::new().type_(AxisType::Category).data(categories))
        .y_axis(
            Axis::new()
                .type_(AxisType::Value)
                .name(words.unit.as_str())
                .scale(true),
        );
    let segments = series.iter().enumerate().flat_map(|(i, s)| {
        let mut cuts: Vec<usize> = s.points.iter().enumerate().filter(|(_, p)| p.breaks).map(|(n, _)| n).collect();
        cuts.retain(|&n| n > 0);
        let bounds: Vec<usize> = std::iter::once(0).chain(cuts).chain(std::iter::once(s.points.len())).collect();
        bounds
            .windows(2)
            .map(|w| (i, ChartSeries { group: s.group.clone(), points: s.points[w[0]..w[1]].to_vec() }))
            .collect::<Vec<_>>()
    });
    for (i, s) in segments {
        let s = &s;
        let colour = look.palette()[i % 6];
        let label = words.name_of(&s.group);
        if s.points
            .iter()
            .any(|p| p.lower.is_some() && p.upper.is_some())
        {
            // The band: an invisible line at the lower bound, and the interval's width stacked on it.
            let stack = format!("band-{i}-{}", s.points[0].period);
            chart = chart
                .series(
                    Line::new()
                        .name(format!("{label}: {}", words.interval))
                        .stack(stack.clone())
                        .show_symbol(false)
                        .silent(true)
                        .line_style(LineStyle::new().opacity(0))
                        .data(aligned(s, periods, |p| p.lower)),
                )
                .series(
                    Line::new()
                        .name(format!("{label}: {}", words.interval))
                        .stack(stack)
                        .show_symbol(false)
                        .silent(true)
                        .line_style(LineStyle::new().opacity(0))
                        .area_style(AreaStyle::new().color(colour).opacity(0.18))
                        .data(aligned(s, periods, |p| Some(p.upper? - p.lower?))),
                );
        }
        let mut line = Line::new()
            .name(label)
            .connect_nulls(false)
            .symbol_size(8)
            .line_style(LineStyle::new().color(colour).width(2.5))
            .data(aligned(s, periods, |p| p.value));
        // Where a series breaks, a dashed line down the chart, named.
        if let Some(first) = s.points.first().filter(|p| p.breaks) {
            line = line.mark_line(
                MarkLine::new()
                    .silent(true)
                    .symbol(vec![Symbol::None, Symbol::None])
                    .line_style(LineStyle::new().color(look.everyone()).type_(LineStyleType::Dashed))
                    .label(Label::new().show(true).formatter(words.series_break.as_str()).color(look.everyone()))
                    .data(vec![MarkLineVariant::Simple(MarkLineData::new().x_axis(words.period(first.period)))]),
            );
        }
        chart = chart.series(line);
    }
    chart
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::indicators::parse::{read_indicators, read_observations};
    use crate::core::indicators::view::{chart_series, periods, GroupRef};

    #[test]
    fn options_carry_the_values_the_band_and_gaps() {
        let inds = read_indicators("i", "id,title,short_title,dimensions,nodes,mapping_basis,unit,direction,definition,source_name,source_url,licence\nb,B,B,,,editorial,mean score 0-10,higher_is_better,,S,https://e.org,L\n".as_bytes()).expect("i");
        let obs = "indicator_id,period,group_type,group,value,lower,upper\nb,2019,total,Total,6.4,6.3,6.5\nb,2024,total,Total,6.9,6.8,7.0\nb,2024,region,Our town,7.3,,\n";
        let store = read_observations("o", obs.as_bytes(), inds).store;
        let view = chart_series(
            &store,
            "b",
            &[GroupRef::parse("region:Our town").expect("g")],
        );
        let json = serde_json::to_value(time_series(
            &view,
            &periods(&view),
            &Words::english(Unit::MeanScore10),
            Look::default(),
        ))
        .expect("json");
        assert_eq!(json["aria"]["enabled"], true);
        assert_eq!(json["xAxis"]["data"], serde_json::json!(["2019", "2024"]));
        let series = json["series"].as_array().expect("series");
        assert_eq!(
            series.len(),
            2 + 1 + 1,
            "the total's band (two stacked lines) and line, and the town's line"
        );
        assert_eq!(series[2]["name"], "Everyone");
        assert_eq!(series[2]["data"], serde_json::json!([6.4, 6.9]));
        let width = series[1]["data"].as_array().expect("band")[0]
            .as_f64()
            .expect("width");
        assert!((width - 0.2).abs() < 1e-9);
        assert_eq!(series[3]["name"], "Our town");
        assert_eq!(
            series[3]["data"],
            serde_json::json!([null, 7.3]),
            "no value for 2019: a gap, not a zero"
        );
    }

    #[test]
    fn a_series_break_splits_the_line_and_is_marked() {
        let inds = read_indicators("i", "id,title,short_title,dimensions,nodes,mapping_basis,unit,direction,definition,source_name,source_url,licence\nd,D,D,,,editorial,percent,lower_is_better,,S,https://e.org,L\n".as_bytes()).expect("i");
        let obs = "indicator_id,period,group_type,group,value,flags\nd,2008,total,Total,10,\nd,2010,total,Total,11,\nd,2014,total,Total,17,break\nd,2016,total,Total,17,\nd,year to Oct 2023,total,Total,20,\n";
        let store = read_observations("o", obs.as_bytes(), inds).store;
        let view = chart_series(&store, "d", &[]);
        let axis = periods(&view);
        let mut words = Words::english(Unit::Percent);
        words.periods = vec![(axis[4], "te tau ki Whiringa-ā-nuku 2023".into())];
        let json = serde_json::to_value(time_series(&view, &axis, &words, Look::default()))
            .expect("json");
        assert_eq!(
            json["xAxis"]["data"],
            serde_json::json!(["2008", "2010", "2014", "2016", "te tau ki Whiringa-ā-nuku 2023"])
        );
        let series = json["series"].as_array().expect("series");
        assert_eq!(series.len(), 2, "one line each side of the break");
        assert!(series.iter().all(|s| s["name"] == "Everyone"));
        assert_eq!(series[0]["data"], serde_json::json!([10.0, 11.0, null, null, null]));
        assert_eq!(series[1]["data"], serde_json::json!([null, null, 17.0, 17.0, 20.0]));
        assert!(series[0].get("markLine").is_none());
        assert_eq!(series[1]["markLine"]["data"][0]["xAxis"], "2014");
        assert_eq!(series[1]["markLine"]["label"]["formatter"], "series break");
    }

    #[test]
    fn breakdown_and_gap_charts_carry_the_latest_values_whiskers_and_direction() {
        use crate::core::indicators::breakdown::breakdown;
        let inds = read_indicators("i", "id,title,short_title,dimensions,nodes,mapping_basis,unit,direction,definition,source_name,source_url,licence\nd,D,D,,,editorial,percent,lower_is_better,,S,https://e.org,L\n".as_bytes()).expect("i");
        let obs = "indicator_id,period,group_type,group,value,lower,upper\nd,2021,total,Total,20,19,21\nd,2021,age,Young,30,27,33\nd,2021,age,Old,10,,\n";
        let store = read_observations("o", obs.as_bytes(), inds).store;
        let b = breakdown(&store, "d").expect("breakdown");
        let json = serde_json::to_value(breakdown_chart(
            &b,
            Unit::Percent,
            &Words::english(Unit::Percent),
            Look::default(),
        ))
        .expect("json");
        assert_eq!(
            json["yAxis"]["data"],
            serde_json::json!(["Everyone", "Young", "Old"])
        );
        assert_eq!(
            json["xAxis"]["max"], 100,
            "bars of percentages on the whole scale"
        );
        let series = json["series"].as_array().expect("series");
        assert_eq!(
            series.len(),
            3,
            "the bars, and the whiskers' two stacked parts"
        );
        assert_eq!(series[0]["data"][0]["value"], 20.0);
        assert_eq!(
            series[0]["data"][0]["itemStyle"]["color"], PALETTE[5],
            "everyone in grey"
        );
        assert_eq!(series[1]["data"], serde_json::json!([19.0, 27.0, null]));
        assert_eq!(
            series[2]["data"],
            serde_json::json!([2.0, 6.0, null]),
            "no interval, no whisker"
        );
        let gaps = serde_json::to_value(gap_chart(
            &b,
            &Words::english(Unit::Percent),
            Look::default(),
        ))
        .expect("json");
        assert_eq!(
            gaps["yAxis"]["data"],
            serde_json::json!(["Young", "Old"]),
            "furthest behind first"
        );
        assert_eq!(gaps["series"][0]["data"][0]["value"], 10.0);
        assert_eq!(
            gaps["series"][0]["data"][0]["itemStyle"]["color"], PALETTE[4],
            "behind: the 'worse' colour"
        );
        assert_eq!(
            gaps["series"][0]["data"][1]["itemStyle"]["color"],
            PALETTE[0]
        );
        let dark = serde_json::to_value(gap_chart(
            &b,
            &Words::english(Unit::Percent),
            Look { dark: true },
        ))
        .expect("json");
        assert_eq!(dark["color"][0], PALETTE_DARK[0]);
        assert_eq!(
            dark["tooltip"]["triggerOn"], "mousemove|click",
            "tooltips on tap too"
        );
    }

    use crate::core::embed::contrast;

    #[test]
    fn chart_marks_have_at_least_3_to_1_contrast_with_their_background() {
        for c in PALETTE {
            assert!(
                contrast(c, "#ffffff") >= 3.0,
                "{c} on white: {:.2}",
                contrast(c, "#ffffff")
            );
        }
        for c in PALETTE_DARK {
            assert!(
                contrast(c, "#1a2326") >= 3.0,
                "{c} on dark: {:.2}",
                contrast(c, "#1a2326")
            );
        }
    }

    #[test]
    fn a_description_replaces_echarts_own() {
        let mut json = serde_json::to_value(composite_chart(
            &[("Everyone".into(), 50.0)],
            "index (0 to 100)",
            "Index",
            false,
            Look::default(),
        ))
        .expect("json");
        describe(&mut json, "Kauwhata pae");
        assert_eq!(json["aria"]["enabled"], true);
        assert_eq!(json["aria"]["label"]["description"], "Kauwhata pae");
    }
}
