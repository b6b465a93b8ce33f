//! `/profile`: each population group's five-dimension profile on one fair scale, and a
//! composite with weights the person sets (a build-your-own index). Groups and weights are
//! in the URL (`?groups=ethnicity:Māori,...&w=1,2,1,1,0`).

use std::sync::Arc;

use crate::components::link::A;
use leptos::prelude::*;

use crate::components::lang::group_cell;
use crate::head::PageHead;
use crate::language::{group_name, t, t_string, ts, use_i18n, I18n};

use crate::charts::request::{ChartRequest, Plot};
use crate::charts::render::EChart;
use crate::data::{WithAtlas, WithIndicators};
use crate::core::indicators::matched::{comparisons, rank_ranges, standings, Comparison, Standing, DRAWS, SEED};
use crate::core::indicators::profile::{
    parse_weights, profile_rows, profiles, ranked, weights_param, GroupProfile, WEIGHT_MAX,
};
use crate::core::indicators::sensitivity::{sensitivity, GroupSensitivity};
use crate::components::downloads::DataDownloads;
use crate::core::indicators::view::{GroupRef, MAX_SERIES};
use crate::core::links::encode;
use crate::core::Atlas;
use crate::fetch::IndicatorData;
use crate::look::use_look;

fn label_of(i18n: I18n, p: &GroupProfile) -> String {
    group_name(i18n, &p.group_type, &p.group)
}

/// The profile's URL; `groups` is `None` for the default choice (left out of the link).
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
        <ProfileIsland />
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

/// The groups, weights, charts and tables: the part of the page that changes.
#[cfg_attr(any(feature = "ssr", feature = "islands-profile"), island)]
#[cfg_attr(not(any(feature = "ssr", feature = "islands-profile")), component)]
fn ProfileIsland() -> impl IntoView {
    view! {
        <WithAtlas show={|atlas: Arc<Atlas>| view! {
            <WithIndicators show={move |data: Arc<IndicatorData>| view! { <Profiles atlas=atlas.clone() data /> }} />
        }} />
    }
}

/// A group's difference from everyone on the same figures, by dimension, as a profile (what
/// the chart draws and the sensitivity ranks).
fn difference_profile(c: &Comparison) -> GroupProfile {
    GroupProfile {
        scores: c.group.scores.iter().zip(&c.everyone.scores).map(|(g, e)| Some((*g)? - (*e)?)).collect(),
        ..c.group.clone()
    }
}

/// A signed number: "+3.2", "−1.5", "0.0".
fn signed(v: f64) -> String {
    let v = (v * 10.0).round() / 10.0;
    if v > 0.0 {
        format!("+{v:.1}")
    } else if v < 0.0 {
        format!("\u{2212}{:.1}", -v)
    } else {
        "0.0".into()
    }
}

