//! The interface's string files, `locales/en.json` and `locales/mi.json`: the same keys, no
//! empty te reo string, the same values and tags interpolated in both, and the te reo file's
//! own mark that its translations are ours and need review.

use std::collections::BTreeMap;

use serde_json::Value;

fn flatten(prefix: &str, value: &Value, out: &mut BTreeMap<String, String>) {
    match value {
        Value::Object(map) => {
            for (k, v) in map {
                let key = if prefix.is_empty() {
                    k.clone()
                } else {
                    format!("{prefix}.{k}")
                };
                flatten(&key, v, out);
            }
        }
        Value::String(s) => {
            out.insert(prefix.to_string(), s.clone());
        }
        other => panic!("{prefix}: a string or an object, not {other}"),
    }
}

fn strings(locale: &str) -> BTreeMap<String, String> {
    let path = format!("{}/locales/{locale}.json", env!("CARGO_MANIFEST_DIR"));
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
    let json: Value = serde_json::from_str(&text).unwrap_or_else(|e| panic!("{path}: {e}"));
    let mut out = BTreeMap::new();
    flatten("", &json, &mut out);
    out
}

/// The `{{ name }}` values and `<tag>` names a string interpolates, sorted.
fn holes(s: &str) -> Vec<String> {
    let mut found = Vec::new();
    let mut rest = s;
    while let Some(start) = rest.find("{{") {
        let Some(end) = rest[start..].find("}}") else {
            break;
        };
        found.push(rest[start + 2..start + end].trim().to_string());
        rest = &rest[start + end + 2..];
    }
    let mut rest = s;
    while let Some(start) = rest.find('<') {
        let Some(end) = rest[start..].find('>') else {
            break;
        };
        let tag = rest[start + 1..start + end].trim_start_matches('/');
        if !tag.is_empty() && tag.chars().all(|c| c.is_ascii_alphanumeric() || c == '_') {
            found.push(format!("<{tag}>"));
        }
        rest = &rest[start + end + 1..];
    }
    found.sort();
    found
}

#[test]
fn both_languages_have_the_same_keys() {
    let (en, mi) = (strings("en"), strings("mi"));
    let only_en: Vec<_> = en.keys().filter(|k| !mi.contains_key(*k)).collect();
    let only_mi: Vec<_> = mi.keys().filter(|k| !en.contains_key(*k)).collect();
    assert!(only_en.is_empty(), "missing from mi.json: {only_en:?}");
    assert!(only_mi.is_empty(), "missing from en.json: {only_mi:?}");
    assert!(
        en.len() > 200,
        "the interface's strings are all here ({})",
        en.len()
    );
}

#[test]
fn every_te_reo_string_is_written() {
    let empty: Vec<_> = strings("mi")
        .into_iter()
        .filter(|(_, v)| v.trim().is_empty())
        .map(|(k, _)| k)
        .collect();
    assert!(empty.is_empty(), "empty in mi.json: {empty:?}");
}

#[test]
fn both_languages_interpolate_the_same_values_and_tags() {
    let (en, mi) = (strings("en"), strings("mi"));
    for (key, english) in &en {
        assert_eq!(
            holes(english),
            holes(&mi[key]),
            "{key}: {english:?} vs {:?}",
            mi[key]
        );
    }
}

#[test]
fn the_te_reo_file_marks_its_translations_as_ours_for_review() {
    let mi = strings("mi");
    let status = &mi["translation.status"];
    assert!(
        status.contains("Nā mātou anō"),
        "says the translations are our own: {status}"
    );
    assert!(status.contains("arotake"), "asks for review: {status}");
    assert!(
        status.contains("ehara i te whakamāoritanga ōkawa"),
        "not official: {status}"
    );
}
