//! The Data page's own-data tools, one island: a person's file (chosen or dropped), a
//! workbook's sheet, or a pasted table, read in the browser in slices (with its progress and a
//! way to stop), then the check-and-describe step (what each column is, the totals as
//! everyone, a preview as the app understands it, and what the figures measure), then their
//! measure, kept on this device, with the list of what is kept and a way to forget it. Nothing
//! is uploaded: the reading, describing and building are all `core::owndata`, here.

// What only the browser does (reading a file) uses more than the build's render does.
#![cfg_attr(not(feature = "hydrate"), allow(unused_imports, dead_code))]

use std::sync::Arc;

use leptos::prelude::*;

use crate::components::downloads::DataDownloads;
use crate::core::error::DataErrors;
use crate::core::indicators::{Direction, Indicator, Unit};
use crate::core::owndata::describe::{build, guess, measure_id, missing, preview, values, Description, Missing, Role};
use crate::core::owndata::grid::NotATable;
use crate::core::owndata::table::{Cells, Labels, Layout, Table};
use crate::language::{period_text, t, t_string, ts, unit_name, use_i18n, value_text, I18n};
use crate::yours::use_yours;

/// Where the file is an example of every shape's columns (made-up figures, labelled so).
pub const EXAMPLE: &str = "data/examples/illustrative-welcome.csv";

/// Why a file could not be read as a table, to be said in a plain sentence.
#[derive(Clone, Debug, PartialEq)]
pub enum Refusal {
    Empty,
    Pdf,
    Image,
    Binary,
    Markup,
    Json,
    NotAWorkbook(String),
    NoTableInSheet(String),
    OneColumn(String),
    NoNumbers(Vec<String>),
    /// Could not be read at all (too large, the browser failed): the message, in English.
    Unreadable(String),
}

/// What the tools are doing.
#[derive(Clone)]
enum Phase {
    Idle,
    Reading { name: String, percent: u32 },
    Workbook { name: String, bytes: Arc<Vec<u8>>, sheets: Vec<crate::core::owndata::workbook_sheet::Sheet> },
    Refused { name: String, why: Refusal },
    Cancelled(String),
    Describing,
}

/// The tools, drawn and run by the whole-page module (the build writes them as they first
/// are; the Data page's island hands the person's first file or paste to the whole-page
/// module, which draws them afresh: `components::your_data_island`).
#[component]
pub fn YourData() -> impl IntoView {
    let i18n = use_i18n();
    let phase = RwSignal::new(Phase::Idle);
    // The table being described, and what the person says of it.
    let table: StoredValue<Option<Arc<Table>>> = StoredValue::new(None);
    let read_problems = RwSignal::new(DataErrors::default());
    let description = RwSignal::new(None::<Description>);
    let outcome = RwSignal::new(None::<Outcome>);
    let stop = StoredValue::new(false);
    let paste = NodeRef::<leptos::html::Textarea>::new();
    let owner = StoredValue::new(Owner::current().unwrap_or_default());
    let tools = Tools { phase, table, read_problems, description, outcome, stop, owner };
    // What the person gave the page before these tools were drawn (see `hand_over`).
    #[cfg(feature = "hydrate")]
    Effect::new(move |_| match HANDED.with(|h| h.borrow_mut().take()) {
        Some(Handed::File(file)) => tools.take_file(file),
        Some(Handed::Text(text)) => {
            if let Some(area) = paste.get_untracked() {
                area.set_value(&text);
            }
            tools.take_text(t_string!(i18n, yours.pasted).to_string(), text);
        }
        None => {}
    });

    let on_change = move |ev: leptos::ev::Event| {
        #[cfg(feature = "hydrate")]
        {
            use wasm_bindgen::JsCast;
            let input: web_sys::HtmlInputElement = ev.target().expect("a target").unchecked_into();
            if let Some(file) = input.files().and_then(|f| f.get(0)) {
                tools.take_file(file);
            }
            input.set_value("");
        }
        #[cfg(not(feature = "hydrate"))]
        let _ = ev;
    };
    let on_drop = move |ev: leptos::ev::DragEvent| {
        ev.prevent_default();
        #[cfg(feature = "hydrate")]
        if let Some(file) = ev.data_transfer().and_then(|d| d.files()).and_then(|f| f.get(0)) {
            tools.take_file(file);
        }
    };
    let read_paste = move |_| {
        #[cfg(feature = "hydrate")]
        if let Some(area) = paste.get_untracked() {
            let text = area.value();
            tools.take_text(t_string!(i18n, yours.pasted).to_string(), text);
        }
    };
    view! {
        <section class="panel your-data" aria-labelledby="yours-heading">
            <h2 id="yours-heading">{t!(i18n, yours.title)}</h2>
            <p>{t!(i18n, yours.intro)}</p>
            <div class="drop-zone" on:dragover=|ev: leptos::ev::DragEvent| ev.prevent_default() on:drop=on_drop>
                <label class="button file-button">
                    {t!(i18n, yours.choose)}
                    <input type="file" class="visually-hidden"
                        accept=".csv,.tsv,.txt,.json,.xlsx,.xls,.ods,text/csv,text/tab-separated-values,application/json"
                        on:change=on_change />
                </label>
                <span class="drop-hint">{t!(i18n, yours.drop)}</span>
            </div>
            <label class="paste" for="yours-paste">{t!(i18n, yours.paste_label)}</label>
            <textarea id="yours-paste" class="paste-box" rows="4" node_ref=paste spellcheck="false"></textarea>
            <p><button type="button" class="button secondary paste-read" on:click=read_paste>{t!(i18n, yours.paste_read)}</button></p>
            <div role="status" class="status">{move || status_view(i18n, tools)}</div>
            {move || matches!(phase.get(), Phase::Describing).then(|| view! { <Describe tools /> })}
            {move || outcome.get().map(|o| outcome_view(i18n, o))}
        </section>
        <KeptList />
    }
}

