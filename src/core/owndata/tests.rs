//! Files of each layout, read, described and built as a person would, from fixtures laid
//! out as the published descriptions say (`tests/fixtures/owndata/`); and properties that
//! hold for any table: a tidy table made wide, either way round, reads back as itself, and
//! no text makes the readers panic.

use proptest::prelude::*;

use super::describe::{build, guess, missing, Built, Description, Role};
use super::grid::NotATable;
use super::reading::{read_text, Outcome};
use super::table::{Labels, Layout, Table};
use crate::core::indicators::{Period, Unit};

fn fixture(name: &str) -> String {
    std::fs::read_to_string(format!("{}/tests/fixtures/owndata/{name}", env!("CARGO_MANIFEST_DIR"))).expect("a fixture")
}

fn table(name: &str) -> Table {
    match read_text(name, &fixture(name)) {
        Outcome::Table { table, problems } => {
            assert!(problems.is_empty(), "{problems}");
            table
        }
        other => panic!("{name}: {other:?}"),
    }
}

fn role(d: &Description, t: &Table, id: &str) -> Role {
    d.roles[t.column(id).unwrap_or_else(|| panic!("no column {id}"))].clone()
}

/// (group type, group, period, value) of every row built.
fn rows(b: &Built) -> Vec<(String, String, String, Option<f64>)> {
    b.measure.rows.iter().map(|o| (o.group_type.clone(), o.group.clone(), o.period.to_string(), o.value)).collect()
}

fn row(gt: &str, g: &str, p: &str, v: Option<f64>) -> (String, String, String, Option<f64>) {
    (gt.to_string(), g.to_string(), p.to_string(), v)
}

#[test]
fn ade_names_mode_every_dimension_kept_totals_as_everyone() {
    let t = table("ade-names.csv");
    assert_eq!(t.layout, Layout::Sdmx(Labels::Names));
    let d = guess(&t);
    assert_eq!(role(&d, &t, "CEN23_YEAR_001"), Role::Period);
    assert_eq!(role(&d, &t, "OBS_VALUE"), Role::Value);
    assert_eq!(role(&d, &t, "OBS_STATUS"), Role::Status);
    assert_eq!(role(&d, &t, "CEN23_GEO_008"), Role::Group);
    assert_eq!(role(&d, &t, "CEN23_ETH_002"), Role::Filter("9999".into()));
    assert_eq!(d.everyone.as_deref(), Some("99"));
    assert_eq!(d.groups_are, "Area");
    assert_eq!(d.title, "Illustrative: residents who feel welcome, by area and ethnicity, 2018 and 2023");
    assert_eq!(d.source, "Stats NZ (STATSNZ:CEN23_TEST_001(1.0))");
    assert!(missing(&d).is_empty());
    let b = build(&t, &d, "yours-welcome", None);
    assert!(b.problems.is_empty(), "{}", b.problems);
    assert_eq!(
        rows(&b),
        [
            row("area", "Northland Region", "2018", Some(59.5)),
            row("area", "Auckland Region", "2018", Some(60.1)),
            row("total", "Total", "2018", Some(60.0)),
            row("area", "Northland Region", "2023", Some(60.5)),
            row("area", "Auckland Region", "2023", Some(61.2)),
            row("total", "Total", "2023", Some(61.0)),
        ]
    );
    // The groups by ethnicity instead, in Auckland: a confidential figure is a gap that says
    // so, a provisional one is flagged.
    let mut by_ethnicity = d.clone();
    by_ethnicity.roles[t.column("CEN23_GEO_008").unwrap()] = Role::Filter("02".into());
    by_ethnicity.roles[t.column("CEN23_ETH_002").unwrap()] = Role::Group;
    by_ethnicity.everyone = Some("9999".into());
    by_ethnicity.groups_are = "Ethnicity".into();
    let b = build(&t, &by_ethnicity, "yours-welcome", None);
    assert!(b.problems.is_empty(), "{}", b.problems);
    let maori: Vec<_> = b.measure.rows.iter().filter(|o| o.group == "Māori").collect();
    assert_eq!((maori[0].value, maori[0].flags.as_str(), maori[0].note.as_str()), (None, "suppressed", "Confidential"));
    assert_eq!((maori[1].value, maori[1].flags.as_str()), (Some(58.0), "provisional"));
    assert_eq!(b.measure.rows.len(), 6);
}

