//! Which language the interface speaks: English (`en`, the default) or te reo Māori (`mi`).
//!
//! The choice is made once at start-up, in this order: the page's `lang` URL parameter (a
//! shared link or an embed says which language it wants), then the person's remembered
//! choice (localStorage), then the first of the browser's preferred languages we have, then
//! English. Switching writes the remembered choice and puts `lang` in the URL; English, the
//! default, leaves the parameter out so ordinary links stay short.

/// The interface languages, default first.
pub const LANGUAGES: [&str; 2] = ["en", "mi"];

/// The default interface language.
pub const DEFAULT: &str = "en";

/// The URL parameter that carries the language.
pub const PARAM: &str = "lang";

/// The localStorage key for the remembered choice.
pub const STORAGE_KEY: &str = "cohesion-explorer:lang";

/// `code` as one of [`LANGUAGES`], if it is one. Matches a primary subtag case-insensitively,
/// so a browser's `mi-NZ` or `EN-nz` counts.
pub fn known(code: &str) -> Option<&'static str> {
    let primary = code.trim().split(['-', '_']).next().unwrap_or_default();
    LANGUAGES
        .into_iter()
        .find(|l| l.eq_ignore_ascii_case(primary))
}

/// The language to start in: the URL's, else the remembered one, else the browser's first
/// known preference, else [`DEFAULT`]. Unknown values are skipped, not errors: a stale or
/// mistyped `lang=fr` must still give a working page.
pub fn choose(url: Option<&str>, remembered: Option<&str>, browser: &[String]) -> &'static str {
    url.and_then(known)
        .or_else(|| remembered.and_then(known))
        .or_else(|| browser.iter().find_map(|b| known(b)))
        .unwrap_or(DEFAULT)
}

/// The `key=value` pair that puts `lang` on a link, or `None` for the default language.
pub fn param(lang: &str) -> Option<String> {
    (lang != DEFAULT).then(|| format!("{PARAM}={lang}"))
}

/// `query` (without the `?`) with its `lang` parameter set for `lang`: replaced, added, or
/// removed for the default language. Other parameters keep their order.
pub fn set_in_query(query: &str, lang: &str) -> String {
    let mut parts: Vec<String> = query
        .split('&')
        .filter(|p| !p.is_empty() && p.split('=').next() != Some(PARAM))
        .map(str::to_string)
        .collect();
    parts.extend(param(lang));
    parts.join("&")
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn url_beats_remembered_beats_browser() {
        let browser = vec!["mi-NZ".to_string()];
        assert_eq!(choose(Some("en"), Some("mi"), &browser), "en");
        assert_eq!(choose(None, Some("en"), &browser), "en");
        assert_eq!(choose(None, None, &browser), "mi");
        assert_eq!(choose(None, None, &[]), "en");
    }

    #[test]
    fn unknown_values_fall_through() {
        let browser = vec!["fr-FR".to_string(), "MI".to_string()];
        assert_eq!(choose(Some("fr"), Some("xx"), &browser), "mi");
        assert_eq!(choose(Some(""), None, &["de".to_string()]), "en");
    }

    #[test]
    fn default_language_leaves_the_parameter_out() {
        assert_eq!(param("en"), None);
        assert_eq!(param("mi").as_deref(), Some("lang=mi"));
        assert_eq!(
            set_in_query("groups=a&lang=en&w=1", "mi"),
            "groups=a&w=1&lang=mi"
        );
        assert_eq!(set_in_query("lang=mi&embed=1", "en"), "embed=1");
        assert_eq!(set_in_query("", "en"), "");
    }

    proptest! {
        /// Whatever the inputs, the choice is a language we have, and the query has at most
        /// one `lang` that names it.
        #[test]
        fn always_a_known_language(url in ".{0,12}", stored in ".{0,12}", query in "[a-z=&]{0,30}") {
            let lang = choose(Some(&url), Some(&stored), &[]);
            prop_assert!(LANGUAGES.contains(&lang));
            let q = set_in_query(&query, lang);
            let langs: Vec<&str> = q.split('&').filter(|p| p.split('=').next() == Some(PARAM)).collect();
            prop_assert!(langs.len() <= 1);
            let expected = param(lang);
            prop_assert_eq!(langs.first().copied(), expected.as_deref());
        }
    }
}
