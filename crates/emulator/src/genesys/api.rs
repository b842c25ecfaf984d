//! The Genesys Cloud endpoints: the OAuth token endpoint (`/oauth/token`) and the Platform API
//! (`/api/v2/…`) with bearer tokens, paging envelopes, throttling, permission refusals and the
//! Genesys error body (`message`, `code`, `status`, `contextId`, `details`, `errors`).

use std::sync::Arc;

use axum::body::Bytes;
use axum::extract::State;
use axum::http::{HeaderMap, Method, StatusCode, Uri};
use axum::response::Response;
use base64::engine::general_purpose::STANDARD;
use base64::Engine as _;
use chrono::Utc;
use serde_json::{json, Value};

use super::catalog;
use super::conversation_api;
use super::credential;
use super::error::{answer, api_error, ApiError};
use super::model::{OAUTH_CLIENT_ID, OAUTH_CLIENT_SECRET};
use super::scenario::GenesysScenario;
use super::state::GenesysShared;
use crate::wire::{header_str, percent_decode, set_header};

/// The default `pageSize` of listings.
const DEFAULT_PAGE_SIZE: usize = 25;
/// The largest `pageSize` honoured; larger values are cut to it.
const MAX_PAGE_SIZE: usize = 100;

fn not_found_error() -> Response {
    ApiError::not_found().respond()
}

/// Anything outside `/oauth/token` and the known `/api/v2` paths.
pub(crate) async fn not_found() -> Response {
    not_found_error()
}

fn oauth_error(status: StatusCode, error: &str, description: &str) -> Response {
    answer(
        status,
        &json!({"error": error, "description": description, "error_description": description}),
    )
}

/// The `client_id:client_secret` pair of an `Authorization: Basic` header.
fn basic_credentials(headers: &HeaderMap) -> Option<(String, String)> {
    let value = header_str(headers, "authorization")?.trim();
    let (scheme, rest) = value.split_once(' ')?;
    if !scheme.eq_ignore_ascii_case("basic") {
        return None;
    }
    let decoded = String::from_utf8(STANDARD.decode(rest.trim()).ok()?).ok()?;
    let (id, secret) = decoded.split_once(':')?;
    Some((id.to_string(), secret.to_string()))
}

/// `POST /oauth/token`: the client credentials grant with HTTP Basic client authentication.
pub(crate) async fn token(
    State(s): State<Arc<GenesysShared>>,
    method: Method,
    headers: HeaderMap,
    body: Bytes,
) -> Response {
    if method != Method::POST {
        return oauth_error(
            StatusCode::METHOD_NOT_ALLOWED,
            "invalid_request",
            "the token endpoint only accepts POST",
        );
    }
    let authenticated = basic_credentials(&headers)
        .is_some_and(|(id, secret)| id == OAUTH_CLIENT_ID && secret == OAUTH_CLIENT_SECRET);
    if !authenticated {
        return oauth_error(
            StatusCode::BAD_REQUEST,
            "invalid_client",
            "authentication failed",
        );
    }
    let grant = url::form_urlencoded::parse(&body)
        .find(|(k, _)| k == "grant_type")
        .map(|(_, v)| v.into_owned());
    if grant.as_deref() != Some("client_credentials") {
        return oauth_error(
            StatusCode::BAD_REQUEST,
            "unsupported_grant_type",
            "grant type is not supported",
        );
    }
    let mut raw = Vec::with_capacity(48);
    for _ in 0..3 {
        raw.extend_from_slice(uuid::Uuid::new_v4().as_bytes());
    }
    let access_token = base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(raw);
    s.org().tokens.insert(access_token.clone());
    answer(
        StatusCode::OK,
        &json!({"access_token": access_token, "token_type": "bearer", "expires_in": 86399}),
    )
}

/// The requested page of a listing.
#[derive(Clone, Copy, Debug)]
struct Page {
    size: usize,
    number: usize,
}

/// The query parameters, decoded.
type Query = Vec<(String, String)>;

