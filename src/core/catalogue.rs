//! The indicators overview: which indicators to show, under which headings, for the filters a
//! person chose. Filters live in the URL, so this module also reads and writes them.
//!
//! An indicator sits under every dimension it measures (an indicator of belonging and of
//! participation appears under both), and under every outcome domain one of its framework
//! parts belongs to, found by following `part_of` links upwards.

use std::collections::BTreeSet;

use super::atlas::Atlas;
use super::framework::EdgeKind;
use super::indicators::Store;
use super::links::encode;

/// How the overview's cards are grouped.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Grouping {
    #[default]
    Dimensions,
    Domains,
}

impl Grouping {
    pub fn param(self) -> &'static str {
        match self {
            Grouping::Dimensions => "dimensions",
            Grouping::Domains => "domains",
        }
    }
}

/// The overview's filters, as the URL holds them: `?by=domains&dimension=…&domain=…&group=…&q=…`.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Filter {
    pub grouping: Grouping,
    /// A dimension node id.
    pub dimension: Option<String>,
    /// An outcome domain node id.
    pub domain: Option<String>,
    /// A group type (`ethnicity`): only indicators with figures for such groups.
    pub group_type: Option<String>,
    pub search: String,
}

impl Filter {
    /// Reads the filters from the URL's query parameters (`get` looks one up).
    pub fn from_query(get: impl Fn(&str) -> Option<String>) -> Filter {
        let some = |key: &str| get(key).filter(|v| !v.trim().is_empty());
        Filter {
            grouping: match get("by").as_deref() {
                Some("domains") => Grouping::Domains,
                _ => Grouping::Dimensions,
            },
            dimension: some("dimension"),
            domain: some("domain"),
            group_type: some("group"),
            search: get("q").unwrap_or_default(),
        }
    }

    /// The query string for these filters (empty, or starting with `?`), defaults left out.
    pub fn to_query(&self) -> String {
        let mut parts = Vec::new();
        if self.grouping != Grouping::default() {
            parts.push(format!("by={}", self.grouping.param()));
        }
        for (key, value) in [
            ("dimension", &self.dimension),
            ("domain", &self.domain),
            ("group", &self.group_type),
        ] {
            if let Some(v) = value {
                parts.push(format!("{key}={}", encode(v)));
            }
        }
        if !self.search.trim().is_empty() {
            parts.push(format!("q={}", encode(&self.search)));
        }
        if parts.is_empty() {
            String::new()
        } else {
            format!("?{}", parts.join("&"))
        }
    }

    pub fn is_filtered(&self) -> bool {
        self.dimension.is_some()
            || self.domain.is_some()
            || self.group_type.is_some()
            || !self.search.trim().is_empty()
    }
}

/// One heading of the overview and the indicators under it (indexes into the store's list).
#[derive(Debug, Clone, PartialEq)]
pub struct Section {
    pub id: String,
    pub title: String,
    pub indicators: Vec<usize>,
}

/// Lower case without macrons or other accents, so "maori" finds "Māori".
pub fn fold(text: &str) -> String {
    text.chars()
        .map(|c| match c {
            'ā' | 'Ā' | 'á' | 'à' | 'â' | 'ä' => 'a',
            'ē' | 'Ē' | 'é' | 'è' | 'ê' | 'ë' => 'e',
            'ī' | 'Ī' | 'í' | 'ì' | 'î' | 'ï' => 'i',
            'ō' | 'Ō' | 'ó' | 'ò' | 'ô' | 'ö' => 'o',
            'ū' | 'Ū' | 'ú' | 'ù' | 'û' | 'ü' => 'u',
            c => c,
        })
        .flat_map(char::to_lowercase)
        .collect()
}

/// The outcome domains (nodes of kind `domain`) a framework part belongs to.
pub fn domains_of(atlas: &Atlas, node: &str) -> BTreeSet<String> {
    let mut found = BTreeSet::new();
    let mut frontier = vec![node.to_string()];
    let mut seen = BTreeSet::new();
    while let Some(id) = frontier.pop() {
        if !seen.insert(id.clone()) {
            continue;
        }
        if atlas.node(&id).is_some_and(|n| n.kind == "domain") {
            found.insert(id);
            continue;
        }
        frontier.extend(
            atlas
                .links(&id)
                .iter()
                .filter(|l| l.kind == EdgeKind::PartOf && l.outgoing)
                .map(|l| l.other.clone()),
        );
    }
    found
}

