//! The `Authorization: Bearer` check of every Graph request: signature, lifetime and audience,
//! and who the token says is calling.

use axum::http::HeaderMap;
use chrono::Utc;
use serde_json::Value;

use crate::aad::is_graph_audience;
use crate::jwt::TokenError;
use crate::state::Shared;
use crate::wire::header_str;

use super::error::GraphError;
use super::request::Caller;

/// Checks the `Authorization: Bearer` token.
pub(super) fn authenticate(s: &Shared, headers: &HeaderMap) -> Result<Caller, GraphError> {
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
