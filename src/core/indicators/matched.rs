//! The profile compared like with like, and how sure its ranking is.
//!
//! **Matched comparisons.** A group has figures for some indicators only (a regional survey
//! shares a few questions with the national one). Set beside everyone scored on every
//! indicator, a group with figures only on questions that score high would come out on top for
//! that reason alone. So each group is compared with *everyone on the same figures*: everyone's
//! scores on exactly the indicators and periods the group has, averaged by dimension the same
//! way. What is compared, weighted and ranked is the difference: the group's index minus
//! everyone's on the same figures. Adding or removing an indicator the group has no figure for
//! changes nothing about it.
//!
//! **Too few to rank.** A group whose weighted index rests on fewer than [`MIN_INDICATORS`]
//! indicators (that is, on one figure) is shown, with its difference, but not ranked: a single
//! figure is not a profile, and says too little to place a group among the others.
//!
//! **How sure the ranking is.** Where a figure has a published 95% interval, the figure is
//! drawn again many times within it (a normal distribution with the interval's standard error,
//! held to the unit's scale), with a fixed seed, and the groups ranked on each draw; a group's
//! rank range is the middle 95% of its ranks over the draws, widened to include its rank on
//! the published figures. A figure without an interval (or with error bars of no stated level)
//! is held as published, and the range says how many such figures it leaves unknown: a range
//! with none drawn is not a certainty, it is an unknown. Each figure is drawn once per draw, so
//! everyone's figure moves the same way for every group beside it.

use std::collections::BTreeMap;

use super::model::Store;
use super::profile::{composite, scored_rows, GroupProfile, Scale};
use super::query::{has_flag, FLAG_LEVEL_UNSTATED};

/// A group ranks only when its weighted index rests on at least this many indicators.
pub const MIN_INDICATORS: usize = 2;

/// How many draws the rank ranges are made of.
pub const DRAWS: usize = 400;

/// The seed of the draws, so a page shows the same ranges every time.
pub const SEED: u64 = 0x5EED_C0E5_1011;

/// One figure behind a group's score, beside everyone's on the same indicator and period.
#[derive(Debug, Clone, PartialEq)]
struct Pair {
    group_row: u32,
    everyone_row: u32,
    group_score: f64,
    everyone_score: f64,
    dimensions: Vec<usize>,
}

/// A group beside everyone on the same figures.
#[derive(Debug, Clone, PartialEq)]
pub struct Comparison {
    /// The group's scores by dimension, and how many indicators each rests on.
    pub group: GroupProfile,
    /// Everyone's, on exactly the group's indicators and periods.
    pub everyone: GroupProfile,
    pairs: Vec<Pair>,
}

impl Comparison {
    /// How many indicators stand behind the group's scores on the weighted dimensions.
    pub fn indicators(&self, weights: &[f64]) -> usize {
        self.pairs.iter().filter(|p| p.dimensions.iter().any(|&d| weights.get(d).is_some_and(|w| *w > 0.0))).count()
    }

    /// The group's index and everyone's on the same figures, with the weights.
    pub fn indexes(&self, weights: &[f64]) -> Option<(f64, f64)> {
        Some((composite(&self.group.scores, weights)?, composite(&self.everyone.scores, weights)?))
    }
}

/// Scores by dimension from (score, dimensions) pairs: the mean of each dimension's scores.
fn by_dimension<'a>(scores: impl Iterator<Item = (f64, &'a [usize])>, dimensions: usize) -> (Vec<Option<f64>>, Vec<usize>) {
    let mut sums = vec![(0.0, 0usize); dimensions];
    for (s, dims) in scores {
        for &d in dims {
            sums[d].0 += s;
            sums[d].1 += 1;
        }
    }
    (sums.iter().map(|&(s, n)| (n > 0).then(|| s / n as f64)).collect(), sums.iter().map(|&(_, n)| n).collect())
}

