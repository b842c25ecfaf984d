//! The verdicts of the Genesys half: what was read, turned into checks (a pure function, so every
//! situation is tested without a network). Every text comes from the catalog.

use super::super::client::{GenesysApi, GenesysFailure, LoginFailure};
use super::super::model::*;
use super::gather::{graph_type_ids, integration_facts, not_read};
use super::CHECK_IDS;
use super::{linked_integration, of_types, AzureIdentity, GenesysFacts, GenesysInput};
use crate::i18n::{args, Args};
use crate::report::{Check, Status};
use std::collections::{BTreeMap, BTreeSet};
use std::time::Duration;

/// The facts of the one integration the checks are about, when it could be chosen.
struct Chosen<'a> {
    integration: &'a Integration,
}

struct Ctx<'a> {
    facts: &'a GenesysFacts,
    azure: &'a AzureIdentity,
    input: &'a GenesysInput,
}

impl Ctx<'_> {
    fn base_args(&self) -> Args {
        args([
            (
                "profile",
                self.input
                    .profile
                    .clone()
                    .unwrap_or_else(|| "NAME".to_string()),
            ),
            ("region", self.input.conn.endpoints.region.host.to_string()),
            ("client", self.input.conn.client_id.clone()),
        ])
    }
    fn check(&self, id: &str, status: Status, msg: &str, extra: Args) -> Check {
        let mut a = self.base_args();
        a.extend(extra);
        Check::msg(id, status, msg, a)
    }
    fn admin(&self, page: &str) -> String {
        self.input.conn.endpoints.admin_url(page)
    }
}

fn failure_check(ctx: &Ctx, id: &str, f: &GenesysFailure) -> Check {
    let c = match f {
        GenesysFailure::MissingPermission {
            permissions,
            context_id,
        } => ctx
            .check(
                id,
                Status::Warn,
                "genesys-missing-permission",
                args([
                    ("permission", permissions.join(", ")),
                    ("context", context_id.clone().unwrap_or_else(|| "-".into())),
                ]),
            )
            .with_portal(ctx.admin("")),
        other => ctx.check(
            id,
            Status::Fail,
            "genesys-request-failed",
            args([("detail", other.describe())]),
        ),
    };
    match f.code() {
        Some(code) => c.with_code(code),
        None => c,
    }
}

fn skipped(ctx: &Ctx, id: &str, why: &str) -> Check {
    ctx.check(id, Status::Skip, why, Args::new())
}

/// The Genesys checks, from what was read.
pub fn verdicts(facts: &GenesysFacts, azure: &AzureIdentity, input: &GenesysInput) -> Vec<Check> {
    let ctx = Ctx {
        facts,
        azure,
        input,
    };
    let mut out = Vec::with_capacity(CHECK_IDS.len());
    match &facts.login {
        Ok(()) => out.push(
            ctx.check(
                "genesys_login",
                Status::Pass,
                "genesys-login-pass",
                Args::new(),
            )
            .with_elapsed(facts.login_took),
        ),
        Err(e) => {
            out.push(login_failure(&ctx, e).with_elapsed(facts.login_took));
            for id in &CHECK_IDS[1..] {
                out.push(skipped(&ctx, id, "genesys-skip-login"));
            }
            return out;
        }
    }
    let (integration_check, chosen) = integration_verdict(&ctx);
    out.push(integration_check.with_elapsed(facts.integration_took));
    let chosen_id = chosen.as_ref().map(|c| c.integration.id.clone());
    let domains = domain_verdicts(&ctx, chosen_id.as_deref());
    out.extend(
        domains
            .into_iter()
            .map(|c| c.with_elapsed(facts.domain_took)),
    );
    out.push(settings_verdict(&ctx, chosen_id.as_deref()).with_elapsed(facts.settings_took));
    out
}

fn login_failure(ctx: &Ctx, e: &LoginFailure) -> Check {
    match e {
        LoginFailure::Refused {
            status,
            error,
            description,
        } => ctx
            .check(
                "genesys_login",
                Status::Fail,
                if error == "invalid_client" || *status == 401 {
                    "genesys-login-refused"
                } else {
                    "genesys-login-error"
                },
                args([
                    ("error", error.clone()),
                    ("detail", description.clone().unwrap_or_default()),
                    ("status", status.to_string()),
                ]),
            )
            .with_code(error.clone())
            .with_portal(ctx.admin("integrations/oauth")),
        LoginFailure::Http(h) => ctx.check(
            "genesys_login",
            Status::Fail,
            "genesys-unreachable",
            args([("detail", h.to_string()), ("advice", h.fix())]),
        ),
    }
}