/// Every outcome domain in the frameworks, in file order.
pub fn all_domains(atlas: &Atlas) -> Vec<(String, String)> {
    atlas
        .frameworks
        .iter()
        .flat_map(|f| f.nodes.iter())
        .filter(|n| n.kind == "domain")
        .map(|n| (n.id.clone(), n.label.clone()))
        .collect()
}

/// The group types the store has figures for, other than the total, sorted.
pub fn group_types(store: &Store) -> Vec<String> {
    let mut types: BTreeSet<String> = BTreeSet::new();
    for i in 0..store.indicators.len() as u32 {
        for (k, _) in store.series_of(i) {
            let gt = store.str(k.group_type);
            if gt != "total" {
                types.insert(gt.to_string());
            }
        }
    }
    types.into_iter().collect()
}

/// What the overview's filters work on, made once from the data: each indicator's
/// dimensions, outcome domains and group types, and the words a search looks in (folded).
/// Small and plain, so the overview's island takes it as its props and filters with the same
/// code the build used, without the data files.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Catalogue {
    /// The dimensions (id, label), in file order: the headings when grouped by dimension.
    pub dimensions: Vec<(String, String)>,
    /// The outcome domains (id, label), in file order.
    pub domains: Vec<(String, String)>,
    /// One per indicator, in the store's order.
    pub entries: Vec<Entry>,
}

/// One indicator, as the filters see it.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Entry {
    pub dimensions: Vec<String>,
    pub domains: Vec<String>,
    pub group_types: Vec<String>,
    /// Its titles, definition, dimensions' names and groups' names, folded.
    pub words: String,
}

impl Catalogue {
    pub fn of(atlas: &Atlas, store: &Store) -> Catalogue {
        let entries = store
            .indicators
            .iter()
            .enumerate()
            .map(|(i, ind)| {
                let series: Vec<_> = store.series_of(i as u32).map(|(k, _)| *k).collect();
                let mut group_types: Vec<String> = series.iter().map(|k| store.str(k.group_type).to_string()).collect();
                group_types.sort();
                group_types.dedup();
                let domains: BTreeSet<String> = ind.nodes.iter().flat_map(|n| domains_of(atlas, n)).collect();
                let mut words = fold(&format!("{} {} {}", ind.title, ind.short_title, ind.definition));
                for d in &ind.dimensions {
                    if let Some(n) = atlas.node(d) {
                        words.push(' ');
                        words.push_str(&fold(&n.label));
                    }
                }
                // Group names too, so "Pacific" finds the indicators with figures for Pacific peoples.
                for k in &series {
                    words.push(' ');
                    words.push_str(&fold(store.str(k.group)));
                }
                Entry { dimensions: ind.dimensions.clone(), domains: domains.into_iter().collect(), group_types, words }
            })
            .collect();
        Catalogue {
            dimensions: atlas.dimensions().into_iter().map(|n| (n.id.clone(), n.label.clone())).collect(),
            domains: all_domains(atlas),
            entries,
        }
    }

    /// True when an indicator passes every filter except the grouping.
    pub fn matches(&self, indicator: usize, filter: &Filter) -> bool {
        let Some(e) = self.entries.get(indicator) else {
            return false;
        };
        if filter.dimension.as_ref().is_some_and(|d| !e.dimensions.contains(d)) {
            return false;
        }
        if filter.domain.as_ref().is_some_and(|d| !e.domains.contains(d)) {
            return false;
        }
        if filter.group_type.as_ref().is_some_and(|gt| !e.group_types.contains(gt)) {
            return false;
        }
        fold(&filter.search).split_whitespace().all(|w| e.words.contains(w))
    }