#[component]
fn Profiles(atlas: Arc<Atlas>, data: Arc<IndicatorData>) -> impl IntoView {
    let url = crate::url::use_url();
    let i18n = use_i18n();
    let dims: Vec<(String, String)> = atlas
        .dimensions()
        .iter()
        .map(|n| (n.id.clone(), n.label.clone()))
        .collect();
    let dim_ids: Vec<String> = dims.iter().map(|d| d.0.clone()).collect();
    let dim_names: Vec<String> = dims.iter().map(|d| d.1.clone()).collect();
    // Every group beside everyone on the same figures.
    let compared = Arc::new(comparisons(&data.store, &dim_ids));
    let groups: Arc<Vec<GroupProfile>> = Arc::new(compared.iter().map(|c| c.group.clone()).collect());
    let differences: Arc<Vec<GroupProfile>> = Arc::new(compared.iter().map(difference_profile).collect());
    // The downloads hold the published rows the profile is made of.
    let (export_data, export_dims) = (data.clone(), dim_ids.clone());
    let export_rows = Callback::new(move |()| profile_rows(&export_data.store, &export_dims));
    let export_indicators = Arc::new(data.store.indicators.clone());
    let n = dims.len();
    let weights = Memo::new(move |_| parse_weights(url.param("w").as_deref(), n));
    let picked = groups.clone();
    let chosen = Memo::new(move |_| {
        let from_url: Option<Vec<GroupRef>> =
            url.param("groups").map(|g| g.split(',').filter_map(GroupRef::parse).collect());
        from_url.unwrap_or_else(|| default_groups(&picked))
    });
    if compared.is_empty() {
        return view! { <p class="panel empty-state">{t!(i18n, profile.nothing)}</p> }.into_any();
    }
    let look = use_look();
    let (for_chart, names_for_chart) = (differences.clone(), dim_names.clone());
    let profile_label = t_string!(i18n, profile.chart_label).to_string();
    let index_label = t_string!(i18n, profile.index_label).to_string();
    let (for_profile, for_index) = (profile_label.clone(), index_label.clone());
    let profile_options = Memo::new(move |_| {
        let profiles: Vec<(String, GroupProfile)> = shown_profiles(&for_chart, &chosen.get())
            .into_iter()
            .map(|p| (label_of(i18n, p), p.clone()))
            .collect();
        let plot = Plot::Profile { profiles, dimensions: names_for_chart.clone(), axis: t_string!(i18n, profile.difference_axis).to_string(), signed: true };
        ChartRequest::new(plot, look.get(), for_profile.clone())
    });
    // Where each group stands with the weights, and how sure its rank is.
    let (for_standings, for_ranges, store) = (compared.clone(), compared.clone(), data.clone());
    let standing = Memo::new(move |_| standings(&for_standings, &weights.get()));
    let ranges = Memo::new(move |_| rank_ranges(&store.store, &for_ranges, &standing.get(), &weights.get(), DRAWS, SEED));
    let for_composite = compared.clone();
    let composite_options = Memo::new(move |_| {
        let rows: Vec<(String, f64)> = standing
            .get()
            .iter()
            .map(|s| (label_of(i18n, &for_composite[s.comparison].group), s.difference))
            .collect();
        let (axis, series) = (t_string!(i18n, profile.difference_axis).to_string(), t_string!(i18n, profile.difference).to_string());
        ChartRequest::new(Plot::Composite { rows, axis, series, signed: true }, look.get(), for_index.clone())
    });
    // The dimension chart's numbers: each group, each dimension, against everyone on the same
    // figures, and how many indicators each rests on.
    let (dim_table_all, dim_table_names) = (compared.clone(), dim_names.clone());
    let dimension_table = move || {
        let head = dim_table_names.iter().map(|d| view! { <th scope="col" lang="en">{d.clone()}</th> }).collect_view();
        let shown = chosen.get();
        let rows = dim_table_all
            .iter()
            .filter(|c| shown.iter().any(|g| g.group_type == c.group.group_type && g.group == c.group.group))
            .map(|c| {
                let cells = c
                    .group
                    .scores
                    .iter()
                    .zip(&c.everyone.scores)
                    .zip(&c.group.counts)
                    .zip(&dim_table_names)
                    .map(|(((g, e), count), dimension)| {
                        let text = match (g, e) {
                            (Some(g), Some(e)) => t_string!(i18n, profile.dimension_cell, group = format!("{g:.1}"), everyone = format!("{e:.1}"), difference = signed(g - e), count = count).to_string(),
                            _ => t_string!(i18n, profile.no_score).to_string(),
                        };
                        view! { <td class="num" data-label=dimension.clone()>{text}</td> }
                    })
                    .collect_view();
                view! { <tr>{group_cell(i18n, &c.group.group_type, &c.group.group)}{cells}</tr> }
            })
            .collect_view();
        view! {
            <table class="data-table stacks">
                <caption>{t!(i18n, profile.dimension_caption)}</caption>
                <thead><tr><th scope="col">{t!(i18n, indicator.group)}</th>{head}</tr></thead>
                <tbody>{rows}</tbody>
            </table>
        }
    };
    let table_all = compared.clone();
    let table = move || {
        let (l_index, l_everyone, l_difference) = (t_string!(i18n, profile.index).to_string(), t_string!(i18n, profile.everyone_same).to_string(), t_string!(i18n, profile.difference).to_string());
        let (l_count, l_rank, l_sure) = (t_string!(i18n, profile.indicators).to_string(), t_string!(i18n, profile.rank).to_string(), t_string!(i18n, profile.how_sure).to_string());
        let ranges = ranges.get();
        let rows = standing
            .get()
            .into_iter()
            .zip(ranges)
            .map(|(s, range)| {
                let c = &table_all[s.comparison];
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
                view! {
                    <tr class:unranked=s.rank.is_none()>
                        {group_cell(i18n, &c.group.group_type, &c.group.group)}
                        <td class="num" data-label=l_index.clone()>{format!("{:.1}", s.group_index)}</td>
                        <td class="num" data-label=l_everyone.clone()>{format!("{:.1}", s.everyone_index)}</td>
                        <td class="num" data-label=l_difference.clone()>{signed(s.difference)}</td>
                        <td class="num" data-label=l_count.clone()>{count}</td>
                        <td class="num" data-label=l_rank.clone()>{rank}</td>
                        <td data-label=l_sure.clone()>{sure}</td>
                    </tr>
                }
            })
            .collect_view();
        view! {
            <table class="data-table stacks">
                <caption>{t!(i18n, profile.caption)}</caption>
                <thead><tr>
                    <th scope="col">{t!(i18n, indicator.group)}</th><th scope="col">{t!(i18n, profile.index)}</th>
                    <th scope="col">{t!(i18n, profile.everyone_same)}</th><th scope="col">{t!(i18n, profile.difference)}</th>
                    <th scope="col">{t!(i18n, profile.indicators)}</th><th scope="col">{t!(i18n, profile.rank)}</th>
                    <th scope="col">{t!(i18n, profile.how_sure)}</th>
                </tr></thead>
                <tbody>{rows}</tbody>
            </table>
        }
    };
    let sentence_all = compared.clone();
    let summary = move || {
        let st = standing.get();
        let ranked: Vec<&Standing> = st.iter().filter(|s| s.rank.is_some()).collect();
        let unranked = st.len() - ranked.len();
        match (ranked.first(), ranked.last()) {
            (Some(hi), Some(lo)) if ranked.len() > 1 => t_string!(
                i18n,
                profile.sentence,
                high = label_of(i18n, &sentence_all[hi.comparison].group),
                high_score = signed(hi.difference),
                low = label_of(i18n, &sentence_all[lo.comparison].group),
                low_score = signed(lo.difference),
                unranked = unranked,
                groups = st.len()
            )
            .to_string(),
            _ if !st.is_empty() => t_string!(i18n, profile.too_few, unranked = unranked, groups = st.len()).to_string(),
            _ => t_string!(i18n, profile.no_index).to_string(),
        }
    };
    // The profile's own figures, as a table to download: each group beside everyone on the
    // same figures, by dimension and in the index, with its rank and how sure it is.
    let (scores_all, scores_names) = (compared.clone(), dim_names.clone());
    let scores_csv = move || {
        let w = weights.get();
        let st = standing.get();
        let ranges = ranges.get();
        crate::core::indicators::matched::scores_csv(&scores_all, &scores_names, &w, &st, &ranges)
    };
    let profile_height = 120 + 60 * n as u32;
    let composite_height = 56 + 36 * compared.len() as u32;
    view! {
        <GroupChoice all=groups.clone() chosen weights />
        <section class="panel" aria-labelledby="profile-heading">
            <h2 id="profile-heading">{t!(i18n, profile.by_dimension)}</h2>
            <p class="summary">{t!(i18n, profile.by_dimension_summary)}</p>
            <EChart id="profile".to_string() request=profile_options.into() height=profile_height
                label=profile_label
                file_stem="dimension-profile".to_string() />
            <div class="table-scroll" role="region" aria-label=ts!(i18n, profile.dimension_caption) tabindex="0">{dimension_table}</div>
        </section>
        <WeightsForm names=dim_names.clone() chosen weights />
        <section class="panel" aria-labelledby="index-heading">
            <h2 id="index-heading">{t!(i18n, profile.your_index)}</h2>
            <p class="summary" role="status">{summary}</p>
            <EChart id="composite".to_string() request=composite_options.into() height=composite_height
                label=index_label
                file_stem="your-index".to_string() />
            <div class="table-scroll" role="region" aria-label=ts!(i18n, profile.scores_label) tabindex="0">{table}</div>
        </section>
        <Sensitivity all=differences.clone() weights />
        <YourProfile dims=dim_ids.clone() names=dim_names.clone() weights />
        <section class="panel" aria-labelledby="profile-downloads">
            <h2 id="profile-downloads">{t!(i18n, downloads.heading)}</h2>
            <p>{t!(i18n, downloads.profile)}</p>
            <DataDownloads rows=export_rows indicators=export_indicators stem="profile".to_string() title=t_string!(i18n, profile.heading).to_string() csv=true />
            <p>{t!(i18n, profile.scores_download_summary)}</p>
            <a class="button secondary" download="profile-scores.csv"
                href=move || format!("data:text/csv;charset=utf-8,{}", encode(&scores_csv()))>{t!(i18n, profile.scores_download)}</a>
        </section>
    }
    .into_any()
}