fn integration_verdict<'a>(ctx: &Ctx<'a>) -> (Check, Option<Chosen<'a>>) {
    let id = "genesys_integration";
    let types = match &ctx.facts.types {
        Ok(t) => t,
        Err(f) => return (failure_check(ctx, id, f), None),
    };
    let all = match &ctx.facts.integrations {
        Ok(i) => i,
        Err(f) => return (failure_check(ctx, id, f), None),
    };
    let type_ids = graph_type_ids(types);
    if type_ids.is_empty() {
        return (
            ctx.check(
                id,
                Status::Fail,
                "genesys-integration-no-type",
                args([("types", types.len())]),
            )
            .with_portal(ctx.admin("")),
            None,
        );
    }
    let candidates = of_types(all, &type_ids);
    if candidates.is_empty() {
        return (
            ctx.check(id, Status::Fail, "genesys-integration-none", Args::new())
                .with_portal(ctx.admin("")),
            None,
        );
    }
    let client = ctx.azure.client_id.to_ascii_lowercase();
    let tenants: BTreeSet<String> = ctx
        .azure
        .tenant_ids
        .iter()
        .map(|t| t.to_ascii_lowercase())
        .collect();
    let uses_app = |i: &Integration| {
        ctx.facts
            .configured
            .get(&i.id)
            .is_some_and(|c| c.client.contains(&client))
    };
    let chosen: &Integration = match candidates
        .iter()
        .filter(|i| uses_app(i))
        .collect::<Vec<_>>()
        .as_slice()
    {
        [one] => one,
        [first, ..] => first,
        [] if candidates.len() == 1 => candidates[0],
        [] => {
            let list = candidates
                .iter()
                .map(|i| format!("{} ({})", i.label(), i.reported_code()))
                .collect::<Vec<_>>()
                .join("; ");
            return (
                ctx.check(id, Status::Fail, "genesys-integration-several", {
                    let mut a = args([("list", list)]);
                    a.insert("count".into(), candidates.len().into());
                    a
                })
                .with_portal(ctx.admin("")),
                None,
            );
        }
    };
    let configured = ctx
        .facts
        .configured
        .get(&chosen.id)
        .cloned()
        .unwrap_or_default();
    let a = args([
        ("name", chosen.label()),
        ("state", chosen.reported_code()),
        ("intended", chosen.intended()),
        (
            "effective",
            chosen
                .reported_state
                .as_ref()
                .and_then(|s| s.effective.clone())
                .unwrap_or_else(|| chosen.reported_code()),
        ),
        (
            "detail",
            chosen
                .reported_state
                .as_ref()
                .and_then(|s| s.detail_text())
                .unwrap_or_default(),
        ),
    ]);
    let portal = ctx.admin("");
    let done = |c: Check| {
        (
            c.with_portal(portal.clone()),
            Some(Chosen {
                integration: chosen,
            }),
        )
    };
    // A different app or tenant in Genesys Cloud is the first thing to say: every other answer
    // about this integration is about the wrong app.
    if let Some(other) = configured.client.iter().find(|c| **c != client) {
        if !configured.client.contains(&client) {
            let mut extra = a.clone();
            extra.insert("other".into(), other.clone().into());
            extra.insert("app".into(), ctx.azure.client_id.clone().into());
            return done(ctx.check(id, Status::Fail, "genesys-integration-other-app", extra));
        }
    }
    if !tenants.is_empty() {
        if let Some(other) = configured.tenant.iter().find(|t| !tenants.contains(*t)) {
            if configured.tenant.iter().all(|t| !tenants.contains(t)) {
                let mut extra = a.clone();
                extra.insert("other".into(), other.clone().into());
                extra.insert(
                    "tenant".into(),
                    ctx.azure
                        .tenant_ids
                        .first()
                        .cloned()
                        .unwrap_or_default()
                        .into(),
                );
                return done(ctx.check(
                    id,
                    Status::Fail,
                    "genesys-integration-other-tenant",
                    extra,
                ));
            }
        }
    }
    let state = chosen.reported_code();
    let disabled = chosen.intended() == "DISABLED";
    let check = match state.as_str() {
        "ACTIVE" if !disabled => {
            let msg = if configured.client.contains(&client) {
                "genesys-integration-active"
            } else {
                "genesys-integration-active-unverified"
            };
            ctx.check(
                id,
                if msg == "genesys-integration-active" {
                    Status::Pass
                } else {
                    Status::Warn
                },
                msg,
                a,
            )
        }
        "ERROR" => ctx.check(id, Status::Fail, "genesys-integration-error", a),
        "INACTIVE" | "DEACTIVATING" if disabled => {
            ctx.check(id, Status::Fail, "genesys-integration-disabled", a)
        }
        "INACTIVE" => ctx.check(id, Status::Fail, "genesys-integration-inactive", a),
        "ACTIVATING" | "DEACTIVATING" => {
            ctx.check(id, Status::Warn, "genesys-integration-changing", a)
        }
        _ => ctx.check(id, Status::Warn, "genesys-integration-unknown-state", a),
    };
    done(check)
}