/// Every group (but everyone) beside everyone on the same figures, over `dimensions`.
pub fn comparisons(store: &Store, dimensions: &[String]) -> Vec<Comparison> {
    let rows = scored_rows(store, dimensions);
    let total = (store.string_id("total"), store.string_id("Total"));
    let is_total = |r: u32| (Some(store.group_type[r as usize]), Some(store.group[r as usize])) == total;
    let everyone: BTreeMap<u32, (u32, f64)> = rows.iter().filter(|s| is_total(s.row)).map(|s| (store.indicator[s.row as usize], (s.row, s.score))).collect();
    let mut groups: BTreeMap<(u32, u32), Vec<Pair>> = BTreeMap::new();
    for s in rows.iter().filter(|s| !is_total(s.row)) {
        let r = s.row as usize;
        let Some(&(everyone_row, everyone_score)) = everyone.get(&store.indicator[r]) else { continue };
        groups.entry((store.group_type[r], store.group[r])).or_default().push(Pair {
            group_row: s.row,
            everyone_row,
            group_score: s.score,
            everyone_score,
            dimensions: s.dimensions.clone(),
        });
    }
    let n = dimensions.len();
    let mut out: Vec<Comparison> = groups
        .into_iter()
        .map(|((gt, g), pairs)| {
            let (scores, counts) = by_dimension(pairs.iter().map(|p| (p.group_score, p.dimensions.as_slice())), n);
            let (e_scores, e_counts) = by_dimension(pairs.iter().map(|p| (p.everyone_score, p.dimensions.as_slice())), n);
            Comparison {
                group: GroupProfile { group_type: store.str(gt).to_string(), group: store.str(g).to_string(), scores, counts },
                everyone: GroupProfile { group_type: "total".into(), group: "Total".into(), scores: e_scores, counts: e_counts },
                pairs,
            }
        })
        .collect();
    crate::core::order::sort_by(&mut out, |a, b| (&a.group.group_type, &a.group.group).cmp(&(&b.group.group_type, &b.group.group)));
    out
}

/// Where a group stands with the weights.
#[derive(Debug, Clone, PartialEq)]
pub struct Standing {
    /// Its position in the comparisons.
    pub comparison: usize,
    pub group_index: f64,
    pub everyone_index: f64,
    /// The group's index minus everyone's on the same figures.
    pub difference: f64,
    pub indicators: usize,
    /// Its rank by difference (1 is furthest above everyone; equal differences share a rank),
    /// or `None` when too few indicators stand behind it to rank it.
    pub rank: Option<usize>,
}

/// The groups with an index under the weights, ranked by difference (largest first), those too
/// thinly supported to rank after, unranked.
pub fn standings(comparisons: &[Comparison], weights: &[f64]) -> Vec<Standing> {
    let mut out: Vec<Standing> = comparisons
        .iter()
        .enumerate()
        .filter_map(|(i, c)| {
            let (g, e) = c.indexes(weights)?;
            Some(Standing { comparison: i, group_index: g, everyone_index: e, difference: g - e, indicators: c.indicators(weights), rank: None })
        })
        .collect();
    crate::core::order::sort_by(&mut out, |a, b| {
        (b.indicators >= MIN_INDICATORS)
            .cmp(&(a.indicators >= MIN_INDICATORS))
            .then(b.difference.total_cmp(&a.difference))
            .then_with(|| comparisons[a.comparison].group.group.cmp(&comparisons[b.comparison].group.group))
    });
    let ranks = competition_ranks(&out.iter().filter(|s| s.indicators >= MIN_INDICATORS).map(|s| s.difference).collect::<Vec<_>>());
    for (s, r) in out.iter_mut().zip(ranks) {
        s.rank = Some(r);
    }
    out
}

/// Competition ranks of values sorted highest first (1, 2, 2, 4).
fn competition_ranks(sorted: &[f64]) -> Vec<usize> {
    let mut ranks = Vec::with_capacity(sorted.len());
    for (i, v) in sorted.iter().enumerate() {
        let r = if i > 0 && (sorted[i - 1] - v).abs() < 1e-9 { ranks[i - 1] } else { i + 1 };
        ranks.push(r);
    }
    ranks
}

/// Standard normal draws, by Marsaglia's polar method: two from each pair of uniform draws
/// that falls inside the unit circle. Why not `rand_distr::StandardNormal`: its ziggurat's
/// tables are 5 KB of numbers that barely compress, in a browser module that draws a few
/// thousand a time.
#[derive(Default)]
struct Normals {
    spare: Option<f64>,
}

