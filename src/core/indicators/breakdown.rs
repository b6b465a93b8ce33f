//! The latest period of one indicator, broken down by population group: each group's value
//! with its interval (the breakdown chart), and its gap to the whole population (the gap
//! chart), each with a one-sentence summary. Also the sparkline geometry for the overview.

use super::model::{Direction, Store};
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

/// The breakdown at the latest period that has a value for the whole population; for an
/// indicator published for groups only (no figure for everyone), at the latest period any
/// group has, with no gaps. `None` when there are no groups to show.
pub fn breakdown(store: &Store, indicator: &str) -> Option<Breakdown> {
    let &i = store.indicator_ids.get(indicator)?;
    let gaps = gaps(store, i, None);
    let period = match gaps.first() {
        Some(g) => g.period,
        None if !super::query::has_total(store, indicator) => store
            .series_of(i)
            .flat_map(|(_, rows)| rows.iter().map(|&r| r as usize))
            .filter(|&r| !store.value[r].is_nan())
            .map(|r| store.period[r])
            .max_by_key(|p| p.key())?,
        None => return None,
    };
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

/// The groups of a breakdown (everyone left out), from the highest value to the lowest.
pub fn group_bars(b: &Breakdown) -> Vec<&Bar> {
    b.bars
        .iter()
        .filter(|x| x.group.group_type != "total")
        .collect()
}

/// Which way a group differs from everyone, by the indicator's direction.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum GapSide {
    Same,
    Worse,
    Better,
    /// For an indicator with no better direction.
    Higher,
    Lower,
}

pub fn gap_side(gap: &Gap, direction: Direction) -> GapSide {
    if gap.difference == 0.0 {
        return GapSide::Same;
    }
    match (direction, gap.difference > 0.0) {
        (Direction::Neutral, true) => GapSide::Higher,
        (Direction::Neutral, false) => GapSide::Lower,
        _ if gap.shortfall > 0.0 => GapSide::Worse,
        _ => GapSide::Better,
    }
}

/// How many groups are behind everyone (none for an indicator with no better direction).
pub fn behind(b: &Breakdown, direction: Direction) -> usize {
    if direction == Direction::Neutral {
        return 0;
    }
    b.gaps.iter().filter(|g| g.shortfall > 0.0).count()
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
        // A series break lifts the pen, as a gap does: the two sides are not joined.
        if p.breaks {
            pen_down = false;
        }
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
        assert_eq!(group_bars(&b).len(), 4);
        assert_eq!(behind(&b, ind.direction), 1);
        assert_eq!(b.gaps[0].group, "Asian");
        assert_eq!(tidy(b.gaps[0].difference), -0.4);
        assert_eq!(gap_side(&b.gaps[0], ind.direction), GapSide::Worse);
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
        assert_eq!(tidy(b.gaps[0].difference), 17.1);
        assert_eq!(gap_side(&b.gaps[0], ind.direction), GapSide::Worse);
        assert_eq!(behind(&b, ind.direction), 3);
    }

    fn pt(year: i32, value: Option<f64>) -> Point {
        Point {
            period: Period::Year(year),
            value,
            lower: None,
            upper: None,
            row: 0,
            breaks: false,
            interval_95: true,
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
