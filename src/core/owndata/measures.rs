//! A person's measures together: the keys they are kept under, the store the views read them
//! from, beside the shipped figures where a view sets both side by side (the profile), and the
//! measures a file in the app's own formats makes.

use super::describe::Measure;
use crate::core::indicators::{Indicator, Observation, Store};

impl Measure {
    /// The key it is kept under: its indicator's id for a measure of the person's own; for
    /// figures attached to a shipped indicator, that id and the file (a person may attach
    /// figures from more than one file).
    pub fn key(&self) -> String {
        if self.attached {
            format!("{}@{}", self.indicator.id, self.file)
        } else {
            self.indicator.id.clone()
        }
    }
}

/// The measures' figures as one store (each indicator once, the first measure's).
pub fn store_of<'a>(measures: impl IntoIterator<Item = &'a Measure>) -> Store {
    let measures: Vec<&Measure> = measures.into_iter().collect();
    let mut indicators: Vec<Indicator> = Vec::new();
    for m in &measures {
        if !indicators.iter().any(|i| i.id == m.indicator.id) {
            indicators.push(m.indicator.clone());
        }
    }
    let mut store = Store::new(indicators);
    for m in &measures {
        for row in &m.rows {
            store.push(row);
        }
    }
    store.build_index();
    store
}

/// The shipped figures with the person's own measures beside them (never their attached
/// figures, which would mix with the published ones).
pub fn with_measures<'a>(shipped: &Store, measures: impl IntoIterator<Item = &'a Measure>) -> Store {
    let own: Vec<&Measure> = measures.into_iter().filter(|m| !m.attached && shipped.indicator(&m.indicator.id).is_none()).collect();
    let mut indicators = shipped.indicators.clone();
    indicators.extend(own.iter().map(|m| m.indicator.clone()));
    let mut store = Store::with_capacity(indicators, shipped.len());
    for r in 0..shipped.len() {
        store.push(&shipped.row(r));
    }
    for m in &own {
        for row in &m.rows {
            store.push(row);
        }
    }
    store.build_index();
    store
}

/// The measures a file in the app's own formats makes: one per indicator its rows measure,
/// attached where the indicator is one of `shipped`, the person's own otherwise.
pub fn measures_of(store: &Store, file: &str, shipped: &[Indicator], notes: &str) -> Vec<Measure> {
    store
        .indicators
        .iter()
        .enumerate()
        .filter_map(|(i, indicator)| {
            let rows: Vec<Observation> =
                store.series_of(i as u32).flat_map(|(_, rows)| rows.iter().map(|&r| store.row(r as usize))).collect();
            (!rows.is_empty()).then(|| Measure {
                attached: shipped.iter().any(|s| s.id == indicator.id),
                indicator: indicator.clone(),
                rows,
                notes: notes.to_string(),
                file: file.to_string(),
                layout: super::table::Layout::Tidy,
            })
        })
        .collect()
}

/// A person's series with a shipped indicator's figures for everyone beside them, on one
/// chart: each series named with where it comes from (`their_source`, the shipped
/// indicator's `label`), so local and national figures are never confused.
pub fn beside(
    theirs: Vec<crate::core::indicators::view::ChartSeries>,
    their_source: &str,
    everyone: &str,
    shipped: &Store,
    indicator: &str,
    label: &str,
) -> Vec<crate::core::indicators::view::ChartSeries> {
    use crate::core::indicators::view::{chart_series, GroupRef};
    let named = |name: &str, source: &str| GroupRef { group_type: "source".to_string(), group: format!("{name} ({source})") };
    let mut out: Vec<_> = theirs
        .into_iter()
        .map(|mut s| {
            let name = if s.group.group_type == "total" { everyone.to_string() } else { s.group.group.clone() };
            s.group = named(&name, their_source);
            s
        })
        .collect();
    out.extend(chart_series(shipped, indicator, &[]).into_iter().filter(|s| s.group.group_type == "total").map(|mut s| {
        s.group = named(everyone, label);
        s
    }));
    out
}

