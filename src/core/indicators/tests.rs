//! Tests of the indicator formats and computations, with hand-checked expected values.

use proptest::prelude::*;

use super::model::{Direction, Indicator, Observation, Unit};
use super::parse::{check_file, read_indicators, read_observations, write_observations, MAX_BYTES};
use super::period::Period;
use super::profile::{composite, profiles, score};
use super::query::{change, gaps, latest, series, trend, Point, Verdict};

const INDICATORS: &str = "\
id,title,short_title,dimensions,nodes,mapping_basis,unit,direction,definition,source_name,source_url,licence
belong,Sense of belonging,Belonging,dimensions.belonging,strategic.outcome.people.belong,editorial,mean score 0-10,higher_is_better,Def,Stats NZ,https://example.org/a,CC BY 4.0
discrim,Experienced discrimination,Discrimination,dimensions.recognition,,source,percent,lower_is_better,Def,Stats NZ,https://example.org/b,CC BY 4.0
";

const OBSERVATIONS: &str = "\
indicator_id,period,group_type,group,value,lower,upper
belong,2016,total,Total,8.6,8.5,8.7
belong,2021,total,Total,8.6,8.5,8.7
belong,2023,total,Total,8.2,8.1,8.3
belong,2023,ethnicity,Asian,7.8,,
belong,2023,ethnicity,Māori,8.5,,
discrim,2018,total,Total,17.4,16.4,18.4
discrim,2021,total,Total,20.9,,
discrim,2021,ethnicity,Māori,29.5,,
";

fn indicators() -> Vec<Indicator> {
    read_indicators("indicators.csv", INDICATORS.as_bytes()).expect("indicators")
}

fn store() -> super::Store {
    let read = read_observations("observations.csv", OBSERVATIONS.as_bytes(), indicators());
    assert!(read.errors.is_empty(), "{}", read.errors);
    assert_eq!(read.rows_read, 8);
    read.store
}

fn close(a: f64, b: f64) -> bool {
    (a - b).abs() < 1e-3
}

#[test]
fn reads_indicator_metadata() {
    let inds = indicators();
    assert_eq!(inds.len(), 2);
    assert_eq!(inds[0].unit, Unit::MeanScore10);
    assert_eq!(inds[1].direction, Direction::LowerIsBetter);
    assert_eq!(inds[0].nodes, ["strategic.outcome.people.belong"]);
    assert!(inds[1].nodes.is_empty());
}

#[test]
fn latest_value_and_change_with_significance() {
    let s = store();
    let key = s.key("belong", "total", "Total").expect("series");
    let l = latest(&s, key).expect("latest");
    assert_eq!(
        (l.point.period, l.point.value),
        (Period::Year(2023), Some(8.2))
    );
    let prev = l.since_previous.expect("previous");
    assert!(close(prev.difference, -0.4));
    // se = 0.2 / 3.92 = 0.0510 each; z = 0.4 / 0.0722 = 5.5 > 1.96
    assert_eq!(
        (prev.significant, prev.verdict),
        (Some(true), Verdict::Worsened)
    );
    assert_eq!(l.since_first.expect("first").from, Period::Year(2016));

    // Wide intervals: se 0.306 and 0.051, z = 0.4 / 0.310 = 1.29: not significant.
    let a = Point {
        period: Period::Year(2021),
        value: Some(8.6),
        lower: Some(8.0),
        upper: Some(9.2),
        row: 0,
        breaks: false,
        interval_95: true,
    };
    let b = Point {
        period: Period::Year(2023),
        value: Some(8.2),
        lower: Some(8.1),
        upper: Some(8.3),
        row: 1,
        breaks: false,
        interval_95: true,
    };
    let c = change(&a, &b, Direction::HigherIsBetter).expect("change");
    assert_eq!(
        (c.significant, c.verdict),
        (Some(false), Verdict::NoSignificantChange)
    );

    // No interval on one end: untested, judged by direction alone (discrimination rose: worse).
    let d = latest(&s, s.key("discrim", "total", "Total").expect("series")).expect("latest");
    let dc = d.since_previous.expect("change");
    assert!(close(dc.difference, 3.5));
    assert_eq!((dc.significant, dc.verdict), (None, Verdict::Worsened));
}

