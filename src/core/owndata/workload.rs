//! The own-data benchmark's workload, shared by the native benchmark (`src/bin/bench.rs`) and
//! the browser one (`tests/bench_web.rs`): a 1,000,000-row SDMX-CSV file as Aotearoa Data
//! Explorer labels it (codes and names in every cell) read in slices as the Data page reads
//! it, described and previewed, beside today's own-format reader on the same rows; and a
//! 1,000 x 100 wide table. The figures in the synthetic files are made up.

use std::fmt::Write;
use std::sync::Arc;

use super::describe::{build, guess, preview, values, Role};
use super::pace::{Pace, SLICE_MS};
use super::reading::{Outcome, Reading, Step};
use crate::core::indicators::parse::{read_indicators, read_observations};
use crate::core::indicators::synth::{indicators_csv, observations_csv, Rng, SYNTH_INDICATORS};
use crate::core::indicators::workload::Timing;

/// Areas in the synthetic SDMX file (and "Total - New Zealand"); with 40 measures and 40
/// years, 1,000,000 rows reach 625 areas.
const AREAS: usize = 2000;
const YEARS: usize = 40;

/// An SDMX-CSV download in the "codes and names" label mode, `rows` observations long:
/// measures by area by year, with a status on every hundredth figure.
pub fn labelled_sdmx(rows: usize) -> String {
    let mut rng = Rng(0x2545_F491_4F6C_DD1D);
    let mut out = String::with_capacity(rows * 150);
    out.push_str("STRUCTURE,STRUCTURE_ID,ACTION,MEASURE: Measure,AREA: Area,TIME_PERIOD: Time period,OBS_VALUE: Observation Value,OBS_STATUS: Observation Status\n");
    let mut written = 0;
    'all: for a in 0..=AREAS {
        let area = if a == 0 { "99: Total - New Zealand".to_string() } else { format!("A{a:04}: Synthetic area {a}") };
        for m in 0..SYNTH_INDICATORS {
            for y in 0..YEARS {
                if written == rows {
                    break 'all;
                }
                let value = (0.2 + 0.6 * rng.unit()) * 100.0;
                let status = if written % 100 == 99 { "P: Provisional" } else { "" };
                let _ = writeln!(
                    out,
                    "DATAFLOW,STATSNZ:SYNTH_001(1.0): Synthetic measures by area,I,M{m:02}: Synthetic measure {m},{area},{year}: {year},{value:.1},{status}",
                    year = 1985 + y
                );
                written += 1;
            }
        }
    }
    out
}

/// A wide table as a working group keeps one: a group per row, a year per column.
pub fn wide_table(groups: usize, years: usize) -> String {
    let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
    let mut out = String::from("Group");
    for y in 0..years {
        let _ = write!(out, ",{}", 1900 + y);
    }
    out.push('\n');
    for g in 0..groups {
        let _ = write!(out, "Group {g}");
        for _ in 0..years {
            let _ = write!(out, ",{:.1}", 100.0 * rng.unit());
        }
        out.push('\n');
    }
    out
}

/// What one file's reading took.
#[derive(Debug, Clone, PartialEq)]
pub struct Read {
    pub bytes: usize,
    pub rows: usize,
    pub timings: Vec<Timing>,
    /// The longest slice while reading: the page's longest task while it reads this file.
    pub longest_slice_ms: f64,
    /// How many slices the file was read in, and which was the longest (0 is the first) with
    /// the records it was given.
    pub slices: usize,
    pub longest_at: (usize, usize),
    /// Reading, describing and previewing, over today's own-format reader on the same rows
    /// (only for the SDMX file).
    pub ratio_to_own_format: Option<f64>,
}

/// Reads `text` as the Data page does, slice by slice, with the clock given. (The page yields
/// to the browser between slices, so its longest task while reading is the longest slice.)
fn read_in_slices(file: &str, text: &str, now: &dyn Fn() -> f64) -> (f64, f64, usize, (usize, usize), super::table::Table) {
    let started = now();
    let mut reading = Reading::text(file, Arc::from(text), None);
    let mut pace = Pace::new(SLICE_MS);
    let mut longest: f64 = 0.0;
    let mut longest_at = (0, 0);
    let mut slices = 0;
    loop {
        let t = now();
        let records = pace.records();
        let step = reading.step(records);
        let took = now() - t;
        if took > longest {
            longest = took;
            longest_at = (slices, records);
        }
        slices += 1;
        pace.took(took);
        match step {
            Step::Done(Outcome::Table { table, problems }) => {
                assert!(problems.is_empty(), "the synthetic file reads cleanly: {problems}");
                return (now() - started, longest, slices, longest_at, table);
            }
            Step::Done(other) => panic!("the synthetic file is a table: {other:?}"),
            Step::Reading { .. } => {}
        }
    }
}