    /// The overview's sections for these filters. Empty sections are left out; an indicator
    /// with no dimension (or no domain) goes under "Other".
    pub fn sections(&self, filter: &Filter) -> Vec<Section> {
        let heads = match filter.grouping {
            Grouping::Dimensions => &self.dimensions,
            Grouping::Domains => &self.domains,
        };
        // Filtering by the very thing the cards are grouped by leaves just that heading.
        let only = match filter.grouping {
            Grouping::Dimensions => filter.dimension.as_ref(),
            Grouping::Domains => filter.domain.as_ref(),
        };
        let shown: Vec<usize> = (0..self.entries.len()).filter(|&i| self.matches(i, filter)).collect();
        let under = |i: usize| -> &Vec<String> {
            match filter.grouping {
                Grouping::Dimensions => &self.entries[i].dimensions,
                Grouping::Domains => &self.entries[i].domains,
            }
        };
        let mut out: Vec<Section> = heads
            .iter()
            .filter(|(id, _)| only.is_none_or(|o| o == id))
            .map(|(id, title)| Section {
                indicators: shown.iter().copied().filter(|&i| under(i).contains(id)).collect(),
                id: id.clone(),
                title: title.clone(),
            })
            .filter(|s| !s.indicators.is_empty())
            .collect();
        let known: BTreeSet<&String> = out.iter().map(|s| &s.id).collect();
        let other: Vec<usize> = shown.iter().copied().filter(|&i| !under(i).iter().any(|d| known.contains(d))).collect();
        if !other.is_empty() {
            out.push(Section { id: "other".into(), title: "Other".into(), indicators: other });
        }
        out
    }
}

/// True when an indicator passes every filter except the grouping.
pub fn matches(atlas: &Atlas, store: &Store, indicator: usize, filter: &Filter) -> bool {
    Catalogue::of(atlas, store).matches(indicator, filter)
}

