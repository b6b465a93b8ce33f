//! Embedding a view in another website: the URL parameters that turn on embed mode and theme
//! it, the snippets an agency pastes into its page, and the resize message the app sends.
//!
//! Embed mode is in the address's path (`/embed/...`, see `core::site`): no site header,
//! navigation or footer; a one-line source and a link to the full explorer instead. (An
//! earlier link's `embed=1` parameter still opens it.)
//!
//! Theme parameters (all optional, on any route):
//! - `theme=light|dark`: the colour scheme, whatever the reader's system prefers.
//! - `accent=0b5d6b`: the accent colour (six hex digits, with or without `#`).
//! - `font=Georgia, serif`: the font family (letters, digits, spaces, commas, hyphens, quotes).
//!
//! The resize message, sent to the parent window whenever the content's height changes:
//! `{ "type": "cohesion-explorer:resize", "version": 1, "height": 1234 }` (CSS pixels).

/// The `type` of the resize message.
pub const RESIZE_MESSAGE: &str = "cohesion-explorer:resize";

/// The parameters every link and navigation inside the app keeps.
pub const STICKY_PARAMS: [&str; 3] = ["theme", "accent", "font"];

/// `path` with `params` (`key=value` pairs) added, except those whose key it already has.
pub fn add_params(path: &str, params: &[String]) -> String {
    let (before_hash, hash) = path.split_once('#').map_or((path, ""), |(p, h)| (p, h));
    let has = |key: &str| {
        before_hash
            .split_once('?')
            .is_some_and(|(_, q)| q.split('&').any(|p| p.split('=').next() == Some(key)))
    };
    let mut out = before_hash.to_string();
    for p in params {
        let key = p.split('=').next().unwrap_or_default();
        if key.is_empty() || has(key) {
            continue;
        }
        out.push(if out.contains('?') { '&' } else { '?' });
        out.push_str(p);
    }
    if !hash.is_empty() {
        out.push('#');
        out.push_str(hash);
    }
    out
}

/// The iframe sandbox: scripts and same-origin (the app fetches its own data files), popups
/// that escape the sandbox (links open the full explorer in a new tab), and downloads (CSV,
/// PNG, SVG). No forms, no top navigation, no modals, no pointer lock.
pub const SANDBOX: &str =
    "allow-scripts allow-same-origin allow-popups allow-popups-to-escape-sandbox allow-downloads";

#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct EmbedOptions {
    /// `Some(true)` dark, `Some(false)` light, `None` the reader's preference.
    pub dark: Option<bool>,
    /// `#rrggbb`
    pub accent: Option<String>,
    pub font: Option<String>,
}

impl EmbedOptions {
    /// Reads the options from a query string (`?theme=dark&accent=...`); anything invalid is
    /// ignored rather than applied.
    pub fn from_query(search: &str) -> EmbedOptions {
        let mut o = EmbedOptions::default();
        for (key, value) in super::links::query_pairs(search) {
            match key.as_str() {
                "theme" => {
                    o.dark = match value.as_str() {
                        "dark" => Some(true),
                        "light" => Some(false),
                        _ => None,
                    }
                }
                "accent" => o.accent = parse_accent(&value),
                "font" => o.font = safe_font(&value),
                _ => {}
            }
        }
        o
    }

    /// The valid options as `key=value` pairs, for links to keep.
    pub fn sticky_params(&self) -> Vec<String> {
        let mut out = Vec::new();
        if let Some(dark) = self.dark {
            out.push(format!("theme={}", if dark { "dark" } else { "light" }));
        }
        if let Some(accent) = &self.accent {
            out.push(format!("accent={}", accent.trim_start_matches('#')));
        }
        if let Some(font) = &self.font {
            out.push(format!("font={}", super::links::encode(font)));
        }
        out
    }
}

/// `0b5d6b` or `#0b5d6b` as `#0b5d6b`; anything else `None`.
pub fn parse_accent(text: &str) -> Option<String> {
    let hex = text.trim().trim_start_matches('#');
    (hex.len() == 6 && hex.chars().all(|c| c.is_ascii_hexdigit()))
        .then(|| format!("#{}", hex.to_ascii_lowercase()))
}

/// A font family list that cannot break out of a CSS value.
pub fn safe_font(text: &str) -> Option<String> {
    let t = text.trim();
    let ok = !t.is_empty()
        && t.len() <= 100
        && t.chars()
            .all(|c| c.is_alphanumeric() || " ,-'\"".contains(c));
    ok.then(|| t.to_string())
}

