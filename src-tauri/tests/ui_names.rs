//! The app finds its elements by its own names (`data-ui`), never by the tests' `data-testid`:
//! every name `ui/js/app.js` looks up with `$("…")` is on exactly one element of
//! `ui/index.html`, and the script never selects by a test id, so a renamed test id cannot break
//! the app.

use std::collections::BTreeMap;
use std::path::PathBuf;

fn ui(path: &str) -> String {
    let p = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../ui")
        .join(path);
    std::fs::read_to_string(&p).unwrap_or_else(|e| panic!("{}: {e}", p.display()))
}

/// The quoted values after each `needle` (e.g. `data-ui="` or `$("`).
fn quoted_after(text: &str, needle: &str) -> Vec<String> {
    text.match_indices(needle)
        .filter_map(|(i, _)| {
            let rest = &text[i + needle.len()..];
            rest.find('"').map(|end| rest[..end].to_string())
        })
        .collect()
}

#[test]
fn every_name_the_script_looks_up_is_on_one_element() {
    let html = ui("index.html");
    let js = ui("js/app.js");
    let mut on_page: BTreeMap<String, usize> = BTreeMap::new();
    for name in quoted_after(&html, "data-ui=\"") {
        *on_page.entry(name).or_default() += 1;
    }
    assert!(on_page.len() > 150, "only {} named elements", on_page.len());
    let twice: Vec<_> = on_page.iter().filter(|(_, n)| **n > 1).collect();
    assert!(
        twice.is_empty(),
        "names on more than one element: {twice:?}"
    );
    let looked_up = quoted_after(&js, "$(\"");
    assert!(looked_up.len() > 100, "only {} look-ups", looked_up.len());
    let missing: Vec<_> = looked_up
        .iter()
        .filter(|n| {
            // `$("problems-" + field)`: a prefix, completed at run time.
            !(on_page.contains_key(n.as_str())
                || (n.ends_with('-') && on_page.keys().any(|k| k.starts_with(n.as_str()))))
        })
        .collect();
    assert!(
        missing.is_empty(),
        "looked up but on no element: {missing:?}"
    );
}

#[test]
fn the_script_never_selects_by_a_test_id() {
    let js = ui("js/app.js");
    for (i, line) in js.lines().enumerate() {
        let selects = line.contains("querySelector") || line.contains("closest(");
        assert!(
            !(selects && line.contains("data-testid")),
            "app.js:{}: selects by a test id: {line}",
            i + 1
        );
    }
}
