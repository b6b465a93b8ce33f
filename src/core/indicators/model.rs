//! The indicator data model: indicator metadata, and observations held column by column
//! with an index for the queries the views make.

use rustc_hash::FxHashMap as HashMap;

use super::period::Period;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
pub enum Direction {
    HigherIsBetter,
    LowerIsBetter,
    Neutral,
}

impl Direction {
    pub const NAMES: [&'static str; 3] = ["higher_is_better", "lower_is_better", "neutral"];

    pub fn parse(text: &str) -> Option<Direction> {
        match text.trim() {
            "higher_is_better" => Some(Direction::HigherIsBetter),
            "lower_is_better" => Some(Direction::LowerIsBetter),
            "neutral" => Some(Direction::Neutral),
            _ => None,
        }
    }

    pub fn name(self) -> &'static str {
        match self {
            Direction::HigherIsBetter => "higher_is_better",
            Direction::LowerIsBetter => "lower_is_better",
            Direction::Neutral => "neutral",
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
pub enum Unit {
    Percent,
    /// A mean score on a 0 to 10 scale.
    MeanScore10,
    Ratio,
    Count,
    /// An index number (a base period = 100 or 1000).
    Index,
}

impl Unit {
    pub const NAMES: [&'static str; 5] = ["percent", "mean score 0-10", "ratio", "count", "index"];

    pub fn parse(text: &str) -> Option<Unit> {
        match text.trim() {
            "percent" => Some(Unit::Percent),
            "mean score 0-10" => Some(Unit::MeanScore10),
            "ratio" => Some(Unit::Ratio),
            "count" => Some(Unit::Count),
            "index" => Some(Unit::Index),
            _ => None,
        }
    }

    pub fn name(self) -> &'static str {
        match self {
            Unit::Percent => "percent",
            Unit::MeanScore10 => "mean score 0-10",
            Unit::Ratio => "ratio",
            Unit::Count => "count",
            Unit::Index => "index",
        }
    }

    /// The range a value must lie in, if the unit has one.
    pub fn range(self) -> Option<(f64, f64)> {
        match self {
            Unit::Percent => Some((0.0, 100.0)),
            Unit::MeanScore10 => Some((0.0, 10.0)),
            Unit::Ratio | Unit::Count | Unit::Index => Some((0.0, f64::INFINITY)),
        }
    }
}

#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Indicator {
    pub id: String,
    pub title: String,
    pub short_title: String,
    /// Dimension node ids (`dimensions.belonging`).
    pub dimensions: Vec<String>,
    /// Framework node ids the indicator measures.
    pub nodes: Vec<String>,
    /// Whether the framework itself names this measure (`Source`) or the mapping to dimensions
    /// and parts is our judgment (`Editorial`).
    pub mapping_basis: crate::core::framework::Basis,
    pub unit: Unit,
    pub direction: Direction,
    pub definition: String,
    /// The survey or collection the figures come from (`Stats NZ, General Social Survey`).
    pub survey: String,
    /// Who the figures are about (`People aged 15 and over`).
    pub population: String,
    pub source_name: String,
    pub source_url: String,
    pub licence: String,
}

/// Where a set of observations came from: the app's own files, or a file the person loaded.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Origin {
    Shipped,
    /// A file the person chose; it never leaves their browser.
    User {
        file: String,
    },
}

/// One observation as a row, for reading and writing.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Observation {
    pub indicator: String,
    pub period: Period,
    pub group_type: String,
    pub group: String,
    /// `None` for a gap (a suppressed value), never a made-up number.
    pub value: Option<f64>,
    pub lower: Option<f64>,
    pub upper: Option<f64>,
    pub sample_size: Option<u32>,
    pub flags: String,
    /// The statistical release the figure comes from (the primary source).
    pub source: String,
    /// The release's own address, when known.
    pub source_url: String,
    /// The page where the figure was read, when that is not the release itself.
    pub read_at: String,
    pub note: String,
}

/// Where a figure's source links: the release itself when its address is known, otherwise
/// the page the figure was read at (which a view labels as such).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SourceLink<'a> {
    Release(&'a str),
    ReadAt(&'a str),
}

impl<'a> SourceLink<'a> {
    pub fn of(source_url: &'a str, read_at: &'a str) -> Option<SourceLink<'a>> {
        if !source_url.is_empty() {
            Some(SourceLink::Release(source_url))
        } else if !read_at.is_empty() {
            Some(SourceLink::ReadAt(read_at))
        } else {
            None
        }
    }

    pub fn href(self) -> &'a str {
        match self {
            SourceLink::Release(u) | SourceLink::ReadAt(u) => u,
        }
    }
}

