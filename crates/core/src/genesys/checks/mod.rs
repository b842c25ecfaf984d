//! The Genesys Cloud half of a check: what the organization says about its Microsoft Graph email
//! integration, its inbound domains, routes, queues and the multiple-destinations setting.
//!
//! This file holds what both halves share (the input, the facts, the permissions each read
//! needs); `gather.rs` reads, `verdicts.rs` decides.
//!
//! [`gather`] reads everything with as few round trips in a row as the data allows (login; then
//! types, integrations, domains and settings at once; then configurations and routes; then
//! credentials and queue members), and [`verdicts`] turns what was read into checks — a pure
//! function, so every situation is tested without a network. Every text comes from the catalog.

use super::client::{GenesysConnection, GenesysFailure, LoginFailure};
use super::model::*;
use std::collections::{BTreeMap, BTreeSet};
use std::time::Duration;

mod gather;
mod verdicts;

pub use gather::{gather, graph_email_score, graph_type_ids};
pub use verdicts::{find_integration, verdicts};

/// The check ids of the Genesys half, in report order.
pub const CHECK_IDS: [&str; 6] = [
    "genesys_login",
    "genesys_integration",
    "genesys_domains",
    "genesys_routes",
    "genesys_agents",
    "genesys_multi_destination",
];

pub(super) const VIEW_INTEGRATIONS: &[&str] = &["integrations:integration:view"];
pub(super) const MANAGE_EMAIL: &[&str] = &["routing:email:manage"];
pub(super) const VIEW_EMAIL: &[&str] = &["routing:email:view"];
pub(super) const VIEW_QUEUE: &[&str] = &["routing:queue:view"];
pub(super) const VIEW_SETTINGS: &[&str] = &["conversation:settings:view"];

/// What the Genesys half needs.
#[derive(Clone, Debug)]
pub struct GenesysInput {
    /// The OAuth client.
    pub conn: GenesysConnection,
    /// The profile's mailboxes (each should be served by a route).
    pub mailboxes: Vec<String>,
    /// The profile's name, for the commands in fixes (`NAME` when there is none).
    pub profile: Option<String>,
}

/// The Azure side's identity, to compare with what the Genesys integration is configured with.
#[derive(Clone, Debug, Default)]
pub struct AzureIdentity {
    /// The tenant as GUIDs (as entered and as resolved).
    pub tenant_ids: Vec<String>,
    /// The application (client) ID the profile checks.
    pub client_id: String,
}

/// The Azure tenant and client IDs found in an integration's configuration.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ConfiguredIds {
    /// Tenant GUIDs found.
    pub tenant: BTreeSet<String>,
    /// Client ID GUIDs found.
    pub client: BTreeSet<String>,
    /// Whether the configuration could be read at all.
    pub readable: bool,
}

/// Everything read from the organization.
#[derive(Debug)]
pub struct GenesysFacts {
    /// The login's outcome and time.
    pub login: Result<(), LoginFailure>,
    /// Time of the login.
    pub login_took: Duration,
    /// Integration types.
    pub types: Result<Vec<IntegrationType>, GenesysFailure>,
    /// Integrations (all types).
    pub integrations: Result<Vec<Integration>, GenesysFailure>,
    /// What each Graph integration is configured with, by integration id.
    pub configured: BTreeMap<String, ConfiguredIds>,
    /// Time of the integration chain.
    pub integration_took: Duration,
    /// Inbound domains.
    pub domains: Result<Vec<InboundDomain>, GenesysFailure>,
    /// Routes of each Graph domain.
    pub routes: BTreeMap<String, Result<Vec<InboundRoute>, GenesysFailure>>,
    /// Members of each routed queue, by queue id.
    pub members: BTreeMap<String, Result<Vec<QueueMember>, GenesysFailure>>,
    /// Time of the domain chain.
    pub domain_took: Duration,
    /// The email settings.
    pub settings: Result<EmailSettings, GenesysFailure>,
    /// Time of the settings read.
    pub settings_took: Duration,
}

pub(super) fn of_types<'a>(
    integrations: &'a [Integration],
    type_ids: &[String],
) -> Vec<&'a Integration> {
    integrations
        .iter()
        .filter(|i| {
            i.integration_type
                .as_ref()
                .and_then(|t| t.id.as_deref())
                .is_some_and(|id| type_ids.iter().any(|t| t == id))
        })
        .collect()
}

pub(super) fn linked_integration(d: &InboundDomain) -> Option<String> {
    d.graph_api_settings
        .as_ref()?
        .integration
        .as_ref()?
        .id
        .clone()
        .filter(|id| !id.is_empty())
}
