//! The Entra ID wire format shared by the login endpoints ([`crate::entra`] and
//! [`crate::signin`]): AADSTS error answers (JSON and as the sign-in page shows them), trace and
//! correlation ids, tenant path segments, form bodies, and the Graph resources tokens are issued
//! for.

use std::collections::HashMap;

use axum::http::{HeaderMap, Method, StatusCode};
use axum::response::{IntoResponse, Response};
use chrono::{DateTime, Utc};
use serde_json::{json, Value};

use crate::model::{Tenant, GRAPH_APP_ID};
use crate::wire::{header_str, json_response, set_header};

/// Content type of every Entra JSON answer.
pub(crate) const AAD_JSON: &str = "application/json; charset=utf-8";

/// Lifetime of issued access tokens, in seconds.
pub(crate) const TOKEN_LIFETIME: i64 = 3599;

/// Graph resources a client-credentials token may be requested for, and the audience issued.
pub(crate) const GRAPH_RESOURCES: &[(&str, &str)] = &[
    ("https://graph.microsoft.com", "https://graph.microsoft.com"),
    ("https://graph.microsoft.us", "https://graph.microsoft.us"),
    (
        "https://microsoftgraph.chinacloudapi.cn",
        "https://microsoftgraph.chinacloudapi.cn",
    ),
    (GRAPH_APP_ID, "https://graph.microsoft.com"),
];

/// Audiences the Graph endpoints accept.
pub(crate) fn is_graph_audience(aud: &str) -> bool {
    GRAPH_RESOURCES
        .iter()
        .any(|(_, a)| a.eq_ignore_ascii_case(aud))
}

/// Trace and correlation ids of one login request.
pub(crate) struct AadIds {
    pub(crate) trace_id: String,
    pub(crate) correlation_id: String,
    pub(crate) now: DateTime<Utc>,
}

impl AadIds {
    pub(crate) fn new(headers: &HeaderMap) -> Self {
        let correlation_id = header_str(headers, "client-request-id")
            .and_then(|v| uuid::Uuid::parse_str(v.trim()).ok())
            .unwrap_or_else(uuid::Uuid::new_v4)
            .hyphenated()
            .to_string();
        AadIds {
            trace_id: uuid::Uuid::new_v4().hyphenated().to_string(),
            correlation_id,
            now: Utc::now(),
        }
    }

    pub(crate) fn stamp(&self, resp: &mut Response) {
        set_header(resp, "x-ms-request-id", &self.trace_id);
        set_header(resp, "client-request-id", &self.correlation_id);
        set_header(resp, "cache-control", "no-store, no-cache");
        set_header(resp, "pragma", "no-cache");
    }

    /// The answer of a JSON endpoint: 200 with `result`'s body, or its AADSTS error; stamped with
    /// these ids either way.
    pub(crate) fn answer(&self, result: Result<Value, AadError>) -> Response {
        match result {
            Ok(body) => {
                let mut resp = json_response(StatusCode::OK, &body, AAD_JSON);
                self.stamp(&mut resp);
                resp
            }
            Err(e) => e.respond(self),
        }
    }
}

/// An AADSTS error answer.
#[derive(Clone, Debug)]
pub(crate) struct AadError {
    status: StatusCode,
    error: &'static str,
    code: u32,
    message: String,
}

impl AadError {
    pub(crate) fn new(status: StatusCode, error: &'static str, code: u32, message: String) -> Self {
        AadError {
            status,
            error,
            code,
            message,
        }
    }

    /// The AADSTS code.
    pub(crate) fn code(&self) -> u32 {
        self.code
    }

    /// The message without the `AADSTS{code}: ` prefix.
    pub(crate) fn message(&self) -> &str {
        &self.message
    }

