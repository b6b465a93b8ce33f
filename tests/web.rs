//! Browser tests of the view components, run by wasm-bindgen-test in headless Chromium
//! (`scripts/test.sh`). They mount real components on real data and assert on what a user
//! (or a screen reader) finds: roles, accessible names, focus, text.
#![cfg(all(target_arch = "wasm32", feature = "hydrate"))]

use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;

use cohesion_explorer::components::diagram::Diagram;
use cohesion_explorer::components::error_panel::ErrorPanel;
use cohesion_explorer::core::atlas::parse_manifest;
use cohesion_explorer::core::{Atlas, DataError, DataErrors, Position};
use cohesion_explorer::fetch::LoadError;
use cohesion_explorer::language::{provide_language, Locale};
use leptos::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn atlas() -> Arc<Atlas> {
    let manifest = parse_manifest(
        "manifest.json",
        include_str!("../public/data/frameworks/manifest.json"),
    )
    .expect("manifest");
    let files = vec![
        (
            "strategic.json".to_string(),
            include_str!("../public/data/frameworks/strategic.json").to_string(),
        ),
        (
            "dimensions.json".to_string(),
            include_str!("../public/data/frameworks/dimensions.json").to_string(),
        ),
        (
            "focus.json".to_string(),
            include_str!("../public/data/frameworks/focus.json").to_string(),
        ),
        (
            "cef.json".to_string(),
            include_str!("../public/data/frameworks/cef.json").to_string(),
        ),
        (
            "cdc.json".to_string(),
            include_str!("../public/data/frameworks/cdc.json").to_string(),
        ),
        (
            "isw.json".to_string(),
            include_str!("../public/data/frameworks/isw.json").to_string(),
        ),
    ];
    let crosswalk = include_str!("../public/data/frameworks/crosswalk.json");
    Arc::new(Atlas::from_texts(&manifest, &files, ("crosswalk.json", crosswalk)).expect("atlas"))
}

/// A fresh container of a given width, so layout has something to measure.
fn container(width_px: u32) -> web_sys::HtmlElement {
    let doc = document();
    let div = doc
        .create_element("div")
        .expect("div")
        .unchecked_into::<web_sys::HtmlElement>();
    div.set_attribute("style", &format!("width: {width_px}px"))
        .expect("style");
    doc.body()
        .expect("body")
        .append_child(&div)
        .expect("append");
    div
}

/// Lets effects and re-renders run.
async fn settle() {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        window()
            .set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, 50)
            .expect("timeout");
    });
    wasm_bindgen_futures::JsFuture::from(promise)
        .await
        .expect("settled");
}

/// The strategic framework's page as the build writes it (its diagram at every width and a
/// panel per part) inside the framework's island, mounted 900 px wide and settled: the island
/// takes over the markup as it does on a prerendered page.
async fn mount_strategic_explorer() -> (
    web_sys::HtmlElement,
    leptos::mount::UnmountHandle<impl leptos::tachys::view::Mountable>,
) {
    use cohesion_explorer::components::detail_panel::DetailPanels;
    use cohesion_explorer::components::explorer::FrameworkIsland;
    let atlas = atlas();
    let framework = atlas.framework("strategic").expect("strategic").clone();
    let parts: Vec<String> = cohesion_explorer::core::layout::layout(&atlas, &framework, 320.0).nodes.into_iter().map(|p| p.id).collect();
    let root = container(900);
    let handle = leptos::mount::mount_to(root.clone(), move || {
        provide_language("en");
        view! {
            <FrameworkIsland>
                <header data-framework="strategic"></header>
                <p class="announce" aria-live="polite"></p>
                <div class="explorer">
                    <Diagram atlas=atlas.clone() framework=framework.clone() selected=None />
                    <DetailPanels atlas=atlas.clone() framework=framework.clone() parts=parts.clone() selected=None />
                </div>
            </FrameworkIsland>
        }
    });
    settle().await;
    (root, handle)
}

/// The drawing at `width` (the stylesheet, absent here, would show one per width).
fn drawing(root: &web_sys::HtmlElement, width: u32) -> web_sys::Element {
    root.query_selector(&format!("svg[data-width=\"{width}\"]")).expect("query").expect("a drawing at that width")
}

