//! The browser-facing endpoints: authorize (authorization code with PKCE) and admin consent.
//! Both redirect back to a loopback redirect URI, or show an AADSTS error page when they cannot.

use std::collections::HashMap;
use std::sync::Arc;
use std::time::Instant;

use axum::extract::State;
use axum::http::{HeaderMap, Method, StatusCode, Uri};
use axum::response::{IntoResponse, Response};

use crate::aad::{html_escape, AadError, AadIds};
use crate::model::{AccessKind, App, GRAPH_APP_ID, GRAPH_PERMISSIONS};
use crate::state::{AdminOutcome, Shared};
use crate::wire::{first_segment, lock, set_header};

use super::codes::{random_token, AuthCode};
use super::params::{app_not_found, bad_request, interactive_tenant, param, query_params};
use super::scopes::{invalid_scope, parse_scopes, OIDC_SCOPES};

/// Lifetime of an authorization code.
const CODE_LIFETIME_SECS: i64 = 600;

/// A loopback redirect URI (`http://localhost` or `http://127.0.0.1`, any port and path).
fn loopback_redirect(raw: &str) -> Option<url::Url> {
    let u = url::Url::parse(raw).ok()?;
    let host_ok = matches!(u.host_str(), Some("localhost") | Some("127.0.0.1"));
    (u.scheme() == "http"
        && host_ok
        && u.username().is_empty()
        && u.password().is_none()
        && u.fragment().is_none())
    .then_some(u)
}

fn redirect_mismatch(redirect: &str, client_id: &str) -> AadError {
    bad_request(
        "invalid_request",
        50011,
        format!(
            "The redirect URI '{redirect}' specified in the request does not match the redirect URIs configured for the application '{client_id}'. Make sure the redirect URI sent in the request matches one added to your application in the Azure portal. Navigate to https://aka.ms/redirectUriMismatchError to learn more about how to fix this."
        ),
    )
}

/// How the authorize endpoint returns its answer.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum ResponseMode {
    Query,
    Fragment,
    FormPost,
}

/// Sends the browser back to the redirect URI with these parameters.
fn redirect(target: &url::Url, mode: ResponseMode, params: &[(&str, &str)]) -> Response {
    let mut u = target.clone();
    match mode {
        ResponseMode::Query => {
            {
                let mut pairs = u.query_pairs_mut();
                for (k, v) in params {
                    pairs.append_pair(k, v);
                }
            }
            found(u.as_str())
        }
        ResponseMode::Fragment => {
            let mut ser = url::form_urlencoded::Serializer::new(String::new());
            for (k, v) in params {
                ser.append_pair(k, v);
            }
            u.set_fragment(Some(&ser.finish()));
            found(u.as_str())
        }
        ResponseMode::FormPost => {
            let inputs: String = params
                .iter()
                .map(|(k, v)| {
                    format!(
                        "<input type=\"hidden\" name=\"{}\" value=\"{}\" />",
                        html_escape(k),
                        html_escape(v)
                    )
                })
                .collect();
            let html = format!(
                "<!DOCTYPE html>\n<html><head><title>Working...</title></head><body onload=\"document.forms[0].submit()\"><form method=\"POST\" name=\"hiddenform\" action=\"{}\">{inputs}<noscript><p>Script is disabled. Click Submit to continue.</p><input type=\"submit\" value=\"Submit\" /></noscript></form></body></html>\n",
                html_escape(u.as_str())
            );
            let mut resp = (StatusCode::OK, html).into_response();
            set_header(&mut resp, "content-type", "text/html; charset=utf-8");
            resp
        }
    }
}

fn found(location: &str) -> Response {
    let mut resp = StatusCode::FOUND.into_response();
    set_header(&mut resp, "location", location);
    set_header(&mut resp, "cache-control", "no-store, no-cache");
    resp
}

fn error_redirect(
    target: &url::Url,
    mode: ResponseMode,
    error: &str,
    description: &str,
    state: Option<&str>,
) -> Response {
    let mut params = vec![("error", error), ("error_description", description)];
    if let Some(s) = state {
        params.push(("state", s));
    }
    redirect(target, mode, &params)
}

/// The query parameters and the tenant path segment of a `GET` browser page request, or the
/// AADSTS error for another method.
fn page_request(method: &Method, uri: &Uri) -> Result<(HashMap<String, String>, String), AadError> {
    if method != Method::GET && method != Method::HEAD {
        return Err(AadError::method_not_allowed("GET", method));
    }
    Ok((query_params(uri), first_segment(uri.path())))
}

