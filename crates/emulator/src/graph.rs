//! Microsoft Graph endpoints: bearer-token checks, throttling, the app's own registration, its
//! service principal, delegated permission grants and app role assignments, with Graph error
//! bodies. Paths are parsed here (including `(appId='…')` keys) into a [`Resource`] to dispatch on;
//! mailbox paths go on to [`crate::mail`].
//!
//! Why this file is long (about 1,350 lines with its tests): one dispatcher over every Graph
//! resource the client reads; rotation's addPassword/removePassword already live in
//! `rotation.rs`, and splitting the rest per resource is planned with the core's reorganisation.
//!
//! Two kinds of callers: app-only tokens (client credentials) see only their own app, as Graph
//! allows a service principal without directory permissions; delegated tokens of the tenant's
//! administrator (authorization code or device code) may read any app, service principal, grant
//! and assignment of the tenant when their `scp` carries a permission that allows it
//! ([`APP_READ_SCOPES`], [`GRANT_READ_SCOPES`], [`ASSIGNMENT_READ_SCOPES`], [`USER_READ_SCOPES`]).

use std::sync::Arc;

use axum::body::Bytes;
use axum::extract::State;
use axum::http::{HeaderMap, Method, StatusCode, Uri};
use axum::response::{IntoResponse, Response};
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine as _;
use chrono::{SecondsFormat, Utc};
use serde_json::{json, Value};

use crate::entra::is_graph_audience;
use crate::jwt::TokenError;
use crate::mail::MailPath;
use crate::model::{AccessKind, App, Tenant, GRAPH_APP_ID, GRAPH_PERMISSIONS};
use crate::server::{header_str, json_response, percent_decode, set_header, Shared};

/// Content type of successful Graph JSON answers.
const GRAPH_JSON: &str =
    "application/json;odata.metadata=minimal;odata.streaming=true;IEEE754Compatible=false;charset=utf-8";
/// Content type of Graph error answers.
const GRAPH_ERROR_JSON: &str = "application/json";

/// Request and client-request ids of one Graph request.
pub(crate) struct GraphIds {
    request_id: String,
    client_request_id: String,
}

impl GraphIds {
    fn new(headers: &HeaderMap) -> Self {
        let request_id = uuid::Uuid::new_v4().hyphenated().to_string();
        let client_request_id = header_str(headers, "client-request-id")
            .map(str::trim)
            .filter(|v| !v.is_empty() && v.len() <= 100)
            .map(str::to_string)
            .unwrap_or_else(|| request_id.clone());
        GraphIds {
            request_id,
            client_request_id,
        }
    }

    fn stamp(&self, resp: &mut Response) {
        set_header(resp, "request-id", &self.request_id);
        set_header(resp, "client-request-id", &self.client_request_id);
    }
}

/// A Graph error answer.
#[derive(Clone, Debug)]
pub(crate) struct GraphError {
    status: StatusCode,
    code: &'static str,
    message: String,
    retry_after: Option<String>,
}

impl GraphError {
    pub(crate) fn new(status: StatusCode, code: &'static str, message: impl Into<String>) -> Self {
        GraphError {
            status,
            code,
            message: message.into(),
            retry_after: None,
        }
    }

    /// The same error with a `Retry-After` header.
    pub(crate) fn retry(mut self, retry_after: &str) -> Self {
        self.retry_after = Some(retry_after.to_string());
        self
    }

    /// 405 for a method the resource does not serve.
    pub(crate) fn method_not_allowed() -> Self {
        GraphError::new(
            StatusCode::METHOD_NOT_ALLOWED,
            "Request_BadRequest",
            "Specified HTTP method is not allowed for the request uri.",
        )
    }

    pub(crate) fn unauthenticated(message: &str) -> Self {
        GraphError::new(
            StatusCode::UNAUTHORIZED,
            "InvalidAuthenticationToken",
            message,
        )
    }

    fn denied() -> Self {
        GraphError::new(
            StatusCode::FORBIDDEN,
            "Authorization_RequestDenied",
            "Insufficient privileges to complete the operation.",
        )
    }

    fn not_found(id: &str) -> Self {
        GraphError::new(
            StatusCode::NOT_FOUND,
            "Request_ResourceNotFound",
            format!(
                "Resource '{id}' does not exist or one of its queried reference-property objects are not present."
            ),
        )
    }

    fn bad_request(message: impl Into<String>) -> Self {
        GraphError::new(StatusCode::BAD_REQUEST, "Request_BadRequest", message)
    }

    /// 400 with the given code.
    pub(crate) fn bad_request_code(code: &'static str, message: impl Into<String>) -> Self {
        GraphError::new(StatusCode::BAD_REQUEST, code, message)
    }

    fn respond(&self, ids: &GraphIds) -> Response {
        let body = json!({
            "error": {
                "code": self.code,
                "message": self.message,
                "innerError": {
                    "date": Utc::now().format("%Y-%m-%dT%H:%M:%S").to_string(),
                    "request-id": ids.request_id,
                    "client-request-id": ids.client_request_id,
                }
            }
        });
        let mut resp = json_response(self.status, &body, GRAPH_ERROR_JSON);
        ids.stamp(&mut resp);
        if self.status == StatusCode::UNAUTHORIZED {
            set_header(
                &mut resp,
                "www-authenticate",
                "Bearer realm=\"\", authorization_uri=\"https://login.microsoftonline.com/common/oauth2/authorize\", client_id=\"00000003-0000-0000-c000-000000000000\"",
            );
        }
        if let Some(ra) = &self.retry_after {
            set_header(&mut resp, "retry-after", ra);
        }
        resp
    }
}

/// Who is calling, from a verified token.
#[derive(Clone, Debug)]
pub(crate) struct Caller {
    pub tenant_id: String,
    pub app_id: String,
    pub roles: Vec<String>,
    /// Delegated permissions (`scp`), empty for app-only tokens.
    pub scopes: Vec<String>,
    /// The signed-in user's object id, for delegated tokens (`idtyp` "user").
    pub user_oid: Option<String>,
}

