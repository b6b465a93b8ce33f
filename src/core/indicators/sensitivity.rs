//! How much the build-your-own index's ranking depends on the weights.
//!
//! Every weighting on the grid the profile offers (each of the five dimensions weighted 0 to
//! [`WEIGHT_MAX`]: 6^5 = 7,776 weightings; the one that weights nothing ranks nothing and is
//! left out) is tried, and for each group we keep its best and worst rank, how often it ranks
//! as it does under the person's own weights, and which groups it changes places with.
//!
//! A group is ranked under a weighting when it has a score on at least one weighted dimension:
//! the index is the weighted mean of the scores it has (see [`super::profile::composite`]), so a
//! dimension without figures for the group drops out rather than counting as zero, and a
//! weighting that weights only such dimensions leaves the group unranked. Ranks are competition
//! ranks among the groups ranked under that weighting (1 + the number of groups with a higher
//! index; equal indexes share a rank).

use super::profile::{composite, GroupProfile, WEIGHT_MAX};

/// Indexes closer than this are equal (the scores are means of published figures).
const TIE: f64 = 1e-9;

/// Up to this many groups, which pairs change places is worked out too (it grows with the
/// square of the groups; the profile shows a handful, a synthetic benchmark thousands).
pub const MAX_PAIRED_GROUPS: usize = 64;

/// What trying every weighting found, for every group of the profile.
#[derive(Debug, Clone, PartialEq)]
pub struct Sensitivity {
    /// How many weightings were tried (every weighting on the grid that weights something).
    pub weightings: usize,
    /// Whether `changes_places_with` was worked out (at most [`MAX_PAIRED_GROUPS`] groups).
    pub pairs_checked: bool,
    /// One per profile, in the profiles' order.
    pub groups: Vec<GroupSensitivity>,
}

/// One group's ranks across every weighting.
#[derive(Debug, Clone, PartialEq)]
pub struct GroupSensitivity {
    /// The group's index in the profiles.
    pub profile: usize,
    /// Its rank under the person's weights (1 is the highest index); `None` when unranked.
    pub rank: Option<usize>,
    /// Its best and worst rank over the weightings that rank it; `None` if none does.
    pub best: Option<usize>,
    pub worst: Option<usize>,
    /// How many weightings rank it at all.
    pub ranked_in: usize,
    /// How many weightings rank it exactly as the person's weights do.
    pub same: usize,
    /// The groups whose order with this one depends on the weights (profile indexes): above it
    /// under some weighting that ranks both, below it under another.
    pub changes_places_with: Vec<usize>,
}

impl GroupSensitivity {
    /// The share (0 to 1) of the weightings that rank the group in which it ranks as it does
    /// under the person's weights.
    pub fn share_same(&self) -> f64 {
        if self.ranked_in == 0 {
            0.0
        } else {
            self.same as f64 / self.ranked_in as f64
        }
    }

    /// The same rank under every weighting that ranks it.
    pub fn holds(&self) -> bool {
        self.best.is_some() && self.best == self.worst
    }
}

/// Every weighting on the 0..=`max` grid for `dimensions` dimensions but the all-zero one, in
/// order (the last dimension fastest).
pub fn weightings(dimensions: usize, max: u8) -> impl Iterator<Item = Vec<f64>> {
    let base = max as usize + 1;
    let total = base.pow(dimensions as u32);
    (1..total).map(move |mut n| {
        let mut w = vec![0.0; dimensions];
        for slot in w.iter_mut().rev() {
            *slot = (n % base) as f64;
            n /= base;
        }
        w
    })
}

/// Competition ranks of `indexes` (`None`: unranked), 1 being the highest, into `out`;
/// `order` is scratch space.
fn ranks(indexes: &[Option<f64>], order: &mut Vec<usize>, out: &mut [Option<usize>]) {
    order.clear();
    order.extend((0..indexes.len()).filter(|&i| indexes[i].is_some()));
    crate::core::order::highest_first(order, &|i| indexes[i].unwrap_or(0.0));
    out.iter_mut().for_each(|r| *r = None);
    let mut rank = 0;
    let mut previous = f64::INFINITY;
    for (position, &g) in order.iter().enumerate() {
        let me = indexes[g].unwrap_or(0.0);
        // Equal indexes share the rank of the first of them.
        if me < previous - TIE {
            rank = position + 1;
            previous = me;
        }
        out[g] = Some(rank);
    }
}

