//! Which language the interface speaks: English (`en`, the default) or te reo Māori (`mi`).
//!
//! A page's language is in its address (`/mi/...`, see `site`). Where an address names none, it
//! is chosen in this order: an earlier link's `lang` parameter, then the person's remembered
//! choice (localStorage, written when they follow the language link), then the first of the
//! browser's preferred languages we have, then English.

/// The interface languages, default first.
pub const LANGUAGES: [&str; 2] = ["en", "mi"];

/// The default interface language.
pub const DEFAULT: &str = "en";

/// The URL parameter earlier links carried the language in.
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

    proptest! {
        /// Whatever the inputs, the choice is a language we have.
        #[test]
        fn always_a_known_language(url in ".{0,12}", stored in ".{0,12}", browser in ".{0,12}") {
            let lang = choose(Some(&url), Some(&stored), &[browser]);
            prop_assert!(LANGUAGES.contains(&lang));
        }
    }
}