#[test]
fn gaps_rank_the_group_furthest_behind_first() {
    let s = store();
    let g = gaps(&s, 0, None);
    assert_eq!(g.len(), 2);
    assert_eq!(g[0].group, "Asian");
    assert!(close(g[0].difference, -0.4) && close(g[0].ratio.expect("ratio"), 7.8 / 8.2));
    assert!(close(g[0].shortfall, 0.4));
    assert_eq!(g[1].group, "Māori");
    assert!(close(g[1].difference, 0.3) && close(g[1].shortfall, -0.3));
    // Lower is better: Māori's higher discrimination is a shortfall of 8.6 points.
    let d = gaps(&s, 1, None);
    assert!(close(d[0].shortfall, 8.6) && d[0].period == Period::Year(2021));
}

#[test]
fn trend_is_the_least_squares_slope() {
    let s = store();
    let t = trend(&s, s.key("belong", "total", "Total").expect("series")).expect("trend");
    // x: 2016.5, 2021.5, 2023.5; y: 8.6, 8.6, 8.2 -> sxy = -1.2, sxx = 26
    assert!(close(t.per_year, -1.2 / 26.0), "{}", t.per_year);
    assert_eq!(
        (t.points, t.from, t.to),
        (3, Period::Year(2016), Period::Year(2023))
    );
}

#[test]
fn profiles_score_on_each_indicator_scale_and_compose_with_weights() {
    let s = store();
    let dims = vec![
        "dimensions.belonging".to_string(),
        "dimensions.recognition".to_string(),
    ];
    let p = profiles(&s, &dims);
    let find = |g: &str| {
        p.iter()
            .find(|x| x.group == g)
            .expect("group")
            .scores
            .clone()
    };
    let total = find("Total");
    assert!(close(total[0].expect("b"), 82.0) && close(total[1].expect("r"), 79.1));
    let asian = find("Asian");
    assert!(
        close(asian[0].expect("b"), 78.0) && asian[1].is_none(),
        "a gap stays a gap"
    );
    let maori = find("Māori");
    assert!(close(maori[1].expect("r"), 70.5));
    assert!(close(composite(&maori, &[1.0, 1.0]).expect("c"), 77.75));
    assert!(close(
        composite(&maori, &[2.0, 1.0]).expect("c"),
        (170.0 + 70.5) / 3.0
    ));
    assert!(close(composite(&asian, &[1.0, 1.0]).expect("c"), 78.0));
    assert_eq!(composite(&asian, &[0.0, 1.0]), None);
    assert_eq!(score(5.0, Unit::Count, Direction::HigherIsBetter), None);
    assert_eq!(score(5.0, Unit::Percent, Direction::Neutral), None);
}

#[test]
fn a_suppressed_value_is_a_gap_not_a_number() {
    let obs = "indicator_id,period,group_type,group,value,flags\nbelong,2023,total,Total,,suppressed\nbelong,2021,total,Total,8.6,\n";
    let read = read_observations("o.csv", obs.as_bytes(), indicators());
    assert!(read.errors.is_empty(), "{}", read.errors);
    let pts = series(
        &read.store,
        read.store.key("belong", "total", "Total").expect("series"),
    );
    assert_eq!(
        pts.iter().map(|p| p.value).collect::<Vec<_>>(),
        [Some(8.6), None]
    );
    let l = latest(
        &read.store,
        read.store.key("belong", "total", "Total").expect("series"),
    )
    .expect("latest");
    assert_eq!(l.point.period, Period::Year(2021), "latest skips the gap");
}

