//! The catalogs agree: both parse cleanly, have the same message ids, the same attributes per
//! message and the same argument names per message and attribute.

use super::*;
use fluent_syntax::ast;
use std::collections::{BTreeMap, BTreeSet};

/// id → (attribute names, variable names used anywhere in the message, including those of the
/// messages it references).
type Shape = BTreeMap<String, (BTreeSet<String>, BTreeSet<String>)>;

/// Marks a message reference among the variable names until `shape` expands it.
const REF: &str = "@message:";

fn vars_of_pattern(p: &ast::Pattern<&str>, out: &mut BTreeSet<String>) {
    for el in &p.elements {
        if let ast::PatternElement::Placeable { expression } = el {
            vars_of_expr(expression, out);
        }
    }
}

fn vars_of_inline(e: &ast::InlineExpression<&str>, out: &mut BTreeSet<String>) {
    match e {
        ast::InlineExpression::VariableReference { id } => {
            out.insert(id.name.to_string());
        }
        ast::InlineExpression::FunctionReference { arguments, .. } => {
            for a in &arguments.positional {
                vars_of_inline(a, out);
            }
        }
        ast::InlineExpression::Placeable { expression } => vars_of_expr(expression, out),
        // A referenced message sees the caller's arguments: noted here, expanded in `shape`.
        ast::InlineExpression::MessageReference { id, .. } => {
            out.insert(format!("{REF}{}", id.name));
        }
        _ => {}
    }
}

fn vars_of_expr(e: &ast::Expression<&str>, out: &mut BTreeSet<String>) {
    match e {
        ast::Expression::Select { selector, variants } => {
            vars_of_inline(selector, out);
            for v in variants {
                vars_of_pattern(&v.value, out);
            }
        }
        ast::Expression::Inline(i) => vars_of_inline(i, out),
    }
}

fn shape(lang: Lang) -> Shape {
    let text = source(lang);
    let res = fluent_syntax::parser::parse(text.as_str())
        .unwrap_or_else(|(_, errs)| panic!("{} catalog does not parse: {errs:?}", lang.code()));
    let mut out = Shape::new();
    for entry in res.body {
        if let ast::Entry::Message(m) = entry {
            let mut vars = BTreeSet::new();
            if let Some(v) = &m.value {
                vars_of_pattern(v, &mut vars);
            }
            let mut attrs = BTreeSet::new();
            for a in &m.attributes {
                attrs.insert(a.id.name.to_string());
                vars_of_pattern(&a.value, &mut vars);
            }
            let prev = out.insert(m.id.name.to_string(), (attrs, vars));
            assert!(
                prev.is_none(),
                "{}: message {} twice",
                lang.code(),
                m.id.name
            );
        }
    }
    // Expand references (transitively; a cycle would stop at the bound and fail below).
    for _ in 0..8 {
        let snapshot = out.clone();
        for (_, vars) in out.values_mut() {
            let refs: Vec<String> = vars
                .iter()
                .filter(|v| v.starts_with(REF))
                .cloned()
                .collect();
            for r in refs {
                vars.remove(&r);
                let target = &r[REF.len()..];
                let (_, theirs) = snapshot.get(target).unwrap_or_else(|| {
                    panic!("{}: reference to missing message {target}", lang.code())
                });
                vars.extend(theirs.iter().cloned());
            }
        }
    }
    for (id, (_, vars)) in &out {
        assert!(
            !vars.iter().any(|v| v.starts_with(REF)),
            "{}: {id} references messages too deeply or in a cycle",
            lang.code()
        );
    }
    out
}

