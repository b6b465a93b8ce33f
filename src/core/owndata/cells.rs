//! What one cell of a person's table says: a number (as spreadsheets and web pages write
//! them: `1,234`, `12.5%`, `−3`, `$40`), a symbol for a figure that is not there (`..`,
//! `C`, `S`, `-`, `n/a`: Stats NZ's Infoshare and most statistical offices use these), a
//! period (`2023`, `2024Q4`, `2023M06`, `2023-Q2`, `June 2023`, `2011/12`), or text.

use crate::core::indicators::Period;

/// A cell read as a figure.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Figure<'a> {
    /// Nothing in the cell.
    Empty,
    Number {
        value: f64,
        /// A status letter written after the number (`123.4P`, `56 R`), as Infoshare shows
        /// them when status flags are displayed.
        status: Option<&'a str>,
    },
    /// A symbol that stands for a figure that is not there, as written (`..`, `C`).
    Gap(&'a str),
    /// Anything else: not a figure.
    Text,
}

/// Symbols statistical offices write instead of a figure. Each keeps its own meaning, which
/// a file's notes may spell out (Infoshare's "Symbols:" block).
pub const GAP_SYMBOLS: [&str; 19] =
    ["..", "...", "…", "-", "–", "—", "x", "X", "C", "S", "s", "*", "n/a", "N/A", "na", "NA", ":", "np", "#"];

/// Status letters that may follow a number (Infoshare's: provisional, revised, early
/// estimate; `C` and `S` never follow one, they replace it).
const STATUS_LETTERS: [&str; 3] = ["P", "R", "E"];

/// Reads `cell` as a figure.
pub fn figure(cell: &str) -> Figure<'_> {
    let t = trim(cell);
    if t.is_empty() {
        return Figure::Empty;
    }
    if let Some(value) = number(t) {
        return Figure::Number { value, status: None };
    }
    if GAP_SYMBOLS.contains(&t) {
        return Figure::Gap(t);
    }
    // A number with a status letter after it.
    for letter in STATUS_LETTERS {
        if let Some(rest) = t.strip_suffix(letter) {
            if let Some(value) = number(trim(rest)) {
                return Figure::Number { value, status: Some(letter) };
            }
        }
    }
    Figure::Text
}

/// Spaces, including the no-break and thin spaces web pages put in numbers and tables.
pub fn trim(cell: &str) -> &str {
    cell.trim_matches(|c: char| c.is_whitespace() || c == '\u{a0}' || c == '\u{202f}')
}

/// A number as people write one, or `None`.
pub fn number(text: &str) -> Option<f64> {
    let t = trim(text);
    if let Some(v) = plain(t) {
        return Some(v);
    }
    // The forms below need some rewriting; most cells never get here.
    let mut s: String = t
        .chars()
        .map(|c| if c == '\u{2212}' { '-' } else { c })
        .filter(|&c| c != '\u{a0}' && c != '\u{202f}' && c != ' ')
        .collect();
    if let Some(rest) = s.strip_suffix('%') {
        s = rest.to_string();
    }
    let negative = s.starts_with('-');
    let body = s.trim_start_matches('-').trim_start_matches('$');
    let body = if grouped_thousands(body) { body.replace(',', "") } else { body.to_string() };
    let v = plain(&body)?;
    Some(if negative { -v } else { v })
}

/// `text` as Rust reads a finite number, without exponents' surprises (`inf`, `NaN`).
fn plain(text: &str) -> Option<f64> {
    let first = text.as_bytes().first()?;
    if !(first.is_ascii_digit() || *first == b'-' || *first == b'.' || *first == b'+') {
        return None;
    }
    text.parse::<f64>().ok().filter(|v| v.is_finite())
}

/// `1,234` or `12,345,678.9`: commas between groups of three digits.
fn grouped_thousands(text: &str) -> bool {
    let whole = text.split('.').next().unwrap_or("");
    let mut groups = whole.split(',');
    let Some(first) = groups.next() else { return false };
    let mut any = false;
    let first_ok = (1..=3).contains(&first.len()) && first.bytes().all(|b| b.is_ascii_digit());
    for g in groups {
        any = true;
        if g.len() != 3 || !g.bytes().all(|b| b.is_ascii_digit()) {
            return false;
        }
    }
    any && first_ok
}

const MONTH_NAMES: [&str; 12] = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];

fn month_of(word: &str) -> Option<u8> {
    let w = word.trim_end_matches('.').to_ascii_lowercase();
    if w.len() < 3 {
        return None;
    }
    MONTH_NAMES.iter().position(|m| m.starts_with(&w) && (w.len() == 3 || *m == w)).map(|i| i as u8 + 1)
}

fn year(text: &str) -> Option<i32> {
    (text.len() == 4 && text.bytes().all(|b| b.is_ascii_digit())).then(|| text.parse().ok()).flatten()
}

