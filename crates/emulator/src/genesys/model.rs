//! The emulated organization: its OAuth client, issued tokens, the two integrations (the
//! Microsoft Graph email one and an unrelated Microsoft Teams one) with their lazily computed
//! restart transitions, the inbound domains, routes, the support queue and its members.

use std::collections::HashSet;
use std::fmt;

use chrono::{DateTime, SecondsFormat, Utc};
use serde_json::{json, Value};

use super::catalog::{
    GRAPH_CREDENTIAL_TYPE, GRAPH_TYPE_ID, GRAPH_TYPE_NAME, TEAMS_TYPE_ID, TEAMS_TYPE_NAME,
};
use super::options::GenesysOptions;
use super::scenario::GenesysScenario;

/// The OAuth client ID handed out.
pub(crate) const OAUTH_CLIENT_ID: &str = "6f2a9c1e-3b7d-4e58-a0c4-8d1b5e9f7a26";
/// The OAuth client secret Genesys Cloud accepts (a demo value, not a real secret).
pub(crate) const OAUTH_CLIENT_SECRET: &str = "Zq3vM8kT1pX6rW9nB2yL5cH7fJ0dS4gAeU3iO6tQ1wE";
/// The secret handed out in the `WrongOauthSecret` scenario, which Genesys Cloud refuses.
pub(crate) const WRONG_OAUTH_SECRET: &str = "Lr7pD2wQ9xK4mT8vN1bY6sF3hC0jG5aZeR2uW7iP4oM";
/// The Microsoft Graph email integration.
pub(crate) const INTEGRATION_ID: &str = "4e1f0a6c-8b2d-4f3e-9a7c-1d5b6e8f2a03";
const INTEGRATION_NAME: &str = "Microsoft Graph – Contoso support";
/// The unrelated Microsoft Teams integration.
pub(crate) const TEAMS_INTEGRATION_ID: &str = "b2c4d6e8-1a3b-4c5d-8e7f-9a0b1c2d3e4f";
/// The Graph integration's credential.
pub(crate) const CREDENTIAL_ID: &str = "9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d";
pub(crate) const CREDENTIAL_NAME: &str = "Graph app credentials";
/// The client ID of another Azure app (`OtherApp` scenario).
pub(crate) const OTHER_APP_CLIENT_ID: &str = "0d9c1b7e-2f4a-4c88-9e31-7a6b5c4d3e21";
/// The support queue.
pub(crate) const QUEUE_ID: &str = "c1d2e3f4-a5b6-4c7d-8e9f-0a1b2c3d4e5f";
const QUEUE_NAME: &str = "Support";
/// The sales route's inbound email flow.
pub(crate) const FLOW_ID: &str = "f1e2d3c4-b5a6-4978-8695-a4b3c2d1e0f9";
const FLOW_NAME: &str = "Sales inbound email";
const SUPPORT_ROUTE_ID: &str = "1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d";
const SALES_ROUTE_ID: &str = "2b3c4d5e-6f7a-4b8c-9d0e-1f2a3b4c5d6e";
/// The organization's own Genesys subdomain.
pub(crate) const SUBDOMAIN: &str = "contoso.mypurecloud.de";
/// The support queue's members: (user id, name).
const MEMBERS: [(&str, &str); 3] = [
    ("a0b1c2d3-e4f5-4a6b-8c7d-9e0f1a2b3c4d", "Anna Berger"),
    ("b1c2d3e4-f5a6-4b7c-8d9e-0f1a2b3c4d5e", "Jonas Keller"),
    ("c2d3e4f5-a6b7-4c8d-9e0f-1a2b3c4d5e6f", "Mia Schmidt"),
];
const EXPIRED_SECRET: &str = "Unable to authenticate with Microsoft Graph: AADSTS7000222: The provided client secret keys for app '{app}' are expired.";
pub(crate) const INVALID_SECRET: &str =
    "Unable to authenticate with Microsoft Graph: AADSTS7000215: Invalid client secret provided.";

/// An ISO-8601 timestamp with milliseconds, as Genesys Cloud writes them.
pub(crate) fn iso(t: DateTime<Utc>) -> String {
    t.to_rfc3339_opts(SecondsFormat::Millis, true)
}

