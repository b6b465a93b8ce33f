//! An indicator page's [`Slice`] as text, written into the page by the build and read back by
//! the page's island. Not JSON: a reader of this takes a few hundred bytes of wasm where
//! serde's JSON reader and the derived readers of these types took about 35 KB, and the
//! island reads nothing else.
//!
//! One record per line (`core::records`), the first field naming the record:
//! `indicator` (the indicator), `row` (one of its observations), `beside` (the published
//! indicator drawn beside a person's measure: their source, the line's label, the indicator)
//! and `beside-row`. A list (an indicator's dimensions and parts) is its length, then its items.
//! Figures are written so that they read back exactly without `f64`'s full parser
//! (`records::write_number`).

use super::model::{Direction, Indicator, Observation, Unit};
use super::page::{Beside, Slice};
use super::period::Period;
use super::parse::observation_cells;
use crate::core::framework::Basis;
use crate::core::records::{fields, read_number, record, write_number};

impl Slice {
    /// The slice as text ([`Slice::from_text`] reads it back).
    pub fn to_text(&self) -> String {
        let mut out = String::new();
        record(&mut out, "indicator", &indicator_fields(&self.indicator));
        for row in &self.rows {
            record(&mut out, "row", &row_fields(row));
        }
        if let Some(b) = &self.beside {
            let mut fields = vec![b.their_source.clone(), b.label.clone()];
            fields.extend(indicator_fields(&b.indicator));
            record(&mut out, "beside", &fields);
            for row in &b.rows {
                record(&mut out, "beside-row", &row_fields(row));
            }
        }
        out
    }

    /// Reads what [`Slice::to_text`] wrote; `Err` names the line (from 1) that it cannot read.
    pub fn from_text(text: &str) -> Result<Slice, String> {
        let mut slice: Option<Slice> = None;
        for (n, line) in text.lines().enumerate().filter(|(_, l)| !l.is_empty()) {
            let bad = || format!("the page's figures, line {}: not readable", n + 1);
            let fields = fields(line);
            let mut f = fields.iter().map(String::as_str);
            match (f.next(), slice.as_mut()) {
                (Some("indicator"), None) => {
                    let indicator = read_indicator(&mut f).ok_or_else(bad)?;
                    slice = Some(Slice { indicator, rows: Vec::new(), beside: None });
                }
                (Some("row"), Some(s)) => s.rows.push(read_row(&mut f).ok_or_else(bad)?),
                (Some("beside"), Some(s)) if s.beside.is_none() => {
                    let (their_source, label) = (f.next().ok_or_else(bad)?.to_string(), f.next().ok_or_else(bad)?.to_string());
                    let indicator = read_indicator(&mut f).ok_or_else(bad)?;
                    s.beside = Some(Beside { indicator, rows: Vec::new(), their_source, label });
                }
                (Some("beside-row"), Some(Slice { beside: Some(b), .. })) => b.rows.push(read_row(&mut f).ok_or_else(bad)?),
                _ => return Err(bad()),
            }
            if f.next().is_some() {
                return Err(bad());
            }
        }
        slice.ok_or_else(|| "the page's figures are missing".to_string())
    }
}

pub(crate) fn indicator_fields(i: &Indicator) -> Vec<String> {
    let mut fields = vec![i.id.clone(), i.title.clone(), i.short_title.clone(), i.dimensions.len().to_string()];
    fields.extend(i.dimensions.iter().cloned());
    fields.push(i.nodes.len().to_string());
    fields.extend(i.nodes.iter().cloned());
    fields.extend([i.mapping_basis.name(), i.unit.name(), i.direction.name()].map(String::from));
    fields.extend([&i.definition, &i.survey, &i.population, &i.source_name, &i.source_url, &i.licence].map(Clone::clone));
    fields
}

pub(crate) fn read_indicator<'a>(f: &mut impl Iterator<Item = &'a str>) -> Option<Indicator> {
    let mut text = || f.next().map(str::to_string);
    let (id, title, short_title) = (text()?, text()?, text()?);
    let list = |f: &mut dyn Iterator<Item = &'a str>| -> Option<Vec<String>> {
        let n: usize = f.next()?.parse().ok()?;
        (0..n).map(|_| f.next().map(str::to_string)).collect()
    };
    let dimensions = list(f)?;
    let nodes = list(f)?;
    let mapping_basis = Basis::parse(f.next()?)?;
    let unit = Unit::parse(f.next()?)?;
    let direction = Direction::parse(f.next()?)?;
    let mut text = || f.next().map(str::to_string);
    Some(Indicator {
        id,
        title,
        short_title,
        dimensions,
        nodes,
        mapping_basis,
        unit,
        direction,
        definition: text()?,
        survey: text()?,
        population: text()?,
        source_name: text()?,
        source_url: text()?,
        licence: text()?,
    })
}

