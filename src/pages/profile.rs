//! `/profile`: each population group's five-dimension profile on one fair scale, and a
//! composite with weights the person sets (a build-your-own index). Groups and weights are
//! in the URL (`?groups=ethnicity:Māori,...&w=1,2,1,1,0`).
//!
//! The build writes the page for the weights and groups its address names, with every row each
//! table can show (`ProfileView`); the island (`profile_island`) follows the person's choices on
//! that markup, from the page's [`ProfileSlice`], which the build writes into the page as text.
//! Every word and number a view shows is made by the functions here, for the build and the
//! island alike.

use std::sync::Arc;

use leptos::prelude::*;

use crate::charts::options::Look;
use crate::charts::profile_chart::{is_shown, ProfileChart, Shown};
use crate::charts::render::chart_markup;
use crate::components::downloads::downloads_markup;
use crate::components::group_boxes::group_box;
use crate::components::lang::group_cell;
use crate::components::link::A;
use crate::core::indicators::matched::{RankRange, Standing};
use crate::core::indicators::profile::{weights_param, GroupProfile, WEIGHT_MAX};
use crate::core::indicators::profile_page::{one_decimal, signed, ProfileModel, ProfileSlice};
use crate::core::indicators::sensitivity::{GroupSensitivity, Sensitivity};
use crate::core::indicators::view::{GroupRef, MAX_SERIES};
use crate::core::links::encode;
use crate::core::Atlas;
use crate::data::{WithAtlas, WithIndicators};
use crate::fetch::IndicatorData;
use crate::head::PageHead;
use crate::language::{group_name, t, t_string, ts, use_i18n, I18n};
use crate::look::use_look;

fn label_of(i18n: I18n, p: &GroupProfile) -> String {
    group_name(i18n, &p.group_type, &p.group)
}

fn group_ref(p: &GroupProfile) -> GroupRef {
    GroupRef { group_type: p.group_type.clone(), group: p.group.clone() }
}

/// The profile's URL; `groups` is `None` for the default choice (left out of the link).
#[cfg_attr(not(feature = "hydrate"), allow(dead_code))]
fn profile_href(groups: Option<&[GroupRef]>, weights: &[f64]) -> String {
    let mut parts = Vec::new();
    if let Some(groups) = groups {
        let list: Vec<String> = groups.iter().map(|g| encode(&g.to_param())).collect();
        parts.push(format!("groups={}", list.join(",")));
    }
    if let Some(w) = weights_param(weights) {
        parts.push(format!("w={w}"));
    }
    if parts.is_empty() {
        "/profile".into()
    } else {
        format!("/profile?{}", parts.join("&"))
    }
}

/// The groups the address names, else everyone and the groups scored on the most dimensions.
fn chosen_groups(param: Option<String>, model: &ProfileModel) -> Vec<GroupRef> {
    param.map(|g| g.split(',').filter_map(GroupRef::parse).collect()).unwrap_or_else(|| default_groups(model.compared.iter().map(|c| &c.group)))
}

/// Everyone, and the groups scored on the most dimensions (up to five more).
fn default_groups<'a>(all: impl Iterator<Item = &'a GroupProfile>) -> Vec<GroupRef> {
    let mut others: Vec<&GroupProfile> = all.filter(|p| p.group_type != "total").collect();
    crate::core::order::sort_by_key(&mut others, |p| std::cmp::Reverse(p.scores.iter().filter(|s| s.is_some()).count()));
    others.into_iter().take(MAX_SERIES - 1).map(group_ref).collect()
}

/// One of the profile's charts, in `look`, of the page whose slice is `slice`: the groups
/// `chosen` (the dimensions chart) or the weights `weights` (the index and the ranks).
fn chart(i18n: I18n, shown: Shown, look: Look, chosen: Vec<GroupRef>, weights: Vec<f64>, slice: Arc<str>) -> ProfileChart {
    let (label, axis, series) = match shown {
        Shown::Dimensions => (t_string!(i18n, profile.chart_label), t_string!(i18n, profile.difference_axis), t_string!(i18n, profile.difference)),
        Shown::Index => (t_string!(i18n, profile.index_label), t_string!(i18n, profile.difference_axis), t_string!(i18n, profile.difference)),
        Shown::Ranks => (t_string!(i18n, sensitivity.chart_label), t_string!(i18n, sensitivity.axis), t_string!(i18n, sensitivity.series)),
    };
    ProfileChart {
        shown,
        look,
        label: label.to_string(),
        axis: axis.to_string(),
        series: series.to_string(),
        everyone: t_string!(i18n, indicator.everyone).to_string(),
        chosen,
        weights,
        slice,
    }
}

