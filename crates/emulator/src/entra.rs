//! Entra ID (login.microsoftonline.com) endpoints: tenant discovery, the token endpoint (client
//! credentials here; authorization code and device code in [`crate::signin`]) and the signing
//! keys, with AADSTS error bodies shaped like the real service's.

use std::sync::Arc;

use axum::body::Bytes;
use axum::extract::State;
use axum::http::{HeaderMap, Method, StatusCode, Uri};
use axum::response::Response;
use base64::engine::general_purpose::{STANDARD, URL_SAFE_NO_PAD};
use base64::Engine as _;
use chrono::{DateTime, Utc};
use serde_json::{json, Map, Value};

use crate::aad::{
    is_tenant_alias, parse_form, resolve_tenant, AadError, AadIds, AAD_JSON, GRAPH_RESOURCES,
    TOKEN_LIFETIME,
};
use crate::model::app_role_name;
use crate::secrets::accepted_secret;
use crate::signin::device::{poll_device, DEVICE_CODE_GRANT};
use crate::signin::token::redeem_code;
use crate::state::Shared;
use crate::wire::{first_segment, header_str, json_response, percent_decode, set_header};

/// The id of the tenant a `GET` metadata endpoint's path names, or the AADSTS error for another
/// method or an unknown tenant.
fn requested_tenant(s: &Shared, method: &Method, uri: &Uri) -> Result<String, AadError> {
    if method != Method::GET && method != Method::HEAD {
        return Err(AadError::method_not_allowed("GET, OPTIONS", method));
    }
    let ident = first_segment(uri.path());
    let dir = s.dir();
    resolve_tenant(&dir.tenants, &ident, "invalid_tenant").map(|t| t.id.clone())
}

/// The host Entra ID's discovery document names in `issuer`.
const ENTRA_ISSUER_HOST: &str = "https://login.microsoftonline.com";

/// `GET /{tenant}/v2.0/.well-known/openid-configuration`
pub(crate) async fn discovery(
    State(s): State<Arc<Shared>>,
    method: Method,
    uri: Uri,
    headers: HeaderMap,
) -> Response {
    let ids = AadIds::new(&headers);
    let tid = match requested_tenant(&s, &method, &uri) {
        Ok(tid) => tid,
        Err(e) => return e.respond(&ids),
    };
    let base = s.request_base(&headers);
    let body = json!({
        "token_endpoint": format!("{base}/{tid}/oauth2/v2.0/token"),
        "token_endpoint_auth_methods_supported": ["client_secret_post", "private_key_jwt", "client_secret_basic"],
        "jwks_uri": format!("{base}/{tid}/discovery/v2.0/keys"),
        "response_modes_supported": ["query", "fragment", "form_post"],
        "subject_types_supported": ["pairwise"],
        "id_token_signing_alg_values_supported": ["RS256"],
        "response_types_supported": ["code", "id_token", "code id_token", "id_token token"],
        "scopes_supported": ["openid", "profile", "email", "offline_access"],
        // Entra ID names its public host as the issuer whatever host answered (v2-protocols-oidc.md).
        "issuer": format!("{ENTRA_ISSUER_HOST}/{tid}/v2.0"),
        "request_uri_parameter_supported": false,
        "userinfo_endpoint": format!("{base}/oidc/userinfo"),
        "authorization_endpoint": format!("{base}/{tid}/oauth2/v2.0/authorize"),
        "device_authorization_endpoint": format!("{base}/{tid}/oauth2/v2.0/devicecode"),
        "http_logout_supported": true,
        "frontchannel_logout_supported": true,
        "end_session_endpoint": format!("{base}/{tid}/oauth2/v2.0/logout"),
        "claims_supported": ["sub", "iss", "cloud_instance_name", "cloud_instance_host_name", "cloud_graph_host_name", "msgraph_host", "aud", "exp", "iat", "auth_time", "acr", "nonce", "preferred_username", "name", "tid", "ver", "at_hash", "c_hash", "email"],
        "kerberos_endpoint": format!("{base}/{tid}/kerberos"),
        "tenant_region_scope": "WW",
        "cloud_instance_name": "microsoftonline.com",
        "cloud_graph_host_name": "graph.windows.net",
        "msgraph_host": "graph.microsoft.com",
        "rbac_url": "https://pas.windows.net",
    });
    let mut resp = json_response(StatusCode::OK, &body, AAD_JSON);
    set_header(&mut resp, "x-ms-request-id", &ids.trace_id);
    resp
}

/// `GET /{tenant}/discovery/v2.0/keys`: no public keys, since tokens are signed with a secret key.
pub(crate) async fn keys(
    State(s): State<Arc<Shared>>,
    method: Method,
    uri: Uri,
    headers: HeaderMap,
) -> Response {
    let ids = AadIds::new(&headers);
    match requested_tenant(&s, &method, &uri) {
        Ok(_) => json_response(StatusCode::OK, &json!({"keys": []}), AAD_JSON),
        Err(e) => e.respond(&ids),
    }
}

