//! The five-dimension profile of each population group, and a composite with weights a
//! person chooses (a build-your-own index).
//!
//! Method, in plain words:
//! 0. Only indicators about the population most indicators describe (their `population`;
//!    "People aged 15 and over" in the shipped data) go in, so a group is never a mix of, say,
//!    all 15 to 24 year olds and Māori aged 15 to 24.
//!    Only indicators whose latest value for the whole population is within
//!    [`RECENT_YEARS`] of the newest period in the data go in, so the profile is one recent
//!    picture (not 2008's volunteering beside 2023's belonging).
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

#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
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
    Some(Scale::of(unit, direction)?.score(value))
}

/// An indicator's fixed scale, from its unit and direction: what turns its figures into
/// scores.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Scale {
    lo: f64,
    hi: f64,
    lower_is_better: bool,
}

impl Scale {
    /// `None` for units with no fixed scale (counts, ratios, indices) and for indicators with
    /// no better direction.
    pub fn of(unit: Unit, direction: Direction) -> Option<Scale> {
        let (lo, hi) = match unit {
            Unit::Percent => (0.0, 100.0),
            Unit::MeanScore10 => (0.0, 10.0),
            Unit::Ratio | Unit::Count | Unit::Index => return None,
        };
        let lower_is_better = match direction {
            Direction::HigherIsBetter => false,
            Direction::LowerIsBetter => true,
            Direction::Neutral => return None,
        };
        Some(Scale { lo, hi, lower_is_better })
    }

    pub fn score(self, value: f64) -> f64 {
        self.unclamped(value).clamp(0.0, 100.0)
    }

    /// The score before it is held to 0..100: an affine function of the value, so a value
    /// moved by `d` moves it by `slope() * d` (the rank ranges draw millions of scores this way).
    pub fn unclamped(self, value: f64) -> f64 {
        let s = (value - self.lo) / (self.hi - self.lo) * 100.0;
        if self.lower_is_better {
            100.0 - s
        } else {
            s
        }
    }

    pub fn slope(self) -> f64 {
        let s = 100.0 / (self.hi - self.lo);
        if self.lower_is_better {
            -s
        } else {
            s
        }
    }
}

/// A row that goes into the profile: the store's row, its score, and the dimensions (their
/// positions in the list asked for) it counts towards.
pub(crate) struct Scored {
    pub(crate) row: u32,
    pub(crate) score: f64,
    pub(crate) dimensions: Vec<usize>,
}

/// The rows the profile is made of: for each indicator of a dimension, each group's figure in
/// the latest period that has a figure for everyone, where it can be scored.
pub(crate) fn scored_rows(store: &Store, dimensions: &[String]) -> Vec<Scored> {
    let total_gt = store.string_id("total");
    let total_g = store.string_id("Total");
    let population = headline_population(store);
    // Each candidate indicator (the headline population, a dimension asked for) with its
    // latest period that has a figure for everyone.
    let candidates: Vec<(u32, Vec<usize>, super::Period)> = store
        .indicators
        .iter()
        .enumerate()
        // Only indicators that can be scored (a fixed scale, a better direction).
        .filter(|(_, ind)| ind.population == population && score(0.0, ind.unit, ind.direction).is_some())
        .filter_map(|(i, ind)| {
            let dims: Vec<usize> = ind
                .dimensions
                .iter()
                .filter_map(|d| dimensions.iter().position(|x| x == d))
                .collect();
            let key = super::SeriesKey {
                indicator: i as u32,
                group_type: total_gt?,
                group: total_g?,
            };
            let latest = series(store, key).into_iter().rev().find(|p| p.value.is_some())?;
            (!dims.is_empty()).then_some((i as u32, dims, latest.period))
        })
        .collect();
    // "Recent" is reckoned from the newest of those, so the rows the profile is made of give
    // the same profile when loaded back on their own.
    let newest = candidates
        .iter()
        .map(|(_, _, p)| p.as_year())
        .fold(f64::NEG_INFINITY, f64::max);
    let mut out = Vec::new();
    for (i, dims, period) in candidates {
        if period.as_year() < newest - RECENT_YEARS {
            continue;
        }
        let ind = &store.indicators[i as usize];
        for (_, rows) in store.series_of(i) {
            let Some(&row) = rows.iter().find(|&&r| store.period[r as usize] == period) else {
                continue;
            };
            let value = store.value[row as usize];
            if value.is_nan() {
                continue;
            }
            let Some(score) = score(value, ind.unit, ind.direction) else {
                continue;
            };
            out.push(Scored { row, score, dimensions: dims.clone() });
        }
    }
    out
}