impl Caller {
    /// Whether the token carries this application permission.
    pub fn has_role(&self, name: &str) -> bool {
        self.roles.iter().any(|r| r == name)
    }

    /// Whether the token is a delegated (user) token.
    pub fn is_delegated(&self) -> bool {
        self.user_oid.is_some()
    }

    /// Whether the delegated token carries any of these scopes (any case).
    pub fn has_any_scope(&self, names: &[&str]) -> bool {
        self.scopes
            .iter()
            .any(|s| names.iter().any(|n| n.eq_ignore_ascii_case(s)))
    }
}

/// Delegated scopes that allow reading any application and service principal.
pub(crate) const APP_READ_SCOPES: &[&str] = &[
    "Application.Read.All",
    "Application.ReadWrite.All",
    "Directory.Read.All",
    "Directory.ReadWrite.All",
    "Directory.AccessAsUser.All",
];
/// Delegated scopes that allow reading oauth2PermissionGrants.
pub(crate) const GRANT_READ_SCOPES: &[&str] = &[
    "DelegatedPermissionGrant.Read.All",
    "DelegatedPermissionGrant.ReadWrite.All",
    "Directory.Read.All",
    "Directory.ReadWrite.All",
    "Directory.AccessAsUser.All",
];
/// Delegated scopes that allow reading appRoleAssignments.
pub(crate) const ASSIGNMENT_READ_SCOPES: &[&str] = &[
    "Application.Read.All",
    "Application.ReadWrite.All",
    "AppRoleAssignment.ReadWrite.All",
    "Directory.Read.All",
    "Directory.ReadWrite.All",
    "Directory.AccessAsUser.All",
];
/// Delegated scopes that allow reading other users.
pub(crate) const USER_READ_SCOPES: &[&str] = &[
    "User.Read.All",
    "User.ReadBasic.All",
    "User.ReadWrite.All",
    "Directory.Read.All",
    "Directory.ReadWrite.All",
    "Directory.AccessAsUser.All",
];

/// Checks the `Authorization: Bearer` token.
fn authenticate(s: &Shared, headers: &HeaderMap) -> Result<Caller, GraphError> {
    let value = header_str(headers, "authorization")
        .map(str::trim)
        .unwrap_or("");
    let token = match value.split_once(' ') {
        Some((scheme, rest)) if scheme.eq_ignore_ascii_case("bearer") => rest.trim(),
        _ if value.is_empty() => "",
        _ => {
            return Err(GraphError::unauthenticated(
                "Access token validation failure.",
            ))
        }
    };
    if token.is_empty() {
        return Err(GraphError::unauthenticated("Access token is empty."));
    }
    let claims = s
        .signer
        .verify(token, Utc::now().timestamp())
        .map_err(|e| match e {
            TokenError::Expired => {
                GraphError::unauthenticated("Lifetime validation failed, the token is expired.")
            }
            TokenError::NotYetValid => {
                GraphError::unauthenticated("Lifetime validation failed, the token is not yet valid.")
            }
            TokenError::Malformed => GraphError::unauthenticated(
                "IDX14100: JWT is not well formed, there are no dots (.) or the token is not in JWS Compact Serialization Format.",
            ),
            TokenError::BadSignature => {
                GraphError::unauthenticated("Access token validation failure. Invalid signature.")
            }
        })?;
    let text = |k: &str| claims.get(k).and_then(Value::as_str).map(str::to_string);
    if !text("aud").is_some_and(|a| is_graph_audience(&a)) {
        return Err(GraphError::unauthenticated(
            "Access token validation failure. Invalid audience.",
        ));
    }
    let (Some(tenant_id), Some(app_id)) = (text("tid"), text("appid")) else {
        return Err(GraphError::unauthenticated(
            "Access token validation failure.",
        ));
    };
    let roles = claims
        .get("roles")
        .and_then(Value::as_array)
        .map(|a| {
            a.iter()
                .filter_map(Value::as_str)
                .map(str::to_string)
                .collect()
        })
        .unwrap_or_default();
    let user_oid = if text("idtyp").as_deref() == Some("user") {
        Some(
            text("oid")
                .ok_or_else(|| GraphError::unauthenticated("Access token validation failure."))?,
        )
    } else {
        None
    };
    let scopes = text("scp")
        .map(|s| s.split_whitespace().map(str::to_string).collect())
        .unwrap_or_default();
    Ok(Caller {
        tenant_id,
        app_id,
        roles,
        scopes,
        user_oid,
    })
}

/// A key in parentheses after a segment: `('id')`, `(id)` or `(appId='x')`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Key {
    /// The alternate-key property, e.g. `appId`; `None` for the object id.
    pub prop: Option<String>,
    pub value: String,
}

/// One decoded path segment.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Segment {
    pub name: String,
    pub key: Option<Key>,
}

impl Segment {
    fn is(&self, name: &str) -> bool {
        self.name.eq_ignore_ascii_case(name)
    }

    fn plain(&self, name: &str) -> bool {
        self.key.is_none() && self.is(name)
    }
}

fn unquote(v: &str) -> String {
    let v = v.trim();
    v.strip_prefix('\'')
        .and_then(|x| x.strip_suffix('\''))
        .unwrap_or(v)
        .replace("''", "'")
}

/// Parses a decoded segment such as `applications(appId='…')`.
pub(crate) fn parse_segment(seg: &str) -> Segment {
    if let Some(open) = seg.find('(') {
        if let Some(inner) = seg[open + 1..].strip_suffix(')') {
            let name = seg[..open].to_string();
            let key = match inner.split_once('=') {
                Some((prop, value)) if !prop.contains('\'') => Key {
                    prop: Some(prop.trim().to_string()),
                    value: unquote(value),
                },
                _ => Key {
                    prop: None,
                    value: unquote(inner),
                },
            };
            return Segment {
                name,
                key: Some(key),
            };
        }
    }
    Segment {
        name: seg.to_string(),
        key: None,
    }
}

