//! The check engine: one `check` run from tenant discovery to the permission verdicts.
//!
//! Order: `tenant` (discovery) → `credentials` (one client-credentials token) → every Graph
//! check at once (`registration`, `perm_mail_readwrite`, `perm_mail_send`, `perm_user_read`).
//! A check that cannot run because an earlier one failed is `skip` with the reason.

use crate::aad::AadError;
use crate::cloud::{Cloud, Endpoints};
use crate::graph::{self, Grant, GraphFailure, Registration};
use crate::http::{HttpClient, HttpError};
use crate::login::{self, AccessToken, LoginError};
use crate::permissions::{self, Permission};
use crate::portal;
pub use crate::report::{Check, Report, Status};
use crate::secret::ClientSecret;
use crate::token::{read_claims, TokenClaims};
use std::time::{Duration, Instant};

/// What a run needs. Inputs are expected to be validated already (see [`crate::validate`]).
#[derive(Clone, Debug)]
pub struct CheckInput {
    /// Where to send requests.
    pub endpoints: Endpoints,
    /// Tenant GUID or verified domain.
    pub tenant: String,
    /// Application (client) ID.
    pub client_id: String,
    /// The client secret.
    pub secret: ClientSecret,
    /// Timeout of each request.
    pub timeout: Duration,
    /// Mailboxes to check (one `mailbox_access` check each).
    pub mailboxes: Vec<String>,
    /// A mailbox that should NOT be reachable, for the scope audit.
    pub probe_mailbox: Option<String>,
    /// Days before the secret's expiry when `secret_expiry` starts to warn.
    pub expiry_warn_days: u32,
    /// The secret's expiry as entered by hand, used when Azure does not tell.
    pub known_expiry: Option<chrono::DateTime<chrono::Utc>>,
    /// The tenant's GUID when already known (a profile's resolved tenant).
    pub azure_tenant_id: Option<String>,
    /// The Genesys Cloud half, when the profile has one: checked at the same time as Azure.
    pub genesys: Option<crate::genesys::GenesysInput>,
}

impl CheckInput {
    /// Input with defaults: 30 s timeout, no mailboxes, 30 days of expiry warning.
    pub fn new(
        endpoints: Endpoints,
        tenant: String,
        client_id: String,
        secret: ClientSecret,
    ) -> Self {
        CheckInput {
            endpoints,
            tenant,
            client_id,
            secret,
            timeout: Duration::from_secs(30),
            mailboxes: Vec::new(),
            probe_mailbox: None,
            expiry_warn_days: crate::expiry::DEFAULT_WARN_DAYS,
            known_expiry: None,
            azure_tenant_id: None,
            genesys: None,
        }
    }
}

/// Check ids in report order.
pub const CHECK_IDS: [&str; 7] = [
    "tenant",
    "credentials",
    "registration",
    "perm_mail_readwrite",
    "perm_mail_send",
    "perm_user_read",
    "secret_expiry",
];

const GRAPH_CHECK_IDS: [&str; 5] = [
    "registration",
    "perm_mail_readwrite",
    "perm_mail_send",
    "perm_user_read",
    "secret_expiry",
];

/// Runs every check with a fresh HTTP client.
pub async fn run_check(input: &CheckInput) -> Report {
    let http = HttpClient::new(input.timeout);
    run_check_with(&http, input).await
}

/// Runs every check with the given HTTP client (shared across many tenants in bulk runs).
pub async fn run_check_with(http: &HttpClient, input: &CheckInput) -> Report {
    run_check_inner(http, input).await.0
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
    (report, token)
}

