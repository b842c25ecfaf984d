//! The check engine: one `check` run from tenant discovery to the permission verdicts.
//!
//! Order: `tenant` (discovery) → `credentials` (one client-credentials token) → every Graph
//! check at once (`registration`, `perm_mail_readwrite`, `perm_mail_send`, `perm_user_read`).
//! A check that cannot run because an earlier one failed is `skip` with the reason.
//!
//! The parts: `input` (what a run needs), `azure` (the Azure chain), `verdicts` and `expiry`
//! (what its answers mean); the Genesys Cloud chain is `crate::genesys::checks`.

use crate::http::{host_of, HttpClient};
use crate::microsoft::login::AccessToken;
use crate::microsoft::portal;
use crate::report::Throttled;
pub use crate::report::{Check, Report, Status};
use std::time::Duration;

mod azure;
mod expiry;
mod input;
mod verdicts;

use azure::azure_checks;
pub use input::CheckInput;
pub use verdicts::CHECK_IDS;

/// Runs every check with a fresh HTTP client.
pub async fn run_check(input: &CheckInput) -> Report {
    let http = HttpClient::new(input.timeout);
    run_check_with(&http, input).await
}

/// Runs every check with the given HTTP client (shared across many tenants in bulk runs).
pub async fn run_check_with(http: &HttpClient, input: &CheckInput) -> Report {
    run_check_inner(&http.counting(), input).await.0
}

/// Runs every check; also returns the token when one was issued (the live test reuses it).
///
/// The Azure chain and the Genesys Cloud chain (when the input has a Genesys part) run at the
/// same time; the Genesys checks that compare the integration's app with the profile's are
/// decided once both are done.
pub(crate) async fn run_check_inner(
    http: &HttpClient,
    input: &CheckInput,
) -> (Report, Option<AccessToken>) {
    let genesys = async {
        match &input.genesys {
            Some(g) => Some(crate::genesys::checks::gather(http, g).await),
            None => None,
        }
    };
    let ((mut report, token), facts) = tokio::join!(azure_checks(http, input), genesys);
    // Every Azure portal link opens in this tenant's directory.
    let directory = report
        .tenant_id
        .clone()
        .or_else(|| input.azure_tenant_id.clone())
        .unwrap_or_else(|| input.tenant.clone());
    for c in &mut report.checks {
        if let Some(u) = &c.portal_url {
            c.portal_url = Some(portal::in_tenant(u, &directory));
        }
    }
    if let (Some(facts), Some(g)) = (facts, &input.genesys) {
        let mut tenant_ids: Vec<String> = [
            Some(input.tenant.clone()),
            input.azure_tenant_id.clone(),
            report.tenant_id.clone(),
        ]
        .into_iter()
        .flatten()
        .filter(|t| crate::validate::is_guid(t))
        .collect();
        tenant_ids.dedup();
        let azure = crate::genesys::AzureIdentity {
            tenant_ids,
            client_id: input.client_id.clone(),
        };
        report
            .checks
            .extend(crate::genesys::checks::verdicts(&facts, &azure, g));
        report.ok = report.checks.iter().all(|c| c.status != Status::Fail);
    }
    report.throttled = throttled(http, input);
    (report, token)
}

/// The throttling `http` saw so far, as the report's note: Genesys Cloud's hosts are the input's
/// Genesys endpoints, every other host is Microsoft's (Entra ID, Graph). `None` when nothing was
/// throttled.
pub(crate) fn throttled(http: &HttpClient, input: &CheckInput) -> Option<Throttled> {
    let genesys_hosts: Vec<String> = input
        .genesys
        .iter()
        .flat_map(|g| [g.conn.endpoints.login_base(), g.conn.endpoints.api_base()])
        .map(host_of)
        .collect();
    let (mut requests, mut waited, mut microsoft, mut genesys) =
        (0u32, Duration::ZERO, false, false);
    for h in http.throttling() {
        requests += h.requests;
        waited += h.waited;
        if genesys_hosts.contains(&h.host) {
            genesys = true;
        } else {
            microsoft = true;
        }
    }
    let service = match (microsoft, genesys) {
        (true, true) => "both",
        (false, true) => "genesys",
        (false, false) => return None,
        (true, false) => "microsoft",
    };
    Some(Throttled::new(
        service,
        requests,
        u64::try_from(waited.as_millis()).unwrap_or(u64::MAX),
    ))
}

/// Checks many integrations at once, at most `concurrency` at a time, sharing one HTTP client
/// (connections are reused). Reports come back in the order of `inputs`.
pub async fn run_many(inputs: &[CheckInput], concurrency: usize) -> Vec<Report> {
    use futures::StreamExt;
    let timeout = inputs
        .iter()
        .map(|i| i.timeout)
        .max()
        .unwrap_or(Duration::from_secs(30));
    let http = &HttpClient::new(timeout);
    // Unordered, so a slow tenant never holds a slot that a finished one could reuse; the
    // reports are put back in input order afterwards.
    let mut done: Vec<(usize, Report)> = futures::stream::iter(
        inputs
            .iter()
            .enumerate()
            .map(|(i, input)| async move { (i, run_check_with(http, input).await) }),
    )
    .buffer_unordered(concurrency.max(1))
    .collect()
    .await;
    done.sort_by_key(|(i, _)| *i);
    done.into_iter().map(|(_, r)| r).collect()
}

#[cfg(test)]
mod tests;
