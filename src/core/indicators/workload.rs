//! The benchmark workload, shared by the native benchmark (`src/bin/bench.rs`) and the browser
//! one (`tests/bench_web.rs`) so both measure exactly the same work. The clock is passed in:
//! `Instant` natively, `performance.now()` in the browser.

use super::parse::{read_indicators, read_observations};
use super::profile::profiles;
use super::sensitivity::sensitivity;
use super::query::{gaps, latest, series, trend};
use super::synth::{indicators_csv, observations_csv};
use super::SeriesKey;

#[derive(Debug, Clone, PartialEq)]
pub struct Timing {
    pub name: &'static str,
    /// Milliseconds per call (best of the repeats for parsing, mean for queries).
    pub ms: f64,
}

/// Runs the workload on `rows` synthetic observations; returns the file size and timings.
pub fn run(rows: usize, now: &dyn Fn() -> f64) -> (usize, Vec<Timing>) {
    let text = observations_csv(rows);
    let indicators = read_indicators("synthetic-indicators.csv", indicators_csv().as_bytes())
        .unwrap_or_default();
    let mut out = Vec::new();

    let repeats = if rows >= 1_000_000 { 2 } else { 5 };
    let mut best = f64::MAX;
    let mut store = None;
    for _ in 0..repeats {
        let t = now();
        let read = read_observations("synthetic.csv", text.as_bytes(), indicators.clone());
        best = best.min(now() - t);
        assert!(read.errors.is_empty(), "synthetic data must be valid");
        store = Some(read.store);
    }
    out.push(Timing {
        name: "parse and validate",
        ms: best,
    });
    let Some(store) = store else {
        return (text.len(), out);
    };

    let key = store
        .key("synthetic_0", "total", "Total")
        .unwrap_or(SeriesKey {
            indicator: 0,
            group_type: 0,
            group: 0,
        });
    let mut time = |name: &'static str, calls: usize, f: &mut dyn FnMut() -> usize| {
        let t = now();
        let mut sink = 0;
        for _ in 0..calls {
            sink += f();
        }
        let ms = (now() - t) / calls as f64;
        assert!(sink > 0, "{name} found nothing");
        out.push(Timing { name, ms });
    };
    time("series (one indicator, one group)", 1000, &mut || {
        series(&store, key).len()
    });
    time("latest value and change", 1000, &mut || {
        latest(&store, key).map(|_| 1).unwrap_or(0)
    });
    time("gaps against the total, ranked", 20, &mut || {
        gaps(&store, 0, None).len() + 1
    });
    time("trend", 1000, &mut || {
        trend(&store, key).map(|_| 1).unwrap_or(0)
    });
    let dims: Vec<String> = [
        "belonging",
        "inclusion",
        "participation",
        "recognition",
        "legitimacy",
    ]
    .iter()
    .map(|d| format!("dimensions.{d}"))
    .collect();
    time("five-dimension profile, every group", 3, &mut || {
        profiles(&store, &dims).len()
    });
    // Every weighting of the profile's grid, over the groups of the data (7 here; 8 today).
    let grouped = profiles(&store, &dims);
    time("weight sensitivity (7,775 weightings)", 5, &mut || {
        sensitivity(&grouped, &[1.0; 5]).groups.len()
    });
    time("latest value of every series", 3, &mut || {
        (0..store.indicators.len() as u32)
            .map(|i| {
                store
                    .series_of(i)
                    .filter(|(k, _)| latest(&store, **k).is_some())
                    .count()
            })
            .sum()
    });
    (text.len(), out)
}

/// The profile's rank ranges (comparisons, standings and 400 draws with the fixed seed) over
/// `store` with equal weights: how many groups were ranked, and the best of three times.
pub fn rank_ranges_time(store: &super::model::Store, now: &dyn Fn() -> f64) -> (usize, f64) {
    use super::matched::{comparisons, rank_ranges, standings, DRAWS, SEED};
    let dims: Vec<String> = ["belonging", "inclusion", "participation", "recognition", "legitimacy"]
        .iter()
        .map(|d| format!("dimensions.{d}"))
        .collect();
    let weights = [1.0; 5];
    let mut best = f64::MAX;
    let mut ranked = 0;
    for _ in 0..3 {
        let t = now();
        let c = comparisons(store, &dims);
        let s = standings(&c, &weights);
        let r = rank_ranges(store, &c, &s, &weights, DRAWS, SEED);
        best = best.min(now() - t);
        ranked = r.iter().flatten().count();
    }
    (ranked, best)
}

/// The rank ranges for `groups` synthetic groups on the synthetic indicators.
pub fn synthetic_rank_ranges(groups: usize, now: &dyn Fn() -> f64) -> (usize, f64) {
    let indicators = read_indicators("synthetic-indicators.csv", indicators_csv().as_bytes()).unwrap_or_default();
    let read = read_observations("synthetic-groups.csv", super::synth::groups_csv(groups).as_bytes(), indicators);
    assert!(read.errors.is_empty(), "the synthetic groups are valid: {}", read.errors);
    rank_ranges_time(&read.store, now)
}
