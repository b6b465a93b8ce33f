//! The app's URLs, built in one place so every link agrees on where a view's state goes.
//!
//! What a page shows without any script is in its path, so each is a prerendered page of its
//! own: the framework, the selected part (`/framework/strategic/strategic.vision`) and the
//! text version (`/framework/strategic/text`). What only the running app can show (the lens,
//! fitting the diagram to the screen) is in the query. Earlier links' `node=` and `view=text`
//! parameters are still read (see `pages/framework.rs`).

/// The path segment of a framework's text version (no node may have this id).
pub const TEXT_SEGMENT: &str = "text";

/// The state of the framework view that lives in its URL.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct FrameworkView {
    pub framework: String,
    pub node: Option<String>,
    pub lens: Option<String>,
    pub text: bool,
    /// Scale the diagram to fit the screen, so the whole framework is in view at once.
    pub fit: bool,
}

impl FrameworkView {
    pub fn of(framework: &str) -> Self {
        FrameworkView {
            framework: framework.to_string(),
            ..Default::default()
        }
    }

    pub fn with_node(mut self, node: Option<&str>) -> Self {
        self.node = node.map(str::to_string);
        self
    }

    pub fn with_lens(mut self, lens: Option<&str>) -> Self {
        self.lens = lens.map(str::to_string);
        self
    }

    pub fn with_text(mut self, text: bool) -> Self {
        self.text = text;
        self
    }

    pub fn with_fit(mut self, fit: bool) -> Self {
        self.fit = fit;
        self
    }

    /// The path and query, relative to the app's base
    /// (`/framework/strategic/strategic.vision?lens=...`). The text version shows no
    /// selection, so it names none.
    pub fn href(&self) -> String {
        let mut path = format!("/framework/{}", encode(&self.framework));
        if self.text {
            path.push('/');
            path.push_str(TEXT_SEGMENT);
        } else if let Some(node) = &self.node {
            path.push('/');
            path.push_str(&encode(node));
        }
        let mut query = Vec::new();
        if let Some(lens) = &self.lens {
            query.push(format!("lens={}", encode(lens)));
        }
        if self.fit && !self.text {
            query.push("fit=1".to_string());
        }
        if query.is_empty() {
            path
        } else {
            format!("{path}?{}", query.join("&"))
        }
    }
}

/// Percent-encodes everything but the characters ids are made of.
pub fn encode(value: &str) -> String {
    let mut out = String::with_capacity(value.len());
    for byte in value.bytes() {
        match byte {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' => {
                out.push(byte as char)
            }
            _ => out.push_str(&format!("%{byte:02X}")),
        }
    }
    out
}