impl Normals {
    fn sample(&mut self, rng: &mut impl rand::RngExt) -> f64 {
        if let Some(z) = self.spare.take() {
            return z;
        }
        loop {
            let u = 2.0 * rng.random::<f64>() - 1.0;
            let v = 2.0 * rng.random::<f64>() - 1.0;
            let s: f64 = u * u + v * v;
            if s > 0.0 && s < 1.0 {
                let m = (-2.0 * s.ln() / s).sqrt();
                self.spare = Some(v * m);
                return u * m;
            }
        }
    }
}

/// The ranks a ranked group's difference could have, given the published intervals.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RankRange {
    pub best: usize,
    pub worst: usize,
    /// Of the figures behind it (the group's and everyone's on the same figures), how many
    /// have a published 95% interval and were drawn again, and how many were held as
    /// published, their uncertainty unknown.
    pub drawn: usize,
    pub unknown: usize,
}

/// How sure each ranked standing's rank is (in the order of `standings`; `None` for one not
/// ranked).
///
/// Each figure is drawn once per draw: everyone's figure on an indicator, beside which many
/// groups stand, moves the same way for all of them in that draw, as one uncertain figure
/// would. A group's difference is a weighted sum of its figures' scores (each figure's weight
/// from the dimensions it counts towards), so each draw is a sum over the group's figures
/// (its own figures' part drawn at once, as their sum; see below).
pub fn rank_ranges(store: &Store, comparisons: &[Comparison], standings: &[Standing], weights: &[f64], draws: usize, seed: u64) -> Vec<Option<RankRange>> {
    use rand::SeedableRng;

    let ranked: Vec<&Standing> = standings.iter().filter(|s| s.rank.is_some()).collect();
    let mut figures = Figures::default();
    // Every ranked group's terms, one after another (group k's are `terms[starts[k]..starts[k + 1]]`):
    // (its figure, everyone's figure, the weight of their difference in its index).
    let mut terms: Vec<(u32, u32, f64)> = Vec::new();
    let mut starts: Vec<usize> = Vec::with_capacity(ranked.len() + 1);
    let mut counts: Vec<(usize, usize)> = Vec::with_capacity(ranked.len());
    for s in &ranked {
        starts.push(terms.len());
        let c = &comparisons[s.comparison];
        let weighted: f64 = (0..weights.len()).filter(|&d| weights[d] > 0.0 && c.group.counts.get(d).is_some_and(|&n| n > 0)).map(|d| weights[d]).sum();
        let (mut drawn, mut unknown) = (0, 0);
        for p in &c.pairs {
            let w: f64 = p
                .dimensions
                .iter()
                .filter(|&&d| weights.get(d).is_some_and(|w| *w > 0.0))
                .map(|&d| weights[d] / (c.group.counts[d] as f64 * weighted))
                .sum();
            let (g, e) = (figures.of(store, p.group_row, p.group_score), figures.of(store, p.everyone_row, p.everyone_score));
            for f in [g, e] {
                if figures.known[f] {
                    drawn += 1;
                } else {
                    unknown += 1;
                }
            }
            if w > 0.0 {
                terms.push((g as u32, e as u32, w));
            }
        }
        counts.push((drawn, unknown));
    }
    starts.push(terms.len());

    // A group's own figures belong to it alone, so within one draw they add up to one normal
    // draw for the group: the sum of independent normals is normal, with the summed mean and
    // variance. That holds while no draw is held to 0..100, so a figure whose interval lies far
    // enough inside the scale (more than `FREE` standard errors from either end: a chance
    // below 1e-15 of being held) is folded into its group's sum; any other moving figure,
    // and everyone's (shared by many groups, so they must move together), is drawn alone.
    // For 1,000 groups on 40 indicators that is 1,040 draws, not 40,040, each time.
    const FREE: f64 = 8.0;
    let free = |f: usize| figures.spread[f] != 0.0 && figures.centre[f] - FREE * figures.spread[f] >= 0.0 && figures.centre[f] + FREE * figures.spread[f] <= 100.0;
    let n = ranked.len();
    // Group k's terms drawn one by one (`alone[alone_at[k]..alone_at[k + 1]]`, each a figure
    // and its signed weight: + the group's, − everyone's), and its folded sum (mean, spread).
    let mut alone: Vec<(u32, f64)> = Vec::with_capacity(terms.len() * 2);
    let mut alone_at: Vec<usize> = Vec::with_capacity(n + 1);
    let mut folded: Vec<(f64, f64)> = Vec::with_capacity(n);
    for k in 0..n {
        alone_at.push(alone.len());
        let (mut mean, mut variance) = (0.0, 0.0);
        for &(g, e, w) in &terms[starts[k]..starts[k + 1]] {
            let g = g as usize;
            if free(g) {
                mean += w * figures.centre[g];
                variance += (w * figures.spread[g]).powi(2);
            } else {
                alone.push((g as u32, w));
            }
            alone.push((e, -w));
        }
        folded.push((mean, variance.sqrt()));
    }
    alone_at.push(alone.len());
    let mut drawn_alone: Vec<usize> = alone.iter().map(|&(f, _)| f as usize).filter(|&f| figures.spread[f] != 0.0).collect();
    crate::core::order::sort(&mut drawn_alone);
    drawn_alone.dedup();

    let mut rng = rand::rngs::Xoshiro256PlusPlus::seed_from_u64(seed);
    let mut normal = Normals::default();
    let mut scores = figures.published.clone();
    // Group k's rank in draw d is `ranks[k * draws + d]`.
    let mut ranks: Vec<u32> = vec![0; n * draws];
    let mut differences = vec![0.0; n];
    let mut order: Vec<usize> = (0..n).collect();
    for d in 0..draws {
        for &f in &drawn_alone {
            let z = normal.sample(&mut rng);
            scores[f] = (figures.centre[f] + figures.spread[f] * z).clamp(0.0, 100.0);
        }
        for k in 0..n {
            let (mean, spread) = folded[k];
            let own = if spread > 0.0 {
                let z = normal.sample(&mut rng);
                mean + spread * z
            } else { mean };
            differences[k] = own + alone[alone_at[k]..alone_at[k + 1]].iter().map(|&(f, w)| w * scores[f as usize]).sum::<f64>();
        }
        crate::core::order::highest_first(&mut order, &|k| differences[k]);
        // Competition ranks (1, 2, 2, 4), as the point ranks are given.
        let mut rank = 1;
        for (pos, &k) in order.iter().enumerate() {
            if pos > 0 && (differences[order[pos - 1]] - differences[k]).abs() >= 1e-9 {
                rank = pos + 1;
            }
            ranks[k * draws + d] = rank as u32;
        }
    }
    // A group's ranks over the draws are whole numbers from 1 to n: counted, the one at any
    // position in their order is found without sorting them.
    let mut tally = vec![0usize; n + 2];
    let mut ranges = ranked.iter().enumerate().map(|(k, s)| {
        let r = &ranks[k * draws..(k + 1) * draws];
        let point = s.rank.unwrap_or(1);
        tally.iter_mut().for_each(|c| *c = 0);
        for &rank in r {
            tally[(rank as usize).min(n + 1)] += 1;
        }
        let at = |q: f64| {
            if r.is_empty() {
                return point;
            }
            // The rank at position i (from 0) of the draws' ranks in order.
            let i = ((r.len() - 1) as f64 * q).round() as usize;
            let mut seen = 0;
            for (rank, &count) in tally.iter().enumerate() {
                seen += count;
                if seen > i {
                    return rank;
                }
            }
            point
        };
        let (best, worst) = (at(0.025), at(0.975));
        let (drawn, unknown) = counts[k];
        RankRange { best: best.min(point), worst: worst.max(point), drawn, unknown }
    });
    standings.iter().map(|s| s.rank.map(|_| ranges.next().expect("one range per ranked standing"))).collect()
}