/// `GET /{tenant}/oauth2/v2.0/authorize`
pub(crate) async fn authorize(
    State(s): State<Arc<Shared>>,
    method: Method,
    uri: Uri,
    headers: HeaderMap,
) -> Response {
    let ids = AadIds::new(&headers);
    let (q, ident) = match page_request(&method, &uri) {
        Ok(r) => r,
        Err(e) => return e.page(&ids),
    };
    let dir = s.dir();
    let tenant = match interactive_tenant(&dir.tenants, &ident, "invalid_tenant") {
        Ok(t) => t,
        Err(e) => return e.page(&ids),
    };
    let Some(client_id) = param(&q, "client_id") else {
        return AadError::missing_parameter("client_id").page(&ids);
    };
    if uuid::Uuid::parse_str(client_id).is_err() {
        return app_not_found(client_id, tenant).page(&ids);
    }
    let Some(raw_redirect) = param(&q, "redirect_uri") else {
        return AadError::missing_parameter("redirect_uri").page(&ids);
    };
    let Some(target) = loopback_redirect(raw_redirect) else {
        return redirect_mismatch(raw_redirect, client_id).page(&ids);
    };
    let mode = match param(&q, "response_mode") {
        Some(m) if m.eq_ignore_ascii_case("fragment") => ResponseMode::Fragment,
        Some(m) if m.eq_ignore_ascii_case("form_post") => ResponseMode::FormPost,
        _ => ResponseMode::Query,
    };
    let state = param(&q, "state");
    let fail = |e: AadError| {
        error_redirect(
            &target,
            mode,
            e.error(),
            &format!("AADSTS{}: {}", e.code(), e.message()),
            state,
        )
    };
    match param(&q, "response_type") {
        Some("code") => {}
        Some(other) => {
            return fail(bad_request(
                "unsupported_response_type",
                700054,
                format!("response_type '{other}' is not enabled for the application."),
            ))
        }
        None => return fail(AadError::missing_parameter("response_type")),
    }
    let Some(scope) = param(&q, "scope") else {
        return fail(AadError::missing_parameter("scope"));
    };
    let base = s.request_base(&headers);
    let scopes = match parse_scopes(scope, &[&s.base_url, &base]) {
        Ok(v) => v,
        Err(item) => return fail(invalid_scope(&item)),
    };
    let Some(challenge) = param(&q, "code_challenge") else {
        return fail(bad_request(
            "invalid_request",
            9002325,
            "Proof Key for Code Exchange is required for cross-origin authorization code redemption.",
        ));
    };
    let s256 = match param(&q, "code_challenge_method") {
        None => false,
        Some(m) if m.eq_ignore_ascii_case("S256") => true,
        Some(m) if m.eq_ignore_ascii_case("plain") => false,
        Some(m) => {
            return fail(bad_request(
                "invalid_request",
                501491,
                format!("Invalid code_challenge_method '{m}'. Use S256."),
            ))
        }
    };
    if s.admin_outcome == AdminOutcome::Deny {
        return error_redirect(
            &target,
            mode,
            "access_denied",
            "AADSTS65004: User declined to consent to access the app.",
            state,
        );
    }
    let code = format!("1.A{}", random_token(5));
    let entry = AuthCode {
        tenant_id: tenant.id.clone(),
        client_id: client_id.to_string(),
        redirect_uri: raw_redirect.to_string(),
        challenge: Some((challenge.to_string(), s256)),
        scopes,
        expires: ids.now + chrono::Duration::seconds(CODE_LIFETIME_SECS),
        redeemed: false,
    };
    {
        let mut st = lock(&s.signin);
        st.prune(ids.now, Instant::now());
        st.codes.insert(code.clone(), entry);
    }
    let session = uuid::Uuid::new_v4().hyphenated().to_string();
    let mut params = vec![("code", code.as_str())];
    if let Some(st) = state {
        params.push(("state", st));
    }
    params.push(("session_state", session.as_str()));
    redirect(&target, mode, &params)
}

/// Grants admin consent for `app`: every requested application permission becomes an app role
/// assignment and every requested delegated permission joins the AllPrincipals grant. `wanted`
/// limits this to permission names (`None`: everything requested). Returns the granted names.
fn grant_consent(app: &mut App, wanted: Option<&[String]>) -> Vec<String> {
    let mut granted = Vec::new();
    let mut scope_names: Vec<String> = Vec::new();
    for ra in app.required_resource_access.clone() {
        if !ra.resource_app_id.eq_ignore_ascii_case(GRAPH_APP_ID) {
            continue;
        }
        let name = GRAPH_PERMISSIONS
            .iter()
            .find(|p| p.kind == ra.kind && p.id.eq_ignore_ascii_case(&ra.id))
            .map(|p| p.name);
        if let Some(w) = wanted {
            if !name.is_some_and(|n| w.iter().any(|x| x.eq_ignore_ascii_case(n))) {
                continue;
            }
        }
        match ra.kind {
            AccessKind::Role => {
                if !app
                    .consented_app_roles
                    .iter()
                    .any(|r| r.eq_ignore_ascii_case(&ra.id))
                {
                    app.consented_app_roles.push(ra.id.clone());
                }
                granted.push(name.map(str::to_string).unwrap_or(ra.id.clone()));
            }
            AccessKind::Scope => {
                if let Some(n) = name {
                    if !scope_names.iter().any(|x| x == n) {
                        scope_names.push(n.to_string());
                    }
                    granted.push(n.to_string());
                }
            }
        }
    }
    if !scope_names.is_empty() {
        let existing: Vec<String> = app
            .delegated_grant_scopes
            .as_deref()
            .unwrap_or("")
            .split_whitespace()
            .map(str::to_string)
            .collect();
        for e in existing {
            if !scope_names.iter().any(|x| x.eq_ignore_ascii_case(&e)) {
                scope_names.push(e);
            }
        }
        app.delegated_grant_scopes = Some(scope_names.join(" "));
    }
    granted
}

