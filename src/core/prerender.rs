//! What the build writes besides the app: which pages there are, the file each goes in, the
//! tags in each page's `<head>` (title, description, canonical link, languages, Open Graph and
//! the record of what it was rendered from), and the sitemap and robots file. Pure text, so it is tested natively; `src/bin/prerender.rs` renders the pages'
//! bodies with the app's own components and puts everything together.

use serde::{Deserialize, Serialize};

use super::atlas::Atlas;
use super::fingerprint::Fingerprint;
use super::indicators::Store;
use super::language;
use super::layout::{layout, PRERENDER_WIDTH};
use super::links::{encode, FrameworkView};
use super::site::{is_shell, Place, Section, NOT_FOUND_ROUTE};

/// Every route that needs no input from the person: the framework views (each framework, each
/// part its diagram draws, its text version), the crosswalk, the indicators, every shipped
/// indicator's page, the profile, the data page, the discussion worksheet and About. The not-found page is apart
/// ([`NOT_FOUND_ROUTE`]).
pub fn routes(atlas: &Atlas, store: &Store) -> Vec<String> {
    let mut out = vec!["/".to_string(), "/framework".to_string()];
    for f in &atlas.frameworks {
        let view = FrameworkView::of(&f.id);
        out.push(view.href());
        out.push(view.clone().with_text(true).href());
        for placed in layout(atlas, f, PRERENDER_WIDTH).nodes {
            out.push(view.clone().with_node(Some(&placed.id)).href());
        }
    }
    out.push("/framework/crosswalk".to_string());
    out.push("/indicators".to_string());
    for indicator in &store.indicators {
        out.push(format!("/indicators/{}", encode(&indicator.id)));
    }
    out.extend(["/profile", "/open-data", "/worksheet", "/about"].map(str::to_string));
    out
}

/// The file a page is written to, relative to the build's root: `mi/indicators/index.html`,
/// `index.html`; the not-found page is `404.html` at its place (hosts serve the nearest).
pub fn file_for(place: Place, route: &str) -> String {
    let (dir, name) = if route == NOT_FOUND_ROUTE {
        (place.prefix(), "404.html")
    } else {
        let route = if route == "/" { "" } else { route };
        (format!("{}{route}", place.prefix()), "index.html")
    };
    let dir = dir.trim_start_matches('/');
    if dir.is_empty() {
        name.to_string()
    } else {
        format!("{dir}/{name}")
    }
}

/// The modules a page of `section` loads, as `<meta>` tags for the page's loader: its
/// section's islands module and its script (`ce-islands`, `ce-islands-js`), and the
/// whole-page module with its script (`ce-app`, `ce-app-js`), loaded only when the page must
/// be drawn afresh. The names are placeholders (`@islands-framework@`, `@islands-js-framework@`,
/// `@app@`, `@app-js@`) that the post-build hook replaces with the modules it built, whose
/// names carry their content's hash.
pub fn module_tags(section: Section) -> String {
    let s = section.name();
    format!(
        "<meta name=\"ce-islands\" content=\"@islands-{s}@\" />\n    <meta name=\"ce-islands-js\" content=\"@islands-js-{s}@\" />\n    <meta name=\"ce-app\" content=\"@app@\" />\n    <meta name=\"ce-app-js\" content=\"@app-js@\" />"
    )
}

/// The sections as the post-build hook needs them for the service worker's rules: each one's
/// name, its routes' first segments and its offline shell's route. JSON.
pub fn sections_json() -> String {
    let sections: Vec<serde_json::Value> = Section::ALL
        .iter()
        .map(|s| {
            serde_json::json!({
                "name": s.name(),
                "segments": s.first_segments(),
                "shell": s.shell_route(),
            })
        })
        .collect();
    serde_json::Value::Array(sections).to_string()
}

