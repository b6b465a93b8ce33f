//! Which value of a dimension means everyone: "Total", "Total - ethnicity", "Total people",
//! "New Zealand", "Everyone", "All ages", SDMX's `_T`, or a census code of nines whose name the
//! file leaves out. A dimension may have more than one ("Total stated" beside "Total"); the
//! fullest wins.

/// How well a value stands for everyone: lower is better; `None` if it does not.
pub fn total_rank(code: &str, name: &str) -> Option<u8> {
    let words = if name.trim().is_empty() { code } else { name };
    let w = words.trim().to_lowercase();
    let w = w.trim_end_matches('.');
    if w == "total" || w.starts_with("total - ") || w.starts_with("total – ") || w.starts_with("total: ") {
        return Some(0);
    }
    const EVERYONE: [&str; 16] = [
        "everyone",
        "new zealand",
        "aotearoa new zealand",
        "nz",
        "all",
        "all people",
        "all persons",
        "all ages",
        "all groups",
        "all ethnicities",
        "all ethnic groups",
        "all regions",
        "both sexes",
        "total population",
        "whole population",
        "all new zealanders",
    ];
    if EVERYONE.contains(&w) {
        return Some(1);
    }
    if w.starts_with("total ") {
        // "Total stated" leaves out those who did not answer: a total, but not everyone's.
        return Some(if w.contains("stated") || w.contains("known") { 3 } else { 2 });
    }
    let c = code.trim();
    if c == "_T" || c.eq_ignore_ascii_case("TOTAL") || c.eq_ignore_ascii_case("ALL") {
        return Some(1);
    }
    // A census code of nines (9999) with no name to say otherwise.
    if name.trim().is_empty() && c.len() >= 2 && c.bytes().all(|b| b == b'9') {
        return Some(4);
    }
    None
}

/// The value of a dimension that stands for everyone, if one does: its index in `values`
/// (each a code and its name).
pub fn everyone<'a>(values: impl IntoIterator<Item = (&'a str, &'a str)>) -> Option<usize> {
    values
        .into_iter()
        .enumerate()
        .filter_map(|(i, (code, name))| total_rank(code, name).map(|r| (r, i)))
        .min()
        .map(|(_, i)| i)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn totals_are_recognised_as_everyone() {
        for (code, name) in [
            ("1", "Total"),
            ("9999", "Total - ethnicity"),
            ("T", "Total people"),
            ("NZ", "New Zealand"),
            ("x", "Everyone"),
            ("_T", ""),
            ("999", ""),
            ("A", "All ages"),
        ] {
            assert!(total_rank(code, name).is_some(), "{code} {name}");
        }
        for (code, name) in [("01", "Northland Region"), ("99", "Not stated"), ("2", "Māori"), ("TOT", "Totara")] {
            assert_eq!(total_rank(code, name), None, "{code} {name}");
        }
    }

    #[test]
    fn the_fullest_total_wins() {
        let values = [
            ("77", "Total stated - main types of heating used"),
            ("01", "Heat pump"),
            ("999", ""),
            ("9999", "Total - heating"),
        ];
        assert_eq!(everyone(values.iter().map(|(c, n)| (*c, *n))), Some(3));
        assert_eq!(everyone([("1", "Auckland"), ("2", "Wellington")]), None);
    }
}