fn domain_verdicts(ctx: &Ctx, chosen: Option<&str>) -> Vec<Check> {
    let domains = match &ctx.facts.domains {
        Ok(d) => d,
        Err(f) => {
            return vec![
                failure_check(ctx, "genesys_domains", f),
                skipped(ctx, "genesys_routes", "genesys-skip-domains"),
                skipped(ctx, "genesys_agents", "genesys-skip-domains"),
            ]
        }
    };
    let portal = ctx.admin("");
    let linked: Vec<&InboundDomain> = domains
        .iter()
        .filter(|d| match (linked_integration(d), chosen) {
            (Some(i), Some(c)) => i == c,
            (Some(_), None) => true,
            (None, _) => false,
        })
        .collect();
    if linked.is_empty() {
        return vec![
            ctx.check(
                "genesys_domains",
                Status::Fail,
                "genesys-domains-none",
                args([("count", domains.len())]),
            )
            .with_portal(portal),
            skipped(ctx, "genesys_routes", "genesys-skip-no-domain"),
            skipped(ctx, "genesys_agents", "genesys-skip-no-domain"),
        ];
    }
    let mut failed = Vec::new();
    let mut odd = Vec::new();
    let mut fine = Vec::new();
    for d in &linked {
        let s = d.graph_api_settings.clone().unwrap_or_default();
        let status = s.status.clone().unwrap_or_else(|| "Unknown".into());
        let info = s
            .error_info
            .map(|e| {
                [e.message, e.code.map(|c| format!("({c})"))]
                    .into_iter()
                    .flatten()
                    .collect::<Vec<_>>()
                    .join(" ")
            })
            .filter(|t| !t.is_empty());
        let line = match &info {
            Some(i) => format!("{} {status}: {i}", d.id),
            None => format!("{} {status}", d.id),
        };
        match status.to_ascii_lowercase().as_str() {
            "active" => fine.push(line),
            "error" | "integrationdeleted" => failed.push(line),
            _ => odd.push(line),
        }
    }
    let list = [&failed, &odd, &fine]
        .iter()
        .flat_map(|v| v.iter().cloned())
        .collect::<Vec<_>>()
        .join("; ");
    let mut a = args([("list", list)]);
    a.insert("count".into(), linked.len().into());
    let domain_check = if !failed.is_empty() {
        ctx.check("genesys_domains", Status::Fail, "genesys-domains-error", a)
    } else if !odd.is_empty() {
        ctx.check("genesys_domains", Status::Warn, "genesys-domains-odd", a)
    } else {
        ctx.check("genesys_domains", Status::Pass, "genesys-domains-pass", a)
    };
    let mut out = vec![domain_check.with_portal(portal.clone())];
    out.extend(route_verdicts(ctx, &linked, &portal));
    out
}

fn route_verdicts(ctx: &Ctx, linked: &[&InboundDomain], portal: &str) -> Vec<Check> {
    let mut lines = Vec::new();
    let mut broken = Vec::new();
    let mut served = BTreeSet::new();
    let mut queues: BTreeMap<String, String> = BTreeMap::new();
    let mut flows = Vec::new();
    for d in linked {
        match ctx.facts.routes.get(&d.id) {
            Some(Ok(routes)) => {
                for r in routes {
                    let address = format!("{}@{}", r.pattern.clone().unwrap_or_default(), d.id)
                        .to_ascii_lowercase();
                    served.insert(address.clone());
                    let status = r.status.clone().unwrap_or_else(|| "Active".into());
                    let target = match (&r.queue, &r.flow) {
                        (Some(q), _) if q.id.is_some() => {
                            let name = q.name.clone().or_else(|| q.id.clone()).unwrap_or_default();
                            queues.insert(q.id.clone().unwrap_or_default(), name.clone());
                            format!("→ queue {name}")
                        }
                        (_, Some(f)) if f.id.is_some() => {
                            let name = f.name.clone().or_else(|| f.id.clone()).unwrap_or_default();
                            flows.push(name.clone());
                            format!("→ flow {name}")
                        }
                        _ => {
                            broken.push(format!("{address}: no queue, no flow"));
                            "→ –".to_string()
                        }
                    };
                    if status.eq_ignore_ascii_case("error") {
                        broken.push(format!("{address}: {status}"));
                    }
                    let mine = ctx
                        .input
                        .mailboxes
                        .iter()
                        .any(|m| m.eq_ignore_ascii_case(&address));
                    lines.push(format!(
                        "{address}{} {target} ({status})",
                        if mine { " ★" } else { "" }
                    ));
                }
            }
            Some(Err(f)) => {
                return vec![
                    failure_check(ctx, "genesys_routes", f),
                    skipped(ctx, "genesys_agents", "genesys-skip-routes"),
                ]
            }
            None => {}
        }
    }
    let unserved: Vec<String> = ctx
        .input
        .mailboxes
        .iter()
        .filter(|m| !served.contains(&m.to_ascii_lowercase()))
        .cloned()
        .collect();
    let mut a = args([
        (
            "list",
            if lines.is_empty() {
                "–".to_string()
            } else {
                lines.join("; ")
            },
        ),
        ("broken", broken.join("; ")),
        ("unserved", unserved.join(", ")),
    ]);
    a.insert("count".into(), lines.len().into());
    let route_check = if lines.is_empty() {
        ctx.check("genesys_routes", Status::Fail, "genesys-routes-none", a)
    } else if !broken.is_empty() {
        ctx.check("genesys_routes", Status::Fail, "genesys-routes-broken", a)
    } else if !unserved.is_empty() {
        ctx.check("genesys_routes", Status::Warn, "genesys-routes-unserved", a)
    } else {
        ctx.check("genesys_routes", Status::Pass, "genesys-routes-pass", a)
    };
    vec![
        route_check.with_portal(portal.to_string()),
        agents_verdict(ctx, &queues, &flows),
    ]
}