/// The person's own measures on the five dimensions, scored the same way. Their figures are
/// about their own population (a town, a community, the people they surveyed), so they are
/// profiled among themselves: "everyone" here is everyone in their data, never the country's.
#[component]
fn YourProfile(dims: Vec<String>, names: Vec<String>, weights: Memo<Vec<f64>>) -> impl IntoView {
    let i18n = use_i18n();
    let yours = crate::yours::use_yours();
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
                            Some(s) if *c == 1 => t_string!(i18n, profile.score_one, score = format!("{s:.1}")).to_string(),
                            Some(s) => t_string!(i18n, profile.score_many, score = format!("{s:.1}"), count = c).to_string(),
                            None => t_string!(i18n, profile.no_score).to_string(),
                        };
                        view! { <td class="num">{text}</td> }
                    })
                    .collect_view();
                let name = if p.group_type == "total" { t_string!(i18n, profile.yours_everyone).to_string() } else { p.group.clone() };
                view! { <tr><th scope="row" lang="en">{name}</th>{cells}<td class="num">{format!("{:.1}", r.composite)}</td></tr> }
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

/// Everyone, and the groups scored on the most dimensions (up to five more).
fn default_groups(all: &[GroupProfile]) -> Vec<GroupRef> {
    let mut others: Vec<&GroupProfile> = all.iter().filter(|p| p.group_type != "total").collect();
    crate::core::order::sort_by_key(&mut others, |p| std::cmp::Reverse(p.scores.iter().filter(|s| s.is_some()).count()));
    others
        .into_iter()
        .take(MAX_SERIES - 1)
        .map(|p| GroupRef {
            group_type: p.group_type.clone(),
            group: p.group.clone(),
        })
        .collect()
}