fn buttons(root: &web_sys::Element) -> Vec<web_sys::Element> {
    let list = root.query_selector_all("[role=button]").expect("query");
    (0..list.length())
        .filter_map(|i| list.item(i))
        .filter_map(|n| n.dyn_into().ok())
        .collect()
}

fn part(svg: &web_sys::Element, id: &str) -> web_sys::Element {
    svg.query_selector(&format!("[data-part=\"{id}\"]")).expect("query").expect("the part")
}

fn key(target: &web_sys::Element, key: &str) {
    let init = web_sys::KeyboardEventInit::new();
    init.set_key(key);
    init.set_bubbles(true);
    let event = web_sys::KeyboardEvent::new_with_keyboard_event_init_dict("keydown", &init).expect("event");
    target.dispatch_event(&event).expect("dispatch");
}

#[wasm_bindgen_test]
async fn diagram_parts_are_focusable_buttons_named_by_their_labels_at_every_width() {
    let (root, _handle) = mount_strategic_explorer().await;
    let drawn = 1 + 3 + 14 + 20 + 6 + 5 + 1 + 6;
    for width in [320, 416, 540, 702, 912, 1185] {
        let svg = drawing(&root, width);
        let nodes = buttons(&svg);
        assert_eq!(nodes.len(), drawn, "every part of the strategic framework is drawn at {width}");
        let tab_stops = nodes.iter().filter(|n| n.get_attribute("tabindex").as_deref() == Some("0")).count();
        assert_eq!(tab_stops, 1, "each drawing is a single tab stop (roving tabindex)");
        assert_eq!(svg.get_attribute("width").as_deref(), Some(width.to_string().as_str()));
    }
    let svg = drawing(&root, 702);
    assert_eq!(
        part(&svg, "strategic.vision").get_attribute("aria-label").as_deref(),
        Some("All people, whānau and communities thrive, belong and are respected in Aotearoa New Zealand.")
    );
    let kotahitanga = part(&svg, "strategic.principle.kotahitanga");
    assert_eq!(kotahitanga.get_attribute("aria-label").as_deref(), Some("Kotahitanga: Working connectively and in partnership"));
    let mi = kotahitanga.query_selector("[lang=mi]").expect("query").expect("a te reo Māori line");
    // Lines end in a space so wrapped labels read as one; the name itself is the source's.
    assert_eq!(mi.text_content().as_deref().map(str::trim), Some("Kotahitanga"));
    // Only the te reo word of a mixed name is marked as te reo.
    let aroha = part(&svg, "strategic.principle.aroha").query_selector("[lang=mi]").expect("query").expect("a te reo Māori word");
    assert_eq!(aroha.text_content().as_deref(), Some("Aroha"));
}

#[wasm_bindgen_test]
async fn arrow_keys_move_focus_between_parts_of_the_same_drawing() {
    let (root, _handle) = mount_strategic_explorer().await;
    let svg = drawing(&root, 702);
    let vision = part(&svg, "strategic.vision");
    vision.unchecked_ref::<web_sys::SvgElement>().focus().expect("focus");
    key(&vision, "ArrowRight");
    settle().await;
    let active = document().active_element().expect("focus somewhere");
    assert_eq!(active.get_attribute("data-part").as_deref(), Some("strategic.domain.people"));
    assert!(svg.contains(Some(&active)), "in the same drawing");
    assert_eq!(active.get_attribute("tabindex").as_deref(), Some("0"), "the tab stop moves with focus");
    key(&active, "ArrowLeft");
    settle().await;
    assert_eq!(document().active_element().and_then(|e| e.get_attribute("data-part")).as_deref(), Some("strategic.vision"));
}

