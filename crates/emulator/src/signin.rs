//! Interactive sign-in of a tenant's administrator: the authorize endpoint (authorization code
//! with PKCE), the admin consent endpoint, the device code endpoint, and the two token grants
//! that redeem them (`authorization_code`, device code), issuing delegated Graph tokens.
//!
//! No real person signs in: [`crate::AdminOutcome`] options decide whether the administrator
//! approves or declines. Redirect URIs must be loopback (`http://localhost` or
//! `http://127.0.0.1`, any port and path), as a desktop app registers them; anything else shows
//! an AADSTS50011 error page instead of redirecting. The tenant segment may also be `common` or
//! `organizations`, which resolve to tenant 0.
//!
//! Scopes: each item of `scope` is a Graph permission name (bare or prefixed with a Graph
//! resource such as `https://graph.microsoft.com/`), an OpenID scope (`openid`, `profile`,
//! `email`, `offline_access`) or `https://graph.microsoft.com/.default`, which stands for
//! [`DEFAULT_SCOPES`]. No refresh or ID tokens are issued.

use std::collections::HashMap;
use std::sync::Arc;
use std::time::{Duration, Instant};

use axum::body::Bytes;
use axum::extract::State;
use axum::http::{HeaderMap, Method, StatusCode, Uri};
use axum::response::{IntoResponse, Response};
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine as _;
use chrono::{DateTime, Utc};
use serde_json::{json, Map, Value};
use sha2::{Digest, Sha256};

use crate::entra::{
    html_escape, is_tenant_alias, parse_form, resolve_tenant, AadError, AadIds, GRAPH_RESOURCES,
    TOKEN_LIFETIME,
};
use crate::model::{AccessKind, App, Tenant, GRAPH_APP_ID, GRAPH_PERMISSIONS};
use crate::server::{first_segment, json_response, lock, set_header, Shared};
use crate::AdminOutcome;

/// The `grant_type` of device code polls.
pub(crate) const DEVICE_CODE_GRANT: &str = "urn:ietf:params:oauth:grant-type:device_code";

/// What `https://graph.microsoft.com/.default` stands for in a delegated sign-in.
pub const DEFAULT_SCOPES: &[&str] = &[
    "Application.Read.All",
    "DelegatedPermissionGrant.Read.All",
    "Directory.Read.All",
    "User.Read",
];

/// Lifetime of an authorization code.
const CODE_LIFETIME_SECS: i64 = 600;

/// How many pending codes are remembered.
const STATE_LIMIT: usize = 10_000;

/// Slack allowed when judging whether a device code poll came too early.
const POLL_SLACK: Duration = Duration::from_millis(250);

/// Well-known public clients and their display names.
const KNOWN_CLIENTS: &[(&str, &str)] = &[
    (
        "14d82eec-204b-4c2f-b7e8-296a70dab67e",
        "Microsoft Graph Command Line Tools",
    ),
    (
        "04b07795-8ddb-461a-bbee-02f9e1bf7b46",
        "Microsoft Azure CLI",
    ),
    (
        "1950a258-227b-4e31-a9cf-717495945fc2",
        "Microsoft Azure PowerShell",
    ),
];

const OIDC_SCOPES: &[&str] = &["openid", "profile", "email", "offline_access"];

/// A code handed out by the authorize endpoint.
#[derive(Clone, Debug)]
struct AuthCode {
    tenant_id: String,
    client_id: String,
    redirect_uri: String,
    /// `(challenge, is_s256)`.
    challenge: Option<(String, bool)>,
    scopes: Vec<String>,
    expires: DateTime<Utc>,
    redeemed: bool,
}

/// One device code sign-in.
#[derive(Clone, Debug)]
struct DeviceFlow {
    tenant_id: String,
    client_id: String,
    scopes: Vec<String>,
    issued: Instant,
    expires: Instant,
    interval: Duration,
    pending_left: u32,
    last_poll: Option<Instant>,
    done: bool,
}