/// The localized `effective` text of a reported state code.
fn effective(code: &str) -> &'static str {
    match code {
        "ACTIVE" => "Active",
        "ACTIVATING" => "Activating",
        "INACTIVE" => "Inactive",
        "DEACTIVATING" => "Deactivating",
        "ERROR" => "Error",
        _ => "Unknown",
    }
}

/// A transition under way: the state reached at `due`.
#[derive(Clone, Debug)]
struct Pending {
    due: DateTime<Utc>,
    code: String,
    detail: Option<String>,
}

/// One integration and its state.
#[derive(Clone, Debug)]
pub(crate) struct Integration {
    pub id: &'static str,
    name: &'static str,
    type_id: &'static str,
    type_name: &'static str,
    /// `ENABLED` or `DISABLED`.
    pub intended: String,
    /// The reported state code.
    pub code: String,
    detail: Option<String>,
    last_updated: DateTime<Utc>,
    pending: Option<Pending>,
    /// The error an activation ends in (`None`: it ends `ACTIVE`).
    activation_error: Option<String>,
}

impl Integration {
    /// Applies a transition whose time has come.
    fn settle(&mut self, now: DateTime<Utc>) {
        if let Some(p) = self.pending.take_if(|p| p.due <= now) {
            self.code = p.code;
            self.detail = p.detail;
            self.last_updated = p.due;
        }
    }

    /// The Integration entity.
    pub fn json(&self) -> Value {
        json!({
            "id": self.id,
            "name": self.name,
            "integrationType": {
                "id": self.type_id,
                "name": self.type_name,
                "selfUri": format!("/api/v2/integrations/types/{}", self.type_id),
            },
            "notes": "",
            "intendedState": self.intended,
            "reportedState": {
                "code": self.code,
                "effective": effective(&self.code),
                "detail": {"message": self.detail, "localizableMessageCode": null},
                "lastUpdated": iso(self.last_updated),
            },
            "attributes": {},
            "selfUri": format!("/api/v2/integrations/{}", self.id),
        })
    }
}

/// The whole emulated organization.
#[derive(Debug)]
pub(crate) struct Org {
    scenario: GenesysScenario,
    azure_tenant_id: String,
    domain: String,
    transition: chrono::Duration,
    created: DateTime<Utc>,
    /// Access tokens issued so far.
    pub tokens: HashSet<String>,
    /// API requests still to be answered 429 (`Throttled`).
    pub throttle_left: u32,
    /// The Graph integration first, then the Teams one.
    pub integrations: Vec<Integration>,
    /// The Graph integration's credential.
    pub cred: CredentialState,
}

impl Org {
    /// Builds the organization `opts` describes, as it is at `now`.
    pub fn new(opts: &GenesysOptions, now: DateTime<Utc>) -> Org {
        let sc = opts.scenario;
        let (intended, code, detail) = match sc {
            GenesysScenario::IntegrationError => (
                "ENABLED",
                "ERROR",
                Some(EXPIRED_SECRET.replace("{app}", &opts.azure_client_id)),
            ),
            GenesysScenario::IntegrationInactive => ("DISABLED", "INACTIVE", None),
            _ => ("ENABLED", "ACTIVE", None),
        };
        let activation_error = match sc {
            GenesysScenario::RestartError => Some(INVALID_SECRET.to_string()),
            GenesysScenario::IntegrationError => detail.clone(),
            _ => None,
        };
        let since = now - chrono::Duration::days(12);
        let graph = Integration {
            id: INTEGRATION_ID,
            name: INTEGRATION_NAME,
            type_id: GRAPH_TYPE_ID,
            type_name: GRAPH_TYPE_NAME,
            intended: intended.to_string(),
            code: code.to_string(),
            detail,
            last_updated: since,
            pending: None,
            activation_error,
        };
        let teams = Integration {
            id: TEAMS_INTEGRATION_ID,
            name: TEAMS_TYPE_NAME,
            type_id: TEAMS_TYPE_ID,
            type_name: TEAMS_TYPE_NAME,
            intended: "ENABLED".to_string(),
            code: "ACTIVE".to_string(),
            detail: None,
            last_updated: since,
            pending: None,
            activation_error: None,
        };
        Org {
            scenario: sc,
            azure_tenant_id: opts.azure_tenant_id.clone(),
            domain: opts.domain.trim().to_ascii_lowercase(),
            transition: chrono::Duration::from_std(opts.transition)
                .unwrap_or(chrono::Duration::zero()),
            created: since,
            tokens: HashSet::new(),
            throttle_left: if sc == GenesysScenario::Throttled {
                opts.throttle_count
            } else {
                0
            },
            integrations: vec![graph, teams],
            cred: CredentialState::new(opts, since),
        }
    }

