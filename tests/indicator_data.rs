//! The shipped indicator data package: it is valid, every value has a source and a licence,
//! and every value is exactly the published figure in `shared/data` (nothing invented).
#![cfg(not(target_arch = "wasm32"))]

use std::fs;

use cohesion_explorer::core::indicators::datapackage::parse_datapackage;
use cohesion_explorer::core::indicators::parse::{read_indicators, read_observations};

const DIR: &str = "public/data/indicators";

fn read(name: &str) -> Vec<u8> {
    fs::read(format!("{DIR}/{name}")).unwrap_or_else(|e| panic!("{name}: {e}"))
}

#[test]
fn the_package_describes_exactly_the_columns_the_app_reads() {
    let text = String::from_utf8(read("datapackage.json")).expect("utf-8");
    let package = parse_datapackage("datapackage.json", &text).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(
        package.resource("observations").map(|r| r.path.as_str()),
        Some("observations.csv")
    );
    assert_eq!(package.updated().as_deref(), Some("26 November 2026"));
}

#[test]
fn the_shipped_files_read_without_a_single_error_and_every_value_has_a_source() {
    let indicators = read_indicators("indicators.csv", &read("indicators.csv"))
        .unwrap_or_else(|e| panic!("{e}"));
    assert!(indicators.len() >= 60, "{} indicators", indicators.len());
    for i in &indicators {
        assert!(
            i.source_url.starts_with("http") && !i.licence.is_empty(),
            "{}",
            i.id
        );
        assert!(!i.dimensions.is_empty(), "{} measures no dimension", i.id);
        assert!(
            !i.survey.is_empty() && !i.population.is_empty() && !i.definition.is_empty(),
            "{} names its survey, population and question",
            i.id
        );
    }
    let read = read_observations("observations.csv", &read("observations.csv"), indicators);
    assert!(read.errors.is_empty(), "{}", read.errors);
    for r in 0..read.store.len() {
        let o = read.store.row(r);
        assert!(
            o.value.is_some() && !o.source.is_empty() && o.read_at.starts_with("http"),
            "row {r}"
        );
        assert!(
            o.source_url.is_empty() || o.source_url == o.read_at,
            "row {r}: a release address is the page it was read at, on the publisher's site"
        );
    }
}

/// One published row of a shared file.
struct Published {
    file: &'static str,
    line: usize,
    id: String,
    period: String,
    group_type: String,
    group: String,
    value: String,
    lower: String,
    upper: String,
    source: String,
    read_at: String,
}

fn published(file: &'static str) -> Option<Vec<Published>> {
    let path = format!("../shared/data/{file}");
    let mut rdr = csv::Reader::from_path(&path).ok()?;
    let head = rdr.headers().expect("header").clone();
    let at = |name: &str| head.iter().position(|h| h == name);
    Some(
        rdr.records()
            .enumerate()
            .map(|(n, row)| {
                let row = row.expect("row");
                let get = |name: &str| at(name).map(|c| row[c].to_string()).unwrap_or_default();
                Published {
                    file,
                    line: n + 2,
                    id: get("indicator_id"),
                    period: get("period"),
                    group_type: get("group_type"),
                    group: get("group"),
                    value: get("value"),
                    lower: get("lower"),
                    upper: get("upper"),
                    source: get("primary_source"),
                    read_at: get("read_at"),
                }
            })
            .collect(),
    )
}

/// The rows of a Markdown table between `<!-- name:start -->` and `<!-- name:end -->` in the
/// data's README, as cells.
fn readme_table(name: &str) -> Vec<Vec<String>> {
    let text = fs::read_to_string(format!("{DIR}/README.md")).expect("README");
    let body = text
        .split(&format!("<!-- {name}:start -->"))
        .nth(1)
        .and_then(|t| t.split(&format!("<!-- {name}:end -->")).next())
        .unwrap_or_else(|| panic!("the README has no {name} table"))
        .to_string();
    body.lines()
        .filter(|l| l.starts_with("| ") && !l.starts_with("|---"))
        .skip(1)
        .map(|l| {
            l.trim_matches('|')
                .split(" | ")
                .map(|c| c.trim().to_string())
                .collect()
        })
        .collect()
}

