//! `ANY /v1.0/{*rest}`: authenticates the token, applies the tenant's throttling, and hands the
//! request to [`crate::rotation`], [`crate::mail`], the app registration endpoints
//! ([`super::setup`]) or the directory reads ([`super::apps`], [`super::delegated`]); also the
//! answer for paths no endpoint serves.

use std::sync::Arc;

use axum::body::Bytes;
use axum::extract::State;
use axum::http::{HeaderMap, Method, StatusCode, Uri};
use axum::response::{IntoResponse, Response};
use serde_json::Value;

use crate::state::Shared;
use crate::wire::json_response;

use super::apps::dispatch;
use super::auth::authenticate;
use super::delegated::dispatch_delegated;
use super::error::{resource_not_found, GraphError, GraphIds, GRAPH_JSON};
use super::path::{parse_path, resolve, Resource};
use super::request::{max_page_size, Answer, GraphRequest, Query};

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
        return Err(GraphError::new(
            StatusCode::TOO_MANY_REQUESTS,
            "TooManyRequests",
            "Too many requests. Retry after the interval given in the Retry-After header.",
        )
        .retry(&s.retry_after));
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
        return crate::mail::endpoint::handle(s, &mut dir, ti, &req, user, path, body);
    }
    if let Some(a) = super::setup::route(s, &mut dir.tenants[ti], &req, body) {
        return a;
    }
    let tenant = &dir.tenants[ti];
    let ok = |v: Value| Answer::Json(StatusCode::OK, v);
    let answer = if caller.is_delegated() {
        dispatch_delegated(&req, tenant, &s.object_replication)?
    } else {
        let app = tenant
            .app(&caller.app_id)
            .ok_or_else(|| GraphError::unauthenticated("Access token validation failure."))?;
        dispatch(&req, tenant, app)?
    };
    super::select::apply(&req, answer).map(ok)
}

/// Any path no endpoint serves.
pub(crate) async fn not_found(headers: HeaderMap) -> Response {
    let ids = GraphIds::new(&headers);
    resource_not_found().respond(&ids)
}
