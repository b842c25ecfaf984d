//! The Microsoft Graph integration's credential: its stored client ID and secret,
//! `PUT /api/v2/integrations/credentials/{id}` that replaces them, and the connection to the
//! Entra emulator's secret check ([`super::GenesysEmulator::use_secret_validator`]) that decides whether
//! enabling the integration ends `ACTIVE` or in an authentication error.
//!
//! The PUT body is `{"name": …, "type": {"name": "microsoftGraphClientCredentials"},
//! "credentialFields": {"clientId": …, "clientSecret": …}}`; every field is required (400
//! `invalid.value` naming the first missing or wrong one, 400 `bad.request` for a body that is
//! not JSON). It answers 200 with the CredentialInfo (`id`, `name`, `createdDate`,
//! `modifiedDate`, `type`, `selfUri`), never the secret; no GET shows the secret either. The
//! `CredentialForbidden` scenario answers 403 `missing.permissions` naming
//! `integrations:integration:edit`; the `CredentialConflict` scenario answers the first PUT 409
//! `conflict` without changing anything.

use axum::http::StatusCode;
use chrono::Utc;
use serde_json::Value;

use super::catalog::GRAPH_CREDENTIAL_TYPE;
use super::error::ApiError;
use super::model::CREDENTIAL_ID;
use super::scenario::GenesysScenario;
use super::state::GenesysShared;
use crate::wire::lock;

/// The permission a credential update needs.
const EDIT_PERMISSION: &str = "integrations:integration:edit";

/// The connected validator's judgement of the credential's (client ID, secret) right now;
/// `None` when no validator is connected. A credential without a secret is invalid. The
/// organization lock is not held while the validator runs.
pub(crate) fn secret_ok(s: &GenesysShared) -> Option<bool> {
    let validator = lock(&s.validator).clone()?;
    let (client_id, secret) = {
        let org = s.org();
        (org.cred.client_id.clone(), org.cred.secret.clone())
    };
    Some(secret.is_some_and(|secret| validator(&client_id, &secret)))
}

fn invalid(message: &str) -> ApiError {
    ApiError::new(StatusCode::BAD_REQUEST, "invalid.value", message)
}

/// A non-empty string field, or the `invalid.value` error naming it.
fn text_field<'a>(v: Option<&'a Value>, name: &str) -> Result<&'a str, ApiError> {
    v.and_then(Value::as_str)
        .map(str::trim)
        .filter(|t| !t.is_empty())
        .ok_or_else(|| {
            invalid(&format!(
                "The field '{name}' is required and must be a non-empty string."
            ))
        })
}

/// `PUT /api/v2/integrations/credentials/{id}`.
pub(crate) fn put_credential(s: &GenesysShared, id: &str, body: &[u8]) -> Result<Value, ApiError> {
    if !id.eq_ignore_ascii_case(CREDENTIAL_ID) {
        return Err(ApiError::not_found());
    }
    let mut org = s.org();
    if org.scenario() == GenesysScenario::CredentialForbidden {
        return Err(ApiError::new(
            StatusCode::FORBIDDEN,
            "missing.permissions",
            &format!("Unable to perform the requested action. You are missing the following permission(s): {EDIT_PERMISSION}"),
        ));
    }
    if org.cred.conflict_pending {
        org.cred.conflict_pending = false;
        return Err(ApiError::new(
            StatusCode::CONFLICT,
            "conflict",
            "The version of the credential you are updating does not match the current version. Reload the credential and try again.",
        ));
    }
    let body: Value = serde_json::from_slice(body).map_err(|_| {
        ApiError::new(
            StatusCode::BAD_REQUEST,
            "bad.request",
            "The request could not be understood by the server due to malformed syntax.",
        )
    })?;
    let name = text_field(body.get("name"), "name")?;
    let type_name = text_field(body.get("type").and_then(|t| t.get("name")), "type.name")?;
    if type_name != GRAPH_CREDENTIAL_TYPE {
        return Err(invalid(&format!(
            "The credential type '{type_name}' is not valid for this credential; use '{GRAPH_CREDENTIAL_TYPE}'."
        )));
    }
    let fields = body.get("credentialFields");
    let client_id = text_field(
        fields.and_then(|f| f.get("clientId")),
        "credentialFields.clientId",
    )?;
    let secret = text_field(
        fields.and_then(|f| f.get("clientSecret")),
        "credentialFields.clientSecret",
    )?;
    org.cred.name = name.to_string();
    org.cred.client_id = client_id.to_string();
    org.cred.secret = Some(secret.to_string());
    org.cred.modified = Utc::now();
    Ok(org.credential_info())
}
