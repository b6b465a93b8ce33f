//! Where every page lives, so that a static host can serve each one as its own prerendered file.
//!
//! A page's language and mode are in its path, not its query: a host picks a file by path
//! alone, so `/mi/indicators` (te reo Māori) and `/embed/indicators` (embedded) are files of
//! their own that arrive in their language and mode, with no flash. English, the default,
//! and the full explorer have no prefix; both prefixes together read `/mi/embed/...`.
//!
//! Earlier links carried the same choices as parameters (`?lang=mi`, `?embed=1`). They keep
//! working: [`open`] reads them and says which address they mean, and the browser goes there.

use super::language;

/// A page's language and mode: which prefix its path carries.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Place {
    /// One of [`language::LANGUAGES`].
    pub lang: &'static str,
    /// Embedded in another site: no header, navigation or footer.
    pub embed: bool,
}

impl Default for Place {
    fn default() -> Self {
        Place {
            lang: language::DEFAULT,
            embed: false,
        }
    }
}

/// The route the not-found page is rendered at (no route of the app matches it); the build
/// writes that page as `404.html`.
pub const NOT_FOUND_ROUTE: &str = "/404";

/// The route of the offline shell: a page with the site's frame and nothing in it yet, written
/// once per place and kept by the service worker, which serves it for any page of that place
/// it has not kept itself; the app then draws that page from the data it has kept.
pub const SHELL_ROUTE: &str = "/__shell";

/// The app's pages fall into sections, and the browser takes each section's pages over with a
/// module of its own (one wasm per section, built with the `section-*` features), so a page
/// downloads only the code for the pages around it: the framework pages need no charts or
/// statistics, the indicator pages no diagram. Links between sections are ordinary page loads
/// (every page is prerendered); inside a section the app navigates without one.
///
/// The person's own data, read on the data page and shown on the indicator pages, goes from
/// one section to the other as text kept for the tab (`core::indicators::carry`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Section {
    /// The framework views, the crosswalk, About, and the not-found page.
    Framework,
    /// Each indicator's page.
    Indicators,
    /// The indicators' overview (`/indicators`), a page of its own in the `indicators`
    /// segment, so its offline shell is the indicators'.
    Overview,
    /// The dimension profile.
    Profile,
    /// The open data, and the person's own.
    Data,
    /// The discussion worksheet.
    Worksheet,
}

impl Section {
    pub const ALL: [Section; 6] = [Section::Framework, Section::Indicators, Section::Overview, Section::Profile, Section::Data, Section::Worksheet];

    /// The section a route (`/indicators/x?groups=a`, no place prefix) belongs to.
    pub fn of(route: &str) -> Section {
        let path = route.split(['?', '#']).next().unwrap_or_default();
        let mut segments = path.split('/').filter(|s| !s.is_empty());
        let first = segments.next().unwrap_or_default();
        if first == SHELL_SEGMENT {
            // A section's shell is named after it (`/__shell/data`).
            let name = segments.next().unwrap_or_default();
            return Section::ALL.into_iter().find(|s| s.name() == name).unwrap_or(Section::Framework);
        }
        if first == "indicators" && segments.next().is_none() {
            return Section::Overview;
        }
        Section::ALL
            .into_iter()
            .find(|s| s.first_segments().contains(&first))
            .unwrap_or(Section::Framework)
    }

    /// The first path segments of this section's routes (the framework has every other).
    pub fn first_segments(self) -> &'static [&'static str] {
        match self {
            Section::Framework => &[],
            Section::Indicators => &["indicators"],
            Section::Overview => &[],
            Section::Profile => &["profile"],
            Section::Data => &["open-data"],
            Section::Worksheet => &["worksheet"],
        }
    }

    /// The section's name, as in its cargo feature (`section-indicators`) and its module's
    /// file name.
    pub fn name(self) -> &'static str {
        match self {
            Section::Framework => "framework",
            Section::Indicators => "indicators",
            Section::Overview => "overview",
            Section::Profile => "profile",
            Section::Data => "data",
            Section::Worksheet => "worksheet",
        }
    }

    /// The section's offline shell ([`SHELL_ROUTE`] for the framework's).
    pub fn shell_route(self) -> String {
        match self {
            Section::Framework => SHELL_ROUTE.to_string(),
            other => format!("{SHELL_ROUTE}/{}", other.name()),
        }
    }
}

/// The first segment of the offline shells' routes.
const SHELL_SEGMENT: &str = "__shell";

/// Whether a route is one of the offline shells.
pub fn is_shell(route: &str) -> bool {
    Section::ALL.iter().any(|s| s.shell_route() == route)
}

