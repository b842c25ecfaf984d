//! The app's texts (the `ui-*` messages of the core's catalogs) are complete: both languages have
//! every text, none is empty, German uses the portal's labels, and every key that
//! `ui/index.html` (data-i18n…) or `ui/js/app.js` (`t("…")`) names literally exists. The
//! catalogs' own tests check that ids and arguments agree and that the app fills texts in as
//! Fluent words them.

use graphwiz_core::i18n::ui::{ui_texts, Part};
use graphwiz_core::i18n::Lang;
use std::collections::{BTreeMap, BTreeSet};
use std::path::PathBuf;

fn ui(path: &str) -> String {
    let p = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../ui")
        .join(path);
    std::fs::read_to_string(&p).unwrap_or_else(|e| panic!("{}: {e}", p.display()))
}

/// The app's texts of `lang`, filled in without arguments (from the core's `ui-*` messages).
fn catalog(lang: Lang) -> BTreeMap<String, String> {
    ui_texts(lang)
        .into_iter()
        .map(|(k, parts)| {
            let text = parts
                .iter()
                .map(|p| match p {
                    Part::Text(t) => t.clone(),
                    _ => String::new(),
                })
                .collect::<String>();
            (k, text)
        })
        .collect()
}

#[test]
fn every_text_exists_in_both_languages_and_none_is_empty() {
    let en = ui_texts(Lang::En);
    let de = ui_texts(Lang::De);
    assert!(en.len() > 400, "only {} English UI texts", en.len());
    let en_keys: BTreeSet<_> = en.keys().collect();
    let de_keys: BTreeSet<_> = de.keys().collect();
    assert_eq!(en_keys, de_keys, "the languages have different UI texts");
    for (k, parts) in &en {
        assert!(!parts.is_empty(), "{k} is empty in English");
        assert!(!de[k].is_empty(), "{k} is empty in German");
    }
}

#[test]
fn german_uses_the_portal_labels() {
    let de = catalog(Lang::De);
    assert_eq!(de["field.tenant"], "Verzeichnis-ID (Mandant)");
    assert_eq!(de["field.client_id"], "Anwendungs-ID (Client)");
    assert_eq!(de["field.secret"], "Geheimer Clientschlüssel");
    assert_eq!(de["perm.consent"], "Administratorzustimmung erteilen");
}

#[test]
fn every_key_the_ui_names_exists() {
    let en = catalog(Lang::En);
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