fn messages(obs: &str) -> Vec<String> {
    read_observations("obs.csv", obs.as_bytes(), indicators())
        .errors
        .errors
        .iter()
        .map(|e| e.to_string())
        .collect()
}

#[test]
fn every_bad_row_is_reported_with_line_and_column() {
    let obs = "\
indicator_id,period,group_type,group,value,lower,upper
belong,2023,total,Total,abc,,
nope,2023,total,Total,8,,
belong,2023-13,total,Total,8,,
belong,2022,total,Total,8,8.5,9
discrim,2022,total,Total,120,,
belong,2019,total,Total,8,,
belong,2019,total,Total,8.1,,
belong,2018,total,Total,,,
belong,2017,total,Total,8,7
belong,2016,total,Total,8,7.5,
";
    let m = messages(obs);
    let expect = [
        "obs.csv, line 2, column 5: value: expected a number, found \"abc\"",
        "obs.csv, line 3, column 1: unknown indicator \"nope\"; it must be defined in indicators.csv",
        "obs.csv, line 4, column 2: expected a period (2023, 2023-Q2 or 2023-06), found \"2023-13\"",
        "obs.csv, line 5, column 6: the interval 8.5 to 9 does not contain the value 8",
        "obs.csv, line 6, column 5: value: a percent must be between 0 and 100, found 120",
        "obs.csv, line 8, column 1: duplicate row: belong, 2019, total, Total already appears on line 7",
        "obs.csv, line 9, column 5: expected a value, found an empty cell (mark a gap with the flag \"suppressed\")",
        "obs.csv, line 10, column 1: expected 7 fields as in the header, found 6",
        "obs.csv, line 11, column 6: expected both lower and upper bounds, or neither",
    ];
    assert_eq!(m, expect);
}

#[test]
fn columns_are_checked_before_rows() {
    let m = messages("indicator_id,period,group,value,colour\nbelong,2023,Total,8,red\n");
    assert_eq!(
        m,
        [
            "obs.csv, line 1, column 5: unknown column \"colour\"; expected columns: indicator_id, period, group_type, group, value, lower, upper, sample_size, flags, source, source_url, read_at, note",
            "obs.csv, line 1, column 1: missing column \"group_type\"",
        ]
    );
}

#[test]
fn empty_non_utf8_and_oversized_files_are_named() {
    assert_eq!(messages(""), ["obs.csv: the file is empty"]);
    assert_eq!(
        messages("indicator_id,period,group_type,group,value\n"),
        ["obs.csv, line 2, column 1: expected observation rows after the header, found none"]
    );
    let mut bytes = b"indicator_id,period,group_type,group,value\nbelong,2023,total,T".to_vec();
    bytes.push(0xff);
    let e = check_file("obs.csv", &bytes).expect_err("not utf-8");
    assert_eq!(e.to_string(), "obs.csv, line 2, column 20: expected UTF-8 text, found bytes that are not UTF-8 (save the file as UTF-8)");
    let big = vec![b'a'; MAX_BYTES + 1];
    let e = check_file("big.csv", &big).expect_err("too big");
    assert_eq!(
        e.to_string(),
        "big.csv: the file is 100.0 MB; files over 100 MB are too large to open on a phone"
    );
}

#[test]
fn indicator_files_are_validated_too() {
    let bad = "id,title,short_title,dimensions,nodes,mapping_basis,unit,direction,definition,source_name,source_url,licence\nx,T,T,,,editorial,furlongs,up,,S,,L\nx,T,T,,,editorial,percent,neutral,,S,U,L\n";
    let e = read_indicators("indicators.csv", bad.as_bytes())
        .expect_err("invalid")
        .to_string();
    assert!(e.contains("indicators.csv, line 2, column 11: indicator \"x\": expected source_url, found an empty cell"), "{e}");
    assert!(e.contains("line 2, column 7: expected a unit (percent, mean score 0-10, ratio, count, index), found \"furlongs\""), "{e}");
    assert!(e.contains("line 2, column 8: expected a direction (higher_is_better, lower_is_better, neutral), found \"up\""), "{e}");
    assert!(
        e.contains("line 3, column 1: indicator \"x\" is defined twice (first on line 2)"),
        "{e}"
    );
}

