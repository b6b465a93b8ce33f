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
    assert_eq!(package.updated().as_deref(), Some("25 November 2026"));
}

#[test]
fn the_shipped_files_read_without_a_single_error_and_every_value_has_a_source() {
    let indicators = read_indicators("indicators.csv", &read("indicators.csv"))
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(indicators.len(), 20);
    for i in &indicators {
        assert!(
            i.source_url.starts_with("http") && !i.licence.is_empty(),
            "{}",
            i.id
        );
        assert!(!i.dimensions.is_empty(), "{} measures no dimension", i.id);
    }
    let read = read_observations("observations.csv", &read("observations.csv"), indicators);
    assert!(read.errors.is_empty(), "{}", read.errors);
    assert_eq!(read.store.len(), 45);
    for r in 0..read.store.len() {
        let o = read.store.row(r);
        assert!(
            o.value.is_some() && !o.source.is_empty() && o.source_url.starts_with("http"),
            "row {r}"
        );
    }
}

#[test]
fn every_value_is_the_published_figure() {
    let shared = std::path::Path::new("../shared/data/nz-published-figures.csv");
    if !shared.exists() {
        return; // CI and the project's machines have it; a bare clone elsewhere may not.
    }
    let indicators =
        read_indicators("indicators.csv", &read("indicators.csv")).expect("indicators");
    let store = read_observations("observations.csv", &read("observations.csv"), indicators).store;
    let mut published = csv::Reader::from_path(shared).expect("shared figures");
    let mut count = 0;
    for row in published.records() {
        let row = row.expect("row");
        let (id, period, gt, g, value) = (&row[0], &row[2], &row[3], &row[4], &row[5]);
        let found = (0..store.len()).map(|r| store.row(r)).find(|o| {
            o.indicator == id
                && o.period.to_string() == period
                && o.group_type == gt
                && o.group == g
        });
        let found = found.unwrap_or_else(|| panic!("{id} {period} {g} is missing"));
        assert_eq!(
            found.value,
            Some(value.parse::<f64>().expect("number")),
            "{id} {period} {g}"
        );
        assert_eq!(found.source_url, &row[8]);
        count += 1;
    }
    assert_eq!(
        count,
        store.len(),
        "the shipped data holds no value that was not published"
    );
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