/// Reads, describes and previews `text`, timing each step.
fn describe_file(file: &str, text: &str, now: &dyn Fn() -> f64) -> Read {
    let (read_ms, longest, slices, longest_at, table) = read_in_slices(file, text, now);
    let mut timings = vec![Timing { name: "read, in slices", ms: read_ms }];
    let mut time = |name: &'static str, f: &mut dyn FnMut() -> usize| {
        let t = now();
        let n = f();
        let ms = now() - t;
        assert!(n > 0, "{name} found nothing");
        timings.push(Timing { name, ms });
        ms
    };
    let mut d = None;
    let guess_ms = time("describe (each column's role)", &mut || {
        d = Some(guess(&table));
        table.columns.len()
    });
    let d = d.expect("guessed");
    let values_ms = time("values of the held dimensions", &mut || {
        d.roles
            .iter()
            .zip(&table.columns)
            .filter(|(r, _)| matches!(r, Role::Filter(_) | Role::Group))
            .map(|(_, c)| values(c).len())
            .sum()
    });
    let preview_ms = time("preview (12 rows)", &mut || preview(&table, &d, 12).len());
    time("build the measure", &mut || {
        let b = build(&table, &d, "yours-synthetic", None);
        assert!(b.problems.is_empty(), "{}", b.problems);
        b.measure.rows.len()
    });
    Read {
        bytes: text.len(),
        rows: table.rows(),
        timings,
        longest_slice_ms: longest.max(guess_ms).max(values_ms + preview_ms),
        slices,
        longest_at,
        ratio_to_own_format: None,
    }
}

/// The labelled SDMX-CSV file of `rows` rows, and today's own-format reader on the same
/// number of rows (best of two), with the ratio of the two.
pub fn labelled_sdmx_beside_own_format(rows: usize, now: &dyn Fn() -> f64) -> Read {
    let own = observations_csv(rows);
    let indicators = read_indicators("synthetic-indicators.csv", indicators_csv().as_bytes()).unwrap_or_default();
    let mut own_ms = f64::MAX;
    for _ in 0..2 {
        let t = now();
        let read = read_observations("synthetic.csv", own.as_bytes(), indicators.clone());
        own_ms = own_ms.min(now() - t);
        assert!(read.errors.is_empty(), "the synthetic observations are valid");
    }
    drop(own);
    let text = labelled_sdmx(rows);
    let mut read = describe_file("synthetic-sdmx.csv", &text, now);
    let ours: f64 = read.timings.iter().take(4).map(|t| t.ms).sum();
    read.timings.insert(0, Timing { name: "today's own-format reader, same rows", ms: own_ms });
    read.ratio_to_own_format = Some(ours / own_ms);
    read
}

/// The wide table of `groups` rows by `years` year columns.
pub fn wide(groups: usize, years: usize, now: &dyn Fn() -> f64) -> Read {
    describe_file("synthetic-wide.csv", &wide_table(groups, years), now)
}

/// The figures as lines of text, for both benchmarks' reports.
pub fn report(label: &str, read: &Read) -> String {
    let mut out = format!(
        "{label}: {} rows read ({:.1} MB)\n",
        read.rows,
        read.bytes as f64 / 1_048_576.0
    );
    for t in &read.timings {
        let _ = writeln!(out, "  {:<40} {:>10.1} ms", t.name, t.ms);
    }
    let _ = writeln!(
        out,
        "  {:<40} {:>10.1} ms  ({} slices; the longest slice was number {}, of {} records)",
        "longest task while reading", read.longest_slice_ms, read.slices, read.longest_at.0 + 1, read.longest_at.1
    );
    if let Some(r) = read.ratio_to_own_format {
        let _ = writeln!(out, "  {:<40} {:>10.2} x", "read+describe+preview / own format", r);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_synthetic_files_read_as_what_they_are() {
        let start = std::time::Instant::now();
        let now = move || start.elapsed().as_secs_f64() * 1000.0;
        let sdmx = labelled_sdmx_beside_own_format(2000, &now);
        assert_eq!(sdmx.rows, 2000);
        assert!(sdmx.ratio_to_own_format.is_some());
        let wide = wide(30, 10, &now);
        assert_eq!(wide.rows, 300, "a long row per group and year");
    }
}
