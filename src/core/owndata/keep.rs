//! A person's measures as text the browser keeps between visits (in IndexedDB, on their
//! device only), and read back. Each is kept whole, with a version, so a later build can
//! tell an earlier one's; one that cannot be read back is reported, never guessed at.

use serde::{Deserialize, Serialize};

use super::describe::Measure;

/// The kept format's version.
pub const VERSION: u32 = 1;

/// Measures larger than this, as kept text, are not kept: they still show for this visit.
/// (Browsers allow far more, but a phone's storage is the person's, not ours.)
pub const MAX_KEPT_BYTES: usize = 8 * 1024 * 1024;

/// A kept measure.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Kept {
    pub version: u32,
    /// When it was kept, as the browser said (an ISO 8601 time).
    pub kept_at: String,
    pub measure: Measure,
}

/// Why a measure was not kept.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TooLarge {
    pub bytes: usize,
}

/// The text to keep for `measure`.
pub fn pack(measure: &Measure, kept_at: &str) -> Result<String, TooLarge> {
    let kept = Kept { version: VERSION, kept_at: kept_at.to_string(), measure: measure.clone() };
    let text = serde_json::to_string(&kept).expect("a measure is plain data");
    if text.len() > MAX_KEPT_BYTES {
        return Err(TooLarge { bytes: text.len() });
    }
    Ok(text)
}

/// A kept measure read back, or `None` if the text is not one this build can read.
pub fn unpack(text: &str) -> Option<Kept> {
    let kept: Kept = serde_json::from_str(text).ok()?;
    (kept.version == VERSION && kept.measure.rows.iter().all(|r| r.indicator == kept.measure.indicator.id))
        .then_some(kept)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::owndata::reading::{read_text, Outcome};

    #[test]
    fn a_measure_kept_reads_back_the_same() {
        let Outcome::Table { table, .. } = read_text("welcome.csv", "Group,2022,2023\nMāori,40,42\nTotal,41,..\n")
        else {
            panic!()
        };
        let d = crate::core::owndata::describe::guess(&table);
        let built = crate::core::owndata::describe::build(&table, &d, "yours-welcome", None);
        let text = pack(&built.measure, "2026-12-02T10:00:00Z").expect("small enough");
        let back = unpack(&text).expect("readable");
        assert_eq!(back.measure, built.measure);
        assert_eq!(back.kept_at, "2026-12-02T10:00:00Z");
        assert!(unpack("{\"version\": 99}").is_none());
        assert!(unpack(&text.replace("\"version\":1", "\"version\":2")).is_none());
    }
}