/// A group's cells in the dimension table (the same whatever the weights).
fn dimension_cells(i18n: I18n, model: &ProfileModel, comparison: usize) -> Vec<String> {
    let c = &model.compared[comparison];
    c.group
        .scores
        .iter()
        .zip(&c.everyone.scores)
        .zip(&c.group.counts)
        .map(|((g, e), count)| match (g, e) {
            (Some(g), Some(e)) => t_string!(i18n, profile.dimension_cell, group = one_decimal(*g), everyone = one_decimal(*e), difference = signed(g - e), count = count).to_string(),
            _ => t_string!(i18n, profile.no_score).to_string(),
        })
        .collect()
}

/// A standing's cells in the index table: its index, everyone's, the difference, how many
/// indicators, its rank, how sure the rank is.
fn score_cells(i18n: I18n, s: &Standing, range: Option<RankRange>) -> [String; 6] {
    let count = if s.indicators == 1 { t_string!(i18n, profile.one_figure).to_string() } else { s.indicators.to_string() };
    let rank = match s.rank {
        Some(r) => r.to_string(),
        None => t_string!(i18n, profile.not_ranked).to_string(),
    };
    let sure = match range {
        None => String::new(),
        Some(r) if r.drawn == 0 => t_string!(i18n, profile.sure_unknown).to_string(),
        Some(r) if r.unknown == 0 && r.best == r.worst => t_string!(i18n, profile.sure_one, rank = r.best).to_string(),
        Some(r) if r.unknown == 0 => t_string!(i18n, profile.sure_range, best = r.best, worst = r.worst).to_string(),
        Some(r) => t_string!(i18n, profile.sure_partly, best = r.best, worst = r.worst, unknown = r.unknown).to_string(),
    };
    [one_decimal(s.group_index), one_decimal(s.everyone_index), signed(s.difference), count, rank, sure]
}

/// What the index says, in a sentence.
fn index_sentence(i18n: I18n, model: &ProfileModel, st: &[Standing]) -> String {
    let ranked: Vec<&Standing> = st.iter().filter(|s| s.rank.is_some()).collect();
    let unranked = st.len() - ranked.len();
    let name = |s: &Standing| label_of(i18n, &model.compared[s.comparison].group);
    match (ranked.first(), ranked.last()) {
        (Some(hi), Some(lo)) if ranked.len() > 1 => t_string!(
            i18n,
            profile.sentence,
            high = name(hi),
            high_score = signed(hi.difference),
            low = name(lo),
            low_score = signed(lo.difference),
            unranked = unranked,
            groups = st.len()
        )
        .to_string(),
        _ if !st.is_empty() => t_string!(i18n, profile.too_few, unranked = unranked, groups = st.len()).to_string(),
        _ => t_string!(i18n, profile.no_index).to_string(),
    }
}

/// What trying every weighting found, in a sentence.
fn sensitivity_sentence(i18n: I18n, s: &Sensitivity) -> String {
    let ranked: Vec<&GroupSensitivity> = s.groups.iter().filter(|g| g.rank.is_some()).collect();
    let holding = ranked.iter().filter(|g| g.holds()).count();
    t_string!(i18n, sensitivity.summary, weightings = crate::core::text::thousands(s.weightings), holding = holding, groups = ranked.len()).to_string()
}

/// The sensitivity table's groups, in its order: ranked first, by rank.
fn sensitivity_order(s: &Sensitivity) -> Vec<&GroupSensitivity> {
    let mut groups: Vec<&GroupSensitivity> = s.groups.iter().collect();
    crate::core::order::sort_by_key(&mut groups, |g| (g.rank.unwrap_or(usize::MAX), g.profile));
    groups
}

/// A group's first three cells in the sensitivity table: its rank now, its range, how often.
fn sensitivity_cells(i18n: I18n, g: &GroupSensitivity) -> [String; 3] {
    let rank_text = |r: Option<usize>| r.map(|r| r.to_string()).unwrap_or_else(|| t_string!(i18n, sensitivity.unranked).to_string());
    let range = match (g.best, g.worst) {
        (Some(b), Some(w)) if b == w => b.to_string(),
        (Some(b), Some(w)) => format!("{b}–{w}"),
        _ => rank_text(None),
    };
    let share = (g.share_same() * 100.0).round() as u32;
    let same = t_string!(i18n, sensitivity.share_cell, share = share, same = crate::core::text::thousands(g.same), of = crate::core::text::thousands(g.ranked_in)).to_string();
    [rank_text(g.rank), range, same]
}