/// What the browser needs to know about the page it was served: where it was rendered, and
/// from which data. Written into the page as a data block (`<script type="text/plain"
/// id="ce-page">`, see [`PageRecord::to_text`]), which no browser runs and no policy treats as a
/// script.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
pub struct PageRecord {
    /// The route the page was rendered at (`/indicators/x`, or the not-found route).
    pub route: String,
    pub lang: String,
    pub embed: bool,
    /// The framework data, if the page's render read it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub atlas: Option<DataSet>,
    /// The indicator data, if the page's render read it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub indicators: Option<DataSet>,
    /// Every data file of the site, which the offline worker is asked to keep once it runs,
    /// so that one visit is enough to open every page offline.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub warm: Vec<String>,
}

/// One data set a page was rendered from: the files it is made of (relative to the base, in
/// the order they are read), so the browser can fetch them all at once, and the fingerprint
/// of their texts.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DataSet {
    pub fingerprint: Fingerprint,
    pub files: Vec<String>,
}

impl DataSet {
    /// Whether the texts of these files (`text_of` gives each one, `None` if it could not be
    /// fetched) are the ones the page was rendered from.
    pub fn is_current<'a>(&self, text_of: impl Fn(&str) -> Option<&'a str>) -> bool {
        let texts: Option<Vec<&str>> = self.files.iter().map(|f| text_of(f)).collect();
        texts.is_some_and(|texts| Fingerprint::of(texts) == self.fingerprint)
    }
}

/// The id of the page record's element.
pub const RECORD_ID: &str = "ce-page";

impl PageRecord {
    /// The record as the text of its data block: one field a line, its name first, then its
    /// values separated by spaces (`atlas <fingerprint> <file> <file> …`). Routes and file
    /// names are URL paths, which hold no space, and a `<` is written `%3C`, so no text in it
    /// can close the element early. A line format rather than JSON: the browser's modules
    /// read it with a few lines of code instead of a JSON parser (about 6 KB of compressed
    /// wasm for a module whose islands take no props).
    pub fn to_text(&self) -> String {
        let clean = |v: &str| v.replace('<', "%3C").replace(char::is_whitespace, "%20");
        let mut lines = vec![
            format!("route {}", clean(&self.route)),
            format!("lang {}", clean(&self.lang)),
            format!("embed {}", u8::from(self.embed)),
        ];
        for (name, set) in [("atlas", &self.atlas), ("indicators", &self.indicators)] {
            if let Some(set) = set {
                let files: Vec<String> = set.files.iter().map(|f| clean(f)).collect();
                lines.push(format!("{name} {} {}", clean(&set.fingerprint.0), files.join(" ")).trim_end().to_string());
            }
        }
        if !self.warm.is_empty() {
            let files: Vec<String> = self.warm.iter().map(|f| clean(f)).collect();
            lines.push(format!("warm {}", files.join(" ")));
        }
        lines.join("\n")
    }

    /// The record back from [`PageRecord::to_text`]; `None` if it has no route.
    pub fn from_text(text: &str) -> Option<PageRecord> {
        let mut record = PageRecord::default();
        let mut has_route = false;
        for line in text.lines() {
            let mut words = line.split_whitespace();
            let Some(name) = words.next() else { continue };
            let mut values = words.map(str::to_string);
            match name {
                "route" => {
                    record.route = values.next().unwrap_or_default();
                    has_route = true;
                }
                "lang" => record.lang = values.next().unwrap_or_default(),
                "embed" => record.embed = values.next().as_deref() == Some("1"),
                "atlas" | "indicators" => {
                    let set = DataSet { fingerprint: Fingerprint(values.next().unwrap_or_default()), files: values.collect() };
                    if name == "atlas" {
                        record.atlas = Some(set);
                    } else {
                        record.indicators = Some(set);
                    }
                }
                "warm" => record.warm = values.collect(),
                _ => {}
            }
        }
        has_route.then_some(record)
    }

    /// Every data file the page was rendered from.
    pub fn files(&self) -> Vec<String> {
        self.atlas.iter().chain(&self.indicators).flat_map(|set| set.files.iter().cloned()).collect()
    }