/// The Azure half of a run.
async fn azure_checks(http: &HttpClient, input: &CheckInput) -> (Report, Option<AccessToken>) {
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
            let summary = if d.tenant_id.eq_ignore_ascii_case(&input.tenant) {
                format!("Tenant {} exists in {}.", d.tenant_id, cloud.display_name())
            } else {
                format!(
                    "Tenant '{}' exists in {} with Directory (tenant) ID {}.",
                    input.tenant,
                    cloud.display_name(),
                    d.tenant_id
                )
            };
            checks.push(Check::new("tenant", Status::Pass, summary).took(discovery_took));
            d
        }
        Err(e) => {
            checks.push(tenant_failure(&e, &input.tenant, cloud).took(discovery_took));
            checks.push(Check::skip("credentials", "the tenant was not found"));
            checks.extend(skipped_graph_checks(input, "the tenant was not found"));
            return (Report::from_checks(None, None, checks), None);
        }
    };

    let token = match token {
        Ok(t) => {
            checks.push(
                Check::new(
                    "credentials",
                    Status::Pass,
                    format!(
                        "Entra ID issued a token to app {} with this client secret.",
                        input.client_id
                    ),
                )
                .took(token_took),
            );
            t
        }
        Err(e) => {
            checks.push(credentials_failure(&e, input).took(token_took));
            checks.extend(skipped_graph_checks(
                input,
                "no token was issued (see credentials)",
            ));
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

/// Outcome of a timed Graph read.
struct Timed<T> {
    result: Result<T, GraphFailure>,
    elapsed: Duration,
}

async fn timed<T>(f: impl std::future::Future<Output = Result<T, GraphFailure>>) -> Timed<T> {
    let started = Instant::now();
    let result = f.await;
    Timed {
        result,
        elapsed: started.elapsed(),
    }
}

async fn graph_checks(
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
    let mailboxes = futures::future::join_all(
        input
            .mailboxes
            .iter()
            .map(|m| crate::mailbox::mailbox_access(http, endpoints, token, client_id, m)),
    );
    let probe = async {
        match &input.probe_mailbox {
            Some(p) => {
                Some(crate::mailbox::scope_audit(http, endpoints, token, client_id, p).await)
            }
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

/// The checks after the token, all skipped for `reason`.
fn skipped_graph_checks(input: &CheckInput, reason: &str) -> Vec<Check> {
    let mut out: Vec<Check> = GRAPH_CHECK_IDS
        .iter()
        .map(|id| Check::skip(id, reason))
        .collect();
    for m in &input.mailboxes {
        let mut c = Check::skip("mailbox_access", reason);
        c.mailbox = Some(m.clone());
        out.push(c);
    }
    if let Some(p) = &input.probe_mailbox {
        let mut c = Check::skip("scope_audit", reason);
        c.mailbox = Some(p.clone());
        out.push(c);
    }
    out
}

fn secret_expiry_check(
    reg: &Timed<Registration>,
    input: &CheckInput,
    now: chrono::DateTime<chrono::Utc>,
) -> (Check, Option<chrono::DateTime<chrono::Utc>>) {
    use crate::expiry::{self, AppSecret, ExpiryState, SecretMatch};
    let cloud = input.endpoints.cloud;
    let portal_url = portal::certificates_and_secrets(cloud, &input.client_id);
    let warn_days = input.expiry_warn_days;
    let renew = "Before it expires: App registrations → your app → Certificates & secrets → New client secret; copy its Value into the Genesys Cloud Microsoft Graph integration (Configuration → Credentials), then disable and enable the integration. Delete the old secret afterwards.";
    let verdict = |expires: chrono::DateTime<chrono::Utc>, what: &str| {
        let day = expires.format("%Y-%m-%d");
        let left = expiry::days_left(expires, now, &chrono::Utc);
        match expiry::state(expires, now, warn_days) {
            ExpiryState::Ok => Check::new("secret_expiry", Status::Pass, format!("{what} expires on {day} ({left} days left).")),
            ExpiryState::Soon => Check::new("secret_expiry", Status::Warn, format!("{what} expires on {day}: only {left} days left.")).fix(renew),
            ExpiryState::Expired => Check::new("secret_expiry", Status::Fail, format!("{what} expired on {day}."))
                .fix("Create a new client secret (Certificates & secrets → New client secret), enter its Value in the Genesys Cloud Microsoft Graph integration, then disable and enable the integration."),
        }
    };
    let manual = |why: &str| {
        match input.known_expiry {
        Some(e) => {
            let c = verdict(e, "The client secret (expiry entered by hand)");
            let summary = format!("{} {why}", c.summary);
            Check { summary, ..c }
        }
        None => Check::new("secret_expiry", Status::Warn, format!("The secret's expiry is unknown: {why}"))
            .fix("Look up the Expires column in the Azure portal (App registrations → your app → Certificates & secrets) and enter it: graphwiz profile set-expiry NAME YYYY-MM-DD."),
    }
    };
    let secrets: Vec<AppSecret> = match &reg.result {
        Ok(r) => r
            .password_credentials
            .iter()
            .filter_map(AppSecret::from_credential)
            .collect(),
        Err(f) => {
            let c = manual(&format!(
                "Azure's list of client secrets could not be read ({f})."
            ));
            return (
                c.code(f.code().map(str::to_string))
                    .portal(portal_url)
                    .took(reg.elapsed),
                None,
            );
        }
    };
    let hint = input.secret.hint();
    let (check, used_key, expires) = match expiry::match_secret(&secrets, &hint) {
        SecretMatch::One(s) => {
            let c = verdict(s.expires, &format!("The client secret in use, {},", s.label()));
            (c, s.key_id.clone(), Some(s.expires))
        }
        SecretMatch::Several(list) => {
            let dates: Vec<String> = list.iter().map(|s| s.expires.format("%Y-%m-%d").to_string()).collect();
            let why = format!(
                "{} client secrets of the app start with '{hint}' (expiring {}), so graphwiz can't tell which one is in use.",
                list.len(),
                dates.join(", ")
            );
            let c = match input.known_expiry {
                Some(_) => manual(&why),
                None => Check::new("secret_expiry", Status::Warn, why)
                    .fix("Delete the secrets that are no longer used (Certificates & secrets), or enter the expiry of the one in use by hand: graphwiz profile set-expiry NAME YYYY-MM-DD."),
            };
            (c, None, None)
        }
        SecretMatch::None => (
            manual(&format!("none of the app's client secrets starts with '{hint}' (was it deleted, or does it belong to another app?).")),
            None,
            None,
        ),
    };
    // Other secrets that need attention.
    let others: Vec<String> = secrets
        .iter()
        .filter(|s| s.key_id.is_none() || s.key_id != used_key)
        .filter(|s| s.hint.as_deref() != Some(hint.as_str()))
        .filter(|s| expiry::state(s.expires, now, warn_days) != ExpiryState::Ok)
        .map(|s| {
            let left = expiry::days_left(s.expires, now, &chrono::Utc);
            if left < 0 {
                format!("{} expired on {}", s.label(), s.expires.format("%Y-%m-%d"))
            } else {
                format!("{} expires in {left} days", s.label())
            }
        })
        .collect();
    let check = if others.is_empty() {
        check
    } else {
        let summary = format!(
            "{} Other secrets of the app: {}.",
            check.summary,
            others.join("; ")
        );
        Check { summary, ..check }
    };
    (check.portal(portal_url).took(reg.elapsed), expires)
}

fn consent_fix() -> &'static str {
    "In the Azure portal open App registrations → your app → API permissions and press \"Grant admin consent for <your organization>\" (a Global Administrator or Privileged Role Administrator must do this). Then disable and enable the Microsoft Graph integration in Genesys Cloud."
}

fn add_permission_fix(p: &Permission) -> String {
    format!(
        "In the Azure portal open App registrations → your app → API permissions → Add a permission → Microsoft Graph → {} permissions, tick {}, press Add permissions, then \"Grant admin consent for <your organization>\".",
        p.kind.label(),
        p.name
    )
}

fn wrong_kind_fix(p: &Permission, wrong: &Permission) -> String {
    format!(
        "In the Azure portal open App registrations → your app → API permissions: remove {} (type {}) unless something else needs it, then Add a permission → Microsoft Graph → {} permissions → {} → Add permissions, and press \"Grant admin consent for <your organization>\".",
        wrong.name,
        wrong.kind.label(),
        p.kind.label(),
        p.name
    )
}

fn requested(reg: &Registration, p: &Permission) -> bool {
    reg.requested
        .iter()
        .any(|(id, kind)| id.eq_ignore_ascii_case(p.id) && *kind == p.kind)
}

fn graph_failure_check(id: &str, what: &str, f: &GraphFailure, status: Status) -> Check {
    let summary = match f {
        GraphFailure::Status { status: 429, .. } => format!(
            "Could not {what}: Microsoft Graph kept throttling the requests (429 Too Many Requests)."
        ),
        _ => format!("Could not {what}: {f}."),
    };
    let fix = match f {
        GraphFailure::Http(h) => h.fix(),
        GraphFailure::Status { status: 429, .. } | GraphFailure::Status { status: 503, .. } => {
            "Microsoft Graph is busy or throttling this app; wait a few minutes and run the check again.".to_string()
        }
        _ => "Run the check again; if it persists, check the app in the Azure portal (App registrations → your app).".to_string(),
    };
    Check::new(id, status, summary)
        .fix(fix)
        .code(f.code().map(str::to_string))
}

fn registration_check(reg: &Timed<Registration>, cloud: Cloud, client_id: &str) -> Check {
    let r = match &reg.result {
        Ok(r) => r,
        Err(f) => {
            return graph_failure_check(
                "registration",
                "read the app registration",
                f,
                Status::Warn,
            )
            .portal(portal::api_permissions(cloud, client_id))
            .took(reg.elapsed)
        }
    };
    let mut problems = Vec::new();
    let mut fixes = Vec::new();
    for p in permissions::REQUIRED {
        if requested(r, &p) {
            continue;
        }
        match permissions::wrong_kind_of(&p, &r.requested) {
            Some(w) => {
                problems.push(format!(
                    "{} is requested as {} ({}) but Genesys Cloud needs {} ({})",
                    p.name,
                    w.kind.label(),
                    w.name,
                    p.name,
                    p.kind.label()
                ));
                fixes.push(wrong_kind_fix(&p, &w));
            }
            None => {
                problems.push(format!("{} ({}) is not requested", p.name, p.kind.label()));
                fixes.push(add_permission_fix(&p));
            }
        }
    }
    let name = r.display_name.as_deref().unwrap_or("the app");
    let check = if problems.is_empty() {
        Check::new(
            "registration",
            Status::Pass,
            format!("'{name}' requests Mail.ReadWrite (Application), Mail.Send (Application) and User.Read (Delegated)."),
        )
    } else {
        Check::new(
            "registration",
            Status::Fail,
            format!("'{name}': {}.", problems.join("; ")),
        )
        .fix(fixes.join(" "))
    };
    check
        .portal(portal::api_permissions(cloud, client_id))
        .took(reg.elapsed)
}

fn application_permission_check(
    p: &Permission,
    claims: Option<&TokenClaims>,
    reg: Option<&Registration>,
    cloud: Cloud,
    client_id: &str,
    reg_elapsed: Duration,
) -> Check {
    let id = match p.name {
        "Mail.ReadWrite" => "perm_mail_readwrite",
        _ => "perm_mail_send",
    };
    let label = format!("{} ({})", p.name, p.kind.label());
    let portal_url = portal::api_permissions(cloud, client_id);
    let wrong = reg.and_then(|r| permissions::wrong_kind_of(p, &r.requested));
    let is_requested = reg.map(|r| requested(r, p));
    let check = match claims {
        Some(c) if c.has_role(p.name) => {
            return Check::new(id, Status::Pass, format!("{label} is granted with admin consent (it is in the token's roles)."))
                .portal(portal_url)
        }
        Some(c) => {
            let none_consented = c.roles.is_none();
            match (is_requested, wrong) {
                (Some(true), _) => Check::new(
                    id,
                    Status::Fail,
                    format!(
                        "{label} is requested but admin consent was not granted{}.",
                        if none_consented { " (the token carries no application permissions at all)" } else { "" }
                    ),
                )
                .fix(consent_fix()),
                (_, Some(w)) => Check::new(
                    id,
                    Status::Fail,
                    format!("{label} is not granted: it was added as {} ({}).", w.kind.label(), w.name),
                )
                .fix(wrong_kind_fix(p, &w)),
                (Some(false), None) => Check::new(id, Status::Fail, format!("{label} is not granted: the app does not request it."))
                    .fix(add_permission_fix(p)),
                (None, None) => Check::new(id, Status::Fail, format!("{label} is not granted (it is not in the token's roles)."))
                    .fix(format!(
                        "Make sure {} is added with type {} under API permissions, then press \"Grant admin consent for <your organization>\".",
                        p.name,
                        p.kind.label()
                    )),
            }
        }
        // The token could not be read: fall back to the registration, and say the verdict is weaker.
        None => match (is_requested, wrong) {
            (Some(true), _) => Check::new(
                id,
                Status::Warn,
                format!("{label} is requested, but admin consent could not be confirmed because the access token could not be read."),
            )
            .fix("Check in the Azure portal (API permissions) that the Status column shows a green tick \"Granted for <your organization>\" for this permission."),
            (_, Some(w)) => Check::new(id, Status::Fail, format!("{label} is not requested: it was added as {} ({}).", w.kind.label(), w.name))
                .fix(wrong_kind_fix(p, &w)),
            (Some(false), None) => Check::new(id, Status::Fail, format!("{label} is not requested by the app."))
                .fix(add_permission_fix(p)),
            (None, None) => Check::new(
                id,
                Status::Warn,
                format!("Could not verify {label}: neither the token nor the app registration could be read."),
            )
            .fix("Check in the Azure portal (API permissions) that this permission is listed with type Application and a green tick \"Granted for <your organization>\"."),
        },
    };
    let took = if claims.is_some() && is_requested.is_none() {
        Duration::ZERO
    } else {
        reg_elapsed
    };
    check.portal(portal_url).took(took)
}

fn user_read_check(
    grants: &Timed<Vec<Grant>>,
    reg: Option<&Registration>,
    cloud: Cloud,
    client_id: &str,
) -> Check {
    let p = permissions::USER_READ;
    let portal_url = portal::api_permissions(cloud, client_id);
    let is_requested = reg.map(|r| requested(r, &p));
    let wrong = reg.and_then(|r| permissions::wrong_kind_of(&p, &r.requested));
    let not_requested = |w: Option<Permission>| match w {
        Some(w) => Check::new(
            "perm_user_read",
            Status::Fail,
            format!(
                "User.Read (Delegated) is missing: it was added as {} ({}).",
                w.kind.label(),
                w.name
            ),
        )
        .fix(wrong_kind_fix(&p, &w)),
        None => Check::new(
            "perm_user_read",
            Status::Fail,
            "User.Read (Delegated) is not requested by the app.",
        )
        .fix(add_permission_fix(&p)),
    };
    let check = match &grants.result {
        Ok(list) if list.iter().any(|g| g.is_admin_consent_for(p.name)) => Check::new(
            "perm_user_read",
            Status::Pass,
            "User.Read (Delegated) is granted with admin consent for all users.",
        ),
        Ok(_) if is_requested == Some(false) => not_requested(wrong),
        Ok(_) => Check::new(
            "perm_user_read",
            Status::Fail,
            "User.Read (Delegated) has no admin consent.",
        )
        .fix(consent_fix()),
        // Not requested at all is certain even when the grants can't be read.
        Err(_) if is_requested == Some(false) => not_requested(wrong),
        Err(f) => {
            let denied = f.status() == Some(403) || f.code() == Some("Authorization_RequestDenied");
            let summary = if denied {
                "Could not verify admin consent for User.Read (Delegated): the app's own token may not read its delegated grants.".to_string()
            } else {
                format!("Could not verify admin consent for User.Read (Delegated): {f}.")
            };
            Check::new("perm_user_read", Status::Warn, summary)
                .fix("In the Azure portal open App registrations → your app → API permissions and check that User.Read (Delegated) shows a green tick \"Granted for <your organization>\"; or let an administrator sign in to verify it.")
                .code(f.code().map(str::to_string))
        }
    };
    check.portal(portal_url).took(grants.elapsed)
}

fn tenant_failure(e: &LoginError, tenant: &str, cloud: Cloud) -> Check {
    match e {
        LoginError::Aad(a) => {
            let code = a.code_label();
            let c = match a.code {
                Some(90002) => Check::new(
                    "tenant",
                    Status::Fail,
                    format!("Tenant '{tenant}' was not found in {}.", cloud.display_name()),
                )
                .fix(format!(
                    "Copy the Directory (tenant) ID from the app's Overview page (Microsoft Entra ID → App registrations → your app). If the tenant is in another cloud (Azure US Government or China), choose that cloud. Current cloud: {}.",
                    cloud.display_name()
                )),
                Some(900023) => Check::new(
                    "tenant",
                    Status::Fail,
                    format!("'{tenant}' is neither a valid tenant ID nor a domain name."),
                )
                .fix("Enter the Directory (tenant) ID (a GUID from the app's Overview page) or a verified domain such as contoso.onmicrosoft.com."),
                _ => Check::new("tenant", Status::Fail, format!("Entra ID refused the tenant '{tenant}': {}", a.message))
                    .fix("Check the Directory (tenant) ID on the app's Overview page and the chosen cloud."),
            };
            c.code(code).portal(portal::app_registrations(cloud))
        }
        LoginError::Http(h) => match h.failed_check_args("tenant") {
            // TLS, proxy and connection failures: worded from the catalog (every language).
            Some(args) => Check::msg("tenant", Status::Fail, "net-failed", args),
            None => Check::new("tenant", Status::Fail, format!("Could not look up the tenant: {h}.")).fix(h.fix()),
        },
        LoginError::Unexpected { status } => Check::new(
            "tenant",
            Status::Fail,
            format!("The sign-in service gave an unexpected answer (HTTP {status}) for tenant '{tenant}'."),
        )
        .fix("Check the login URL and the chosen cloud; a proxy may be answering instead of Entra ID."),
    }
}

fn credentials_failure(e: &LoginError, input: &CheckInput) -> Check {
    let cloud = input.endpoints.cloud;
    let cid = input.client_id.as_str();
    let secrets = portal::certificates_and_secrets(cloud, cid);
    match e {
        LoginError::Aad(a) => credentials_aad_failure(a, input).code(a.code_label()),
        LoginError::Http(h) => match h.failed_check_args("token") {
            Some(args) => Check::msg("credentials", Status::Fail, "net-failed", args),
            None => Check::new("credentials", Status::Fail, format!("Could not get a token: {h}."))
                .fix(h.fix()),
        },
        LoginError::Unexpected { status } => Check::new(
            "credentials",
            Status::Fail,
            format!("The token endpoint gave an unexpected answer (HTTP {status})."),
        )
        .fix("Check the login URL and the chosen cloud; a proxy may be answering instead of Entra ID.")
        .portal(secrets),
    }
}

fn credentials_aad_failure(a: &AadError, input: &CheckInput) -> Check {
    let cloud = input.endpoints.cloud;
    let cid = input.client_id.as_str();
    let secrets = portal::certificates_and_secrets(cloud, cid);
    let fail = |summary: String| Check::new("credentials", Status::Fail, summary);
    match a.code {
        Some(7000215) => {
            let summary = if input.secret.looks_like_secret_id() {
                "The client secret was rejected: what was entered is the secret's Secret ID, not its Value.".to_string()
            } else {
                "The client secret was rejected: it is not a valid secret of this app (wrong or mistyped value).".to_string()
            };
            fail(summary)
                .fix("In the Azure portal open App registrations → your app → Certificates & secrets → Client secrets and copy the secret's Value, not the Secret ID. The Value is shown only right after the secret was created; if it is hidden, create a New client secret, copy its Value, and update it in Genesys Cloud too.")
                .portal(secrets)
        }
        Some(7000222) => fail("The client secret has expired.".to_string())
            .fix("Create a new client secret (Certificates & secrets → New client secret) and copy its Value; update the secret in the Genesys Cloud Microsoft Graph integration (Admin → Integrations → Configuration → Credentials); then disable and enable the integration in Genesys Cloud.")
            .portal(secrets),
        Some(700016) => fail(format!(
            "No application with Application (client) ID {cid} exists in this tenant."
        ))
        .fix("Copy the Application (client) ID from the app's Overview page, and check that the app is registered in this tenant (its Directory (tenant) ID is on the same page).")
        .portal(portal::app_registrations(cloud)),
        Some(7000112) | Some(70001) => fail("The application is disabled in this tenant.".to_string())
            .fix("In the Azure portal open Enterprise applications → your app → Properties, set \"Enabled for users to sign in?\" to Yes and Save. If Microsoft disabled the app, its Overview page says why.")
            .portal(portal::enterprise_app(cloud, cid)),
        Some(7000218) => fail("No client secret reached Entra ID.".to_string())
            .fix("Give the secret's Value on standard input (--secret-stdin) or in GRAPHWIZ_CLIENT_SECRET."),
        Some(70011) => fail(format!("Entra ID refused the requested scope: {}", a.message))
            .fix("Choose the cloud the tenant lives in (global, usgov or china); the scope is derived from it."),
        Some(53003) => fail("A Conditional Access policy blocked the app's sign-in.".to_string())
            .fix("In Microsoft Entra ID → Security → Conditional Access, exclude this app (workload identity) from the blocking policy or allow its location.")
            .portal(portal::conditional_access(cloud)),
        Some(90002) | Some(900023) => fail(format!("Entra ID did not accept the tenant: {}", a.message))
            .fix("Copy the Directory (tenant) ID from the app's Overview page and choose the right cloud.")
            .portal(portal::app_registrations(cloud)),
        _ => fail(format!("Entra ID refused the token request ({}): {}", a.error, a.message))
            .fix("Look up the code at https://login.microsoftonline.com/error and correct the app registration; then run the check again.")
            .portal(portal::app_overview(cloud, cid)),
    }
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