fn shown_profiles<'a>(all: &'a [GroupProfile], chosen: &[GroupRef]) -> Vec<&'a GroupProfile> {
    all.iter()
        .filter(|p| {
            p.group_type == "total"
                || chosen
                    .iter()
                    .any(|g| g.group_type == p.group_type && g.group == p.group)
        })
        .take(MAX_SERIES)
        .collect()
}

#[component]
fn GroupChoice(
    all: Arc<Vec<GroupProfile>>,
    chosen: Memo<Vec<GroupRef>>,
    weights: Memo<Vec<f64>>,
) -> impl IntoView {
    let url = crate::url::use_url();
    let i18n = use_i18n();
    let boxes = all
        .iter()
        .filter(|p| p.group_type != "total")
        .map(|p| {
            let g = GroupRef { group_type: p.group_type.clone(), group: p.group.clone() };
            let label = format!("{} ({})", p.group, p.group_type.replace('_', " "));
            let this = g.clone();
            let on = Memo::new(move |_| chosen.get().contains(&this));
            view! {
                <label class="check">
                    <input type="checkbox" checked=on prop:checked=on
                        disabled={move || !on.get() && chosen.get().len() >= MAX_SERIES - 1}
                        on:change={move |_| {
                            let now = chosen.get_untracked();
                            let next: Vec<GroupRef> = if now.contains(&g) {
                                now.into_iter().filter(|c| *c != g).collect()
                            } else {
                                now.into_iter().chain(std::iter::once(g.clone())).collect()
                            };
                            url.go(&profile_href(Some(&next), &weights.get_untracked()), true);
                        }} />
                    <span lang="en">{label}</span>
                </label>
            }
        })
        .collect_view();
    view! {
        <fieldset class="group-picker">
            <legend>{t_string!(i18n, profile.groups, max = MAX_SERIES - 1).to_string()}</legend>
            {boxes}
        </fieldset>
    }
}