fn luminance(hex: &str) -> f64 {
    let channel = |i: usize| {
        let c = f64::from(u8::from_str_radix(&hex[i..i + 2], 16).unwrap_or(0)) / 255.0;
        if c <= 0.03928 {
            c / 12.92
        } else {
            ((c + 0.055) / 1.055).powf(2.4)
        }
    };
    0.2126 * channel(1) + 0.7152 * channel(3) + 0.0722 * channel(5)
}

/// The WCAG contrast ratio of two `#rrggbb` colours.
pub fn contrast(a: &str, b: &str) -> f64 {
    let (x, y) = (luminance(a), luminance(b));
    (x.max(y) + 0.05) / (x.min(y) + 0.05)
}

/// White or near-black text on the accent, whichever contrasts more.
pub fn text_on(accent: &str) -> &'static str {
    if contrast(accent, "#ffffff") >= contrast(accent, "#1b2426") {
        "#ffffff"
    } else {
        "#1b2426"
    }
}

/// The colour for text in the accent (links): the accent where it has 4.5:1 against the
/// page's background, else the default link colour of that scheme.
pub fn link_colour(accent: &str, dark: bool) -> String {
    let (background, default) = if dark {
        ("#111719", "#6cc4d2")
    } else {
        ("#ffffff", "#0b5d6b")
    };
    if contrast(accent, background) >= 4.5 {
        accent.to_string()
    } else {
        default.to_string()
    }
}

/// `url` (an address of this app under `root`, the site's root URL ending in `/`) as the
/// same view embedded: `/embed` after the language prefix. Other addresses are left alone.
pub fn embed_url(url: &str, root: &str) -> String {
    with_embed(url, root, true)
}

/// `url` as the same view in the full explorer: without the `/embed` prefix (and without an
/// earlier link's `embed` parameter).
pub fn full_url(url: &str, root: &str) -> String {
    with_embed(url, root, false)
}

fn with_embed(url: &str, root: &str, embed: bool) -> String {
    let root = root.trim_end_matches('/');
    let Some(rest) = url.strip_prefix(root).filter(|r| r.is_empty() || r.starts_with(['/', '?', '#'])) else {
        return url.to_string();
    };
    let split_at = rest.find(['?', '#']).unwrap_or(rest.len());
    let (path, tail) = rest.split_at(split_at);
    let (place, route) = super::site::split(path);
    let (query, fragment) = tail.split_once('#').map_or((tail, None), |(q, f)| (q, Some(f)));
    let kept: Vec<&str> = query
        .trim_start_matches('?')
        .split('&')
        .filter(|p| !p.is_empty() && p.split('=').next() != Some("embed"))
        .collect();
    let mut out = format!("{root}{}", place.with_embed(embed).href(&route));
    if !kept.is_empty() {
        out.push('?');
        out.push_str(&kept.join("&"));
    }
    if let Some(f) = fragment {
        out.push('#');
        out.push_str(f);
    }
    out
}