/// The decoded segments after `/v1.0/`.
pub(crate) fn parse_path(rest: &str) -> Vec<Segment> {
    rest.split('/')
        .filter(|s| !s.is_empty())
        .map(|s| parse_segment(&percent_decode(s, false)))
        .collect()
}

/// The Graph resources the emulator serves.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) enum Resource {
    Applications,
    Application(Key),
    ServicePrincipals,
    ServicePrincipal(Key),
    ServicePrincipalGrants(Key),
    ServicePrincipalAppRoleAssignments(Key),
    Grants,
    User(Key),
    /// `/me`: the signed-in user (delegated tokens only).
    Me,
    /// A mailbox path under `/users/{upn}/…`.
    Mail(Key, MailPath),
}

/// Splits `set(key)/…` or `set/id/…` into the key and the remaining segments.
fn keyed<'a>(segs: &'a [Segment], set: &str) -> Option<(Key, &'a [Segment])> {
    let (first, rest) = segs.split_first()?;
    if !first.is(set) {
        return None;
    }
    if let Some(k) = &first.key {
        return Some((k.clone(), rest));
    }
    let (id, rest) = rest.split_first()?;
    if id.key.is_some() {
        return None;
    }
    Some((
        Key {
            prop: None,
            value: id.name.clone(),
        },
        rest,
    ))
}

/// Which resource a path names, if any.
pub(crate) fn resolve(segs: &[Segment]) -> Option<Resource> {
    match segs {
        [s] if s.plain("applications") => return Some(Resource::Applications),
        [s] if s.plain("servicePrincipals") => return Some(Resource::ServicePrincipals),
        [s] if s.plain("oauth2PermissionGrants") => return Some(Resource::Grants),
        [s] if s.plain("me") => return Some(Resource::Me),
        _ => {}
    }
    if let Some((key, rest)) = keyed(segs, "applications") {
        return match rest {
            [] => Some(Resource::Application(key)),
            _ => None,
        };
    }
    if let Some((key, rest)) = keyed(segs, "users") {
        return match rest {
            [] => Some(Resource::User(key)),
            _ => mail_path(rest).map(|p| Resource::Mail(key, p)),
        };
    }
    if let Some((key, rest)) = keyed(segs, "servicePrincipals") {
        return match rest {
            [] => Some(Resource::ServicePrincipal(key)),
            [s] if s.plain("oauth2PermissionGrants") => Some(Resource::ServicePrincipalGrants(key)),
            [s] if s.plain("appRoleAssignments") => {
                Some(Resource::ServicePrincipalAppRoleAssignments(key))
            }
            _ => None,
        };
    }
    None
}

fn is_delta(s: &Segment) -> bool {
    (s.is("delta") || s.is("microsoft.graph.delta"))
        && s.key.as_ref().is_none_or(|k| k.value.is_empty())
}

/// Which mail resource the segments after `/users/{upn}` name.
fn mail_path(rest: &[Segment]) -> Option<MailPath> {
    match rest {
        [s] if s.plain("sendMail") || s.plain("microsoft.graph.sendMail") => {
            return Some(MailPath::SendMail)
        }
        [s] if s.plain("mailFolders") => return Some(MailPath::Folders),
        [s] if s.plain("messages") => return Some(MailPath::Messages),
        _ => {}
    }
    if let Some((folder, r)) = keyed(rest, "mailFolders") {
        let f = folder.value;
        return match r {
            [] => Some(MailPath::Folder(f)),
            [s] if s.plain("messages") => Some(MailPath::FolderMessages(f)),
            [s, d] if s.plain("messages") && is_delta(d) => Some(MailPath::FolderDelta(f)),
            _ => keyed(r, "messages")
                .and_then(|(id, rr)| rr.is_empty().then_some(MailPath::Message(id.value))),
        };
    }
    keyed(rest, "messages").and_then(|(id, r)| r.is_empty().then_some(MailPath::Message(id.value)))
}

/// Decoded query parameters; the first occurrence of a name wins.
pub(crate) struct Query(pub(crate) Vec<(String, String)>);

impl Query {
    fn parse(q: Option<&str>) -> Self {
        let pairs = url::form_urlencoded::parse(q.unwrap_or("").as_bytes())
            .map(|(k, v)| (k.into_owned(), v.into_owned()))
            .collect();
        Query(pairs)
    }

    /// A parameter by name; `$filter` also matches `filter`, as Graph allows.
    pub fn get(&self, name: &str) -> Option<&str> {
        let bare = name.trim_start_matches('$');
        self.0
            .iter()
            .find(|(k, _)| k.trim_start_matches('$').eq_ignore_ascii_case(bare))
            .map(|(_, v)| v.as_str())
    }
}

/// `prop eq 'value'` clauses joined by `and`, read leniently.
pub(crate) fn parse_filter(filter: &str) -> Result<Vec<(String, String)>, GraphError> {
    let mut clauses = Vec::new();
    let mut rest = filter.trim();
    while !rest.is_empty() {
        let (prop, after) = rest
            .split_once(char::is_whitespace)
            .ok_or_else(|| invalid_filter(filter))?;
        let after = after.trim_start();
        let after = after
            .get(..2)
            .filter(|op| op.eq_ignore_ascii_case("eq"))
            .map(|_| after[2..].trim_start())
            .ok_or_else(|| invalid_filter(filter))?;
        let value_body = after
            .strip_prefix('\'')
            .ok_or_else(|| invalid_filter(filter))?;
        // Find the closing quote, treating '' as an escaped quote.
        let mut value = String::new();
        let mut chars = value_body.char_indices().peekable();
        let mut end = None;
        while let Some((i, c)) = chars.next() {
            if c == '\'' {
                if chars.peek().map(|(_, n)| *n) == Some('\'') {
                    value.push('\'');
                    chars.next();
                } else {
                    end = Some(i + 1);
                    break;
                }
            } else {
                value.push(c);
            }
        }
        let end = end.ok_or_else(|| invalid_filter(filter))?;
        clauses.push((prop.trim_matches(|c| c == '(').to_string(), value));
        rest = value_body[end..]
            .trim_start()
            .trim_start_matches(')')
            .trim_start();
        if rest.is_empty() {
            break;
        }
        let (and, tail) = rest
            .split_once(char::is_whitespace)
            .ok_or_else(|| invalid_filter(filter))?;
        if !and.eq_ignore_ascii_case("and") {
            return Err(invalid_filter(filter));
        }
        rest = tail.trim_start();
    }
    Ok(clauses)
}