/// What the weights change for a group, in words: a sentence, and where it names the groups it
/// changes places with, the words before and after their names, and each name with its
/// language (other groups' names are content, in English; everyone's is the interface's).
struct Meaning {
    range: String,
    others: Option<(String, Vec<(String, Option<&'static str>)>, String)>,
}

/// Stands in for the names in the "depends" sentence, to split it around them.
const NAMES: &str = "\u{1}";

fn meaning(i18n: I18n, g: &GroupSensitivity, all: &[GroupProfile]) -> Meaning {
    let (Some(best), Some(worst)) = (g.best, g.worst) else {
        return Meaning { range: t_string!(i18n, sensitivity.never).to_string(), others: None };
    };
    let range = if best == worst {
        t_string!(i18n, sensitivity.holds, rank = best).to_string()
    } else {
        t_string!(i18n, sensitivity.between, best = best, worst = worst).to_string()
    };
    if g.changes_places_with.is_empty() {
        return Meaning { range, others: None };
    }
    let names = g.changes_places_with.iter().map(|&h| (label_of(i18n, &all[h]), (all[h].group_type != "total").then_some("en"))).collect();
    let sentence = t_string!(i18n, sensitivity.depends, others = NAMES).to_string();
    let (before, after) = sentence.split_once(NAMES).unwrap_or((sentence.as_str(), ""));
    Meaning { range, others: Some((before.to_string(), names, after.to_string())) }
}

impl Meaning {
    fn markup(self) -> impl IntoView {
        let others = self.others.map(|(before, names, after)| {
            let names = names
                .into_iter()
                .enumerate()
                .map(|(i, (name, lang))| view! { {(i > 0).then_some(", ")}<span lang=lang>{name}</span> })
                .collect_view();
            view! { " " {before} {names} {after} }
        });
        view! { <span>{self.range}{others}</span> }
    }
}

#[component]
pub fn ProfilePage() -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <PageHead title=t_string!(i18n, profile.title).to_string() description=t_string!(i18n, profile.summary).to_string() />
        <header class="page-head">
            <p class="kind"><A href="/indicators">{t!(i18n, indicators.title)}</A></p>
            <h1>{t!(i18n, profile.heading)}</h1>
            <p class="summary">{t!(i18n, profile.summary)}</p>
        </header>
        <WithAtlas show={|atlas: Arc<Atlas>| view! {
            <WithIndicators show={move |data: Arc<IndicatorData>| view! { <ProfileView atlas=atlas.clone() data /> }} />
        }} />
        <section class="panel prose" aria-labelledby="method-heading">
            <h2 id="method-heading">{t!(i18n, profile.method)}</h2>
            <ol>
                <li>{t!(i18n, profile.method_figures)}</li>
                <li>{t!(i18n, profile.method_scores)}</li>
                <li>{t!(i18n, profile.method_dimensions)}</li>
                <li>{t!(i18n, profile.method_matched)}</li>
                <li>{t!(i18n, profile.method_index)}</li>
                <li>{t!(i18n, profile.method_sure)}</li>
            </ol>
            <p>{t!(i18n, profile.method_scale)}</p>
        </section>
    }
}

