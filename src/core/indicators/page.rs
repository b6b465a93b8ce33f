//! What an indicator's page works from, and what it shows for the groups and periods a person
//! chooses. The build writes the page for the view its address names; the page's island is
//! given the same [`Slice`] (the indicator and its rows, which is all the page needs) and works
//! out each later view with [`Page::view`], so the build and the browser agree.

use serde::{Deserialize, Serialize};

use super::model::{Indicator, Observation, Store};
use super::period::Period;
use super::view::{chart_series, default_groups, periods, rows, summary_facts, within, ChartSeries, GroupRef, Summary};

/// One indicator's page: the indicator and every row of it (the shipped figures, or a person's
/// own measure), and, beside a person's measure, the published indicator they chose.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Slice {
    pub indicator: Indicator,
    pub rows: Vec<Observation>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub beside: Option<Beside>,
}

/// A published indicator's figures for everyone, drawn beside a person's own measure.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Beside {
    pub indicator: Indicator,
    pub rows: Vec<Observation>,
    /// Where the person's figures come from (their source, else their file), naming their lines.
    pub their_source: String,
    /// The published indicator's line name ("Trust in the police, Stats NZ").
    pub label: String,
}

impl Slice {
    /// Indicator `id` and its rows in `store`; `None` if the store has no such indicator.
    pub fn of(store: &Store, id: &str) -> Option<Slice> {
        let &i = store.indicator_ids.get(id)?;
        let rows = store
            .series_of(i)
            .flat_map(|(_, rows)| rows.iter().map(|&r| store.row(r as usize)))
            .collect();
        Some(Slice { indicator: store.indicators[i as usize].clone(), rows, beside: None })
    }
}

/// What a page's view is made of: the groups chosen (in the address, else the defaults) and
/// the periods it runs from and to (either end open).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Choice {
    pub groups: Option<Vec<GroupRef>>,
    pub from: Option<Period>,
    pub to: Option<Period>,
}

impl Choice {
    /// The choice an address's query names (`groups=ethnicity:Māori,age:15-24&from=2018`);
    /// `param` gives a parameter's decoded value.
    pub fn from_query(param: impl Fn(&str) -> Option<String>) -> Choice {
        let period = |key: &str| param(key).and_then(|t| Period::parse(&t));
        Choice {
            groups: param("groups").map(|g| g.split(',').filter_map(GroupRef::parse).collect()),
            from: period("from"),
            to: period("to"),
        }
    }
}

impl Choice {
    /// The choice as fields of a record ([`Choice::read`] reads them back): how many groups
    /// (empty for the defaults), each group's type and name, then the window's ends (empty
    /// when open).
    pub fn fields(&self) -> Vec<String> {
        let mut out = vec![self.groups.as_ref().map(|g| g.len().to_string()).unwrap_or_default()];
        for g in self.groups.iter().flatten() {
            out.extend([g.group_type.clone(), g.group.clone()]);
        }
        out.extend([self.from, self.to].map(|p| p.map(|p| p.to_string()).unwrap_or_default()));
        out
    }

    /// Reads what [`Choice::fields`] wrote.
    pub fn read<'a>(f: &mut impl Iterator<Item = &'a str>) -> Option<Choice> {
        let groups = match f.next()? {
            "" => None,
            n => {
                let n: usize = n.parse().ok()?;
                let mut groups = Vec::new();
                for _ in 0..n {
                    groups.push(GroupRef { group_type: f.next()?.to_string(), group: f.next()?.to_string() });
                }
                Some(groups)
            }
        };
        let mut period = || -> Option<Option<Period>> {
            match f.next()? {
                "" => Some(None),
                p => Period::parse(p).map(Some),
            }
        };
        Some(Choice { groups, from: period()?, to: period()? })
    }
}

