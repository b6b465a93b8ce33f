//! The five-dimension profile of each population group, and a composite with weights a
//! person chooses (a build-your-own index).
//!
//! Method, in plain words:
//! 1. For each indicator, take the latest period that has a value for the whole population.
//! 2. Turn each group's value into a score from 0 to 100 on the indicator's own scale
//!    (0–100 for a percentage, 0–10 for a mean score), so that 100 is always the best end:
//!    an indicator where lower is better is flipped. Indicators with no better direction, or
//!    with no fixed scale (counts, ratios), are left out of the profile.
//! 3. A group's score on a dimension is the mean of its scores on the indicators that measure
//!    that dimension. A dimension with no such indicator for the group has no score (a gap,
//!    not a zero).
//! 4. The composite is the weighted mean of the dimension scores the group has, with the
//!    person's weights; dimensions without a score drop out of both sums.
//!
//! Scoring on each indicator's fixed scale, rather than against the best and worst group,
//! keeps a group's score the same whichever other groups are in the data.

use std::collections::BTreeMap;

use super::model::{Direction, Store, Unit};
use super::query::series;

#[derive(Debug, Clone, PartialEq)]
pub struct GroupProfile {
    pub group_type: String,
    pub group: String,
    /// One score per dimension (0 to 100, higher is better), in the order asked for.
    pub scores: Vec<Option<f64>>,
    /// How many indicator scores went into each dimension's score.
    pub counts: Vec<usize>,
}

/// A value's score from 0 to 100 on its indicator's scale, 100 being the better end.
pub fn score(value: f64, unit: Unit, direction: Direction) -> Option<f64> {
    let (lo, hi) = match unit {
        Unit::Percent => (0.0, 100.0),
        Unit::MeanScore10 => (0.0, 10.0),
        Unit::Ratio | Unit::Count => return None,
    };
    let s = ((value - lo) / (hi - lo) * 100.0).clamp(0.0, 100.0);
    match direction {
        Direction::HigherIsBetter => Some(s),
        Direction::LowerIsBetter => Some(100.0 - s),
        Direction::Neutral => None,
    }
}

/// Every group's profile over `dimensions` (dimension node ids).
pub fn profiles(store: &Store, dimensions: &[String]) -> Vec<GroupProfile> {
    let total_gt = store.string_id("total");
    let total_g = store.string_id("Total");
    // (group type, group) -> per dimension: (sum, count)
    let mut acc: BTreeMap<(u32, u32), Vec<(f64, usize)>> = BTreeMap::new();
    for (i, ind) in store.indicators.iter().enumerate() {
        let dims: Vec<usize> = ind
            .dimensions
            .iter()
            .filter_map(|d| dimensions.iter().position(|x| x == d))
            .collect();
        if dims.is_empty() {
            continue;
        }
        let i = i as u32;
        let latest_total = match (total_gt, total_g) {
            (Some(gt), Some(g)) => series(
                store,
                super::SeriesKey {
                    indicator: i,
                    group_type: gt,
                    group: g,
                },
            )
            .into_iter()
            .rev()
            .find(|p| p.value.is_some())
            .map(|p| p.period),
            _ => None,
        };
        let Some(period) = latest_total else { continue };
        for (key, rows) in store.series_of(i) {
            let Some(&row) = rows.iter().find(|&&r| store.period[r as usize] == period) else {
                continue;
            };
            let value = store.value[row as usize];
            if value.is_nan() {
                continue;
            }
            let Some(s) = score(value, ind.unit, ind.direction) else {
                continue;
            };
            let entry = acc
                .entry((key.group_type, key.group))
                .or_insert_with(|| vec![(0.0, 0); dimensions.len()]);
            for &d in &dims {
                entry[d].0 += s;
                entry[d].1 += 1;
            }
        }
    }
    let mut out: Vec<GroupProfile> = acc
        .into_iter()
        .map(|((group_type, group), sums)| GroupProfile {
            group_type: store.str(group_type).to_string(),
            group: store.str(group).to_string(),
            scores: sums
                .iter()
                .map(|&(s, n)| (n > 0).then(|| s / n as f64))
                .collect(),
            counts: sums.iter().map(|&(_, n)| n).collect(),
        })
        .collect();
    out.sort_by(|a, b| (&a.group_type, &a.group).cmp(&(&b.group_type, &b.group)));
    out
}

/// The weighted mean of the scores present; `None` when no weighted dimension has a score.
pub fn composite(scores: &[Option<f64>], weights: &[f64]) -> Option<f64> {
    let (mut sum, mut weight) = (0.0, 0.0);
    for (s, w) in scores.iter().zip(weights) {
        if let (Some(s), true) = (s, *w > 0.0) {
            sum += s * w;
            weight += w;
        }
    }
    (weight > 0.0).then(|| sum / weight)
}