/// A file or a paste the person gave the page before the tools were drawn.
#[cfg(feature = "hydrate")]
pub enum Handed {
    File(web_sys::File),
    Text(String),
}

#[cfg(feature = "hydrate")]
thread_local! {
    static HANDED: std::cell::RefCell<Option<Handed>> = const { std::cell::RefCell::new(None) };
}

/// Gives the tools about to be drawn what the person gave the page (read once they are).
#[cfg(feature = "hydrate")]
pub fn hand_over(handed: Handed) {
    HANDED.with(|h| *h.borrow_mut() = Some(handed));
}

/// The tools' state, passed to what draws it (all `Copy`).
#[derive(Clone, Copy)]
struct Tools {
    phase: RwSignal<Phase>,
    table: StoredValue<Option<Arc<Table>>>,
    read_problems: RwSignal<DataErrors>,
    description: RwSignal<Option<Description>>,
    outcome: RwSignal<Option<Outcome>>,
    stop: StoredValue<bool>,
    /// The tools' owner: the reading, which awaits, runs under it, so it finds the page's
    /// contexts (the data, the person's measures) whatever starts it.
    owner: StoredValue<Owner>,
}

/// What showing a measure came to.
#[derive(Clone, PartialEq)]
struct Outcome {
    title: String,
    count: usize,
    /// The page to open: the measure's own, or the shipped indicator's it is attached to.
    page: String,
    attached: bool,
    problems: DataErrors,
    key: String,
}

#[cfg(feature = "hydrate")]
impl Tools {
    /// Runs `task` under the tools' owner.
    fn spawn(self, task: impl std::future::Future<Output = ()> + 'static) {
        self.owner.get_value().with(|| leptos::task::spawn_local_scoped(task));
    }

    fn reset(&self) {
        self.stop.set_value(false);
        self.table.set_value(None);
        self.description.set(None);
        self.outcome.set(None);
        self.read_problems.set(DataErrors::default());
    }

    /// A file the person chose or dropped.
    fn take_file(self, file: web_sys::File) {
        use crate::core::owndata::sniff::{sniff, Sniffed};
        self.reset();
        let name = file.name();
        if let Some(error) = crate::core::indicators::parse::too_large(&name, file.size()) {
            self.phase.set(Phase::Refused { name, why: Refusal::Unreadable(error.message) });
            return;
        }
        self.phase.set(Phase::Reading { name: name.clone(), percent: 0 });
        self.spawn(async move {
            let bytes = match crate::fetch::read_file(&file).await {
                Ok(b) => b,
                Err(e) => return self.phase.set(Phase::Refused { name, why: Refusal::Unreadable(e) }),
            };
            let refuse = |why| self.phase.set(Phase::Refused { name: name.clone(), why });
            match sniff(&bytes) {
                Sniffed::Empty => refuse(Refusal::Empty),
                Sniffed::Pdf => refuse(Refusal::Pdf),
                Sniffed::Image => refuse(Refusal::Image),
                Sniffed::Binary => refuse(Refusal::Binary),
                Sniffed::Markup => refuse(Refusal::Markup),
                Sniffed::Json => self.take_package(name.clone(), bytes).await,
                Sniffed::Workbook => self.open_workbook(name.clone(), Arc::new(bytes)).await,
                Sniffed::Text => {
                    let (text, _) = crate::core::owndata::decode::decode(&bytes);
                    drop(bytes);
                    self.read(name.clone(), Source::Text(text)).await;
                }
            }
        });
    }

    /// A table pasted into the box.
    fn take_text(self, name: String, text: String) {
        self.reset();
        if text.trim().is_empty() {
            self.phase.set(Phase::Refused { name, why: Refusal::Empty });
            return;
        }
        self.spawn(async move { self.read(name, Source::Text(text)).await });
    }

    /// A Data Package as this explorer downloads it: its figures, as they were.
    async fn take_package(self, name: String, bytes: Vec<u8>) {
        let Ok(shipped) = crate::data::use_data().indicators.wait().await else {
            return self.phase.set(Phase::Refused { name, why: Refusal::Unreadable("the indicator definitions could not be loaded".into()) });
        };
        let read = crate::core::indicators::export::read_data_package(&name, &bytes, shipped.store.indicators.clone());
        if read.store.is_empty() && !read.errors.is_empty() && !crate::core::indicators::export::looks_like_data_package(&bytes) {
            return self.phase.set(Phase::Refused { name, why: Refusal::Json });
        }
        let notes = crate::core::indicators::export::package_description(&bytes);
        self.show_ours(name, read, &shipped.store.indicators, &notes);
    }

    /// What one of the app's own formats holds, shown as the person's measures.
    fn show_ours(self, name: String, read: crate::core::indicators::parse::ObservationsRead, shipped: &[Indicator], notes: &str) {
        let measures = crate::core::owndata::measures::measures_of(&read.store, &name, shipped, notes);
        if measures.is_empty() {
            let problems = read.errors.clone();
            self.phase.set(Phase::Idle);
            self.outcome.set(Some(Outcome { title: name, count: 0, page: String::new(), attached: false, problems, key: String::new() }));
            return;
        }
        let first = &measures[0];
        let outcome = Outcome {
            title: first.indicator.title.clone(),
            count: measures.iter().map(|m| m.rows.len()).sum(),
            page: format!("/indicators/{}", crate::core::links::encode(&first.indicator.id)),
            attached: first.attached,
            problems: read.errors,
            key: first.key(),
        };
        crate::yours::add(measures);
        self.phase.set(Phase::Idle);
        self.outcome.set(Some(outcome));
    }