/// Escapes text for a double-quoted HTML attribute.
pub fn attr(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('"', "&quot;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

/// The plain iframe: fixed height, lazy, sandboxed as tightly as the app allows.
pub fn iframe_snippet(src: &str, title: &str, height: u32) -> String {
    format!(
        "<iframe src=\"{}\" title=\"{}\" width=\"100%\" height=\"{height}\" loading=\"lazy\" sandbox=\"{SANDBOX}\" allow=\"\" referrerpolicy=\"strict-origin-when-cross-origin\" style=\"border:0\"></iframe>",
        attr(src),
        attr(title)
    )
}

/// The iframe marked for the host script, and the script that resizes it to its content.
pub fn resizing_snippet(src: &str, title: &str, script: &str) -> String {
    format!(
        "<iframe src=\"{}\" title=\"{}\" data-cohesion-explorer width=\"100%\" height=\"600\" loading=\"lazy\" sandbox=\"{SANDBOX}\" allow=\"\" referrerpolicy=\"strict-origin-when-cross-origin\" style=\"border:0\"></iframe>\n<script src=\"{}\" defer></script>",
        attr(src),
        attr(title),
        attr(script)
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn options_come_from_the_url_and_bad_values_are_ignored() {
        let o = EmbedOptions::from_query(
            "?embed=1&theme=dark&accent=%23B5285A&font=Georgia%2C%20serif",
        );
        assert_eq!(
            o,
            EmbedOptions {
                dark: Some(true),
                accent: Some("#b5285a".into()),
                font: Some("Georgia, serif".into())
            }
        );
        assert_eq!(
            o.sticky_params(),
            ["theme=dark", "accent=b5285a", "font=Georgia%2C%20serif"]
        );
        let bad = EmbedOptions::from_query("?accent=red;x&font=a%7Bb%7D&theme=pink");
        assert_eq!(bad, EmbedOptions::default());
        assert!(bad.sticky_params().is_empty());
        assert_eq!(parse_accent("0b5d6b").as_deref(), Some("#0b5d6b"));
        assert_eq!(safe_font("x;}body{display:none"), None);
    }

    #[test]
    fn text_on_the_accent_is_readable() {
        assert_eq!(text_on("#0b5d6b"), "#ffffff");
        assert_eq!(text_on("#ffd54f"), "#1b2426");
        for accent in ["#0b5d6b", "#ffd54f", "#777777", "#ff0000"] {
            let chosen = contrast(accent, text_on(accent));
            assert!(
                chosen >= contrast(accent, "#ffffff") && chosen >= contrast(accent, "#1b2426"),
                "{accent}"
            );
        }
        assert!((contrast("#000000", "#ffffff") - 21.0).abs() < 1e-9);
        assert_eq!(link_colour("#b5285a", false), "#b5285a");
        assert_eq!(
            link_colour("#ffd54f", false),
            "#0b5d6b",
            "yellow links on white would be unreadable"
        );
        assert_eq!(link_colour("#ffd54f", true), "#ffd54f");
    }

    #[test]
    fn embed_and_full_urls_swap_only_the_embed_prefix() {
        let root = "https://x.govt.nz/social-cohesion/";
        let view = "https://x.govt.nz/social-cohesion/framework/strategic/strategic.vision?lens=dimensions.belonging";
        let embedded = embed_url(view, root);
        assert_eq!(
            embedded,
            "https://x.govt.nz/social-cohesion/embed/framework/strategic/strategic.vision?lens=dimensions.belonging"
        );
        assert_eq!(full_url(&embedded, root), view);
        assert_eq!(
            embed_url("https://x/mi/indicators", "https://x/"),
            "https://x/mi/embed/indicators"
        );
        assert_eq!(embed_url("https://x/", "https://x/"), "https://x/embed");
        assert_eq!(full_url("https://x/embed", "https://x/"), "https://x/");
        // An earlier link's parameter goes too; the theme and the fragment stay.
        assert_eq!(
            full_url("https://x/a?embed=1&theme=dark#top", "https://x/"),
            "https://x/a?theme=dark#top"
        );
        // Somebody else's address is left alone.
        assert_eq!(embed_url("https://y/a", "https://x/"), "https://y/a");
    }

    #[test]
    fn sticky_parameters_ride_along_unless_the_path_sets_them() {
        let sticky = vec!["embed=1".to_string(), "theme=dark".to_string()];
        assert_eq!(
            add_params("/indicators", &sticky),
            "/indicators?embed=1&theme=dark"
        );
        assert_eq!(
            add_params("/indicators?q=a&theme=light", &sticky),
            "/indicators?q=a&theme=light&embed=1"
        );
        assert_eq!(
            add_params("/about#top", &sticky),
            "/about?embed=1&theme=dark#top"
        );
        assert_eq!(add_params("/about", &[]), "/about");
    }

    #[test]
    fn snippets_escape_what_they_quote() {
        let s = iframe_snippet("https://x/a?b=1&embed=1", "Trust \"in\" <people>", 640);
        assert!(s.starts_with("<iframe src=\"https://x/a?b=1&amp;embed=1\" title=\"Trust &quot;in&quot; &lt;people&gt;\""));
        assert!(s.contains("loading=\"lazy\"") && s.contains(&format!("sandbox=\"{SANDBOX}\"")));
        let r = resizing_snippet("https://x/a?embed=1", "T", "https://x/embed.js");
        assert!(
            r.contains("data-cohesion-explorer")
                && r.ends_with("<script src=\"https://x/embed.js\" defer></script>")
        );
    }

    proptest! {
        #[test]
        fn full_url_never_keeps_embed_and_never_panics(path in "[a-z/.?&=1]{0,40}") {
            let url = format!("https://x{path}");
            let full = full_url(&url, "https://x/");
            prop_assert!(!full.split(['?', '&']).any(|p| p == "embed=1" || p == "embed"));
            if let Some(rest) = full.strip_prefix("https://x") {
                let path = rest.split(['?', '#']).next().unwrap_or_default();
                prop_assert!(!crate::core::site::split(path).0.embed, "{full}");
            }
        }
    }
}
