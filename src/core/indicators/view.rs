//! What an indicator page shows, computed from the store: the series to draw (the total and
//! the groups chosen), the table of exactly those numbers, a one-sentence summary, and the CSV
//! of the view. Pure, so the chart adapter and the table only draw it.

use super::model::{format_value, Indicator, Observation, Store};
use super::parse::write_observations;
use super::query::{latest, series, Point};
use super::SeriesKey;

/// At most this many series on one chart (the total and five groups): more cannot be told apart.
pub const MAX_SERIES: usize = 6;

#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize, serde::Deserialize)]
pub struct GroupRef {
    pub group_type: String,
    pub group: String,
}

impl GroupRef {
    pub fn total() -> Self {
        GroupRef {
            group_type: "total".into(),
            group: "Total".into(),
        }
    }

    /// `ethnicity:Māori` in a URL.
    pub fn parse(text: &str) -> Option<GroupRef> {
        let (gt, g) = text.split_once(':')?;
        (!gt.is_empty() && !g.is_empty()).then(|| GroupRef {
            group_type: gt.to_string(),
            group: g.to_string(),
        })
    }

    pub fn to_param(&self) -> String {
        format!("{}:{}", self.group_type, self.group)
    }

    pub fn label(&self) -> String {
        if self.group_type == "total" {
            "Everyone".to_string()
        } else {
            self.group.clone()
        }
    }
}

#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct ChartSeries {
    pub group: GroupRef,
    pub points: Vec<Point>,
}

/// The groups an indicator has data for, other than the total, in a stable order.
pub fn groups_of(store: &Store, indicator: &str) -> Vec<GroupRef> {
    let Some(&i) = store.indicator_ids.get(indicator) else {
        return vec![];
    };
    let mut groups: Vec<GroupRef> = store
        .series_of(i)
        .map(|(k, _)| GroupRef {
            group_type: store.str(k.group_type).to_string(),
            group: store.str(k.group).to_string(),
        })
        .filter(|g| g.group_type != "total")
        .collect();
    crate::core::order::sort(&mut groups);
    groups
}

fn key(store: &Store, indicator: &str, g: &GroupRef) -> Option<SeriesKey> {
    store.key(indicator, &g.group_type, &g.group)
}

/// The total and the chosen groups (those with data, at most [`MAX_SERIES`] in all).
pub fn chart_series(store: &Store, indicator: &str, chosen: &[GroupRef]) -> Vec<ChartSeries> {
    std::iter::once(GroupRef::total())
        .chain(chosen.iter().filter(|g| g.group_type != "total").cloned())
        .filter_map(|g| {
            let points = series(store, key(store, indicator, &g)?);
            (!points.is_empty()).then_some(ChartSeries { group: g, points })
        })
        .take(MAX_SERIES)
        .collect()
}

/// The series cut to the periods from `from` to `to` (either end open), for the view's
/// `?from=2018&to=2023`. A series with nothing left in the window is left out.
pub fn within(
    series: Vec<ChartSeries>,
    from: Option<super::Period>,
    to: Option<super::Period>,
) -> Vec<ChartSeries> {
    let (lo, hi) = (
        from.map_or(0, |p| p.key()),
        to.map_or(u32::MAX, |p| p.key()),
    );
    series
        .into_iter()
        .map(|mut s| {
            s.points.retain(|p| (lo..=hi).contains(&p.period.key()));
            s
        })
        .filter(|s| !s.points.is_empty())
        .collect()
}

/// Every period any of the series has, in order: the chart's x axis.
pub fn periods(series: &[ChartSeries]) -> Vec<super::Period> {
    let mut all: Vec<super::Period> = series
        .iter()
        .flat_map(|s| s.points.iter().map(|p| p.period))
        .collect();
    crate::core::order::sort_by_key(&mut all, |p| p.key());
    all.dedup();
    all
}

/// The rows behind the chart, as observations (for the table and the CSV download).
pub fn rows(store: &Store, series: &[ChartSeries]) -> Vec<Observation> {
    series
        .iter()
        .flat_map(|s| s.points.iter().map(|p| store.row(p.row as usize)))
        .collect()
}

/// The CSV of exactly what the view shows, in the observations format.
pub fn csv(store: &Store, series: &[ChartSeries]) -> String {
    write_observations(&rows(store, series))
}

