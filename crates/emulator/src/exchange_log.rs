//! The exchange log for the vendor contract tests: with `GRAPHWIZ_CONTRACT_LOG=DIR` set, every
//! emulator in this process appends each HTTP exchange it serves — service, method, path, query,
//! the request's and the answer's body — as one JSON line to `DIR/exchanges-<pid>.jsonl`.
//! `tests/contracts/check.py` then checks every request graphwiz made against the vendors'
//! published definitions and every answer against the vendors' response models.
//!
//! Secret values (client secrets, tokens, codes, new secrets' text, credential fields) are
//! replaced by `"<redacted>"` before anything is written; the shape of each body is kept.
//! Without the variable nothing is buffered or written.

use std::fs::{File, OpenOptions};
use std::io::Write;
use std::sync::{Mutex, OnceLock};

use axum::body::{to_bytes, Body};
use axum::extract::Request;
use axum::http::header::{CONTENT_TYPE, USER_AGENT};
use axum::http::HeaderMap;
use axum::response::Response;
use serde_json::{json, Map, Value};

use crate::wire::lock;

/// The variable that names the folder of the exchange log.
pub const ENV: &str = "GRAPHWIZ_CONTRACT_LOG";

/// Bodies larger than this are not buffered for the log (the emulator's answers are far smaller).
const BODY_LIMIT: usize = 4 * 1024 * 1024;

/// Form fields whose values are secret (client secrets, authorization and device codes, PKCE
/// verifiers, refresh tokens).
const FORM_SECRET_KEYS: &[&str] = &[
    "client_secret",
    "client_assertion",
    "assertion",
    "code",
    "code_verifier",
    "device_code",
    "refresh_token",
    "password",
];

/// JSON keys whose values are secret wherever they appear (tokens, new secrets' text). `code`
/// is not among them: in JSON it is an error or state code.
const JSON_SECRET_KEYS: &[&str] = &[
    "access_token",
    "refresh_token",
    "id_token",
    "device_code",
    "secretText",
    "client_secret",
    "clientSecret",
    "password",
];

/// Which vendor service answered.
#[derive(Clone, Copy, Debug)]
pub(crate) enum Service {
    /// The Entra ID and Microsoft Graph server: `/v1.0/…` and `/beta/…` are Graph, the rest Entra.
    EntraOrGraph,
    /// The Genesys Cloud Platform API server.
    Genesys,
}

fn log_file() -> Option<&'static Mutex<File>> {
    static FILE: OnceLock<Option<Mutex<File>>> = OnceLock::new();
    FILE.get_or_init(|| {
        let dir = std::env::var_os(ENV)?;
        let dir = std::path::PathBuf::from(dir);
        std::fs::create_dir_all(&dir).ok()?;
        let path = dir.join(format!("exchanges-{}.jsonl", std::process::id()));
        OpenOptions::new()
            .create(true)
            .append(true)
            .open(path)
            .ok()
            .map(Mutex::new)
    })
    .as_ref()
}

/// Buffers the request body, runs `answer` on the rebuilt request, buffers the answer, writes the
/// exchange, and returns the answer unchanged. Without the log it only runs `answer`.
pub(crate) async fn around<F, Fut>(service: Service, req: Request, answer: F) -> Response
where
    F: FnOnce(Request) -> Fut,
    Fut: std::future::Future<Output = Response>,
{
    let Some(file) = log_file() else {
        return answer(req).await;
    };
    let (parts, body) = req.into_parts();
    let Ok(bytes) = to_bytes(body, BODY_LIMIT).await else {
        return answer(Request::from_parts(parts, Body::empty())).await;
    };
    let method = parts.method.to_string();
    let path = parts.uri.path().to_string();
    let query = parts.uri.query().map(str::to_string);
    let client = client_of(&parts.headers);
    let origin = origin_of(&parts.headers);
    let req_type = content_type(&parts.headers);
    let req_body = body_value(req_type.as_deref(), &bytes);
    let resp = answer(Request::from_parts(parts, Body::from(bytes))).await;
    let (rparts, rbody) = resp.into_parts();
    let Ok(rbytes) = to_bytes(rbody, BODY_LIMIT).await else {
        return Response::from_parts(rparts, Body::empty());
    };
    let resp_type = content_type(&rparts.headers);
    let service = match service {
        Service::Genesys => "genesys",
        Service::EntraOrGraph if path.starts_with("/v1.0/") || path.starts_with("/beta/") => {
            "graph"
        }
        Service::EntraOrGraph => "entra",
    };
    let line = json!({
        "service": service,
        "origin": origin,
        "method": method,
        "path": path,
        "query": query,
        "client": client,
        "request_content_type": req_type,
        "request_body": req_body,
        "status": rparts.status.as_u16(),
        "response_content_type": resp_type,
        "response_body": body_value(resp_type.as_deref(), &rbytes),
    });
    {
        let mut f = lock(file);
        let _ = writeln!(f, "{line}");
    }
    Response::from_parts(rparts, Body::from(rbytes))
}

