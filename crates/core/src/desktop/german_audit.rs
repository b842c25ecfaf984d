//! For the tests: every text of a view the app shows, when the UI speaks German, came from the
//! German catalog. A check worded from the catalog must read exactly as the German catalog words
//! its message; every other text must not contain English function words
//! ([`crate::i18n::audit::english_words`]). Values that are data, not text (addresses, ids,
//! URLs, codes, names), are left alone.

use crate::i18n::{self, Args, Lang};
use serde_json::Value;

/// Keys whose values are data (or the English form kept for logs), not text for the admin.
const DATA: &[&str] = &[
    "id",
    "message_id",
    "args",
    "code",
    "status",
    "step",
    "furthest",
    "phase",
    "check",
    "kind",
    "address",
    "mailbox",
    "sender",
    "recipient",
    "probe_mailbox",
    "tenant",
    "tenant_id",
    "client_id",
    "name",
    "profile",
    "scenario",
    "genesys_scenario",
    "region",
    "host",
    "base_url",
    "url",
    "portal_url",
    "token_endpoint",
    "secret_hint",
    "hint",
    "date",
    "expires",
    "ran_at",
    "checked_at",
    "at",
    "started",
    "cloud",
    "origin",
    "message",
    "label",
    "field",
    "state",
    "severity",
    "mailboxes",
    "regions",
    "place",
    "key",
    "value",
    "app_registrations",
    "overview",
    "api_permissions",
    "certificates",
    "msg",
];

/// The texts of `v` that did not come from the German catalog, each with where it is.
pub(crate) fn non_german(v: &Value) -> Vec<String> {
    let mut out = Vec::new();
    walk("", v, &mut out);
    out
}

fn walk(path: &str, v: &Value, out: &mut Vec<String>) {
    match v {
        Value::Object(o) => {
            if let Some(Value::String(id)) = o.get("message_id") {
                let args: Args = o
                    .get("args")
                    .and_then(|a| serde_json::from_value(a.clone()).ok())
                    .unwrap_or_default();
                let want = i18n::text(Lang::De, id, &args).trim_end().to_string();
                if o.get("summary").and_then(Value::as_str) != Some(want.as_str()) {
                    out.push(format!("{path}: summary is not the German text of {id}"));
                }
                let fix = i18n::attr(Lang::De, id, "fix", &args);
                if o.get("fix").and_then(Value::as_str) != fix.as_deref() {
                    out.push(format!("{path}: fix is not the German text of {id}"));
                }
            } else if o.contains_key("summary") && o.contains_key("status") {
                out.push(format!(
                    "{path}: a check worded outside the catalog: {:?}",
                    o.get("summary")
                ));
            }
            for (k, x) in o {
                if DATA.contains(&k.as_str()) {
                    continue;
                }
                walk(&format!("{path}.{k}"), x, out);
            }
        }
        Value::Array(items) => {
            for (i, x) in items.iter().enumerate() {
                walk(&format!("{path}[{i}]"), x, out);
            }
        }
        Value::String(s) => {
            let words = i18n::audit::english_words(s);
            if !words.is_empty() {
                out.push(format!("{path}: English {words:?}: {s}"));
            }
        }
        _ => {}
    }
}