fn invalid_filter(filter: &str) -> GraphError {
    GraphError::new(
        StatusCode::BAD_REQUEST,
        "Request_UnsupportedQuery",
        format!("Invalid filter clause: '{filter}'."),
    )
}

/// Everything a Graph handler needs to answer one request.
pub(crate) struct GraphRequest<'a> {
    pub method: &'a Method,
    pub resource: Resource,
    pub query: Query,
    pub caller: &'a Caller,
    pub base: String,
    /// The request path as sent (still percent-encoded), for `@odata.nextLink`.
    pub path: String,
    /// `Prefer: odata.maxpagesize=N`, if sent.
    pub max_page_size: Option<usize>,
}

/// A successful Graph answer.
pub(crate) enum Answer {
    /// A JSON body with this status.
    Json(StatusCode, Value),
    /// No body (202 Accepted, 204 No Content).
    Empty(StatusCode),
}

/// `Prefer: odata.maxpagesize=N` (N from 1 to 1000).
fn max_page_size(headers: &HeaderMap) -> Option<usize> {
    headers
        .get_all("prefer")
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(','))
        .find_map(|p| {
            let (k, v) = p.split_once('=')?;
            k.trim()
                .eq_ignore_ascii_case("odata.maxpagesize")
                .then(|| v.trim().trim_matches('"').parse::<usize>().ok())
                .flatten()
        })
        .filter(|n| (1..=1000).contains(n))
}

/// `ANY /v1.0/{*rest}`
pub(crate) async fn graph(
    State(s): State<Arc<Shared>>,
    method: Method,
    uri: Uri,
    headers: HeaderMap,
    body: Bytes,
) -> Response {
    let ids = GraphIds::new(&headers);
    match graph_inner(&s, &method, &uri, &headers, &body) {
        Ok(Answer::Json(status, body)) => {
            let mut resp = json_response(status, &body, GRAPH_JSON);
            ids.stamp(&mut resp);
            resp
        }
        Ok(Answer::Empty(status)) => {
            let mut resp = status.into_response();
            ids.stamp(&mut resp);
            resp
        }
        Err(e) => e.respond(&ids),
    }
}

/// The 429 answered when a mailbox already has four requests in flight.
pub(crate) fn mailbox_concurrency_limited(headers: &HeaderMap, retry_after: &str) -> Response {
    let ids = GraphIds::new(headers);
    GraphError::new(
        StatusCode::TOO_MANY_REQUESTS,
        "ApplicationThrottled",
        "Application is over its MailboxConcurrency limit.",
    )
    .retry(retry_after)
    .respond(&ids)
}

fn graph_inner(
    s: &Arc<Shared>,
    method: &Method,
    uri: &Uri,
    headers: &HeaderMap,
    body: &[u8],
) -> Result<Answer, GraphError> {
    let caller = authenticate(s, headers)?;
    let mut dir = s.dir();
    let ti = dir
        .tenants
        .iter()
        .position(|t| t.id.eq_ignore_ascii_case(&caller.tenant_id))
        .ok_or_else(|| GraphError::unauthenticated("Access token validation failure."))?;
    let tenant = &mut dir.tenants[ti];
    if tenant.throttle_remaining > 0 {
        tenant.throttle_remaining -= 1;
        let mut e = GraphError::new(
            StatusCode::TOO_MANY_REQUESTS,
            "TooManyRequests",
            "Too many requests. Retry after the interval given in the Retry-After header.",
        );
        e.retry_after = Some(s.retry_after.clone());
        return Err(e);
    }
    let rest = uri.path().strip_prefix("/v1.0").unwrap_or("");
    let segs = parse_path(rest);
    let tenant = &mut dir.tenants[ti];
    if let Some(a) = crate::rotation::route(s, tenant, method, &caller, headers, &segs, body) {
        return a;
    }
    let resource = resolve(&segs).ok_or_else(resource_not_found)?;
    let req = GraphRequest {
        method,
        resource,
        query: Query::parse(uri.query()),
        caller: &caller,
        base: s.request_base(headers),
        path: uri.path().to_string(),
        max_page_size: max_page_size(headers),
    };
    if let Resource::Mail(user, path) = &req.resource {
        return crate::mail::handle(s, &mut dir, ti, &req, user, path, body);
    }
    let tenant = &dir.tenants[ti];
    let ok = |v: Value| Answer::Json(StatusCode::OK, v);
    if caller.is_delegated() {
        return dispatch_delegated(&req, tenant).map(ok);
    }
    let app = tenant
        .app(&caller.app_id)
        .ok_or_else(|| GraphError::unauthenticated("Access token validation failure."))?;
    dispatch(&req, tenant, app).map(ok)
}