    /// The scenario the organization was built from.
    pub fn scenario(&self) -> GenesysScenario {
        self.scenario
    }

    /// Applies every transition whose time has come.
    pub fn settle(&mut self, now: DateTime<Utc>) {
        for i in &mut self.integrations {
            i.settle(now);
        }
    }

    /// The integration with `id` (case-insensitive), settled at `now`.
    pub fn integration_mut(&mut self, id: &str, now: DateTime<Utc>) -> Option<&mut Integration> {
        let i = self
            .integrations
            .iter_mut()
            .find(|i| i.id.eq_ignore_ascii_case(id))?;
        i.settle(now);
        Some(i)
    }

    /// Sets the Graph integration's state directly, dropping any transition under way.
    pub fn set_graph_state(&mut self, intended: &str, reported: &str, now: DateTime<Utc>) {
        let error = self.integrations[0].activation_error.clone();
        let g = &mut self.integrations[0];
        g.intended = intended.to_string();
        g.code = reported.to_string();
        g.detail = if reported == "ERROR" {
            Some(error.unwrap_or_else(|| INVALID_SECRET.to_string()))
        } else {
            None
        };
        g.last_updated = now;
        g.pending = None;
    }

    /// Starts the transition `intended` (`ENABLED` or `DISABLED`) asks for; asking for the state
    /// already reached or under way changes nothing. `secret_ok` is the secret validator's
    /// judgement of the credential (`None`: no validator); `Some(false)` makes enabling end in
    /// an error.
    pub fn change_intended(
        &mut self,
        id: &str,
        intended: &str,
        now: DateTime<Utc>,
        secret_ok: Option<bool>,
    ) {
        let transition = self.transition;
        let Some(i) = self.integration_mut(id, now) else {
            return;
        };
        let (settled, moving, done) = match intended {
            "DISABLED" => ("INACTIVE", "DEACTIVATING", "INACTIVE"),
            _ => ("ACTIVE", "ACTIVATING", "ACTIVE"),
        };
        if i.intended == intended && (i.code == settled || i.pending.is_some()) {
            return;
        }
        let error = i.activation_error.clone().or_else(|| {
            (i.id == INTEGRATION_ID && secret_ok == Some(false)).then(|| INVALID_SECRET.to_string())
        });
        let (code, detail) = match (error, intended) {
            (Some(e), "ENABLED") => ("ERROR".to_string(), Some(e)),
            _ => (done.to_string(), None),
        };
        i.intended = intended.to_string();
        i.code = moving.to_string();
        i.detail = None;
        i.last_updated = now;
        i.pending = Some(Pending {
            due: now + transition,
            code,
            detail,
        });
        i.settle(now);
    }

    /// The current configuration of integration `id`.
    pub fn config_current(&self, id: &str) -> Option<Value> {
        let i = self
            .integrations
            .iter()
            .find(|i| i.id.eq_ignore_ascii_case(id))?;
        let (version, properties, credentials) = if i.type_id == GRAPH_TYPE_ID {
            (
                3,
                json!({"azureTenantId": self.azure_tenant_id, "mailboxFolder": "Inbox"}),
                json!({"msGraphCredentials": self.credential_info()}),
            )
        } else {
            (1, json!({}), json!({}))
        };
        Some(json!({
            "id": i.id,
            "name": i.name,
            "version": version,
            "properties": properties,
            "advanced": {},
            "notes": "",
            "credentials": credentials,
            "selfUri": format!("/api/v2/integrations/{}/config/current", i.id),
        }))
    }

    /// The Graph credential as configurations and the credential listing show it.
    pub fn credential_info(&self) -> Value {
        json!({
            "id": CREDENTIAL_ID,
            "name": self.cred.name,
            "createdDate": iso(self.created),
            "modifiedDate": iso(self.cred.modified),
            "type": {"name": GRAPH_CREDENTIAL_TYPE},
            "selfUri": format!("/api/v2/integrations/credentials/{CREDENTIAL_ID}"),
        })
    }