impl Observation {
    pub fn link(&self) -> Option<SourceLink<'_>> {
        SourceLink::of(&self.source_url, &self.read_at)
    }
}

/// One row's fields, borrowed.
#[derive(Debug, Clone, Copy)]
pub struct RowFields<'a> {
    pub indicator: u32,
    pub period: Period,
    pub group_type: &'a str,
    pub group: &'a str,
    pub value: Option<f64>,
    pub lower: Option<f64>,
    pub upper: Option<f64>,
    pub sample_size: Option<u32>,
    pub flags: &'a str,
    pub source: &'a str,
    pub source_url: &'a str,
    pub read_at: &'a str,
    pub note: &'a str,
}

/// A series: one indicator for one group (the `total` group type is the whole population).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct SeriesKey {
    pub indicator: u32,
    pub group_type: u32,
    pub group: u32,
}

/// Observations held column by column (a row is an index into every column), with strings
/// interned, and an index from each series to its rows in period order.
#[derive(Debug, Clone, Default)]
pub struct Store {
    pub indicators: Vec<Indicator>,
    pub indicator_ids: HashMap<String, u32>,
    /// Interned strings: group types, groups, flags, sources, notes.
    pub strings: Vec<String>,
    string_ids: HashMap<String, u32>,
    pub indicator: Vec<u32>,
    pub period: Vec<Period>,
    pub group_type: Vec<u32>,
    pub group: Vec<u32>,
    /// NaN where the value is a gap.
    pub value: Vec<f64>,
    pub lower: Vec<f64>,
    pub upper: Vec<f64>,
    pub sample_size: Vec<u32>,
    pub flags: Vec<u32>,
    pub source: Vec<u32>,
    pub source_url: Vec<u32>,
    pub read_at: Vec<u32>,
    pub note: Vec<u32>,
    /// Every series with its rows in period order.
    series_list: Vec<(SeriesKey, Vec<u32>)>,
    series: HashMap<SeriesKey, u32>,
    /// Each indicator's series (indexes into `series_list`), so a query about one indicator
    /// never scans the others.
    by_indicator: Vec<Vec<u32>>,
}

/// A store is its own data, for views that take anything holding one.
impl AsRef<Store> for Store {
    fn as_ref(&self) -> &Store {
        self
    }
}

/// `u32::MAX` marks a missing sample size.
const NO_SAMPLE: u32 = u32::MAX;

impl Store {
    pub fn new(indicators: Vec<Indicator>) -> Store {
        let indicator_ids = indicators
            .iter()
            .enumerate()
            .map(|(i, ind)| (ind.id.clone(), i as u32))
            .collect();
        let mut store = Store {
            indicators,
            indicator_ids,
            ..Store::default()
        };
        store.intern("");
        store
    }

    pub fn with_capacity(indicators: Vec<Indicator>, rows: usize) -> Store {
        let mut s = Store::new(indicators);
        for v in [
            &mut s.indicator,
            &mut s.group_type,
            &mut s.group,
            &mut s.sample_size,
            &mut s.flags,
            &mut s.source,
            &mut s.source_url,
            &mut s.read_at,
            &mut s.note,
        ] {
            v.reserve(rows);
        }
        s.period.reserve(rows);
        for v in [&mut s.value, &mut s.lower, &mut s.upper] {
            v.reserve(rows);
        }
        s
    }

    pub fn intern(&mut self, text: &str) -> u32 {
        // Most optional cells are empty; "" is interned first, as id 0.
        if text.is_empty() && !self.strings.is_empty() {
            return 0;
        }
        if let Some(&id) = self.string_ids.get(text) {
            return id;
        }
        let id = self.strings.len() as u32;
        self.strings.push(text.to_string());
        self.string_ids.insert(text.to_string(), id);
        id
    }

    /// The id of an interned string, if it was ever interned.
    pub fn string_id(&self, text: &str) -> Option<u32> {
        self.string_ids.get(text).copied()
    }

    pub fn str(&self, id: u32) -> &str {
        &self.strings[id as usize]
    }

    pub fn len(&self) -> usize {
        self.value.len()
    }

    pub fn is_empty(&self) -> bool {
        self.value.is_empty()
    }

    pub fn indicator(&self, id: &str) -> Option<&Indicator> {
        self.indicator_ids
            .get(id)
            .map(|&i| &self.indicators[i as usize])
    }

