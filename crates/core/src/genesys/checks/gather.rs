//! The reads of the Genesys half: the organization's integrations, their configuration and
//! credentials, inbound domains, routes, queue members and settings, with as few round trips in a
//! row as the data allows.

use super::super::client::{login, GenesysApi, GenesysFailure};
use super::super::model::*;
use super::{
    linked_integration, of_types, ConfiguredIds, GenesysFacts, GenesysInput, MANAGE_EMAIL,
    VIEW_EMAIL, VIEW_INTEGRATIONS, VIEW_QUEUE, VIEW_SETTINGS,
};
use crate::http::HttpClient;
use std::collections::{BTreeMap, BTreeSet};
use std::time::{Duration, Instant};

fn is_guid(s: &str) -> bool {
    crate::validate::is_guid(s)
}

/// How a configuration key (and its schema title) reads: tenant, client, or neither.
fn classify(key: &str, title: &str) -> Option<bool> {
    let text = format!("{key} {title}").to_ascii_lowercase();
    if text.contains("secret") || text.contains("password") {
        return None;
    }
    if text.contains("tenant") || text.contains("directory") {
        return Some(true);
    }
    if text.contains("client")
        || text.contains("application")
        || text.contains("appid")
        || text.contains("app id")
    {
        return Some(false);
    }
    None
}

fn collect_ids(
    v: &serde_json::Value,
    key: &str,
    titles: &BTreeMap<String, String>,
    out: &mut ConfiguredIds,
) {
    match v {
        serde_json::Value::Object(map) => {
            for (k, v) in map {
                collect_ids(v, k, titles, out);
            }
        }
        serde_json::Value::Array(items) => {
            for v in items {
                collect_ids(v, key, titles, out);
            }
        }
        serde_json::Value::String(s) if is_guid(s.trim()) => {
            let title = titles.get(key).map(String::as_str).unwrap_or("");
            match classify(key, title) {
                Some(true) => {
                    out.tenant.insert(s.trim().to_ascii_lowercase());
                }
                Some(false) => {
                    out.client.insert(s.trim().to_ascii_lowercase());
                }
                None => {}
            }
        }
        _ => {}
    }
}

/// Property key → title, from a JSON schema's `properties`.
fn schema_titles(schema: &serde_json::Value) -> BTreeMap<String, String> {
    let mut out = BTreeMap::new();
    if let Some(props) = schema.get("properties").and_then(|p| p.as_object()) {
        for (k, v) in props {
            let title = [v.get("title"), v.get("description")]
                .into_iter()
                .flatten()
                .filter_map(|t| t.as_str())
                .collect::<Vec<_>>()
                .join(" ");
            out.insert(k.clone(), title);
        }
    }
    out
}

/// How well an integration type looks like the Microsoft Graph *email* integration (0: not).
pub fn graph_email_score(t: &IntegrationType) -> u32 {
    let name = t.name.clone().unwrap_or_default().to_ascii_lowercase();
    let id = t.id.to_ascii_lowercase();
    if !(name.contains("graph") || id.contains("graph")) {
        return 0;
    }
    let all = format!(
        "{name} {id} {} {}",
        t.description
            .clone()
            .unwrap_or_default()
            .to_ascii_lowercase(),
        t.category.clone().unwrap_or_default().to_ascii_lowercase()
    );
    if all.contains("data action") || all.contains("teams") {
        return 0;
    }
    let mut score = 1;
    if all.contains("mail") {
        score += 2;
    }
    if name.contains("microsoft") {
        score += 1;
    }
    score
}

/// The ids of the types that are the Graph email integration (the best-scoring ones).
pub fn graph_type_ids(types: &[IntegrationType]) -> Vec<String> {
    let best = types.iter().map(graph_email_score).max().unwrap_or(0);
    if best == 0 {
        return Vec::new();
    }
    types
        .iter()
        .filter(|t| graph_email_score(t) == best)
        .map(|t| t.id.clone())
        .collect()
}

fn enc(s: &str) -> String {
    crate::microsoft::cloud::path_segment(s)
}

async fn configured_ids(api: &GenesysApi<'_>, integration: &Integration) -> ConfiguredIds {
    let type_id = integration
        .integration_type
        .as_ref()
        .and_then(|t| t.id.clone())
        .unwrap_or_default();
    let config_path = format!(
        "/api/v2/integrations/{}/config/current",
        enc(&integration.id)
    );
    let props_path = format!(
        "/api/v2/integrations/types/{}/configschemas/properties",
        enc(&type_id)
    );
    let adv_path = format!(
        "/api/v2/integrations/types/{}/configschemas/advanced",
        enc(&type_id)
    );
    let (config, props, adv) = tokio::join!(
        api.get::<IntegrationConfig>(&config_path, VIEW_INTEGRATIONS),
        api.get::<serde_json::Value>(&props_path, VIEW_INTEGRATIONS),
        api.get::<serde_json::Value>(&adv_path, VIEW_INTEGRATIONS),
    );
    let mut titles = props.map(|s| schema_titles(&s)).unwrap_or_default();
    titles.extend(adv.map(|s| schema_titles(&s)).unwrap_or_default());
    let mut out = ConfiguredIds::default();
    let Ok(config) = config else {
        return out;
    };
    out.readable = true;
    for v in [&config.properties, &config.advanced].into_iter().flatten() {
        collect_ids(v, "", &titles, &mut out);
    }
    // The client ID may sit in the credential rather than the configuration; its secret fields
    // are never returned (and never read).
    let cred_ids: Vec<String> = config
        .credentials
        .unwrap_or_default()
        .into_values()
        .filter_map(|c| c.id)
        .collect();
    let creds = futures::future::join_all(cred_ids.iter().map(|id| {
        let path = format!("/api/v2/integrations/credentials/{}", enc(id));
        async move { api.get::<Credential>(&path, VIEW_INTEGRATIONS).await }
    }))
    .await;
    for c in creds.into_iter().flatten() {
        if let Some(fields) = c.credential_fields {
            collect_ids(
                &serde_json::Value::Object(fields),
                "",
                &BTreeMap::new(),
                &mut out,
            );
        }
    }
    out
}

