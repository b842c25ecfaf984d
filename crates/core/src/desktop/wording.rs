//! The app's wording of catalog messages. A message whose command-line wording names a command
//! (`graphwiz genesys restart --profile "…"`, `graphwiz rotate … --resume`) has an `-app` variant
//! in the catalogs that names the app's button or step instead (same arguments, one message id
//! per fix, worded per face). Everything the wizard shows of a check goes through
//! [`for_app`] (or [`localize_for_app`]) when its view is built.

use crate::checks::{Check, Report};
use crate::i18n::{self, Lang};

/// The `-app` variant of message `id`, when the catalogs have one.
pub(super) fn app_id(id: &str) -> Option<String> {
    let app = format!("{id}-app");
    i18n::has(Lang::En, &app).then_some(app)
}

/// Switches `c` to the app's wording (its message's `-app` variant, when there is one) and
/// words it in `lang`. Checks not worded from the catalog are left as they are.
pub(super) fn localize_for_app(c: &mut Check, lang: Lang) {
    if let Some(app) = c.message_id.as_deref().and_then(app_id) {
        c.message_id = Some(app);
    }
    c.localize(lang);
}

/// `c` in the app's wording, in `lang`.
pub(super) fn for_app(c: &Check, lang: Lang) -> Check {
    let mut c = c.clone();
    localize_for_app(&mut c, lang);
    c
}

/// Every check of `r` in the app's wording, in `lang`.
pub(super) fn report_for_app(r: &Report, lang: Lang) -> Report {
    let mut r = r.localized(lang);
    for c in &mut r.checks {
        localize_for_app(c, lang);
    }
    r
}

/// The command line's subcommands: "graphwiz " followed by one of them is a CLI command.
#[cfg(test)]
const SUBCOMMANDS: &[&str] = &[
    "check",
    "live-test",
    "profile",
    "export",
    "import",
    "expiry",
    "reminders",
    "consent-url",
    "consent",
    "rotate",
    "setup",
    "fix",
    "diagnose",
    "genesys",
    "completions",
    "man",
];

/// For the tests: every text of a view (as JSON) that tells the admin to run a command line
/// (`graphwiz` followed by a subcommand), with where it is.
#[cfg(test)]
pub(crate) fn cli_commands(v: &serde_json::Value) -> Vec<String> {
    fn walk(path: &str, v: &serde_json::Value, out: &mut Vec<String>) {
        match v {
            serde_json::Value::Object(o) => {
                for (k, x) in o {
                    // Arguments are data, worded into the texts walked here.
                    if k != "args" {
                        walk(&format!("{path}.{k}"), x, out);
                    }
                }
            }
            serde_json::Value::Array(items) => {
                for (i, x) in items.iter().enumerate() {
                    walk(&format!("{path}[{i}]"), x, out);
                }
            }
            serde_json::Value::String(s) if names_a_command(s) => {
                out.push(format!("{path}: {s}"));
            }
            _ => {}
        }
    }
    let mut out = Vec::new();
    walk("", v, &mut out);
    out
}

#[cfg(test)]
fn names_a_command(s: &str) -> bool {
    s.match_indices("graphwiz ").any(|(i, m)| {
        let rest = &s[i + m.len()..];
        let word: String = rest
            .chars()
            .take_while(|c| c.is_ascii_lowercase() || *c == '-')
            .collect();
        let after = rest[word.len()..].chars().next();
        SUBCOMMANDS.contains(&word.as_str())
            && after.is_none_or(|c| c.is_whitespace() || matches!(c, '"' | '.' | ',' | ')'))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_command_line_is_found_and_prose_is_not() {
        assert!(names_a_command(
            "then: graphwiz rotate --profile \"x\" --resume"
        ));
        assert!(names_a_command("run graphwiz check."));
        assert!(!names_a_command("graphwiz checks (1) and (2) for you"));
        assert!(!names_a_command("graphwiz could not write its note"));
        assert!(!names_a_command("The next graphwiz command tries again."));
    }
}