/// A period as statistical releases write one, or `None`. Beyond the app's own forms
/// (`Period::parse`): `2024Q4` and `2023M06` (Infoshare), `2023-06-30` (a date: its month),
/// `June 2023` or `Jun 2023`, `2022-23` (a year that spans two), and `Year ended June 2023`.
pub fn period(cell: &str) -> Option<Period> {
    let t = trim(cell);
    if let Some(p) = Period::parse(t) {
        return Some(p);
    }
    if t.len() == 6 || t.len() == 7 {
        let (y, rest) = t.split_at(4);
        if let Some(y) = year(y) {
            if let Some(q) = rest.strip_prefix(['Q', 'q']) {
                let q: u8 = q.parse().ok()?;
                return (1..=4).contains(&q).then_some(Period::Quarter(y, q));
            }
            if let Some(m) = rest.strip_prefix(['M', 'm']) {
                let m: u8 = m.parse().ok()?;
                return (1..=12).contains(&m).then_some(Period::Month(y, m));
            }
            // `2022-23`: the second year in two digits, following the first.
            if let Some(next) = rest.strip_prefix('-') {
                if next.len() == 2 && next.parse::<i32>().ok()? == (y + 1) % 100 {
                    return Some(Period::SplitYear(y));
                }
            }
        }
    }
    // A date: its month.
    if t.len() == 10 && t.as_bytes()[4] == b'-' && t.as_bytes()[7] == b'-' {
        let y = year(&t[..4])?;
        let m: u8 = t[5..7].parse().ok()?;
        let d: u8 = t[8..10].parse().ok()?;
        return ((1..=12).contains(&m) && (1..=31).contains(&d)).then_some(Period::Month(y, m));
    }
    let lower = t.to_ascii_lowercase();
    for lead in ["year ended ", "year ending ", "ye "] {
        if let Some(rest) = lower.strip_prefix(lead) {
            let (m, y) = rest.trim().split_once(' ')?;
            return Some(Period::YearTo(year(y.trim())?, month_of(m)?));
        }
    }
    let (m, y) = t.split_once(' ')?;
    Some(Period::Month(year(y.trim())?, month_of(m)?))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_as_people_write_them() {
        assert_eq!(number("12.5"), Some(12.5));
        assert_eq!(number(" 1,234 "), Some(1234.0));
        assert_eq!(number("12,345,678.9"), Some(12345678.9));
        assert_eq!(number("12.5%"), Some(12.5));
        assert_eq!(number("−3.2"), Some(-3.2));
        assert_eq!(number("$40"), Some(40.0));
        assert_eq!(number("1\u{a0}234"), Some(1234.0));
        // Not numbers: a comma that does not group thousands, words, infinities.
        assert_eq!(number("1,23"), None);
        assert_eq!(number("inf"), None);
        assert_eq!(number("NaN"), None);
        assert_eq!(number("Auckland"), None);
    }

    #[test]
    fn figures_tell_gaps_from_text() {
        assert_eq!(figure(""), Figure::Empty);
        assert_eq!(figure(".."), Figure::Gap(".."));
        assert_eq!(figure(" C "), Figure::Gap("C"));
        assert_eq!(figure("12.1P"), Figure::Number { value: 12.1, status: Some("P") });
        assert_eq!(figure("56 R"), Figure::Number { value: 56.0, status: Some("R") });
        assert_eq!(figure("Total"), Figure::Text);
    }

    #[test]
    fn periods_as_releases_write_them() {
        assert_eq!(period("1996"), Some(Period::Year(1996)));
        assert_eq!(period("2024Q4"), Some(Period::Quarter(2024, 4)));
        assert_eq!(period("2023M06"), Some(Period::Month(2023, 6)));
        assert_eq!(period("2023-Q2"), Some(Period::Quarter(2023, 2)));
        assert_eq!(period("2023-06"), Some(Period::Month(2023, 6)));
        assert_eq!(period("2014-12-31"), Some(Period::Month(2014, 12)));
        assert_eq!(period("June 2023"), Some(Period::Month(2023, 6)));
        assert_eq!(period("Jun 2023"), Some(Period::Month(2023, 6)));
        assert_eq!(period("2022-23"), Some(Period::SplitYear(2022)));
        assert_eq!(period("2011/12"), Some(Period::SplitYear(2011)));
        assert_eq!(period("Year ended June 2023"), Some(Period::YearTo(2023, 6)));
        assert_eq!(period("year to Oct 2023"), Some(Period::YearTo(2023, 10)));
        for not in ["Total", "2023M13", "2024Q5", "12", "Ma 2023", "2022-24", ""] {
            assert_eq!(period(not), None, "{not}");
        }
    }
}