/// What the page shows for a choice.
#[derive(Debug, Clone, PartialEq)]
pub struct PageView {
    /// The groups chosen (or shown by default).
    pub chosen: Vec<GroupRef>,
    /// Every period the chosen series have, whatever the window: what the period menus offer.
    pub periods: Vec<Period>,
    /// The lines the chart draws (within the window; beside a person's measure, their lines
    /// and everyone's published line, each named by its source).
    pub series: Vec<ChartSeries>,
    /// The rows behind the chart, in its order: the table and the downloads.
    pub rows: Vec<Observation>,
    /// What the summary sentence says (about the page's own figures).
    pub summary: Summary,
}

/// A slice made ready to compute views from (its rows in a store of their own).
pub struct Page {
    pub slice: Slice,
    store: Store,
    beside: Option<Store>,
}

fn store_of(indicator: &Indicator, rows: &[Observation]) -> Store {
    let mut store = Store::with_capacity(vec![indicator.clone()], rows.len());
    for row in rows {
        store.push(row);
    }
    store.build_index();
    store
}

impl Page {
    pub fn new(slice: Slice) -> Page {
        let store = store_of(&slice.indicator, &slice.rows);
        let beside = slice.beside.as_ref().map(|b| store_of(&b.indicator, &b.rows));
        Page { slice, store, beside }
    }

    pub fn store(&self) -> &Store {
        &self.store
    }

    /// What the page shows for `choice`; `everyone` names the whole population's line beside
    /// a person's measure (in the interface's language).
    pub fn view(&self, choice: &Choice, everyone: &str) -> PageView {
        let id = &self.slice.indicator.id;
        let chosen = choice.groups.clone().unwrap_or_else(|| default_groups(&self.store, id));
        let all = chart_series(&self.store, id, &chosen);
        let periods = periods(&all);
        let own = within(all, choice.from, choice.to);
        let summary = summary_facts(&self.store, &self.slice.indicator, &own);
        let (series, rows) = match (&self.slice.beside, &self.beside) {
            (Some(b), Some(shipped)) => {
                let other = &b.indicator.id;
                let series = within(
                    crate::core::owndata::measures::beside(own.clone(), &b.their_source, everyone, shipped, other, &b.label),
                    choice.from,
                    choice.to,
                );
                let rows = crate::core::owndata::measures::beside_rows(&self.store, &own, shipped, other, choice.from, choice.to);
                (series, rows)
            }
            _ => {
                let rows = rows(&self.store, &own);
                (own, rows)
            }
        };
        PageView { chosen, periods, series, rows, summary }
    }
}