    /// Whether the data files as fetched now (`text_of`) are the ones the page was rendered
    /// from: every data set's fingerprint matches, and none could not be fetched.
    pub fn is_current<'a>(&self, text_of: impl Fn(&str) -> Option<&'a str> + Copy) -> bool {
        self.atlas.iter().chain(&self.indicators).all(|set| set.is_current(text_of))
    }

    pub fn place(&self) -> Place {
        Place::new(language::known(&self.lang).unwrap_or(language::DEFAULT), self.embed)
    }
}

/// Everything a page's `<head>` says about it.
#[derive(Debug, Clone, Default)]
pub struct HeadInfo {
    /// The document title ("Indicators · Cohesion Explorer").
    pub title: String,
    pub description: String,
    /// Where the site lives, ending without `/` (`https://agency.govt.nz/social-cohesion`).
    pub site_url: String,
    pub place: Place,
    pub route: String,
    pub record: PageRecord,
}

/// Escapes text for an HTML attribute or text node.
pub fn escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('"', "&quot;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

/// A page's absolute address at a place.
pub fn url_of(site_url: &str, place: Place, route: &str) -> String {
    format!("{}{}", site_url.trim_end_matches('/'), place.href(route))
}

fn og_locale(lang: &str) -> &'static str {
    match lang {
        "mi" => "mi_NZ",
        _ => "en_NZ",
    }
}

/// The tags for a page's `<head>` (after Trunk's own), one per line.
pub fn head_tags(info: &HeadInfo) -> String {
    let mut tags = Vec::new();
    let title = escape(&info.title);
    let description = escape(&info.description);
    tags.push(format!("<title>{title}</title>"));
    tags.push(format!("<meta name=\"description\" content=\"{description}\">"));
    // Neither the not-found page nor the offline shell is a page of its own to search for.
    let not_found = info.route == NOT_FOUND_ROUTE || is_shell(&info.route);
    // An embedded page is the full page's duplicate: it points there and stays out of search.
    let canonical = url_of(&info.site_url, info.place.with_embed(false), &info.route);
    if info.place.embed || not_found {
        tags.push("<meta name=\"robots\" content=\"noindex\">".to_string());
    }
    if !not_found {
        tags.push(format!("<link rel=\"canonical\" href=\"{}\">", escape(&canonical)));
        if !info.place.embed {
            for lang in language::LANGUAGES {
                let href = url_of(&info.site_url, info.place.with_lang(lang), &info.route);
                tags.push(format!("<link rel=\"alternate\" hreflang=\"{lang}\" href=\"{}\">", escape(&href)));
            }
            let default = url_of(&info.site_url, info.place.with_lang(language::DEFAULT), &info.route);
            tags.push(format!("<link rel=\"alternate\" hreflang=\"x-default\" href=\"{}\">", escape(&default)));
        }
        tags.push("<meta property=\"og:type\" content=\"website\">".to_string());
        tags.push("<meta property=\"og:site_name\" content=\"Cohesion Explorer\">".to_string());
        tags.push(format!("<meta property=\"og:title\" content=\"{title}\">"));
        tags.push(format!("<meta property=\"og:description\" content=\"{description}\">"));
        tags.push(format!("<meta property=\"og:url\" content=\"{}\">", escape(&canonical)));
        tags.push(format!("<meta property=\"og:locale\" content=\"{}\">", og_locale(info.place.lang)));
        tags.push("<meta name=\"twitter:card\" content=\"summary\">".to_string());
    }
    tags.push(format!("<script type=\"text/plain\" id=\"{RECORD_ID}\">{}</script>", info.record.to_text()));
    tags.join("\n    ")
}

