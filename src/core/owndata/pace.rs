//! How many records a slice of reading takes: tuned as it goes so that a slice takes about
//! as long as asked on this device (a phone reads fewer records per slice than a laptop).
//! The Data page and the benchmark both read with it, so the benchmark's longest slice is
//! the page's longest task while reading.

/// Records per slice, adjusted after each slice from how long it took.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Pace {
    records: usize,
    target_ms: f64,
}

/// The slice the Data page aims for: well under the 50 ms a task may take before it is a
/// long task, with room for the progress bar's paint.
pub const SLICE_MS: f64 = 25.0;

impl Pace {
    pub fn new(target_ms: f64) -> Pace {
        Pace { records: 2000, target_ms }
    }

    /// Records to read in the next slice.
    pub fn records(&self) -> usize {
        self.records
    }

    /// Says how long the last slice took; the next one is sized from it. The change per slice
    /// is bounded, so one slow slice (a collection, a tab switch) does not swing it far.
    pub fn took(&mut self, ms: f64) {
        let ratio = (self.target_ms / ms.max(0.5)).clamp(0.25, 4.0);
        self.records = ((self.records as f64) * ratio).clamp(200.0, 200_000.0) as usize;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slow_slices_shrink_and_fast_ones_grow_within_bounds() {
        let mut p = Pace::new(25.0);
        p.took(100.0);
        assert_eq!(p.records(), 500);
        p.took(1000.0);
        assert_eq!(p.records(), 200, "never below 200");
        p.took(1.0);
        assert_eq!(p.records(), 800, "at most four times as many");
        for _ in 0..20 {
            p.took(0.0);
        }
        assert_eq!(p.records(), 200_000, "never above 200,000");
    }
}