#[wasm_bindgen_test]
async fn selecting_a_part_opens_its_panel_lights_its_links_and_escape_closes_it() {
    let here = window().location().href().expect("href");
    let (root, _handle) = mount_strategic_explorer().await;
    let svg = drawing(&root, 702);
    let open_panels = || -> Vec<String> {
        let list = root.query_selector_all(".detail:not([hidden])").expect("query");
        (0..list.length()).filter_map(|i| list.item(i)?.unchecked_into::<web_sys::Element>().get_attribute("data-part")).collect()
    };
    assert!(open_panels().is_empty(), "no panel shows before a part is chosen");
    let kotahitanga = part(&svg, "strategic.principle.kotahitanga");
    kotahitanga.unchecked_ref::<web_sys::SvgElement>().focus().expect("focus");
    key(&kotahitanga, "Enter");
    // The address follows once the selection has been painted.
    settle().await;
    settle().await;
    assert_eq!(open_panels(), ["strategic.principle.kotahitanga"]);
    assert_eq!(kotahitanga.get_attribute("aria-pressed").as_deref(), Some("true"));
    let heading = document().active_element().expect("focus");
    assert_eq!(heading.tag_name(), "H2", "focus lands on the panel's heading");
    assert!(heading.text_content().unwrap_or_default().contains("Working connectively and in partnership"));
    let live = root.query_selector(".announce").expect("q").expect("live region").text_content().unwrap_or_default();
    assert!(live.starts_with("Selected Kotahitanga"), "{live}");
    // Everything linked to it is lit, the rest dimmed, in every drawing.
    let lit = svg.query_selector_all(".node.is-linked").expect("q").length();
    let dimmed = svg.query_selector_all(".node.is-dimmed").expect("q").length();
    assert!(lit >= 2 && dimmed > 0 && lit + dimmed == buttons(&svg).len() as u32, "{lit} lit, {dimmed} dimmed");
    // Escape, from the panel, closes it and gives focus back to the part.
    key(&heading, "Escape");
    settle().await;
    assert!(open_panels().is_empty());
    assert_eq!(document().active_element().and_then(|e| e.get_attribute("data-part")).as_deref(), Some("strategic.principle.kotahitanga"));
    // The test runner's own address back as it was.
    window().history().expect("history").replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&here)).expect("replace");
}

#[wasm_bindgen_test]
async fn error_panel_says_where_and_retries_and_never_renders_data_as_html() {
    let root = container(400);
    let mut errors = DataErrors::default();
    errors.push(DataError::new(
        "frameworks/a.json",
        Some(Position { line: 3, column: 7 }),
        "expected a label, found empty text",
    ));
    errors.push(DataError::new(
        "frameworks/b.json",
        None,
        "<img src=x onerror=alert(1)>",
    ));
    let retries = Arc::new(AtomicUsize::new(0));
    let counter = retries.clone();
    let retry = Callback::new(move |_| {
        counter.fetch_add(1, Ordering::SeqCst);
    });
    let error = LoadError::Data(errors);
    let _handle = leptos::mount::mount_to(root.clone(), move || {
        provide_language("en");
        view! { <ErrorPanel what="The framework data".to_string() error=error.clone() retry /> }
    });
    settle().await;

    let alert = root
        .query_selector("[role=alert]")
        .expect("query")
        .expect("an alert");
    let text = alert.text_content().unwrap_or_default();
    assert!(
        text.contains("The framework data could not be loaded"),
        "{text}"
    );
    assert!(text.contains("2 problems were found"), "{text}");
    assert!(
        text.contains("frameworks/a.json, line 3, column 7: expected a label, found empty text"),
        "{text}"
    );
    assert!(
        text.contains("<img src=x onerror=alert(1)>"),
        "shown as text: {text}"
    );
    assert!(
        root.query_selector("img").expect("query").is_none(),
        "data is never parsed as HTML"
    );

    let button = alert
        .query_selector("button")
        .expect("query")
        .expect("retry button")
        .unchecked_into::<web_sys::HtmlElement>();
    assert_eq!(button.text_content().as_deref(), Some("Try again"));
    button.click();
    assert_eq!(retries.load(Ordering::SeqCst), 1);
}

/// Where `scripts/test.sh` serves `public/` during the browser tests.
const DATA_ORIGIN: &str = match option_env!("TEST_DATA_ORIGIN") {
    Some(origin) => origin,
    None => "http://127.0.0.1:8098",
};