/// `client_id` and `client_secret` from an HTTP Basic `Authorization` header.
fn basic_credentials(headers: &HeaderMap) -> Option<(String, String)> {
    let value = header_str(headers, "authorization")?.trim();
    let (scheme, rest) = value.split_once(' ')?;
    if !scheme.eq_ignore_ascii_case("basic") {
        return None;
    }
    let decoded = STANDARD.decode(rest.trim()).ok()?;
    let text = String::from_utf8(decoded).ok()?;
    let (id, secret) = text.split_once(':')?;
    Some((percent_decode(id, true), percent_decode(secret, true)))
}

/// The audience for a client-credentials `scope`, or the AADSTS error for a bad one.
fn audience_for_scope(scope: &str, own_bases: &[&str]) -> Result<String, AadError> {
    let invalid = || {
        AadError::new(
            StatusCode::BAD_REQUEST,
            "invalid_scope",
            70011,
            format!(
                "The provided value for the input parameter 'scope' is not valid. The scope {scope} is not valid."
            ),
        )
    };
    let mut items = scope.split_whitespace();
    let (Some(item), None) = (items.next(), items.next()) else {
        return Err(invalid());
    };
    // A permission name instead of `/.default` has its own code in Entra ID (AADSTS1002012).
    let Some(resource) = item.strip_suffix("/.default") else {
        return Err(AadError::new(
            StatusCode::BAD_REQUEST,
            "invalid_scope",
            1002012,
            format!(
                "The provided value for scope {item} is not valid. Client credential flows must have a scope value with /.default suffixed to the resource identifier (application ID URI)."
            ),
        ));
    };
    let resource = resource.trim_end_matches('/');
    if let Some((_, aud)) = GRAPH_RESOURCES
        .iter()
        .find(|(r, _)| r.eq_ignore_ascii_case(resource))
    {
        return Ok((*aud).to_string());
    }
    if own_bases
        .iter()
        .any(|b| b.trim_end_matches('/').eq_ignore_ascii_case(resource))
    {
        return Ok("https://graph.microsoft.com".to_string());
    }
    // A `/.default` of a resource the tenant does not know (AADSTS500011).
    Err(AadError::new(
        StatusCode::BAD_REQUEST,
        "invalid_resource",
        500011,
        format!(
            "The resource principal named {resource} was not found in the tenant. This can happen if the application has not been installed by the administrator of the tenant or consented to by any user in the tenant. You might have sent your authentication request to the wrong tenant."
        ),
    ))
}

/// `POST /{tenant}/oauth2/v2.0/token`
pub(crate) async fn token(
    State(s): State<Arc<Shared>>,
    method: Method,
    uri: Uri,
    headers: HeaderMap,
    body: Bytes,
) -> Response {
    let ids = AadIds::new(&headers);
    ids.answer(token_inner(&s, &method, &uri, &headers, &body, ids.now))
}

