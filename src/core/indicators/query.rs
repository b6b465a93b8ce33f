//! The queries behind the dashboard: a series, the latest value and its change, gaps between
//! groups and the total, and the trend. All read the [`Store`]'s series index.
//!
//! Significance of a change: a two-sample z-test on the difference of two estimates, with each
//! estimate's standard error recovered from its published 95% confidence interval
//! (se = (upper − lower) / (2 × 1.96)); the change is significant at the 5% level when
//! |difference| / √(se₁² + se₂²) > 1.96. It treats the two survey waves as independent samples.
//! Without intervals a change is reported as untested, never as significant; so is a change
//! where either bound is an error bar whose level the release does not state.
//!
//! A series break (the flag `break` on the first value after it: the question, survey or
//! population changed) ends one series and starts another: no change or trend is computed
//! across it, and the chart does not join the line over it.

use super::model::{Direction, SeriesKey, Store};
use super::period::Period;

const Z95: f64 = 1.959_963_985;

#[derive(Debug, Clone, Copy, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Point {
    pub period: Period,
    /// `None` is a gap (a suppressed value), shown as a gap.
    pub value: Option<f64>,
    pub lower: Option<f64>,
    pub upper: Option<f64>,
    pub row: u32,
    /// The series breaks just before this point.
    #[serde(default)]
    pub breaks: bool,
    /// The bounds are a 95% confidence interval (not error bars of an unstated level).
    #[serde(default = "yes")]
    pub interval_95: bool,
}

fn yes() -> bool {
    true
}

/// Whether a row's `flags` cell (`;`- or `,`-separated words) holds `flag`.
pub fn has_flag(flags: &str, flag: &str) -> bool {
    flags.split([';', ',']).any(|f| f.trim() == flag)
}

pub const FLAG_BREAK: &str = "break";
pub const FLAG_LEVEL_UNSTATED: &str = "interval-level-unstated";
pub const FLAG_PROVISIONAL: &str = "provisional";

impl Point {
    /// The standard error implied by a 95% interval, if there is one.
    pub fn standard_error(&self) -> Option<f64> {
        if !self.interval_95 {
            return None;
        }
        Some((self.upper? - self.lower?) / (2.0 * Z95))
    }
}

/// Whether the source gives the indicator a figure for everyone (not only for groups).
pub fn has_total(store: &Store, indicator: &str) -> bool {
    store
        .key(indicator, "total", "Total")
        .is_some_and(|k| series(store, k).iter().any(|p| p.value.is_some()))
}

/// The points since the series' last break (all of them when it has none): the only ones a
/// change or a trend may compare.
pub fn since_break(points: &[Point]) -> &[Point] {
    let start = points.iter().rposition(|p| p.breaks).unwrap_or(0);
    &points[start..]
}

fn opt(v: f64) -> Option<f64> {
    (!v.is_nan()).then_some(v)
}