    /// The credential `id` with its non-secret fields.
    pub fn credential(&self, id: &str) -> Option<Value> {
        if !id.eq_ignore_ascii_case(CREDENTIAL_ID) {
            return None;
        }
        Some(json!({
            "id": CREDENTIAL_ID,
            "name": self.cred.name,
            "type": {"name": GRAPH_CREDENTIAL_TYPE},
            "credentialFields": {"clientId": self.cred.client_id},
            "selfUri": format!("/api/v2/integrations/credentials/{CREDENTIAL_ID}"),
        }))
    }

    /// The inbound email domains.
    pub fn domains(&self) -> Vec<Value> {
        let mut out = Vec::new();
        if self.scenario != GenesysScenario::NoDomain {
            let mut graph = json!({
                "integration": {
                    "id": INTEGRATION_ID,
                    "name": INTEGRATION_NAME,
                    "selfUri": format!("/api/v2/integrations/{INTEGRATION_ID}"),
                },
                "status": "Active",
            });
            if self.scenario == GenesysScenario::DomainError {
                graph["status"] = json!("Error");
                graph["errorInfo"] = json!({
                    "message": format!("Microsoft Graph rejected the change notification subscription for support@{}: access denied", self.domain),
                    "code": "graph.subscription.failed",
                });
            }
            out.push(json!({
                "id": self.domain,
                "name": self.domain,
                "subDomain": false,
                "mxRecordStatus": "NOT_AVAILABLE",
                "graphApiSettings": graph,
                "selfUri": format!("/api/v2/routing/email/domains/{}", self.domain),
            }));
        }
        out.push(json!({
            "id": SUBDOMAIN,
            "name": SUBDOMAIN,
            "subDomain": true,
            "mxRecordStatus": "VALID",
            "selfUri": format!("/api/v2/routing/email/domains/{SUBDOMAIN}"),
        }));
        out
    }

    /// The domain named `name` (case-insensitive).
    pub fn domain(&self, name: &str) -> Option<Value> {
        self.domains().into_iter().find(|d| {
            d["id"]
                .as_str()
                .is_some_and(|id| id.eq_ignore_ascii_case(name))
        })
    }

    /// The routes of domain `name`; `None` for an unknown domain.
    pub fn routes(&self, name: &str) -> Option<Vec<Value>> {
        let domain = self.domain(name)?;
        let id = domain["id"].as_str().unwrap_or_default();
        if id != self.domain {
            return Some(Vec::new());
        }
        let uri = |route: &str| format!("/api/v2/routing/email/domains/{id}/routes/{route}");
        let queue = if self.scenario == GenesysScenario::RouteWithoutQueue {
            Value::Null
        } else {
            json!({"id": QUEUE_ID, "name": QUEUE_NAME, "selfUri": format!("/api/v2/routing/queues/{QUEUE_ID}")})
        };
        let route = |rid: &str, pattern: &str, from_name: &str, queue: Value, flow: Value| {
            json!({
                "id": rid,
                "name": pattern,
                "pattern": pattern,
                "queue": queue,
                "priority": 5,
                "skills": [],
                "language": null,
                "fromName": from_name,
                "fromEmail": format!("{pattern}@{id}"),
                "flow": flow,
                "replyEmailAddress": null,
                "autoBcc": [],
                "spamFlow": null,
                "historyInclusion": "Optional",
                "allowMultipleActions": false,
                "mailboxFolders": [],
                "status": "Active",
                "selfUri": uri(rid),
            })
        };
        let flow = json!({"id": FLOW_ID, "name": FLOW_NAME, "selfUri": format!("/api/v2/flows/{FLOW_ID}")});
        Some(vec![
            route(
                SUPPORT_ROUTE_ID,
                "support",
                "Contoso Support",
                queue,
                Value::Null,
            ),
            route(SALES_ROUTE_ID, "sales", "Contoso Sales", Value::Null, flow),
        ])
    }

    /// The queue `id`.
    pub fn queue(&self, id: &str) -> Option<Value> {
        if !id.eq_ignore_ascii_case(QUEUE_ID) {
            return None;
        }
        Some(json!({
            "id": QUEUE_ID,
            "name": QUEUE_NAME,
            "description": "Inbound support email",
            "division": {"id": "d0e1f2a3-b4c5-4d6e-8f7a-9b0c1d2e3f4a", "name": "Home"},
            "memberCount": MEMBERS.len(),
            "joinedMemberCount": MEMBERS.len(),
            "userMemberCount": MEMBERS.len(),
            "selfUri": format!("/api/v2/routing/queues/{QUEUE_ID}"),
        }))
    }