    /// A workbook: its sheets, read off the page's thread by the workbook module.
    async fn open_workbook(self, name: String, bytes: Arc<Vec<u8>>) {
        match crate::workbook::sheets(&bytes).await {
            Ok(sheets) if sheets.len() == 1 => {
                let sheet = sheets[0].name.clone();
                self.read_sheet(name, bytes, sheet).await
            }
            Ok(sheets) => self.phase.set(Phase::Workbook { name, bytes, sheets }),
            Err(e) => self.phase.set(Phase::Refused { name, why: Refusal::NotAWorkbook(e) }),
        }
    }

    async fn read_sheet(self, name: String, bytes: Arc<Vec<u8>>, sheet: String) {
        self.phase.set(Phase::Reading { name: name.clone(), percent: 0 });
        match crate::workbook::cells(&bytes, &sheet).await {
            Ok(rows) => self.read(name, Source::Sheet(sheet, rows)).await,
            Err(e) => self.phase.set(Phase::Refused { name, why: Refusal::NotAWorkbook(e) }),
        }
    }

    /// Reads a table in slices, a task each, with its progress, until done or stopped.
    async fn read(self, name: String, source: Source) {
        use crate::core::owndata::pace::{Pace, SLICE_MS};
        use crate::core::owndata::reading::{Ours, Outcome as Read, Reading, Step};
        let sheet = match &source {
            Source::Sheet(sheet, _) => Some(sheet.clone()),
            Source::Text(_) => None,
        };
        let mut reading = match source {
            Source::Text(text) => Reading::text(&name, Arc::from(text), None),
            Source::Sheet(_, rows) => Reading::grid(&name, rows),
        };
        let now = || window().performance().map_or(0.0, |p| p.now());
        let mut pace = Pace::new(SLICE_MS);
        let read = loop {
            let started = now();
            let step = reading.step(pace.records());
            pace.took(now() - started);
            match step {
                Step::Done(read) => break read,
                Step::Reading { done, total } => {
                    let percent = if total == 0 { 0 } else { (done * 100 / total) as u32 };
                    self.phase.set(Phase::Reading { name: name.clone(), percent });
                }
            }
            crate::next_task::next_task().await;
            if self.stop.get_value() {
                self.phase.set(Phase::Cancelled(name));
                return;
            }
        };
        match read {
            Read::Table { table, problems } => {
                let d = guess(&table);
                self.read_problems.set(problems);
                self.table.set_value(Some(Arc::new(table)));
                self.description.set(Some(d));
                self.phase.set(Phase::Describing);
            }
            Read::NotATable(why) => {
                let why = match (why, sheet) {
                    (NotATable::Empty, Some(sheet)) | (NotATable::OneColumn(_), Some(sheet)) => Refusal::NoTableInSheet(sheet),
                    (NotATable::Empty, None) => Refusal::Empty,
                    (NotATable::OneColumn(lines), None) => Refusal::OneColumn(lines.join(" ")),
                    (NotATable::NoNumbers(columns), _) => Refusal::NoNumbers(columns),
                };
                self.phase.set(Phase::Refused { name, why });
            }
            Read::Ours(kind) => {
                let Ok(shipped) = crate::data::use_data().indicators.wait().await else {
                    return self.phase.set(Phase::Refused { name, why: Refusal::Unreadable("the indicator definitions could not be loaded".into()) });
                };
                let bytes = reading.into_text();
                let indicators = shipped.store.indicators.clone();
                let (read, notes) = match kind {
                    Ours::Observations => (crate::core::indicators::parse::read_observations(&name, bytes.as_bytes(), indicators), String::new()),
                    Ours::Sdmx => crate::core::indicators::sdmx::read_ours(&name, bytes.as_bytes(), indicators),
                };
                self.show_ours(name, read, &shipped.store.indicators, &notes);
            }
        }
    }

    /// Builds the measure described, shows it and keeps it.
    fn show(self) {
        let (Some(table), Some(d)) = (self.table.get_value(), self.description.get_untracked()) else { return };
        let yours = use_yours();
        let shipped = crate::data::use_data().indicators.peek();
        let attach = d.attach_to.as_ref().and_then(|id| shipped.as_ref().and_then(|s| s.store.indicator(id).cloned()));
        let taken: Vec<String> = yours.measures.with_untracked(|m| m.iter().map(|m| m.indicator.id.clone()).collect());
        let taken: Vec<String> = taken.into_iter().filter(|id| *id != measure_id(&d.title, &[])).collect();
        let id = measure_id(&d.title, &taken);
        let built = build(&table, &d, &id, attach.as_ref());
        let measure = built.measure;
        let outcome = Outcome {
            title: measure.indicator.title.clone(),
            count: measure.rows.len(),
            page: format!("/indicators/{}", crate::core::links::encode(&measure.indicator.id)),
            attached: measure.attached,
            problems: built.problems,
            key: measure.key(),
        };
        if !measure.rows.is_empty() {
            crate::yours::add(vec![measure]);
        }
        self.outcome.set(Some(outcome));
    }
}

/// Where a table's rows come from.
#[cfg(feature = "hydrate")]
enum Source {
    Text(String),
    Sheet(String, Vec<Vec<String>>),
}