/// The overview's sections for these filters (see [`Catalogue::sections`]).
pub fn sections(atlas: &Atlas, store: &Store, filter: &Filter) -> Vec<Section> {
    Catalogue::of(atlas, store).sections(filter)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    use crate::core::fixtures::{atlas, store};

    fn ids(store: &Store, s: &Section) -> Vec<String> {
        s.indicators
            .iter()
            .map(|&i| store.indicators[i].id.clone())
            .collect()
    }

    #[test]
    fn the_catalogue_travels_as_json_and_filters_the_same() {
        let (a, s) = (atlas(), store());
        let catalogue = Catalogue::of(&a, &s);
        let back: Catalogue = serde_json::from_str(&serde_json::to_string(&catalogue).expect("json")).expect("read");
        assert_eq!(back, catalogue);
        let f = Filter { search: "BELONG".into(), ..Filter::default() };
        assert_eq!(back.sections(&f), catalogue.sections(&f));
        assert!(!back.sections(&f).is_empty(), "a search finds folded words");
    }

    #[test]
    fn filters_round_trip_through_the_url() {
        let f = Filter {
            grouping: Grouping::Domains,
            dimension: Some("dimensions.belonging".into()),
            domain: None,
            group_type: Some("ethnicity".into()),
            search: "Māori trust".into(),
        };
        let q = f.to_query();
        let pairs: Vec<(String, String)> = q
            .trim_start_matches('?')
            .split('&')
            .map(|p| {
                let (k, v) = p.split_once('=').expect("pair");
                (k.to_string(), crate::core::links::decode(v))
            })
            .collect();
        let back =
            Filter::from_query(|k| pairs.iter().find(|(a, _)| a == k).map(|(_, v)| v.clone()));
        assert_eq!(back, f);
        assert_eq!(Filter::default().to_query(), "");
    }

    #[test]
    fn grouped_by_dimension_an_indicator_sits_under_each_of_its_dimensions() {
        let (a, s) = (atlas(), store());
        let by_dim = sections(a, s, &Filter::default());
        assert_eq!(by_dim.first().map(|x| x.title.as_str()), Some("Belonging"));
        let participation = by_dim
            .iter()
            .find(|x| x.id == "dimensions.participation")
            .expect("p");
        assert!(ids(s, participation).contains(&"belonging_organisation".to_string()));
        let belonging = by_dim
            .iter()
            .find(|x| x.id == "dimensions.belonging")
            .expect("b");
        assert!(ids(s, belonging).contains(&"belonging_organisation".to_string()));
    }

    #[test]
    fn grouped_by_domain_indicators_follow_their_parts_up_to_the_domain() {
        let (a, s) = (atlas(), store());
        let filter = Filter {
            grouping: Grouping::Domains,
            ..Filter::default()
        };
        let by_domain = sections(a, s, &filter);
        let titles: Vec<&str> = by_domain.iter().map(|x| x.id.as_str()).collect();
        assert!(titles.contains(&"strategic.domain.people"), "{titles:?}");
        let institutions = by_domain
            .iter()
            .find(|x| x.id == "strategic.domain.institutions")
            .expect("i");
        assert!(ids(s, institutions).contains(&"trust_police".to_string()));
        assert!(!ids(s, institutions).contains(&"belonging_family".to_string()));
        // Safe on public transport measures a part in the people domain and one in places.
        let places = by_domain
            .iter()
            .find(|x| x.id == "strategic.domain.places")
            .expect("p");
        assert!(ids(s, places).contains(&"safe_public_transport_night".to_string()));
    }

    #[test]
    fn filters_narrow_and_an_impossible_filter_gives_nothing() {
        let (a, s) = (atlas(), store());
        let eth = Filter {
            group_type: Some("ethnicity".into()),
            ..Filter::default()
        };
        let all: BTreeSet<String> = sections(a, s, &eth)
            .iter()
            .flat_map(|x| ids(s, x))
            .collect();
        assert_eq!(
            all.into_iter().collect::<Vec<_>>(),
            [
                "belonging_nz",
                "belonging_nz_10of10",
                "belonging_other_country_10of10",
                "discrimination",
                "good_outcomes_all_aspects",
                "lonely_isolated_most_always_cws",
                "maori_easy_express_identity",
                "racial_discrim_12m_nzhs",
                "racial_discrim_3plus_settings",
                "racial_discrim_ever",
                "racial_verbal_abuse_12m_nzhs",
                "tereo_conversational_maori_census",
                "trust_people_qol",
                "unfair_treatment_ethnicity",
                "voted_last_election_selfreport",
                "whanau_facetoface_contact"
            ]
        );
        let search = Filter {
            search: "maori".into(),
            ..Filter::default()
        };
        let found: BTreeSet<String> = sections(a, s, &search)
            .iter()
            .flat_map(|x| ids(s, x))
            .collect();
        // "Māori" in a group's name (belonging_nz, discrimination) or in a title (know_iwi),
        // macrons folded; nothing without it.
        for id in ["belonging_nz", "discrimination", "know_iwi", "tereo_some_ability"] {
            assert!(found.contains(id), "{id}: macrons folded; group names searched");
        }
        assert!(!found.contains("trust_police") && !found.contains("voter_turnout"));
        let legit = Filter {
            dimension: Some("dimensions.legitimacy".into()),
            search: "police".into(),
            ..Filter::default()
        };
        let found: Vec<String> = sections(a, s, &legit)
            .iter()
            .flat_map(|x| ids(s, x))
            .collect();
        assert_eq!(
            found,
            ["trust_police", "police_trust_confidence_high", "police_no_trust", "cj_group_good_job", "oecd_trust_police"]
        );
        let recognition = Filter {
            dimension: Some("dimensions.recognition".into()),
            ..Filter::default()
        };
        let found = sections(a, s, &recognition);
        assert_eq!(found.len(), 1, "only the chosen dimension's heading");
        let recognised = ids(s, &found[0]);
        assert_eq!(
            recognised[..3],
            ["discrimination", "express_identity", "neighbour_mental_illness"]
        );
        assert!(recognised.iter().all(|id| s
            .indicator(id)
            .is_some_and(|i| i.dimensions.contains(&"dimensions.recognition".to_string()))));
        let none = Filter {
            search: "no such words anywhere".into(),
            ..Filter::default()
        };
        assert!(sections(a, s, &none).is_empty());
        assert_eq!(
            group_types(s),
            [
                "age", "disability", "disability_by_sex", "ethnicity", "family_type", "justice_group",
                "labour_force", "migrant_status", "migrant_status_by_sex", "neighbour_group",
                "population_group", "region", "sex", "sex_by_age", "sexual_identity", "urban/rural"
            ]
        );
    }

    proptest! {
        #[test]
        fn any_search_shows_each_indicator_only_if_it_matches(search in "\\PC{0,12}") {
            let (a, s) = (atlas(), store());
            let f = Filter { search, ..Filter::default() };
            for sec in sections(a, s, &f) {
                for i in sec.indicators {
                    prop_assert!(matches(a, s, i, &f));
                }
            }
        }
    }
}