/// `GET /{tenant}/adminconsent` (also under `/v2.0/`)
pub(crate) async fn admin_consent(
    State(s): State<Arc<Shared>>,
    method: Method,
    uri: Uri,
    headers: HeaderMap,
) -> Response {
    let ids = AadIds::new(&headers);
    let (q, ident) = match page_request(&method, &uri) {
        Ok(r) => r,
        Err(e) => return e.page(&ids),
    };
    let base = s.request_base(&headers);
    let mut dir = s.dir();
    let ti = match interactive_tenant(&dir.tenants, &ident, "invalid_tenant") {
        Ok(t) => dir.tenants.iter().position(|x| x.id == t.id).unwrap_or(0),
        Err(e) => return e.page(&ids),
    };
    let Some(client_id) = param(&q, "client_id") else {
        return AadError::missing_parameter("client_id").page(&ids);
    };
    let Some(raw_redirect) = param(&q, "redirect_uri") else {
        return AadError::missing_parameter("redirect_uri").page(&ids);
    };
    let Some(target) = loopback_redirect(raw_redirect) else {
        return redirect_mismatch(raw_redirect, client_id).page(&ids);
    };
    let state = param(&q, "state");
    let Some(tenant) = dir.tenants.get_mut(ti) else {
        return AadError::missing_parameter("tenant").page(&ids);
    };
    let tid = tenant.id.clone();
    if tenant.app(client_id).is_none() {
        let e = app_not_found(client_id, tenant);
        return error_redirect(
            &target,
            ResponseMode::Query,
            "invalid_client",
            &format!("AADSTS{}: {}", e.code(), e.message()),
            state,
        );
    }
    if s.admin_outcome == AdminOutcome::Deny {
        return error_redirect(
            &target,
            ResponseMode::Query,
            "access_denied",
            "AADSTS65004: The admin canceled the request",
            state,
        );
    }
    // Which permissions: all requested ones, unless `scope` names specific ones (a `.default`
    // item, or nothing usable, means all of them).
    let wanted: Option<Vec<String>> = param(&q, "scope")
        .filter(|sc| {
            !sc.split_whitespace()
                .any(|i| i.to_ascii_lowercase().ends_with(".default"))
        })
        .and_then(|sc| parse_scopes(sc, &[&s.base_url, &base]).ok())
        .map(|names| {
            names
                .into_iter()
                .filter(|n| !OIDC_SCOPES.contains(&n.as_str()))
                .collect::<Vec<_>>()
        })
        .filter(|names| !names.is_empty());
    let granted = match tenant.app_mut(client_id) {
        Some(app) => grant_consent(app, wanted.as_deref()),
        None => Vec::new(),
    };
    let scope_value = granted
        .iter()
        .map(|n| format!("https://graph.microsoft.com/{n}"))
        .collect::<Vec<_>>()
        .join(" ");
    let mut params = vec![("admin_consent", "True"), ("tenant", tid.as_str())];
    if let Some(st) = state {
        params.push(("state", st));
    }
    // Only the v2.0 endpoint (`/{tenant}/v2.0/adminconsent`) names the granted scopes; the v1
    // endpoint answers with tenant, state and admin_consent alone (v2-admin-consent.md).
    if uri.path().contains("/v2.0/adminconsent") {
        params.push(("scope", scope_value.as_str()));
    }
    redirect(&target, ResponseMode::Query, &params)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn redirect_uris() {
        assert!(loopback_redirect("http://localhost").is_some());
        assert!(loopback_redirect("http://localhost:5123/callback").is_some());
        assert!(loopback_redirect("http://127.0.0.1:9/x?y=1").is_some());
        assert!(loopback_redirect("https://localhost").is_none());
        assert!(loopback_redirect("http://evil.example/").is_none());
        assert!(loopback_redirect("http://localhost.evil.example/").is_none());
        assert!(loopback_redirect("http://user@localhost/").is_none());
        assert!(loopback_redirect("not a url").is_none());
    }
}
