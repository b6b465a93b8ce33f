//! The shipped framework files: they load and validate, and every word they put in the
//! framework's mouth is found in the source documents (`tests/seeds/`, copies of
//! `shared/seeds/`), so a typo or a paraphrase fails the tests.
#![cfg(not(target_arch = "wasm32"))]

use std::fs;
use std::path::Path;

use cohesion_explorer::core::atlas::parse_manifest;
use cohesion_explorer::core::crosswalk::matrix;
use cohesion_explorer::core::layout::layout;
use cohesion_explorer::core::text::{normalise, quotes};
use cohesion_explorer::core::{Atlas, Basis, EdgeKind};

const DATA: &str = "public/data/frameworks";
const SEEDS: &str = "tests/seeds";

fn read(path: impl AsRef<Path>) -> String {
    let path = path.as_ref();
    fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

fn atlas() -> Atlas {
    let manifest_text = read(format!("{DATA}/manifest.json"));
    let manifest =
        parse_manifest("manifest.json", &manifest_text).unwrap_or_else(|e| panic!("{e}"));
    let files: Vec<(String, String)> = manifest
        .frameworks
        .iter()
        .map(|f| (f.clone(), read(format!("{DATA}/{f}"))))
        .collect();
    let crosswalk = read(format!("{DATA}/{}", manifest.crosswalk));
    Atlas::from_texts(&manifest, &files, (&manifest.crosswalk, &crosswalk))
        .unwrap_or_else(|e| panic!("{e}"))
}

/// The seed's text, plus the seeds README's reading of a table the PDF conversion garbled.
fn seed(name: &str) -> String {
    format!(
        "{}\n{}",
        read(format!("{SEEDS}/{name}")),
        read(format!("{SEEDS}/README.md"))
    )
}

#[test]
fn the_vendored_seeds_equal_the_shared_ones() {
    // CI lays shared/ beside the clone; elsewhere there may be none to compare with.
    let shared = Path::new("../shared/seeds");
    if !shared.exists() {
        return;
    }
    for entry in fs::read_dir(shared).expect("shared seeds") {
        let path = entry.expect("entry").path();
        let name = path
            .file_name()
            .expect("name")
            .to_string_lossy()
            .to_string();
        assert_eq!(
            read(&path),
            read(format!("{SEEDS}/{name}")),
            "tests/seeds/{name} differs from shared/seeds"
        );
    }
}

#[test]
fn every_label_text_and_quote_is_found_in_its_source() {
    let atlas = atlas();
    let mut problems = Vec::new();
    for f in &atlas.frameworks {
        let summary = seed(&f.summary.seed);
        if !quotes(&summary, &f.summary.quote) {
            problems.push(format!(
                "{}: summary not in {}: {:?}",
                f.id, f.summary.seed, f.summary.quote
            ));
        }
        let worksheet = f.worksheet.iter().flat_map(|w| {
            let sections = w.sections.iter().map(|s| &s.heading);
            std::iter::once(&w.intro).chain(w.closed.iter()).chain(sections)
        });
        for quoted in worksheet {
            if !quotes(&seed(&quoted.seed), &quoted.quote) {
                problems.push(format!("{}: worksheet text not in {}: {:?}", f.id, quoted.seed, quoted.quote));
            }
        }
        for n in &f.nodes {
            let source = seed(&n.source.seed);
            let lower = normalise(&source).to_lowercase();
            let mut check = |what: &str, words: &str, case_blind: bool| {
                let found = if case_blind {
                    lower.contains(&normalise(words).to_lowercase())
                } else {
                    quotes(&source, words)
                };
                if !found {
                    problems.push(format!(
                        "{}: {what} not found in {}: {words:?}",
                        n.id, n.source.seed
                    ));
                }
            };
            check("quote", &n.source.quote, false);
            // Labels may change case (the source's headings are often in capitals).
            check("label", &n.label, true);
            if let Some(mi) = &n.label_mi {
                check("te reo Māori label", mi, false);
            }
            if !n.text.is_empty() {
                check("text", &n.text, false);
            }
            for example in &n.examples {
                check("example", example, false);
            }
        }
    }
    assert!(
        problems.is_empty(),
        "{} problems:\n{}",
        problems.len(),
        problems.join("\n")
    );
}

#[test]
fn the_strategic_framework_has_every_part_the_source_names() {
    let atlas = atlas();
    let f = atlas.framework("strategic").expect("strategic framework");
    let count = |kind: &str| f.nodes.iter().filter(|n| n.kind == kind).count();
    assert_eq!(count("vision"), 1);
    assert_eq!(count("principle"), 5);
    assert_eq!(count("foundation"), 1);
    assert_eq!(count("way"), 6);
    assert_eq!(count("domain"), 3);
    assert_eq!(count("outcome"), 6 + 3 + 5);
    assert_eq!(count("indicator"), 9 + 7 + 4);
    assert_eq!(count("question"), 4 + 2);
    let names: Vec<String> = f
        .nodes
        .iter()
        .filter(|n| n.kind == "principle")
        .filter_map(|n| n.label_mi.clone())
        .collect();
    assert_eq!(
        names,
        [
            "Kotahitanga",
            "Aroha in action",
            "Tiakitanga",
            "Manaakitanga",
            "Whanaungatanga"
        ]
    );
    assert_eq!(
        atlas.children("strategic.domain.places", "indicator").len(),
        7
    );
}

#[test]
fn the_other_frameworks_are_complete() {
    let atlas = atlas();
    let labels = |kind: &str| -> Vec<String> {
        atlas
            .frameworks
            .iter()
            .flat_map(|f| f.nodes.iter())
            .filter(|n| n.kind == kind)
            .map(|n| n.label.clone())
            .collect()
    };
    assert_eq!(
        labels("dimension"),
        [
            "Belonging",
            "Inclusion",
            "Participation",
            "Recognition",
            "Legitimacy"
        ]
    );
    assert_eq!(
        labels("element"),
        [
            "Belonging",
            "Inclusion",
            "Participation",
            "Recognition",
            "Legitimacy"
        ]
    );
    assert_eq!(labels("focus_area").len(), 4);
    assert_eq!(labels("initiative").len(), 7);
    assert_eq!(labels("representative").len(), 9);
    assert_eq!(labels("theme").len(), 4);
    // Each dimension has both definitions: its own (001) and its element's (002).
    for d in atlas.dimensions() {
        let element = atlas
            .links(&d.id)
            .iter()
            .find(|l| l.kind == EdgeKind::MapsTo)
            .expect("an equivalent element");
        let element = atlas.node(&element.other).expect("element node");
        assert_ne!(d.source.seed, element.source.seed);
        assert!(!d.text.is_empty() && !element.text.is_empty());
    }
}

#[test]
fn focus_areas_link_to_the_dimensions_the_source_names() {
    let atlas = atlas();
    let linked = |fa: &str| -> Vec<String> {
        atlas
            .links(fa)
            .iter()
            .filter(|l| l.kind == EdgeKind::LinkedTo)
            .map(|l| {
                assert_eq!(l.basis, Basis::Source);
                atlas.node(&l.other).expect("dimension").label.clone()
            })
            .collect()
    };
    assert_eq!(linked("focus.knowledge"), ["Inclusion", "Legitimacy"]);
    assert_eq!(linked("focus.connecting"), ["Belonging", "Participation"]);
    assert_eq!(linked("focus.citizenship"), ["Participation", "Legitimacy"]);
    assert_eq!(linked("focus.valuing"), ["Recognition", "Belonging"]);
}

#[test]
fn every_diagram_lays_out_at_phone_and_desktop_widths() {
    let atlas = atlas();
    for f in &atlas.frameworks {
        for width in [328.0, 358.0, 860.0] {
            let l = layout(&atlas, f, width);
            let drawn: usize = f.diagram.bands.iter().map(|b| b.nodes.len()).sum();
            assert!(l.nodes.len() >= drawn, "{} at {width}", f.id);
            for p in &l.nodes {
                assert!(
                    p.x >= 0.0 && p.x + p.w <= width + 0.01,
                    "{} overflows {} at {width}",
                    p.id,
                    f.id
                );
            }
        }
    }
}

#[test]
fn the_crosswalk_covers_every_framework() {
    let atlas = atlas();
    let m = matrix(&atlas);
    assert_eq!(m.dimensions.len(), 5);
    for f in atlas.frameworks.iter().filter(|f| f.id != "dimensions") {
        let mapped = m
            .rows
            .iter()
            .filter(|r| r.framework == f.id && r.cells.iter().any(Option::is_some))
            .count();
        assert!(mapped > 0, "{} has no part mapped to a dimension", f.id);
    }
}

#[test]
fn the_community_engagement_framework_is_drawn_as_rings_around_the_community() {
    let atlas = atlas();
    let cef = atlas.framework("cef").expect("cef");
    for width in [358.0, 860.0] {
        let l = layout(&atlas, cef, width);
        assert_eq!(l.frames.len(), cef.diagram.bands.len());
        for pair in l.frames.windows(2) {
            let (outer, inner) = (&pair[0], &pair[1]);
            assert!(
                inner.x > outer.x && inner.y > outer.y,
                "rings nest at {width}"
            );
            assert!(
                inner.x + inner.w < outer.x + outer.w && inner.y + inner.h < outer.y + outer.h,
                "rings nest at {width}"
            );
        }
        // The community, at the heart, sits inside the innermost ring.
        let heart = l.frames.last().expect("innermost");
        let community = l.get("cef.community").expect("community placed");
        assert!(community.x >= heart.x && community.x + community.w <= heart.x + heart.w);
        assert!(community.y >= heart.y && community.y + community.h <= heart.y + heart.h);
        assert_eq!(l.titles.last().map(|t| t.text.as_str()), Some("Community"));
    }
}