/// The groups, weights, charts and tables, as the address names them, with every row each
/// table can show, inside the island that follows the person's choices.
#[component]
fn ProfileView(atlas: Arc<Atlas>, data: Arc<IndicatorData>) -> impl IntoView {
    let i18n = use_i18n();
    let url = crate::url::use_url();
    let dimensions: Vec<(String, String)> = atlas.dimensions().iter().map(|n| (n.id.clone(), n.label.clone())).collect();
    let slice = ProfileSlice::of(&data.store, dimensions);
    let text: Arc<str> = Arc::from(slice.to_text());
    let model = ProfileModel::new(slice);
    if model.compared.is_empty() {
        return view! { <p class="panel empty-state">{t!(i18n, profile.nothing)}</p> }.into_any();
    }
    let look = untrack(|| use_look().get());
    let names = model.names();
    let weights = untrack(|| crate::core::indicators::profile::parse_weights(url.param("w").as_deref(), names.len()));
    let chosen = untrack(|| chosen_groups(url.param("groups"), &model));
    let standings = model.standings(&weights);
    let ranges = model.ranges(&weights, &standings);
    let found = model.sensitivity(&weights);
    let full = crate::components::group_boxes::full(&chosen);

    let boxes = model
        .differences
        .iter()
        .filter(|p| p.group_type != "total")
        .map(|p| {
            let g = group_ref(p);
            group_box(&g, chosen.contains(&g), full)
        })
        .collect_view();

    let head = names.iter().map(|d| view! { <th scope="col" lang="en">{d.clone()}</th> }).collect_view();
    let dimension_rows = model
        .compared
        .iter()
        .enumerate()
        .map(|(i, c)| {
            let cells = dimension_cells(i18n, &model, i).into_iter().zip(&names).map(|(text, name)| view! { <td class="num" data-label=name.clone()>{text}</td> }).collect_view();
            view! { <tr data-group=group_ref(&c.group).to_param() hidden=!is_shown(&c.group, &chosen)>{group_cell(i18n, &c.group.group_type, &c.group.group)}{cells}</tr> }
        })
        .collect_view();

    let sliders = names
        .iter()
        .enumerate()
        .map(|(i, name)| {
            let value = weights.get(i).copied().unwrap_or(1.0) as u8;
            view! {
                <div class="weight">
                    <label for=format!("weight-{i}") lang="en">{name.clone()}</label>
                    <input id=format!("weight-{i}") type="range" data-weight=i min="0" max=WEIGHT_MAX.to_string() step="1" value=value.to_string() />
                    <output>{value.to_string()}</output>
                </div>
            }
        })
        .collect_view();

    // The index table: the standings in their order, then every other group, hidden.
    let score_labels = [
        t_string!(i18n, profile.index).to_string(),
        t_string!(i18n, profile.everyone_same).to_string(),
        t_string!(i18n, profile.difference).to_string(),
        t_string!(i18n, profile.indicators).to_string(),
        t_string!(i18n, profile.rank).to_string(),
        t_string!(i18n, profile.how_sure).to_string(),
    ];
    let mut order: Vec<(usize, Option<[String; 6]>, bool)> =
        standings.iter().zip(&ranges).map(|(s, r)| (s.comparison, Some(score_cells(i18n, s, *r)), s.rank.is_none())).collect();
    order.extend((0..model.compared.len()).filter(|i| !standings.iter().any(|s| s.comparison == *i)).map(|i| (i, None, false)));
    let score_rows = order
        .into_iter()
        .map(|(i, cells, unranked)| {
            let c = &model.compared[i];
            let hidden = cells.is_none();
            let cells = cells.unwrap_or_default();
            let tds = cells.into_iter().zip(&score_labels).enumerate().map(|(k, (text, label))| {
                let class = (k < 5).then_some("num");
                view! { <td class=class data-label=label.clone()>{text}</td> }
            }).collect_view();
            view! { <tr data-group=group_ref(&c.group).to_param() hidden=hidden class:unranked=unranked>{group_cell(i18n, &c.group.group_type, &c.group.group)}{tds}</tr> }
        })
        .collect_view();

    let sensitivity_labels = [
        t_string!(i18n, sensitivity.rank_now).to_string(),
        t_string!(i18n, sensitivity.range).to_string(),
        t_string!(i18n, sensitivity.same).to_string(),
        t_string!(i18n, sensitivity.meaning).to_string(),
    ];
    let sensitivity_rows = sensitivity_order(&found)
        .into_iter()
        .map(|g| {
            let p = &model.differences[g.profile];
            let cells = sensitivity_cells(i18n, g).into_iter().zip(&sensitivity_labels).map(|(text, label)| view! { <td class="num" data-label=label.clone()>{text}</td> }).collect_view();
            view! {
                <tr data-group=group_ref(p).to_param()>
                    {group_cell(i18n, &p.group_type, &p.group)}
                    {cells}
                    // One element inside, so a row stacked on a phone keeps it in one place.
                    <td data-label=sensitivity_labels[3].clone()>{meaning(i18n, g, &model.differences).markup()}</td>
                </tr>
            }
        })
        .collect_view();

    let profile_height = 120 + 60 * names.len() as u32;
    let index_height = 56 + 36 * model.compared.len() as u32;
    let profile_request = chart(i18n, Shown::Dimensions, look, chosen.clone(), weights.clone(), text.clone());
    let composite_request = chart(i18n, Shown::Index, look, chosen.clone(), weights.clone(), text.clone());
    let rank_request = chart(i18n, Shown::Ranks, look, chosen.clone(), weights.clone(), text.clone());
    let (profile_label, composite_label, rank_label) = (profile_request.label.clone(), composite_request.label.clone(), rank_request.label.clone());
    let index_text = index_sentence(i18n, &model, &standings);
    let sensitivity_text = sensitivity_sentence(i18n, &found);
    let weightings = crate::core::text::thousands(found.weightings);
    let scores = format!("data:text/csv;charset=utf-8,{}", encode(&model.scores_csv(&weights)));
    view! {
        <ProfileIsland>
            <div class="profile-slice" hidden data-slice=text.to_string()></div>
            <fieldset class="group-picker">
                <legend>{t_string!(i18n, profile.groups, max = MAX_SERIES - 1).to_string()}</legend>
                {boxes}
            </fieldset>
            <section class="panel" aria-labelledby="profile-heading">
                <h2 id="profile-heading">{t!(i18n, profile.by_dimension)}</h2>
                <p class="summary">{t!(i18n, profile.by_dimension_summary)}</p>
                {chart_markup("profile".to_string(), Signal::stored(profile_request), profile_height, profile_label, "dimension-profile".to_string(), NodeRef::new())}
                <div class="table-scroll" role="region" aria-label=ts!(i18n, profile.dimension_caption) tabindex="0">
                    <table class="data-table stacks dimension-table">
                        <caption>{t!(i18n, profile.dimension_caption)}</caption>
                        <thead><tr><th scope="col">{t!(i18n, indicator.group)}</th>{head}</tr></thead>
                        <tbody>{dimension_rows}</tbody>
                    </table>
                </div>
            </section>
            <section class="panel weights" aria-labelledby="weights-heading">
                <h2 id="weights-heading">{t!(i18n, profile.weights)}</h2>
                <p class="summary">{t_string!(i18n, profile.weights_summary, max = WEIGHT_MAX).to_string()}</p>
                {sliders}
                <button type="button" class="button secondary weights-reset">{t!(i18n, profile.reset)}</button>
            </section>
            <section class="panel" aria-labelledby="index-heading">
                <h2 id="index-heading">{t!(i18n, profile.your_index)}</h2>
                <p class="summary index-summary" role="status">{index_text}</p>
                {chart_markup("composite".to_string(), Signal::stored(composite_request), index_height, composite_label, "your-index".to_string(), NodeRef::new())}
                <div class="table-scroll" role="region" aria-label=ts!(i18n, profile.scores_label) tabindex="0">
                    <table class="data-table stacks scores-table">
                        <caption>{t!(i18n, profile.caption)}</caption>
                        <thead><tr>
                            <th scope="col">{t!(i18n, indicator.group)}</th><th scope="col">{t!(i18n, profile.index)}</th>
                            <th scope="col">{t!(i18n, profile.everyone_same)}</th><th scope="col">{t!(i18n, profile.difference)}</th>
                            <th scope="col">{t!(i18n, profile.indicators)}</th><th scope="col">{t!(i18n, profile.rank)}</th>
                            <th scope="col">{t!(i18n, profile.how_sure)}</th>
                        </tr></thead>
                        <tbody>{score_rows}</tbody>
                    </table>
                </div>
            </section>
            <section class="panel" aria-labelledby="sensitivity-heading">
                <h2 id="sensitivity-heading">{t!(i18n, sensitivity.heading)}</h2>
                <p class="summary sensitivity-summary" role="status">{sensitivity_text}</p>
                {chart_markup("sensitivity".to_string(), Signal::stored(rank_request), index_height, rank_label, "weight-sensitivity".to_string(), NodeRef::new())}
                <div class="table-scroll" role="region" aria-label=ts!(i18n, sensitivity.table_label) tabindex="0">
                    <table class="data-table stacks sensitivity-table">
                        <caption>{t_string!(i18n, sensitivity.caption, weightings = weightings).to_string()}</caption>
                        <thead><tr>
                            <th scope="col">{t!(i18n, indicator.group)}</th>
                            <th scope="col">{t!(i18n, sensitivity.rank_now)}</th>
                            <th scope="col">{t!(i18n, sensitivity.range)}</th>
                            <th scope="col">{t!(i18n, sensitivity.same)}</th>
                            <th scope="col">{t!(i18n, sensitivity.meaning)}</th>
                        </tr></thead>
                        <tbody>{sensitivity_rows}</tbody>
                    </table>
                </div>
                <h3>{t!(i18n, sensitivity.how)}</h3>
                <p>{t!(i18n, sensitivity.method)}</p>
                <p>{t!(i18n, sensitivity.missing)}</p>
            </section>
            <div class="your-profile">{your_profile(&model, weights.clone())}</div>
            <section class="panel" aria-labelledby="profile-downloads">
                <h2 id="profile-downloads">{t!(i18n, downloads.heading)}</h2>
                <p>{t!(i18n, downloads.profile)}</p>
                {downloads_markup(true, NodeRef::new())}
                <p>{t!(i18n, profile.scores_download_summary)}</p>
                <a class="button secondary download-scores" download="profile-scores.csv" href=scores>{t!(i18n, profile.scores_download)}</a>
            </section>
        </ProfileIsland>
    }
    .into_any()
}