/// One sentence that says what the chart shows.
pub fn summary(store: &Store, indicator: &Indicator, series: &[ChartSeries]) -> String {
    let Some(total) = series.first() else {
        return format!(
            "There are no figures for {} yet.",
            indicator.title.to_lowercase()
        );
    };
    let Some(k) = key(store, &indicator.id, &total.group) else {
        return String::new();
    };
    let Some(l) = latest(store, k) else {
        return format!(
            "There are no figures for {} yet.",
            indicator.title.to_lowercase()
        );
    };
    let value = l
        .point
        .value
        .map(|v| format_value(v, indicator.unit))
        .unwrap_or_default();
    let mut sentence = format!("{}: {} in {}", indicator.title, value, l.point.period);
    if let Some(c) = l.since_previous {
        let tested = if c.significant.is_none() {
            ", not tested for significance"
        } else {
            ""
        };
        sentence.push_str(&format!(
            " ({} since {}{tested})",
            c.verdict.words(),
            c.from
        ));
    }
    let others: Vec<String> = series[1..]
        .iter()
        .filter_map(|s| {
            let last = s.points.iter().rev().find(|p| p.value.is_some())?;
            Some(format!(
                "{} {} in {}",
                s.group.label(),
                format_value(last.value?, indicator.unit),
                last.period
            ))
        })
        .collect();
    if !others.is_empty() {
        sentence.push_str(&format!("; {}", others.join("; ")));
    }
    sentence.push('.');
    sentence
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::indicators::parse::{read_indicators, read_observations};

    const INDICATORS: &str = "id,title,short_title,dimensions,nodes,mapping_basis,unit,direction,definition,source_name,source_url,licence\nbelong,Sense of belonging,Belonging,dimensions.belonging,,editorial,mean score 0-10,higher_is_better,,S,https://e.org,L\n";
    const OBS: &str = "indicator_id,period,group_type,group,value\nbelong,2021,total,Total,8.6\nbelong,2023,total,Total,8.2\nbelong,2023,ethnicity,Asian,7.8\nbelong,2023,ethnicity,Māori,8.5\n";

    fn store() -> Store {
        let inds = read_indicators("i", INDICATORS.as_bytes()).expect("indicators");
        read_observations("o", OBS.as_bytes(), inds).store
    }

    #[test]
    fn the_view_holds_the_total_and_the_chosen_groups_and_exactly_their_rows() {
        let s = store();
        assert_eq!(
            groups_of(&s, "belong")
                .iter()
                .map(GroupRef::to_param)
                .collect::<Vec<_>>(),
            ["ethnicity:Asian", "ethnicity:Māori"]
        );
        let chosen = [
            GroupRef::parse("ethnicity:Māori").expect("group"),
            GroupRef::parse("ethnicity:Nobody").expect("group"),
        ];
        let view = chart_series(&s, "belong", &chosen);
        assert_eq!(
            view.iter().map(|c| c.group.label()).collect::<Vec<_>>(),
            ["Everyone", "Māori"],
            "a group without data is left out"
        );
        assert_eq!(
            periods(&view)
                .iter()
                .map(|p| p.to_string())
                .collect::<Vec<_>>(),
            ["2021", "2023"]
        );
        let csv = csv(&s, &view);
        assert_eq!(csv.lines().count(), 1 + 3);
        assert!(csv.contains("belong,2023,ethnicity,Māori,8.5,"));
        let indicator = &s.indicators[0];
        assert_eq!(
            summary(&s, indicator, &view),
            "Sense of belonging: 8.2 out of 10 in 2023 (worsened since 2021, not tested for significance); Māori 8.5 out of 10 in 2023."
        );
    }

    #[test]
    fn a_period_window_keeps_only_its_periods() {
        let s = store();
        let all = chart_series(
            &s,
            "belong",
            &[GroupRef::parse("ethnicity:Asian").expect("g")],
        );
        let p = |t: &str| crate::core::indicators::Period::parse(t);
        let late = within(all.clone(), p("2022"), None);
        assert_eq!(
            periods(&late)
                .iter()
                .map(|x| x.to_string())
                .collect::<Vec<_>>(),
            ["2023"]
        );
        assert_eq!(late.len(), 2, "everyone and Asian both have 2023");
        let early = within(all.clone(), None, p("2021"));
        assert_eq!(
            early.len(),
            1,
            "Asian has nothing before 2023 and drops out"
        );
        assert_eq!(within(all.clone(), None, None), all);
    }

    #[test]
    fn at_most_six_series() {
        let s = store();
        let many: Vec<GroupRef> = (0..10)
            .map(|_| GroupRef::parse("ethnicity:Asian").expect("g"))
            .collect();
        assert!(chart_series(&s, "belong", &many).len() <= MAX_SERIES);
        assert_eq!(GroupRef::parse("nocolon"), None);
    }
}