#[wasm_bindgen_test]
async fn the_shipped_data_loads_through_gloo_net_as_the_app_loads_it() {
    use cohesion_explorer::fetch::{load_atlas, load_indicators, Network};
    let atlas = load_atlas(&Network, &format!("{DATA_ORIGIN}/data/frameworks/manifest.json"))
        .await
        .expect("frameworks load")
        .value;
    assert_eq!(atlas.frameworks.len(), 6);
    let data = load_indicators(&Network, &format!("{DATA_ORIGIN}/data/indicators/datapackage.json"))
        .await
        .expect("indicators load")
        .value;
    assert_eq!(data.store.indicators.len(), 110);
    assert_eq!(data.store.len(), 308);
    let parliament = data
        .store
        .key("trust_parliament", "total", "Total")
        .expect("series");
    let latest = cohesion_explorer::core::indicators::query::latest(&data.store, parliament)
        .expect("latest");
    assert_eq!(latest.point.value, Some(4.9));
}

#[wasm_bindgen_test]
async fn a_missing_file_is_a_typed_error_naming_it() {
    use cohesion_explorer::fetch::{load_atlas, Network};
    let err = load_atlas(&Network, &format!("{DATA_ORIGIN}/data/frameworks/nothing-here.json"))
        .await
        .expect_err("404");
    assert_eq!(err.to_string(), format!("{DATA_ORIGIN}/data/frameworks/nothing-here.json could not be fetched: the server answered 404 Not Found"));
}

#[wasm_bindgen_test]
async fn indicator_cards_show_the_chosen_indicators_in_order_with_a_named_sparkline() {
    use cohesion_explorer::components::indicator_cards::IndicatorCards;
    use cohesion_explorer::core::indicators::parse::{read_indicators, read_observations};
    let indicators = read_indicators(
        "indicators.csv",
        "id,title,short_title,dimensions,nodes,mapping_basis,unit,direction,definition,source_name,source_url,licence\n\
         a,First <b>bold</b>,First <b>bold</b>,,,editorial,percent,higher_is_better,,S,https://e.org,L\n\
         b,Second,Second,,,editorial,mean score 0-10,lower_is_better,,S,https://e.org,L\n"
            .as_bytes(),
    )
    .expect("indicators");
    let store = read_observations(
        "observations.csv",
        "indicator_id,period,group_type,group,value\na,2020,total,Total,40\na,2022,total,Total,45\nb,2020,total,Total,6\nb,2022,total,Total,5\n"
            .as_bytes(),
        indicators,
    )
    .store;
    let root = container(400);
    let _handle = leptos::mount::mount_to(root.clone(), move || {
        provide_language("en");
        let label = Callback::new(|d: String| d);
        view! { <IndicatorCards store=store.clone() dimension_label=label only=vec![1, 0] /> }
    });
    settle().await;
    let titles: Vec<String> = (0..2)
        .filter_map(|i| root.query_selector_all("h3").ok()?.item(i)?.text_content())
        .collect();
    assert_eq!(
        titles,
        ["Second", "First <b>bold</b>"],
        "in the order asked, and text stays text"
    );
    assert!(root.query_selector("b").expect("query").is_none());
    let sparks = root
        .query_selector_all("svg.sparkline")
        .expect("sparklines");
    let first = sparks
        .item(0)
        .expect("a sparkline")
        .unchecked_into::<web_sys::Element>();
    assert_eq!(
        first.get_attribute("aria-label").as_deref(),
        Some("Over time: 6 out of 10 in 2020, 5 out of 10 in 2022")
    );
    let change = root
        .query_selector(".change")
        .expect("q")
        .expect("a change");
    assert!(
        change
            .text_content()
            .unwrap_or_default()
            .contains("improved since 2020"),
        "lower is better: 6 to 5 is an improvement"
    );
}