/// The person's own measures on the five dimensions: drawn in the page by the whole-page
/// module (following the weights), and at build time (where there are none); an islands module
/// asks the whole-page module for them.
fn your_profile(model: &ProfileModel, weights: Vec<f64>) -> AnyView {
    #[cfg(not(feature = "islands"))]
    {
        let _ = weights;
        let dims: Vec<String> = model.slice.dimensions.iter().map(|d| d.0.clone()).collect();
        view! { <YourProfile dims names=model.names() /> }.into_any()
    }
    #[cfg(feature = "islands")]
    {
        let _ = (model, weights);
        ().into_any()
    }
}

/// The person's own measures on the five dimensions, scored the same way. Their figures are
/// about their own population (a town, a community, the people they surveyed), so they are
/// profiled among themselves: "everyone" here is everyone in their data, never the country's.
#[component]
pub fn YourProfile(dims: Vec<String>, names: Vec<String>) -> impl IntoView {
    use crate::core::indicators::profile::{parse_weights, profiles, ranked};
    let i18n = use_i18n();
    let yours = crate::yours::use_yours();
    let url = crate::url::use_url();
    let n = dims.len();
    let weights = Memo::new(move |_| parse_weights(url.param("w").as_deref(), n));
    move || {
        let own = yours.own();
        let store = crate::core::owndata::measures::store_of(own.iter().map(|m| m.as_ref()));
        let all = profiles(&store, &dims);
        if all.is_empty() {
            return None;
        }
        let w = weights.get();
        let head = names.iter().map(|d| view! { <th scope="col" lang="en">{d.clone()}</th> }).collect_view();
        let rows = ranked(&all, &w)
            .into_iter()
            .map(|r| {
                let p = &all[r.profile];
                let cells = p
                    .scores
                    .iter()
                    .zip(&p.counts)
                    .map(|(s, c)| {
                        let text = match s {
                            Some(s) if *c == 1 => t_string!(i18n, profile.score_one, score = one_decimal(*s)).to_string(),
                            Some(s) => t_string!(i18n, profile.score_many, score = one_decimal(*s), count = c).to_string(),
                            None => t_string!(i18n, profile.no_score).to_string(),
                        };
                        view! { <td class="num">{text}</td> }
                    })
                    .collect_view();
                let name = if p.group_type == "total" { t_string!(i18n, profile.yours_everyone).to_string() } else { p.group.clone() };
                view! { <tr><th scope="row" lang="en">{name}</th>{cells}<td class="num">{one_decimal(r.composite)}</td></tr> }
            })
            .collect_view();
        Some(view! {
            <section class="panel user-data" aria-labelledby="your-profile-heading">
                <h2 id="your-profile-heading">{t!(i18n, profile.yours_heading)}</h2>
                <p>{t!(i18n, profile.yours_summary)}</p>
                <div class="table-scroll" role="region" aria-label=ts!(i18n, profile.yours_table) tabindex="0">
                    <table class="data-table">
                        <thead><tr><th scope="col">{t!(i18n, indicator.group)}</th>{head}<th scope="col">{t!(i18n, profile.index)}</th></tr></thead>
                        <tbody>{rows}</tbody>
                    </table>
                </div>
            </section>
        })
    }
}

