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
    /// their order of precedence (`LC_ALL`, `LC_MESSAGES`, `LANG`), else the user's UI language
    /// as the system tells it (Windows, macOS); English for anything else.
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
        sys_locale::get_locale()
            .and_then(|l| Lang::parse(&l))
            .unwrap_or(Lang::En)
    }
}

/// The catalog files of each language, one per area (every file exists in both languages).
const EN: &[&str] = &[
    include_str!("en.ftl"),
    include_str!("en-net.ftl"),
    include_str!("en-diagnose.ftl"),
    include_str!("en-rotate.ftl"),
    include_str!("en-setup.ftl"),
    include_str!("en-evidence.ftl"),
    include_str!("en-cli.ftl"),
    include_str!("en-azure.ftl"),
    include_str!("en-mail.ftl"),
    include_str!("en-store.ftl"),
    include_str!("en-app.ftl"),
    include_str!("en-ui.ftl"),
];
const DE: &[&str] = &[
    include_str!("de.ftl"),
    include_str!("de-net.ftl"),
    include_str!("de-diagnose.ftl"),
    include_str!("de-rotate.ftl"),
    include_str!("de-setup.ftl"),
    include_str!("de-evidence.ftl"),
    include_str!("de-cli.ftl"),
    include_str!("de-azure.ftl"),
    include_str!("de-mail.ftl"),
    include_str!("de-store.ftl"),
    include_str!("de-app.ftl"),
    include_str!("de-ui.ftl"),
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

/// A date argument: worded per language when the message is ("30.05.2027", "2027-05-30").
pub fn date_arg(d: chrono::NaiveDate) -> serde_json::Value {
    serde_json::json!({ "date": d.format("%Y-%m-%d").to_string() })
}

/// A decimal number with `decimals` places, with the language's decimal mark ("1,5" / "1.5").
/// Use plain numbers for counts (they select plural forms).
pub fn decimal_arg(x: f64, decimals: u8) -> serde_json::Value {
    serde_json::json!({ "decimal": x, "places": decimals })
}

/// Another catalog message as an argument, worded in the same language (for texts made of parts).
pub fn msg_arg(m: &Msg) -> serde_json::Value {
    serde_json::json!({ "msg": m.id, "args": m.args })
}

/// Several catalog messages as one argument, worded in the same language and joined by a space.
pub fn msgs_arg(ms: &[Msg]) -> serde_json::Value {
    serde_json::Value::Array(ms.iter().map(msg_arg).collect())
}

/// Several catalog messages as one argument, worded in the same language and listed with ", ".
pub fn list_arg(ms: &[Msg]) -> serde_json::Value {
    serde_json::json!({ "list": ms.iter().map(msg_arg).collect::<Vec<_>>() })
}

/// A reference to a catalog message with its arguments: what the core returns where a face
/// words the text later, in its language (errors, notices, field problems).
#[derive(
    Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize, schemars::JsonSchema,
)]
pub struct Msg {
    /// The message id.
    pub id: String,
    /// Its arguments (language-independent values).
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    #[schemars(with = "BTreeMap<String, serde_json::Value>")]
    pub args: Args,
}

impl Msg {
    /// Message `id` with `args`.
    pub fn new(id: &str, args: Args) -> Self {
        Msg {
            id: id.to_string(),
            args,
        }
    }
    /// Message `id` without arguments.
    pub fn plain(id: &str) -> Self {
        Msg::new(id, Args::new())
    }
    /// The message's value in `lang`.
    pub fn text(&self, lang: Lang) -> String {
        text(lang, &self.id, &self.args)
    }
    /// The message's `.fix` attribute in `lang`, when it has one.
    pub fn fix(&self, lang: Lang) -> Option<String> {
        attr(lang, &self.id, "fix", &self.args)
    }
}

impl std::fmt::Display for Msg {
    /// English, for logs and `Debug`-like uses; faces word a `Msg` with [`Msg::text`].
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.text(Lang::En))
    }
}

