//! What an indicator page shows, computed from the store: the series to draw (the total and
//! the groups chosen), the table of exactly those numbers, a one-sentence summary, and the CSV
//! of the view. Pure, so the chart adapter and the table only draw it.

use super::model::{Indicator, Observation, Store};
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

/// The groups a view shows when the person has chosen none: none beside everyone, or, for an
/// indicator published for groups only, its first groups (up to [`MAX_SERIES`]), so the page
/// is never empty.
pub fn default_groups(store: &Store, indicator: &str) -> Vec<GroupRef> {
    if super::query::has_total(store, indicator) {
        return Vec::new();
    }
    groups_of(store, indicator).into_iter().take(MAX_SERIES).collect()
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


/// The facts the summary sentence states (the view words them in the interface's language).
#[derive(Debug, Clone, PartialEq)]
pub struct Summary {
    /// The whole population's latest value and its period; `None` when there are no figures.
    pub latest: Option<(f64, super::Period)>,
    /// The change since the previous value, never across a series break.
    pub change: Option<super::query::Change>,
    /// Where the series last breaks, when it does.
    pub break_at: Option<super::Period>,
    /// Each chosen group's latest value.
    pub groups: Vec<(GroupRef, f64, super::Period)>,
    /// The source gives no figure for everyone, only for groups.
    pub groups_only: bool,
}

/// What the chart shows, as facts: the latest value for everyone, its change, any break, and
/// each chosen group's latest value.
pub fn summary_facts(store: &Store, indicator: &Indicator, series: &[ChartSeries]) -> Summary {
    let l = series
        .first()
        .filter(|s| s.group.group_type == "total")
        .and_then(|total| key(store, &indicator.id, &total.group))
        .and_then(|k| latest(store, k));
    let groups = series
        .iter()
        .filter(|s| s.group.group_type != "total")
        .filter_map(|s| {
            let last = s.points.iter().rev().find(|p| p.value.is_some())?;
            Some((s.group.clone(), last.value?, last.period))
        })
        .collect();
    let groups_only = series.first().is_none_or(|s| s.group.group_type != "total");
    Summary {
        groups_only,
        latest: l.as_ref().and_then(|l| Some((l.point.value?, l.point.period))),
        change: l.as_ref().and_then(|l| l.since_previous),
        break_at: l.and_then(|l| l.break_at),
        groups,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::indicators::parse::{read_indicators, read_observations, write_observations};

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
        // What the view's download writes: its rows in the observations format.
        let csv = write_observations(&rows(&s, &view));
        assert_eq!(csv.lines().count(), 1 + 3);
        assert!(csv.contains("belong,2023,ethnicity,Māori,8.5,"));
        let facts = summary_facts(&s, &s.indicators[0], &view);
        assert_eq!(facts.latest, Some((8.2, super::super::Period::Year(2023))));
        let change = facts.change.expect("change");
        assert_eq!(
            (change.verdict, change.from.to_string(), change.significant),
            (super::super::query::Verdict::Worsened, "2021".to_string(), None)
        );
        assert_eq!(facts.break_at, None);
        assert_eq!(facts.groups.len(), 1);
        assert_eq!((facts.groups[0].0.group.as_str(), facts.groups[0].1), ("Māori", 8.5));
    }

    #[test]
    fn an_indicator_published_for_groups_only_shows_its_groups_and_says_so() {
        let inds = read_indicators("i", INDICATORS.as_bytes()).expect("indicators");
        let obs = "indicator_id,period,group_type,group,value\nbelong,2002/03,ethnicity,Māori,4.5\nbelong,2002/03,ethnicity,European,0.5\n";
        let s = read_observations("o", obs.as_bytes(), inds).store;
        let chosen = default_groups(&s, "belong");
        assert_eq!(chosen.len(), 2, "no total: the groups are shown by default");
        let view = chart_series(&s, "belong", &chosen);
        let facts = summary_facts(&s, &s.indicators[0], &view);
        assert!(facts.groups_only && facts.latest.is_none() && facts.change.is_none());
        assert_eq!(facts.groups.len(), 2);
        let b = super::super::breakdown::breakdown(&s, "belong").expect("a breakdown without a total");
        assert_eq!(b.period.to_string(), "2002/03");
        assert_eq!(b.bars.len(), 2);
        assert!(b.gaps.is_empty(), "no total, no gaps");
        assert!(default_groups(&store(), "belong").is_empty(), "with a total, none by default");
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