#[test]
fn ade_both_mode_and_a_missing_value() {
    let t = table("ade-both.csv");
    assert_eq!(t.layout, Layout::Sdmx(Labels::Both));
    let d = guess(&t);
    assert_eq!(d.title, "Illustrative: volunteers by area");
    assert_eq!(role(&d, &t, "CEN23_YEAR_001"), Role::Period);
    let b = build(&t, &d, "yours-volunteers", None);
    assert_eq!(
        rows(&b),
        [
            row("area", "Northland Region", "2018", Some(1200.0)),
            row("total", "Total", "2018", Some(25000.0)),
            row("area", "Northland Region", "2023", Some(1300.0)),
            row("total", "Total", "2023", None),
        ]
    );
    assert_eq!(b.measure.rows[3].note, "Missing value");
}

#[test]
fn ade_codes_only_measures_are_held_to_one() {
    let t = table("ade-codes.csv");
    assert_eq!(t.layout, Layout::Sdmx(Labels::Codes));
    let d = guess(&t);
    assert_eq!(role(&d, &t, "AGE"), Role::Group);
    assert_eq!(role(&d, &t, "MEASURE"), Role::Filter("PCT".into()));
    assert_eq!(role(&d, &t, "TIME_PERIOD"), Role::Period);
    assert_eq!(d.unit, Unit::Percent);
    let b = build(&t, &d, "yours-x", None);
    assert!(b.problems.is_empty(), "{}", b.problems);
    assert_eq!(b.measure.rows.len(), 4);
    assert_eq!(b.measure.rows[2].flags, "break");
    // Not holding the measure to one value gives two figures per group and year: each
    // second one is listed with its line, and the first are kept.
    let mut loose = d.clone();
    loose.roles[t.column("MEASURE").unwrap()] = Role::Ignore;
    loose.roles[t.column("UNIT_MEASURE").unwrap()] = Role::Ignore;
    loose.unit = Unit::Count;
    let b = build(&t, &loose, "yours-x", None);
    assert_eq!(b.measure.rows.len(), 4);
    assert_eq!(b.problems.len(), 4);
    assert!(
        b.problems.errors[0]
            .to_string()
            .starts_with("ade-codes.csv, line 6, column 7: a second figure for Total, 2021 (the first is on line 2)"),
        "{}",
        b.problems.errors[0]
    );
}

#[test]
fn infoshare_periods_down_with_symbols_and_notes() {
    let t = table("infoshare-regions.csv");
    assert_eq!(t.layout, Layout::Infoshare);
    let d = guess(&t);
    assert_eq!(d.groups_are, "Region");
    assert_eq!(d.everyone.as_deref(), Some("Total New Zealand"));
    assert_eq!(d.unit, Unit::MeanScore10);
    assert_eq!(d.source, "Statistics New Zealand (TEST001AA)");
    assert_eq!(d.licence, "CC BY 4.0 (Stats NZ)");
    assert!(d.notes.contains("Illustrative figures for the app's tests."));
    let b = build(&t, &d, "yours-belonging", None);
    assert!(b.problems.is_empty(), "{}", b.problems);
    assert_eq!(b.measure.rows.len(), 12);
    let northland_2022 =
        b.measure.rows.iter().find(|o| o.group == "Northland Region" && o.period == Period::Year(2022)).unwrap();
    assert_eq!((northland_2022.value, northland_2022.note.as_str()), (None, "figure not available"));
    let auckland_2023 =
        b.measure.rows.iter().find(|o| o.group == "Auckland Region" && o.period == Period::Year(2023)).unwrap();
    assert_eq!(
        (auckland_2023.value, auckland_2023.flags.as_str(), auckland_2023.note.as_str()),
        (None, "suppressed", "Confidential")
    );
    assert!(b.measure.rows.iter().any(|o| o.period == Period::Quarter(2024, 2) && o.group_type == "total"));
}

#[test]
fn infoshare_three_heading_levels() {
    let t = table("infoshare-levels.csv");
    let d = guess(&t);
    assert_eq!(role(&d, &t, "Heading row 1"), Role::Ignore);
    assert_eq!(role(&d, &t, "Heading row 3"), Role::Group);
    assert_eq!(role(&d, &t, "Heading row 2"), Role::Filter("Northland".into()));
    assert_eq!(d.unit, Unit::Count);
    let b = build(&t, &d, "yours-v", None);
    assert_eq!(
        rows(&b),
        [
            row("total", "Total", "2022", Some(100.0)),
            row("heading_row_3", "Agriculture", "2022", Some(40.0)),
            row("total", "Total", "2023", Some(110.0)),
            row("heading_row_3", "Agriculture", "2023", Some(42.0)),
        ]
    );
}

