//! Periods of observation: a year (`2023`), a quarter (`2023-Q2`) or a month (`2023-06`).

use std::fmt;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize, serde::Deserialize)]
pub enum Period {
    Year(i32),
    Quarter(i32, u8),
    Month(i32, u8),
}

impl Period {
    /// Parses `YYYY`, `YYYY-Qn` or `YYYY-MM`; `None` for anything else.
    pub fn parse(text: &str) -> Option<Period> {
        let text = text.trim();
        let year = |s: &str| -> Option<i32> {
            (s.len() == 4 && s.bytes().all(|b| b.is_ascii_digit()))
                .then(|| s.parse().ok())
                .flatten()
        };
        if let Some(y) = year(text) {
            return Some(Period::Year(y));
        }
        let (y, rest) = text.split_once('-')?;
        let y = year(y)?;
        if let Some(q) = rest.strip_prefix('Q').or_else(|| rest.strip_prefix('q')) {
            let q: u8 = q.parse().ok()?;
            return (1..=4).contains(&q).then_some(Period::Quarter(y, q));
        }
        if rest.len() == 2 && rest.bytes().all(|b| b.is_ascii_digit()) {
            let m: u8 = rest.parse().ok()?;
            return (1..=12).contains(&m).then_some(Period::Month(y, m));
        }
        None
    }

    /// The period's middle as a fractional year, for trends and for ordering mixed periods.
    pub fn as_year(self) -> f64 {
        match self {
            Period::Year(y) => f64::from(y) + 0.5,
            Period::Quarter(y, q) => f64::from(y) + (f64::from(q) - 0.5) / 4.0,
            Period::Month(y, m) => f64::from(y) + (f64::from(m) - 0.5) / 12.0,
        }
    }

    /// A sortable key: periods order by their middle.
    pub fn key(self) -> u32 {
        (self.as_year() * 24.0).round() as u32
    }
}

impl fmt::Display for Period {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Period::Year(y) => write!(f, "{y}"),
            Period::Quarter(y, q) => write!(f, "{y}-Q{q}"),
            Period::Month(y, m) => write!(f, "{y}-{m:02}"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn parses_years_quarters_and_months() {
        assert_eq!(Period::parse("2023"), Some(Period::Year(2023)));
        assert_eq!(Period::parse(" 2023-Q2 "), Some(Period::Quarter(2023, 2)));
        assert_eq!(Period::parse("2023-06"), Some(Period::Month(2023, 6)));
        for bad in [
            "", "23", "2023-Q5", "2023-13", "2023-6", "twenty", "2023/06", "20233",
        ] {
            assert_eq!(Period::parse(bad), None, "{bad}");
        }
    }

    #[test]
    fn orders_by_middle_of_period() {
        assert!(Period::Year(2021).key() < Period::Year(2023).key());
        assert!(Period::Quarter(2023, 1).key() < Period::Month(2023, 6).key());
        assert!(Period::Month(2023, 6).key() < Period::Quarter(2023, 3).key());
    }

    proptest! {
        #[test]
        fn display_round_trips(y in 1900i32..2100, q in 1u8..=4, m in 1u8..=12) {
            for p in [Period::Year(y), Period::Quarter(y, q), Period::Month(y, m)] {
                prop_assert_eq!(Period::parse(&p.to_string()), Some(p));
            }
        }

        #[test]
        fn never_panics(s in "\\PC{0,12}") {
            let _ = Period::parse(&s);
        }
    }
}