/// The island (its markup is its children, which the browser never renders again). It has no
/// props: the page's [`ProfileSlice`] is in its markup as text, which it reads without a JSON
/// reader.
#[cfg_attr(any(feature = "ssr", feature = "islands-profile"), island)]
#[cfg_attr(not(any(feature = "ssr", feature = "islands-profile")), component)]
fn ProfileIsland(children: Children) -> impl IntoView {
    let root = NodeRef::<leptos::html::Div>::new();
    #[cfg(feature = "hydrate")]
    root.on_load(move |el| {
        let el: web_sys::Element = el.into();
        let text = crate::dom::first(&el, ".profile-slice").map(|s| crate::dom::attr(&s, "data-slice")).unwrap_or_default();
        match ProfileSlice::from_text(&text) {
            Ok(slice) => behaviour::take_over(el, Arc::new(ProfileModel::new(slice)), Arc::from(text)),
            // Never expected (the build wrote it): the page stays as the build wrote it.
            Err(e) => web_sys::console::error_1(&e.into()),
        }
    });
    view! { <div class="profile-explorer" node_ref=root>{children()}</div> }
}

#[cfg(feature = "hydrate")]
mod behaviour {
    use std::sync::Arc;

    use leptos::prelude::*;
    use wasm_bindgen::JsCast;
    use web_sys::{Element, HtmlInputElement};

    use super::{chart, chosen_groups, index_sentence, is_shown, meaning, profile_href, score_cells, sensitivity_cells, sensitivity_order, sensitivity_sentence, Shown};
    use crate::core::indicators::profile::parse_weights;
    use crate::core::indicators::profile_page::ProfileModel;
    use crate::core::indicators::view_file::{profile_request, FileFormat};
    use crate::dom::{all, attr, class, first, show, target};
    use crate::language::{t_string, use_i18n};
    use crate::url::use_url;