#[test]
fn english_and_german_have_the_same_messages_attributes_and_arguments() {
    let en = shape(Lang::En);
    let de = shape(Lang::De);
    assert!(en.len() > 20, "the English catalog is nearly empty");
    let en_ids: BTreeSet<_> = en.keys().collect();
    let de_ids: BTreeSet<_> = de.keys().collect();
    assert_eq!(
        en_ids.difference(&de_ids).collect::<Vec<_>>(),
        Vec::<&&String>::new(),
        "missing in German"
    );
    assert_eq!(
        de_ids.difference(&en_ids).collect::<Vec<_>>(),
        Vec::<&&String>::new(),
        "missing in English"
    );
    for (id, (attrs, vars)) in &en {
        let (de_attrs, de_vars) = &de[id];
        assert_eq!(attrs, de_attrs, "attributes of {id} differ");
        assert_eq!(vars, de_vars, "arguments of {id} differ");
    }
}

#[test]
fn every_message_formats_without_errors_in_both_languages() {
    for lang in Lang::ALL {
        let b = bundle(lang);
        for (id, (_, vars)) in shape(lang) {
            let args: Args = vars
                .iter()
                .map(|v| (v.clone(), serde_json::Value::from("x")))
                .collect();
            let fa = fluent_args(lang, &args, 0);
            let msg = b.get_message(&id).expect("message");
            let mut errors = Vec::new();
            if let Some(p) = msg.value() {
                let t = b.format_pattern(p, Some(&fa), &mut errors);
                assert!(!t.trim().is_empty(), "{id} is empty in {}", lang.code());
            }
            assert!(errors.is_empty(), "{id} in {}: {errors:?}", lang.code());
        }
    }
}

#[test]
fn plural_forms_follow_the_language() {
    let one = args([("count", 1)]);
    let three = args([("count", 3)]);
    assert_eq!(text(Lang::En, "unit-agents", &one), "1 agent");
    assert_eq!(text(Lang::En, "unit-agents", &three), "3 agents");
    assert_eq!(text(Lang::De, "unit-agents", &one), "1 Agent");
    assert_eq!(text(Lang::De, "unit-agents", &three), "3 Agenten");
}

#[test]
fn a_missing_message_comes_back_as_its_id() {
    assert_eq!(
        text(Lang::De, "no-such-message", &Args::new()),
        "no-such-message"
    );
    assert!(attr(Lang::En, "no-such-message", "fix", &Args::new()).is_none());
}

#[test]
fn languages_are_read_from_tags_and_posix_locales() {
    assert_eq!(Lang::parse("de"), Some(Lang::De));
    assert_eq!(Lang::parse("de_DE.UTF-8"), Some(Lang::De));
    assert_eq!(Lang::parse("de-AT"), Some(Lang::De));
    assert_eq!(Lang::parse("en_US@euro"), Some(Lang::En));
    assert_eq!(Lang::parse("fr_FR"), None);
    assert_eq!(Lang::parse("C"), None);
    assert_eq!(Lang::parse(""), None);
}

#[test]
fn typed_arguments_are_worded_per_language() {
    let day = chrono::NaiveDate::from_ymd_opt(2027, 5, 30).unwrap();
    let a = args([("value", date_arg(day))]);
    let m = Msg::new("test-echo", a);
    assert_eq!(m.text(Lang::En), "[2027-05-30]");
    assert_eq!(m.text(Lang::De), "[30.05.2027]");
    let d = Msg::new("test-echo", args([("value", decimal_arg(1.25, 1))]));
    assert_eq!(d.text(Lang::De), "[1,2]");
    assert_eq!(d.text(Lang::En), "[1.2]");
    let inner = Msg::new("unit-agents", args([("count", 3)]));
    let outer = Msg::new(
        "test-echo",
        args([("value", msgs_arg(&[inner.clone(), inner]))]),
    );
    assert_eq!(outer.text(Lang::De), "[3 Agenten 3 Agenten]");
    let list = Msg::new(
        "test-echo",
        args([("value", serde_json::json!(["a", "b"]))]),
    );
    assert_eq!(list.text(Lang::En), "[a, b]");
}