/// Answers a resolved resource. New resources are added here.
fn dispatch(req: &GraphRequest<'_>, tenant: &Tenant, app: &App) -> Result<Value, GraphError> {
    if *req.method != Method::GET {
        return Err(GraphError::method_not_allowed());
    }
    match &req.resource {
        Resource::Applications => Err(GraphError::denied()),
        Resource::Application(key) => {
            let own = own_application(tenant, app, key)?;
            Ok(application_json(req, own))
        }
        Resource::ServicePrincipals => {
            let filter = req.query.get("$filter").unwrap_or("");
            let clauses = parse_filter(filter)?;
            let wanted = clauses
                .iter()
                .find(|(p, _)| p.eq_ignore_ascii_case("appId"))
                .map(|(_, v)| v.as_str());
            match wanted {
                Some(v) if v.eq_ignore_ascii_case(&app.app_id) => Ok(json!({
                    "@odata.context": format!("{}/v1.0/$metadata#servicePrincipals", req.base),
                    "value": [service_principal_fields(tenant, app)],
                })),
                _ => Err(GraphError::denied()),
            }
        }
        Resource::ServicePrincipal(key) => {
            let own = own_service_principal(tenant, app, key)?;
            let mut v = service_principal_fields(tenant, own);
            if let Value::Object(m) = &mut v {
                m.insert(
                    "@odata.context".into(),
                    json!(format!(
                        "{}/v1.0/$metadata#servicePrincipals/$entity",
                        req.base
                    )),
                );
            }
            Ok(v)
        }
        Resource::ServicePrincipalGrants(key) => {
            let own = own_service_principal(tenant, app, key)?;
            if !own.grants_readable {
                return Err(GraphError::denied());
            }
            Ok(grants_json(
                req,
                tenant,
                own.delegated_grant_scopes.as_deref(),
                own,
            ))
        }
        Resource::ServicePrincipalAppRoleAssignments(key) => {
            let own = own_service_principal(tenant, app, key)?;
            if !own.grants_readable {
                return Err(GraphError::denied());
            }
            Ok(app_role_assignments_json(req, tenant, own))
        }
        Resource::User(key) => {
            // Reading a user needs User.Read.All.
            if !req.caller.has_role("User.Read.All") {
                return Err(GraphError::denied());
            }
            user_json(req, tenant, &key.value).ok_or_else(|| GraphError::not_found(&key.value))
        }
        Resource::Me => Err(GraphError::bad_request_code(
            "BadRequest",
            "/me request is only valid with delegated authentication flow.",
        )),
        Resource::Mail(_, _) => Err(resource_not_found()),
        Resource::Grants => {
            if !app.grants_readable {
                return Err(GraphError::denied());
            }
            grants_list(req, tenant)
        }
    }
}

/// `oauth2PermissionGrants?$filter=…` over every app of the tenant.
fn grants_list(req: &GraphRequest<'_>, tenant: &Tenant) -> Result<Value, GraphError> {
    let filter = req.query.get("$filter").unwrap_or("");
    let clauses = parse_filter(filter)?;
    let mut items = Vec::new();
    for candidate in &tenant.apps {
        let Some(scope) = candidate.delegated_grant_scopes.as_deref() else {
            continue;
        };
        let keep = clauses.iter().all(|(p, v)| {
            if p.eq_ignore_ascii_case("clientId") {
                v.eq_ignore_ascii_case(&candidate.sp_id)
            } else if p.eq_ignore_ascii_case("consentType") {
                v.eq_ignore_ascii_case("AllPrincipals")
            } else if p.eq_ignore_ascii_case("resourceId") {
                v.eq_ignore_ascii_case(&tenant.graph_sp_id)
            } else {
                true
            }
        });
        if keep {
            items.push(grant_item(tenant, candidate, scope));
        }
    }
    Ok(json!({
        "@odata.context": format!("{}/v1.0/$metadata#oauth2PermissionGrants", req.base),
        "value": items,
    }))
}

/// A user object for the administrator or a mailbox user named by UPN or object id.
fn user_json(req: &GraphRequest<'_>, tenant: &Tenant, ident: &str) -> Option<Value> {
    let ident = ident.trim();
    let (id, upn, name) = if tenant.admin.upn.eq_ignore_ascii_case(ident)
        || tenant.admin.object_id.eq_ignore_ascii_case(ident)
    {
        (
            tenant.admin.object_id.clone(),
            tenant.admin.upn.clone(),
            tenant.admin.display_name.clone(),
        )
    } else {
        let m = tenant.mailbox(ident)?;
        (
            m.object_id.clone(),
            m.address.clone(),
            m.display_name.clone(),
        )
    };
    Some(json!({
        "@odata.context": format!("{}/v1.0/$metadata#users/$entity", req.base),
        "businessPhones": [],
        "displayName": name,
        "givenName": null,
        "jobTitle": null,
        "mail": upn,
        "mobilePhone": null,
        "officeLocation": null,
        "preferredLanguage": null,
        "surname": null,
        "userPrincipalName": upn,
        "id": id,
    }))
}

/// A service principal of the tenant: one of its apps or Microsoft Graph itself.
enum AnySp<'a> {
    App(&'a App),
    Graph,
}

/// Any service principal of the tenant by object id or `appId` key (delegated admin reads).
fn any_service_principal<'a>(tenant: &'a Tenant, key: &Key) -> Result<AnySp<'a>, GraphError> {
    check_guid(&key.value)?;
    let by_app_id = match key.prop.as_deref() {
        None => false,
        Some(p) if p.eq_ignore_ascii_case("appId") => true,
        Some(p) => {
            return Err(GraphError::bad_request(format!(
                "Unsupported alternate key '{p}'."
            )))
        }
    };
    let v = &key.value;
    if (by_app_id && v.eq_ignore_ascii_case(GRAPH_APP_ID))
        || (!by_app_id && v.eq_ignore_ascii_case(&tenant.graph_sp_id))
    {
        return Ok(AnySp::Graph);
    }
    tenant
        .apps
        .iter()
        .find(|a| {
            if by_app_id {
                a.app_id.eq_ignore_ascii_case(v)
            } else {
                a.sp_id.eq_ignore_ascii_case(v)
            }
        })
        .map(AnySp::App)
        .ok_or_else(|| GraphError::not_found(v))
}

