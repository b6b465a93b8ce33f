//! Writes every page of the app as its own HTML file, rendered by the app's components, into
//! a Trunk build (run by `scripts/post-build.mjs`, Trunk's post-build hook):
//!
//!   cargo run --features ssr --bin prerender -- <build dir>
//!
//! For each place (English and te reo Māori, full and embedded) and each route that needs no
//! input from the person (`core::prerender::routes`), plus a not-found page and each
//! section's offline shell (`core::site::Section::shell_route`), it takes Trunk's
//! `index.html` as the template and writes the page's head (title, description, canonical
//! link, languages, Open Graph, the page record and the modules it loads) and its rendered
//! body. Then the sitemap, robots.txt and `sections.json` (for the post-build hook's service
//! worker).
//!
//! Environment: `TRUNK_PUBLIC_URL` (the sub-path, from Trunk; default `/`), `CE_SITE_URL`
//! (the site's origin, for canonical links and the sitemap; default `http://127.0.0.1:8080`,
//! where `scripts/serve.sh` serves it: set it when deploying).

use std::path::{Path, PathBuf};
use std::time::Instant;

use cohesion_explorer::components::link::Site;
use cohesion_explorer::core::prerender::{
    file_for, head_tags, module_tags, robots, routes, sections_json, sitemap, DataSet, HeadInfo, PageRecord,
};
use cohesion_explorer::core::site::{Place, Section, NOT_FOUND_ROUTE};
use cohesion_explorer::data::Initial;
use cohesion_explorer::fetch::{load_atlas, load_indicators, Disk, DATAPACKAGE, MANIFEST};
use cohesion_explorer::language::{locale_of, td_string};
use cohesion_explorer::prerender::{document_title, render};

fn fail(message: String) -> ! {
    eprintln!("prerender: {message}");
    std::process::exit(1);
}

fn main() {
    let started = Instant::now();
    let dir = PathBuf::from(
        std::env::args()
            .nth(1)
            .unwrap_or_else(|| fail("usage: prerender <build dir>".into())),
    );
    let sub = std::env::var("TRUNK_PUBLIC_URL").unwrap_or_else(|_| "/".into());
    let sub = sub.trim_end_matches('/').to_string();
    let origin = std::env::var("CE_SITE_URL").unwrap_or_else(|_| "http://127.0.0.1:8080".into());
    let site_url = format!("{}{sub}", origin.trim_end_matches('/'));

    let template = std::fs::read_to_string(dir.join("index.html"))
        .unwrap_or_else(|e| fail(format!("{}: {e}", dir.join("index.html").display())));
    let disk = Disk(dir.clone());
    let atlas = futures::executor::block_on(load_atlas(&disk, MANIFEST))
        .unwrap_or_else(|e| fail(format!("the framework data: {}", e.lines().join("; "))));
    let indicators = futures::executor::block_on(load_indicators(&disk, DATAPACKAGE))
        .unwrap_or_else(|e| fail(format!("the indicator data: {}", e.lines().join("; "))));
    let initial = Initial {
        atlas: Some(atlas.clone()),
        indicators: Some(indicators.clone()),
    };
    let all = routes(&atlas.value, &indicators.value.store);
    let mut extra = vec![NOT_FOUND_ROUTE.to_string()];
    extra.extend(Section::ALL.map(Section::shell_route));


    let mut written = 0;
    for place in Place::all() {
        let site = Site { sub: sub.clone(), place };
        for route in all.iter().chain(&extra).map(String::as_str) {
            let page = render(&site, route, &initial);
            let record = PageRecord {
                route: route.to_string(),
                lang: place.lang.to_string(),
                embed: place.embed,
                atlas: page.read_atlas.then(|| DataSet { fingerprint: atlas.fingerprint.clone(), files: atlas.files.clone() }),
                indicators: page
                    .read_indicators
                    .then(|| DataSet { fingerprint: indicators.fingerprint.clone(), files: indicators.files.clone() }),
                warm: atlas.files.iter().chain(&indicators.files).cloned().collect(),
            };
            let head = HeadInfo {
                title: document_title(&page.title),
                description: page.description.clone(),
                site_url: site_url.clone(),
                place,
                route: route.to_string(),
                record,
            };
            let tags = format!("{}\n    {}", head_tags(&head), module_tags(Section::of(route)));
            let html = compose(&template, &tags, &page.body, place);
            write(&dir, &file_for(place, route), &html);
            written += 1;
        }
    }
    write(&dir, "sitemap.xml", &sitemap(&site_url, &all));
    write(&dir, "robots.txt", &robots(&site_url, &sub));
    write(&dir, "sections.json", &sections_json());
    println!(
        "prerender: {written} pages ({} routes x {} places, and the not-found and offline pages) in {:.1} s",
        all.len(),
        Place::all().len(),
        started.elapsed().as_secs_f64()
    );
}

fn write(dir: &Path, file: &str, text: &str) {
    let path = dir.join(file);
    if let Some(parent) = path.parent() {
        std::fs::create_dir_all(parent).unwrap_or_else(|e| fail(format!("{}: {e}", parent.display())));
    }
    std::fs::write(&path, text).unwrap_or_else(|e| fail(format!("{}: {e}", path.display())));
}

/// Trunk's page with this page's language, mode, head and body.
fn compose(template: &str, head: &str, body: &str, place: Place) -> String {
    let mut html = template.to_string();
    // The page's language and mode, on the root element, before any style applies.
    let root = format!(
        "<html lang=\"{}\"{}>",
        place.lang,
        if place.embed { " data-embed" } else { "" }
    );
    html = replace_tag(&html, "<html", ">", &root);
    html = remove_between(&html, "<title>", "</title>");
    html = remove_between(&html, "<meta name=\"description\"", ">");
    let end_of_head = html.find("</head>").unwrap_or_else(|| fail("index.html has no </head>".into()));
    // An embed takes the host's light or dark scheme before its first paint.
    let theme = if place.embed { "\n    <script src=\"embed-theme.js\"></script>" } else { "" };
    html.insert_str(end_of_head, &format!("  {head}{theme}\n  "));
    // What needs scripts, said where scripts are off; the page itself is readable without.
    let locale = locale_of(place.lang);
    let noscript = format!(
        "<noscript><p class=\"noscript\">{}</p></noscript>",
        cohesion_explorer::core::prerender::escape(&td_string!(locale, noscript).to_string())
    );
    let start = html.find("<body").unwrap_or_else(|| fail("index.html has no <body>".into()));
    let open_end = start + html[start..].find('>').unwrap_or(0) + 1;
    let close = html.rfind("</body>").unwrap_or_else(|| fail("index.html has no </body>".into()));
    // No whitespace before the app's first node: the browser takes over the body's children
    // in order, starting with the first.
    format!("{}{body}{noscript}{}", &html[..open_end], &html[close..])
}

/// `html` with the first tag starting `open` (up to `close`) replaced by `with`.
fn replace_tag(html: &str, open: &str, close: &str, with: &str) -> String {
    match html.find(open) {
        Some(start) => {
            let end = start + html[start..].find(close).unwrap_or(0) + close.len();
            format!("{}{with}{}", &html[..start], &html[end..])
        }
        None => html.to_string(),
    }
}

/// `html` without the first run from `open` to `close` (and the line's indentation after it).
fn remove_between(html: &str, open: &str, close: &str) -> String {
    match html.find(open) {
        Some(start) => {
            let end = start + html[start..].find(close).unwrap_or(0) + close.len();
            let rest = html[end..].trim_start_matches([' ', '\n']);
            format!("{}{rest}", &html[..start])
        }
        None => html.to_string(),
    }
}