#[test]
fn every_published_figure_ships_unchanged_or_is_listed_with_its_reason() {
    let (Some(first), Some(more)) = (
        published("nz-published-figures.csv"),
        published("nz-published-figures-more.csv"),
    ) else {
        return; // CI and the project's machines have them; a bare clone elsewhere may not.
    };
    let indicators =
        read_indicators("indicators.csv", &read("indicators.csv")).expect("indicators");
    let store = read_observations("observations.csv", &read("observations.csv"), indicators).store;
    let rows: Vec<_> = (0..store.len()).map(|r| store.row(r)).collect();
    let merged = readme_table("merged");
    let excluded = readme_table("excluded");
    let relabelled = readme_table("relabelled");
    let listed = |table: &[Vec<String>], p: &Published| -> Option<Vec<String>> {
        let tag = if p.file.contains("more") { "more" } else { "first" };
        table
            .iter()
            .find(|r| r[0] == tag && r[1] == p.line.to_string())
            .cloned()
    };
    let number = |s: &str| (!s.is_empty()).then(|| s.parse::<f64>().expect("number"));
    let (mut unchanged, mut used) = (0, vec![false; rows.len()]);
    for p in first.iter().chain(&more) {
        if let Some(r) = listed(&excluded, p) {
            // The list says what the file says, and why the row is left out.
            assert_eq!(
                (&r[2], &r[3], &r[5]),
                (&p.id, &p.period, &p.value),
                "{}:{}",
                p.file,
                p.line
            );
            assert!(p.file.contains("more"), "every row of the first file ships");
            assert!(r[6].len() > 10, "{}:{} is left out with a reason", p.file, p.line);
            continue;
        }
        let id = merged
            .iter()
            .find(|m| m[0] == p.id && p.file.contains("more"))
            .map_or(p.id.as_str(), |m| m[1].as_str());
        let relabel = listed(&relabelled, p);
        let found = rows.iter().position(|o| {
            let period_ok = relabel.is_some() || o.period.to_string() == p.period;
            let group_ok = if p.group_type == "total" || relabel.is_some() && o.group_type == "total" {
                o.group_type == "total" && o.group == "Total"
            } else {
                o.group_type == p.group_type.replace(' ', "_") && o.group == p.group
            };
            o.indicator == id
                && period_ok
                && group_ok
                && o.value == number(&p.value)
                && o.lower == number(&p.lower)
                && o.upper == number(&p.upper)
                && o.source == p.source
                && o.read_at == p.read_at
        });
        let found = found.unwrap_or_else(|| {
            panic!(
                "{}:{} ({} {} {} {}) neither ships nor is listed",
                p.file, p.line, p.id, p.period, p.group, p.value
            )
        });
        assert!(!used[found], "{}:{} ships twice", p.file, p.line);
        used[found] = true;
        // A total's published label is the indicator's population or stated in the row.
        let o = &rows[found];
        if p.group_type == "total" && p.group != "Total" {
            let population = &store.indicator(&o.indicator).expect("indicator").population;
            assert!(
                o.note.contains(&p.group) || population.contains(&p.group),
                "{}:{}: the published label {} is kept",
                p.file,
                p.line,
                p.group
            );
        }
        if relabel.is_none() && p.file.contains("more") {
            unchanged += 1;
        }
    }
    assert!(
        used.iter().all(|u| *u),
        "the shipped data holds no value that was not published"
    );
    let numeric = more.iter().filter(|p| p.value.parse::<f64>().is_ok()).count();
    assert!(
        unchanged * 100 >= numeric * 80,
        "{unchanged} of the further file's {numeric} numeric rows ship unchanged"
    );
    // Every published interval ships.
    let intervals = more.iter().filter(|p| !p.lower.is_empty()).count();
    assert_eq!(rows.iter().filter(|o| o.lower.is_some()).count(), intervals);
}