/// Pending authorization codes and device codes.
#[derive(Debug, Default)]
pub(crate) struct SigninState {
    codes: HashMap<String, AuthCode>,
    devices: HashMap<String, DeviceFlow>,
}

impl SigninState {
    fn prune(&mut self, now: DateTime<Utc>, instant: Instant) {
        if self.codes.len() >= STATE_LIMIT {
            self.codes.retain(|_, c| c.expires > now);
            if self.codes.len() >= STATE_LIMIT {
                self.codes.clear();
            }
        }
        if self.devices.len() >= STATE_LIMIT {
            self.devices.retain(|_, d| d.expires > instant);
            if self.devices.len() >= STATE_LIMIT {
                self.devices.clear();
            }
        }
    }
}

fn random_token(uuids: usize) -> String {
    let mut bytes = Vec::with_capacity(uuids * 16);
    for _ in 0..uuids {
        bytes.extend_from_slice(uuid::Uuid::new_v4().as_bytes());
    }
    URL_SAFE_NO_PAD.encode(bytes)
}

/// A user code like `ABCD-EFGH`.
fn user_code() -> String {
    const LETTERS: &[u8] = b"ABCDEFGHJKLMNPQRSTUVWXYZ";
    let bytes = *uuid::Uuid::new_v4().as_bytes();
    let mut out = String::with_capacity(9);
    for (i, b) in bytes.iter().take(8).enumerate() {
        if i == 4 {
            out.push('-');
        }
        out.push(char::from(LETTERS[usize::from(*b) % LETTERS.len()]));
    }
    out
}

/// Query parameters; the first occurrence of a name wins.
fn query_params(uri: &Uri) -> HashMap<String, String> {
    parse_form(uri.query().unwrap_or("").as_bytes())
}

fn param<'a>(q: &'a HashMap<String, String>, name: &str) -> Option<&'a str> {
    q.get(name).map(|v| v.trim()).filter(|v| !v.is_empty())
}

/// The tenant named by the path, with `common`/`organizations` meaning tenant 0.
fn interactive_tenant<'a>(
    tenants: &'a [Tenant],
    ident: &str,
    not_found_error: &'static str,
) -> Result<&'a Tenant, AadError> {
    if is_tenant_alias(ident) {
        if let Some(t) = tenants.first() {
            return Ok(t);
        }
    }
    resolve_tenant(tenants, ident, not_found_error)
}

fn bad_request(error: &'static str, code: u32, message: impl Into<String>) -> AadError {
    AadError::new(StatusCode::BAD_REQUEST, error, code, message.into())
}

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