/// How far back from the newest period an indicator's latest figure may be and still count.
pub const RECENT_YEARS: f64 = 5.0;

/// The population most indicators describe (ties: the one that comes first in the data).
pub fn headline_population(store: &Store) -> &str {
    let mut counts: Vec<(&str, usize)> = Vec::new();
    for ind in &store.indicators {
        match counts.iter_mut().find(|(p, _)| *p == ind.population) {
            Some((_, n)) => *n += 1,
            None => counts.push((&ind.population, 1)),
        }
    }
    // max_by_key keeps the last of equals; reversed, it keeps the first.
    counts.iter().rev().max_by_key(|(_, n)| *n).map(|(p, _)| *p).unwrap_or("")
}

/// The published rows the profile over `dimensions` is made of (what its downloads hold: loaded
/// back, they give the same profile).
pub fn profile_rows(store: &Store, dimensions: &[String]) -> Vec<super::Observation> {
    scored_rows(store, dimensions).iter().map(|s| store.row(s.row as usize)).collect()
}

/// Every group's profile over `dimensions` (dimension node ids).
pub fn profiles(store: &Store, dimensions: &[String]) -> Vec<GroupProfile> {
    // (group type, group) -> per dimension: (sum, count)
    let mut acc: BTreeMap<(u32, u32), Vec<(f64, usize)>> = BTreeMap::new();
    for s in scored_rows(store, dimensions) {
        let r = s.row as usize;
        let entry = acc
            .entry((store.group_type[r], store.group[r]))
            .or_insert_with(|| vec![(0.0, 0); dimensions.len()]);
        for &d in &s.dimensions {
            entry[d].0 += s.score;
            entry[d].1 += 1;
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
    crate::core::order::sort_by(&mut out, |a, b| (&a.group_type, &a.group).cmp(&(&b.group_type, &b.group)));
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

/// The largest weight a person can give a dimension; 0 leaves it out.
pub const WEIGHT_MAX: u8 = 5;

/// Weights from the URL (`w=1,2,0,1,1`), one per dimension; equal weights when absent or not
/// one whole number from 0 to [`WEIGHT_MAX`] per dimension.
pub fn parse_weights(text: Option<&str>, dimensions: usize) -> Vec<f64> {
    let equal = vec![1.0; dimensions];
    let Some(text) = text else { return equal };
    let parsed: Option<Vec<f64>> = text
        .split(',')
        .map(|w| {
            w.trim()
                .parse::<u8>()
                .ok()
                .filter(|w| *w <= WEIGHT_MAX)
                .map(f64::from)
        })
        .collect();
    match parsed {
        Some(w) if w.len() == dimensions => w,
        _ => equal,
    }
}

/// The URL form of the weights; `None` for equal weights (the default, left out of links).
pub fn weights_param(weights: &[f64]) -> Option<String> {
    weights.iter().any(|w| *w != 1.0).then(|| {
        weights
            .iter()
            .map(|w| format!("{}", *w as u8))
            .collect::<Vec<_>>()
            .join(",")
    })
}

/// A group's composite with the weights, and how many weighted dimensions it rests on.
#[derive(Debug, Clone, PartialEq)]
pub struct Ranked {
    pub profile: usize,
    pub composite: f64,
    pub dimensions_used: usize,
}

/// Groups with a composite, highest first (ties by name): the build-your-own index.
pub fn ranked(profiles: &[GroupProfile], weights: &[f64]) -> Vec<Ranked> {
    let mut out: Vec<Ranked> = profiles
        .iter()
        .enumerate()
        .filter_map(|(i, p)| {
            Some(Ranked {
                profile: i,
                composite: composite(&p.scores, weights)?,
                dimensions_used: p
                    .scores
                    .iter()
                    .zip(weights)
                    .filter(|(s, w)| s.is_some() && **w > 0.0)
                    .count(),
            })
        })
        .collect();
    crate::core::order::sort_by(&mut out, |a, b| {
        b.composite
            .total_cmp(&a.composite)
            .then_with(|| profiles[a.profile].group.cmp(&profiles[b.profile].group))
    });
    out
}

#[cfg(test)]
mod weight_tests {
    use super::*;
    use crate::core::fixtures::{atlas, store};
    use proptest::prelude::*;

    #[test]
    fn weights_read_from_the_url_or_fall_back_to_equal() {
        assert_eq!(parse_weights(None, 5), [1.0; 5]);
        assert_eq!(
            parse_weights(Some("2,0,1,1,5"), 5),
            [2.0, 0.0, 1.0, 1.0, 5.0]
        );
        assert_eq!(parse_weights(Some("2,0,1"), 5), [1.0; 5], "wrong length");
        assert_eq!(
            parse_weights(Some("9,1,1,1,1"), 5),
            [1.0; 5],
            "out of range"
        );
        assert_eq!(weights_param(&[1.0; 5]), None);
        assert_eq!(
            weights_param(&[2.0, 0.0, 1.0, 1.0, 5.0]).as_deref(),
            Some("2,0,1,1,5")
        );
    }

    #[test]
    fn the_shipped_profiles_rank_with_the_weights_a_person_sets() {
        let s = store();
        let dims: Vec<String> = atlas().dimensions().iter().map(|n| n.id.clone()).collect();
        assert_eq!(dims.len(), 5);
        assert_eq!(dims[3], "dimensions.recognition");
        let p = profiles(s, &dims);
        let total = p
            .iter()
            .position(|g| g.group_type == "total")
            .expect("total");
        assert!(
            p[total].scores.iter().all(Option::is_some),
            "everyone has all five"
        );
        let equal = ranked(&p, &[1.0; 5]);
        assert_eq!(equal.len(), p.len());
        // Recognition only: the groups with a discrimination figure and everyone.
        let recognition = ranked(&p, &[0.0, 0.0, 0.0, 1.0, 0.0]);
        let names: Vec<&str> = recognition
            .iter()
            .map(|r| p[r.profile].group.as_str())
            .collect();
        assert_eq!(
            names,
            [
                "Canterbury",
                "Māori",
                "Disabled people of working age",
                "Sexual minorities",
                "Total"
            ]
        );
        assert!(recognition.iter().all(|r| r.dimensions_used == 1));
    }

    #[test]
    fn the_rows_behind_the_profile_give_the_same_profile_when_loaded_back() {
        use crate::core::indicators::parse::{read_observations, write_observations};
        let dims: Vec<String> = atlas().dimensions().iter().map(|n| n.id.clone()).collect();
        let rows = profile_rows(store(), &dims);
        assert!(!rows.is_empty() && rows.len() < store().len(), "only the latest scored rows");
        let read = read_observations("profile.csv", write_observations(&rows).as_bytes(), store().indicators.clone());
        assert!(read.errors.is_empty(), "{}", read.errors);
        assert_eq!(profiles(&read.store, &dims), profiles(store(), &dims));
    }

    proptest! {
        #[test]
        fn a_composite_lies_between_the_lowest_and_highest_score_it_uses(
            scores in proptest::collection::vec(proptest::option::of(0.0f64..=100.0), 5),
            weights in proptest::collection::vec(0u8..=WEIGHT_MAX, 5),
        ) {
            let w: Vec<f64> = weights.iter().map(|&x| f64::from(x)).collect();
            let used: Vec<f64> = scores.iter().zip(&w).filter_map(|(s, w)| s.filter(|_| *w > 0.0)).collect();
            match composite(&scores, &w) {
                None => prop_assert!(used.is_empty()),
                Some(c) => {
                    let lo = used.iter().cloned().fold(f64::INFINITY, f64::min);
                    let hi = used.iter().cloned().fold(f64::NEG_INFINITY, f64::max);
                    prop_assert!(c >= lo - 1e-9 && c <= hi + 1e-9);
                }
            }
        }
    }
}