/// The sitemap: every page of the full explorer in both languages, each with its other
/// language as an alternate.
pub fn sitemap(site_url: &str, routes: &[String]) -> String {
    let mut out = String::from(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\" xmlns:xhtml=\"http://www.w3.org/1999/xhtml\">\n",
    );
    for route in routes {
        for lang in language::LANGUAGES {
            let place = Place::new(lang, false);
            out.push_str(&format!("  <url>\n    <loc>{}</loc>\n", escape(&url_of(site_url, place, route))));
            for alt in language::LANGUAGES {
                out.push_str(&format!(
                    "    <xhtml:link rel=\"alternate\" hreflang=\"{alt}\" href=\"{}\"/>\n",
                    escape(&url_of(site_url, place.with_lang(alt), route))
                ));
            }
            out.push_str("  </url>\n");
        }
    }
    out.push_str("</urlset>\n");
    out
}

/// robots.txt: everything may be crawled but embeds (which say `noindex` too); the sitemap.
pub fn robots(site_url: &str, sub_path: &str) -> String {
    let sub = sub_path.trim_end_matches('/');
    format!(
        "User-agent: *\nAllow: /\nDisallow: {sub}/embed/\nDisallow: {sub}/mi/embed/\n\nSitemap: {}/sitemap.xml\n",
        site_url.trim_end_matches('/')
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pages_go_in_directories_a_static_host_serves() {
        assert_eq!(file_for(Place::default(), "/"), "index.html");
        assert_eq!(file_for(Place::new("mi", false), "/"), "mi/index.html");
        assert_eq!(file_for(Place::default(), "/indicators/x"), "indicators/x/index.html");
        assert_eq!(
            file_for(Place::new("mi", true), "/framework/strategic/strategic.vision"),
            "mi/embed/framework/strategic/strategic.vision/index.html"
        );
        assert_eq!(file_for(Place::default(), NOT_FOUND_ROUTE), "404.html");
        assert_eq!(file_for(Place::new("mi", true), NOT_FOUND_ROUTE), "mi/embed/404.html");
    }

    #[test]
    fn the_record_cannot_close_its_element() {
        let record = PageRecord {
            route: "/a</script><script>alert(1)</script>".into(),
            lang: "en".into(),
            ..Default::default()
        };
        let block = record.to_text();
        assert!(!block.contains('<'));
        let back = PageRecord::from_text(&block).expect("a record");
        assert_eq!(back.route, "/a%3C/script>%3Cscript>alert(1)%3C/script>");
    }

    proptest::proptest! {
        #[test]
        fn the_record_reads_back_as_written(
            route in "/[A-Za-z0-9._~%/-]{0,30}",
            lang in "(en|mi)",
            embed in proptest::bool::ANY,
            atlas in proptest::option::of(("[0-9a-f]{16}", proptest::collection::vec("data/[a-z0-9._/-]{1,20}", 0..5))),
            indicators in proptest::option::of(("[0-9a-f]{16}", proptest::collection::vec("data/[a-z0-9._/-]{1,20}", 0..5))),
            warm in proptest::collection::vec("data/[a-z0-9._/-]{1,20}", 0..5),
        ) {
            let set = |(f, files): (String, Vec<String>)| DataSet { fingerprint: Fingerprint(f), files };
            let record = PageRecord { route, lang, embed, atlas: atlas.map(set), indicators: indicators.map(set), warm };
            proptest::prop_assert_eq!(PageRecord::from_text(&record.to_text()), Some(record));
        }
    }

    #[test]
    fn a_page_is_current_while_its_files_are_the_ones_it_was_rendered_from() {
        let set = |files: &[&str], texts: &[&str]| DataSet {
            fingerprint: Fingerprint::of(texts.iter().copied()),
            files: files.iter().map(|f| f.to_string()).collect(),
        };
        let record = PageRecord {
            atlas: Some(set(&["m.json", "f.json"], &["{m}", "{f}"])),
            indicators: Some(set(&["p.json"], &["{p}"])),
            ..Default::default()
        };
        assert_eq!(record.files(), ["m.json", "f.json", "p.json"]);
        let served = |changed: Option<&'static str>, missing: Option<&'static str>| {
            move |file: &str| -> Option<&'static str> {
                if Some(file) == missing {
                    return None;
                }
                Some(match file {
                    "m.json" => "{m}",
                    "f.json" if changed == Some("f.json") => "{f2}",
                    "f.json" => "{f}",
                    _ => "{p}",
                })
            }
        };
        assert!(record.is_current(served(None, None)));
        assert!(!record.is_current(served(Some("f.json"), None)), "a file replaced since the build");
        assert!(!record.is_current(served(None, Some("p.json"))), "a file that cannot be fetched");
        // A page that read no data is current whatever the files say.
        assert!(PageRecord::default().is_current(served(None, Some("m.json"))));
    }

    #[test]
    fn head_tags_say_where_the_page_is_in_each_language() {
        let info = HeadInfo {
            title: "Indicators · Cohesion Explorer".into(),
            description: "Figures \"as published\" <here>".into(),
            site_url: "https://x.govt.nz/sc/".into(),
            place: Place::new("mi", false),
            route: "/indicators".into(),
            record: PageRecord::default(),
        };
        let tags = head_tags(&info);
        assert!(tags.contains("<title>Indicators · Cohesion Explorer</title>"));
        assert!(tags.contains("content=\"Figures &quot;as published&quot; &lt;here&gt;\""));
        assert!(tags.contains("<link rel=\"canonical\" href=\"https://x.govt.nz/sc/mi/indicators\">"));
        assert!(tags.contains("hreflang=\"en\" href=\"https://x.govt.nz/sc/indicators\""));
        assert!(tags.contains("hreflang=\"x-default\" href=\"https://x.govt.nz/sc/indicators\""));
        assert!(tags.contains("<meta property=\"og:locale\" content=\"mi_NZ\">"));
        assert!(!tags.contains("noindex"));
        let embed = head_tags(&HeadInfo { place: Place::new("en", true), ..info.clone() });
        assert!(embed.contains("noindex") && !embed.contains("hreflang"));
        assert!(embed.contains("<link rel=\"canonical\" href=\"https://x.govt.nz/sc/indicators\">"));
        let missing = head_tags(&HeadInfo { route: NOT_FOUND_ROUTE.into(), ..info.clone() });
        assert!(missing.contains("noindex") && !missing.contains("canonical"));
        for section in crate::core::site::Section::ALL {
            let shell = head_tags(&HeadInfo { route: section.shell_route(), ..info.clone() });
            assert!(shell.contains("noindex") && !shell.contains("canonical"));
        }
    }

    #[test]
    fn a_section_page_loads_its_own_module() {
        let tags = module_tags(crate::core::site::Section::Profile);
        assert!(tags.contains(r#"<meta name="ce-islands" content="@islands-profile@" />"#), "{tags}");
        assert!(tags.contains(r#"<meta name="ce-islands-js" content="@islands-js-profile@" />"#), "{tags}");
        assert!(tags.contains(r#"content="@app@""#) && tags.contains(r#"content="@app-js@""#));
        let json: serde_json::Value = serde_json::from_str(&sections_json()).unwrap();
        assert_eq!(json[1]["name"], "indicators");
        assert_eq!(json[1]["segments"][0], "indicators");
        assert_eq!(json[4]["segments"][0], "open-data");
        assert_eq!(json[3]["shell"], "/__shell/profile");
    }

    #[test]
    fn the_sitemap_lists_each_page_in_both_languages() {
        let map = sitemap("https://x.govt.nz", &["/".into(), "/about".into()]);
        assert_eq!(map.matches("<loc>").count(), 4);
        assert!(map.contains("<loc>https://x.govt.nz/mi/about</loc>"));
        assert!(map.contains("<loc>https://x.govt.nz/mi</loc>"));
        let robots = robots("https://x.govt.nz/sc", "/sc/");
        assert!(robots.contains("Sitemap: https://x.govt.nz/sc/sitemap.xml"));
        assert!(robots.contains("Disallow: /sc/embed/"));
    }
}