    /// Appends a row whose indicator is known. Call [`Store::build_index`] after the last.
    pub fn push(&mut self, o: &Observation) -> bool {
        let Some(&indicator) = self.indicator_ids.get(&o.indicator) else {
            return false;
        };
        self.push_fields(RowFields {
            indicator,
            period: o.period,
            group_type: &o.group_type,
            group: &o.group,
            value: o.value,
            lower: o.lower,
            upper: o.upper,
            sample_size: o.sample_size,
            flags: &o.flags,
            source: &o.source,
            source_url: &o.source_url,
            read_at: &o.read_at,
            note: &o.note,
        });
        true
    }

    /// Appends a row from borrowed fields (the parser's path: no allocation per row).
    pub fn push_fields(&mut self, f: RowFields<'_>) {
        let gt = self.intern(f.group_type);
        let g = self.intern(f.group);
        self.push_interned(f, gt, g);
    }

    /// As [`Store::push_fields`], with the group type and group already interned.
    pub fn push_interned(&mut self, f: RowFields<'_>, gt: u32, g: u32) {
        let flags = self.intern(f.flags);
        let source = self.intern(f.source);
        let source_url = self.intern(f.source_url);
        let read_at = self.intern(f.read_at);
        let note = self.intern(f.note);
        self.indicator.push(f.indicator);
        self.period.push(f.period);
        self.group_type.push(gt);
        self.group.push(g);
        self.value.push(f.value.unwrap_or(f64::NAN));
        self.lower.push(f.lower.unwrap_or(f64::NAN));
        self.upper.push(f.upper.unwrap_or(f64::NAN));
        self.sample_size.push(f.sample_size.unwrap_or(NO_SAMPLE));
        self.flags.push(flags);
        self.source.push(source);
        self.source_url.push(source_url);
        self.read_at.push(read_at);
        self.note.push(note);
    }

    /// Builds the series index; rows of each series in period order.
    pub fn build_index(&mut self) {
        let mut series: HashMap<SeriesKey, Vec<u32>> = HashMap::default();
        for row in 0..self.len() {
            let key = SeriesKey {
                indicator: self.indicator[row],
                group_type: self.group_type[row],
                group: self.group[row],
            };
            series.entry(key).or_default().push(row as u32);
        }
        let mut list: Vec<(SeriesKey, Vec<u32>)> = series.into_iter().collect();
        crate::core::order::sort_by_key(&mut list, |(k, _)| (k.indicator, k.group_type, k.group));
        let mut by_indicator = vec![Vec::new(); self.indicators.len()];
        let mut index = HashMap::default();
        for (i, (key, rows)) in list.iter_mut().enumerate() {
            crate::core::order::sort_by_key(rows, |&r| self.period[r as usize].key());
            by_indicator[key.indicator as usize].push(i as u32);
            index.insert(*key, i as u32);
        }
        self.series_list = list;
        self.series = index;
        self.by_indicator = by_indicator;
    }

    /// The rows of one series, in period order.
    pub fn series_rows(&self, key: SeriesKey) -> &[u32] {
        self.series
            .get(&key)
            .map(|&i| self.series_list[i as usize].1.as_slice())
            .unwrap_or(&[])
    }

    /// Every series of an indicator.
    pub fn series_of(&self, indicator: u32) -> impl Iterator<Item = (&SeriesKey, &[u32])> {
        self.by_indicator
            .get(indicator as usize)
            .into_iter()
            .flatten()
            .map(move |&i| {
                let (key, rows) = &self.series_list[i as usize];
                (key, rows.as_slice())
            })
    }

    pub fn key(&self, indicator: &str, group_type: &str, group: &str) -> Option<SeriesKey> {
        Some(SeriesKey {
            indicator: *self.indicator_ids.get(indicator)?,
            group_type: self.string_id(group_type)?,
            group: self.string_id(group)?,
        })
    }

    /// One row back as an [`Observation`].
    /// Every row of the indicators at `indicators` (their positions), series by series.
    pub fn rows_of_indicators(&self, indicators: &[usize]) -> Vec<Observation> {
        indicators
            .iter()
            .flat_map(|&i| self.series_of(i as u32))
            .flat_map(|(_, rows)| rows.iter().map(|&r| self.row(r as usize)))
            .collect()
    }

