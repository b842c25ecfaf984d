//! The UI's language catalogs stay complete, without Node: `ui/i18n/en.js` and `ui/i18n/de.js`
//! have exactly the same keys, no empty or untranslated-looking texts, the same `{placeholders}`
//! per key, and every key that `ui/index.html` (data-i18n…) or `ui/js/app.js` (`t("…")`) names
//! literally exists.

use std::collections::{BTreeMap, BTreeSet};
use std::path::PathBuf;

fn ui(path: &str) -> String {
    let p = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../ui")
        .join(path);
    std::fs::read_to_string(&p).unwrap_or_else(|e| panic!("{}: {e}", p.display()))
}

/// Reads a JS string literal starting at `s[0] == '"'`; returns its value and the rest.
fn js_string(s: &str) -> Option<(String, &str)> {
    let mut out = String::new();
    let mut chars = s.char_indices().skip(1);
    while let Some((i, c)) = chars.next() {
        match c {
            '"' => return Some((out, &s[i + 1..])),
            '\\' => {
                let (_, e) = chars.next()?;
                out.push(match e {
                    'n' => '\n',
                    't' => '\t',
                    other => other,
                });
            }
            other => out.push(other),
        }
    }
    None
}

/// The `"key": "text"` pairs of a catalog file (one object literal of string pairs).
fn catalog(file: &str) -> BTreeMap<String, String> {
    let text = ui(file);
    let start = text.find("= {").expect("catalog object") + 3;
    let body = &text[start..text.rfind('}').expect("end of catalog")];
    let mut out = BTreeMap::new();
    let mut rest = body.trim_start();
    while !rest.is_empty() {
        if let Some(r) = rest.strip_prefix("//") {
            rest = r
                .split_once('\n')
                .map(|(_, r)| r)
                .unwrap_or("")
                .trim_start();
            continue;
        }
        let (key, r) = js_string(rest).unwrap_or_else(|| {
            panic!("{file}: expected a key at: {}", &rest[..rest.len().min(60)])
        });
        let r = r
            .trim_start()
            .strip_prefix(':')
            .unwrap_or_else(|| panic!("{file}: ':' after {key}"))
            .trim_start();
        let (value, r) = js_string(r).unwrap_or_else(|| panic!("{file}: string value of {key}"));
        assert!(
            out.insert(key.clone(), value).is_none(),
            "{file}: key {key} twice"
        );
        rest = r.trim_start().trim_start_matches(',').trim_start();
    }
    out
}

fn placeholders(s: &str) -> BTreeSet<String> {
    let mut out = BTreeSet::new();
    let mut rest = s;
    while let Some(i) = rest.find('{') {
        let after = &rest[i + 1..];
        match after.find('}') {
            Some(j)
                if after[..j]
                    .chars()
                    .all(|c| c.is_ascii_alphanumeric() || c == '_') =>
            {
                out.insert(after[..j].to_string());
                rest = &after[j + 1..];
            }
            _ => rest = after,
        }
    }
    out
}

#[test]
fn catalogs_have_the_same_keys_and_placeholders() {
    let en = catalog("i18n/en.js");
    let de = catalog("i18n/de.js");
    assert!(en.len() > 100, "en.js parsed only {} keys", en.len());
    let missing_de: Vec<&String> = en.keys().filter(|k| !de.contains_key(*k)).collect();
    let missing_en: Vec<&String> = de.keys().filter(|k| !en.contains_key(*k)).collect();
    assert!(
        missing_de.is_empty(),
        "keys missing in de.js: {missing_de:?}"
    );
    assert!(
        missing_en.is_empty(),
        "keys missing in en.js: {missing_en:?}"
    );
    for (k, v) in &en {
        assert!(!v.trim().is_empty(), "en.js: {k} is empty");
        let d = &de[k];
        assert!(!d.trim().is_empty(), "de.js: {k} is empty");
        assert_eq!(
            placeholders(v),
            placeholders(d),
            "placeholders of {k} differ"
        );
    }
}

#[test]
fn german_uses_the_portal_labels() {
    let de = catalog("i18n/de.js");
    assert_eq!(de["field.tenant"], "Verzeichnis-ID (Mandant)");
    assert_eq!(de["field.client_id"], "Anwendungs-ID (Client)");
    assert_eq!(de["field.secret"], "Geheimer Clientschlüssel");
    assert_eq!(de["perm.consent"], "Administratorzustimmung erteilen");
}

#[test]
fn every_key_the_ui_names_exists() {
    let en = catalog("i18n/en.js");
    let html = ui("index.html");
    let mut named = BTreeSet::new();
    for attr in [
        "data-i18n=\"",
        "data-i18n-aria-label=\"",
        "data-i18n-placeholder=\"",
    ] {
        for part in html.split(attr).skip(1) {
            if let Some((key, _)) = part.split_once('"') {
                named.insert(key.to_string());
            }
        }
    }
    let js = ui("js/app.js");
    for (i, _) in js.match_indices("t(\"") {
        // Only calls of `t` itself, not of functions whose names end in t (`quiet("…")`).
        let before = js[..i].chars().next_back().unwrap_or(' ');
        if before.is_alphanumeric() || before == '_' || before == '.' {
            continue;
        }
        if let Some((key, _)) = js[i + 3..].split_once('"') {
            if !key.ends_with('.') {
                named.insert(key.to_string());
            }
        }
    }
    assert!(
        named.len() > 80,
        "only {} keys found in the UI",
        named.len()
    );
    let unknown: Vec<&String> = named.iter().filter(|k| !en.contains_key(*k)).collect();
    assert!(
        unknown.is_empty(),
        "keys used by the UI but not in the catalogs: {unknown:?}"
    );
}

#[test]
fn the_ui_has_no_inline_script_or_style() {
    // The CSP has no 'unsafe-inline': inline code would silently not run.
    let html = ui("index.html");
    assert!(!html.contains("<style"), "inline <style> in index.html");
    assert!(
        !html.contains(" style=\""),
        "inline style attribute in index.html"
    );
    assert!(
        !html.contains(" onclick="),
        "inline event handler in index.html"
    );
    for chunk in html.split("<script").skip(1) {
        let tag = chunk.split('>').next().unwrap_or_default();
        assert!(tag.contains("src="), "inline <script> in index.html");
    }
    let js = ui("js/app.js");
    assert!(
        !js.contains("innerHTML"),
        "app.js builds DOM from HTML strings"
    );
    assert!(!js.contains("eval("), "app.js uses eval");
}