fn any_sp_json(tenant: &Tenant, sp: &AnySp<'_>) -> Value {
    match sp {
        AnySp::App(a) => service_principal_fields(tenant, a),
        AnySp::Graph => graph_service_principal_fields(tenant),
    }
}

/// Answers a resolved resource for the tenant administrator's delegated token.
fn dispatch_delegated(req: &GraphRequest<'_>, tenant: &Tenant) -> Result<Value, GraphError> {
    if *req.method != Method::GET {
        return Err(GraphError::method_not_allowed());
    }
    let need = |scopes: &[&str]| {
        if req.caller.has_any_scope(scopes) {
            Ok(())
        } else {
            Err(GraphError::denied())
        }
    };
    match &req.resource {
        Resource::Me => {
            let mut with_me = vec!["User.Read", "User.ReadWrite"];
            with_me.extend_from_slice(USER_READ_SCOPES);
            need(&with_me)?;
            user_json(req, tenant, &tenant.admin.object_id)
                .ok_or_else(|| GraphError::not_found(&tenant.admin.object_id))
        }
        Resource::User(key) => {
            need(USER_READ_SCOPES)?;
            user_json(req, tenant, &key.value).ok_or_else(|| GraphError::not_found(&key.value))
        }
        Resource::Applications => Err(GraphError::denied()),
        Resource::Application(key) => {
            need(APP_READ_SCOPES)?;
            check_guid(&key.value)?;
            let by_app_id = key
                .prop
                .as_deref()
                .is_some_and(|p| p.eq_ignore_ascii_case("appId"));
            let app = tenant
                .apps
                .iter()
                .find(|a| {
                    if by_app_id {
                        a.app_id.eq_ignore_ascii_case(&key.value)
                    } else {
                        a.object_id.eq_ignore_ascii_case(&key.value)
                    }
                })
                .ok_or_else(|| GraphError::not_found(&key.value))?;
            Ok(application_json(req, app))
        }
        Resource::ServicePrincipals => {
            need(APP_READ_SCOPES)?;
            let filter = req.query.get("$filter").unwrap_or("");
            let clauses = parse_filter(filter)?;
            let wanted = clauses
                .iter()
                .find(|(p, _)| p.eq_ignore_ascii_case("appId"))
                .map(|(_, v)| v.as_str())
                .ok_or_else(|| {
                    GraphError::bad_request("Only $filter=appId eq '{appId}' is supported.")
                })?;
            let mut items = Vec::new();
            if wanted.eq_ignore_ascii_case(GRAPH_APP_ID) {
                items.push(graph_service_principal_fields(tenant));
            }
            for a in &tenant.apps {
                if a.app_id.eq_ignore_ascii_case(wanted) {
                    items.push(service_principal_fields(tenant, a));
                }
            }
            Ok(json!({
                "@odata.context": format!("{}/v1.0/$metadata#servicePrincipals", req.base),
                "value": items,
            }))
        }
        Resource::ServicePrincipal(key) => {
            need(APP_READ_SCOPES)?;
            let sp = any_service_principal(tenant, key)?;
            let mut v = any_sp_json(tenant, &sp);
            if let Value::Object(m) = &mut v {
                m.insert(
                    "@odata.context".into(),
                    json!(format!(
                        "{}/v1.0/$metadata#servicePrincipals/$entity",
                        req.base
                    )),
                );
            }
            Ok(v)
        }
        Resource::ServicePrincipalGrants(key) => {
            need(GRANT_READ_SCOPES)?;
            match any_service_principal(tenant, key)? {
                AnySp::App(a) => Ok(grants_json(
                    req,
                    tenant,
                    a.delegated_grant_scopes.as_deref(),
                    a,
                )),
                AnySp::Graph => Ok(json!({
                    "@odata.context": format!("{}/v1.0/$metadata#oauth2PermissionGrants", req.base),
                    "value": [],
                })),
            }
        }
        Resource::ServicePrincipalAppRoleAssignments(key) => {
            need(ASSIGNMENT_READ_SCOPES)?;
            match any_service_principal(tenant, key)? {
                AnySp::App(a) => Ok(app_role_assignments_json(req, tenant, a)),
                AnySp::Graph => Ok(json!({
                    "@odata.context": format!(
                        "{}/v1.0/$metadata#servicePrincipals('{}')/appRoleAssignments",
                        req.base, tenant.graph_sp_id
                    ),
                    "value": [],
                })),
            }
        }
        Resource::Grants => {
            need(GRANT_READ_SCOPES)?;
            grants_list(req, tenant)
        }
        Resource::Mail(_, _) => Err(resource_not_found()),
    }
}

/// Microsoft Graph's own service principal, with the app roles and scopes the emulator knows.
fn graph_service_principal_fields(tenant: &Tenant) -> Value {
    let roles: Vec<Value> = GRAPH_PERMISSIONS
        .iter()
        .filter(|p| p.kind == AccessKind::Role)
        .map(|p| {
            json!({
                "allowedMemberTypes": ["Application"],
                "description": format!("Allows the app to use {} without a signed-in user.", p.name),
                "displayName": p.name,
                "id": p.id,
                "isEnabled": true,
                "origin": "Application",
                "value": p.name,
            })
        })
        .collect();
    let scopes: Vec<Value> = GRAPH_PERMISSIONS
        .iter()
        .filter(|p| p.kind == AccessKind::Scope)
        .map(|p| {
            json!({
                "adminConsentDescription": format!("Allows the app to use {} on behalf of the signed-in user.", p.name),
                "adminConsentDisplayName": p.name,
                "id": p.id,
                "isEnabled": true,
                "type": "User",
                "userConsentDescription": format!("Allows the app to use {} on your behalf.", p.name),
                "userConsentDisplayName": p.name,
                "value": p.name,
            })
        })
        .collect();
    json!({
        "id": tenant.graph_sp_id,
        "deletedDateTime": null,
        "accountEnabled": true,
        "appDisplayName": "Microsoft Graph",
        "appId": GRAPH_APP_ID,
        "appOwnerOrganizationId": "f8cdef31-a31e-4b4a-93e4-5f571e91255a",
        "displayName": "Microsoft Graph",
        "servicePrincipalType": "Application",
        "servicePrincipalNames": ["https://graph.microsoft.com", GRAPH_APP_ID],
        "signInAudience": "AzureADMultipleOrgs",
        "tags": [],
        "appRoles": roles,
        "oauth2PermissionScopes": scopes,
        "passwordCredentials": [],
        "keyCredentials": [],
    })
}