/// A slider per dimension (0 leaves it out) and a reset to equal weights.
#[component]
fn WeightsForm(
    names: Vec<String>,
    chosen: Memo<Vec<GroupRef>>,
    weights: Memo<Vec<f64>>,
) -> impl IntoView {
    let url = crate::url::use_url();
    let i18n = use_i18n();
    let go = move |w: Vec<f64>| {
        // Keep the groups in the link only if the person chose them.
        let chose = untrack(|| url.param("groups").is_some());
        let groups = chosen.get_untracked();
        url.go(&profile_href(chose.then_some(groups.as_slice()), &w), true);
    };
    let sliders = names
        .into_iter()
        .enumerate()
        .map(|(i, name)| {
            let id = format!("weight-{i}");
            let for_id = id.clone();
            let go = go.clone();
            let value = move || weights.get().get(i).copied().unwrap_or(1.0);
            view! {
                <div class="weight">
                    <label for=for_id lang="en">{name}</label>
                    <input id=id type="range" min="0" max=WEIGHT_MAX.to_string() step="1"
                        value=move || value().to_string()
                        prop:value=move || value().to_string()
                        on:change=move |ev| {
                            let mut w = weights.get_untracked();
                            if let (Some(slot), Ok(v)) = (w.get_mut(i), event_target_value(&ev).parse::<f64>()) {
                                *slot = v;
                            }
                            go(w);
                        } />
                    <output>{move || format!("{}", value() as u8)}</output>
                </div>
            }
        })
        .collect_view();
    let reset = move |_| go(vec![1.0; weights.get_untracked().len()]);
    view! {
        <section class="panel weights" aria-labelledby="weights-heading">
            <h2 id="weights-heading">{t!(i18n, profile.weights)}</h2>
            <p class="summary">{t_string!(i18n, profile.weights_summary, max = WEIGHT_MAX).to_string()}</p>
            {sliders}
            <button type="button" class="button secondary" on:click=reset>{t!(i18n, profile.reset)}</button>
        </section>
    }
}