fn query_value<'a>(q: &'a Query, name: &str) -> Option<&'a str> {
    q.iter()
        .find(|(k, _)| k.eq_ignore_ascii_case(name))
        .map(|(_, v)| v.as_str())
}

fn page_of(q: &Query) -> Result<Page, ApiError> {
    let number_or = |name: &str, default: usize| -> Result<usize, ApiError> {
        match query_value(q, name) {
            None => Ok(default),
            Some(v) => v.trim().parse::<usize>().ok().filter(|n| *n >= 1).ok_or_else(|| {
                ApiError::new(
                    StatusCode::BAD_REQUEST,
                    "invalid.value",
                    &format!("The value '{v}' is not valid for {name}; it must be a whole number of at least 1."),
                )
            }),
        }
    };
    Ok(Page {
        size: number_or("pageSize", DEFAULT_PAGE_SIZE)?.min(MAX_PAGE_SIZE),
        number: number_or("pageNumber", 1)?,
    })
}

/// A listing envelope over `all`. `keep` names the query parameters repeated in the URIs;
/// `totals` adds `total`, `pageCount` and `lastUri` (the queue member listing has none of them).
fn envelope(
    all: Vec<Value>,
    page: Page,
    path: &str,
    q: &Query,
    keep: &[&str],
    totals: bool,
) -> Value {
    let total = all.len();
    let page_count = total.div_ceil(page.size);
    let start = (page.number - 1).saturating_mul(page.size);
    let entities: Vec<Value> = all.into_iter().skip(start).take(page.size).collect();
    let mut extra = String::new();
    for name in keep {
        if let Some(v) = query_value(q, name) {
            let mut ser = url::form_urlencoded::Serializer::new(String::new());
            ser.append_pair(name, v);
            extra.push('&');
            extra.push_str(&ser.finish());
        }
    }
    let uri = |n: usize| format!("{path}?pageSize={}&pageNumber={n}{extra}", page.size);
    let mut env = json!({
        "entities": entities,
        "pageSize": page.size,
        "pageNumber": page.number,
        "firstUri": uri(1),
        "selfUri": uri(page.number),
    });
    if totals {
        env["total"] = json!(total);
        env["pageCount"] = json!(page_count);
        env["lastUri"] = json!(uri(page_count.max(1)));
    }
    if start + page.size < total {
        env["nextUri"] = json!(uri(page.number + 1));
    }
    if page.number > 1 {
        env["previousUri"] = json!(uri(page.number - 1));
    }
    env
}

/// True when the request carries a token this emulator issued.
fn bearer_ok(s: &GenesysShared, headers: &HeaderMap) -> bool {
    let Some((scheme, token)) =
        header_str(headers, "authorization").and_then(|v| v.trim().split_once(' '))
    else {
        return false;
    };
    scheme.eq_ignore_ascii_case("bearer") && s.org().tokens.contains(token.trim())
}

/// Every `/api/v2/…` request.
pub(crate) async fn api(
    State(s): State<Arc<GenesysShared>>,
    method: Method,
    uri: Uri,
    headers: HeaderMap,
    body: Bytes,
) -> Response {
    if !bearer_ok(&s, &headers) {
        return api_error(
            StatusCode::UNAUTHORIZED,
            "bad.credentials",
            "Invalid login credentials.",
        );
    }
    if s.take_throttle() {
        let mut resp = api_error(
            StatusCode::TOO_MANY_REQUESTS,
            "too.many.requests",
            "Rate limit exceeded the maximum. [600] requests for [60] seconds",
        );
        set_header(&mut resp, "Retry-After", &s.retry_after);
        return resp;
    }
    let path = uri.path().to_string();
    let Some(rest) = path.strip_prefix("/api/v2/") else {
        return not_found_error();
    };
    let segs: Vec<String> = rest.split('/').map(|p| percent_decode(p, false)).collect();
    if segs.iter().any(String::is_empty) {
        return not_found_error();
    }
    let q: Query = url::form_urlencoded::parse(uri.query().unwrap_or("").as_bytes())
        .into_owned()
        .collect();
    let segs: Vec<&str> = segs.iter().map(String::as_str).collect();
    if method == Method::POST {
        return match segs.as_slice() {
            ["analytics", "conversations", "details", "query"] => {
                respond(conversation_api::details_query(&s, &body))
            }
            _ => not_found_error(),
        };
    }
    if method == Method::PUT {
        return match segs.as_slice() {
            ["integrations", "credentials", id] if *id != "types" => {
                respond(credential::put_credential(&s, id, &body))
            }
            _ => not_found_error(),
        };
    }
    if method == Method::PATCH {
        return match segs.as_slice() {
            ["integrations", id] if !is_reserved(id) => patch_integration(&s, id, &body),
            ["conversations", "emails", id] => respond(conversation_api::disconnect(&s, id, &body)),
            _ => not_found_error(),
        };
    }
    if method != Method::GET {
        return not_found_error();
    }
    match get(&s, &path, &segs, &q) {
        Ok(v) => answer(StatusCode::OK, &v),
        Err(e) => e.respond(),
    }
}

