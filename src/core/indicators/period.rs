//! Periods of observation: a year (`2023`), a quarter (`2023-Q2`, or `2023 Q2` as releases
//! write it), a month (`2023-06`), a July–June or survey year that spans two calendar years
//! (`2011/12`), or the twelve months to a month (`year to Oct 2023`).

use std::fmt;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize, serde::Deserialize)]
pub enum Period {
    Year(i32),
    Quarter(i32, u8),
    Month(i32, u8),
    /// A year that starts in the first year and ends in the next (`2011/12`): the first year.
    SplitYear(i32),
    /// The twelve months that end with a month (`year to Oct 2023`).
    YearTo(i32, u8),
}

const MONTHS: [&str; 12] = [
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
];

impl Period {
    /// Parses `YYYY`, `YYYY-Qn`, `YYYY Qn`, `YYYY-MM`, `YYYY/YY` or `year to Mon YYYY`;
    /// `None` for anything else.
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
        if let Some(rest) = text.strip_prefix("year to ") {
            let (month, y) = rest.trim().split_once(' ')?;
            let m = MONTHS.iter().position(|&name| name.eq_ignore_ascii_case(month))?;
            return Some(Period::YearTo(year(y.trim())?, m as u8 + 1));
        }
        if let Some((y, next)) = text.split_once('/') {
            let y = year(y)?;
            // The second year is written with two digits and must follow the first.
            let follows = next.len() == 2
                && next.bytes().all(|b| b.is_ascii_digit())
                && next.parse::<i32>().ok()? == (y + 1) % 100;
            return follows.then_some(Period::SplitYear(y));
        }
        if let Some((y, q)) = text.split_once(" Q") {
            let q: u8 = q.parse().ok()?;
            return (1..=4).contains(&q).then_some(Period::Quarter(year(y)?, q));
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
            Period::SplitYear(y) => f64::from(y) + 1.0,
            Period::YearTo(y, m) => f64::from(y) + f64::from(m) / 12.0 - 0.5,
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
            Period::SplitYear(y) => write!(f, "{y}/{:02}", (y + 1).rem_euclid(100)),
            Period::YearTo(y, m) => write!(f, "year to {} {y}", MONTHS[usize::from(*m - 1)]),
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
        assert_eq!(Period::parse("2020 Q3"), Some(Period::Quarter(2020, 3)));
        assert_eq!(Period::parse("2011/12"), Some(Period::SplitYear(2011)));
        assert_eq!(Period::parse("1999/00"), Some(Period::SplitYear(1999)));
        assert_eq!(Period::parse("year to Oct 2023"), Some(Period::YearTo(2023, 10)));
        for bad in [
            "", "23", "2023-Q5", "2023-13", "2023-6", "twenty", "2023/06", "20233", "2011/13",
            "year to Oct", "year to Octember 2023", "2020 Q5", "2021 cycle",
        ] {
            assert_eq!(Period::parse(bad), None, "{bad}");
        }
    }

    #[test]
    fn orders_by_middle_of_period() {
        assert!(Period::Year(2021).key() < Period::Year(2023).key());
        assert!(Period::Quarter(2023, 1).key() < Period::Month(2023, 6).key());
        assert!(Period::Month(2023, 6).key() < Period::Quarter(2023, 3).key());
        // 2011/12 sits between the calendar years 2011 and 2012; the NZCVS years to October
        // and November follow the calendar year they end in.
        assert!(Period::Year(2011).key() < Period::SplitYear(2011).key());
        assert!(Period::SplitYear(2011).key() < Period::Year(2012).key());
        assert!(Period::Year(2021).key() < Period::YearTo(2022, 11).key());
        assert!(Period::YearTo(2022, 11).key() < Period::YearTo(2023, 10).key());
    }

    proptest! {
        #[test]
        fn display_round_trips(y in 1900i32..2100, q in 1u8..=4, m in 1u8..=12) {
            for p in [Period::Year(y), Period::Quarter(y, q), Period::Month(y, m), Period::SplitYear(y), Period::YearTo(y, m)] {
                prop_assert_eq!(Period::parse(&p.to_string()), Some(p));
            }
        }

        #[test]
        fn never_panics(s in "\\PC{0,12}") {
            let _ = Period::parse(&s);
        }
    }
}