fn observation() -> impl Strategy<Value = Observation> {
    (
        prop::sample::select(vec!["belong", "discrim"]),
        1990i32..2030,
        prop::sample::select(vec!["total", "ethnicity", "age group"]),
        "[A-Za-zāēīōū ,\"']{1,12}",
        0.0f64..10.0,
        prop::option::of(0.0f64..0.5),
        prop::option::of(1u32..100_000),
        "[a-z ]{0,8}",
    )
        .prop_map(|(ind, y, gt, g, v, half, n, note)| Observation {
            indicator: ind.to_string(),
            period: Period::Year(y),
            group_type: gt.to_string(),
            group: g.trim().to_string(),
            value: Some(v),
            lower: half.map(|h| v - h).map(|l| l.max(0.0)),
            upper: half.map(|h| (v + h).min(10.0)),
            sample_size: n,
            flags: String::new(),
            source: "Stats NZ".into(),
            source_url: "https://example.org".into(),
            read_at: "https://example.org/news".into(),
            note: note.trim().to_string(),
        })
}

proptest! {
    #[test]
    fn the_observation_parser_never_panics(bytes in prop::collection::vec(any::<u8>(), 0..400)) {
        let _ = read_observations("f.csv", &bytes, indicators());
        let _ = read_indicators("f.csv", &bytes);
    }

    #[test]
    fn csv_like_text_never_panics(text in "(indicator_id,period,group_type,group,value,lower,upper\n)?([a-z0-9,.\"Q\\- ]{0,30}\n){0,6}") {
        let _ = read_observations("f.csv", text.as_bytes(), indicators());
    }

    #[test]
    fn what_is_written_reads_back_the_same(rows in prop::collection::vec(observation(), 1..30)) {
        // Keep one row per key, as a valid file must.
        let mut seen = std::collections::HashSet::new();
        let rows: Vec<Observation> = rows.into_iter().filter(|o| !o.group.is_empty() && seen.insert((o.indicator.clone(), o.period, o.group_type.clone(), o.group.clone()))).collect();
        prop_assume!(!rows.is_empty());
        let text = write_observations(&rows);
        let read = read_observations("f.csv", text.as_bytes(), indicators());
        prop_assert!(read.errors.is_empty(), "{}", read.errors);
        let back: Vec<Observation> = (0..read.store.len()).map(|r| read.store.row(r)).collect();
        prop_assert_eq!(back, rows);
    }
}

#[test]
fn a_source_links_to_the_release_when_its_address_is_known_else_where_it_was_read() {
    use super::model::SourceLink;
    assert_eq!(SourceLink::of("https://stats.govt.nz/r", "https://stats.govt.nz/r"), Some(SourceLink::Release("https://stats.govt.nz/r")));
    assert_eq!(SourceLink::of("", "https://news.example/a"), Some(SourceLink::ReadAt("https://news.example/a")));
    assert_eq!(SourceLink::of("", ""), None);
    let inds = read_indicators("i", b"id,title,short_title,dimensions,nodes,mapping_basis,unit,direction,definition,source_name,source_url,licence\nd,D,D,,,editorial,percent,lower_is_better,,Release B,https://e.org,L\n").expect("i");
    let obs = "indicator_id,period,group_type,group,value,source,source_url,read_at\nd,2010,total,Total,10,Release A,https://a.example,https://a.example\nd,2014,total,Total,17,Release B,,https://news.example/b\n";
    let store = read_observations("o", obs.as_bytes(), inds).store;
    assert_eq!(store.indicator_link(0), Some(SourceLink::ReadAt("https://news.example/b")), "the indicator's own release, as its row links it");
}