#[test]
fn ui_texts_are_filled_in_by_the_app_exactly_as_fluent_words_them() {
    for lang in Lang::ALL {
        let (texts, bad) = ui::ui_texts_checked(lang);
        assert!(bad.is_empty(), "{}: {bad:?}", lang.code());
        assert!(
            texts.len() > 400,
            "{}: only {} UI texts",
            lang.code(),
            texts.len()
        );
        let shapes = shape(lang);
        for (key, parts) in &texts {
            let id = ui::ui_id(key);
            assert_eq!(ui::ui_key(&id).as_deref(), Some(key.as_str()));
            let vars = &shapes[&id].1;
            for n in [0, 1, 3] {
                let a: Args = vars
                    .iter()
                    .map(|v| (v.clone(), serde_json::Value::from(n)))
                    .collect();
                assert_eq!(ui::fill(parts, &a), text(lang, &id, &a), "{id} with {n}");
            }
        }
    }
    let de = ui::ui_texts(Lang::De);
    let one = args([("n", 1)]);
    let three = args([("n", 3)]);
    assert_eq!(ui::fill(&de["exp.days_value"], &one), "1 Tag");
    assert_eq!(ui::fill(&de["exp.days_value"], &three), "3 Tage");
}

/// Every variant key used anywhere in the catalog of `lang` (to reach each variant).
fn variant_keys(lang: Lang) -> BTreeSet<String> {
    fn walk(p: &ast::Pattern<&str>, out: &mut BTreeSet<String>) {
        for el in &p.elements {
            if let ast::PatternElement::Placeable {
                expression: ast::Expression::Select { variants, .. },
            } = el
            {
                for v in variants {
                    out.insert(match &v.key {
                        ast::VariantKey::Identifier { name } => name.to_string(),
                        ast::VariantKey::NumberLiteral { value } => value.to_string(),
                    });
                    walk(&v.value, out);
                }
            }
        }
    }
    let text = source(lang);
    let res = fluent_syntax::parser::parse(text.as_str()).unwrap_or_else(|(r, _)| r);
    let mut out = BTreeSet::new();
    for entry in res.body {
        if let ast::Entry::Message(m) = entry {
            if let Some(v) = &m.value {
                walk(v, &mut out);
            }
            for a in &m.attributes {
                walk(&a.value, &mut out);
            }
        }
    }
    out
}

#[test]
fn the_german_catalog_reads_german() {
    let keys = variant_keys(Lang::De);
    let mut english = BTreeSet::new();
    for (id, (attrs, vars)) in shape(Lang::De) {
        if id == "test-echo" {
            continue;
        }
        // Each argument in turn takes every variant key (and 1 and 3 for plural forms), the
        // others a placeholder: every variant of every select is worded once.
        let base: Args = vars
            .iter()
            .map(|v| (v.clone(), serde_json::Value::from("X")))
            .collect();
        // (arguments, the key put in, whose own appearances in the text are not the catalog's)
        let mut tries: Vec<(Args, Option<String>)> = vec![(base.clone(), None)];
        for v in &vars {
            for k in keys.iter() {
                let mut a = base.clone();
                a.insert(v.clone(), serde_json::Value::from(k.as_str()));
                tries.push((a, Some(k.clone())));
            }
            for n in [1, 3] {
                let mut a = base.clone();
                a.insert(v.clone(), serde_json::Value::from(n));
                tries.push((a, None));
            }
        }
        for (a, put_in) in &tries {
            let mut texts = vec![text(Lang::De, &id, a)];
            for attr_name in &attrs {
                texts.extend(attr(Lang::De, &id, attr_name, a));
            }
            for t in texts {
                let t = match put_in {
                    Some(k) => t
                        .split(' ')
                        .filter(|w| w.trim_matches(|c: char| !c.is_alphanumeric()) != k)
                        .collect::<Vec<_>>()
                        .join(" "),
                    None => t,
                };
                let words = audit::english_words(&t);
                if !words.is_empty() {
                    english.insert(format!("{id}: {words:?}: {t}"));
                }
            }
        }
    }
    assert!(
        english.is_empty(),
        "German messages with English words ({}):\n{}",
        english.len(),
        english.into_iter().collect::<Vec<_>>().join("\n")
    );
}
