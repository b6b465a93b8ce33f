//! The person's own data, written down so that another page of the explorer can read it back.
//!
//! Their file is read on the data page, and shown on the indicator pages, which are another
//! section of the app with a module of its own (`core::site::Section`): moving between them
//! loads a new page. What was accepted from the file goes with them as text, in the formats
//! the app itself ships (`indicators.csv`, `observations.csv`), with the problems found, and
//! is read back with the same readers. The browser keeps that text for the tab only
//! (`src/carry.rs`); nothing is sent anywhere.

use serde::{Deserialize, Serialize};

use super::parse::{read_indicators, read_observations, write_indicators, write_observations};
use super::Store;
use crate::core::DataErrors;

/// What a page needs to show the person's data as the page that read it did.
#[derive(Debug, Clone)]
pub struct Carried {
    /// The file's name, as the person chose it.
    pub file: String,
    /// How many rows the file had (accepted or not).
    pub rows_read: usize,
    pub store: Store,
    /// The problems found in the file, each with its line and column.
    pub errors: DataErrors,
}

#[derive(Serialize, Deserialize)]
struct Written {
    file: String,
    rows_read: usize,
    indicators: String,
    observations: String,
    errors: DataErrors,
}

/// The person's data as one text.
pub fn pack(file: &str, rows_read: usize, store: &Store, errors: &DataErrors) -> String {
    let rows: Vec<_> = (0..store.len()).map(|r| store.row(r)).collect();
    serde_json::to_string(&Written {
        file: file.to_string(),
        rows_read,
        indicators: write_indicators(&store.indicators),
        observations: write_observations(&rows),
        errors: errors.clone(),
    })
    .unwrap_or_default()
}

/// The person's data from [`pack`]'s text; `None` if the text is not that (another version
/// of the app wrote it, say), which the caller treats as no data.
pub fn unpack(text: &str) -> Option<Carried> {
    let written: Written = serde_json::from_str(text).ok()?;
    let indicators = read_indicators(&written.file, written.indicators.as_bytes()).ok()?;
    let read = read_observations(&written.file, written.observations.as_bytes(), indicators);
    // What was written was accepted once; anything refused now means it is not ours.
    if !read.errors.is_empty() {
        return None;
    }
    Some(Carried {
        file: written.file,
        rows_read: written.rows_read,
        store: read.store,
        errors: written.errors,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::fixtures;

    #[test]
    fn the_person_s_data_reads_back_as_it_was() {
        // The shipped data stands in for a person's: every column, flag and period form.
        let store = fixtures::store();
        let mut errors = DataErrors::default();
        errors.push(crate::core::DataError::new(
            "mine.csv",
            Some(crate::core::Position { line: 3, column: 2 }),
            "not a number: \"abc\"",
        ));
        let text = pack("mine.csv", 7, store, &errors);
        let back = unpack(&text).expect("reads back");
        assert_eq!(back.file, "mine.csv");
        assert_eq!(back.rows_read, 7);
        assert_eq!(back.errors, errors);
        assert_eq!(back.errors.errors[0].to_string(), "mine.csv, line 3, column 2: not a number: \"abc\"");
        assert_eq!(back.store.indicators, store.indicators);
        let rows = |s: &Store| (0..s.len()).map(|r| s.row(r)).collect::<Vec<_>>();
        assert_eq!(rows(&back.store), rows(store));
    }

    #[test]
    fn text_that_is_not_ours_is_no_data() {
        assert!(unpack("").is_none());
        assert!(unpack("{\"file\":1}").is_none());
        let broken = pack("m.csv", 0, fixtures::store(), &DataErrors::default())
            .replace("\"observations\":\"", "\"observations\":\"nonsense,");
        assert!(unpack(&broken).is_none());
    }
}