    /// Takes the island over; `text` is the page's slice as the build wrote it.
    pub fn take_over(root: Element, model: Arc<ProfileModel>, text: Arc<str>) {
        let i18n = use_i18n();
        let url = use_url();
        let look = crate::look::use_look();
        let n = model.slice.dimensions.len();
        let weights = Memo::new(move |_| parse_weights(url.param("w").as_deref(), n));
        let chosen = {
            let model = model.clone();
            Memo::new(move |_| chosen_groups(url.param("groups"), &model))
        };
        let standings = {
            let model = model.clone();
            Memo::new(move |_| model.standings(&weights.get()))
        };
        let ranges = {
            let model = model.clone();
            Memo::new(move |_| standings.with(|st| model.ranges(&weights.get(), st)))
        };
        let found = {
            let model = model.clone();
            Memo::new(move |_| Arc::new(model.sensitivity(&weights.get())))
        };

        // The boxes: ticked as chosen, the rest disabled once the chart is full.
        crate::components::group_boxes::follow_group_boxes(&root, move || chosen.get());

        // The profile by dimension: its chart, and the chosen groups' rows of its table.
        // Each chart follows what it shows: the dimensions chart the groups, the others the
        // weights (the chart module works the figures out, from the page's slice).
        for (id, shown) in [("#profile", Shown::Dimensions), ("#composite", Shown::Index), ("#sensitivity", Shown::Ranks)] {
            let Some(node) = first(&root, id).and_then(|c| c.parent_element()) else { continue };
            let text = text.clone();
            let request = Signal::derive(move || {
                let (groups, w) = match shown {
                    Shown::Dimensions => (chosen.get(), weights.get_untracked()),
                    _ => (chosen.get_untracked(), weights.get()),
                };
                chart(i18n, shown, look.get(), groups, w, text.clone())
            });
            crate::charts::render::take_over_chart(node, request);
        }
        {
            let rows = all(&root, ".dimension-table tbody tr[data-group]");
            let model = model.clone();
            Effect::new(move |before: Option<()>| {
                let chosen = chosen.get();
                // The page arrives showing the view it was written for.
                if before.is_none() {
                    return;
                }
                for (row, c) in rows.iter().zip(&model.compared) {
                    show(row, is_shown(&c.group, &chosen));
                }
            });
        }

        // The weights: each slider and the number beside it.
        {
            let sliders: Vec<HtmlInputElement> = all(&root, "input[data-weight]").into_iter().filter_map(|s| s.dyn_into().ok()).collect();
            Effect::new(move |before: Option<()>| {
                let w = weights.get();
                if before.is_none() {
                    return;
                }
                for (slider, weight) in sliders.iter().zip(w) {
                    let value = (weight as u8).to_string();
                    if slider.value() != value {
                        slider.set_value(&value);
                    }
                    if let Some(output) = slider.next_element_sibling() {
                        output.set_text_content(Some(&value));
                    }
                }
            });
        }

        // The index: its sentence, and its table in the standings' order.
        {
            let summary = first(&root, ".index-summary");
            let body = first(&root, ".scores-table tbody");
            let rows = all(&root, ".scores-table tbody tr[data-group]");
            let model = model.clone();
            Effect::new(move |before: Option<()>| {
                if before.is_none() {
                    // Only what it follows: the standings are worked out when the weights change.
                    weights.track();
                    return;
                }
                let (st, ranges) = (standings.get(), ranges.get());
                if let Some(summary) = &summary {
                    summary.set_text_content(Some(&index_sentence(i18n, &model, &st)));
                }
                let Some(body) = &body else { return };
                for row in &rows {
                    show(row, false);
                }
                for (s, range) in st.iter().zip(ranges) {
                    let key = super::group_ref(&model.compared[s.comparison].group).to_param();
                    let Some(row) = rows.iter().find(|r| attr(r, "data-group") == key) else { continue };
                    for (cell, text) in all(row, "td").iter().zip(score_cells(i18n, s, range)) {
                        cell.set_text_content(Some(&text));
                    }
                    class(row, "unranked", s.rank.is_none());
                    let _ = body.append_child(row);
                    show(row, true);
                }
            });
        }

        // How much the ranking depends on the weights: its sentence and table.
        {
            let summary = first(&root, ".sensitivity-summary");
            let body = first(&root, ".sensitivity-table tbody");
            let rows = all(&root, ".sensitivity-table tbody tr[data-group]");
            let model = model.clone();
            Effect::new(move |before: Option<()>| {
                if before.is_none() {
                    weights.track();
                    return;
                }
                let s = found.get();
                if let Some(summary) = &summary {
                    summary.set_text_content(Some(&sensitivity_sentence(i18n, &s)));
                }
                let Some(body) = &body else { return };
                for g in sensitivity_order(&s) {
                    let key = super::group_ref(&model.differences[g.profile]).to_param();
                    let Some(row) = rows.iter().find(|r| attr(r, "data-group") == key) else { continue };
                    let cells = all(row, "td");
                    for (cell, text) in cells.iter().zip(sensitivity_cells(i18n, g)) {
                        cell.set_text_content(Some(&text));
                    }
                    if let Some(cell) = cells.get(3) {
                        fill_meaning(cell, meaning(i18n, g, &model.differences));
                    }
                    let _ = body.append_child(row);
                }
            });
        }

        // The person's choices: a box, a slider, the reset.
        let go = move |w: Vec<f64>| {
            // Keep the groups in the link only if the person chose them.
            let chose = untrack(|| url.param("groups").is_some());
            let groups = chosen.get_untracked();
            url.go(&profile_href(chose.then_some(groups.as_slice()), &w), true);
        };
        crate::dom::listen(&root, "change", move |ev: web_sys::Event| {
            if let Some(b) = target(&ev, "input[data-group]") {
                let now = chosen.get_untracked();
                let next = crate::components::group_boxes::chosen_with_box(&b, &now).unwrap_or_else(|| now.clone());
                if next != now {
                    url.go(&profile_href(Some(&next), &weights.get_untracked()), true);
                }
            } else if let Some(slider) = target(&ev, "input[data-weight]").and_then(|s| s.dyn_into::<HtmlInputElement>().ok()) {
                let mut w = weights.get_untracked();
                let i: usize = attr(&slider, "data-weight").parse().unwrap_or(usize::MAX);
                if let (Some(slot), Ok(v)) = (w.get_mut(i), slider.value().parse::<u8>()) {
                    *slot = f64::from(v);
                    // The weight shows at once; the index, its ranks and the sensitivity (every
                    // weighting tried again) follow once it has been painted.
                    if let Some(output) = slider.next_element_sibling() {
                        output.set_text_content(Some(&v.to_string()));
                    }
                }
                crate::next_task::after_paint_or_now(&ev, move || go(w));
            }
        });

        // The downloads: each file is written by the chart module (which holds the writers)
        // from the page's slice (and, for the scores, the weights). The scores link the build
        // wrote holds the first weights' scores, for a page read without its module.
        {
            let problem = first(&root, ".download-problem");
            let title = t_string!(i18n, profile.heading).to_string();
            crate::dom::listen(&root, "click", move |ev: web_sys::Event| {
                if target(&ev, ".weights-reset").is_some() {
                    crate::next_task::after_paint_do(move || go(vec![1.0; n]));
                    return;
                }
                let format = if target(&ev, ".download-csv").is_some() {
                    FileFormat::Csv
                } else if target(&ev, ".download-sdmx").is_some() {
                    FileFormat::SdmxCsv
                } else if target(&ev, ".download-package").is_some() {
                    FileFormat::DataPackage
                } else if target(&ev, ".download-scores").is_some() {
                    FileFormat::Scores
                } else {
                    return;
                };
                ev.prevent_default();
                let asked = profile_request(format, &title, &weights.get_untracked(), &text);
                let (name, mime) = format.file("profile");
                crate::components::downloads::save_from_chart_module(asked, name, mime, problem.clone());
            });
        }

        // The person's own measures on the five dimensions, if they keep any (the whole-page
        // module, where this island is a component, draws them in the page itself).
        #[cfg(feature = "islands")]
        if let Some(slot) = first(&root, ".your-profile") {
            crate::yours::draw_your_profile(slot, &model.slice.dimensions);
        }
    }

    /// Writes what the weights change for a group into its cell (as the build writes it).
    fn fill_meaning(cell: &Element, m: super::Meaning) {
        let Ok(span) = document().create_element("span") else { return };
        span.set_text_content(Some(&m.range));
        if let Some((before, names, after)) = m.others {
            let _ = span.append_with_str_1(&format!(" {before}"));
            for (i, (name, lang)) in names.into_iter().enumerate() {
                if i > 0 {
                    let _ = span.append_with_str_1(", ");
                }
                if let Ok(named) = document().create_element("span") {
                    if let Some(lang) = lang {
                        let _ = named.set_attribute("lang", lang);
                    }
                    named.set_text_content(Some(&name));
                    let _ = span.append_with_node_1(&named);
                }
            }
            let _ = span.append_with_str_1(&after);
        }
        cell.set_text_content(None);
        let _ = cell.append_child(&span);
    }
}