/// Words one argument value for `lang`: typed values (dates, decimals, nested messages, lists)
/// become text; numbers stay numbers so they can select plural forms.
fn arg_value(lang: Lang, v: &serde_json::Value, depth: u8) -> FluentValue<'static> {
    use serde_json::Value;
    match v {
        Value::Number(n) => FluentValue::from(n.as_f64().unwrap_or(0.0)),
        Value::String(s) => FluentValue::from(s.clone()),
        Value::Bool(b) => FluentValue::from(if *b { "true" } else { "false" }),
        Value::Null => FluentValue::from(""),
        Value::Object(o) if depth < 4 => {
            if let Some(Value::String(d)) = o.get("date") {
                let text = match chrono::NaiveDate::parse_from_str(d, "%Y-%m-%d") {
                    Ok(day) => match lang {
                        Lang::De => day.format("%d.%m.%Y").to_string(),
                        Lang::En => day.format("%Y-%m-%d").to_string(),
                    },
                    Err(_) => d.clone(),
                };
                return FluentValue::from(text);
            }
            if let Some(x) = o.get("decimal").and_then(Value::as_f64) {
                let places = o.get("places").and_then(Value::as_u64).unwrap_or(1).min(6) as usize;
                let t = format!("{x:.places$}");
                return FluentValue::from(match lang {
                    Lang::De => t.replace('.', ","),
                    Lang::En => t,
                });
            }
            if let Some(Value::Array(items)) = o.get("list") {
                let parts: Vec<String> = items
                    .iter()
                    .map(|i| match arg_value(lang, i, depth + 1) {
                        FluentValue::String(s) => s.into_owned(),
                        _ => String::new(),
                    })
                    .filter(|s| !s.is_empty())
                    .collect();
                return FluentValue::from(parts.join(", "));
            }
            if let Some(Value::String(id)) = o.get("msg") {
                let args: Args = o
                    .get("args")
                    .and_then(|a| serde_json::from_value(a.clone()).ok())
                    .unwrap_or_default();
                return FluentValue::from(format_in(lang, id, &args, depth + 1));
            }
            FluentValue::from(v.to_string())
        }
        Value::Array(items) if depth < 4 => {
            let parts: Vec<String> = items
                .iter()
                .map(|i| match arg_value(lang, i, depth + 1) {
                    FluentValue::String(s) => s.into_owned(),
                    FluentValue::Number(n) => n.as_string().into_owned(),
                    _ => String::new(),
                })
                .filter(|s| !s.is_empty())
                .collect();
            let nested = items.iter().any(|i| i.get("msg").is_some());
            FluentValue::from(parts.join(if nested { " " } else { ", " }))
        }
        other => FluentValue::from(other.to_string()),
    }
}

fn fluent_args(lang: Lang, args: &Args, depth: u8) -> FluentArgs<'static> {
    let mut out = FluentArgs::new();
    for (k, v) in args {
        out.set(k.clone(), arg_value(lang, v, depth));
    }
    out
}

fn format_in(lang: Lang, id: &str, args: &Args, depth: u8) -> String {
    let b = bundle(lang);
    let Some(pattern) = b.get_message(id).and_then(|m| m.value()) else {
        return id.to_string();
    };
    let mut errors = Vec::new();
    let fa = fluent_args(lang, args, depth);
    b.format_pattern(pattern, Some(&fa), &mut errors)
        .into_owned()
}

/// True when the catalog of `lang` has message `id`.
pub fn has(lang: Lang, id: &str) -> bool {
    bundle(lang).has_message(id)
}

/// The text of message `id` in `lang`. An id missing from the catalog comes back as the id
/// itself (the catalog tests make sure none is missing).
pub fn text(lang: Lang, id: &str, args: &Args) -> String {
    format_in(lang, id, args, 0)
}

/// Attribute `attr` (e.g. `fix`) of message `id` in `lang`, when it has one.
pub fn attr(lang: Lang, id: &str, attr: &str, args: &Args) -> Option<String> {
    let b = bundle(lang);
    let pattern = b.get_message(id)?.get_attribute(attr)?.value();
    let mut errors = Vec::new();
    let fa = fluent_args(lang, args, 0);
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

pub mod audit;
pub mod ui;

#[cfg(test)]
mod tests;
