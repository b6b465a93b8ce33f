//! The notes a statistics office writes below a table: Infoshare's "Table information:",
//! "Units:", "Footnotes:", "Symbols:", "Table reference:", "Source:". They are kept as the
//! measure's notes, line by line, and the parts the app can use are read out: the unit, the
//! source, the table's reference, and what each symbol means.

use super::table::About;

/// Reads the notes' lines into `about`.
pub fn read_notes(lines: &[String], about: &mut About) {
    let mut next_is: Option<&str> = None;
    let mut in_symbols = false;
    for raw in lines {
        let line = raw.trim();
        if line.is_empty() {
            in_symbols = false;
            continue;
        }
        about.notes.push(line.to_string());
        let lower = line.to_ascii_lowercase();
        if let Some(what) = next_is.take() {
            match what {
                "units" => about.units.get_or_insert_with(|| units_words(line)),
                "reference" => about.reference.get_or_insert_with(|| line.to_string()),
                _ => about.notes.last_mut().expect("just pushed"),
            };
            continue;
        }
        match lower.as_str() {
            "units:" => next_is = Some("units"),
            "table reference:" => next_is = Some("reference"),
            "symbols:" => in_symbols = true,
            "table information:" | "footnotes:" | "last updated:" => in_symbols = false,
            _ => {
                if let Some(rest) = strip_prefix_ignore_case(line, "Source:") {
                    if !rest.trim().is_empty() {
                        about.source.get_or_insert_with(|| rest.trim().to_string());
                    }
                } else if let Some(rest) = strip_prefix_ignore_case(line, "Units:") {
                    if !rest.trim().is_empty() {
                        about.units.get_or_insert_with(|| units_words(rest.trim()));
                    }
                } else if in_symbols {
                    if let Some(symbol) = symbol_line(line) {
                        about.symbols.push(symbol);
                    }
                }
            }
        }
    }
}

fn strip_prefix_ignore_case<'a>(line: &'a str, prefix: &str) -> Option<&'a str> {
    (line.len() >= prefix.len() && line[..prefix.len()].eq_ignore_ascii_case(prefix)).then(|| &line[prefix.len()..])
}

/// "Percent, Magnitude = Units" is a percent.
fn units_words(line: &str) -> String {
    line.split(", Magnitude").next().unwrap_or(line).trim().to_string()
}

/// `.. figure not available` or `C: Confidential`.
fn symbol_line(line: &str) -> Option<(String, String)> {
    if let Some((symbol, meaning)) = line.split_once(':') {
        let symbol = symbol.trim();
        if !symbol.is_empty() && symbol.len() <= 3 && !meaning.trim().is_empty() {
            return Some((symbol.to_string(), meaning.trim().to_string()));
        }
    }
    let (symbol, meaning) = line.split_once(char::is_whitespace)?;
    (symbol.len() <= 3 && !symbol.chars().any(char::is_alphanumeric))
        .then(|| (symbol.to_string(), meaning.trim().to_string()))
}

/// What a gap symbol means: the file's own words where its notes give them, else the usual
/// meaning of the symbol.
pub fn symbol_meaning(about: &About, symbol: &str) -> String {
    if let Some((_, meaning)) = about.symbols.iter().find(|(s, _)| s == symbol) {
        return meaning.clone();
    }
    match symbol {
        ".." | "..." | "…" | "-" | "–" | "—" | "n/a" | "N/A" | "na" | "NA" | ":" => "figure not available",
        "C" => "confidential",
        "S" | "s" | "x" | "X" | "np" => "suppressed",
        "*" | "#" => "marked in the source file",
        _ => "not a figure",
    }
    .to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn infoshare_notes_give_unit_source_reference_and_symbols() {
        let lines: Vec<String> = [
            "Table information:",
            "Units:",
            "Index, Magnitude = Units",
            "",
            "Footnotes:",
            "Base: June 2017 quarter (=1000).",
            " ",
            "Symbols:",
            ".. figure not available",
            "C: Confidential",
            "E: Early Estimate",
            "",
            "Table reference: ",
            "CPI009AA",
            "",
            "Source: Statistics New Zealand",
        ]
        .iter()
        .map(|s| s.to_string())
        .collect();
        let mut about = About::default();
        read_notes(&lines, &mut about);
        assert_eq!(about.units.as_deref(), Some("Index"));
        assert_eq!(about.reference.as_deref(), Some("CPI009AA"));
        assert_eq!(about.source.as_deref(), Some("Statistics New Zealand"));
        assert_eq!(about.symbols[0], ("..".to_string(), "figure not available".to_string()));
        assert_eq!(about.symbols[1], ("C".to_string(), "Confidential".to_string()));
        assert_eq!(symbol_meaning(&about, "C"), "Confidential");
        assert_eq!(symbol_meaning(&about, "S"), "suppressed");
        assert!(about.notes.contains(&"Base: June 2017 quarter (=1000).".to_string()));
    }
}