fn status_view(i18n: I18n, tools: Tools) -> Option<AnyView> {
    Some(match tools.phase.get() {
        Phase::Idle | Phase::Describing => return None,
        Phase::Reading { name, percent } => view! {
            <p>{t_string!(i18n, yours.reading, name = name.clone(), percent = percent).to_string()}</p>
            <progress max="100" value=percent aria-label=t_string!(i18n, yours.reading, name = name, percent = percent).to_string()></progress>
            <button type="button" class="button secondary" on:click=move |_| tools.stop.set_value(true)>{t!(i18n, yours.cancel)}</button>
        }
        .into_any(),
        Phase::Cancelled(name) => view! { <p>{t_string!(i18n, yours.cancelled, name = name).to_string()}</p> }.into_any(),
        Phase::Refused { name, why } => view! { <Refused name why /> }.into_any(),
        Phase::Workbook { name, bytes, sheets } => view! { <SheetChoice tools name bytes sheets /> }.into_any(),
    })
}

/// One plain sentence for a file the app cannot read as a table, what it takes, and an
/// example file.
#[component]
fn Refused(name: String, why: Refusal) -> impl IntoView {
    let i18n = use_i18n();
    let n = name.clone();
    let sentence = match why {
        Refusal::Empty => t_string!(i18n, yours.empty, name = n).to_string(),
        Refusal::Pdf => t_string!(i18n, yours.pdf, name = n).to_string(),
        Refusal::Image => t_string!(i18n, yours.image, name = n).to_string(),
        Refusal::Binary => t_string!(i18n, yours.binary, name = n).to_string(),
        Refusal::Markup => t_string!(i18n, yours.markup, name = n).to_string(),
        Refusal::Json => t_string!(i18n, yours.json, name = n).to_string(),
        Refusal::NotAWorkbook(e) => t_string!(i18n, yours.not_workbook, name = n, error = e).to_string(),
        Refusal::NoTableInSheet(sheet) => t_string!(i18n, yours.no_table_sheet, sheet = sheet).to_string(),
        Refusal::OneColumn(start) => t_string!(i18n, yours.one_column, name = n, start = crate::core::text::shorten(&start, 80)).to_string(),
        Refusal::NoNumbers(columns) => t_string!(i18n, yours.no_numbers, name = n, columns = columns.join(", ")).to_string(),
        Refusal::Unreadable(e) => t_string!(i18n, yours.unreadable, name = n, error = e).to_string(),
    };
    view! {
        <div class="panel error" role="alert">
            <p>{sentence}</p>
            <p>{t!(i18n, yours.shapes)}</p>
            <ul>
                <li>{t!(i18n, yours.shape_sdmx)}</li>
                <li>{t!(i18n, yours.shape_infoshare)}</li>
                <li>{t!(i18n, yours.shape_tidy)}</li>
                <li>{t!(i18n, yours.shape_wide)}</li>
                <li>{t!(i18n, yours.shape_workbook)}</li>
                <li>{t!(i18n, yours.shape_paste)}</li>
            </ul>
            <p><a href=EXAMPLE download="illustrative-welcome.csv">{t!(i18n, yours.example)}</a></p>
        </div>
    }
}

#[component]
fn SheetChoice(
    tools: Tools,
    name: String,
    bytes: Arc<Vec<u8>>,
    sheets: Vec<crate::core::owndata::workbook_sheet::Sheet>,
) -> impl IntoView {
    let i18n = use_i18n();
    let likely = crate::core::owndata::workbook_sheet::likely_sheet(&sheets).map(|s| s.name.clone()).unwrap_or_default();
    let chosen = RwSignal::new(likely.clone());
    let count = sheets.len();
    let options = sheets
        .into_iter()
        .map(|s| {
            let selected = s.name == likely;
            let label = t_string!(i18n, yours.sheet_rows, sheet = s.name.clone(), rows = s.rows).to_string();
            view! { <option value=s.name.clone() selected=selected>{label}</option> }
        })
        .collect_view();
    let intro = t_string!(i18n, yours.sheet_intro, name = name.clone(), count = count).to_string();
    let read = move |_| {
        #[cfg(feature = "hydrate")]
        {
            let (name, bytes) = (name.clone(), bytes.clone());
            tools.spawn(async move { tools.read_sheet(name, bytes, chosen.get_untracked()).await });
        }
        #[cfg(not(feature = "hydrate"))]
        let _ = (&name, &bytes, tools);
    };
    view! {
        <p>{intro}</p>
        <label class="filter" for="yours-sheet"><span>{t!(i18n, yours.sheet)}</span>
            <select id="yours-sheet" on:change=move |ev| chosen.set(event_target_value(&ev))>{options}</select>
        </label>
        <button type="button" class="button" on:click=read>{t!(i18n, yours.sheet_read)}</button>
    }
}

fn layout_words(i18n: I18n, layout: Layout) -> String {
    match layout {
        Layout::Sdmx(Labels::Codes) => t_string!(i18n, yours.layout_sdmx_codes),
        Layout::Sdmx(Labels::Names) => t_string!(i18n, yours.layout_sdmx_names),
        Layout::Sdmx(Labels::Both) => t_string!(i18n, yours.layout_sdmx_both),
        Layout::Infoshare => t_string!(i18n, yours.layout_infoshare),
        Layout::Tidy => t_string!(i18n, yours.layout_tidy),
        Layout::PeriodsAcross => t_string!(i18n, yours.layout_across),
        Layout::PeriodsDown => t_string!(i18n, yours.layout_down),
    }
    .to_string()
}

