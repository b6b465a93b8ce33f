//! What the profile page works from, and what it shows for the weights a person sets. The
//! build writes the page for the weights its address names, with every row each table can
//! show; the page's island reads the same [`ProfileSlice`] from the page (as text: the
//! dimensions, and the published rows the profile is made of, with their indicators) and works
//! out each later view with [`ProfileModel::view`], so the build and the browser agree.

use super::matched::{comparisons, rank_ranges, standings, Comparison, RankRange, Standing, DRAWS, SEED};
use super::model::{Indicator, Observation, Store};
use super::profile::{profile_rows, GroupProfile};
use super::sensitivity::{sensitivity, Sensitivity};
use super::slice_text::{indicator_fields, read_indicator, read_row, row_fields};
use crate::core::records::{fields, record};

/// The profile's dimensions (id and name) and the published rows it is made of.
#[derive(Debug, Clone, PartialEq)]
pub struct ProfileSlice {
    pub dimensions: Vec<(String, String)>,
    /// The indicators the rows measure.
    pub indicators: Vec<Indicator>,
    pub rows: Vec<Observation>,
}

impl ProfileSlice {
    /// The profile over `dimensions` of the figures in `store`.
    pub fn of(store: &Store, dimensions: Vec<(String, String)>) -> ProfileSlice {
        let ids: Vec<String> = dimensions.iter().map(|d| d.0.clone()).collect();
        let rows = profile_rows(store, &ids);
        let indicators = store.indicators.iter().filter(|i| rows.iter().any(|r| r.indicator == i.id)).cloned().collect();
        ProfileSlice { dimensions, indicators, rows }
    }

    /// The slice as text ([`ProfileSlice::from_text`] reads it back): `dimension`, `indicator`
    /// and `row` records (see `slice_text`).
    pub fn to_text(&self) -> String {
        let mut out = String::new();
        for (id, name) in &self.dimensions {
            record(&mut out, "dimension", &[id.clone(), name.clone()]);
        }
        for i in &self.indicators {
            record(&mut out, "indicator", &indicator_fields(i));
        }
        for row in &self.rows {
            record(&mut out, "row", &row_fields(row));
        }
        out
    }

    /// Reads what [`ProfileSlice::to_text`] wrote; `Err` names the line it cannot read.
    pub fn from_text(text: &str) -> Result<ProfileSlice, String> {
        let mut slice = ProfileSlice { dimensions: Vec::new(), indicators: Vec::new(), rows: Vec::new() };
        for (n, line) in text.lines().enumerate().filter(|(_, l)| !l.is_empty()) {
            let bad = || format!("the profile's figures, line {}: not readable", n + 1);
            let fields = fields(line);
            let mut f = fields.iter().map(String::as_str);
            match f.next() {
                Some("dimension") => {
                    let (id, name) = (f.next().ok_or_else(bad)?, f.next().ok_or_else(bad)?);
                    slice.dimensions.push((id.to_string(), name.to_string()));
                }
                Some("indicator") => slice.indicators.push(read_indicator(&mut f).ok_or_else(bad)?),
                Some("row") => slice.rows.push(read_row(&mut f).ok_or_else(bad)?),
                _ => return Err(bad()),
            }
            if f.next().is_some() {
                return Err(bad());
            }
        }
        if slice.dimensions.is_empty() {
            return Err("the profile's figures are missing".into());
        }
        Ok(slice)
    }

    /// The rows in a store of their own.
    pub fn store(&self) -> Store {
        let mut store = Store::with_capacity(self.indicators.clone(), self.rows.len());
        for row in &self.rows {
            store.push(row);
        }
        store.build_index();
        store
    }
}

/// A slice made ready to work views out from: every group beside everyone on the same figures.
pub struct ProfileModel {
    pub slice: ProfileSlice,
    store: Store,
    /// Every group beside everyone on the same figures (in the order the tables' rows are written).
    pub compared: Vec<Comparison>,
    /// Each group's difference from everyone on the same figures, by dimension, as a profile
    /// (what the profile chart draws and the sensitivity ranks).
    pub differences: Vec<GroupProfile>,
}

/// What the page shows for a weighting.
#[derive(Debug, Clone, PartialEq)]
pub struct ProfileView {
    /// The groups with an index, ranked first.
    pub standings: Vec<Standing>,
    /// How sure each standing's rank is (in the order of `standings`).
    pub ranges: Vec<Option<RankRange>>,
    /// How much the ranking depends on the weights.
    pub sensitivity: Sensitivity,
}

impl ProfileModel {
    pub fn new(slice: ProfileSlice) -> ProfileModel {
        let store = slice.store();
        let ids: Vec<String> = slice.dimensions.iter().map(|d| d.0.clone()).collect();
        let compared = comparisons(&store, &ids);
        let differences = compared.iter().map(difference_profile).collect();
        ProfileModel { slice, store, compared, differences }
    }

    /// The dimensions' names.
    pub fn names(&self) -> Vec<String> {
        self.slice.dimensions.iter().map(|d| d.1.clone()).collect()
    }

    /// What the page shows with `weights`.
    pub fn view(&self, weights: &[f64]) -> ProfileView {
        let standings = self.standings(weights);
        let ranges = self.ranges(weights, &standings);
        ProfileView { sensitivity: self.sensitivity(weights), standings, ranges }
    }