/// The indicator a route names (`/indicators/<id>`, the id decoded), if it names one: how the
/// not-found page of another section's build still says which indicator is missing.
pub fn indicator_of(route: &str) -> Option<String> {
    let path = route.split(['?', '#']).next().unwrap_or_default();
    let id = path.strip_prefix("/indicators/")?.trim_end_matches('/');
    (!id.is_empty() && !id.contains('/')).then(|| super::links::decode(id))
}

/// The path segment that marks an embedded page.
pub const EMBED_SEGMENT: &str = "embed";

impl Place {
    pub fn new(lang: &'static str, embed: bool) -> Place {
        Place { lang, embed }
    }

    /// Every place a page is written to, default first.
    pub fn all() -> Vec<Place> {
        language::LANGUAGES
            .into_iter()
            .flat_map(|lang| [Place::new(lang, false), Place::new(lang, true)])
            .collect()
    }

    /// The path prefix: `""`, `"/mi"`, `"/embed"` or `"/mi/embed"`.
    pub fn prefix(&self) -> String {
        let mut out = String::new();
        if self.lang != language::DEFAULT {
            out.push('/');
            out.push_str(self.lang);
        }
        if self.embed {
            out.push('/');
            out.push_str(EMBED_SEGMENT);
        }
        out
    }

    /// A route (`/indicators?q=x`) at this place (`/mi/indicators?q=x`).
    pub fn href(&self, route: &str) -> String {
        let prefix = self.prefix();
        if prefix.is_empty() {
            route.to_string()
        } else if route == "/" || route.is_empty() {
            prefix
        } else {
            format!("{prefix}{route}")
        }
    }

    /// The same place in another language.
    pub fn with_lang(self, lang: &'static str) -> Place {
        Place { lang, ..self }
    }

    /// The same place, embedded or not.
    pub fn with_embed(self, embed: bool) -> Place {
        Place { embed, ..self }
    }
}

/// Splits an app path (after the site's own sub-path, starting with `/`) into its place and
/// its route. A trailing slash and a trailing `index.html` (how some hosts name the files)
/// are dropped, so every spelling of a page is the same route.
pub fn split(path: &str) -> (Place, String) {
    let mut segments: Vec<&str> = path.split('/').filter(|s| !s.is_empty()).collect();
    while segments.last() == Some(&"index.html") {
        segments.pop();
    }
    let mut place = Place::default();
    if let Some(lang) = segments
        .first()
        .and_then(|s| language::LANGUAGES.into_iter().find(|l| l == s))
    {
        if lang != language::DEFAULT {
            place.lang = lang;
            segments.remove(0);
        }
    }
    if segments.first() == Some(&EMBED_SEGMENT) {
        place.embed = true;
        segments.remove(0);
    }
    (place, format!("/{}", segments.join("/")))
}

/// What the browser opened, read as this app's address.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Opened {
    pub place: Place,
    /// The route inside the app (`/indicators/trust_police`).
    pub route: String,
    /// The query without `?`, without the parameters the path now carries.
    pub query: String,
}

impl Opened {
    /// The route and query, as the router takes them.
    pub fn route_and_query(&self) -> String {
        if self.query.is_empty() {
            self.route.clone()
        } else {
            format!("{}?{}", self.route, self.query)
        }
    }

    /// The full app path (prefix, route, query).
    pub fn href(&self) -> String {
        self.place.href(&self.route_and_query())
    }
}

/// Reads an opened address: its path's place, unless an earlier link's `lang` or `embed`
/// parameter says otherwise; then, for a page of the full explorer whose path names no
/// language and whose link asked for none, the person's remembered language, else their
/// browser's first language we have. An embed's language is only ever its link's: the host
/// site chose it.
pub fn open(path: &str, query: &str, remembered: Option<&str>, browser: &[String]) -> Opened {
    let (mut place, route) = split(path);
    let path_names_language = place.lang != language::DEFAULT;
    let mut asked_language = false;
    let mut kept = Vec::new();
    for pair in query.trim_start_matches('?').split('&').filter(|p| !p.is_empty()) {
        let (key, value) = pair.split_once('=').unwrap_or((pair, ""));
        match key {
            language::PARAM => {
                if let Some(lang) = language::known(value) {
                    place.lang = lang;
                    asked_language = true;
                }
            }
            // Only ever turns embedding on: the path decides otherwise.
            "embed" => place.embed |= value == "1" || value == "true",
            _ => kept.push(pair),
        }
    }
    if !place.embed && !path_names_language && !asked_language {
        place.lang = language::choose(None, remembered, browser);
    }
    Opened {
        place,
        route: without_prefix_words(&route),
        query: kept.join("&"),
    }
}