/// The errors, listed with where they are (in English, as every data error is).
fn error_list(i18n: I18n, errors: &DataErrors) -> impl IntoView {
    let items = errors.errors.iter().map(|e| view! { <li><code>{e.to_string()}</code></li> }).collect_view();
    let more = errors.more;
    view! {
        <ul class="error-list" lang="en">{items}</ul>
        {(more > 0).then(|| view! { <p>{t_string!(i18n, yours.more, count = more).to_string()}</p> })}
    }
}

/// The check-and-describe step.
#[component]
fn Describe(tools: Tools) -> impl IntoView {
    let i18n = use_i18n();
    let Some(table) = tools.table.get_value() else { return ().into_any() };
    let d = tools.description;
    let problems = tools.read_problems.get_untracked();
    let summary = t_string!(i18n, yours.read_as, file = table.file.clone(), rows = table.rows(), layout = layout_words(i18n, table.layout)).to_string();
    let change = move |f: Box<dyn FnOnce(&mut Description)>| d.update(|d| if let Some(d) = d { f(d) });
    let columns = table
        .columns
        .iter()
        .enumerate()
        .map(|(i, column)| column_row(i18n, &table, i, column, d))
        .collect_view();
    // The group column's values, for "which is everyone".
    let group_table = table.clone();
    let everyone = move || {
        let group = d.with(|d| d.as_ref().and_then(|d| d.roles.iter().position(|r| *r == Role::Group)))?;
        let vals = values(&group_table.columns[group]);
        let current = d.with(|d| d.as_ref().and_then(|d| d.everyone.clone()));
        let options = vals
            .into_iter()
            .map(|v| {
                let selected = current.as_deref() == Some(v.code.as_str());
                view! { <option value=v.code.clone() selected=selected lang="en">{v.label}</option> }
            })
            .collect_view();
        Some(view! {
            <label class="filter" for="yours-everyone"><span>{t!(i18n, yours.everyone)}</span>
                <select id="yours-everyone" on:change=move |ev| {
                    let v = event_target_value(&ev);
                    change(Box::new(move |d| d.everyone = (!v.is_empty()).then_some(v)));
                }>
                    <option value="" selected=current.is_none()>{t!(i18n, yours.nobody)}</option>
                    {options}
                </select>
            </label>
            <label class="filter" for="yours-groups-are"><span>{t!(i18n, yours.groups_are)}</span>
                <input id="yours-groups-are" type="text" prop:value=move || d.with(|d| d.as_ref().map(|d| d.groups_are.clone()).unwrap_or_default())
                    on:input=move |ev| { let v = event_target_value(&ev); change(Box::new(move |d| d.groups_are = v)); } />
            </label>
        })
    };
    let preview_table = table.clone();
    let shown = move || {
        let d = d.get()?;
        let rows = preview(&preview_table, &d, 12);
        let unit = d.unit;
        let body = rows
            .iter()
            .map(|o| {
                let value = o.value.map(|v| value_text(i18n, v, unit)).unwrap_or_else(|| t_string!(i18n, indicator.gap).to_string());
                let group = if o.group_type == "total" { t_string!(i18n, yours.total_mark).to_string() } else { o.group.clone() };
                view! { <tr><td>{period_text(i18n, o.period)}</td><td lang="en">{group}</td><td class="num">{value}</td><td lang="en">{o.note.clone()}</td></tr> }
            })
            .collect_view();
        Some(view! {
            <div class="table-scroll" role="region" aria-label=ts!(i18n, yours.preview_heading) tabindex="0">
                <table class="data-table">
                    <caption>{t_string!(i18n, yours.preview_caption, shown = rows.len()).to_string()}</caption>
                    <thead><tr><th scope="col">{t!(i18n, indicator.period)}</th><th scope="col">{t!(i18n, indicator.group)}</th><th scope="col">{t!(i18n, indicator.value)}</th><th scope="col">{t!(i18n, yours.notes)}</th></tr></thead>
                    <tbody>{body}</tbody>
                </table>
            </div>
        })
    };
    let needs = move || {
        let missing = d.with(|d| d.as_ref().map(missing).unwrap_or_default());
        (!missing.is_empty()).then(|| {
            let items = missing
                .into_iter()
                .map(|m| {
                    let text = match m {
                        Missing::Period => t_string!(i18n, yours.missing_period),
                        Missing::Value => t_string!(i18n, yours.missing_value),
                        Missing::TwoGroupColumns => t_string!(i18n, yours.missing_groups),
                        Missing::Title => t_string!(i18n, yours.missing_title),
                    };
                    view! { <li>{text.to_string()}</li> }
                })
                .collect_view();
            view! { <ul class="missing" role="alert">{items}</ul> }
        })
    };
    let ready = move || d.with(|d| d.as_ref().is_some_and(|d| missing(d).is_empty()));
    view! {
        <section class="describe" aria-labelledby="describe-heading">
            <h3 id="describe-heading">{t!(i18n, yours.describe_heading)}</h3>
            <p>{summary}</p>
            {(!problems.is_empty()).then(|| view! {
                <div class="panel warning">
                    <p>{t_string!(i18n, yours.read_problems, count = problems.len()).to_string()}</p>
                    {error_list(i18n, &problems)}
                </div>
            })}
            <h4>{t!(i18n, yours.columns_heading)}</h4>
            <div class="table-scroll" role="region" aria-label=ts!(i18n, yours.columns_heading) tabindex="0">
                <table class="data-table roles">
                    <thead><tr><th scope="col">{t!(i18n, yours.column)}</th><th scope="col">{t!(i18n, yours.examples)}</th><th scope="col">{t!(i18n, yours.role)}</th></tr></thead>
                    <tbody>{columns}</tbody>
                </table>
            </div>
            <div class="describe-groups">{everyone}</div>
            <h4>{t!(i18n, yours.preview_heading)}</h4>
            {shown}
            <h4>{t!(i18n, yours.what_heading)}</h4>
            <MeasureForm description=d />
            {needs}
            <p><button type="button" class="button" disabled=move || !ready() on:click=move |_| {
                #[cfg(feature = "hydrate")]
                tools.show();
            }>{t!(i18n, yours.show)}</button></p>
        </section>
    }
    .into_any()
}