/// An observation's cells as `observations.csv` has them, but its figures as
/// [`write_number`] writes them (read back exactly, without `f64`'s full parser).
pub(crate) fn row_fields(o: &Observation) -> [String; 13] {
    let mut cells = observation_cells(o);
    for (cell, v) in cells[4..7].iter_mut().zip([o.value, o.lower, o.upper]) {
        *cell = v.map(write_number).unwrap_or_default();
    }
    cells
}

/// Reads the fields [`row_fields`] wrote.
pub(crate) fn read_row<'a>(f: &mut impl Iterator<Item = &'a str>) -> Option<Observation> {
    // An empty field is a gap; anything else must read as a number.
    fn optional<T>(field: &str, read: impl Fn(&str) -> Option<T>) -> Option<Option<T>> {
        if field.is_empty() { Some(None) } else { read(field).map(Some) }
    }
    let indicator = f.next()?.to_string();
    let period = Period::parse(f.next()?)?;
    let (group_type, group) = (f.next()?.to_string(), f.next()?.to_string());
    let (value, lower, upper) = (optional(f.next()?, read_number)?, optional(f.next()?, read_number)?, optional(f.next()?, read_number)?);
    let sample_size = optional(f.next()?, |t| t.parse().ok())?;
    let mut text = || f.next().map(str::to_string);
    Some(Observation {
        indicator,
        period,
        group_type,
        group,
        value,
        lower,
        upper,
        sample_size,
        flags: text()?,
        source: text()?,
        source_url: text()?,
        read_at: text()?,
        note: text()?,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn indicator(id: &str, text: String) -> Indicator {
        Indicator {
            id: id.to_string(),
            title: text.clone(),
            short_title: format!("{text}\\"),
            dimensions: vec!["dimensions.belonging".into(), text.clone()],
            nodes: Vec::new(),
            mapping_basis: Basis::Editorial,
            unit: Unit::MeanScore10,
            direction: Direction::LowerIsBetter,
            definition: format!("line one\nline two\t{text}"),
            survey: String::new(),
            population: "People aged 15 and over".into(),
            source_name: "Stats NZ".into(),
            source_url: "https://www.stats.govt.nz/".into(),
            licence: "CC BY 4.0".into(),
        }
    }

    fn period() -> impl Strategy<Value = Period> {
        prop_oneof![
            (1000..9999i32).prop_map(Period::Year),
            (1000..9999i32, 1..=4u8).prop_map(|(y, q)| Period::Quarter(y, q)),
            (1000..9999i32, 1..=12u8).prop_map(|(y, m)| Period::Month(y, m)),
            (1000..9998i32).prop_map(Period::SplitYear),
            (1000..9999i32, 1..=12u8).prop_map(|(y, m)| Period::YearTo(y, m)),
        ]
    }

    fn row() -> impl Strategy<Value = Observation> {
        let number = proptest::option::of(proptest::num::f64::NORMAL | proptest::num::f64::ZERO);
        (period(), ".*", ".*", number.clone(), number.clone(), number, proptest::option::of(any::<u32>()), ".*", ".*").prop_map(
            |(period, group, text, value, lower, upper, sample_size, note, flags)| Observation {
                indicator: "trust_police".into(),
                period,
                group_type: "ethnicity".into(),
                group,
                value,
                lower,
                upper,
                sample_size,
                flags,
                source: text.clone(),
                source_url: String::new(),
                read_at: text,
                note,
            },
        )
    }

    proptest! {
        /// Whatever the text and numbers, the island reads back exactly the slice the build wrote.
        #[test]
        fn reads_back_what_it_wrote(text in ".*", rows in proptest::collection::vec(row(), 0..8), beside in proptest::option::of(proptest::collection::vec(row(), 0..4))) {
            let slice = Slice {
                indicator: indicator("trust_police", text.clone()),
                rows,
                beside: beside.map(|rows| Beside { indicator: indicator("other", text.clone()), rows, their_source: text.clone(), label: format!("{text}\t") }),
            };
            prop_assert_eq!(Slice::from_text(&slice.to_text()), Ok(slice));
        }

        /// Text that is not a slice is an error, never a panic.
        #[test]
        fn never_panics(text in ".*") {
            let _ = Slice::from_text(&text);
        }
    }

    #[test]
    fn says_which_line_it_cannot_read() {
        let slice = Slice { indicator: indicator("a", "A".into()), rows: Vec::new(), beside: None };
        let text = format!("{}row\t2023\n", slice.to_text());
        assert_eq!(Slice::from_text(&text), Err("the page's figures, line 2: not readable".to_string()));
        assert_eq!(Slice::from_text(""), Err("the page's figures are missing".to_string()));
        assert!(Slice::from_text("row\ttrust_police").is_err(), "a row before its indicator");
    }

    #[test]
    fn every_published_page_reads_back() {
        let store = crate::core::fixtures::store();
        for i in &store.indicators {
            let slice = Slice::of(store, &i.id).expect("indicator");
            assert!(!slice.rows.is_empty(), "{}", i.id);
            assert_eq!(Slice::from_text(&slice.to_text()).as_ref(), Ok(&slice), "{}", i.id);
        }
    }
}