/// No route of the app starts with a prefix's word; one that does comes from a doubled
/// prefix (`/mi/mi/about`) and could not be written back at its place. Such words are dropped,
/// so every address opens somewhere a link can name.
fn without_prefix_words(route: &str) -> String {
    let mut rest = route;
    loop {
        let trimmed = rest.trim_start_matches('/');
        let first = trimmed.split('/').next().unwrap_or_default();
        let reserved = first == EMBED_SEGMENT
            || language::LANGUAGES.iter().any(|l| *l == first && *l != language::DEFAULT);
        if !reserved {
            return format!("/{trimmed}");
        }
        rest = &trimmed[first.len()..];
    }
}

/// Which page a route is: the app's route table, in one place, for the build's renderer and
/// the browser alike (there is no client router: every page is a page of its own).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Page {
    /// `/`, `/framework`, `/framework/:framework` and `/framework/:framework/:part` (a part,
    /// or `text`).
    Framework { framework: Option<String>, part: Option<String> },
    Indicators,
    Indicator(String),
    Profile,
    OpenData,
    Worksheet,
    About,
    NotFound,
}

impl Page {
    /// The page `route` (a route inside the app, with or without its query) shows.
    pub fn of(route: &str) -> Page {
        let path = route.split(['?', '#']).next().unwrap_or_default();
        let segments: Vec<String> = path.split('/').filter(|s| !s.is_empty()).map(super::links::decode).collect();
        let s: Vec<&str> = segments.iter().map(String::as_str).collect();
        match s.as_slice() {
            [] | ["framework"] => Page::Framework { framework: None, part: None },
            ["framework", f] => Page::Framework { framework: Some(f.to_string()), part: None },
            ["framework", f, p] => Page::Framework { framework: Some(f.to_string()), part: Some(p.to_string()) },
            ["indicators"] => Page::Indicators,
            ["indicators", id] => Page::Indicator(id.to_string()),
            ["profile"] => Page::Profile,
            ["open-data"] => Page::OpenData,
            ["worksheet"] => Page::Worksheet,
            ["about"] => Page::About,
            _ => Page::NotFound,
        }
    }

