//! The message catalogs: every text the core words for people, in English and German, as Project
//! Fluent messages with named arguments (`en*.ftl`, `de*.ftl` beside this file, one pair per area,
//! compiled in).
//!
//! A [`Check`](crate::report::Check) made from a catalog message carries its `message_id` and
//! `args`, so a face can word it again in another language without running anything again
//! ([`crate::report::Report::localized`]). A message's value is the summary; its `.fix` attribute,
//! when it has one, is the fix.

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};
use std::collections::BTreeMap;
use std::sync::OnceLock;

/// Arguments of a message: name → string or number (numbers select plural forms).
pub type Args = BTreeMap<String, serde_json::Value>;

/// A language graphwiz speaks.
#[derive(
    Clone,
    Copy,
    Debug,
    Default,
    PartialEq,
    Eq,
    Hash,
    serde::Serialize,
    serde::Deserialize,
    schemars::JsonSchema,
)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    /// English.
    #[default]
    En,
    /// German.
    De,
}

/// Environment variable that picks the language of the CLI.
pub const LANG_ENV: &str = "GRAPHWIZ_LANG";

impl Lang {
    /// Every language, in the order a picker shows them.
    pub const ALL: [Lang; 2] = [Lang::En, Lang::De];

    /// The two-letter code (`en`, `de`).
    pub fn code(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::De => "de",
        }
    }

    /// Reads a language tag or a POSIX locale (`de`, `de-AT`, `de_DE.UTF-8`, `en_US@euro`);
    /// `None` for anything graphwiz does not speak.
    pub fn parse(raw: &str) -> Option<Lang> {
        let tag = raw.trim().to_ascii_lowercase();
        let primary: String = tag
            .chars()
            .take_while(|c| c.is_ascii_alphabetic())
            .collect();
        match primary.as_str() {
            "en" | "english" => Some(Lang::En),
            "de" | "german" | "deutsch" => Some(Lang::De),
            _ => None,
        }
    }

    /// Like [`Lang::parse`], with English for anything graphwiz does not speak.
    pub fn parse_or_english(raw: &str) -> Lang {
        Lang::parse(raw).unwrap_or(Lang::En)
    }

    /// The language from the environment: `GRAPHWIZ_LANG`, else the POSIX locale variables in
    /// their order of precedence (`LC_ALL`, `LC_MESSAGES`, `LANG`); English for anything else.
    pub fn from_env() -> Lang {
        for var in [LANG_ENV, "LC_ALL", "LC_MESSAGES", "LANG"] {
            if let Ok(v) = std::env::var(var) {
                if v.trim().is_empty() {
                    continue;
                }
                // The first variable that is set decides, as POSIX has it ("C" means English).
                return Lang::parse(&v).unwrap_or(Lang::En);
            }
        }
        Lang::En
    }
}

/// The catalog files of each language, one per area (every file exists in both languages).
const EN: &[&str] = &[
    include_str!("en.ftl"),
    include_str!("en-net.ftl"),
    include_str!("en-diagnose.ftl"),
    include_str!("en-rotate.ftl"),
    include_str!("en-cli.ftl"),
];
const DE: &[&str] = &[
    include_str!("de.ftl"),
    include_str!("de-net.ftl"),
    include_str!("de-diagnose.ftl"),
    include_str!("de-rotate.ftl"),
    include_str!("de-cli.ftl"),
];

/// The catalog source of a language, all its files joined (for tests and tools).
pub fn source(lang: Lang) -> String {
    match lang {
        Lang::En => EN,
        Lang::De => DE,
    }
    .join("\n")
}

fn bundle(lang: Lang) -> &'static FluentBundle<FluentResource> {
    static BUNDLES: [OnceLock<FluentBundle<FluentResource>>; 2] =
        [OnceLock::new(), OnceLock::new()];
    let slot = match lang {
        Lang::En => &BUNDLES[0],
        Lang::De => &BUNDLES[1],
    };
    slot.get_or_init(|| {
        let langid: unic_langid::LanguageIdentifier = lang.code().parse().unwrap_or_default();
        let mut b = FluentBundle::new_concurrent(vec![langid]);
        // Plain text out: the faces never want Unicode isolation marks around arguments.
        b.set_use_isolating(false);
        // A catalog that does not parse is caught by the catalog tests; what parsed is used.
        let res = match FluentResource::try_new(source(lang)) {
            Ok(r) => r,
            Err((r, _)) => r,
        };
        let _ = b.add_resource(res);
        b
    })
}

fn fluent_args(args: &Args) -> FluentArgs<'_> {
    let mut out = FluentArgs::new();
    for (k, v) in args {
        let value: FluentValue = match v {
            serde_json::Value::Number(n) => FluentValue::from(n.as_f64().unwrap_or(0.0)),
            serde_json::Value::String(s) => FluentValue::from(s.as_str()),
            serde_json::Value::Bool(b) => FluentValue::from(if *b { "true" } else { "false" }),
            serde_json::Value::Null => FluentValue::from(""),
            other => FluentValue::from(other.to_string()),
        };
        out.set(k.as_str(), value);
    }
    out
}

/// True when the catalog of `lang` has message `id`.
pub fn has(lang: Lang, id: &str) -> bool {
    bundle(lang).has_message(id)
}

/// The text of message `id` in `lang`. An id missing from the catalog comes back as the id
/// itself (the catalog tests make sure none is missing).
pub fn text(lang: Lang, id: &str, args: &Args) -> String {
    let b = bundle(lang);
    let Some(pattern) = b.get_message(id).and_then(|m| m.value()) else {
        return id.to_string();
    };
    let mut errors = Vec::new();
    let fa = fluent_args(args);
    b.format_pattern(pattern, Some(&fa), &mut errors)
        .into_owned()
}

/// Attribute `attr` (e.g. `fix`) of message `id` in `lang`, when it has one.
pub fn attr(lang: Lang, id: &str, attr: &str, args: &Args) -> Option<String> {
    let b = bundle(lang);
    let pattern = b.get_message(id)?.get_attribute(attr)?.value();
    let mut errors = Vec::new();
    let fa = fluent_args(args);
    Some(
        b.format_pattern(pattern, Some(&fa), &mut errors)
            .into_owned(),
    )
}

/// Builds [`Args`] from pairs: `args![("name", "x"), ("count", 3)]`-style helper.
pub fn args<I, K, V>(pairs: I) -> Args
where
    I: IntoIterator<Item = (K, V)>,
    K: Into<String>,
    V: Into<serde_json::Value>,
{
    pairs
        .into_iter()
        .map(|(k, v)| (k.into(), v.into()))
        .collect()
}

#[cfg(test)]
mod tests;