/// The rows behind that chart, for its table and downloads: their rows read from their own
/// store, everyone's published ones from the shipped store, within the same window. Each
/// series' points index the store it was drawn from, so neither is ever read from the other.
pub fn beside_rows(
    theirs: &Store,
    own: &[crate::core::indicators::view::ChartSeries],
    shipped: &Store,
    indicator: &str,
    from: Option<crate::core::indicators::Period>,
    to: Option<crate::core::indicators::Period>,
) -> Vec<Observation> {
    use crate::core::indicators::view::{chart_series, rows, within};
    let everyone: Vec<_> = chart_series(shipped, indicator, &[]).into_iter().filter(|s| s.group.group_type == "total").collect();
    let mut all = rows(theirs, own);
    all.extend(rows(shipped, &within(everyone, from, to)));
    all
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::owndata::describe::{build, guess};
    use crate::core::owndata::reading::{read_text, Outcome};

    fn welcome() -> Measure {
        let Outcome::Table { table, .. } = read_text("welcome.csv", "Group,2022,2023\nMāori,40,42\nTotal,41,43\n") else { panic!() };
        let mut d = guess(&table);
        d.unit = crate::core::indicators::Unit::Percent;
        build(&table, &d, "yours-welcome", None).measure
    }

    #[test]
    fn measures_make_a_store_and_sit_beside_the_shipped_figures() {
        let m = welcome();
        assert_eq!(m.key(), "yours-welcome");
        let store = store_of([&m]);
        assert_eq!(store.len(), 4);
        assert!(store.key("yours-welcome", "total", "Total").is_some());
        let shipped = crate::core::fixtures::store();
        let both = with_measures(&shipped, [&m]);
        assert_eq!(both.len(), shipped.len() + 4);
        assert_eq!(both.indicators.len(), shipped.indicators.len() + 1);
        // Attached figures never join the published ones.
        let attached = Measure { attached: true, ..m.clone() };
        assert_eq!(attached.key(), "yours-welcome@welcome.csv");
        assert_eq!(with_measures(&shipped, [&attached]).len(), shipped.len());
    }

    #[test]
    fn local_figures_sit_beside_national_ones_each_named_by_its_source() {
        use crate::core::indicators::view::chart_series;
        let m = welcome();
        let theirs = chart_series(&store_of([&m]), "yours-welcome", &[]);
        let shipped = crate::core::fixtures::store();
        let both = beside(theirs, "our survey", "Everyone", shipped, "trust_police", "NZ Crime and Victims Survey");
        let names: Vec<&str> = both.iter().map(|s| s.group.group.as_str()).collect();
        assert_eq!(names, ["Everyone (our survey)", "Everyone (NZ Crime and Victims Survey)"]);
        assert!(both[1].points.len() > 1);
    }

    #[test]
    fn the_rows_beside_are_each_read_from_their_own_store() {
        use crate::core::indicators::view::chart_series;
        let m = welcome();
        let mine = store_of([&m]);
        let own = chart_series(&mine, "yours-welcome", &[]);
        let shipped = crate::core::fixtures::store();
        let all = beside_rows(&mine, &own, shipped, "trust_police", None, None);
        let national = all.iter().filter(|o| o.indicator == "trust_police").count();
        assert_eq!(all.len() - national, own.iter().map(|s| s.points.len()).sum::<usize>());
        assert!(national > 1 && all.iter().filter(|o| o.indicator == "trust_police").all(|o| o.group_type == "total"));
        // A window cuts the published rows as it cuts the chart.
        let last = all.iter().filter(|o| o.indicator == "trust_police").map(|o| o.period).max_by_key(|p| p.key()).expect("rows");
        let cut = beside_rows(&mine, &own, shipped, "trust_police", Some(last), None);
        assert_eq!(cut.iter().filter(|o| o.indicator == "trust_police").count(), 1);
    }

    #[test]
    fn a_file_in_our_format_makes_one_measure_per_indicator() {
        let m = welcome();
        let shipped = crate::core::fixtures::store();
        let trust = shipped.indicators.iter().find(|i| i.id == "trust_police").cloned().expect("a shipped indicator");
        let mut indicators = vec![m.indicator.clone(), trust.clone()];
        indicators.dedup();
        let mut store = Store::new(indicators);
        for r in &m.rows {
            store.push(r);
        }
        let mut row = m.rows[0].clone();
        row.indicator = "trust_police".into();
        store.push(&row);
        store.build_index();
        let made = measures_of(&store, "mine.csv", &shipped.indicators, "");
        assert_eq!(made.len(), 2);
        assert!(!made[0].attached && made[0].rows.len() == 4);
        assert!(made[1].attached && made[1].rows.len() == 1);
    }
}
