//! The Azure chain of a run: tenant discovery and the token at once, then every Graph read at
//! once, each turned into its verdict.

use super::expiry::{expired_by_entra, secret_expiry_check};
use super::input::CheckInput;
use super::verdicts::{
    application_permission_check, credentials_failure, registration_check, skipped,
    skipped_graph_checks, tenant_failure, timed, user_read_check, CHECK_IDS, SKIP_NO_TENANT,
    SKIP_NO_TOKEN, SKIP_UNREACHABLE,
};
use crate::http::{HttpClient, HttpError};
use crate::i18n::args;
use crate::microsoft::graph::{self, GraphFailure};
use crate::microsoft::login::{self, AccessToken};
use crate::microsoft::permissions::{self};
use crate::microsoft::token::read_claims;
use crate::report::{Check, Report, Status};
use std::time::Instant;

/// The Azure half of a run.
pub(super) async fn azure_checks(
    http: &HttpClient,
    input: &CheckInput,
) -> (Report, Option<AccessToken>) {
    let cloud = input.endpoints.cloud;
    let mut checks = Vec::with_capacity(CHECK_IDS.len());

    // 1. tenant and 2. credentials at once: the token endpoint accepts the tenant as entered
    // (GUID or domain), so the token need not wait for discovery. This is the one token of the run.
    let started = Instant::now();
    let timed_token = async {
        let r = login::client_credentials_token(
            http,
            &input.endpoints,
            &input.tenant,
            &input.client_id,
            &input.secret,
        )
        .await;
        (r, started.elapsed())
    };
    let timed_discovery = async {
        let r = login::discover(http, &input.endpoints, &input.tenant).await;
        (r, started.elapsed())
    };
    let ((discovery, discovery_took), (token, token_took)) =
        tokio::join!(timed_discovery, timed_token);
    let discovery = match discovery {
        Ok(d) => {
            let check = if d.tenant_id.eq_ignore_ascii_case(&input.tenant) {
                Check::msg(
                    "tenant",
                    Status::Pass,
                    "azure-tenant-found",
                    args([("tenant_id", d.tenant_id.as_str()), ("cloud", cloud.id())]),
                )
            } else {
                Check::msg(
                    "tenant",
                    Status::Pass,
                    "azure-tenant-found-as",
                    args([
                        ("tenant", input.tenant.as_str()),
                        ("tenant_id", d.tenant_id.as_str()),
                        ("cloud", cloud.id()),
                    ]),
                )
            };
            checks.push(check.took(discovery_took));
            d
        }
        Err(e) => {
            checks.push(tenant_failure(&e, &input.tenant, cloud).took(discovery_took));
            // A network failure looked nothing up: say so, not "not found".
            let reason = if matches!(e, login::LoginError::Http(_)) {
                SKIP_UNREACHABLE
            } else {
                SKIP_NO_TENANT
            };
            checks.push(skipped("credentials", reason));
            checks.extend(skipped_graph_checks(input, reason));
            return (Report::from_checks(None, None, checks), None);
        }
    };

    let token = match token {
        Ok(t) => {
            checks.push(
                Check::msg(
                    "credentials",
                    Status::Pass,
                    "azure-credentials-ok",
                    args([("client_id", input.client_id.as_str())]),
                )
                .took(token_took),
            );
            t
        }
        Err(e) => {
            let failed = credentials_failure(&e, input).took(token_took);
            let expired = failed.code.as_deref() == Some("AADSTS7000222");
            checks.push(failed);
            checks.extend(skipped_graph_checks(input, SKIP_NO_TOKEN));
            // Entra ID said the secret expired: that is the expiry check's verdict too.
            if expired {
                if let Some(c) = checks.iter_mut().find(|c| c.id == "secret_expiry") {
                    *c = expired_by_entra(input);
                }
            }
            return (
                Report::from_checks(
                    Some(discovery.tenant_id),
                    Some(discovery.token_endpoint),
                    checks,
                ),
                None,
            );
        }
    };

    // 3. Graph checks, all at once.
    let (graph, secret_expires) = graph_checks(http, input, &token).await;
    checks.extend(graph);
    let mut report = Report::from_checks(
        Some(discovery.tenant_id),
        Some(discovery.token_endpoint),
        checks,
    );
    report.secret_expires = secret_expires;
    (report, Some(token))
}

pub(super) async fn graph_checks(
    http: &HttpClient,
    input: &CheckInput,
    token: &AccessToken,
) -> (Vec<Check>, Option<chrono::DateTime<chrono::Utc>>) {
    let claims = read_claims(token.bearer());
    let endpoints = &input.endpoints;
    let client_id = input.client_id.as_str();
    // The token's `oid` is the service principal's object id; look it up only when unreadable.
    let oid = claims
        .as_ref()
        .ok()
        .and_then(|c| c.oid.clone())
        .filter(|o| crate::validate::is_guid(o));
    let registration = timed(graph::fetch_registration(http, endpoints, token, client_id));
    let grants = timed(async {
        let sp_id = match oid {
            Some(id) => id,
            None => graph::fetch_service_principal_id(http, endpoints, token, client_id).await?,
        };
        if !crate::validate::is_guid(&sp_id) {
            return Err(GraphFailure::Http(HttpError::BadBody {
                detail: "Microsoft Graph returned a service principal id that is not a GUID".into(),
            }));
        }
        graph::fetch_admin_grants(http, endpoints, token, &sp_id).await
    });
    let mailboxes =
        futures::future::join_all(input.mailboxes.iter().map(|m| {
            crate::microsoft::mailbox::mailbox_access(http, endpoints, token, client_id, m)
        }));
    let probe = async {
        match &input.probe_mailbox {
            Some(p) => Some(
                crate::microsoft::mailbox::scope_audit(http, endpoints, token, client_id, p).await,
            ),
            None => None,
        }
    };
    let (registration, grants, mailbox_checks, probe_check) =
        tokio::join!(registration, grants, mailboxes, probe);

    let cloud = endpoints.cloud;
    let mut out = vec![registration_check(&registration, cloud, client_id)];
    let reg = registration.result.as_ref().ok();
    for p in [permissions::MAIL_READWRITE, permissions::MAIL_SEND] {
        out.push(application_permission_check(
            &p,
            claims.as_ref().ok(),
            reg,
            cloud,
            client_id,
            registration.elapsed,
        ));
    }
    out.push(user_read_check(&grants, reg, cloud, client_id));
    let (expiry, expires) = secret_expiry_check(&registration, input, chrono::Utc::now());
    out.push(expiry);
    out.extend(mailbox_checks);
    out.extend(probe_check);
    (out, expires)
}