    /// The `error` value, e.g. `invalid_request`.
    pub(crate) fn error(&self) -> &'static str {
        self.error
    }

    /// The error shown as the sign-in page would show it, for browser-facing endpoints that
    /// cannot redirect.
    pub(crate) fn page(&self, ids: &AadIds) -> Response {
        let timestamp = ids.now.format("%Y-%m-%d %H:%M:%SZ").to_string();
        let html = format!(
            "<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>Sign in to your account</title></head>\n<body>\n<h1>Sign in</h1>\n<p>Sorry, but we're having trouble signing you in.</p>\n<p id=\"error\">AADSTS{}: {}</p>\n<p>Request Id: {}<br>Correlation Id: {}<br>Timestamp: {}</p>\n</body></html>\n",
            self.code,
            html_escape(&self.message),
            ids.trace_id,
            ids.correlation_id,
            timestamp
        );
        let mut resp = (self.status, html).into_response();
        set_header(&mut resp, "content-type", "text/html; charset=utf-8");
        ids.stamp(&mut resp);
        resp
    }

    pub(crate) fn respond(&self, ids: &AadIds) -> Response {
        let timestamp = ids.now.format("%Y-%m-%d %H:%M:%SZ").to_string();
        let body = json!({
            "error": self.error,
            "error_description": format!(
                "AADSTS{}: {}\r\nTrace ID: {}\r\nCorrelation ID: {}\r\nTimestamp: {}",
                self.code, self.message, ids.trace_id, ids.correlation_id, timestamp
            ),
            "error_codes": [self.code],
            "timestamp": timestamp,
            "trace_id": ids.trace_id,
            "correlation_id": ids.correlation_id,
            "error_uri": format!("https://login.microsoftonline.com/error?code={}", self.code),
        });
        let mut resp = json_response(self.status, &body, AAD_JSON);
        ids.stamp(&mut resp);
        resp
    }

    pub(crate) fn method_not_allowed(allowed: &str, method: &Method) -> Self {
        AadError::new(
            StatusCode::BAD_REQUEST,
            "invalid_request",
            900561,
            format!("The endpoint only accepts {allowed} requests. Received a {method} request."),
        )
    }

    pub(crate) fn missing_parameter(name: &str) -> Self {
        AadError::new(
            StatusCode::BAD_REQUEST,
            "invalid_request",
            900144,
            format!("The request body must contain the following parameter: '{name}'."),
        )
    }
}

/// Escapes text for HTML.
pub(crate) fn html_escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            _ => out.push(c),
        }
    }
    out
}

/// Whether the tenant segment is a multi-tenant alias (`common`, `organizations`), which the
/// interactive flows resolve to tenant 0.
pub(crate) fn is_tenant_alias(ident: &str) -> bool {
    ident.eq_ignore_ascii_case("common") || ident.eq_ignore_ascii_case("organizations")
}

/// Whether `s` is a GUID or a syntactically valid DNS name.
pub(crate) fn is_valid_tenant_identifier(s: &str) -> bool {
    if uuid::Uuid::parse_str(s).is_ok() {
        return true;
    }
    if s.is_empty() || s.len() > 253 {
        return false;
    }
    s.split('.').all(|label| {
        !label.is_empty()
            && label.len() <= 63
            && !label.starts_with('-')
            && !label.ends_with('-')
            && label
                .bytes()
                .all(|b| b.is_ascii_alphanumeric() || b == b'-')
    })
}

/// Resolves the tenant path segment to a tenant, or the AADSTS error Entra gives.
pub(crate) fn resolve_tenant<'a>(
    tenants: &'a [Tenant],
    ident: &str,
    not_found_error: &'static str,
) -> Result<&'a Tenant, AadError> {
    if !is_valid_tenant_identifier(ident) {
        return Err(AadError::new(
            StatusCode::BAD_REQUEST,
            "invalid_request",
            900023,
            format!(
                "Specified tenant identifier '{ident}' is neither a valid DNS name, nor a valid external domain."
            ),
        ));
    }
    tenants.iter().find(|t| t.is_named(ident)).ok_or_else(|| {
        AadError::new(
            StatusCode::BAD_REQUEST,
            not_found_error,
            90002,
            format!(
                "Tenant '{ident}' not found. Check to make sure you have the correct tenant ID and are signing into the correct cloud. Check with your subscription administrator, this may happen if there are no active subscriptions for the tenant."
            ),
        )
    })
}

/// Form fields of a token request; the first occurrence of a name wins.
pub(crate) fn parse_form(body: &[u8]) -> HashMap<String, String> {
    let mut map = HashMap::new();
    for (k, v) in url::form_urlencoded::parse(body) {
        map.entry(k.into_owned()).or_insert_with(|| v.into_owned());
    }
    map
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tenant_identifiers() {
        assert!(is_valid_tenant_identifier("contoso.onmicrosoft.com"));
        assert!(is_valid_tenant_identifier(
            "5f3c8a2e-9b41-4d7e-a6c0-2e8f71b4d903"
        ));
        assert!(is_valid_tenant_identifier("contoso"));
        assert!(!is_valid_tenant_identifier("contoso demo"));
        assert!(!is_valid_tenant_identifier("!!"));
        assert!(!is_valid_tenant_identifier(""));
        assert!(!is_valid_tenant_identifier("a..b"));
        assert!(!is_valid_tenant_identifier("-a.com"));
    }
}
