//! The latest period of one indicator, broken down by population group: each group's value
//! with its interval (the breakdown chart), and its gap to the whole population (the gap
//! chart), each with a one-sentence summary. Also the sparkline geometry for the overview.

use super::model::{format_value, Direction, Indicator, Store, Unit};
use super::query::{gaps, Gap, Point};
use super::view::GroupRef;
use super::Period;

#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Bar {
    pub group: GroupRef,
    pub value: f64,
    pub lower: Option<f64>,
    pub upper: Option<f64>,
    /// The observation's row in the store (for the table's source column).
    pub row: u32,
}

#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Breakdown {
    pub period: Period,
    /// The whole population first, then groups from the highest value to the lowest.
    pub bars: Vec<Bar>,
    /// Groups against the total, ranked from the group furthest behind.
    pub gaps: Vec<Gap>,
}

/// The breakdown at the latest period that has a value for the whole population; `None`
/// when the indicator has no groups at that period.
pub fn breakdown(store: &Store, indicator: &str) -> Option<Breakdown> {
    let &i = store.indicator_ids.get(indicator)?;
    let gaps = gaps(store, i, None);
    let period = gaps.first()?.period;
    let mut bars: Vec<Bar> = store
        .series_of(i)
        .filter_map(|(k, rows)| {
            let r = *rows.iter().find(|&&r| store.period[r as usize] == period)?;
            let value = store.value[r as usize];
            let opt = |v: f64| (!v.is_nan()).then_some(v);
            Some(Bar {
                group: GroupRef {
                    group_type: store.str(k.group_type).to_string(),
                    group: store.str(k.group).to_string(),
                },
                value: opt(value)?,
                lower: opt(store.lower[r as usize]),
                upper: opt(store.upper[r as usize]),
                row: r,
            })
        })
        .collect();
    crate::core::order::sort_by(&mut bars, |a, b| {
        (b.group.group_type == "total")
            .cmp(&(a.group.group_type == "total"))
            .then(b.value.total_cmp(&a.value))
            .then_with(|| a.group.cmp(&b.group))
    });
    Some(Breakdown { period, bars, gaps })
}

/// Rounds away floating-point noise from arithmetic (8.2 − 8.6 = −0.3999…), keeping every
/// decimal a source could publish. For differences shown in charts and tables.
pub fn tidy(v: f64) -> f64 {
    (v * 1e6).round() / 1e6
}

fn plural(n: usize, one: &str, many: &str) -> String {
    if n == 1 {
        format!("1 {one}")
    } else {
        format!("{n} {many}")
    }
}

/// One sentence for the breakdown chart: the highest and the lowest group.
pub fn breakdown_summary(indicator: &Indicator, b: &Breakdown) -> String {
    let groups: Vec<&Bar> = b
        .bars
        .iter()
        .filter(|x| x.group.group_type != "total")
        .collect();
    let fmt = |v: f64| format_value(v, indicator.unit);
    match (groups.first(), groups.last()) {
        (Some(hi), Some(lo)) if groups.len() > 1 => format!(
            "In {}, {} groups have figures: the highest is {} ({}), the lowest {} ({}).",
            b.period,
            groups.len(),
            hi.group.group,
            fmt(hi.value),
            lo.group.group,
            fmt(lo.value)
        ),
        (Some(only), _) => format!(
            "In {}, only {} has a figure among the groups: {}.",
            b.period,
            only.group.group,
            fmt(only.value)
        ),
        _ => format!("In {} there are no figures for groups.", b.period),
    }
}

/// Words for a gap, respecting the indicator's direction: "3.2 points worse than everyone".
pub fn gap_words(gap: &Gap, unit: Unit, direction: Direction) -> String {
    let size = format_value(gap.difference.abs(), unit)
        .replace('%', " points")
        .replace(" out of 10", " points");
    if gap.difference == 0.0 {
        return "the same as everyone".into();
    }
    let word = match (direction, gap.difference > 0.0) {
        (Direction::Neutral, true) => "higher than",
        (Direction::Neutral, false) => "lower than",
        _ if gap.shortfall > 0.0 => "worse than",
        _ => "better than",
    };
    format!("{size} {word} everyone")
}

/// One sentence for the gap chart: the group furthest behind, and how many are behind.
pub fn gap_summary(indicator: &Indicator, b: &Breakdown) -> String {
    let Some(first) = b.gaps.first() else {
        return format!(
            "In {} there are no groups to compare with everyone.",
            b.period
        );
    };
    if indicator.direction == Direction::Neutral {
        return format!(
            "In {}, the largest difference from everyone is for {}: {}.",
            b.period,
            first.group,
            gap_words(first, indicator.unit, indicator.direction)
        );
    }
    let behind = b.gaps.iter().filter(|g| g.shortfall > 0.0).count();
    if behind == 0 {
        return format!(
            "In {}, no group with figures is behind everyone; the closest is {}: {}.",
            b.period,
            b.gaps.last().map(|g| g.group.as_str()).unwrap_or_default(),
            gap_words(
                b.gaps.last().unwrap_or(first),
                indicator.unit,
                indicator.direction
            )
        );
    }
    format!(
        "In {}, {} behind everyone; the furthest behind is {}: {}.",
        b.period,
        plural(behind, "group is", "groups are"),
        first.group,
        gap_words(first, indicator.unit, indicator.direction)
    )
}