/// Tries every weighting on the profile's grid (0 to [`WEIGHT_MAX`] per dimension) against the
/// person's `weights`.
pub fn sensitivity(profiles: &[GroupProfile], weights: &[f64]) -> Sensitivity {
    sensitivity_on_grid(profiles, weights, WEIGHT_MAX)
}

/// [`sensitivity`] on a grid of 0..=`max` per dimension.
pub fn sensitivity_on_grid(profiles: &[GroupProfile], weights: &[f64], max: u8) -> Sensitivity {
    let n = profiles.len();
    let dimensions = weights.len();
    let index_with = |w: &[f64]| -> Vec<Option<f64>> {
        profiles.iter().map(|p| composite(&p.scores, w)).collect()
    };
    let mut order = Vec::with_capacity(n);
    let mut now = vec![None; n];
    ranks(&index_with(weights), &mut order, &mut now);
    let pairs_checked = n <= MAX_PAIRED_GROUPS;
    let mut best = vec![usize::MAX; n];
    let mut worst = vec![0usize; n];
    let mut ranked_in = vec![0usize; n];
    let mut same = vec![0usize; n];
    // above[a * n + b]: a ranked above b under some weighting (ties are neither).
    let mut above = vec![false; if pairs_checked { n * n } else { 0 }];
    let mut r = vec![None; n];
    let mut tried = 0;
    let mut indexes = vec![None; n];
    for w in weightings(dimensions, max) {
        tried += 1;
        for (slot, p) in indexes.iter_mut().zip(profiles) {
            *slot = composite(&p.scores, &w);
        }
        ranks(&indexes, &mut order, &mut r);
        for g in 0..n {
            let Some(rank) = r[g] else { continue };
            ranked_in[g] += 1;
            best[g] = best[g].min(rank);
            worst[g] = worst[g].max(rank);
            if now[g] == Some(rank) {
                same[g] += 1;
            }
            if !pairs_checked {
                continue;
            }
            for h in 0..n {
                if matches!(r[h], Some(other) if other > rank) {
                    above[g * n + h] = true;
                }
            }
        }
    }
    let groups = (0..n)
        .map(|g| GroupSensitivity {
            profile: g,
            rank: now[g],
            best: (ranked_in[g] > 0).then_some(best[g]),
            worst: (ranked_in[g] > 0).then_some(worst[g]),
            ranked_in: ranked_in[g],
            same: same[g],
            changes_places_with: if pairs_checked {
                (0..n).filter(|&h| h != g && above[g * n + h] && above[h * n + g]).collect()
            } else {
                Vec::new()
            },
        })
        .collect();
    Sensitivity { weightings: tried, pairs_checked, groups }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::fixtures::{atlas, store};
    use crate::core::indicators::profile::profiles;
    use proptest::prelude::*;

    fn group(name: &str, scores: &[Option<f64>]) -> GroupProfile {
        GroupProfile {
            group_type: "test".into(),
            group: name.into(),
            scores: scores.to_vec(),
            counts: scores.iter().map(|s| usize::from(s.is_some())).collect(),
        }
    }

    #[test]
    fn the_grid_has_every_weighting_but_the_empty_one() {
        let all: Vec<Vec<f64>> = weightings(2, 1).collect();
        assert_eq!(all, [vec![0.0, 1.0], vec![1.0, 0.0], vec![1.0, 1.0]]);
        assert_eq!(weightings(5, WEIGHT_MAX).count(), 7_775);
    }

    /// Worked by hand on the 0..=2 grid for two dimensions (8 weightings):
    /// A = (80, 20), B = (50, 50), C = (40, no score).
    /// (0,1): B 50, A 20; C unranked -> B 1, A 2.
    /// (0,2): the same.
    /// (1,0): A 80, B 50, C 40 -> A 1, B 2, C 3.
    /// (2,0): the same.
    /// (1,1): A 50, B 50, C 40 -> A 1, B 1 (tied), C 3.
    /// (2,2): the same.
    /// (1,2): A (80 + 40) / 3 = 40, B 50, C 40 -> B 1, A 2, C 2 (tied).
    /// (2,1): A (160 + 20) / 3 = 60, B 50, C 40 -> A 1, B 2, C 3.
    #[test]
    fn a_small_case_checked_by_hand() {
        let p = [
            group("A", &[Some(80.0), Some(20.0)]),
            group("B", &[Some(50.0), Some(50.0)]),
            group("C", &[Some(40.0), None]),
        ];
        let s = sensitivity_on_grid(&p, &[1.0, 1.0], 2);
        assert_eq!(s.weightings, 8);
        let [a, b, c] = [&s.groups[0], &s.groups[1], &s.groups[2]];
        // A: ranks 2, 2, 1, 1, 1, 1, 2, 1; under (1,1) it is 1st.
        assert_eq!((a.rank, a.best, a.worst, a.ranked_in, a.same), (Some(1), Some(1), Some(2), 8, 5));
        // B: ranks 1, 1, 2, 2, 1, 1, 1, 2; under (1,1) it is 1st (tied with A).
        assert_eq!((b.rank, b.best, b.worst, b.ranked_in, b.same), (Some(1), Some(1), Some(2), 8, 5));
        // C: unranked under (0,1) and (0,2); 3, 3, 3, 3, 2, 3 otherwise.
        assert_eq!((c.rank, c.best, c.worst, c.ranked_in, c.same), (Some(3), Some(2), Some(3), 6, 5));
        assert!((c.share_same() - 5.0 / 6.0).abs() < 1e-12);
        // A and B change places; A is above C or tied with it, never below; B always above C.
        assert_eq!(a.changes_places_with, [1]);
        assert_eq!(b.changes_places_with, [0]);
        assert!(c.changes_places_with.is_empty());
        assert!(!a.holds());
    }

    #[test]
    fn a_group_that_leads_on_every_dimension_holds_first_place() {
        let p = [
            group("top", &[Some(90.0), Some(90.0), Some(90.0)]),
            group("mid", &[Some(60.0), Some(70.0), Some(50.0)]),
        ];
        let s = sensitivity_on_grid(&p, &[1.0, 0.0, 3.0], WEIGHT_MAX);
        assert!(s.groups[0].holds());
        assert_eq!(s.groups[0].rank, Some(1));
        assert_eq!(s.groups[0].same, s.weightings);
        assert_eq!((s.groups[1].best, s.groups[1].worst), (Some(2), Some(2)));
    }

    #[test]
    fn the_shipped_profiles_have_ranges_that_contain_the_persons_rank() {
        let dims: Vec<String> = atlas().dimensions().iter().map(|n| n.id.clone()).collect();
        let p = profiles(store(), &dims);
        let s = sensitivity(&p, &[1.0; 5]);
        assert_eq!(s.weightings, 7_775);
        for g in &s.groups {
            let rank = g.rank.expect("every group has an index with equal weights");
            assert!(g.best.unwrap() <= rank && rank <= g.worst.unwrap(), "{g:?}");
            assert!(g.same >= 1 && g.same <= g.ranked_in);
        }
    }

    proptest! {
        /// The person's own weighting is on the grid, so the rank it gives is always within
        /// the range found, and counted at least once.
        #[test]
        fn the_persons_rank_is_within_the_range(
            scores in proptest::collection::vec(proptest::collection::vec(proptest::option::of(0.0f64..=100.0), 3), 1..6),
            weights in proptest::collection::vec(0u8..=3, 3),
        ) {
            let p: Vec<GroupProfile> = scores.iter().enumerate().map(|(i, s)| group(&i.to_string(), s)).collect();
            let w: Vec<f64> = weights.iter().map(|&x| f64::from(x)).collect();
            let s = sensitivity_on_grid(&p, &w, 3);
            for g in &s.groups {
                if let Some(rank) = g.rank {
                    prop_assert!(g.best.unwrap() <= rank && rank <= g.worst.unwrap());
                    prop_assert!(g.same >= 1);
                }
                prop_assert!(g.ranked_in <= s.weightings);
                for &h in &g.changes_places_with {
                    prop_assert!(s.groups[h].changes_places_with.contains(&g.profile));
                }
            }
        }
    }
}