/// A row's key on the page (its indicator, group and period), by which the island finds the
/// table row the build wrote for it.
pub fn row_key(o: &Observation) -> String {
    format!("{}|{}|{}|{}", o.indicator, o.group_type, o.group, o.period.key())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::indicators::parse::{read_indicators, read_observations};

    const INDICATORS: &str = "id,title,short_title,dimensions,nodes,mapping_basis,unit,direction,definition,source_name,source_url,licence\n\
        belong,Sense of belonging,Belonging,dimensions.belonging,,editorial,mean score 0-10,higher_is_better,,S,https://e.org,L\n\
        other,Other,Other,,,editorial,percent,higher_is_better,,S,https://e.org,L\n";
    const OBS: &str = "indicator_id,period,group_type,group,value\n\
        belong,2019,total,Total,8.4\nbelong,2021,total,Total,8.6\nbelong,2023,total,Total,8.2\n\
        belong,2021,ethnicity,Asian,7.9\nbelong,2023,ethnicity,Asian,7.8\nbelong,2023,ethnicity,Māori,8.5\n\
        other,2023,total,Total,50\n";

    fn store() -> Store {
        read_observations("o", OBS.as_bytes(), read_indicators("i", INDICATORS.as_bytes()).expect("indicators")).store
    }

    #[test]
    fn a_slice_holds_its_indicator_and_every_row_of_it_and_nothing_else() {
        let s = store();
        let slice = Slice::of(&s, "belong").expect("a slice");
        assert_eq!(slice.indicator.id, "belong");
        assert_eq!(slice.rows.len(), 6);
        assert!(slice.rows.iter().all(|r| r.indicator == "belong"));
        assert!(Slice::of(&s, "nope").is_none());
        // It travels as JSON (an island's props) and comes back the same.
        let back: Slice = serde_json::from_str(&serde_json::to_string(&slice).expect("json")).expect("read");
        assert_eq!(back, slice);
    }

    #[test]
    fn the_pages_view_is_the_stores_view() {
        let s = store();
        let page = Page::new(Slice::of(&s, "belong").expect("a slice"));
        for choice in [
            Choice::default(),
            Choice { groups: Some(vec![GroupRef::parse("ethnicity:Māori").unwrap()]), ..Choice::default() },
            Choice { groups: Some(vec![GroupRef::parse("ethnicity:Asian").unwrap()]), from: Period::parse("2021"), to: None },
        ] {
            let v = page.view(&choice, "Everyone");
            let chosen = choice.groups.clone().unwrap_or_default();
            let expected = within(chart_series(&s, "belong", &chosen), choice.from, choice.to);
            assert_eq!(v.series, {
                // The page's store numbers its rows afresh: compare what they hold.
                let mut e = expected.clone();
                for (a, b) in e.iter_mut().zip(&v.series) {
                    for (p, q) in a.points.iter_mut().zip(&b.points) {
                        p.row = q.row;
                    }
                }
                e
            });
            assert_eq!(v.rows, rows(&s, &expected));
            assert_eq!(v.summary, summary_facts(&s, &s.indicators[0], &expected));
        }
        let v = page.view(&Choice { groups: Some(vec![GroupRef::parse("ethnicity:Asian").unwrap()]), from: Period::parse("2021"), to: None }, "Everyone");
        assert_eq!(v.periods.iter().map(|p| p.to_string()).collect::<Vec<_>>(), ["2019", "2021", "2023"], "the menus offer every period");
        assert_eq!(v.rows.len(), 4, "2021 and 2023, for everyone and Asian");
    }

    #[test]
    fn choices_come_from_the_address() {
        let q = |k: &str| match k {
            "groups" => Some("ethnicity:Māori,age:15-24,nonsense".to_string()),
            "from" => Some("2018".to_string()),
            _ => None,
        };
        let c = Choice::from_query(q);
        assert_eq!(c.groups.as_ref().map(Vec::len), Some(2));
        assert_eq!(c.from, Period::parse("2018"));
        assert_eq!(c.to, None);
        assert_eq!(Choice::from_query(|_| None), Choice::default());
    }

    #[test]
    fn a_row_key_names_indicator_group_and_period() {
        let s = store();
        let slice = Slice::of(&s, "belong").expect("a slice");
        let keys: std::collections::BTreeSet<String> = slice.rows.iter().map(row_key).collect();
        assert_eq!(keys.len(), slice.rows.len(), "every row has a key of its own");
        assert!(keys.contains(&format!("belong|ethnicity|Māori|{}", Period::parse("2023").unwrap().key())));
    }

    proptest::proptest! {
        /// Whatever the groups' names, a choice reads back as it was written.
        #[test]
        fn a_choice_reads_back_as_written(groups in proptest::option::of(proptest::collection::vec((".*", ".*"), 0..4)), from in proptest::option::of(1900..2100i32), to in proptest::option::of(1900..2100i32)) {
            let choice = Choice {
                groups: groups.map(|g| g.into_iter().map(|(group_type, group)| GroupRef { group_type, group }).collect()),
                from: from.map(Period::Year),
                to: to.map(Period::Year),
            };
            let fields = choice.fields();
            let mut f = fields.iter().map(String::as_str);
            proptest::prop_assert_eq!(Choice::read(&mut f), Some(choice));
            proptest::prop_assert_eq!(f.next(), None);
        }
    }
}
