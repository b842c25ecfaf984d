//! Redaction: the client secret taken out of an error and of any text graphwiz quotes, in case a
//! proxy echoed the request back.

use super::error::HttpError;
use crate::i18n::Msg;

impl HttpError {
    /// The same error with every occurrence of `secret` (as is, and form- or percent-encoded)
    /// replaced by `<client secret>`: for errors of requests that carried the secret, in case a
    /// proxy echoed the request back into something graphwiz quotes.
    pub fn redact(self, secret: &str) -> Self {
        let r = |s: String| redact_text(s, secret);
        match self {
            HttpError::Timeout { host, secs } => HttpError::Timeout {
                host: r(host),
                secs,
            },
            HttpError::Connect {
                host,
                detail,
                route,
            } => HttpError::Connect {
                host: r(host),
                detail: r(detail),
                route,
            },
            HttpError::Proxy {
                host,
                route,
                problem,
                detail,
            } => HttpError::Proxy {
                host: r(host),
                route,
                problem,
                detail: r(detail),
            },
            HttpError::Tls {
                host,
                route,
                kind,
                detail,
            } => HttpError::Tls {
                host: r(host),
                route,
                kind,
                detail: r(detail),
            },
            HttpError::BrokeOff { host, detail } => HttpError::BrokeOff {
                host: r(host),
                detail: redact_msg(detail, secret),
            },
            HttpError::TooSlow {
                host,
                secs,
                received,
            } => HttpError::TooSlow {
                host: r(host),
                secs,
                received,
            },
            HttpError::Throttled {
                host,
                status,
                retry_after,
                attempts,
                waited,
                budget,
            } => HttpError::Throttled {
                host: r(host),
                status,
                retry_after,
                attempts,
                waited,
                budget,
            },
            HttpError::Html {
                host,
                status,
                title,
            } => HttpError::Html {
                host: r(host),
                status,
                title: title.map(r),
            },
            HttpError::NotJson {
                host,
                status,
                content_type,
                detail,
            } => HttpError::NotJson {
                host: r(host),
                status,
                content_type: content_type.map(r),
                detail: redact_msg(detail, secret),
            },
            HttpError::WrongType {
                host,
                status,
                content_type,
            } => HttpError::WrongType {
                host: r(host),
                status,
                content_type: r(content_type),
            },
            HttpError::TooLarge { host } => HttpError::TooLarge { host: r(host) },
            HttpError::BadBody { detail } => HttpError::BadBody { detail: r(detail) },
        }
    }
}

/// `m` with `secret` taken out of every text among its arguments (nested messages too).
pub(super) fn redact_msg(m: Msg, secret: &str) -> Msg {
    fn value(v: serde_json::Value, secret: &str) -> serde_json::Value {
        use serde_json::Value;
        match v {
            Value::String(s) => Value::String(redact_text(s, secret)),
            Value::Array(items) => {
                Value::Array(items.into_iter().map(|i| value(i, secret)).collect())
            }
            Value::Object(o) => {
                Value::Object(o.into_iter().map(|(k, v)| (k, value(v, secret))).collect())
            }
            other => other,
        }
    }
    Msg {
        id: m.id,
        args: m
            .args
            .into_iter()
            .map(|(k, v)| (k, value(v, secret)))
            .collect(),
    }
}

/// `text` with `secret` (as is, form-encoded and percent-encoded) replaced by `<client secret>`.
pub fn redact_text(text: String, secret: &str) -> String {
    if secret.is_empty() {
        return text;
    }
    let form: String = url::form_urlencoded::byte_serialize(secret.as_bytes()).collect();
    let percent = form.replace('+', "%20");
    let mut out = text;
    for needle in [secret, form.as_str(), percent.as_str()] {
        if !needle.is_empty() && out.contains(needle) {
            out = out.replace(needle, "<client secret>");
        }
    }
    out
}