/// The same error panel in te reo Māori: the interface's words change, the file's message
/// stays as it is and is marked as English.
#[wasm_bindgen_test]
async fn error_panel_speaks_te_reo_and_marks_the_file_message_as_english() {
    let root = container(400);
    let mut errors = DataErrors::default();
    errors.push(DataError::new(
        "frameworks/a.json",
        Some(Position { line: 3, column: 7 }),
        "expected a label, found empty text",
    ));
    let error = LoadError::Data(errors);
    // A te reo page (its address says so) gives the language to everything in it.
    let _handle = leptos::mount::mount_to(root.clone(), move || {
        let i18n = provide_language("mi");
        assert_eq!(i18n.get_locale(), Locale::mi);
        view! { <ErrorPanel what="Ngā raraunga o ngā anga".to_string() error=error.clone() retry=Callback::new(|_| ()) /> }
    });
    settle().await;
    let alert = root
        .query_selector("[role=alert]")
        .expect("query")
        .expect("an alert");
    let text = alert.text_content().unwrap_or_default();
    assert!(
        text.contains("Kāore i taea te uta: Ngā raraunga o ngā anga"),
        "{text}"
    );
    assert!(text.contains("Kotahi te raru i kitea"), "{text}");
    let list = alert
        .query_selector(".error-list")
        .expect("q")
        .expect("the list");
    assert_eq!(list.get_attribute("lang").as_deref(), Some("en"));
    assert!(list
        .text_content()
        .unwrap_or_default()
        .contains("line 3, column 7"));
    let button = alert.query_selector("button").expect("q").expect("retry");
    assert_eq!(button.text_content().as_deref(), Some("Whakamātau anō"));
}

/// A figure's source cell and the summary sentence, mounted on a te reo page: the interface's
/// words are te reo, the release's name and the indicator's title stay English and are marked,
/// and a figure read in a secondary page links there, labelled so.
#[wasm_bindgen_test]
async fn te_reo_summary_and_source_cell_mark_what_is_data() {
    use cohesion_explorer::components::source_cell::SourceCell;
    use cohesion_explorer::core::indicators::parse::{read_indicators, read_observations};
    use cohesion_explorer::core::indicators::view::{chart_series, summary_facts};
    use cohesion_explorer::sentences;
    let indicators = read_indicators(
        "i",
        b"id,title,short_title,dimensions,nodes,mapping_basis,unit,direction,definition,source_name,source_url,licence\nd,Experienced discrimination,D,,,editorial,percent,lower_is_better,,S,https://e.org,L\n",
    )
    .expect("indicators");
    let obs = "indicator_id,period,group_type,group,value,flags,source,source_url,read_at,note\nd,2010,total,Total,10,,Stats NZ,,https://news.example/a,\nd,2014,total,Total,17.1,break,Stats NZ,,https://news.example/b,Other words before 2014.\nd,2021,total,Total,20.9,,Stats NZ,https://stats.govt.nz/r,https://stats.govt.nz/r,\n";
    let store = read_observations("o", obs.as_bytes(), indicators).store;
    let root = container(400);
    let (for_view, row) = (store.clone(), store.row(1));
    let _handle = leptos::mount::mount_to(root.clone(), move || {
        let i18n = provide_language("mi");
        let indicator = for_view.indicators[0].clone();
        let facts = summary_facts(&for_view, &indicator, &chart_series(&for_view, "d", &[]));
        let sentence = sentences::summary(i18n, &indicator, &facts);
        view! {
            <p id="summary">{sentence.view(i18n)}</p>
            <table><tbody><tr><SourceCell i18n row=row.clone() label="Mātāpuna".to_string() /></tr></tbody></table>
        }
    });
    settle().await;
    let summary = root.query_selector("#summary").expect("q").expect("summary");
    let text = summary.text_content().unwrap_or_default();
    assert_eq!(
        text,
        "Experienced discrimination: 20.9% i 2021 (kua kino ake mai i 2014, kāore i whakamātauria te hiranga). He whati kei te raupapa i 2014 (i panoni te pātai, te uiuinga, te taupori rānei), nō reira kāore he panoni e tātaitia i tōna whitinga."
    );
    let title = summary.query_selector("[lang=en]").expect("q").expect("the title, marked");
    assert_eq!(title.text_content().as_deref(), Some("Experienced discrimination"));
    let cell = root.query_selector("td.source-cell").expect("q").expect("cell");
    let link = cell.query_selector("a").expect("q").expect("a link");
    assert_eq!(link.get_attribute("href").as_deref(), Some("https://news.example/b"));
    assert_eq!(link.text_content().as_deref(), Some("te wāhi i pānuitia ai"));
    assert!(cell.text_content().unwrap_or_default().contains("Other words before 2014."));
}