/// Reads everything the checks need.
pub async fn gather(http: &HttpClient, input: &GenesysInput) -> GenesysFacts {
    let endpoints = &input.conn.endpoints;
    let started = Instant::now();
    let token = login(http, &input.conn).await;
    let login_took = started.elapsed();
    let token = match token {
        Ok(t) => t,
        Err(e) => {
            return GenesysFacts {
                login: Err(e),
                login_took,
                types: Err(not_read()),
                integrations: Err(not_read()),
                configured: BTreeMap::new(),
                integration_took: Duration::ZERO,
                domains: Err(not_read()),
                routes: BTreeMap::new(),
                members: BTreeMap::new(),
                domain_took: Duration::ZERO,
                settings: Err(not_read()),
                settings_took: Duration::ZERO,
            };
        }
    };
    let api = GenesysApi::new(http, endpoints, token);
    let api = &api;
    let integration_chain = async {
        let t0 = Instant::now();
        let (types, integrations, configured) = integration_facts(api).await;
        (types, integrations, configured, t0.elapsed())
    };
    let domain_chain = async {
        let t0 = Instant::now();
        let domains = api
            .get_all::<InboundDomain>("/api/v2/routing/email/domains", MANAGE_EMAIL)
            .await;
        let mut routes = BTreeMap::new();
        let mut members = BTreeMap::new();
        if let Ok(domains) = &domains {
            let graph_domains: Vec<&InboundDomain> = domains
                .iter()
                .filter(|d| linked_integration(d).is_some())
                .collect();
            let fetched = futures::future::join_all(graph_domains.iter().map(|d| async move {
                let path = format!("/api/v2/routing/email/domains/{}/routes", enc(&d.id));
                (
                    d.id.clone(),
                    api.get_all::<InboundRoute>(&path, VIEW_EMAIL).await,
                )
            }))
            .await;
            let queues: BTreeSet<String> = fetched
                .iter()
                .filter_map(|(_, r)| r.as_ref().ok())
                .flatten()
                .filter_map(|r| r.queue.as_ref().and_then(|q| q.id.clone()))
                .collect();
            routes.extend(fetched);
            let fetched = futures::future::join_all(queues.iter().map(|q| async move {
                let path = format!(
                    "/api/v2/routing/queues/{}/members?joined=true&expand=routingStatus",
                    enc(q)
                );
                (
                    q.clone(),
                    api.get_all::<QueueMember>(&path, VIEW_QUEUE).await,
                )
            }))
            .await;
            members.extend(fetched);
        }
        (domains, routes, members, t0.elapsed())
    };
    let settings = async {
        let t0 = Instant::now();
        let s = api
            .get::<EmailSettings>("/api/v2/emails/settings", VIEW_SETTINGS)
            .await;
        (s, t0.elapsed())
    };
    let (
        (types, integrations, configured, integration_took),
        (domains, routes, members, domain_took),
        (settings, settings_took),
    ) = tokio::join!(integration_chain, domain_chain, settings);
    GenesysFacts {
        login: Ok(()),
        login_took,
        types,
        integrations,
        configured,
        integration_took,
        domains,
        routes,
        members,
        domain_took,
        settings,
        settings_took,
    }
}

type IntegrationFacts = (
    Result<Vec<IntegrationType>, GenesysFailure>,
    Result<Vec<Integration>, GenesysFailure>,
    BTreeMap<String, ConfiguredIds>,
);

/// Types and integrations at once, then what each Graph integration is configured with.
pub(super) async fn integration_facts(api: &GenesysApi<'_>) -> IntegrationFacts {
    let (types, integrations) = tokio::join!(
        api.get_all::<IntegrationType>("/api/v2/integrations/types", VIEW_INTEGRATIONS),
        api.get_all::<Integration>("/api/v2/integrations", VIEW_INTEGRATIONS),
    );
    let mut configured = BTreeMap::new();
    if let (Ok(types), Ok(all)) = (&types, &integrations) {
        let ids = graph_type_ids(types);
        let candidates = of_types(all, &ids);
        let found = futures::future::join_all(
            candidates
                .iter()
                .map(|i| async move { (i.id.clone(), configured_ids(api, i).await) }),
        )
        .await;
        configured.extend(found);
    }
    (types, integrations, configured)
}

pub(super) fn not_read() -> GenesysFailure {
    GenesysFailure::Http(crate::http::HttpError::BadBody {
        detail: String::new(),
    })
}