/// How much the ranking depends on the weights: every weighting on the grid tried, each group's
/// best and worst rank, how often it ranks as it does now, and whom it changes places with.
#[component]
fn Sensitivity(all: Arc<Vec<GroupProfile>>, weights: Memo<Vec<f64>>) -> impl IntoView {
    let i18n = use_i18n();
    let look = use_look();
    let found = {
        let all = all.clone();
        Memo::new(move |_| Arc::new(sensitivity(&all, &weights.get())))
    };
    let (chart_all, table_all) = (all.clone(), all.clone());
    let chart_label = t_string!(i18n, sensitivity.chart_label).to_string();
    let label = chart_label.clone();
    let options = Memo::new(move |_| {
        let s = found.get();
        let mut rows: Vec<(String, usize, usize, usize)> = s
            .groups
            .iter()
            .filter_map(|g| Some((label_of(i18n, &chart_all[g.profile]), g.best?, g.worst?, g.rank.unwrap_or(usize::MAX))))
            .collect();
        crate::core::order::sort_by_key(&mut rows, |r| (r.3, r.1));
        let groups = rows.iter().map(|r| r.2).max().unwrap_or(1);
        let plot = Plot::RankRange {
            rows: rows.into_iter().map(|r| (r.0, r.1, r.2)).collect(),
            groups,
            axis: t_string!(i18n, sensitivity.axis).to_string(),
            series: t_string!(i18n, sensitivity.series).to_string(),
        };
        ChartRequest::new(plot, look.get(), label.clone())
    });
    let rank_text = move |r: Option<usize>| r.map(|r| r.to_string()).unwrap_or_else(|| t_string!(i18n, sensitivity.unranked).to_string());
    // What the weights change for a group, in words; other groups' names are content, in
    // English (everyone's name is the interface's).
    let sentence = move |g: &GroupSensitivity, all: &[GroupProfile]| -> AnyView {
        let (Some(best), Some(worst)) = (g.best, g.worst) else {
            return t_string!(i18n, sensitivity.never).to_string().into_any();
        };
        let range = if best == worst {
            t_string!(i18n, sensitivity.holds, rank = best).to_string()
        } else {
            t_string!(i18n, sensitivity.between, best = best, worst = worst).to_string()
        };
        if g.changes_places_with.is_empty() {
            return range.into_any();
        }
        let others: Vec<(String, Option<&'static str>)> = g
            .changes_places_with
            .iter()
            .map(|&h| (label_of(i18n, &all[h]), (all[h].group_type != "total").then_some("en")))
            .collect();
        let names = move || {
            others
                .iter()
                .enumerate()
                .map(|(i, (name, lang))| view! { {(i > 0).then_some(", ")}<span lang=*lang>{name.clone()}</span> })
                .collect_view()
        };
        view! { {range} " " {t!(i18n, sensitivity.depends, others = names)} }.into_any()
    };
    let table = move || {
        let s = found.get();
        let l_now = t_string!(i18n, sensitivity.rank_now).to_string();
        let l_range = t_string!(i18n, sensitivity.range).to_string();
        let l_same = t_string!(i18n, sensitivity.same).to_string();
        let l_meaning = t_string!(i18n, sensitivity.meaning).to_string();
        let mut groups: Vec<&GroupSensitivity> = s.groups.iter().collect();
        crate::core::order::sort_by_key(&mut groups, |g| (g.rank.unwrap_or(usize::MAX), g.profile));
        let rows = groups
            .into_iter()
            .map(|g| {
                let p = &table_all[g.profile];
                let share = (g.share_same() * 100.0).round() as u32;
                view! {
                    <tr>
                        {group_cell(i18n, &p.group_type, &p.group)}
                        <td class="num" data-label=l_now.clone()>{rank_text(g.rank)}</td>
                        <td class="num" data-label=l_range.clone()>{match (g.best, g.worst) { (Some(b), Some(w)) if b == w => b.to_string(), (Some(b), Some(w)) => format!("{b}–{w}"), _ => rank_text(None) }}</td>
                        <td class="num" data-label=l_same.clone()>{t_string!(i18n, sensitivity.share_cell, share = share, same = crate::core::text::thousands(g.same), of = crate::core::text::thousands(g.ranked_in)).to_string()}</td>
                        // One element inside, so a row stacked on a phone keeps it in one place.
                        <td data-label=l_meaning.clone()><span>{sentence(g, &table_all)}</span></td>
                    </tr>
                }
            })
            .collect_view();
        view! {
            <table class="data-table stacks">
                <caption>{t_string!(i18n, sensitivity.caption, weightings = crate::core::text::thousands(s.weightings)).to_string()}</caption>
                <thead><tr>
                    <th scope="col">{t!(i18n, indicator.group)}</th>
                    <th scope="col">{t!(i18n, sensitivity.rank_now)}</th>
                    <th scope="col">{t!(i18n, sensitivity.range)}</th>
                    <th scope="col">{t!(i18n, sensitivity.same)}</th>
                    <th scope="col">{t!(i18n, sensitivity.meaning)}</th>
                </tr></thead>
                <tbody>{rows}</tbody>
            </table>
        }
    };
    let summary = move || {
        let s = found.get();
        let ranked: Vec<&GroupSensitivity> = s.groups.iter().filter(|g| g.rank.is_some()).collect();
        let holding = ranked.iter().filter(|g| g.holds()).count();
        t_string!(i18n, sensitivity.summary, weightings = crate::core::text::thousands(s.weightings), holding = holding, groups = ranked.len()).to_string()
    };
    let height = 56 + 36 * all.len() as u32;
    view! {
        <section class="panel" aria-labelledby="sensitivity-heading">
            <h2 id="sensitivity-heading">{t!(i18n, sensitivity.heading)}</h2>
            <p class="summary" role="status">{summary}</p>
            <EChart id="sensitivity".to_string() request=options.into() height label=chart_label file_stem="weight-sensitivity".to_string() />
            <div class="table-scroll" role="region" aria-label=ts!(i18n, sensitivity.table_label) tabindex="0">{table}</div>
            <h3>{t!(i18n, sensitivity.how)}</h3>
            <p>{t!(i18n, sensitivity.method)}</p>
            <p>{t!(i18n, sensitivity.missing)}</p>
        </section>
    }
}
