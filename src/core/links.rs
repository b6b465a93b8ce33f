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
    fn query_values_are_found_and_decoded() {
        let q = "?embed=1&font=Georgia+serif&lang=mi&lang=en";
        assert_eq!(query_value(q, "lang").as_deref(), Some("mi"));
        assert_eq!(query_value(q, "font").as_deref(), Some("Georgia serif"));
        assert_eq!(query_value(q, "theme"), None);
        assert_eq!(query_value("", "lang"), None);
    }
}
