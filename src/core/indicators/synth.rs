//! Synthetic indicator files for benchmarks and tests: plausible shapes, made-up numbers.
//! Never shipped, never shown as real. Deterministic for a given size, so runs compare.

use std::fmt::Write;

/// A small deterministic generator (xorshift), so the same size gives the same file (and the
/// profile's rank ranges, drawn with a fixed seed, the same ranges every time).
pub(crate) struct Rng(pub(crate) u64);

impl Rng {
    pub(crate) fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
    pub(crate) fn unit(&mut self) -> f64 {
        (self.next() >> 11) as f64 / (1u64 << 53) as f64
    }
}

pub const SYNTH_INDICATORS: usize = 40;

/// `indicators.csv` for the synthetic observations.
pub fn indicators_csv() -> String {
    let mut out = String::from("id,title,short_title,dimensions,nodes,mapping_basis,unit,direction,definition,source_name,source_url,licence\n");
    let dims = [
        "belonging",
        "inclusion",
        "participation",
        "recognition",
        "legitimacy",
    ];
    for i in 0..SYNTH_INDICATORS {
        let unit = if i % 2 == 0 {
            "percent"
        } else {
            "mean score 0-10"
        };
        let direction = if i % 7 == 3 {
            "lower_is_better"
        } else {
            "higher_is_better"
        };
        let _ = writeln!(
            out,
            "synthetic_{i},Synthetic indicator {i},Synthetic {i},dimensions.{},,editorial,{unit},{direction},Made-up data for benchmarks,Synthetic,https://example.invalid,none",
            dims[i % dims.len()]
        );
    }
    out
}

/// An `observations.csv` of exactly `rows` rows: indicators × years × groups, with intervals.
pub fn observations_csv(rows: usize) -> String {
    let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
    let groups: Vec<(&str, String)> = std::iter::once(("total", "Total".to_string()))
        .chain((0..6).map(|g| ("ethnicity", format!("Ethnic group {g}"))))
        .chain((0..8).map(|g| ("age", format!("Age band {g}"))))
        .chain((0..16).map(|g| ("region", format!("Region {g}"))))
        .chain((0..2000).map(|g| ("area", format!("Area {g}"))))
        .collect();
    let years = 40;
    let mut out = String::with_capacity(rows * 72);
    out.push_str("indicator_id,period,group_type,group,value,lower,upper,sample_size\n");
    let mut written = 0;
    'outer: for (gi, (gt, g)) in groups.iter().enumerate() {
        for i in 0..SYNTH_INDICATORS {
            for y in 0..years {
                if written == rows {
                    break 'outer;
                }
                let (scale, half) = if i % 2 == 0 {
                    (100.0, 2.5)
                } else {
                    (10.0, 0.25)
                };
                let v = (0.2 + 0.6 * rng.unit()) * scale;
                let h = half * (0.5 + rng.unit());
                let _ = writeln!(
                    out,
                    "synthetic_{i},{},{gt},{g},{:.2},{:.2},{:.2},{}",
                    1985 + y,
                    v,
                    v - h,
                    v + h,
                    200 + (rng.next() % 5000) + gi as u64
                );
                written += 1;
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::indicators::parse::{read_indicators, read_observations};

    #[test]
    fn synthetic_files_are_valid_and_exactly_the_size_asked() {
        let inds = read_indicators("synthetic-indicators.csv", indicators_csv().as_bytes())
            .expect("indicators");
        let read = read_observations("synthetic.csv", observations_csv(5_000).as_bytes(), inds);
        assert!(read.errors.is_empty(), "{}", read.errors);
        assert_eq!(read.store.len(), 5_000);
        assert_eq!(
            observations_csv(5_000),
            observations_csv(5_000),
            "deterministic"
        );
    }
}

/// An `observations.csv` of everyone and `groups` groups on every synthetic indicator in one
/// year, each figure with a 95% interval: the profile's rank ranges at scale.
pub fn groups_csv(groups: usize) -> String {
    let mut rng = Rng(0xD1B5_4A32_D192_ED03);
    let mut out = String::from("indicator_id,period,group_type,group,value,lower,upper\n");
    for g in 0..=groups {
        let (gt, name) = if g == 0 { ("total".to_string(), "Total".to_string()) } else { ("group".to_string(), format!("Group {g}")) };
        for i in 0..SYNTH_INDICATORS {
            let (scale, half) = if i % 2 == 0 { (100.0, 2.5) } else { (10.0, 0.25) };
            let v = (0.2 + 0.6 * rng.unit()) * scale;
            let h = half * (0.5 + rng.unit());
            let _ = writeln!(out, "synthetic_{i},2023,{gt},{name},{v:.2},{:.2},{:.2}", v - h, v + h);
        }
    }
    out
}