/// The distinct figures behind the ranked groups, each with what a draw needs.
#[derive(Default)]
struct Figures {
    at: rustc_hash::FxHashMap<u32, usize>,
    /// The figure's score before it is held to 0..100, and how far one standard error (from
    /// the published 95% interval) moves it; 0 where there is no interval (the figure is held
    /// as published).
    centre: Vec<f64>,
    spread: Vec<f64>,
    /// Whether it has a published interval (of a stated level), however narrow.
    known: Vec<bool>,
    published: Vec<f64>,
}

impl Figures {
    fn of(&mut self, store: &Store, row: u32, published: f64) -> usize {
        if let Some(&f) = self.at.get(&row) {
            return f;
        }
        let r = row as usize;
        let ind = &store.indicators[store.indicator[r] as usize];
        let (lo, hi) = (store.lower[r], store.upper[r]);
        let known = !lo.is_nan() && !hi.is_nan() && !has_flag(store.str(store.flags[r]), FLAG_LEVEL_UNSTATED);
        let se = if known { (hi - lo) / (2.0 * 1.959_963_984_540_054) } else { 0.0 };
        // Every figure behind a comparison was scored, so its indicator has a scale; were it
        // not, the figure is held as published.
        let f = self.published.len();
        self.at.insert(row, f);
        match Scale::of(ind.unit, ind.direction) {
            Some(scale) => {
                self.centre.push(scale.unclamped(store.value[r]));
                self.spread.push(scale.slope() * se);
            }
            None => {
                self.centre.push(published);
                self.spread.push(0.0);
            }
        }
        self.known.push(known);
        self.published.push(published);
        f
    }
}

