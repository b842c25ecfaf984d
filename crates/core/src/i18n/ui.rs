//! The desktop app's own texts, from the `ui-*` messages of the catalogs, in a form the web view
//! can fill in without a Fluent library: each message as a list of [`Part`]s (text, an argument,
//! or a choice on one argument's plural category). The app asks for them once per language
//! ([`ui_texts`]); the web view fills in arguments and picks plural forms with the language's
//! plural rules (`Intl.PluralRules`), exactly as Fluent would (the tests compare both).
//!
//! The app names its texts with keys such as `step.azure_app`; the catalog id is `ui-` + the key
//! with each `.` written `--` (`ui-step--azure_app`).

use super::{source, Lang};
use fluent_syntax::ast;
use serde::Serialize;
use std::collections::BTreeMap;

/// One piece of a UI text.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, schemars::JsonSchema)]
#[serde(untagged)]
pub enum Part {
    /// Literal text.
    Text(String),
    /// The value of an argument.
    Var {
        /// The argument's name.
        var: String,
    },
    /// A choice on an argument: the variant named by the number itself (`0`) or its plural
    /// category (`one`, `other`), else `default`.
    Select {
        /// The argument chosen on.
        select: String,
        /// Variant key → its parts.
        variants: BTreeMap<String, Vec<Part>>,
        /// The key of the default variant.
        default: String,
    },
}

/// The catalog id of an app key (`step.azure_app` → `ui-step--azure_app`).
pub fn ui_id(key: &str) -> String {
    format!("ui-{}", key.replace('.', "--"))
}

/// The app key of a catalog id, when it is a UI message.
pub fn ui_key(id: &str) -> Option<String> {
    id.strip_prefix("ui-").map(|k| k.replace("--", "."))
}

fn parts_of(p: &ast::Pattern<&str>) -> Result<Vec<Part>, String> {
    let mut out: Vec<Part> = Vec::new();
    let push_text = |out: &mut Vec<Part>, t: &str| {
        if let Some(Part::Text(prev)) = out.last_mut() {
            prev.push_str(t);
        } else {
            out.push(Part::Text(t.to_string()));
        }
    };
    for el in &p.elements {
        match el {
            ast::PatternElement::TextElement { value } => push_text(&mut out, value),
            ast::PatternElement::Placeable { expression } => match expression {
                ast::Expression::Inline(ast::InlineExpression::VariableReference { id }) => out
                    .push(Part::Var {
                        var: id.name.to_string(),
                    }),
                ast::Expression::Inline(ast::InlineExpression::StringLiteral { value }) => {
                    push_text(&mut out, value)
                }
                ast::Expression::Inline(ast::InlineExpression::NumberLiteral { value }) => {
                    push_text(&mut out, value)
                }
                ast::Expression::Select { selector, variants } => {
                    let ast::InlineExpression::VariableReference { id } = selector else {
                        return Err("a select on something other than an argument".into());
                    };
                    let mut map = BTreeMap::new();
                    let mut default = String::new();
                    for v in variants {
                        let key = match &v.key {
                            ast::VariantKey::Identifier { name } => name.to_string(),
                            ast::VariantKey::NumberLiteral { value } => value.to_string(),
                        };
                        if v.default {
                            default = key.clone();
                        }
                        map.insert(key, parts_of(&v.value)?);
                    }
                    out.push(Part::Select {
                        select: id.name.to_string(),
                        variants: map,
                        default,
                    });
                }
                _ => return Err("only text, arguments and selects on an argument".into()),
            },
        }
    }
    // Fluent drops the line break that ends a multi-line variant; so does the app.
    if let Some(Part::Text(t)) = out.last_mut() {
        let trimmed = t.trim_end_matches('\n').len();
        t.truncate(trimmed);
        if t.is_empty() {
            out.pop();
        }
    }
    Ok(out)
}

/// Every UI message of `lang` as parts, by app key; messages outside the supported form are
/// reported by the tests and left out here.
pub fn ui_texts(lang: Lang) -> BTreeMap<String, Vec<Part>> {
    ui_texts_checked(lang).0
}

/// As [`ui_texts`], plus the ids that could not be converted and why.
pub(crate) fn ui_texts_checked(lang: Lang) -> (BTreeMap<String, Vec<Part>>, Vec<String>) {
    let text = source(lang);
    let res = match fluent_syntax::parser::parse(text.as_str()) {
        Ok(r) => r,
        Err((r, _)) => r,
    };
    let mut out = BTreeMap::new();
    let mut bad = Vec::new();
    for entry in &res.body {
        let ast::Entry::Message(m) = entry else {
            continue;
        };
        let Some(key) = ui_key(m.id.name) else {
            continue;
        };
        if !m.attributes.is_empty() {
            bad.push(format!("{}: attributes", m.id.name));
        }
        match m.value.as_ref().map(parts_of) {
            Some(Ok(parts)) => {
                out.insert(key, parts);
            }
            Some(Err(why)) => bad.push(format!("{}: {why}", m.id.name)),
            None => bad.push(format!("{}: no value", m.id.name)),
        }
    }
    (out, bad)
}

/// Fills in `parts` as the app does (numbers choose `one` when they are 1, as in English and
/// German), for the tests.
#[cfg(test)]
pub(crate) fn fill(parts: &[Part], args: &super::Args) -> String {
    let mut s = String::new();
    for p in parts {
        match p {
            Part::Text(t) => s.push_str(t),
            Part::Var { var } => match args.get(var) {
                Some(serde_json::Value::String(v)) => s.push_str(v),
                Some(v) => s.push_str(&v.to_string()),
                None => {}
            },
            Part::Select {
                select,
                variants,
                default,
            } => {
                let v = args.get(select);
                let exact = v.map(|v| v.to_string());
                let category = match v.and_then(serde_json::Value::as_f64) {
                    Some(1.0) => "one",
                    _ => "other",
                };
                let chosen = exact
                    .and_then(|e| variants.get(&e))
                    .or_else(|| variants.get(category))
                    .or_else(|| variants.get(default));
                if let Some(c) = chosen {
                    s.push_str(&fill(c, args));
                }
            }
        }
    }
    s
}
