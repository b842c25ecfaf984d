//! Delegated Graph tokens for the tenant's administrator, and redeeming an authorization code
//! (`grant_type=authorization_code`, with its PKCE check) at the token endpoint.

use std::collections::HashMap;

use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine as _;
use chrono::{DateTime, Utc};
use serde_json::{json, Map, Value};
use sha2::{Digest, Sha256};

use crate::aad::{AadError, TOKEN_LIFETIME};
use crate::model::Tenant;
use crate::state::Shared;
use crate::wire::lock;

use super::params::{bad_request, param};
use super::scopes::{scp_names, OIDC_SCOPES};

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

/// Issues a delegated Graph token for the tenant's administrator.
pub(super) fn delegated_token(
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
    if s.admin_is_guest {
        // A guest (B2B) administrator, as at an MSP: no `upn` claim, `unique_name` names the
        // home account.
        claims.insert(
            "unique_name".into(),
            json!(format!("live.com#{}", admin.upn)),
        );
        claims.insert("idp".into(), json!("live.com"));
    } else {
        claims.insert("unique_name".into(), json!(admin.upn));
        claims.insert("upn".into(), json!(admin.upn));
    }
    claims.insert(
        "uti".into(),
        json!(URL_SAFE_NO_PAD.encode(uuid::Uuid::new_v4().as_bytes())),
    );
    claims.insert("ver".into(), json!("1.0"));
    // The administrator's role and the default user role.
    claims.insert(
        "wids".into(),
        json!([
            s.admin_role.template_id(),
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

pub(super) fn invalid_grant(code: u32, message: impl Into<String>) -> AadError {
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::signin::codes::user_code;

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