pub(crate) fn check_guid(value: &str) -> Result<(), GraphError> {
    uuid::Uuid::parse_str(value)
        .map(|_| ())
        .map_err(|_| GraphError::bad_request(format!("Invalid object identifier '{value}'.")))
}

/// The caller's own application for a key; other apps are forbidden or unknown.
fn own_application<'a>(tenant: &'a Tenant, app: &'a App, key: &Key) -> Result<&'a App, GraphError> {
    check_guid(&key.value)?;
    let by_app_id = match key.prop.as_deref() {
        None => false,
        Some(p) if p.eq_ignore_ascii_case("appId") => true,
        Some(p) => {
            return Err(GraphError::bad_request(format!(
                "Unsupported alternate key '{p}'."
            )))
        }
    };
    let matches = |a: &App| {
        if by_app_id {
            a.app_id.eq_ignore_ascii_case(&key.value)
        } else {
            a.object_id.eq_ignore_ascii_case(&key.value)
        }
    };
    if matches(app) {
        Ok(app)
    } else if tenant.apps.iter().any(matches) {
        Err(GraphError::denied())
    } else {
        Err(GraphError::not_found(&key.value))
    }
}

/// The caller's own service principal for a key; others are forbidden or unknown.
fn own_service_principal<'a>(
    tenant: &'a Tenant,
    app: &'a App,
    key: &Key,
) -> Result<&'a App, GraphError> {
    check_guid(&key.value)?;
    let by_app_id = match key.prop.as_deref() {
        None => false,
        Some(p) if p.eq_ignore_ascii_case("appId") => true,
        Some(p) => {
            return Err(GraphError::bad_request(format!(
                "Unsupported alternate key '{p}'."
            )))
        }
    };
    let matches = |a: &App| {
        if by_app_id {
            a.app_id.eq_ignore_ascii_case(&key.value)
        } else {
            a.sp_id.eq_ignore_ascii_case(&key.value)
        }
    };
    let is_graph = if by_app_id {
        key.value.eq_ignore_ascii_case(GRAPH_APP_ID)
    } else {
        key.value.eq_ignore_ascii_case(&tenant.graph_sp_id)
    };
    if matches(app) {
        Ok(app)
    } else if is_graph || tenant.apps.iter().any(matches) {
        Err(GraphError::denied())
    } else {
        Err(GraphError::not_found(&key.value))
    }
}

pub(crate) fn graph_time(t: chrono::DateTime<Utc>) -> String {
    t.to_rfc3339_opts(SecondsFormat::Millis, true)
}

fn application_json(req: &GraphRequest<'_>, app: &App) -> Value {
    let mut groups: Vec<(String, Vec<Value>)> = Vec::new();
    for ra in &app.required_resource_access {
        let item = json!({"id": ra.id, "type": ra.kind.as_str()});
        match groups.iter_mut().find(|(r, _)| *r == ra.resource_app_id) {
            Some((_, list)) => list.push(item),
            None => groups.push((ra.resource_app_id.clone(), vec![item])),
        }
    }
    let required: Vec<Value> = groups
        .into_iter()
        .map(|(r, list)| json!({"resourceAppId": r, "resourceAccess": list}))
        .collect();
    let passwords: Vec<Value> = app
        .password_credentials
        .iter()
        .map(|c| {
            json!({
                "customKeyIdentifier": null,
                "displayName": c.display_name,
                "endDateTime": graph_time(c.end),
                "hint": c.hint,
                "keyId": c.key_id,
                "secretText": null,
                "startDateTime": graph_time(c.start),
            })
        })
        .collect();
    let context = match req.query.get("$select") {
        Some(sel) if !sel.trim().is_empty() => {
            format!(
                "{}/v1.0/$metadata#applications({})/$entity",
                req.base,
                sel.trim()
            )
        }
        _ => format!("{}/v1.0/$metadata#applications/$entity", req.base),
    };
    json!({
        "@odata.context": context,
        "id": app.object_id,
        "deletedDateTime": null,
        "appId": app.app_id,
        "createdDateTime": graph_time(app.created),
        "displayName": app.display_name,
        "signInAudience": "AzureADMyOrg",
        "requiredResourceAccess": required,
        "passwordCredentials": passwords,
        "keyCredentials": [],
    })
}

fn service_principal_fields(tenant: &Tenant, app: &App) -> Value {
    json!({
        "id": app.sp_id,
        "deletedDateTime": null,
        "accountEnabled": app.enabled,
        "appDisplayName": app.display_name,
        "appId": app.app_id,
        "appOwnerOrganizationId": tenant.id,
        "displayName": app.display_name,
        "servicePrincipalType": "Application",
        "servicePrincipalNames": [app.app_id],
        "signInAudience": "AzureADMyOrg",
        "tags": [],
        "appRoles": [],
        "oauth2PermissionScopes": [],
        "passwordCredentials": [],
        "keyCredentials": [],
    })
}