    /// Whether two routes show the same page (a framework's parts are one page: selecting a
    /// part changes it in place; its text version is a page of its own).
    pub fn same_page(a: &str, b: &str) -> bool {
        let text = |part: &Option<String>| part.as_deref() == Some(super::links::TEXT_SEGMENT);
        match (Page::of(a), Page::of(b)) {
            (Page::Framework { framework: f, part: p }, Page::Framework { framework: g, part: q }) => f == g && text(&p) == text(&q),
            (x, y) => x == y,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn routes_name_their_pages() {
        assert_eq!(Page::of("/"), Page::Framework { framework: None, part: None });
        assert_eq!(Page::of("/framework/strategic?lens=x"), Page::Framework { framework: Some("strategic".into()), part: None });
        assert_eq!(
            Page::of("/framework/strategic/strategic.vision"),
            Page::Framework { framework: Some("strategic".into()), part: Some("strategic.vision".into()) }
        );
        assert_eq!(Page::of("/indicators/trust_police?groups=a"), Page::Indicator("trust_police".into()));
        assert_eq!(Page::of("/indicators/yours-welcome%20here"), Page::Indicator("yours-welcome here".into()));
        assert_eq!(Page::of("/open-data"), Page::OpenData);
        assert_eq!(Page::of("/nope/at/all"), Page::NotFound);
        assert_eq!(Page::of(NOT_FOUND_ROUTE), Page::NotFound);
        assert!(Page::same_page("/framework/cef/cef.x", "/framework/cef?lens=y"));
        assert!(!Page::same_page("/framework/cef", "/framework/strategic"));
        assert!(!Page::same_page("/framework/cef", "/framework/cef/text"));
    }
    use proptest::prelude::*;

    fn opened(path: &str, query: &str) -> Opened {
        open(path, query, None, &[])
    }

    #[test]
    fn prefixes_name_the_language_and_the_mode() {
        assert_eq!(Place::default().prefix(), "");
        assert_eq!(Place::new("mi", false).prefix(), "/mi");
        assert_eq!(Place::new("en", true).prefix(), "/embed");
        assert_eq!(Place::new("mi", true).prefix(), "/mi/embed");
        assert_eq!(Place::new("mi", true).href("/indicators?q=a"), "/mi/embed/indicators?q=a");
        assert_eq!(Place::new("mi", false).href("/"), "/mi");
        assert_eq!(Place::default().href("/"), "/");
        assert_eq!(Place::all().len(), 4);
    }

    #[test]
    fn paths_split_into_place_and_route() {
        assert_eq!(split("/"), (Place::default(), "/".into()));
        assert_eq!(split("/mi"), (Place::new("mi", false), "/".into()));
        assert_eq!(split("/mi/embed/indicators/x"), (Place::new("mi", true), "/indicators/x".into()));
        assert_eq!(split("/embed/about/"), (Place::new("en", true), "/about".into()));
        assert_eq!(split("/about/index.html"), (Place::default(), "/about".into()));
        // English is the default: an `/en` prefix is not one of ours, so it stays in the route.
        assert_eq!(split("/en/about"), (Place::default(), "/en/about".into()));
        // `embed` before the language is not a prefix order we write.
        assert_eq!(split("/embed/mi/about"), (Place::new("en", true), "/mi/about".into()));
    }

    #[test]
    fn earlier_links_with_parameters_open_the_page_they_meant() {
        let o = opened("/indicators/trust_police", "lang=mi&groups=a,b&embed=1");
        assert_eq!(o.place, Place::new("mi", true));
        assert_eq!(o.route, "/indicators/trust_police");
        assert_eq!(o.query, "groups=a,b");
        assert_eq!(o.href(), "/mi/embed/indicators/trust_police?groups=a,b");
        // `lang=en` on a te reo path asks for English.
        assert_eq!(opened("/mi/about", "lang=en").href(), "/about");
        // An unknown language is ignored, never an error.
        assert_eq!(opened("/about", "?lang=fr").href(), "/about");
        assert_eq!(opened("/about", "embed=0").href(), "/about");
        // A doubled prefix opens the page it names.
        assert_eq!(opened("/mi/mi/about", "lang=en").href(), "/about");
        assert_eq!(opened("/embed/embed", "").href(), "/embed");
    }

    #[test]
    fn the_remembered_language_opens_unnamed_pages_of_the_full_explorer_only() {
        let browser = vec!["mi-NZ".to_string()];
        assert_eq!(open("/about", "", Some("mi"), &[]).place.lang, "mi");
        assert_eq!(open("/about", "", None, &browser).place.lang, "mi");
        // What was remembered beats the browser.
        assert_eq!(open("/about", "", Some("en"), &browser).place.lang, "en");
        // A link that asks for a language gets it.
        assert_eq!(open("/about", "lang=en", Some("mi"), &[]).place.lang, "en");
        // A path that names te reo keeps it.
        assert_eq!(open("/mi/about", "", Some("en"), &[]).place.lang, "mi");
        // An embed is in the host's language: its link's, else English.
        assert_eq!(open("/embed/about", "", Some("mi"), &browser).place.lang, "en");
    }

    #[test]
    fn every_route_has_one_section_and_each_section_its_shell() {
        assert_eq!(Section::of("/"), Section::Framework);
        assert_eq!(Section::of("/framework/strategic/strategic.vision"), Section::Framework);
        assert_eq!(Section::of("/worksheet"), Section::Worksheet);
        assert_eq!(Section::of("/about"), Section::Framework);
        assert_eq!(Section::of(NOT_FOUND_ROUTE), Section::Framework);
        assert_eq!(Section::of("/indicators"), Section::Overview);
        assert_eq!(Section::of("/indicators?dimension=x"), Section::Overview);
        assert_eq!(Section::of("/indicators/trust_police?groups=a"), Section::Indicators);
        assert_eq!(Section::of("/open-data"), Section::Data);
        assert_eq!(Section::of("/profile?w=1"), Section::Profile);
        // A route that only starts like a section's is not in it.
        assert_eq!(Section::of("/indicatorsx"), Section::Framework);
        for section in Section::ALL {
            assert!(is_shell(&section.shell_route()));
            assert_eq!(Section::of(&section.shell_route()), section);
        }
        assert_eq!(Section::Framework.shell_route(), SHELL_ROUTE);
        assert_eq!(indicator_of("/indicators/trust%20x?groups=a"), Some("trust x".into()));
        assert_eq!(indicator_of("/indicators"), None);
        assert_eq!(indicator_of("/indicators/"), None);
        assert_eq!(indicator_of("/indicators/a/b"), None);
        assert_eq!(indicator_of("/about"), None);
        assert!(!is_shell("/__shell/x"));
    }

    proptest! {
        #[test]
        fn any_address_opens_somewhere_and_reads_back_the_same(
            path in "(/(mi|en|embed|about|indicators|x\\.y|index\\.html)){0,4}/?",
            query in "((lang=(mi|en|fr)|embed=(1|0)|q=[a-z]{0,3})&?){0,3}",
        ) {
            let o = opened(&path, &query);
            prop_assert!(o.route.starts_with('/'));
            prop_assert!(!o.query.split('&').any(|p| p.starts_with("lang=") || p.starts_with("embed=")));
            // The canonical address is a fixed point: opening it again changes nothing.
            let again = opened(&o.place.href(&o.route), &o.query);
            prop_assert_eq!(again, o);
        }
    }
}