/// A column's row in the roles table: its name, a few of its values, and its role.
fn column_row(i18n: I18n, table: &Table, i: usize, column: &crate::core::owndata::table::Column, d: RwSignal<Option<Description>>) -> impl IntoView {
    let examples = match &column.cells {
        Cells::Codes { .. } => values(column).into_iter().take(3).map(|v| v.label).collect::<Vec<_>>().join(", "),
        Cells::Numbers { .. } => (0..table.rows().min(3)).map(|r| column.text(r)).collect::<Vec<_>>().join(", "),
    };
    let dims = values(column);
    let can_hold = dims.len() > 1;
    let role = Memo::new(move |_| d.with(|d| d.as_ref().map(|d| d.roles[i].clone()).unwrap_or(Role::Ignore)));
    let key = |r: &Role| match r {
        Role::Period => "period",
        Role::Group => "group",
        Role::GroupKind => "kind",
        Role::Value => "value",
        Role::Filter(_) => "filter",
        Role::Lower => "lower",
        Role::Upper => "upper",
        Role::Status => "status",
        Role::Ignore => "ignore",
    };
    let first_total = dims.iter().find(|v| v.total).or(dims.first()).map(|v| v.code.clone()).unwrap_or_default();
    let set_role = move |ev: leptos::ev::Event| {
        let v = event_target_value(&ev);
        let first = first_total.clone();
        d.update(|d| {
            if let Some(d) = d {
                d.roles[i] = match v.as_str() {
                    "period" => Role::Period,
                    "group" => Role::Group,
                    "kind" => Role::GroupKind,
                    "value" => Role::Value,
                    "filter" => Role::Filter(first),
                    "lower" => Role::Lower,
                    "upper" => Role::Upper,
                    "status" => Role::Status,
                    _ => Role::Ignore,
                };
            }
        });
    };
    let choices: Vec<(&'static str, String)> = [
        ("period", t_string!(i18n, yours.role_period).to_string()),
        ("group", t_string!(i18n, yours.role_group).to_string()),
        ("kind", t_string!(i18n, yours.role_kind).to_string()),
        ("value", t_string!(i18n, yours.role_value).to_string()),
        ("filter", t_string!(i18n, yours.role_filter).to_string()),
        ("lower", t_string!(i18n, yours.role_lower).to_string()),
        ("upper", t_string!(i18n, yours.role_upper).to_string()),
        ("status", t_string!(i18n, yours.role_status).to_string()),
        ("ignore", t_string!(i18n, yours.role_ignore).to_string()),
    ]
    .into_iter()
    .filter(|(k, _)| *k != "filter" || can_hold)
    .collect();
    let select_id = format!("yours-role-{i}");
    let hold_id = format!("yours-hold-{i}");
    let name = column.name.clone();
    let hold_label = t_string!(i18n, yours.hold_to, column = name.clone()).to_string();
    let total_mark = t_string!(i18n, yours.total_mark).to_string();
    let hold = move || {
        let Role::Filter(code) = role.get() else { return None };
        let options = dims
            .iter()
            .map(|v| {
                let label = if v.total { format!("{} {total_mark}", v.label) } else { v.label.clone() };
                view! { <option value=v.code.clone() selected=v.code == code lang="en">{label}</option> }
            })
            .collect_view();
        Some(view! {
            <select id=hold_id.clone() aria-label=hold_label.clone() on:change=move |ev| {
                let v = event_target_value(&ev);
                d.update(|d| if let Some(d) = d { d.roles[i] = Role::Filter(v) });
            }>{options}</select>
        })
    };
    view! {
        <tr>
            <th scope="row" lang="en"><label for=select_id.clone()>{name}</label></th>
            <td lang="en">{examples}</td>
            <td>
                <select id=select_id on:change=set_role>
                    {choices.into_iter().map(|(k, text)| view! { <option value=k selected=move || key(&role.get()) == k>{text}</option> }).collect_view()}
                </select>
                {hold}
            </td>
        </tr>
    }
}

/// Which of the description's lists a box is in.
#[derive(Clone, Copy)]
enum Speaks {
    Dimensions,
    Nodes,
}

impl Speaks {
    fn of(self, d: &Description) -> &Vec<String> {
        match self {
            Speaks::Dimensions => &d.dimensions,
            Speaks::Nodes => &d.nodes,
        }
    }

    fn of_mut(self, d: &mut Description) -> &mut Vec<String> {
        match self {
            Speaks::Dimensions => &mut d.dimensions,
            Speaks::Nodes => &mut d.nodes,
        }
    }
}

