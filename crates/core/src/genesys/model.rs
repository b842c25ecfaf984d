//! The Platform API's JSON, as far as graphwiz reads it. Every field is optional or defaulted:
//! an organization may omit what it does not use, and a newer API may add fields.

use serde::Deserialize;
use std::collections::BTreeMap;

/// A paged listing (`entities` plus paging links).
#[derive(Debug, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Listing<T> {
    /// This page's items.
    #[serde(default = "Vec::new")]
    pub entities: Vec<T>,
    /// Number of pages, when the listing tells (queue members do not).
    pub page_count: Option<u32>,
    /// The next page, relative to the API host, when there is one.
    pub next_uri: Option<String>,
}

/// A reference to another entity.
#[derive(Clone, Debug, Default, Deserialize, PartialEq, Eq)]
pub struct EntityRef {
    /// Its id.
    #[serde(default)]
    pub id: Option<String>,
    /// Its name, when sent.
    #[serde(default)]
    pub name: Option<String>,
}

/// An integration type (`GET /api/v2/integrations/types`).
#[derive(Clone, Debug, Deserialize)]
pub struct IntegrationType {
    /// Its id (not documented for the Graph email type: found by name at run time).
    pub id: String,
    /// Its name.
    #[serde(default)]
    pub name: Option<String>,
    /// Its description.
    #[serde(default)]
    pub description: Option<String>,
    /// Its category.
    #[serde(default)]
    pub category: Option<String>,
}

/// `MessageInfo`.
#[derive(Clone, Debug, Default, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct MessageInfo {
    /// The message.
    pub message: Option<String>,
    /// The message with its parameters filled in.
    pub message_with_params: Option<String>,
}

/// `IntegrationStatusInfo`: what the integration reports.
#[derive(Clone, Debug, Default, Deserialize)]
pub struct StatusInfo {
    /// ACTIVE, ACTIVATING, INACTIVE, DEACTIVATING or ERROR.
    #[serde(default)]
    pub code: Option<String>,
    /// The admin UI's word for it.
    #[serde(default)]
    pub effective: Option<String>,
    /// Why, when it is not active.
    #[serde(default)]
    pub detail: Option<MessageInfo>,
}

impl StatusInfo {
    /// The detail message, when there is one.
    pub fn detail_text(&self) -> Option<String> {
        let d = self.detail.as_ref()?;
        d.message_with_params
            .clone()
            .or_else(|| d.message.clone())
            .filter(|m| !m.trim().is_empty())
    }
}

/// An integration (`GET /api/v2/integrations`).
#[derive(Clone, Debug, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Integration {
    /// Its id.
    pub id: String,
    /// Its name as the admin gave it.
    #[serde(default)]
    pub name: Option<String>,
    /// Its type.
    #[serde(default)]
    pub integration_type: Option<EntityRef>,
    /// ENABLED or DISABLED (the admin's switch).
    #[serde(default)]
    pub intended_state: Option<String>,
    /// What it reports.
    #[serde(default)]
    pub reported_state: Option<StatusInfo>,
}

impl Integration {
    /// Its name, or its id when it has none.
    pub fn label(&self) -> String {
        self.name.clone().unwrap_or_else(|| self.id.clone())
    }
    /// `reportedState.code`, upper case, or `UNKNOWN`.
    pub fn reported_code(&self) -> String {
        self.reported_state
            .as_ref()
            .and_then(|s| s.code.clone())
            .map(|c| c.to_ascii_uppercase())
            .unwrap_or_else(|| "UNKNOWN".to_string())
    }
    /// `intendedState`, upper case, or `UNKNOWN`.
    pub fn intended(&self) -> String {
        self.intended_state
            .clone()
            .map(|c| c.to_ascii_uppercase())
            .unwrap_or_else(|| "UNKNOWN".to_string())
    }
}

/// `CredentialInfo` in an integration's configuration.
#[derive(Clone, Debug, Default, Deserialize)]
pub struct CredentialInfo {
    /// The credential's id.
    #[serde(default)]
    pub id: Option<String>,
}

/// `IntegrationConfiguration` (`GET /api/v2/integrations/{id}/config/current`).
#[derive(Clone, Debug, Default, Deserialize)]
pub struct IntegrationConfig {
    /// Properties (keys differ per integration type).
    #[serde(default)]
    pub properties: Option<serde_json::Value>,
    /// Advanced properties.
    #[serde(default)]
    pub advanced: Option<serde_json::Value>,
    /// Credentials by slot.
    #[serde(default)]
    pub credentials: Option<BTreeMap<String, CredentialInfo>>,
}