/// A 200 answer with the value, or the error.
fn respond(result: Result<Value, ApiError>) -> Response {
    match result {
        Ok(v) => answer(StatusCode::OK, &v),
        Err(e) => e.respond(),
    }
}

/// Path words under `/api/v2/integrations/` that are not integration ids.
fn is_reserved(seg: &str) -> bool {
    matches!(seg, "types" | "credentials")
}

fn found(v: Option<Value>) -> Result<Value, ApiError> {
    v.ok_or_else(ApiError::not_found)
}

/// Answers a GET below `/api/v2/`.
fn get(s: &GenesysShared, path: &str, segs: &[&str], q: &Query) -> Result<Value, ApiError> {
    let now = Utc::now();
    match segs {
        ["integrations"] => {
            let page = page_of(q)?;
            let mut org = s.org();
            org.settle(now);
            let type_filter = query_value(q, "integrationType");
            let state_filter = query_value(q, "reportedState");
            let list: Vec<Value> = org
                .integrations
                .iter()
                .map(|i| i.json())
                .filter(|i| type_filter.is_none_or(|t| i["integrationType"]["id"] == t))
                .filter(|i| state_filter.is_none_or(|c| i["reportedState"]["code"] == c))
                .collect();
            Ok(envelope(
                list,
                page,
                path,
                q,
                &["integrationType", "reportedState"],
                true,
            ))
        }
        ["integrations", "types"] => Ok(envelope(
            catalog::integration_types(),
            page_of(q)?,
            path,
            q,
            &[],
            true,
        )),
        ["integrations", "types", id] => found(catalog::integration_type(id)),
        ["integrations", "types", id, "configschemas", kind] => match *kind {
            "properties" => found(catalog::config_schema(id, false)),
            "advanced" => found(catalog::config_schema(id, true)),
            _ => Err(ApiError::not_found()),
        },
        ["integrations", "credentials"] => {
            let list = vec![s.org().credential_info()];
            Ok(envelope(list, page_of(q)?, path, q, &[], true))
        }
        // A bare array of CredentialType, not a listing (Platform API change recorded in the
        // Genesys SDKs' 255.0.0 release notes).
        ["integrations", "credentials", "types"] => Ok(Value::Array(catalog::credential_types())),
        ["integrations", "credentials", id] => found(s.org().credential(id)),
        ["integrations", id] => found(s.org().integration_mut(id, now).map(|i| i.json())),
        ["integrations", id, "config", "current"] => found(s.org().config_current(id)),
        ["routing", "email", "domains"] => {
            if s.org().scenario() == GenesysScenario::MissingPermission {
                return Err(ApiError::new(
                    StatusCode::FORBIDDEN,
                    "missing.permissions",
                    "Unable to perform the requested action. You are missing the following permission(s): routing:email:manage",
                ));
            }
            let list = s.org().domains();
            Ok(envelope(list, page_of(q)?, path, q, &[], true))
        }
        ["routing", "email", "domains", name] => found(s.org().domain(name)),
        ["routing", "email", "domains", name, "routes"] => {
            let page = page_of(q)?;
            let list = s.org().routes(name).ok_or_else(ApiError::not_found)?;
            Ok(envelope(list, page, path, q, &[], true))
        }
        ["routing", "queues", id] => found(s.org().queue(id)),
        ["routing", "queues", id, "members"] => members(s, path, id, q),
        ["flows", id] => found(s.org().flow(id)),
        ["emails", "settings"] => Ok(s.org().email_settings()),
        ["conversations", "emails", id] => conversation_api::email(s, id),
        _ => Err(ApiError::not_found()),
    }
}

