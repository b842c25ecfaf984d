//! The Microsoft Graph integration's credential: its stored client ID and secret,
//! `PUT /api/v2/integrations/credentials/{id}` that replaces them, and the connection to the
//! Entra emulator's secret check ([`GenesysEmulator::use_secret_validator`]) that decides whether
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

use std::fmt;

use axum::http::StatusCode;
use chrono::{DateTime, Utc};
use serde_json::Value;

use super::api::ApiError;
use super::catalog::GRAPH_CREDENTIAL_TYPE;
use super::model::{CREDENTIAL_ID, CREDENTIAL_NAME, OTHER_APP_CLIENT_ID};
use super::{GenesysEmulator, GenesysOptions, GenesysScenario, GenesysShared};
use crate::secrets::SecretValidator;
use crate::server::lock;

/// The permission a credential update needs.
const EDIT_PERMISSION: &str = "integrations:integration:edit";

/// What the Graph integration's credential holds.
#[derive(Clone)]
pub(crate) struct CredentialState {
    /// The credential's name.
    pub name: String,
    /// The Azure app's client ID.
    pub client_id: String,
    /// The Azure app's client secret; `None` when none was ever stored.
    pub secret: Option<String>,
    /// When the credential last changed.
    pub modified: DateTime<Utc>,
    /// Whether the next update is refused with 409 (`CredentialConflict`).
    pub conflict_pending: bool,
}

impl fmt::Debug for CredentialState {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("CredentialState")
            .field("name", &self.name)
            .field("client_id", &self.client_id)
            .field("secret", &self.secret.as_ref().map(|_| "<redacted>"))
            .field("modified", &self.modified)
            .field("conflict_pending", &self.conflict_pending)
            .finish()
    }
}

impl CredentialState {
    /// The credential `opts` describes, last changed at `since`.
    pub(crate) fn new(opts: &GenesysOptions, since: DateTime<Utc>) -> Self {
        let client_id = if opts.scenario == GenesysScenario::OtherApp {
            OTHER_APP_CLIENT_ID.to_string()
        } else {
            opts.azure_client_id.clone()
        };
        CredentialState {
            name: CREDENTIAL_NAME.to_string(),
            client_id,
            secret: opts.initial_secret.clone(),
            modified: since,
            conflict_pending: opts.scenario == GenesysScenario::CredentialConflict,
        }
    }
}

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

impl GenesysEmulator {
    /// Connects the integration to a secret check, normally [`crate::Emulator::secret_validator`]
    /// of the Entra emulator: from now on enabling the integration (`PATCH` with
    /// `intendedState: ENABLED`) ends `ACTIVE` only when the credential's current client ID and
    /// secret are valid at the moment the request arrives, else `ERROR` with the detail "Unable
    /// to authenticate with Microsoft Graph: AADSTS7000215: Invalid client secret provided.".
    /// A scenario's own activation error still applies. Replaces an earlier validator.
    pub fn use_secret_validator(&self, v: SecretValidator) {
        *lock(&self.shared.validator) = Some(v);
    }

    /// Whether the credential's current client ID and secret are valid now, judged by the
    /// connected validator; `None` when no validator is connected.
    pub fn credential_secret_is_valid(&self) -> Option<bool> {
        secret_ok(&self.shared)
    }

    /// The client secret the integration's credential holds right now. For tests only: Genesys
    /// Cloud never shows a stored secret.
    pub fn credential_secret(&self) -> Option<String> {
        self.shared.org().cred.secret.clone()
    }
}