/// A stable id built the way Graph builds grant and assignment ids: base64url of object ids.
fn object_pair_id(a: &str, b: &str) -> String {
    let mut bytes = Vec::with_capacity(32);
    for s in [a, b] {
        match uuid::Uuid::parse_str(s) {
            Ok(u) => bytes.extend_from_slice(u.as_bytes()),
            Err(_) => bytes.extend_from_slice(s.as_bytes()),
        }
    }
    URL_SAFE_NO_PAD.encode(bytes)
}

fn grant_item(tenant: &Tenant, app: &App, scope: &str) -> Value {
    json!({
        "id": object_pair_id(&app.sp_id, &tenant.graph_sp_id),
        "clientId": app.sp_id,
        "consentType": "AllPrincipals",
        "principalId": null,
        "resourceId": tenant.graph_sp_id,
        "scope": scope,
    })
}

fn grants_json(req: &GraphRequest<'_>, tenant: &Tenant, scope: Option<&str>, app: &App) -> Value {
    let items: Vec<Value> = scope
        .map(|s| grant_item(tenant, app, s))
        .into_iter()
        .collect();
    json!({
        "@odata.context": format!("{}/v1.0/$metadata#oauth2PermissionGrants", req.base),
        "value": items,
    })
}

fn app_role_assignments_json(req: &GraphRequest<'_>, tenant: &Tenant, app: &App) -> Value {
    let items: Vec<Value> = app
        .consented_app_roles
        .iter()
        .map(|role| {
            json!({
                "id": object_pair_id(&app.sp_id, role),
                "deletedDateTime": null,
                "appRoleId": role,
                "createdDateTime": graph_time(app.created),
                "principalDisplayName": app.display_name,
                "principalId": app.sp_id,
                "principalType": "ServicePrincipal",
                "resourceDisplayName": "Microsoft Graph",
                "resourceId": tenant.graph_sp_id,
            })
        })
        .collect();
    json!({
        "@odata.context": format!(
            "{}/v1.0/$metadata#servicePrincipals('{}')/appRoleAssignments",
            req.base, app.sp_id
        ),
        "value": items,
    })
}

fn resource_not_found() -> GraphError {
    GraphError::new(
        StatusCode::NOT_FOUND,
        "ResourceNotFound",
        "Resource could not be discovered.",
    )
}

/// Any path no endpoint serves.
pub(crate) async fn not_found(headers: HeaderMap) -> Response {
    let ids = GraphIds::new(&headers);
    resource_not_found().respond(&ids)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn segments() {
        let s = parse_segment("applications(appId='abc')");
        assert_eq!(s.name, "applications");
        assert_eq!(
            s.key,
            Some(Key {
                prop: Some("appId".into()),
                value: "abc".into()
            })
        );
        let s = parse_segment("servicePrincipals('x')");
        assert_eq!(
            s.key.map(|k| (k.prop, k.value)),
            Some((None, "x".to_string()))
        );
        let s = parse_segment("weird(");
        assert_eq!(s.key, None);
        let segs = parse_path("/servicePrincipals(appId=%27abc%27)/appRoleAssignments");
        assert_eq!(
            resolve(&segs),
            Some(Resource::ServicePrincipalAppRoleAssignments(Key {
                prop: Some("appId".into()),
                value: "abc".into()
            }))
        );
        let segs = parse_path("/servicePrincipals/sp1/oauth2PermissionGrants");
        assert_eq!(
            resolve(&segs),
            Some(Resource::ServicePrincipalGrants(Key {
                prop: None,
                value: "sp1".into()
            }))
        );
        assert_eq!(resolve(&parse_path("/me")), Some(Resource::Me));
        assert_eq!(resolve(&parse_path("/me/x")), None);
        assert_eq!(resolve(&parse_path("/applications/x/y")), None);
        let user = |v: &str| Key {
            prop: None,
            value: v.into(),
        };
        let mail = |p: &str| match resolve(&parse_path(p)) {
            Some(Resource::Mail(k, path)) => Some((k, path)),
            _ => None,
        };
        assert_eq!(
            mail("/users/a%40b.example/mailFolders/inbox/messages/delta"),
            Some((user("a@b.example"), MailPath::FolderDelta("inbox".into())))
        );
        assert_eq!(
            mail("/users('a@b.example')/mailFolders('Inbox')"),
            Some((user("a@b.example"), MailPath::Folder("Inbox".into())))
        );
        assert_eq!(
            mail("/users/a@b.example/mailFolders/inbox/messages/AAMk%3D"),
            Some((user("a@b.example"), MailPath::Message("AAMk=".into())))
        );
        assert_eq!(
            mail("/users/a@b.example/messages('AAMk=')"),
            Some((user("a@b.example"), MailPath::Message("AAMk=".into())))
        );
        assert_eq!(
            mail("/users/a@b.example/sendMail"),
            Some((user("a@b.example"), MailPath::SendMail))
        );
        assert_eq!(mail("/users/a@b.example/calendar"), None);
        assert_eq!(mail("/users/a@b.example/messages/x/y"), None);
    }

    #[test]
    fn filters() {
        let c = parse_filter("clientId eq 'abc' and consentType eq 'AllPrincipals'")
            .unwrap_or_default();
        assert_eq!(
            c,
            vec![
                ("clientId".to_string(), "abc".to_string()),
                ("consentType".to_string(), "AllPrincipals".to_string())
            ]
        );
        let c = parse_filter("  clientId   EQ 'o''k'  ").unwrap_or_default();
        assert_eq!(c, vec![("clientId".to_string(), "o'k".to_string())]);
        assert!(parse_filter("").map(|v| v.is_empty()).unwrap_or(false));
        assert!(parse_filter("clientId eq abc").is_err());
        assert!(parse_filter("clientId eq 'abc' or x eq 'y'").is_err());
        assert!(parse_filter("clientId").is_err());
        assert!(parse_filter("clientId eq 'abc").is_err());
        assert!(parse_filter("é").is_err());
        assert!(parse_filter("a é").is_err());
    }
}