/// One series in period order.
pub fn series(store: &Store, key: SeriesKey) -> Vec<Point> {
    store
        .series_rows(key)
        .iter()
        .map(|&r| {
            let r_ = r as usize;
            let flags = store.str(store.flags[r_]);
            Point {
                period: store.period[r_],
                value: opt(store.value[r_]),
                lower: opt(store.lower[r_]),
                upper: opt(store.upper[r_]),
                row: r,
                breaks: has_flag(flags, FLAG_BREAK),
                interval_95: !has_flag(flags, FLAG_LEVEL_UNSTATED),
            }
        })
        .collect()
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Verdict {
    Improved,
    Worsened,
    /// A change in an indicator with no better direction.
    Increased,
    Decreased,
    NoSignificantChange,
    NoChange,
}

impl Verdict {
    pub fn words(self) -> &'static str {
        match self {
            Verdict::Improved => "improved",
            Verdict::Worsened => "worsened",
            Verdict::Increased => "increased",
            Verdict::Decreased => "decreased",
            Verdict::NoSignificantChange => "no significant change",
            Verdict::NoChange => "no change",
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Change {
    pub from: Period,
    pub to: Period,
    pub difference: f64,
    /// `None` when either end has no interval, so significance cannot be tested.
    pub significant: Option<bool>,
    pub verdict: Verdict,
}

/// The change from `a` to `b`, judged by the indicator's direction.
pub fn change(a: &Point, b: &Point, direction: Direction) -> Option<Change> {
    let difference = b.value? - a.value?;
    let significant = match (a.standard_error(), b.standard_error()) {
        (Some(sa), Some(sb)) if sa > 0.0 || sb > 0.0 => {
            Some(difference.abs() / (sa * sa + sb * sb).sqrt() > Z95)
        }
        _ => None,
    };
    let verdict = if difference == 0.0 {
        Verdict::NoChange
    } else if significant == Some(false) {
        Verdict::NoSignificantChange
    } else {
        match (direction, difference > 0.0) {
            (Direction::HigherIsBetter, true) | (Direction::LowerIsBetter, false) => {
                Verdict::Improved
            }
            (Direction::HigherIsBetter, false) | (Direction::LowerIsBetter, true) => {
                Verdict::Worsened
            }
            (Direction::Neutral, true) => Verdict::Increased,
            (Direction::Neutral, false) => Verdict::Decreased,
        }
    };
    Some(Change {
        from: a.period,
        to: b.period,
        difference,
        significant,
        verdict,
    })
}

#[derive(Debug, Clone, PartialEq)]
pub struct Latest {
    pub point: Point,
    pub since_previous: Option<Change>,
    pub since_first: Option<Change>,
    /// Where the series last breaks, when it does: the changes start there.
    pub break_at: Option<Period>,
}

/// The latest value of a series (skipping gaps) and its change since the previous value and
/// since the first.
pub fn latest(store: &Store, key: SeriesKey) -> Option<Latest> {
    let direction = store.indicators.get(key.indicator as usize)?.direction;
    let all = series(store, key);
    let segment = since_break(&all);
    let break_at = segment.first().filter(|p| p.breaks).map(|p| p.period);
    let points: Vec<Point> = segment.iter().filter(|p| p.value.is_some()).copied().collect();
    let last = *points.last().or_else(|| all.iter().rev().find(|p| p.value.is_some()))?;
    let n = points.len();
    let since_previous = (n >= 2)
        .then(|| change(&points[n - 2], &last, direction))
        .flatten();
    let since_first = (n >= 3)
        .then(|| change(&points[0], &last, direction))
        .flatten()
        .or(since_previous);
    Some(Latest {
        point: last,
        since_previous,
        since_first,
        break_at,
    })
}

#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Gap {
    pub group_type: String,
    pub group: String,
    pub period: Period,
    pub value: f64,
    pub total: f64,
    /// group − total
    pub difference: f64,
    /// group ÷ total
    pub ratio: Option<f64>,
    /// How far the group falls behind the total in the indicator's worse direction (negative
    /// when it is ahead); the ranking key.
    pub shortfall: f64,
}

/// Gaps between each group and the total for one indicator, at `period` (default: the latest
/// period with a total), ranked from the group furthest behind.
pub fn gaps(store: &Store, indicator: u32, period: Option<Period>) -> Vec<Gap> {
    let Some(ind) = store.indicators.get(indicator as usize) else {
        return vec![];
    };
    let total_key = store.string_id("total").and_then(|gt| {
        store.string_id("Total").map(|g| SeriesKey {
            indicator,
            group_type: gt,
            group: g,
        })
    });
    let Some(total_key) = total_key else {
        return vec![];
    };
    let totals = series(store, total_key);
    let Some(total) = (match period {
        Some(p) => totals
            .iter()
            .find(|t| t.period == p && t.value.is_some())
            .copied(),
        None => totals.iter().rev().find(|t| t.value.is_some()).copied(),
    }) else {
        return vec![];
    };
    let t = total.value.unwrap_or(f64::NAN);
    let mut out: Vec<Gap> = store
        .series_of(indicator)
        .filter(|(k, _)| **k != total_key)
        .filter_map(|(k, rows)| {
            let r = rows
                .iter()
                .map(|&r| r as usize)
                .find(|&r| store.period[r] == total.period)?;
            let v = opt(store.value[r])?;
            let difference = v - t;
            let shortfall = match ind.direction {
                Direction::HigherIsBetter => -difference,
                Direction::LowerIsBetter => difference,
                Direction::Neutral => difference.abs(),
            };
            Some(Gap {
                group_type: store.str(k.group_type).to_string(),
                group: store.str(k.group).to_string(),
                period: total.period,
                value: v,
                total: t,
                difference,
                ratio: (t != 0.0).then(|| v / t),
                shortfall,
            })
        })
        .collect();
    crate::core::order::sort_by(&mut out, |a, b| {
        b.shortfall
            .total_cmp(&a.shortfall)
            .then_with(|| a.group.cmp(&b.group))
    });
    out
}

#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Trend {
    /// Least-squares slope, in the indicator's unit per year.
    pub per_year: f64,
    pub from: Period,
    pub to: Period,
    pub points: usize,
}

/// A straight-line trend over the values available since the last break (gaps skipped);
/// needs two or more.
pub fn trend(store: &Store, key: SeriesKey) -> Option<Trend> {
    let all = series(store, key);
    let pts: Vec<(f64, f64, Period)> = since_break(&all)
        .iter()
        .filter_map(|p| Some((p.period.as_year(), p.value?, p.period)))
        .collect();
    if pts.len() < 2 {
        return None;
    }
    let n = pts.len() as f64;
    let mx = pts.iter().map(|p| p.0).sum::<f64>() / n;
    let my = pts.iter().map(|p| p.1).sum::<f64>() / n;
    let sxx: f64 = pts.iter().map(|p| (p.0 - mx).powi(2)).sum();
    if sxx == 0.0 {
        return None;
    }
    let sxy: f64 = pts.iter().map(|p| (p.0 - mx) * (p.1 - my)).sum();
    Some(Trend {
        per_year: sxy / sxx,
        from: pts[0].2,
        to: pts[pts.len() - 1].2,
        points: pts.len(),
    })
}