/// The profile's own figures as CSV, one row per group and dimension and one for its index:
/// the group's score, everyone's on the same figures, the difference, how many indicators it
/// rests on, and (for the index) its rank and rank range under `weights`.
pub fn scores_csv(comparisons: &[Comparison], dimensions: &[String], weights: &[f64], standings: &[Standing], ranges: &[Option<RankRange>]) -> String {
    let mut w = csv::WriterBuilder::new().from_writer(Vec::new());
    let _ = w.write_record(["group_type", "group", "measure", "score", "everyone_same_figures", "difference", "indicators", "rank", "rank_best", "rank_worst", "figures_with_intervals", "figures_without_intervals", "weights"]);
    let weights_text = weights.iter().map(|w| format!("{}", *w as u8)).collect::<Vec<_>>().join(";");
    let num = |v: Option<f64>| v.map(|v| format!("{:.2}", v)).unwrap_or_default();
    for (s, range) in standings.iter().zip(ranges) {
        let c = &comparisons[s.comparison];
        for (d, name) in dimensions.iter().enumerate() {
            let (g, e) = (c.group.scores[d], c.everyone.scores[d]);
            let diff = g.zip(e).map(|(g, e)| g - e);
            let _ = w.write_record([&c.group.group_type, &c.group.group, name, &num(g), &num(e), &num(diff), &c.group.counts[d].to_string(), "", "", "", "", "", &weights_text]);
        }
        let opt = |v: Option<usize>| v.map(|v| v.to_string()).unwrap_or_default();
        let _ = w.write_record([
            c.group.group_type.as_str(),
            &c.group.group,
            "index",
            &num(Some(s.group_index)),
            &num(Some(s.everyone_index)),
            &num(Some(s.difference)),
            &s.indicators.to_string(),
            &opt(s.rank),
            &opt(range.map(|r| r.best)),
            &opt(range.map(|r| r.worst)),
            &opt(range.map(|r| r.drawn)),
            &opt(range.map(|r| r.unknown)),
            &weights_text,
        ]);
    }
    String::from_utf8(w.into_inner().unwrap_or_default()).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The draws are standard normal: mean 0, variance 1, the tails where they should be.
    #[test]
    fn normal_draws_have_the_standard_normal_s_moments_and_tails() {
        use rand::SeedableRng;
        let mut rng = rand::rngs::Xoshiro256PlusPlus::seed_from_u64(SEED);
        let mut normal = Normals::default();
        let n = 200_000;
        let draws: Vec<f64> = (0..n).map(|_| normal.sample(&mut rng)).collect();
        let mean = draws.iter().sum::<f64>() / n as f64;
        let variance = draws.iter().map(|z| (z - mean).powi(2)).sum::<f64>() / n as f64;
        assert!(mean.abs() < 0.01, "{mean}");
        assert!((variance - 1.0).abs() < 0.01, "{variance}");
        let beyond = |t: f64| draws.iter().filter(|z| z.abs() > t).count() as f64 / n as f64;
        assert!((beyond(1.96) - 0.05).abs() < 0.003, "{}", beyond(1.96));
        assert!((beyond(3.0) - 0.0027).abs() < 0.0008, "{}", beyond(3.0));
    }
    use crate::core::indicators::parse::{read_indicators, read_observations};
    use proptest::prelude::*;

    const DIMS: [&str; 2] = ["dimensions.belonging", "dimensions.legitimacy"];

    fn dims() -> Vec<String> {
        DIMS.iter().map(|d| d.to_string()).collect()
    }

    /// Indicators `a`..: percentages, higher is better, on belonging (even) or legitimacy (odd).
    fn store(rows: &[(&str, &str, &str, f64, Option<(f64, f64)>)], indicators: usize) -> Store {
        let mut ind = String::from("id,title,short_title,dimensions,nodes,mapping_basis,unit,direction,definition,source_name,source_url,licence\n");
        for i in 0..indicators {
            ind.push_str(&format!("i{i},I{i},I{i},{},,editorial,percent,higher_is_better,,S,U,L\n", DIMS[i % 2]));
        }
        let mut obs = String::from("indicator_id,period,group_type,group,value,lower,upper\n");
        for (i, gt, g, v, ci) in rows {
            let (lo, hi) = ci.map_or((String::new(), String::new()), |(l, h)| (l.to_string(), h.to_string()));
            obs.push_str(&format!("{i},2023,{gt},{g},{v},{lo},{hi}\n"));
        }
        let inds = read_indicators("i.csv", ind.as_bytes()).expect("indicators");
        let read = read_observations("o.csv", obs.as_bytes(), inds);
        assert!(read.errors.is_empty(), "{}", read.errors);
        read.store
    }

    #[test]
    fn a_group_with_figures_only_on_a_high_scoring_question_is_not_ranked_above_everyone_for_it() {
        // Everyone: 90 on i0 (a high-scoring question), 40 on i2 and i4. The region has a
        // figure on i0 only, a little below everyone's.
        let s = store(
            &[
                ("i0", "total", "Total", 90.0, None),
                ("i2", "total", "Total", 40.0, None),
                ("i4", "total", "Total", 40.0, None),
                ("i0", "region", "Canterbury", 88.0, None),
                ("i0", "ethnicity", "Māori", 85.0, None),
                ("i2", "ethnicity", "Māori", 45.0, None),
                ("i4", "ethnicity", "Māori", 44.0, None),
            ],
            5,
        );
        let c = comparisons(&s, &dims());
        let canterbury = c.iter().position(|c| c.group.group == "Canterbury").unwrap();
        // Beside everyone on every indicator (90, 40, 40: 56.7) it would look far ahead; beside
        // everyone on its own figure (90) it is behind.
        assert_eq!(c[canterbury].everyone.scores[0], Some(90.0));
        let w = [1.0, 0.0];
        let st = standings(&c, &w);
        let cant = st.iter().find(|s| s.comparison == canterbury).unwrap();
        assert!((cant.difference - (-2.0)).abs() < 1e-9);
        // One indicator: shown, not ranked.
        assert_eq!((cant.indicators, cant.rank), (1, None));
        let maori = st.iter().find(|s| c[s.comparison].group.group == "Māori").unwrap();
        assert_eq!(maori.rank, Some(1));
        assert_eq!(maori.indicators, 3);
        assert!(st[0].rank.is_some() && st.last().unwrap().rank.is_none(), "ranked first, unranked after");
    }

    #[test]
    fn rank_ranges_hold_the_point_rank_and_collapse_to_it_without_width() {
        let rows = |w: f64| -> Vec<(&'static str, &'static str, &'static str, f64, Option<(f64, f64)>)> {
            let mut r = Vec::new();
            for (i, e) in [("i0", 60.0), ("i2", 50.0), ("i4", 70.0)] {
                r.push((i, "total", "Total", e, Some((e - w, e + w))));
                r.push((i, "g", "A", e + 2.0, Some((e + 2.0 - w, e + 2.0 + w))));
                r.push((i, "g", "B", e + 1.0, Some((e + 1.0 - w, e + 1.0 + w))));
                r.push((i, "g", "C", e - 3.0, Some((e - 3.0 - w, e - 3.0 + w))));
            }
            r
        };
        let w = [1.0, 1.0];
        for width in [0.0, 8.0] {
            let s = store(&rows(width), 5);
            let c = comparisons(&s, &dims());
            let st = standings(&c, &w);
            let ranges = rank_ranges(&s, &c, &st, &w, DRAWS, SEED);
            for (standing, range) in st.iter().zip(&ranges) {
                let (rank, range) = (standing.rank.unwrap(), range.unwrap());
                assert!(range.best <= rank && rank <= range.worst, "{range:?} holds {rank}");
                if width == 0.0 {
                    assert_eq!((range.best, range.worst), (rank, rank));
                }
                assert_eq!((range.drawn, range.unknown), (6, 0));
            }
            if width > 0.0 {
                assert!(ranges.iter().any(|r| r.unwrap().best < r.unwrap().worst), "wide intervals widen some range");
            }
            // The same seed gives the same ranges.
            assert_eq!(ranges, rank_ranges(&s, &c, &st, &w, DRAWS, SEED));
        }
    }

    #[test]
    fn rank_ranges_agree_with_drawing_every_figure_and_ranking_again() {
        // Six close groups on four indicators, each figure with a 95% interval; one group sits
        // near the top of the scale, so some of its draws are held at 100.
        let groups: [(&str, [f64; 4]); 6] = [
            ("A", [55.0, 61.0, 48.0, 52.0]),
            ("B", [56.5, 59.0, 47.0, 53.5]),
            ("C", [54.0, 60.5, 49.5, 51.0]),
            ("D", [58.0, 57.0, 46.0, 50.0]),
            ("E", [52.0, 63.0, 50.0, 49.0]),
            ("F", [97.0, 30.0, 40.0, 40.5]),
        ];
        let everyone = [55.0, 60.0, 48.0, 52.0];
        let half = [3.0, 3.0, 5.0, 2.5];
        let rows_with = |value: &dyn Fn(usize, f64) -> f64| {
            let mut rows: Vec<(String, &'static str, &'static str, f64, Option<(f64, f64)>)> = Vec::new();
            for (i, v) in everyone.iter().enumerate() {
                rows.push((format!("i{i}"), "total", "Total", value(i, *v), Some((v - half[i] / 2.0, v + half[i] / 2.0))));
            }
            for (g, values) in &groups {
                for (i, v) in values.iter().enumerate() {
                    rows.push((format!("i{i}"), "g", g, value(i, *v), Some((v - half[i], v + half[i]))));
                }
            }
            rows
        };
        let as_store = |rows: &[(String, &str, &str, f64, Option<(f64, f64)>)]| {
            let r: Vec<(&str, &str, &str, f64, Option<(f64, f64)>)> = rows.iter().map(|(i, a, b, v, c)| (i.as_str(), *a, *b, *v, *c)).collect();
            store(&r, 4)
        };
        let w = [1.0, 1.0];
        let s = as_store(&rows_with(&|_, v| v));
        let c = comparisons(&s, &dims());
        let st = standings(&c, &w);
        let ranges = rank_ranges(&s, &c, &st, &w, DRAWS, SEED);

        // The reference: draw every figure from its interval (as a normal, held to 0..100), and
        // rank the groups again on the drawn figures, many times.
        use rand::SeedableRng;
        use rand_distr::{Distribution, Normal};
        let mut rng = rand::rngs::Xoshiro256PlusPlus::seed_from_u64(7);
        let mut ranks: BTreeMap<String, Vec<usize>> = BTreeMap::new();
        let z = 1.959_963_984_540_054;
        for _ in 0..2000 {
            let mut drawn = rows_with(&|_, v| v);
            for row in &mut drawn {
                let (lo, hi) = row.4.unwrap();
                let x: f64 = Normal::new(row.3, (hi - lo) / (2.0 * z)).unwrap().sample(&mut rng);
                // Rounded as a published figure is, so the file reads back.
                row.3 = (x.clamp(0.0, 100.0) * 1e6).round() / 1e6;
                row.4 = None;
            }
            let ds = as_store(&drawn);
            let dc = comparisons(&ds, &dims());
            for standing in standings(&dc, &w) {
                ranks.entry(dc[standing.comparison].group.group.clone()).or_default().push(standing.rank.unwrap());
            }
        }
        for (standing, range) in st.iter().zip(&ranges) {
            let name = &c[standing.comparison].group.group;
            let r = ranks.get_mut(name).unwrap();
            r.sort_unstable();
            let at = |q: f64| r[((r.len() - 1) as f64 * q).round() as usize];
            let (best, worst) = (at(0.025), at(0.975));
            let range = range.unwrap();
            assert!(range.best.abs_diff(best) <= 1 && range.worst.abs_diff(worst) <= 1, "{name}: {range:?} against {best} to {worst} drawn figure by figure");
        }
        assert!(ranges.iter().any(|r| r.unwrap().worst - r.unwrap().best >= 2), "the groups are close enough to swap places");
    }

    #[test]
    fn figures_without_intervals_are_counted_as_unknown() {
        let s = store(
            &[("i0", "total", "Total", 60.0, None), ("i2", "total", "Total", 50.0, Some((48.0, 52.0))), ("i4", "total", "Total", 40.0, None),
              ("i0", "g", "A", 61.0, None), ("i2", "g", "A", 52.0, Some((49.0, 55.0))), ("i4", "g", "A", 41.0, None)],
            5,
        );
        let c = comparisons(&s, &dims());
        let st = standings(&c, &[1.0, 1.0]);
        let r = rank_ranges(&s, &c, &st, &[1.0, 1.0], DRAWS, SEED);
        assert_eq!((r[0].unwrap().drawn, r[0].unwrap().unknown), (2, 4));
    }

    proptest! {
        #[test]
        fn indicators_a_group_has_no_figures_for_never_change_its_matched_difference(
            everyone in proptest::collection::vec(0.0f64..100.0, 6),
            group in proptest::collection::vec(0.0f64..100.0, 3),
            dropped in proptest::collection::vec(any::<bool>(), 3),
        ) {
            // The group has figures on i0..i2; everyone on i0..i5.
            let mut rows: Vec<(String, &str, &str, f64, Option<(f64, f64)>)> = Vec::new();
            for (i, e) in everyone.iter().enumerate() {
                rows.push((format!("i{i}"), "total", "Total", (e * 10.0).round() / 10.0, None));
            }
            for (i, g) in group.iter().enumerate() {
                rows.push((format!("i{i}"), "g", "A", (g * 10.0).round() / 10.0, None));
            }
            let as_refs = |rows: &Vec<(String, &'static str, &'static str, f64, Option<(f64, f64)>)>| -> Store {
                let r: Vec<(&str, &str, &str, f64, Option<(f64, f64)>)> = rows.iter().map(|(i, a, b, v, c)| (i.as_str(), *a, *b, *v, *c)).collect();
                store(&r, 6)
            };
            let full = as_refs(&rows);
            // The same, without some of the indicators only everyone has.
            let kept: Vec<_> = rows.iter().filter(|(i, gt, _, _, _)| {
                let n: usize = i[1..].parse().unwrap();
                !(*gt == "total" && n >= 3 && dropped[n - 3])
            }).cloned().collect();
            let fewer = as_refs(&kept);
            let w = [1.0, 1.0];
            let a = standings(&comparisons(&full, &dims()), &w);
            let b = standings(&comparisons(&fewer, &dims()), &w);
            prop_assert_eq!(a.len(), 1);
            prop_assert!((a[0].difference - b[0].difference).abs() < 1e-9);
            prop_assert_eq!(a[0].indicators, b[0].indicators);
        }
    }
}