/// A box ticked when `id` is in one of the description's lists (the dimensions or framework
/// parts it speaks to), which ticking and unticking change.
fn tick(d: RwSignal<Option<Description>>, id: String, list: Speaks, label: String) -> impl IntoView {
    let on = {
        let id = id.clone();
        move || d.with(|d| d.as_ref().is_some_and(|d| list.of(d).contains(&id)))
    };
    view! {
        <label class="check">
            <input type="checkbox" prop:checked=on on:change=move |ev| {
                let checked = event_target_checked(&ev);
                let id = id.clone();
                d.update(|d| if let Some(d) = d {
                    list.of_mut(d).retain(|x| *x != id);
                    if checked { list.of_mut(d).push(id); }
                });
            } />
            <span lang="en">{label}</span>
        </label>
    }
}

/// What the figures measure: their title, unit, direction and source, the dimensions and
/// framework parts they speak to; or the shipped indicator they are figures for.
#[component]
fn MeasureForm(description: RwSignal<Option<Description>>) -> impl IntoView {
    let i18n = use_i18n();
    let d = description;
    let get = move |f: fn(&Description) -> String| move || d.with(|d| d.as_ref().map(f).unwrap_or_default());
    let set = move |f: fn(&mut Description, String)| move |ev: leptos::ev::Event| {
        let v = event_target_value(&ev);
        d.update(|d| if let Some(d) = d { f(d, v) });
    };
    let attached = Memo::new(move |_| d.with(|d| d.as_ref().is_some_and(|d| d.attach_to.is_some())));
    let shipped = crate::data::use_data().indicators;
    let atlas = crate::data::use_data().atlas;
    let first_shipped = shipped.clone();
    let indicators = move || {
        let list: Vec<(String, String)> = shipped.get().and_then(|r| r.ok()).map(|s| s.store.indicators.iter().map(|i| (i.id.clone(), i.title.clone())).collect()).unwrap_or_default();
        let current = d.with(|d| d.as_ref().and_then(|d| d.attach_to.clone()));
        list.into_iter()
            .map(|(id, title)| {
                let selected = current.as_deref() == Some(id.as_str());
                view! { <option value=id selected=selected lang="en">{title}</option> }
            })
            .collect_view()
    };
    let first_indicator = move || first_shipped.peek().and_then(|s| s.store.indicators.first().map(|i| i.id.clone()));
    let units = [Unit::Percent, Unit::MeanScore10, Unit::Count, Unit::Index, Unit::Ratio];
    let directions = [
        (Direction::HigherIsBetter, t_string!(i18n, yours.higher).to_string()),
        (Direction::LowerIsBetter, t_string!(i18n, yours.lower).to_string()),
        (Direction::Neutral, t_string!(i18n, yours.neither).to_string()),
    ];
    let choices = move || {
        let Some(Ok(atlas)) = atlas.get() else { return None };
        let dimensions = atlas
            .dimensions()
            .into_iter()
            .map(|n| tick(d, n.id.clone(), Speaks::Dimensions, n.label.clone()))
            .collect_view();
        let parts = atlas
            .frameworks
            .iter()
            .filter(|f| f.nodes.iter().all(|n| n.kind != "dimension"))
            .map(|f| {
                let boxes = f
                    .nodes
                    .iter()
                    .map(|n| tick(d, n.id.clone(), Speaks::Nodes, crate::core::text::shorten(&n.display_name(), 90)))
                    .collect_view();
                view! { <details><summary lang="en">{f.short_title.clone()}</summary>{boxes}</details> }
            })
            .collect_view();
        Some(view! {
            <fieldset class="group-picker"><legend>{t!(i18n, yours.speaks_to)}</legend>{dimensions}</fieldset>
            <fieldset class="parts"><legend>{t!(i18n, yours.parts)}</legend>{parts}</fieldset>
        })
    };
    view! {
        <fieldset class="segmented">
            <legend>{t!(i18n, yours.these_are)}</legend>
            <label class="segment"><input type="radio" name="yours-kind" prop:checked=move || !attached.get()
                on:change=move |_| d.update(|d| if let Some(d) = d { d.attach_to = None }) /><span>{t!(i18n, yours.own)}</span></label>
            <label class="segment"><input type="radio" name="yours-kind" prop:checked=move || attached.get()
                on:change=move |_| { let first = first_indicator(); d.update(|d| if let Some(d) = d { d.attach_to = first }) } /><span>{t!(i18n, yours.attach)}</span></label>
        </fieldset>
        {move || if attached.get() {
            view! {
                <label class="filter" for="yours-attach"><span>{t!(i18n, yours.attach_to)}</span>
                    <select id="yours-attach" on:change=move |ev| { let v = event_target_value(&ev); d.update(|d| if let Some(d) = d { d.attach_to = Some(v) }) }>{indicators.clone()}</select>
                </label>
            }.into_any()
        } else {
            view! {
                <div class="measure-form">
                    <label class="filter" for="yours-title"><span>{t!(i18n, yours.measure_title)}</span>
                        <input id="yours-title" type="text" prop:value=get(|d| d.title.clone()) on:input=set(|d, v| d.title = v) /></label>
                    <label class="filter" for="yours-unit"><span>{t!(i18n, yours.unit)}</span>
                        <select id="yours-unit" on:change=move |ev| { let v = event_target_value(&ev); d.update(|d| if let Some(d) = d { if let Some(u) = Unit::parse(&v) { d.unit = u } }) }>
                            {units.into_iter().map(|u| view! { <option value=u.name() selected=move || d.with(|d| d.as_ref().is_some_and(|d| d.unit == u))>{unit_name(i18n, u)}</option> }).collect_view()}
                        </select></label>
                    <label class="filter" for="yours-direction"><span>{t!(i18n, yours.direction)}</span>
                        <select id="yours-direction" on:change=move |ev| { let v = event_target_value(&ev); d.update(|d| if let Some(d) = d { if let Some(x) = Direction::parse(&v) { d.direction = x } }) }>
                            {directions.clone().into_iter().map(|(x, text)| view! { <option value=x.name() selected=move || d.with(|d| d.as_ref().is_some_and(|d| d.direction == x))>{text}</option> }).collect_view()}
                        </select></label>
                    <label class="filter" for="yours-source"><span>{t!(i18n, yours.source)}</span>
                        <input id="yours-source" type="text" prop:value=get(|d| d.source.clone()) on:input=set(|d, v| d.source = v) /></label>
                    <label class="filter" for="yours-source-url"><span>{t!(i18n, yours.source_url)}</span>
                        <input id="yours-source-url" type="url" prop:value=get(|d| d.source_url.clone()) on:input=set(|d, v| d.source_url = v) /></label>
                    <label class="filter" for="yours-licence"><span>{t!(i18n, yours.licence)}</span>
                        <input id="yours-licence" type="text" prop:value=get(|d| d.licence.clone()) on:input=set(|d, v| d.licence = v) /></label>
                    <label class="filter notes" for="yours-notes"><span>{t!(i18n, yours.notes)}</span>
                        <textarea id="yours-notes" rows="4" prop:value=get(|d| d.notes.clone()) on:input=set(|d, v| d.notes = v)></textarea></label>
                    {choices.clone()}
                </div>
            }.into_any()
        }}
    }
}