    /// The members of queue `id`, each with its `routingStatus`; `None` for an unknown queue.
    pub fn members(&self, id: &str) -> Option<Vec<Value>> {
        self.queue(id)?;
        let statuses = if self.scenario == GenesysScenario::NobodyOnQueue {
            ["OFF_QUEUE"; 3]
        } else {
            ["IDLE", "INTERACTING", "OFF_QUEUE"]
        };
        let start = iso(Utc::now() - chrono::Duration::minutes(42));
        Some(
            MEMBERS
                .iter()
                .zip(statuses)
                .map(|((uid, name), status)| {
                    json!({
                        "id": uid,
                        "name": name,
                        "user": {"id": uid, "name": name, "selfUri": format!("/api/v2/users/{uid}")},
                        "ringNumber": 1,
                        "joined": true,
                        "memberBy": "user",
                        "routingStatus": {"userId": uid, "status": status, "startTime": start},
                        "selfUri": format!("/api/v2/users/{uid}"),
                    })
                })
                .collect(),
        )
    }

    /// The flow `id`.
    pub fn flow(&self, id: &str) -> Option<Value> {
        if !id.eq_ignore_ascii_case(FLOW_ID) {
            return None;
        }
        Some(json!({
            "id": FLOW_ID,
            "name": FLOW_NAME,
            "type": "INBOUNDEMAIL",
            "active": true,
            "system": false,
            "deleted": false,
            "publishedVersion": {"id": "3.0", "name": "3.0", "type": "PUBLISH", "datePublished": iso(self.created)},
            "selfUri": format!("/api/v2/flows/{FLOW_ID}"),
        }))
    }

    /// The organization's email settings.
    pub fn email_settings(&self) -> Value {
        json!({
            "multipleRouteDestinationsOnInboundEmailEnabled":
                self.scenario != GenesysScenario::MultiDestinationOff,
        })
    }
}

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

#[cfg(test)]
mod tests {
    use super::*;

    fn org(sc: GenesysScenario) -> Org {
        Org::new(&GenesysOptions::scenario(sc), Utc::now())
    }

    #[test]
    fn transitions_are_computed_from_time() {
        let mut o = org(GenesysScenario::Healthy);
        let t0 = Utc::now();
        let step = o.transition;
        o.change_intended(INTEGRATION_ID, "DISABLED", t0, None);
        assert_eq!(o.integrations[0].code, "DEACTIVATING");
        o.settle(t0 + step);
        assert_eq!(o.integrations[0].code, "INACTIVE");
        o.change_intended(INTEGRATION_ID, "ENABLED", t0 + step, None);
        o.settle(t0 + step * 2);
        assert_eq!(o.integrations[0].code, "ACTIVE");
        assert!(o.integrations[0].json()["reportedState"]["detail"]["message"].is_null());
    }

    #[test]
    fn restart_error_ends_in_error() {
        let mut o = org(GenesysScenario::RestartError);
        let t0 = Utc::now();
        o.change_intended(INTEGRATION_ID, "DISABLED", t0, None);
        o.change_intended(INTEGRATION_ID, "ENABLED", t0, None);
        assert_eq!(o.integrations[0].code, "ACTIVATING");
        o.settle(t0 + chrono::Duration::seconds(5));
        let j = o.integrations[0].json();
        assert_eq!(j["reportedState"]["code"], "ERROR");
        assert!(j["reportedState"]["detail"]["message"]
            .as_str()
            .unwrap()
            .contains("AADSTS7000215"));
    }

    #[test]
    fn scenario_data() {
        assert!(org(GenesysScenario::NoDomain)
            .domain(crate::model::demo::TENANT_DOMAIN)
            .is_none());
        let routes = org(GenesysScenario::RouteWithoutQueue)
            .routes(crate::model::demo::TENANT_DOMAIN)
            .unwrap();
        assert!(routes[0]["queue"].is_null() && routes[0]["flow"].is_null());
        assert_eq!(
            org(GenesysScenario::OtherApp)
                .credential(CREDENTIAL_ID)
                .unwrap()["credentialFields"]["clientId"],
            OTHER_APP_CLIENT_ID
        );
    }
}
