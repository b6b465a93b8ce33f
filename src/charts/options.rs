//! ECharts options for the indicator charts, from the core's views. No drawing here.

use charming::component::{Aria, Axis, Grid, Legend};
use charming::datatype::CompositeValue;
use charming::element::{AreaStyle, AxisType, LineStyle, Tooltip, Trigger};
use charming::series::Line;
use charming::Chart;

use crate::core::indicators::view::ChartSeries;
use crate::core::indicators::{Period, Unit};

/// Six colours that colour-blind readers can tell apart (after Okabe and Ito), each darkened
/// to at least 3:1 against white for chart marks.
pub const PALETTE: [&str; 6] = [
    "#0b5d6b", "#c25e00", "#5b4db7", "#2e7d32", "#b5285a", "#4d5b5f",
];

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

/// A line for each series over `periods`, with its 95% interval as a shaded band where the
/// source gives one. Gaps stay gaps (lines are not joined across them).
pub fn time_series(series: &[ChartSeries], periods: &[Period], unit: Unit) -> Chart {
    let categories: Vec<String> = periods.iter().map(Period::to_string).collect();
    // No animation: numbers should simply be there, for everyone (and reduced motion).
    let mut chart = Chart::new()
        .animation(false)
        .aria(Aria::new().enabled(true))
        .tooltip(Tooltip::new().trigger(Trigger::Axis))
        .legend(Legend::new().top(0))
        .grid(Grid::new().left(52).right(16).top(72).bottom(32))
        .color(
            PALETTE
                .iter()
                .map(|c| charming::element::Color::from(*c))
                .collect::<Vec<_>>(),
        )
        .x_axis(Axis::new().type_(AxisType::Category).data(categories))
        .y_axis(
            Axis::new()
                .type_(AxisType::Value)
                .name(unit.name())
                .scale(true),
        );
    for (i, s) in series.iter().enumerate() {
        let colour = PALETTE[i % PALETTE.len()];
        let label = s.group.label();
        if s.points
            .iter()
            .any(|p| p.lower.is_some() && p.upper.is_some())
        {
            // The band: an invisible line at the lower bound, and the interval's width stacked on it.
            let stack = format!("band-{i}");
            chart = chart
                .series(
                    Line::new()
                        .name(format!("{label}: 95% interval"))
                        .stack(stack.clone())
                        .show_symbol(false)
                        .silent(true)
                        .line_style(LineStyle::new().opacity(0))
                        .data(aligned(s, periods, |p| p.lower)),
                )
                .series(
                    Line::new()
                        .name(format!("{label}: 95% interval"))
                        .stack(stack)
                        .show_symbol(false)
                        .silent(true)
                        .line_style(LineStyle::new().opacity(0))
                        .area_style(AreaStyle::new().color(colour).opacity(0.18))
                        .data(aligned(s, periods, |p| Some(p.upper? - p.lower?))),
                );
        }
        chart = chart.series(
            Line::new()
                .name(label)
                .connect_nulls(false)
                .symbol_size(8)
                .line_style(LineStyle::new().color(colour).width(2.5))
                .data(aligned(s, periods, |p| p.value)),
        );
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
        let json = serde_json::to_value(time_series(&view, &periods(&view), Unit::MeanScore10))
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
}