#[test]
fn a_stats_nz_tidy_table_with_its_own_names() {
    let t = table("statsnz-tidy.csv");
    assert_eq!(t.layout, Layout::Tidy);
    let d = guess(&t);
    assert_eq!(role(&d, &t, "Census year"), Role::Period);
    assert_eq!(role(&d, &t, "Region"), Role::Group);
    assert_eq!(role(&d, &t, "Measure"), Role::Filter("Percent".into()));
    assert_eq!(role(&d, &t, "Sex"), Role::Filter("Total".into()));
    assert_eq!(d.unit, Unit::Percent);
    let b = build(&t, &d, "yours-t", None);
    assert!(b.problems.is_empty(), "{}", b.problems);
    assert_eq!(b.measure.rows.len(), 6);
    assert_eq!(b.measure.rows.iter().filter(|o| o.group_type == "total").count(), 2);
}

#[test]
fn a_working_groups_spreadsheet_groups_down_years_across() {
    let t = table("working-group.csv");
    assert_eq!(t.layout, Layout::PeriodsAcross);
    let d = guess(&t);
    assert_eq!(role(&d, &t, "Section"), Role::GroupKind);
    assert_eq!(d.unit, Unit::Percent);
    assert_eq!(d.source, "our working group's survey of 400 residents a year");
    assert!(d.title.starts_with("Illustrative: Residents who feel welcome in their neighbourhood (%)"));
    let b = build(&t, &d, "yours-welcome", None);
    assert!(b.problems.is_empty(), "{}", b.problems);
    assert_eq!(b.measure.rows.len(), 15);
    let kinds: std::collections::BTreeSet<&str> = b.measure.rows.iter().map(|o| o.group_type.as_str()).collect();
    assert_eq!(kinds.into_iter().collect::<Vec<_>>(), ["age", "ethnicity", "total"]);
    let pacific_2024 =
        b.measure.rows.iter().find(|o| o.group == "Pacific peoples" && o.period == Period::Year(2024)).unwrap();
    assert_eq!((pacific_2024.value, pacific_2024.flags.as_str()), (None, "suppressed"));
}

#[test]
fn a_paste_from_a_spreadsheet() {
    let t = table("paste.tsv");
    assert_eq!(t.layout, Layout::PeriodsDown);
    let d = guess(&t);
    assert_eq!(d.everyone.as_deref(), Some("Everyone"));
    let b = build(&t, &d, "yours-p", None);
    // The empty cell is no figure at all, not a gap.
    assert_eq!(b.measure.rows.len(), 8);
}

#[test]
fn rows_that_do_not_read_are_listed_with_line_and_column() {
    let Outcome::Table { table: t, .. } =
        read_text("bad.csv", "Year,Group,Value\n2022,A,40\n20x3,A,41\n2024,A,lots\n2025,A,120\n")
    else {
        panic!()
    };
    let mut d = guess(&t);
    d.unit = Unit::Percent;
    // The odd period makes the year column text; the person says it is the period.
    d.roles[t.column("Year").unwrap()] = Role::Period;
    let b = build(&t, &d, "yours-bad", None);
    assert_eq!(b.measure.rows.len(), 1);
    let messages: Vec<String> = b.problems.errors.iter().map(|e| e.to_string()).collect();
    assert_eq!(messages.len(), 3, "{messages:?}");
    assert!(messages[0].starts_with("bad.csv, line 3, column 3: \"20x3\" (Year) is not a period"), "{}", messages[0]);
    assert!(messages[1].starts_with("bad.csv, line 4, column 3: expected a number"), "{}", messages[1]);
    assert!(
        messages[2].starts_with("bad.csv, line 5, column 3: 120 is outside the range of a percent"),
        "{}",
        messages[2]
    );
}

#[test]
fn what_is_not_a_table_says_what_it_looked_like() {
    assert_eq!(read_text("e.csv", ""), Outcome::NotATable(NotATable::Empty));
    assert_eq!(
        read_text("l.txt", "Kia ora koutou\nHere is our report.\n"),
        Outcome::NotATable(NotATable::OneColumn(vec!["Kia ora koutou".into(), "Here is our report.".into()]))
    );
    assert_eq!(
        read_text("n.csv", "Name,Comment\nAroha,Great\n"),
        Outcome::NotATable(NotATable::NoNumbers(vec!["Name".into(), "Comment".into()]))
    );
}

/// Names that read as neither periods, figures nor totals.
const NAMES: [&str; 8] = ["Alpha", "Bravo", "Charlie", "Delta", "Echo", "Foxtrot", "Golf", "Hotel"];