fn outcome_view(i18n: I18n, o: Outcome) -> impl IntoView {
    let yours = use_yours();
    let key = o.key.clone();
    let kept = move || yours.kept.with(|k| k.contains(&key));
    let ready = yours.ready;
    let problem = yours.problem;
    let page = o.page.clone();
    view! {
        <div class="panel outcome" role="status">
            <p><strong lang="en">{t_string!(i18n, yours.built, title = o.title.clone(), count = o.count).to_string()}</strong></p>
            {(!o.problems.is_empty()).then(|| view! {
                <p>{t_string!(i18n, yours.built_problems, count = o.problems.len()).to_string()}</p>
                {error_list(i18n, &o.problems)}
            })}
            {(o.count > 0).then(|| view! {
                <p>{if o.attached { t!(i18n, yours.attached_shown).into_any() } else { t!(i18n, yours.on_overview).into_any() }}</p>
                <p><a class="button" href=crate::components::link::with_base(&page)>{t!(i18n, yours.open_page)}</a></p>
                {move || (ready.get() || kept()).then(|| if kept() {
                    view! { <p class="kept-note">{t!(i18n, yours.kept_here)}</p> }.into_any()
                } else {
                    let why = problem.get().unwrap_or_default();
                    match why.strip_prefix("too_large:").and_then(|b| b.parse::<f64>().ok()) {
                        Some(bytes) => view! { <p class="panel warning">{t_string!(i18n, yours.too_large_keep, size = format!("{:.1}", bytes / 1_048_576.0)).to_string()}</p> }.into_any(),
                        None => view! { <p class="panel warning">{t_string!(i18n, yours.storage_problem, error = why).to_string()}</p> }.into_any(),
                    }
                })}
            })}
        </div>
    }
}

/// Every measure the person has, kept on this device or for this visit, with its downloads and
/// a way to forget it.
#[component]
fn KeptList() -> impl IntoView {
    let i18n = use_i18n();
    let yours = use_yours();
    move || {
        let measures = yours.measures.get();
        let kept = yours.kept.get();
        let items = measures
            .iter()
            .map(|m| {
                let key = m.key();
                let on_device = kept.contains(&key);
                let rows_of = m.clone();
                let rows = Callback::new(move |()| rows_of.rows.clone());
                let stem = m.indicator.id.clone();
                let title = m.indicator.title.clone();
                let page = crate::components::link::with_base(&format!("/indicators/{}", crate::core::links::encode(&m.indicator.id)));
                let forget_key = key.clone();
                view! {
                    <li class="kept-item">
                        <p><a href=page lang="en">{t_string!(i18n, yours.kept_item, title = title.clone(), count = m.rows.len(), file = m.file.clone()).to_string()}</a>
                            " (" {if on_device { t!(i18n, yours.kept_on_device).into_any() } else { t!(i18n, yours.this_visit).into_any() }} ")"</p>
                        <p>{t!(i18n, downloads.yours)}</p>
                        <DataDownloads rows indicators=Arc::new(vec![m.indicator.clone()]) stem title=title csv=true notes=m.notes.clone() />
                        <button type="button" class="button secondary" on:click=move |_| crate::yours::forget(&forget_key)>{t!(i18n, yours.forget)}</button>
                    </li>
                }
            })
            .collect_view();
        view! {
            <section class="panel kept" aria-labelledby="kept-heading">
                <h2 id="kept-heading">{t!(i18n, yours.kept_heading)}</h2>
                {if measures.is_empty() {
                    view! { <p>{t!(i18n, yours.kept_none)}</p> }.into_any()
                } else {
                    view! {
                        <ul class="kept-list">{items}</ul>
                        <button type="button" class="button secondary" on:click=move |_| crate::yours::forget_all()>{t!(i18n, yours.forget_all)}</button>
                    }.into_any()
                }}
                {move || yours.problem.get().filter(|p| !p.starts_with("too_large:")).map(|p| view! { <p class="panel warning">{t_string!(i18n, yours.storage_problem, error = p).to_string()}</p> })}
            </section>
        }
    }
}