fn app_not_found(client_id: &str, tenant: &Tenant) -> AadError {
    AadError::new(
        StatusCode::BAD_REQUEST,
        "unauthorized_client",
        700016,
        format!(
            "Application with identifier '{client_id}' was not found in the directory '{}'. This can happen if the application has not been installed by the administrator of the tenant or consented to by any user in the tenant. You may have sent your authentication request to the wrong tenant.",
            tenant.display_name
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

/// Splits a `scope` parameter into delegated Graph permission names and OpenID scopes, in order
/// and without duplicates; an item for another resource is returned as the error.
pub(crate) fn parse_scopes(scope: &str, own_bases: &[&str]) -> Result<Vec<String>, String> {
    let mut out: Vec<String> = Vec::new();
    let push = |out: &mut Vec<String>, name: &str| {
        if !out.iter().any(|s| s.eq_ignore_ascii_case(name)) {
            out.push(name.to_string());
        }
    };
    for item in scope.split_whitespace() {
        if let Some(o) = OIDC_SCOPES.iter().find(|o| o.eq_ignore_ascii_case(item)) {
            push(&mut out, o);
            continue;
        }
        let mut name = None;
        let prefixes = GRAPH_RESOURCES
            .iter()
            .map(|(r, _)| *r)
            .chain(own_bases.iter().copied());
        for prefix in prefixes {
            let prefix = prefix.trim_end_matches('/');
            let (Some(head), Some(tail)) = (item.get(..prefix.len()), item.get(prefix.len()..))
            else {
                continue;
            };
            if head.eq_ignore_ascii_case(prefix) && tail.starts_with('/') {
                name = Some(tail.trim_start_matches('/'));
                break;
            }
        }
        let name = match name {
            Some(n) => n,
            None if item.contains("://") || item.contains('/') || item.contains(':') => {
                return Err(item.to_string())
            }
            None => item,
        };
        if name.eq_ignore_ascii_case(".default") {
            for d in DEFAULT_SCOPES {
                push(&mut out, d);
            }
        } else if !name.is_empty()
            && name
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || c == '.' || c == '_' || c == '-')
        {
            push(&mut out, name);
        } else {
            return Err(item.to_string());
        }
    }
    Ok(out)
}

/// The `scp` claim for granted scopes: Graph permissions plus `openid`/`profile`/`email`;
/// User.Read when no Graph permission was asked for.
fn scp_names(scopes: &[String]) -> Vec<String> {
    let mut out: Vec<String> = scopes
        .iter()
        .filter(|s| !s.eq_ignore_ascii_case("offline_access"))
        .cloned()
        .collect();
    let graph = out
        .iter()
        .any(|s| !OIDC_SCOPES.iter().any(|o| o.eq_ignore_ascii_case(s)));
    if !graph {
        out.push("User.Read".to_string());
    }
    out
}

fn invalid_scope(item: &str) -> AadError {
    bad_request(
        "invalid_scope",
        70011,
        format!(
            "The provided value for the input parameter 'scope' is not valid. The scope {item} is not valid."
        ),
    )
}

/// `GET /{tenant}/oauth2/v2.0/authorize`
pub(crate) async fn authorize(
    State(s): State<Arc<Shared>>,
    method: Method,
    uri: Uri,
    headers: HeaderMap,
) -> Response {
    let ids = AadIds::new(&headers);
    if method != Method::GET && method != Method::HEAD {
        return AadError::method_not_allowed("GET", &method).page(&ids);
    }
    let q = query_params(&uri);
    let ident = first_segment(uri.path());
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
    if method != Method::GET && method != Method::HEAD {
        return AadError::method_not_allowed("GET", &method).page(&ids);
    }
    let q = query_params(&uri);
    let ident = first_segment(uri.path());
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
    params.push(("scope", scope_value.as_str()));
    redirect(&target, ResponseMode::Query, &params)
}

/// `POST /{tenant}/oauth2/v2.0/devicecode`
pub(crate) async fn device_code(
    State(s): State<Arc<Shared>>,
    method: Method,
    uri: Uri,
    headers: HeaderMap,
    body: Bytes,
) -> Response {
    let ids = AadIds::new(&headers);
    match device_code_inner(&s, &method, &uri, &headers, &body) {
        Ok(v) => {
            let mut resp = json_response(StatusCode::OK, &v, "application/json; charset=utf-8");
            ids.stamp(&mut resp);
            resp
        }
        Err(e) => e.respond(&ids),
    }
}

fn device_code_inner(
    s: &Shared,
    method: &Method,
    uri: &Uri,
    headers: &HeaderMap,
    body: &[u8],
) -> Result<Value, AadError> {
    if method != Method::POST {
        return Err(AadError::method_not_allowed("POST, OPTIONS", method));
    }
    let ident = first_segment(uri.path());
    let dir = s.dir();
    let tenant = interactive_tenant(&dir.tenants, &ident, "invalid_request")?;
    let form = parse_form(body);
    let client_id =
        param(&form, "client_id").ok_or_else(|| AadError::missing_parameter("client_id"))?;
    if uuid::Uuid::parse_str(client_id).is_err() {
        return Err(app_not_found(client_id, tenant));
    }
    let scope = param(&form, "scope").ok_or_else(|| AadError::missing_parameter("scope"))?;
    let base = s.request_base(headers);
    let scopes = parse_scopes(scope, &[&s.base_url, &base]).map_err(|i| invalid_scope(&i))?;
    let now = Instant::now();
    let lifetime = s.device.lifetime;
    let interval = Duration::from_secs(s.device.interval_secs);
    let code = user_code();
    let device = format!("DAQABIQEAAAB{}", random_token(6));
    {
        let mut st = lock(&s.signin);
        st.prune(Utc::now(), now);
        st.devices.insert(
            device.clone(),
            DeviceFlow {
                tenant_id: tenant.id.clone(),
                client_id: client_id.to_string(),
                scopes,
                issued: now,
                expires: now
                    .checked_add(lifetime)
                    .unwrap_or(now + Duration::from_secs(86_400)),
                interval,
                pending_left: s.device.pending_polls,
                last_poll: None,
                done: false,
            },
        );
    }
    let expires_in = lifetime
        .as_secs()
        .saturating_add(u64::from(lifetime.subsec_nanos() > 0));
    let uri = "https://microsoft.com/devicelogin";
    Ok(json!({
        "user_code": code,
        "device_code": device,
        "verification_uri": uri,
        "expires_in": expires_in,
        "interval": s.device.interval_secs,
        "message": format!("To sign in, use a web browser to open the page {uri} and enter the code {code} to authenticate."),
    }))
}

/// Issues a delegated Graph token for the tenant's administrator.
fn delegated_token(
    s: &Shared,
    tenant: &Tenant,
    client_id: &str,
    scopes: &[String],
    now: DateTime<Utc>,
) -> Value {
    let scp = scp_names(scopes);
    let app_name = KNOWN_CLIENTS
        .iter()
        .find(|(id, _)| id.eq_ignore_ascii_case(client_id))
        .map(|(_, n)| (*n).to_string())
        .or_else(|| tenant.app(client_id).map(|a| a.display_name.clone()))
        .unwrap_or_else(|| "Public client".to_string());
    let iat = now.timestamp();
    let issuer = format!("https://sts.windows.net/{}/", tenant.id);
    let admin = &tenant.admin;
    let mut claims = Map::new();
    claims.insert("aud".into(), json!("https://graph.microsoft.com"));
    claims.insert("iss".into(), json!(issuer));
    claims.insert("iat".into(), json!(iat));
    claims.insert("nbf".into(), json!(iat));
    claims.insert("exp".into(), json!(iat + TOKEN_LIFETIME));
    claims.insert("acr".into(), json!("1"));
    claims.insert("amr".into(), json!(["pwd", "mfa"]));
    claims.insert("app_displayname".into(), json!(app_name));
    claims.insert("appid".into(), json!(client_id));
    claims.insert("appidacr".into(), json!("0"));
    claims.insert("family_name".into(), json!("Admin"));
    claims.insert("given_name".into(), json!("Demo"));
    claims.insert("idtyp".into(), json!("user"));
    claims.insert("ipaddr".into(), json!("127.0.0.1"));
    claims.insert("name".into(), json!(admin.display_name));
    claims.insert("oid".into(), json!(admin.object_id));
    claims.insert("platf".into(), json!("3"));
    claims.insert("scp".into(), json!(scp.join(" ")));
    claims.insert(
        "sub".into(),
        json!(URL_SAFE_NO_PAD.encode(Sha256::digest(format!("{}|{client_id}", admin.object_id)))),
    );
    claims.insert("tenant_region_scope".into(), json!("WW"));
    claims.insert("tid".into(), json!(tenant.id));
    claims.insert("unique_name".into(), json!(admin.upn));
    claims.insert("upn".into(), json!(admin.upn));
    claims.insert(
        "uti".into(),
        json!(URL_SAFE_NO_PAD.encode(uuid::Uuid::new_v4().as_bytes())),
    );
    claims.insert("ver".into(), json!("1.0"));
    // Global Administrator and the default user role.
    claims.insert(
        "wids".into(),
        json!([
            "62e90394-69f5-4237-9190-012177145e10",
            "b79fbf4d-3ef9-4689-8143-76b194e85509"
        ]),
    );
    let access_token = s.signer.issue(&claims);
    let scope_field = scp
        .iter()
        .map(|n| {
            if OIDC_SCOPES.iter().any(|o| o.eq_ignore_ascii_case(n)) {
                n.clone()
            } else {
                format!("https://graph.microsoft.com/{n}")
            }
        })
        .collect::<Vec<_>>()
        .join(" ");
    json!({
        "token_type": "Bearer",
        "scope": scope_field,
        "expires_in": TOKEN_LIFETIME,
        "ext_expires_in": TOKEN_LIFETIME,
        "access_token": access_token,
    })
}

fn invalid_grant(code: u32, message: impl Into<String>) -> AadError {
    bad_request("invalid_grant", code, message)
}

/// Base64url(SHA-256(verifier)), the S256 code challenge.
fn s256(verifier: &str) -> String {
    URL_SAFE_NO_PAD.encode(Sha256::digest(verifier.as_bytes()))
}

/// `grant_type=authorization_code` at the token endpoint. `endpoint_tenant` is `None` for
/// `common`/`organizations`.
pub(crate) fn redeem_code(
    s: &Shared,
    tenants: &[Tenant],
    endpoint_tenant: Option<&Tenant>,
    form: &HashMap<String, String>,
    now: DateTime<Utc>,
) -> Result<Value, AadError> {
    let client_id =
        param(form, "client_id").ok_or_else(|| AadError::missing_parameter("client_id"))?;
    let code = param(form, "code").ok_or_else(|| AadError::missing_parameter("code"))?;
    let redirect_uri =
        param(form, "redirect_uri").ok_or_else(|| AadError::missing_parameter("redirect_uri"))?;
    let mut st = lock(&s.signin);
    let malformed = || invalid_grant(9002313, "Invalid request. Request is malformed or invalid.");
    let entry = st.codes.get_mut(code).ok_or_else(malformed)?;
    if entry.redeemed {
        return Err(invalid_grant(
            54005,
            "OAuth2 Authorization code was already redeemed, please retry with a new valid code or use an existing refresh token.",
        ));
    }
    if entry.expires <= now {
        return Err(invalid_grant(
            70008,
            "The provided authorization code or refresh token has expired due to inactivity. Send a new interactive authorization request for this user and resource.",
        ));
    }
    if endpoint_tenant.is_some_and(|t| !t.id.eq_ignore_ascii_case(&entry.tenant_id)) {
        return Err(malformed());
    }
    if !entry.client_id.eq_ignore_ascii_case(client_id) {
        return Err(invalid_grant(
            70000,
            "Provided grant is invalid or malformed. The code was issued to another client.",
        ));
    }
    if entry.redirect_uri != redirect_uri {
        return Err(invalid_grant(
            500112,
            format!(
                "The reply address '{redirect_uri}' does not match the reply address '{}' provided when requesting Authorization code.",
                entry.redirect_uri
            ),
        ));
    }
    if let Some((challenge, is_s256)) = &entry.challenge {
        let verifier = param(form, "code_verifier").unwrap_or("");
        let computed = if *is_s256 {
            s256(verifier)
        } else {
            verifier.to_string()
        };
        if verifier.is_empty() || computed != *challenge {
            return Err(invalid_grant(
                501481,
                "The Code_Verifier does not match the code_challenge supplied in the authorization request.",
            ));
        }
    }
    let tenant = tenants
        .iter()
        .find(|t| t.id.eq_ignore_ascii_case(&entry.tenant_id))
        .ok_or_else(malformed)?;
    entry.redeemed = true;
    let scopes = entry.scopes.clone();
    let client = entry.client_id.clone();
    drop(st);
    Ok(delegated_token(s, tenant, &client, &scopes, now))
}

/// `grant_type=urn:ietf:params:oauth:grant-type:device_code` at the token endpoint.
pub(crate) fn poll_device(
    s: &Shared,
    tenants: &[Tenant],
    endpoint_tenant: Option<&Tenant>,
    form: &HashMap<String, String>,
    now: DateTime<Utc>,
) -> Result<Value, AadError> {
    let device =
        param(form, "device_code").ok_or_else(|| AadError::missing_parameter("device_code"))?;
    let client_id =
        param(form, "client_id").ok_or_else(|| AadError::missing_parameter("client_id"))?;
    let bad_code = || {
        bad_request(
            "bad_verification_code",
            70000,
            "The provided value for the input parameter 'device_code' is not valid.",
        )
    };
    let mut st = lock(&s.signin);
    let flow = st.devices.get_mut(device).ok_or_else(bad_code)?;
    if !flow.client_id.eq_ignore_ascii_case(client_id)
        || endpoint_tenant.is_some_and(|t| !t.id.eq_ignore_ascii_case(&flow.tenant_id))
    {
        return Err(bad_code());
    }
    let instant = Instant::now();
    if instant >= flow.expires {
        return Err(bad_request(
            "expired_token",
            70020,
            "The provided value for the input parameter 'device_code' is not valid. This device code has expired.",
        ));
    }
    if flow.done {
        return Err(invalid_grant(
            70000,
            "Provided grant is invalid or malformed. The device code was already redeemed.",
        ));
    }
    let since = instant.saturating_duration_since(flow.last_poll.unwrap_or(flow.issued));
    flow.last_poll = Some(instant);
    if !flow.interval.is_zero() && since + POLL_SLACK < flow.interval {
        return Err(bad_request(
            "slow_down",
            70023,
            format!(
                "OAuth 2.0 device flow error. The client is polling too frequently. Wait at least {} seconds between polls.",
                flow.interval.as_secs()
            ),
        ));
    }
    if flow.pending_left > 0 {
        flow.pending_left -= 1;
        return Err(bad_request(
            "authorization_pending",
            70016,
            "OAuth 2.0 device flow error. Authorization is pending. Continue polling.",
        ));
    }
    if s.device.outcome == AdminOutcome::Deny {
        return Err(bad_request(
            "authorization_declined",
            70000,
            "The user declined the sign-in request; the device code was not authorized.",
        ));
    }
    flow.done = true;
    let scopes = flow.scopes.clone();
    let client = flow.client_id.clone();
    let tid = flow.tenant_id.clone();
    drop(st);
    let tenant = tenants
        .iter()
        .find(|t| t.id.eq_ignore_ascii_case(&tid))
        .ok_or_else(bad_code)?;
    Ok(delegated_token(s, tenant, &client, &scopes, now))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scopes_are_normalised() {
        let own = ["http://127.0.0.1:5000"];
        let v = parse_scopes(
            "https://graph.microsoft.com/Directory.Read.All offline_access openid User.Read",
            &own,
        );
        assert_eq!(
            v,
            Ok(vec![
                "Directory.Read.All".to_string(),
                "offline_access".to_string(),
                "openid".to_string(),
                "User.Read".to_string()
            ])
        );
        let v = parse_scopes("https://graph.microsoft.com/.default", &own).unwrap_or_default();
        assert_eq!(v.len(), DEFAULT_SCOPES.len());
        assert!(parse_scopes("http://127.0.0.1:5000/Mail.Send", &own).is_ok());
        assert_eq!(
            parse_scopes("https://management.azure.com/user_impersonation", &own),
            Err("https://management.azure.com/user_impersonation".to_string())
        );
        assert_eq!(
            scp_names(&["openid".to_string()]),
            vec!["openid", "User.Read"]
        );
    }

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

    #[test]
    fn user_codes_and_pkce() {
        let c = user_code();
        assert_eq!(c.len(), 9);
        assert_eq!(c.as_bytes()[4], b'-');
        // RFC 7636 appendix B.
        assert_eq!(
            s256("dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk"),
            "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM"
        );
    }
}
