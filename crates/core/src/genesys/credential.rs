//! The integration's credential in Genesys Cloud: the Azure app's client ID and secret the
//! Microsoft Graph integration signs in with. Nothing about its fields is assumed: the slot comes
//! from the integration's configuration, the field names from the credential type's properties
//! (the secret field is the one marked secret or named/titled so; the client field the one
//! named/titled client or application ID).

use super::client::{GenesysApi, GenesysFailure};
use super::model::Integration;
use crate::i18n::{args, Msg};
use crate::secret::ClientSecret;
use serde::Deserialize;
use std::collections::BTreeMap;

const VIEW: &[&str] = &["integrations:integration:view"];
const EDIT: &[&str] = &["integrations:integration:edit"];

/// Why the credential could not be updated.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum CredentialError {
    /// The Platform API refused or failed.
    Api(GenesysFailure),
    /// The integration has no credential, or its type names no secret field (what is wrong,
    /// as a catalog message).
    Unknown(Msg),
}

impl CredentialError {
    /// One line for people, in English (for logs; [`CredentialError::msg`] for the faces).
    pub fn describe(&self) -> String {
        match self {
            CredentialError::Api(f) => f.describe(),
            CredentialError::Unknown(m) => m.text(crate::i18n::Lang::En),
        }
    }

    /// The error as a catalog message.
    pub fn msg(&self) -> Msg {
        match self {
            CredentialError::Api(f) => f.msg(),
            CredentialError::Unknown(m) => m.clone(),
        }
    }
}

impl From<GenesysFailure> for CredentialError {
    fn from(f: GenesysFailure) -> Self {
        CredentialError::Api(f)
    }
}

#[derive(Deserialize, Default)]
struct Config {
    #[serde(default)]
    credentials: BTreeMap<String, Slot>,
}

#[derive(Deserialize, Default)]
struct Slot {
    #[serde(default)]
    id: Option<String>,
}

#[derive(Deserialize, Default, Clone)]
#[serde(rename_all = "camelCase")]
struct Credential {
    #[serde(default)]
    name: Option<String>,
    #[serde(default, rename = "type")]
    kind: Option<TypeRef>,
    #[serde(default)]
    credential_fields: Option<serde_json::Map<String, serde_json::Value>>,
}

#[derive(Deserialize, Default, Clone)]
struct TypeRef {
    #[serde(default)]
    name: Option<String>,
}

/// `GET /api/v2/integrations/credentials/types`. The Platform API answers a bare array of
/// `CredentialType` (the Genesys SDKs' release notes of 255.0.0 record the change from the
/// `CredentialTypeListing` envelope); the envelope is still understood, in case an organization
/// or a proxy answers the older shape.
#[derive(Deserialize)]
#[serde(untagged)]
enum TypeList {
    Array(Vec<CredentialType>),
    Listing {
        #[serde(default)]
        entities: Vec<CredentialType>,
    },
}

impl TypeList {
    fn types(&self) -> &[CredentialType] {
        match self {
            TypeList::Array(t) | TypeList::Listing { entities: t } => t,
        }
    }
}

#[derive(Deserialize)]
struct CredentialType {
    #[serde(default)]
    name: Option<String>,
    #[serde(default)]
    properties: Option<serde_json::Map<String, serde_json::Value>>,
}

/// The field names of a credential type: (client ID field, secret field).
fn fields_of(t: &CredentialType) -> (Option<String>, Option<String>) {
    let mut client = None;
    let mut secret = None;
    for (key, spec) in t.properties.iter().flatten() {
        let title = spec.get("title").and_then(|v| v.as_str()).unwrap_or("");
        let text = format!("{key} {title}").to_ascii_lowercase();
        let marked = spec
            .get("x-secret")
            .and_then(|v| v.as_bool())
            .unwrap_or(false)
            || spec.get("format").and_then(|v| v.as_str()) == Some("password");
        if marked || text.contains("secret") || text.contains("password") {
            secret.get_or_insert_with(|| key.clone());
        } else if text.contains("client") || text.contains("application") {
            client.get_or_insert_with(|| key.clone());
        }
    }
    (client, secret)
}

/// The credential's id and what a PUT needs besides the secret.
struct Found {
    id: String,
    name: Option<String>,
    type_name: String,
    fields: serde_json::Map<String, serde_json::Value>,
    client_field: Option<String>,
    secret_field: String,
}