fn content_type(headers: &HeaderMap) -> Option<String> {
    headers
        .get(CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .map(str::to_string)
}

/// The origin the request was sent to (`Host`, and `https` behind a TLS front that says so), to
/// which the emulator's discovery document points its endpoints.
fn origin_of(headers: &HeaderMap) -> Option<String> {
    let host = headers.get(axum::http::header::HOST)?.to_str().ok()?;
    let https = headers
        .get("x-forwarded-proto")
        .and_then(|v| v.to_str().ok())
        .is_some_and(|p| p.eq_ignore_ascii_case("https"));
    Some(format!("{}://{host}", if https { "https" } else { "http" }))
}

/// `graphwiz` for the product's own HTTP client (by its User-Agent), `other` for tests that
/// probe the emulator directly.
fn client_of(headers: &HeaderMap) -> &'static str {
    match headers.get(USER_AGENT).and_then(|v| v.to_str().ok()) {
        Some(ua) if ua.starts_with("graphwiz/") => "graphwiz",
        _ => "other",
    }
}

/// The body as JSON: parsed JSON, a form as an object of its fields, nothing for an empty or
/// other body; secret values redacted.
fn body_value(content_type: Option<&str>, bytes: &[u8]) -> Value {
    if bytes.is_empty() {
        return Value::Null;
    }
    let ct = content_type.unwrap_or("").to_ascii_lowercase();
    if ct.contains("x-www-form-urlencoded") {
        let mut map = Map::new();
        for (k, v) in url::form_urlencoded::parse(bytes) {
            let v = if FORM_SECRET_KEYS.contains(&k.as_ref()) {
                "<redacted>".to_string()
            } else {
                v.into_owned()
            };
            map.insert(k.into_owned(), Value::String(v));
        }
        return Value::Object(map);
    }
    match serde_json::from_slice::<Value>(bytes) {
        Ok(mut v) => {
            redact(&mut v);
            v
        }
        Err(_) => Value::Null,
    }
}

/// Replaces the values of secret keys (and every value of a `credentialFields` object) by
/// `"<redacted>"`, keeping the JSON type where it was a string.
fn redact(v: &mut Value) {
    match v {
        Value::Object(map) => {
            for (k, val) in map.iter_mut() {
                if k == "credentialFields" {
                    if let Value::Object(fields) = val {
                        for f in fields.values_mut() {
                            *f = Value::String("<redacted>".into());
                        }
                    }
                } else if JSON_SECRET_KEYS.contains(&k.as_str()) && !val.is_null() {
                    *val = Value::String("<redacted>".into());
                } else {
                    redact(val);
                }
            }
        }
        Value::Array(items) => items.iter_mut().for_each(redact),
        _ => {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn secrets_are_redacted_in_json_and_forms() {
        let mut v = json!({"secretText": "abc", "keyId": "k", "nested": [{"access_token": "t"}],
            "credentialFields": {"clientSecret": "s", "tenantId": "x"},
            "reportedState": {"code": "ACTIVE"}});
        redact(&mut v);
        assert_eq!(v["reportedState"]["code"], "ACTIVE", "state codes are kept");
        assert_eq!(v["secretText"], "<redacted>");
        assert_eq!(v["keyId"], "k");
        assert_eq!(v["nested"][0]["access_token"], "<redacted>");
        assert_eq!(v["credentialFields"]["tenantId"], "<redacted>");
        let form = body_value(
            Some("application/x-www-form-urlencoded"),
            b"grant_type=authorization_code&client_secret=hunter2&code=c0de&scope=x",
        );
        assert_eq!(form["client_secret"], "<redacted>");
        assert_eq!(form["code"], "<redacted>");
        assert_eq!(form["grant_type"], "authorization_code");
        assert!(!form.to_string().contains("hunter2"));
    }
}