/// A sparkline's geometry in a `width` × `height` box: one SVG path (a new stroke after each
/// gap) and the last point, to mark it.
#[derive(Debug, Clone, PartialEq)]
pub struct Sparkline {
    pub path: String,
    pub last: (f64, f64),
}

pub fn sparkline(points: &[Point], width: f64, height: f64) -> Option<Sparkline> {
    let values: Vec<f64> = points.iter().filter_map(|p| p.value).collect();
    let (lo, hi) = values
        .iter()
        .fold((f64::INFINITY, f64::NEG_INFINITY), |(lo, hi), &v| {
            (lo.min(v), hi.max(v))
        });
    if values.is_empty() {
        return None;
    }
    let pad = 2.0;
    let n = points.len();
    let x = |i: usize| {
        if n == 1 {
            width / 2.0
        } else {
            pad + (width - 2.0 * pad) * i as f64 / (n - 1) as f64
        }
    };
    let y = |v: f64| {
        if hi > lo {
            height - pad - (height - 2.0 * pad) * (v - lo) / (hi - lo)
        } else {
            height / 2.0
        }
    };
    let mut path = String::new();
    let mut pen_down = false;
    let mut last = (0.0, 0.0);
    for (i, p) in points.iter().enumerate() {
        match p.value {
            Some(v) => {
                let (px, py) = (x(i), y(v));
                path.push_str(&format!(
                    "{}{px:.1} {py:.1} ",
                    if pen_down { "L" } else { "M" }
                ));
                pen_down = true;
                last = (px, py);
            }
            None => pen_down = false,
        }
    }
    Some(Sparkline {
        path: path.trim_end().to_string(),
        last,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::fixtures::store;
    use proptest::prelude::*;

    #[test]
    fn the_breakdown_puts_everyone_first_then_groups_high_to_low() {
        let s = store();
        let b = breakdown(s, "belonging_nz").expect("breakdown");
        assert_eq!(b.period.to_string(), "2023");
        let names: Vec<String> = b.bars.iter().map(|x| x.group.label()).collect();
        assert_eq!(
            names,
            ["Everyone", "Māori", "European", "Pacific peoples", "Asian"]
        );
        let ind = s.indicator("belonging_nz").expect("i");
        assert_eq!(
            breakdown_summary(ind, &b),
            "In 2023, 4 groups have figures: the highest is Māori (8.5 out of 10), the lowest Asian (7.8 out of 10)."
        );
        assert_eq!(
            gap_summary(ind, &b),
            "In 2023, 1 group is behind everyone; the furthest behind is Asian: 0.4 points worse than everyone."
        );
        assert!(
            breakdown(s, "trust_police").is_none(),
            "no groups, no breakdown"
        );
    }

    #[test]
    fn gaps_read_the_right_way_round_when_lower_is_better() {
        let s = store();
        let b = breakdown(s, "discrimination").expect("breakdown");
        let ind = s.indicator("discrimination").expect("i");
        assert_eq!(b.gaps[0].group, "Sexual minorities");
        assert_eq!(
            gap_words(&b.gaps[0], ind.unit, ind.direction),
            "17.1 points worse than everyone"
        );
        assert!(gap_summary(ind, &b).starts_with("In 2021, 3 groups are behind everyone"));
    }

    fn pt(year: i32, value: Option<f64>) -> Point {
        Point {
            period: Period::Year(year),
            value,
            lower: None,
            upper: None,
            row: 0,
        }
    }

    #[test]
    fn sparklines_break_at_gaps_and_handle_flat_and_single_series() {
        let s = sparkline(
            &[
                pt(1, Some(1.0)),
                pt(2, None),
                pt(3, Some(3.0)),
                pt(4, Some(2.0)),
            ],
            104.0,
            24.0,
        )
        .expect("line");
        assert_eq!(s.path, "M2.0 22.0 M68.7 2.0 L102.0 12.0");
        assert_eq!(s.last, (102.0, 12.0));
        let flat = sparkline(&[pt(1, Some(5.0)), pt(2, Some(5.0))], 100.0, 20.0).expect("flat");
        assert_eq!(flat.path, "M2.0 10.0 L98.0 10.0");
        assert_eq!(
            sparkline(&[pt(1, Some(5.0))], 100.0, 20.0)
                .expect("one")
                .last,
            (50.0, 10.0)
        );
        assert!(sparkline(&[pt(1, None)], 100.0, 20.0).is_none());
    }

    proptest! {
        #[test]
        fn a_sparkline_stays_inside_its_box(values in proptest::collection::vec(proptest::option::of(-1e6f64..1e6), 0..30)) {
            let points: Vec<Point> = values.iter().enumerate().map(|(i, v)| pt(2000 + i as i32, *v)).collect();
            if let Some(s) = sparkline(&points, 100.0, 24.0) {
                for token in s.path.split(' ') {
                    let n: f64 = token.trim_start_matches(['M', 'L']).parse().expect("number");
                    prop_assert!((0.0..=100.0).contains(&n));
                }
            }
        }
    }
}