    /// Where row `row`'s source links.
    pub fn link(&self, row: usize) -> Option<SourceLink<'_>> {
        SourceLink::of(self.str(self.source_url[row]), self.str(self.read_at[row]))
    }

    /// Where an indicator's own source (its `source_name`) links: as its latest row from that
    /// release does, else the indicator's `source_url` as the release.
    pub fn indicator_link(&self, indicator: u32) -> Option<SourceLink<'_>> {
        let ind = self.indicators.get(indicator as usize)?;
        let from_release = self.string_id(&ind.source_name).and_then(|source| {
            self.series_of(indicator)
                .flat_map(|(_, rows)| rows.iter().map(|&r| r as usize))
                .filter(|&r| self.source[r] == source)
                .max_by_key(|&r| self.period[r].key())
        });
        match from_release {
            Some(r) => self.link(r),
            None => SourceLink::of(&ind.source_url, ""),
        }
    }

    pub fn row(&self, row: usize) -> Observation {
        let opt = |v: f64| (!v.is_nan()).then_some(v);
        Observation {
            indicator: self.indicators[self.indicator[row] as usize].id.clone(),
            period: self.period[row],
            group_type: self.str(self.group_type[row]).to_string(),
            group: self.str(self.group[row]).to_string(),
            value: opt(self.value[row]),
            lower: opt(self.lower[row]),
            upper: opt(self.upper[row]),
            sample_size: (self.sample_size[row] != NO_SAMPLE).then_some(self.sample_size[row]),
            flags: self.str(self.flags[row]).to_string(),
            source: self.str(self.source[row]).to_string(),
            source_url: self.str(self.source_url[row]).to_string(),
            read_at: self.str(self.read_at[row]).to_string(),
            note: self.str(self.note[row]).to_string(),
        }
    }
}

/// A value in words a person reads: "20.9%", "8.2 out of 10".
/// A value's number alone: whole numbers without decimals, others to two places at most.
///
/// Written from whole hundredths rather than with `f64`'s formatting, whose code and tables
/// (about 13 KB of wasm) an indicator page's module would otherwise carry for this alone.
/// Exact for every value within ±9e13; "0" rather than "-0" for a negative value that rounds
/// to nothing.
pub fn format_number(value: f64) -> String {
    if !value.is_finite() {
        return if value.is_nan() { "NaN" } else if value > 0.0 { "inf" } else { "-inf" }.to_string();
    }
    let hundredths = if value.fract().abs() < 1e-9 { value.round() * 100.0 } else { (value * 100.0).round() } as i64;
    let (sign, n) = (if hundredths < 0 { "-" } else { "" }, hundredths.unsigned_abs());
    match n % 100 {
        0 => format!("{sign}{}", n / 100),
        c if c % 10 == 0 => format!("{sign}{}.{}", n / 100, c / 10),
        c => format!("{sign}{}.{c:02}", n / 100),
    }
}

/// A value with its unit in English words, for the sentences the core writes. The interface
/// puts units into its own language (`language::value_text`).
pub fn format_value(value: f64, unit: Unit) -> String {
    let v = format_number(value);
    match unit {
        Unit::Percent => format!("{v}%"),
        Unit::MeanScore10 => format!("{v} out of 10"),
        Unit::Ratio => format!("ratio {v}"),
        Unit::Count | Unit::Index => v,
    }
}

#[cfg(test)]
mod format_tests {
    use super::*;

    #[test]
    fn values_read_as_people_say_them() {
        assert_eq!(format_value(20.9, Unit::Percent), "20.9%");
        assert_eq!(format_value(55.0, Unit::Percent), "55%");
        assert_eq!(format_value(8.2, Unit::MeanScore10), "8.2 out of 10");
        assert_eq!(format_value(1.0 / 3.0, Unit::Ratio), "ratio 0.33");
        assert_eq!(format_number(-0.001), "0");
        assert_eq!(format_number(-2.5), "-2.5");
        assert_eq!(format_number(0.1 + 0.2), "0.3");
        assert_eq!(format_number(1234567.006), "1234567.01");
    }

    use proptest::strategy::Strategy;

    proptest::proptest! {
        /// The same words as `f64`'s own formatting of the value rounded to hundredths.
        #[test]
        fn as_floats_format_them(value in proptest::prop_oneof![-9.0e11f64..9.0e11, -1000.0f64..1000.0, (-100_000i64..100_000).prop_map(|n| n as f64 / 100.0)]) {
            let expected = if value.fract().abs() < 1e-9 { format!("{value:.0}") } else { format!("{}", (value * 100.0).round() / 100.0) };
            let expected = if expected == "-0" { "0".to_string() } else { expected };
            proptest::prop_assert_eq!(format_number(value), expected);
        }
    }
}