/// `GET /api/v2/routing/queues/{id}/members` with `joined` and `expand=routingStatus`.
fn members(s: &GenesysShared, path: &str, id: &str, q: &Query) -> Result<Value, ApiError> {
    let page = page_of(q)?;
    let mut list = s.org().members(id).ok_or_else(ApiError::not_found)?;
    if let Some(joined) = query_value(q, "joined") {
        let want = joined.eq_ignore_ascii_case("true");
        list.retain(|m| m["joined"].as_bool() == Some(want));
    }
    let expand_status = query_value(q, "expand").is_some_and(|e| {
        e.split(',')
            .any(|x| x.trim().eq_ignore_ascii_case("routingStatus"))
    });
    if !expand_status {
        for m in &mut list {
            if let Some(o) = m.as_object_mut() {
                o.remove("routingStatus");
            }
        }
    }
    Ok(envelope(list, page, path, q, &["joined", "expand"], false))
}

/// `PATCH /api/v2/integrations/{id}`: only `intendedState` is acted on.
fn patch_integration(s: &GenesysShared, id: &str, body: &[u8]) -> Response {
    let Ok(patch) = serde_json::from_slice::<Value>(body) else {
        return api_error(
            StatusCode::BAD_REQUEST,
            "bad.request",
            "The request could not be understood by the server due to malformed syntax.",
        );
    };
    // Judged before the organization is locked: the validator asks the Entra emulator.
    let secret_ok = match patch.get("intendedState") {
        Some(Value::String(v)) if v == "ENABLED" => credential::secret_ok(s),
        _ => None,
    };
    let now = Utc::now();
    let mut org = s.org();
    if org.integration_mut(id, now).is_none() {
        return not_found_error();
    }
    match patch.get("intendedState") {
        None | Some(Value::Null) => {}
        Some(Value::String(v)) if v == "ENABLED" || v == "DISABLED" => {
            org.change_intended(id, v, now, secret_ok);
        }
        Some(other) => {
            return api_error(
                StatusCode::BAD_REQUEST,
                "invalid.value",
                &format!(
                    "The value {other} is not valid for intendedState; use ENABLED or DISABLED."
                ),
            );
        }
    }
    match org.integration_mut(id, now) {
        Some(i) => answer(StatusCode::OK, &i.json()),
        None => not_found_error(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn q(pairs: &[(&str, &str)]) -> Query {
        pairs
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect()
    }

    #[test]
    fn paging_envelope() {
        let all: Vec<Value> = (0..30).map(|i| json!(i)).collect();
        let query = q(&[("pageSize", "25"), ("pageNumber", "2"), ("x", "y")]);
        let env = envelope(
            all.clone(),
            page_of(&query).unwrap(),
            "/a",
            &query,
            &["x"],
            true,
        );
        assert_eq!(env["entities"].as_array().unwrap().len(), 5);
        assert_eq!(env["pageCount"], 2);
        assert_eq!(env["lastUri"], "/a?pageSize=25&pageNumber=2&x=y");
        assert!(env.get("nextUri").is_none());
        assert_eq!(env["previousUri"], "/a?pageSize=25&pageNumber=1&x=y");
        let first = envelope(all, page_of(&q(&[])).unwrap(), "/a", &q(&[]), &[], false);
        assert_eq!(first["nextUri"], "/a?pageSize=25&pageNumber=2");
        assert!(first.get("total").is_none());
        assert_eq!(page_of(&q(&[("pageSize", "500")])).unwrap().size, 100);
        assert!(page_of(&q(&[("pageNumber", "0")])).is_err());
    }
}