/// A credential (`GET /api/v2/integrations/credentials/{id}`); secret fields are not returned.
#[derive(Clone, Debug, Default, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Credential {
    /// The fields that are returned.
    #[serde(default)]
    pub credential_fields: Option<serde_json::Map<String, serde_json::Value>>,
}

/// `EmailErrorInfo`.
#[derive(Clone, Debug, Default, Deserialize)]
pub struct ErrorInfo {
    /// The message.
    #[serde(default)]
    pub message: Option<String>,
    /// The code.
    #[serde(default)]
    pub code: Option<String>,
}

/// `GraphApiSettings` of an inbound domain.
#[derive(Clone, Debug, Default, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct GraphApiSettings {
    /// The Graph integration the domain uses.
    #[serde(default)]
    pub integration: Option<EntityRef>,
    /// Active, Error, Inactive, IntegrationDeleted or Unknown.
    #[serde(default)]
    pub status: Option<String>,
    /// Why, on Error.
    #[serde(default)]
    pub error_info: Option<ErrorInfo>,
}

/// An inbound email domain (`GET /api/v2/routing/email/domains`).
#[derive(Clone, Debug, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct InboundDomain {
    /// The domain name (the id is the name).
    pub id: String,
    /// Its Graph settings, when it is served through Microsoft Graph.
    #[serde(default)]
    pub graph_api_settings: Option<GraphApiSettings>,
}

/// An inbound route of a domain.
#[derive(Clone, Debug, Deserialize)]
pub struct InboundRoute {
    /// Its id.
    #[serde(default)]
    pub id: Option<String>,
    /// Its name.
    #[serde(default)]
    pub name: Option<String>,
    /// The local part of the address it serves.
    #[serde(default)]
    pub pattern: Option<String>,
    /// The queue it routes to.
    #[serde(default)]
    pub queue: Option<EntityRef>,
    /// The flow it routes to.
    #[serde(default)]
    pub flow: Option<EntityRef>,
    /// Pending, Active, Removing or Error.
    #[serde(default)]
    pub status: Option<String>,
}

/// `routingStatus` of a queue member.
#[derive(Clone, Debug, Default, Deserialize)]
pub struct RoutingStatus {
    /// OFF_QUEUE, IDLE, INTERACTING, NOT_RESPONDING or COMMUNICATING.
    #[serde(default)]
    pub status: Option<String>,
}

/// A queue member.
#[derive(Clone, Debug, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct QueueMember {
    /// Joined to the queue.
    #[serde(default)]
    pub joined: Option<bool>,
    /// The member's routing status (with `expand=routingStatus`).
    #[serde(default)]
    pub routing_status: Option<RoutingStatus>,
}

impl QueueMember {
    /// On queue: any routing status but OFF_QUEUE.
    pub fn on_queue(&self) -> bool {
        self.joined != Some(false)
            && self
                .routing_status
                .as_ref()
                .and_then(|r| r.status.as_deref())
                .is_some_and(|s| !s.eq_ignore_ascii_case("OFF_QUEUE"))
    }
}

/// `GET /api/v2/emails/settings`.
#[derive(Clone, Debug, Default, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct EmailSettings {
    /// Whether a mail to several of the org's addresses creates an interaction per address.
    #[serde(default)]
    pub multiple_route_destinations_on_inbound_email_enabled: Option<bool>,
}

/// The Platform API's error body.
#[derive(Clone, Debug, Default, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ErrorBody {
    /// The message.
    #[serde(default)]
    pub message: Option<String>,
    /// The code, e.g. `missing.permissions`.
    #[serde(default)]
    pub code: Option<String>,
    /// The id Genesys Cloud support asks for.
    #[serde(default)]
    pub context_id: Option<String>,
}

/// The login's error body.
#[derive(Clone, Debug, Default, Deserialize)]
pub struct LoginErrorBody {
    /// e.g. `invalid_client`.
    #[serde(default)]
    pub error: Option<String>,
    /// The description.
    #[serde(default)]
    pub error_description: Option<String>,
    /// The description (older field).
    #[serde(default)]
    pub description: Option<String>,
}