async fn find(api: &GenesysApi<'_>, integration: &Integration) -> Result<Found, CredentialError> {
    let seg = crate::microsoft::cloud::path_segment;
    let config: Config = api
        .get(
            &format!(
                "/api/v2/integrations/{}/config/current",
                seg(&integration.id)
            ),
            VIEW,
        )
        .await?;
    let types: TypeList = api
        .get("/api/v2/integrations/credentials/types", VIEW)
        .await?;
    for slot in config.credentials.values() {
        let Some(id) = slot.id.clone() else { continue };
        let cred: Credential = api
            .get(
                &format!("/api/v2/integrations/credentials/{}", seg(&id)),
                VIEW,
            )
            .await?;
        let type_name = cred
            .kind
            .as_ref()
            .and_then(|k| k.name.clone())
            .unwrap_or_default();
        let Some(t) = types
            .types()
            .iter()
            .find(|t| t.name.as_deref() == Some(type_name.as_str()))
        else {
            continue;
        };
        let (client_field, secret_field) = fields_of(t);
        if let Some(secret_field) = secret_field {
            return Ok(Found {
                id,
                name: cred.name,
                type_name,
                fields: cred.credential_fields.unwrap_or_default(),
                client_field,
                secret_field,
            });
        }
    }
    Err(CredentialError::Unknown(Msg::new(
        "azure-credential-no-secret-field",
        args([("integration", integration.label())]),
    )))
}

fn version_conflict(f: &GenesysFailure) -> bool {
    match f {
        GenesysFailure::Api {
            status,
            message,
            code,
            ..
        } => {
            *status == 409
                || code.as_deref() == Some("conflict")
                || message
                    .as_deref()
                    .is_some_and(|m| m.contains("does not match the current version"))
        }
        _ => false,
    }
}

/// The failure with the secret taken out of anything the server sent back.
fn redact(f: GenesysFailure, secret: &str) -> GenesysFailure {
    match f {
        GenesysFailure::Api {
            status,
            code,
            message,
            context_id,
        } => GenesysFailure::Api {
            status,
            code,
            message: message.map(|m| crate::http::redact_text(m, secret)),
            context_id,
        },
        GenesysFailure::Http(h) => GenesysFailure::Http(h.redact(secret)),
        other => other,
    }
}

/// Puts `secret` (and `client_id`) into the integration's credential; returns the credential's
/// id. A version conflict (someone else saved it meanwhile) is read again and retried once.
pub async fn update_secret(
    api: &GenesysApi<'_>,
    integration: &Integration,
    client_id: &str,
    secret: &ClientSecret,
) -> Result<String, CredentialError> {
    for attempt in 0..2 {
        let found = find(api, integration).await?;
        let mut fields = found.fields.clone();
        if let Some(c) = &found.client_field {
            fields.insert(c.clone(), client_id.into());
        }
        fields.insert(found.secret_field.clone(), secret.expose().into());
        let body = serde_json::json!({
            "name": found.name.clone().unwrap_or_else(|| "Microsoft Graph".to_string()),
            "type": {"name": found.type_name},
            "credentialFields": fields,
        });
        let path = format!(
            "/api/v2/integrations/credentials/{}",
            crate::microsoft::cloud::path_segment(&found.id)
        );
        match api.put::<serde_json::Value>(&path, &body, EDIT).await {
            Ok(_) => return Ok(found.id),
            Err(f) if attempt == 0 && version_conflict(&f) => continue,
            Err(f) => return Err(redact(f, secret.expose()).into()),
        }
    }
    Err(CredentialError::Unknown(Msg::plain(
        "azure-credential-kept-changing",
    )))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn t(props: serde_json::Value) -> CredentialType {
        CredentialType {
            name: Some("x".into()),
            properties: props.as_object().cloned(),
        }
    }

    fn names(body: &str) -> Vec<String> {
        let list: TypeList = serde_json::from_str(body).expect("a credential types answer");
        list.types().iter().filter_map(|t| t.name.clone()).collect()
    }

    #[test]
    fn credential_types_are_read_as_a_bare_array_and_as_the_older_envelope() {
        let item = r#"{"id":"1","name":"microsoftGraphClientCredentials","properties":{}}"#;
        assert_eq!(
            names(&format!("[{item}]")),
            ["microsoftGraphClientCredentials"]
        );
        assert_eq!(
            names(&format!(r#"{{"entities":[{item}],"pageSize":25}}"#)),
            ["microsoftGraphClientCredentials"]
        );
        assert!(names("[]").is_empty());
    }

    #[test]
    fn fields_are_found_by_marks_names_and_titles() {
        let a = t(serde_json::json!({
            "clientId": {"title": "Application (client) ID"},
            "clientSecret": {"title": "Client secret", "x-secret": true}
        }));
        assert_eq!(
            fields_of(&a),
            (Some("clientId".into()), Some("clientSecret".into()))
        );
        let b = t(serde_json::json!({
            "appKey": {"title": "Application ID"},
            "value": {"title": "Value", "format": "password"}
        }));
        assert_eq!(fields_of(&b), (Some("appKey".into()), Some("value".into())));
        let none = t(serde_json::json!({"tenant": {"title": "Tenant"}}));
        assert_eq!(fields_of(&none), (None, None));
    }
}