fn agents_verdict(ctx: &Ctx, queues: &BTreeMap<String, String>, flows: &[String]) -> Check {
    let id = "genesys_agents";
    let flows_text = flows.join(", ");
    if queues.is_empty() {
        return ctx.check(
            id,
            if flows.is_empty() {
                Status::Skip
            } else {
                Status::Warn
            },
            if flows.is_empty() {
                "genesys-skip-no-queue"
            } else {
                "genesys-agents-flows-only"
            },
            args([("flows", flows_text)]),
        );
    }
    let mut empty = Vec::new();
    let mut lines = Vec::new();
    for (qid, name) in queues {
        match ctx.facts.members.get(qid) {
            Some(Ok(members)) => {
                let on = members.iter().filter(|m| m.on_queue()).count();
                lines.push(format!("{name}: {on}/{}", members.len()));
                if on == 0 {
                    empty.push(name.clone());
                }
            }
            Some(Err(f)) => return failure_check(ctx, id, f),
            None => {}
        }
    }
    let mut a = args([
        ("list", lines.join("; ")),
        ("empty", empty.join(", ")),
        ("flows", flows_text),
    ]);
    a.insert("count".into(), queues.len().into());
    let c = if !empty.is_empty() {
        ctx.check(id, Status::Warn, "genesys-agents-none", a)
    } else if !flows.is_empty() {
        ctx.check(id, Status::Pass, "genesys-agents-pass-flows", a)
    } else {
        ctx.check(id, Status::Pass, "genesys-agents-pass", a)
    };
    c.with_portal(ctx.admin(""))
}

fn settings_verdict(ctx: &Ctx, _chosen: Option<&str>) -> Check {
    let id = "genesys_multi_destination";
    match &ctx.facts.settings {
        Ok(s) => match s.multiple_route_destinations_on_inbound_email_enabled {
            Some(true) => ctx.check(id, Status::Pass, "genesys-multi-on", Args::new()),
            Some(false) if ctx.input.mailboxes.len() > 1 => ctx.check(
                id,
                Status::Warn,
                "genesys-multi-off-several",
                args([("count", ctx.input.mailboxes.len())]),
            ),
            Some(false) => ctx.check(id, Status::Pass, "genesys-multi-off", Args::new()),
            None => ctx.check(id, Status::Warn, "genesys-multi-unknown", Args::new()),
        }
        .with_portal(ctx.admin("")),
        Err(f) => failure_check(ctx, id, f),
    }
}

/// The Graph integration the checks would pick (by the app it uses), or the check that says
/// why none could be picked.
pub async fn find_integration(
    api: &GenesysApi<'_>,
    input: &GenesysInput,
    azure: &AzureIdentity,
) -> Result<Integration, Check> {
    let (types, integrations, configured) = integration_facts(api).await;
    let facts = GenesysFacts {
        login: Ok(()),
        login_took: Duration::ZERO,
        types,
        integrations,
        configured,
        integration_took: Duration::ZERO,
        domains: Err(not_read()),
        routes: BTreeMap::new(),
        members: BTreeMap::new(),
        domain_took: Duration::ZERO,
        settings: Err(not_read()),
        settings_took: Duration::ZERO,
    };
    let ctx = Ctx {
        facts: &facts,
        azure,
        input,
    };
    let (check, chosen) = integration_verdict(&ctx);
    match chosen {
        // A different app is still the integration to restart: that is what Genesys uses.
        Some(c) => Ok(c.integration.clone()),
        None => Err(check),
    }
}