fn tidy_strategy() -> impl Strategy<Value = Vec<(String, i32, Option<f64>)>> {
    // Two groups at least: a table of one group reads as everyone's figures, which is how a
    // person would mean it. One figure at least: a table of gaps alone has no numbers.
    (2usize..6, 1usize..7, any::<bool>()).prop_flat_map(|(groups, years, with_total)| {
        let cells = groups * years;
        proptest::collection::vec(proptest::option::weighted(0.85, 0u32..1000), cells).prop_map(move |mut values| {
            values[0] = values[0].or(Some(1));
            let mut names: Vec<String> = NAMES[..groups].iter().map(|s| s.to_string()).collect();
            if with_total {
                names[0] = "Total".to_string();
            }
            let mut out = Vec::new();
            for (g, name) in names.iter().enumerate() {
                for y in 0..years {
                    out.push((name.clone(), 2001 + y as i32, values[g * years + y].map(|v| f64::from(v) / 10.0)));
                }
            }
            out
        })
    })
}

fn cell(v: Option<f64>) -> String {
    v.map_or_else(|| "..".to_string(), |v| v.to_string())
}

fn expected(tidy: &[(String, i32, Option<f64>)]) -> Vec<(String, String, String, Option<f64>)> {
    let mut rows: Vec<_> =
        tidy.iter()
            .map(|(g, y, v)| {
                if g == "Total" {
                    row("total", "Total", &y.to_string(), *v)
                } else {
                    row("group", g, &y.to_string(), *v)
                }
            })
            .collect();
    rows.sort_by(|a, b| format!("{a:?}").cmp(&format!("{b:?}")));
    rows
}

fn built_rows(text: &str) -> Vec<(String, String, String, Option<f64>)> {
    let Outcome::Table { table, .. } = read_text("p.csv", text) else { panic!("{text}") };
    let mut d = guess(&table);
    d.groups_are = "Group".into();
    let b = build(&table, &d, "yours-p", None);
    assert!(b.problems.is_empty(), "{}\n{text}", b.problems);
    let mut rows = rows(&b);
    rows.sort_by(|a, b| format!("{a:?}").cmp(&format!("{b:?}")));
    rows
}

proptest! {
    #[test]
    fn a_tidy_table_made_wide_with_periods_across_reads_back_the_same(tidy in tidy_strategy()) {
        let years: Vec<i32> = { let mut y: Vec<i32> = tidy.iter().map(|r| r.1).collect(); y.sort(); y.dedup(); y };
        let groups: Vec<String> = { let mut g = Vec::new(); for r in &tidy { if !g.contains(&r.0) { g.push(r.0.clone()); } } g };
        let mut text = format!("Group,{}\n", years.iter().map(|y| y.to_string()).collect::<Vec<_>>().join(","));
        for g in &groups {
            let cells: Vec<String> = years.iter().map(|y| cell(tidy.iter().find(|r| &r.0 == g && r.1 == *y).unwrap().2)).collect();
            text.push_str(&format!("{g},{}\n", cells.join(",")));
        }
        // A single period across is too little to tell a wide table from a tidy one; such a
        // table is read as tidy, with the same figures.
        prop_assert_eq!(built_rows(&text), expected(&tidy));
    }

    #[test]
    fn a_tidy_table_made_wide_with_periods_down_reads_back_the_same(tidy in tidy_strategy()) {
        let years: Vec<i32> = { let mut y: Vec<i32> = tidy.iter().map(|r| r.1).collect(); y.sort(); y.dedup(); y };
        let groups: Vec<String> = { let mut g = Vec::new(); for r in &tidy { if !g.contains(&r.0) { g.push(r.0.clone()); } } g };
        let mut text = format!("Year\t{}\n", groups.join("\t"));
        for y in &years {
            let cells: Vec<String> = groups.iter().map(|g| cell(tidy.iter().find(|r| &r.0 == g && r.1 == *y).unwrap().2)).collect();
            text.push_str(&format!("{y}\t{}\n", cells.join("\t")));
        }
        prop_assert_eq!(built_rows(&text), expected(&tidy));
    }

    #[test]
    fn the_tidy_table_itself_reads_back_the_same(tidy in tidy_strategy()) {
        let mut text = String::from("Year,Group,Value\n");
        for (g, y, v) in &tidy {
            text.push_str(&format!("{y},{g},{}\n", cell(*v)));
        }
        prop_assert_eq!(built_rows(&text), expected(&tidy));
    }

    #[test]
    fn no_text_makes_the_readers_panic(text in "[a-zA-Z0-9 ,.;:\t\"\n_%-]{0,400}") {
        if let Outcome::Table { table, .. } = read_text("any.csv", &text) {
            let d = guess(&table);
            let _ = build(&table, &d, "yours-any", None);
            let _ = super::describe::preview(&table, &d, 20);
        }
    }
}