    /// The groups with an index with `weights`, ranked first (`matched::standings`).
    pub fn standings(&self, weights: &[f64]) -> Vec<Standing> {
        standings(&self.compared, weights)
    }

    /// How sure each of `standings`' ranks is (`matched::rank_ranges`).
    pub fn ranges(&self, weights: &[f64], standings: &[Standing]) -> Vec<Option<RankRange>> {
        rank_ranges(&self.store, &self.compared, standings, weights, DRAWS, SEED)
    }

    /// How much the ranking depends on the weights (`sensitivity::sensitivity`).
    pub fn sensitivity(&self, weights: &[f64]) -> Sensitivity {
        sensitivity(&self.differences, weights)
    }

    /// The profile's own figures as CSV, with `weights` (`matched::scores_csv`).
    pub fn scores_csv(&self, weights: &[f64]) -> String {
        let view = self.view(weights);
        super::matched::scores_csv(&self.compared, &self.names(), weights, &view.standings, &view.ranges)
    }
}

/// A group's difference from everyone on the same figures, by dimension, as a profile.
fn difference_profile(c: &Comparison) -> GroupProfile {
    GroupProfile {
        scores: c.group.scores.iter().zip(&c.everyone.scores).map(|(g, e)| Some((*g)? - (*e)?)).collect(),
        ..c.group.clone()
    }
}

/// A number with one decimal, as the profile writes its scores (halves rounded away from zero):
/// the same in the build's page and the browser's, without `f64`'s formatting.
pub fn one_decimal(v: f64) -> String {
    let tenths = (v * 10.0).round();
    if !tenths.is_finite() || tenths.abs() >= 1e15 {
        return String::new();
    }
    let tenths = tenths as i64;
    let sign = if tenths < 0 { "-" } else { "" };
    let t = tenths.unsigned_abs();
    format!("{sign}{}.{}", t / 10, t % 10)
}

/// A difference with its sign: "+3.2", "−1.5" (a minus sign), "0.0".
pub fn signed(v: f64) -> String {
    let text = one_decimal(v);
    match text.strip_prefix('-') {
        Some(rest) => format!("\u{2212}{rest}"),
        None if text != "0.0" => format!("+{text}"),
        None => text,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::indicators::profile::parse_weights;
    use proptest::prelude::*;

    fn dimensions() -> Vec<(String, String)> {
        crate::core::fixtures::atlas().dimensions().iter().map(|n| (n.id.clone(), n.label.clone())).collect()
    }

    /// The page's slice gives the profile the whole data gives: the same groups, scores, ranks
    /// and rank ranges, whatever the weights.
    #[test]
    fn the_slice_profiles_as_the_whole_data_does() {
        let store = crate::core::fixtures::store();
        let dims = dimensions();
        let ids: Vec<String> = dims.iter().map(|d| d.0.clone()).collect();
        let slice = ProfileSlice::of(store, dims);
        assert!(slice.rows.len() < store.len(), "only the rows the profile is made of");
        let model = ProfileModel::new(ProfileSlice::from_text(&slice.to_text()).expect("reads back"));
        let whole = comparisons(store, &ids);
        assert_eq!(model.compared.len(), whole.len());
        for (a, b) in model.compared.iter().zip(&whole) {
            assert_eq!((&a.group, &a.everyone), (&b.group, &b.everyone));
        }
        for w in ["1,1,1,1,1", "0,0,0,1,0", "5,0,2,1,3"] {
            let weights = parse_weights(Some(w), ids.len());
            let st = standings(&whole, &weights);
            let view = model.view(&weights);
            assert_eq!(view.standings, st, "{w}");
            assert_eq!(view.ranges, rank_ranges(store, &whole, &st, &weights, DRAWS, SEED), "{w}");
        }
    }

    #[test]
    fn text_it_cannot_read_is_an_error_it_names() {
        assert_eq!(ProfileSlice::from_text(""), Err("the profile's figures are missing".into()));
        assert_eq!(ProfileSlice::from_text("dimension\ta\tA\nrow\tx"), Err("the profile's figures, line 2: not readable".into()));
    }

    #[test]
    fn differences_are_written_with_one_decimal_and_their_sign() {
        for (v, text) in [(3.24, "+3.2"), (-1.55, "\u{2212}1.6"), (0.04, "0.0"), (-0.04, "0.0"), (68.75, "+68.8"), (0.05, "+0.1")] {
            assert_eq!(signed(v), text, "{v}");
        }
        assert_eq!(one_decimal(68.8), "68.8");
        assert_eq!(one_decimal(-0.04), "0.0");
        assert_eq!(one_decimal(f64::NAN), "");
    }

    proptest! {
        /// Away from halves, one decimal is what `f64`'s own formatting says.
        #[test]
        fn one_decimal_is_the_standard_formatting_away_from_halves(v in -1.0e6f64..1.0e6) {
            let tenths = v * 10.0;
            prop_assume!((tenths - tenths.floor() - 0.5).abs() > 1e-6);
            let standard = format!("{v:.1}");
            let standard = if standard == "-0.0" { "0.0".to_string() } else { standard };
            prop_assert_eq!(one_decimal(v), standard);
        }
    }
}