/// The inverse of [`encode`]: `%XX` sequences back to bytes, `+` left as is. Invalid
/// sequences stay as written, and bytes that are not UTF-8 become U+FFFD.
pub fn decode(value: &str) -> String {
    let bytes = value.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let hex = |b: u8| (b as char).to_digit(16);
        if bytes[i] == b'%' && i + 2 < bytes.len() {
            if let (Some(h), Some(l)) = (hex(bytes[i + 1]), hex(bytes[i + 2])) {
                out.push((h * 16 + l) as u8);
                i += 3;
                continue;
            }
        }
        out.push(bytes[i]);
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// A query string's (`?a=1&b=x+y`) pairs, decoded (`+` is a space), in order.
pub fn query_pairs(search: &str) -> Vec<(String, String)> {
    search
        .trim_start_matches('?')
        .split('&')
        .filter(|p| !p.is_empty())
        .map(|pair| {
            let (key, value) = pair.split_once('=').unwrap_or((pair, ""));
            (key.to_string(), decode(&value.replace('+', " ")))
        })
        .collect()
}

/// The first value of `key` in a query string, decoded.
pub fn query_value(search: &str, key: &str) -> Option<String> {
    query_pairs(search)
        .into_iter()
        .find_map(|(k, v)| (k == key).then_some(v))
}

/// `href` with the view's `keep` parameters as `search` has them: each one `search` sets is
/// put on (in place of the link's own), each one it does not is taken off; the link's other
/// parameters and its fragment stay. How a link written once by the build (a framework's tab,
/// a part of the diagram) keeps the lens and fit the person chose since.
pub fn keep_params(href: &str, keep: &[&str], search: &str) -> String {
    let (before_hash, hash) = href.split_once('#').map_or((href, None), |(p, h)| (p, Some(h)));
    let (path, query) = before_hash.split_once('?').unwrap_or((before_hash, ""));
    let mut pairs: Vec<String> = query
        .split('&')
        .filter(|p| !p.is_empty() && !keep.contains(&p.split('=').next().unwrap_or_default()))
        .map(str::to_string)
        .collect();
    for key in keep {
        if let Some(value) = query_value(search, key).filter(|v| !v.is_empty()) {
            pairs.push(format!("{key}={}", encode(&value)));
        }
    }
    let mut out = path.to_string();
    if !pairs.is_empty() {
        out.push('?');
        out.push_str(&pairs.join("&"));
    }
    if let Some(hash) = hash {
        out.push('#');
        out.push_str(hash);
    }
    out
}

impl FrameworkView {
    /// The view an address inside the app names (`route`, `search`), for a framework page:
    /// the part in the path, or an earlier link's `?node=`; the text version by its segment or
    /// an earlier link's `?view=text`; the lens and fit in the query. `default` is the
    /// framework a route that names none shows (`/`).
    pub fn from_address(route: &str, search: &str, default: &str) -> FrameworkView {
        let path = route.split(['?', '#']).next().unwrap_or_default();
        let mut segments = path.split('/').filter(|s| !s.is_empty());
        let (framework, part) = match (segments.next(), segments.next(), segments.next()) {
            (Some("framework"), Some(f), part) => (decode(f), part.map(decode)),
            _ => (default.to_string(), None),
        };
        let text = part.as_deref() == Some(TEXT_SEGMENT) || query_value(search, "view").as_deref() == Some("text");
        let node = part.filter(|p| p != TEXT_SEGMENT).or_else(|| query_value(search, "node")).filter(|_| !text);
        FrameworkView {
            framework,
            node,
            lens: query_value(search, "lens").filter(|l| !l.is_empty()),
            text,
            fit: query_value(search, "fit").as_deref() == Some("1"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        #[test]
        fn decode_undoes_encode(text in "\\PC{0,30}") {
            prop_assert_eq!(decode(&encode(&text)), text);
        }

        #[test]
        fn decode_never_panics(text in "\\PC{0,30}") {
            let _ = decode(&text);
        }
    }

    #[test]
    fn hrefs_carry_only_the_state_that_is_set() {
        assert_eq!(
            FrameworkView::of("strategic").href(),
            "/framework/strategic"
        );
        let v = FrameworkView::of("strategic")
            .with_node(Some("strategic.vision"))
            .with_lens(Some("dimensions.belonging"))
            .with_text(true);
        assert_eq!(
            v.href(),
            "/framework/strategic/text?lens=dimensions.belonging"
        );
        assert_eq!(
            v.with_text(false).with_fit(true).href(),
            "/framework/strategic/strategic.vision?lens=dimensions.belonging&fit=1"
        );
        assert_eq!(encode("a b/ā"), "a%20b%2F%C4%81");
        assert_eq!(
            FrameworkView::of("cef").with_fit(true).href(),
            "/framework/cef?fit=1"
        );
    }

    #[test]
    fn links_keep_the_views_parameters_and_only_those() {
        let keep = ["lens", "fit"];
        assert_eq!(keep_params("/framework/cef", &keep, "?lens=dimensions.belonging"), "/framework/cef?lens=dimensions.belonging");
        // A parameter the view no longer sets comes off; the link's own others stay.
        assert_eq!(keep_params("/framework/cef?lens=x&a=1#f", &keep, "?fit=1"), "/framework/cef?a=1&fit=1#f");
        assert_eq!(keep_params("/framework/cef?lens=x", &keep, ""), "/framework/cef");
        // Values are written as the app writes them.
        assert_eq!(keep_params("/x", &["lens"], "?lens=a+b%2Fc"), "/x?lens=a%20b%2Fc");
    }

    proptest! {
        #[test]
        fn keeping_twice_is_keeping_once(lens in "[a-z.]{0,8}", fit in proptest::bool::ANY, own in "[a-z]{0,4}") {
            let search = format!("?lens={lens}{}", if fit { "&fit=1" } else { "" });
            let href = if own.is_empty() { "/framework/f".to_string() } else { format!("/framework/f?{own}=1") };
            let once = keep_params(&href, &["lens", "fit"], &search);
            prop_assert_eq!(keep_params(&once, &["lens", "fit"], &search), once.clone());
            let query = once.split_once('?').map(|(_, q)| format!("?{q}")).unwrap_or_default();
            prop_assert_eq!(query_value(&query, "lens"), Some(lens).filter(|l| !l.is_empty()));
            prop_assert_eq!(query_value(&query, "fit").is_some(), fit);
        }
    }

    #[test]
    fn an_address_names_its_framework_view() {
        let v = FrameworkView::from_address("/framework/strategic/strategic.vision", "?lens=dimensions.belonging&fit=1", "x");
        assert_eq!(v, FrameworkView::of("strategic").with_node(Some("strategic.vision")).with_lens(Some("dimensions.belonging")).with_fit(true));
        assert_eq!(FrameworkView::from_address("/", "", "strategic"), FrameworkView::of("strategic"));
        let text = FrameworkView::from_address("/framework/cef/text", "", "x");
        assert!(text.text && text.node.is_none());
        // Earlier links' parameters.
        assert_eq!(FrameworkView::from_address("/framework/cef", "?node=cef.x", "x").node.as_deref(), Some("cef.x"));
        assert!(FrameworkView::from_address("/framework/cef", "?view=text&node=cef.x", "x").text);
        assert_eq!(FrameworkView::from_address("/framework/cef", "?lens=", "x").lens, None);
    }

    #[test]
    fn query_values_are_found_and_decoded() {
        let q = "?embed=1&font=Georgia+serif&lang=mi&lang=en";
        assert_eq!(query_value(q, "lang").as_deref(), Some("mi"));
        assert_eq!(query_value(q, "font").as_deref(), Some("Georgia serif"));
        assert_eq!(query_value(q, "theme"), None);
        assert_eq!(query_value("", "lang"), None);
    }
}