/// Waits until `ready` holds (checking every 50 ms, for up to 10 s).
async fn until(ready: impl Fn() -> bool) {
    for _ in 0..200 {
        if ready() {
            return;
        }
        settle().await;
    }
    panic!("timed out");
}

/// The Data page's own-data tools, mounted on their own: a table pasted in is read, the
/// describe step shows each column's role and a preview as the app understands it, a change of
/// role shows at once, and showing the measure says how many figures it has.
#[wasm_bindgen_test]
async fn a_pasted_table_is_described_and_becomes_a_measure() {
    use cohesion_explorer::components::your_data::YourData;
    use cohesion_explorer::data::{provide_data, Initial};
    let root = container(900);
    let _handle = leptos::mount::mount_to(root.clone(), move || {
        provide_language("en");
        provide_data(Initial::default());
        view! { <YourData /> }
    });
    settle().await;
    let area: web_sys::HtmlTextAreaElement = root.query_selector("#yours-paste").expect("q").expect("the paste box").unchecked_into();
    area.set_value("Year\tMāori\tPacific peoples\tEveryone\n2022\t68\t65\t71\n2023\t70\t69\t73\n");
    let read = root.query_selector(".paste-box + p button").expect("q").expect("the read button");
    read.unchecked_ref::<web_sys::HtmlElement>().click();
    until(|| root.query_selector(".describe").ok().flatten().is_some()).await;
    let text = root.text_content().unwrap_or_default();
    assert!(text.contains("pasted table: 6 rows read as a table with periods down."), "{text}");
    // Each column's role, as a person can change it.
    let role = |id: &str| -> web_sys::HtmlSelectElement { root.query_selector(id).expect("q").expect("a role").unchecked_into() };
    assert_eq!(role("#yours-role-0").value(), "period");
    assert_eq!(role("#yours-role-1").value(), "group");
    assert_eq!(role("#yours-role-2").value(), "value");
    let everyone: web_sys::HtmlSelectElement = root.query_selector("#yours-everyone").expect("q").expect("everyone").unchecked_into();
    assert_eq!(everyone.value(), "Everyone");
    // The preview, as the app understands it: everyone's figures marked so.
    let preview = root.query_selector(".describe caption").expect("q").expect("a caption").text_content().unwrap_or_default();
    assert_eq!(preview, "The first 6 figures, as they will show");
    let rows = root.query_selector_all(".describe table.data-table:not(.roles) tbody tr").expect("q");
    let first = rows.item(0).expect("a row").text_content().unwrap_or_default();
    assert!(first.contains("2022") && first.contains("Māori") && first.contains("68"), "{first}");
    // Saying nobody is everyone shows at once in the preview.
    everyone.set_value("");
    let change = web_sys::Event::new_with_event_init_dict("change", &{ let i = web_sys::EventInit::new(); i.set_bubbles(true); i }).expect("event");
    everyone.dispatch_event(&change).expect("dispatch");
    settle().await;
    let all = root.query_selector(".describe").expect("q").expect("describe").text_content().unwrap_or_default();
    assert!(!all.contains("(everyone)"), "{all}");
    // Text from the file is text: a title with markup in it stays words.
    let title: web_sys::HtmlInputElement = root.query_selector("#yours-title").expect("q").expect("title").unchecked_into();
    title.set_value("<b>Feel welcome</b>");
    title.dispatch_event(&web_sys::Event::new_with_event_init_dict("input", &{ let i = web_sys::EventInit::new(); i.set_bubbles(true); i }).expect("event")).expect("dispatch");
    settle().await;
    let show = root.query_selector(".describe > p > button").expect("q").expect("show");
    show.unchecked_ref::<web_sys::HtmlElement>().click();
    until(|| root.query_selector(".outcome").ok().flatten().is_some()).await;
    let outcome = root.query_selector(".outcome strong").expect("q").expect("the outcome");
    assert_eq!(outcome.text_content().as_deref(), Some("<b>Feel welcome</b>: 6 figures."));
    assert!(outcome.query_selector("b").expect("q").is_none(), "never rendered as HTML");
}