fn token_inner(
    s: &Shared,
    method: &Method,
    uri: &Uri,
    headers: &HeaderMap,
    body: &[u8],
    now: DateTime<Utc>,
) -> Result<Value, AadError> {
    if method != Method::POST {
        return Err(AadError::method_not_allowed("POST, OPTIONS", method));
    }
    let ident = first_segment(uri.path());
    let dir = s.dir();
    let form = parse_form(body);
    let field = |name: &str| form.get(name).map(|v| v.trim()).filter(|v| !v.is_empty());
    let interactive_grant = matches!(
        field("grant_type"),
        Some("authorization_code") | Some(DEVICE_CODE_GRANT)
    );
    let tenant = match resolve_tenant(&dir.tenants, &ident, "invalid_request") {
        Ok(t) => Some(t),
        Err(_) if interactive_grant && is_tenant_alias(&ident) => None,
        Err(e) => return Err(e),
    };

    let basic = basic_credentials(headers);

    let grant_type =
        field("grant_type").ok_or_else(|| AadError::missing_parameter("grant_type"))?;
    match grant_type {
        "client_credentials" => {}
        "authorization_code" => return redeem_code(s, &dir.tenants, tenant, &form, now),
        DEVICE_CODE_GRANT => return poll_device(s, &dir.tenants, tenant, &form, now),
        other => {
            return Err(AadError::new(
                StatusCode::BAD_REQUEST,
                "unsupported_grant_type",
                70003,
                format!("The app requested an unsupported grant type '{other}'."),
            ))
        }
    }

    let client_id = field("client_id")
        .map(str::to_string)
        .or_else(|| basic.as_ref().map(|(id, _)| id.trim().to_string()))
        .filter(|v| !v.is_empty())
        .ok_or_else(|| AadError::missing_parameter("client_id"))?;
    let scope = field("scope").ok_or_else(|| AadError::missing_parameter("scope"))?;
    let request_base = s.request_base(headers);
    let audience = audience_for_scope(scope, &[&s.base_url, &request_base])?;
    let Some(tenant) = tenant else {
        return Err(AadError::missing_parameter("tenant"));
    };

    // An app created through Graph is unknown here until it has replicated.
    let app = tenant
        .app(&client_id)
        .filter(|a| {
            s.object_replication.is_usable(&a.app_id)
                && (!a.has_service_principal || s.object_replication.is_usable(&a.sp_id))
        })
        .ok_or_else(|| {
        AadError::new(
            StatusCode::BAD_REQUEST,
            "unauthorized_client",
            700016,
            format!(
                "Application with identifier '{client_id}' was not found in the directory '{}'. This can happen if the application has not been installed by the administrator of the tenant or consented to by any user in the tenant. You may have sent your authentication request to the wrong tenant.",
                tenant.display_name
            ),
        )
    })?;
    if !app.has_service_principal {
        return Err(AadError::new(
            StatusCode::BAD_REQUEST,
            "invalid_client",
            7000229,
            format!(
                "The client application {} is missing service principal in the tenant {}. See instructions here: https://go.microsoft.com/fwlink/?linkid=2225119",
                app.app_id, tenant.id
            ),
        ));
    }
    if !app.enabled {
        return Err(AadError::new(
            StatusCode::BAD_REQUEST,
            "unauthorized_client",
            7000112,
            format!(
                "Application '{}'({}) is disabled.",
                app.app_id, app.display_name
            ),
        ));
    }

    let secret = form
        .get("client_secret")
        .cloned()
        .filter(|v| !v.is_empty())
        .or_else(|| basic.as_ref().map(|(_, secret)| secret.clone()))
        .filter(|v| !v.is_empty())
        .ok_or_else(|| {
            AadError::new(
                StatusCode::BAD_REQUEST,
                "invalid_request",
                7000218,
                "The request body must contain the following parameter: 'client_assertion' or 'client_secret'."
                    .to_string(),
            )
        })?;
    // A secret still replicating after addPassword is refused like a wrong one.
    let matching = accepted_secret(&s.replication, app, &secret).ok_or_else(|| {
            AadError::new(
                StatusCode::UNAUTHORIZED,
                "invalid_client",
                7000215,
                format!(
                    "Invalid client secret provided. Ensure the secret being sent in the request is the client secret value, not the client secret ID, for a secret added to app '{}'.",
                    app.app_id
                ),
            )
        })?;
    if matching.end <= now {
        return Err(AadError::new(
            StatusCode::UNAUTHORIZED,
            "invalid_client",
            7000222,
            format!(
                "The provided client secret keys for app '{}' are expired. Visit the Azure portal to create new keys for your app: https://aka.ms/NewClientSecret, or consider using certificate credentials for added security: https://aka.ms/certCreds.",
                app.app_id
            ),
        ));
    }

    let iat = now.timestamp();
    let issuer = format!("https://sts.windows.net/{}/", tenant.id);
    let mut claims = Map::new();
    claims.insert("aud".into(), json!(audience));
    claims.insert("iss".into(), json!(issuer));
    claims.insert("iat".into(), json!(iat));
    claims.insert("nbf".into(), json!(iat));
    claims.insert("exp".into(), json!(iat + TOKEN_LIFETIME));
    claims.insert("app_displayname".into(), json!(app.display_name));
    claims.insert("appid".into(), json!(app.app_id));
    claims.insert("appidacr".into(), json!("1"));
    claims.insert("idp".into(), json!(issuer));
    claims.insert("idtyp".into(), json!("app"));
    claims.insert("oid".into(), json!(app.sp_id));
    let mut roles: Vec<&str> = Vec::new();
    for id in &app.consented_app_roles {
        if let Some(name) = app_role_name(id) {
            if !roles.contains(&name) {
                roles.push(name);
            }
        }
    }
    if !roles.is_empty() {
        claims.insert("roles".into(), json!(roles));
    }
    claims.insert("sub".into(), json!(app.sp_id));
    claims.insert("tenant_region_scope".into(), json!("WW"));
    claims.insert("tid".into(), json!(tenant.id));
    claims.insert(
        "uti".into(),
        json!(URL_SAFE_NO_PAD.encode(uuid::Uuid::new_v4().as_bytes())),
    );
    claims.insert("ver".into(), json!("1.0"));
    let access_token = s.signer.issue(&claims);
    Ok(json!({
        "token_type": "Bearer",
        "expires_in": TOKEN_LIFETIME,
        "ext_expires_in": TOKEN_LIFETIME,
        "access_token": access_token,
    }))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scopes() {
        let own = ["http://127.0.0.1:5000"];
        assert_eq!(
            audience_for_scope("https://graph.microsoft.com/.default", &own)
                .ok()
                .as_deref(),
            Some("https://graph.microsoft.com")
        );
        assert_eq!(
            audience_for_scope("https://graph.microsoft.us//.default", &own)
                .ok()
                .as_deref(),
            Some("https://graph.microsoft.us")
        );
        assert!(audience_for_scope("http://127.0.0.1:5000/.default", &own).is_ok());
        assert!(audience_for_scope("https://graph.microsoft.com/Mail.Send", &own).is_err());
        assert!(audience_for_scope("https://example.com/.default", &own).is_err());
        assert!(audience_for_scope(
            "https://graph.microsoft.com/.default https://graph.microsoft.us/.default",
            &own
        )
        .is_err());
    }
}