#[cfg(test)]
mod shipped {
    use super::*;
    use crate::core::fixtures::{atlas, store};

    #[test]
    fn the_shipped_groups_compared_like_with_like() {
        let dims: Vec<String> = atlas().dimensions().iter().map(|n| n.id.clone()).collect();
        let c = comparisons(store(), &dims);
        for w in [[1.0; 5], [0.0, 0.0, 0.0, 1.0, 0.0]] {
            let st = standings(&c, &w);
            let r = rank_ranges(store(), &c, &st, &w, DRAWS, SEED);
            assert_eq!(st.len(), r.len());
            let csv = scores_csv(&c, &dims, &w, &st, &r);
            // A row per group and dimension, and one for its index, under a header.
            assert_eq!(csv.lines().count(), 1 + st.len() * (dims.len() + 1));
            assert!(csv.lines().next().unwrap().contains("everyone_same_figures"));
            // Canterbury's figures are on the few questions the Canterbury survey shares with this
            // data: beside everyone on those, its lead shrinks to what the figures show.
            let all = super::super::profile::profiles(store(), &dims);
            let index = |g: &str| all.iter().find(|p| p.group == g).and_then(|p| composite(&p.scores, &w));
            if let (Some(cant), Some(ci), Some(ti)) = (st.iter().find(|s| c[s.comparison].group.group == "Canterbury"), index("Canterbury"), index("Total")) {
                assert!(cant.difference.abs() < (ci - ti).abs(), "matched {} against unmatched {}", cant.difference, ci - ti);
            }
            // Every group's difference is against everyone on its own figures.
            for s in &st {
                let cmp = &c[s.comparison];
                assert_eq!(cmp.group.counts, cmp.everyone.counts);
            }
        }
    }
}