#[test]
fn the_evidence_is_deep_enough_to_compare() {
    let indicators =
        read_indicators("indicators.csv", &read("indicators.csv")).expect("indicators");
    let store = read_observations("observations.csv", &read("observations.csv"), indicators).store;
    let mut periods: std::collections::HashMap<String, std::collections::BTreeSet<String>> =
        Default::default();
    let mut grouped = std::collections::BTreeSet::new();
    for r in 0..store.len() {
        let o = store.row(r);
        periods
            .entry(o.indicator.clone())
            .or_default()
            .insert(o.period.to_string());
        if o.group_type != "total" {
            grouped.insert(o.indicator);
        }
    }
    let long = periods.values().filter(|p| p.len() >= 4).count();
    assert!(long >= 4, "{long} indicators have 4 or more periods");
    assert!(
        grouped.len() >= 25,
        "{} indicators have group breakdowns",
        grouped.len()
    );
    assert_eq!(
        periods["discrimination"]
            .iter()
            .map(String::as_str)
            .collect::<Vec<_>>(),
        ["2008", "2010", "2014", "2016", "2018", "2021"]
    );
}

#[test]
fn discrimination_breaks_in_2014_and_no_change_is_computed_across_it() {
    use cohesion_explorer::core::indicators::query::{latest, series, trend};
    let indicators =
        read_indicators("indicators.csv", &read("indicators.csv")).expect("indicators");
    let store = read_observations("observations.csv", &read("observations.csv"), indicators).store;
    let key = store
        .key("discrimination", "total", "Total")
        .expect("series");
    let points = series(&store, key);
    let breaks: Vec<String> = points
        .iter()
        .filter(|p| p.breaks)
        .map(|p| p.period.to_string())
        .collect();
    assert_eq!(breaks, ["2014"]);
    let l = latest(&store, key).expect("latest");
    assert_eq!(l.break_at.map(|p| p.to_string()).as_deref(), Some("2014"));
    assert_eq!(l.since_first.expect("change").from.to_string(), "2014");
    assert_eq!(trend(&store, key).expect("trend").from.to_string(), "2014");
    // Māori: 2010 (old wording) and 2021: no change at all, not one across the break.
    let maori = store
        .key("discrimination", "ethnicity", "Māori")
        .expect("Māori");
    let l = latest(&store, maori).expect("latest");
    assert!(l.since_previous.is_none() && l.since_first.is_none());
    assert!(trend(&store, maori).is_none());
}

#[test]
fn every_dimension_and_framework_part_an_indicator_names_exists() {
    use cohesion_explorer::core::atlas::parse_manifest;
    use cohesion_explorer::core::Atlas;
    let dir = "public/data/frameworks";
    let text =
        |f: &str| fs::read_to_string(format!("{dir}/{f}")).unwrap_or_else(|e| panic!("{f}: {e}"));
    let manifest = parse_manifest("manifest.json", &text("manifest.json")).expect("manifest");
    let files: Vec<(String, String)> = manifest
        .frameworks
        .iter()
        .map(|f| (f.clone(), text(f)))
        .collect();
    let atlas = Atlas::from_texts(
        &manifest,
        &files,
        (&manifest.crosswalk, &text(&manifest.crosswalk)),
    )
    .expect("atlas");
    let indicators =
        read_indicators("indicators.csv", &read("indicators.csv")).expect("indicators");
    for i in &indicators {
        for id in i.dimensions.iter().chain(&i.nodes) {
            assert!(
                atlas.node(id).is_some(),
                "{} names {id}, which no framework defines",
                i.id
            );
        }
        for d in &i.dimensions {
            assert_eq!(
                atlas.node(d).map(|n| n.kind.as_str()),
                Some("dimension"),
                "{}: {d} is not a dimension",
                i.id
            );
        }
    }
}
