//! The check engine: one `check` run from tenant discovery to the permission verdicts.
//!
//! Order: `tenant` (discovery) → `credentials` (one client-credentials token) → every Graph
//! check at once (`registration`, `perm_mail_readwrite`, `perm_mail_send`, `perm_user_read`).
//! A check that cannot run because an earlier one failed is `skip` with the reason.

use crate::http::{HttpClient, HttpError};
use crate::i18n::{args, date_arg, msg_arg, msgs_arg, Args, Msg};
use crate::microsoft::aad::AadError;
use crate::microsoft::cloud::{Cloud, Endpoints};
use crate::microsoft::graph::{self, Grant, GraphFailure, Registration};
use crate::microsoft::login::{self, AccessToken, LoginError};
use crate::microsoft::permissions::{self, Permission};
use crate::microsoft::portal;
use crate::microsoft::token::{read_claims, TokenClaims};
pub use crate::report::{Check, Report, Status};
use crate::secret::ClientSecret;
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
            expiry_warn_days: crate::microsoft::expiry::DEFAULT_WARN_DAYS,
            known_expiry: None,
            azure_tenant_id: None,
            genesys: None,
        }
    }
}

/// The store knows nothing of checks; what a check of a saved profile needs is made here.
impl crate::store::profiles::Profile {
    /// What a check of this profile needs, with the secret from the keychain or the caller.
    pub fn check_input(
        &self,
        secret: crate::secret::ClientSecret,
        timeout: std::time::Duration,
    ) -> Result<CheckInput, crate::microsoft::cloud::EndpointError> {
        let mut input = CheckInput::new(
            self.endpoints()?,
            self.tenant.clone(),
            self.client_id.clone(),
            secret,
        );
        input.timeout = timeout;
        input.mailboxes = self.mailboxes.clone();
        input.known_expiry = self.secret_expiry;
        input.azure_tenant_id = self.tenant_id.clone();
        Ok(input)
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
            checks.push(skipped("credentials", SKIP_NO_TENANT));
            checks.extend(skipped_graph_checks(input, SKIP_NO_TENANT));
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

/// Why the checks after discovery did not run (catalog messages, "Skipped: …").
const SKIP_NO_TENANT: &str = "azure-skip-no-tenant";
const SKIP_NO_TOKEN: &str = "azure-skip-no-token";

/// A check skipped for the reason catalog message `reason` words.
fn skipped(id: &str, reason: &str) -> Check {
    Check::msg(id, Status::Skip, reason, Args::new())
}

/// The checks after the token, all skipped for `reason` (a catalog message).
fn skipped_graph_checks(input: &CheckInput, reason: &str) -> Vec<Check> {
    let mut out: Vec<Check> = GRAPH_CHECK_IDS
        .iter()
        .map(|id| skipped(id, reason))
        .collect();
    for m in &input.mailboxes {
        let mut c = skipped("mailbox_access", reason);
        c.mailbox = Some(m.clone());
        out.push(c);
    }
    if let Some(p) = &input.probe_mailbox {
        let mut c = skipped("scope_audit", reason);
        c.mailbox = Some(p.clone());
        out.push(c);
    }
    out
}

/// `secret_expiry` when Entra ID refused the secret as expired (AADSTS7000222): failed, with the
/// day it expired when the profile knows it.
fn expired_by_entra(input: &CheckInput) -> Check {
    let cloud = input.endpoints.cloud;
    let mut a = args([("client_id", input.client_id.as_str())]);
    a.insert(
        "date".into(),
        match input.known_expiry {
            Some(d) => crate::i18n::date_arg(d.date_naive()),
            None => serde_json::Value::from("unknown"),
        },
    );
    Check::msg(
        "secret_expiry",
        Status::Fail,
        "azure-expiry-expired-by-entra",
        a,
    )
    .with_code("AADSTS7000222")
    .portal(portal::certificates_and_secrets(cloud, &input.client_id))
}

/// Items of a list worded "a; b; c": every item but the last gets `more = yes`, which its
/// catalog text ends in ";" for.
fn with_more(mut items: Vec<Msg>) -> Vec<Msg> {
    let n = items.len();
    for (i, m) in items.iter_mut().enumerate() {
        m.args.insert("more".into(), yes_no(i + 1 < n).into());
    }
    items
}

/// [`with_more`] as one argument.
fn list_arg(items: Vec<Msg>) -> serde_json::Value {
    msgs_arg(&with_more(items))
}

/// The verdict on a secret that expires at `expires`: `subject` is `used` (the secret in use,
/// `secret` its label) or `hand` (the expiry entered by hand); `tail` follows the summary.
fn expiry_verdict(
    expires: chrono::DateTime<chrono::Utc>,
    now: chrono::DateTime<chrono::Utc>,
    warn_days: u32,
    subject: &str,
    secret: &str,
    tail: &[Msg],
) -> Check {
    use crate::microsoft::expiry::{self, ExpiryState};
    let (status, id) = match expiry::state(expires, now, warn_days) {
        ExpiryState::Ok => (Status::Pass, "azure-expiry-ok"),
        ExpiryState::Soon => (Status::Warn, "azure-expiry-soon"),
        ExpiryState::Expired => (Status::Fail, "azure-expiry-expired"),
    };
    let a = args([
        ("subject", serde_json::Value::from(subject)),
        ("secret", secret.into()),
        ("date", date_arg(expires.date_naive())),
        ("days", expiry::days_left(expires, now, &chrono::Utc).into()),
        ("tail", msgs_arg(tail)),
    ]);
    Check::msg("secret_expiry", status, id, a)
}

fn secret_expiry_check(
    reg: &Timed<Registration>,
    input: &CheckInput,
    now: chrono::DateTime<chrono::Utc>,
) -> (Check, Option<chrono::DateTime<chrono::Utc>>) {
    use crate::microsoft::expiry::{self, AppSecret, ExpiryState, SecretMatch};
    let cloud = input.endpoints.cloud;
    let portal_url = portal::certificates_and_secrets(cloud, &input.client_id);
    let warn_days = input.expiry_warn_days;
    // The expiry entered by hand, when Azure does not tell which secret is in use: `tail` says why.
    let manual = |tail: &[Msg]| match input.known_expiry {
        Some(e) => expiry_verdict(e, now, warn_days, "hand", "", tail),
        None => Check::msg(
            "secret_expiry",
            Status::Warn,
            "azure-expiry-unknown",
            args([("tail", msgs_arg(tail))]),
        ),
    };
    let secrets: Vec<AppSecret> = match &reg.result {
        Ok(r) => r
            .password_credentials
            .iter()
            .filter_map(AppSecret::from_credential)
            .collect(),
        Err(f) => {
            let why = Msg::new(
                "azure-expiry-why-unreadable",
                args([("detail", msg_arg(&f.msg()))]),
            );
            return (
                manual(&[why])
                    .code(f.code().map(str::to_string))
                    .portal(portal_url)
                    .took(reg.elapsed),
                None,
            );
        }
    };
    let hint = input.secret.hint();
    // What decides the verdict: the secret in use, or why it is not known.
    enum Found {
        One(AppSecret),
        Manual(Msg),
        Ambiguous(Msg),
    }
    let (found, used_key, expires) = match expiry::match_secret(&secrets, &hint) {
        SecretMatch::One(s) => {
            let key = s.key_id.clone();
            let at = s.expires;
            (Found::One(s), key, Some(at))
        }
        SecretMatch::Several(list) => {
            let dates: Vec<serde_json::Value> = list
                .iter()
                .map(|s| date_arg(s.expires.date_naive()))
                .collect();
            let why = Msg::new(
                "azure-expiry-why-several",
                args([
                    ("count", serde_json::Value::from(list.len())),
                    ("hint", hint.as_str().into()),
                    ("dates", serde_json::Value::Array(dates)),
                ]),
            );
            match input.known_expiry {
                Some(_) => (Found::Manual(why), None, None),
                None => (Found::Ambiguous(why), None, None),
            }
        }
        SecretMatch::None => (
            Found::Manual(Msg::new(
                "azure-expiry-why-none",
                args([("hint", hint.as_str())]),
            )),
            None,
            None,
        ),
    };
    // Other secrets that need attention.
    let others: Vec<Msg> = secrets
        .iter()
        .filter(|s| s.key_id.is_none() || s.key_id != used_key)
        .filter(|s| s.hint.as_deref() != Some(hint.as_str()))
        .filter(|s| expiry::state(s.expires, now, warn_days) != ExpiryState::Ok)
        .map(|s| {
            let left = expiry::days_left(s.expires, now, &chrono::Utc);
            if left < 0 {
                Msg::new(
                    "azure-expiry-other-expired",
                    args([
                        ("secret", serde_json::Value::from(s.label())),
                        ("date", date_arg(s.expires.date_naive())),
                    ]),
                )
            } else {
                Msg::new(
                    "azure-expiry-other-soon",
                    args([
                        ("secret", serde_json::Value::from(s.label())),
                        ("days", left.into()),
                    ]),
                )
            }
        })
        .collect();
    // "Other secrets of the app: a; b." as items of the summary's tail (not nested deeper: the
    // catalog words nested messages a few levels deep only).
    let others: Vec<Msg> = if others.is_empty() {
        Vec::new()
    } else {
        std::iter::once(Msg::plain("azure-expiry-others"))
            .chain(with_more(others))
            .collect()
    };
    let check = match found {
        Found::One(s) => expiry_verdict(s.expires, now, warn_days, "used", &s.label(), &others),
        Found::Manual(why) => {
            let tail: Vec<Msg> = std::iter::once(why).chain(others).collect();
            manual(&tail)
        }
        Found::Ambiguous(why) => {
            let tail: Vec<Msg> = std::iter::once(why).chain(others).collect();
            Check::msg(
                "secret_expiry",
                Status::Warn,
                "azure-expiry-ambiguous",
                args([("tail", msgs_arg(&tail))]),
            )
        }
    };
    (check.portal(portal_url).took(reg.elapsed), expires)
}

/// The arguments naming permission `p` (`perm`, `kind`) and, when given, its wrong-type
/// look-alike (`wrong`, `wrong_kind`): what the permission messages and their fixes take.
fn perm_args(p: &Permission, wrong: Option<&Permission>) -> Args {
    let mut a = args([("perm", p.name), ("kind", p.kind.id())]);
    if let Some(w) = wrong {
        a.insert("wrong".into(), w.name.into());
        a.insert("wrong_kind".into(), w.kind.id().into());
    }
    a
}

/// Adds the permission, from its tab of "Add a permission".
fn add_permission_fix(p: &Permission) -> Msg {
    Msg::new("azure-fix-add", perm_args(p, None))
}

/// Replaces the look-alike `wrong` with `p`.
fn wrong_kind_fix(p: &Permission, wrong: &Permission) -> Msg {
    Msg::new("azure-fix-wrong-kind", perm_args(p, Some(wrong)))
}

fn requested(reg: &Registration, p: &Permission) -> bool {
    reg.requested
        .iter()
        .any(|(id, kind)| id.eq_ignore_ascii_case(p.id) && *kind == p.kind)
}

/// The registration could not be read: the summary says why, the fix what to do about it.
fn registration_unreadable(f: &GraphFailure) -> Check {
    let throttled = matches!(f, GraphFailure::Status { status: 429, .. });
    let advice = match f {
        GraphFailure::Http(h) => graph::http_fix_msg(h),
        GraphFailure::Status { status: 429, .. } | GraphFailure::Status { status: 503, .. } => {
            Msg::plain("azure-graph-busy-fix")
        }
        _ => Msg::plain("azure-graph-again-fix"),
    };
    Check::msg(
        "registration",
        Status::Warn,
        "azure-registration-unreadable",
        args([
            ("throttled", serde_json::Value::from(yes_no(throttled))),
            ("detail", msg_arg(&f.msg())),
            ("advice", msg_arg(&advice)),
        ]),
    )
    .code(f.code().map(str::to_string))
}

/// The selector value of a yes/no argument.
fn yes_no(b: bool) -> &'static str {
    if b {
        "yes"
    } else {
        "no"
    }
}

/// The app's display name as the messages take it (`named`, `name`).
fn app_name_args(name: Option<&str>) -> Args {
    args([
        ("named", yes_no(name.is_some())),
        ("name", name.unwrap_or_default()),
    ])
}

fn registration_check(reg: &Timed<Registration>, cloud: Cloud, client_id: &str) -> Check {
    let r = match &reg.result {
        Ok(r) => r,
        Err(f) => {
            return registration_unreadable(f)
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
                problems.push(Msg::new(
                    "azure-registration-wrong-kind",
                    perm_args(&p, Some(&w)),
                ));
                fixes.push(wrong_kind_fix(&p, &w));
            }
            None => {
                problems.push(Msg::new(
                    "azure-registration-not-requested",
                    perm_args(&p, None),
                ));
                fixes.push(add_permission_fix(&p));
            }
        }
    }
    let mut a = app_name_args(r.display_name.as_deref());
    let check = if problems.is_empty() {
        Check::msg("registration", Status::Pass, "azure-registration-ok", a)
    } else {
        a.insert("problems".into(), list_arg(problems));
        a.insert("fixes".into(), msgs_arg(&fixes));
        Check::msg(
            "registration",
            Status::Fail,
            "azure-registration-problems",
            a,
        )
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
    let portal_url = portal::api_permissions(cloud, client_id);
    let wrong = reg.and_then(|r| permissions::wrong_kind_of(p, &r.requested));
    let is_requested = reg.map(|r| requested(r, p));
    let verdict = |status: Status, message_id: &str| {
        Check::msg(id, status, message_id, perm_args(p, wrong.as_ref()))
    };
    let check = match claims {
        Some(c) if c.has_role(p.name) => {
            return verdict(Status::Pass, "azure-perm-granted").portal(portal_url)
        }
        Some(c) => match (is_requested, wrong) {
            (Some(true), _) => {
                let mut a = perm_args(p, wrong.as_ref());
                a.insert("no_roles".into(), yes_no(c.roles.is_none()).into());
                Check::msg(id, Status::Fail, "azure-perm-no-consent", a)
            }
            (_, Some(_)) => verdict(Status::Fail, "azure-perm-wrong-kind"),
            (Some(false), None) => verdict(Status::Fail, "azure-perm-not-requested"),
            (None, None) => verdict(Status::Fail, "azure-perm-not-in-roles"),
        },
        // The token could not be read: fall back to the registration, and say the verdict is weaker.
        None => match (is_requested, wrong) {
            (Some(true), _) => verdict(Status::Warn, "azure-perm-unconfirmed"),
            (_, Some(_)) => verdict(Status::Fail, "azure-perm-wrong-kind-unread"),
            (Some(false), None) => verdict(Status::Fail, "azure-perm-not-requested-unread"),
            (None, None) => verdict(Status::Warn, "azure-perm-unverifiable"),
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
    let verdict = |status: Status, message_id: &str| {
        Check::msg(
            "perm_user_read",
            status,
            message_id,
            perm_args(&p, wrong.as_ref()),
        )
    };
    let not_requested = || match wrong {
        Some(_) => verdict(Status::Fail, "azure-user-read-wrong-kind"),
        None => verdict(Status::Fail, "azure-user-read-not-requested"),
    };
    let check = match &grants.result {
        Ok(list) if list.iter().any(|g| g.is_admin_consent_for(p.name)) => {
            verdict(Status::Pass, "azure-user-read-granted")
        }
        Ok(_) if is_requested == Some(false) => not_requested(),
        Ok(_) => verdict(Status::Fail, "azure-user-read-no-consent"),
        // Not requested at all is certain even when the grants can't be read.
        Err(_) if is_requested == Some(false) => not_requested(),
        Err(f) => {
            let denied = f.status() == Some(403) || f.code() == Some("Authorization_RequestDenied");
            let mut a = perm_args(&p, wrong.as_ref());
            a.insert("denied".into(), yes_no(denied).into());
            a.insert("detail".into(), msg_arg(&f.msg()));
            Check::msg(
                "perm_user_read",
                Status::Warn,
                "azure-user-read-unverified",
                a,
            )
            .code(f.code().map(str::to_string))
        }
    };
    check.portal(portal_url).took(grants.elapsed)
}

fn tenant_failure(e: &LoginError, tenant: &str, cloud: Cloud) -> Check {
    let fail = |message_id: &str, a: Args| Check::msg("tenant", Status::Fail, message_id, a);
    match e {
        LoginError::Aad(a) => {
            let code = a.code_label();
            let c = match a.code {
                Some(90002) => fail(
                    "azure-tenant-not-found",
                    args([("tenant", tenant), ("cloud", cloud.id())]),
                ),
                Some(900023) => fail("azure-tenant-invalid", args([("tenant", tenant)])),
                _ => fail(
                    "azure-tenant-refused",
                    args([("tenant", tenant), ("message", a.message.as_str())]),
                ),
            };
            c.code(code).portal(portal::app_registrations(cloud))
        }
        LoginError::Http(h) => match h.failed_check_args("tenant") {
            // TLS, proxy and connection failures: worded from the catalog (every language).
            Some(args) => Check::msg("tenant", Status::Fail, "net-failed", args),
            None => fail("azure-tenant-lookup-failed", http_args(h)),
        },
        LoginError::Unexpected { status } => fail(
            "azure-tenant-unexpected",
            args([
                ("status", serde_json::Value::from(*status)),
                ("tenant", tenant.into()),
            ]),
        ),
    }
}

/// `detail` and `advice` of a network failure the catalog has no message of its own for.
fn http_args(h: &HttpError) -> Args {
    args([
        ("detail", msg_arg(&graph::http_msg(h))),
        ("advice", msg_arg(&graph::http_fix_msg(h))),
    ])
}

fn credentials_failure(e: &LoginError, input: &CheckInput) -> Check {
    let cloud = input.endpoints.cloud;
    let cid = input.client_id.as_str();
    let secrets = portal::certificates_and_secrets(cloud, cid);
    match e {
        LoginError::Aad(a) => credentials_aad_failure(a, input).code(a.code_label()),
        LoginError::Http(h) => match h.failed_check_args("token") {
            Some(args) => Check::msg("credentials", Status::Fail, "net-failed", args),
            None => Check::msg(
                "credentials",
                Status::Fail,
                "azure-token-failed",
                http_args(h),
            ),
        },
        LoginError::Unexpected { status } => Check::msg(
            "credentials",
            Status::Fail,
            "azure-token-unexpected",
            args([("status", *status)]),
        )
        .portal(secrets),
    }
}

fn credentials_aad_failure(a: &AadError, input: &CheckInput) -> Check {
    let cloud = input.endpoints.cloud;
    let cid = input.client_id.as_str();
    let secrets = portal::certificates_and_secrets(cloud, cid);
    let fail = |message_id: &str, a: Args| Check::msg("credentials", Status::Fail, message_id, a);
    let message = || args([("message", a.message.as_str())]);
    match a.code {
        Some(7000215) => {
            let entered = if input.secret.looks_like_secret_id() {
                "secret_id"
            } else {
                "value"
            };
            fail("azure-secret-rejected", args([("entered", entered)])).portal(secrets)
        }
        Some(7000222) => fail("azure-secret-expired", Args::new()).portal(secrets),
        Some(700016) => fail("azure-app-not-found", args([("client_id", cid)]))
            .portal(portal::app_registrations(cloud)),
        Some(7000112) | Some(70001) => {
            fail("azure-app-disabled", Args::new()).portal(portal::enterprise_app(cloud, cid))
        }
        Some(7000218) => fail("azure-no-secret", Args::new()),
        Some(70011) => fail("azure-scope-refused", message()),
        Some(53003) => {
            fail("azure-conditional-access", Args::new()).portal(portal::conditional_access(cloud))
        }
        Some(90002) | Some(900023) => {
            fail("azure-token-tenant-refused", message()).portal(portal::app_registrations(cloud))
        }
        _ => fail(
            "azure-token-refused",
            args([("error", a.error.as_str()), ("message", a.message.as_str())]),
        )
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::Lang;
    use crate::microsoft::graph::PasswordCredential;
    use graphwiz_emulator::{Emulator, Options, Scenario};

    async fn report_of(scenario: Scenario) -> Report {
        let emu = Emulator::start(Options::scenario(scenario))
            .await
            .expect("emulator");
        let c = emu.demo();
        let base = emu.base_url();
        let mut input = CheckInput::new(
            Endpoints::new(Cloud::Global, Some(&base), Some(&base)).unwrap(),
            c.tenant_id.clone(),
            c.client_id.clone(),
            ClientSecret::new(c.client_secret.clone()),
        );
        input.timeout = Duration::from_secs(10);
        run_check(&input).await
    }

    fn every_check_has_a_message(r: &Report) {
        for c in &r.checks {
            assert!(c.message_id.is_some(), "{} has no message id: {c:?}", c.id);
        }
    }

    #[tokio::test]
    async fn a_failing_and_a_passing_check_are_worded_in_german() {
        // Failing: the permissions are requested but not consented.
        let r = report_of(Scenario::NoAdminConsent).await;
        every_check_has_a_message(&r);
        let en = r.get("perm_mail_send").unwrap();
        assert_eq!(en.status, Status::Fail);
        assert!(
            en.summary.contains("admin consent was not granted"),
            "{en:?}"
        );
        assert!(en.fix.as_deref().unwrap().contains("Grant admin consent"));
        let de = r.localized(Lang::De);
        let send = de.get("perm_mail_send").unwrap();
        assert!(
            send.summary
                .starts_with("Mail.Send (Anwendung) ist angefordert"),
            "{}",
            send.summary
        );
        let fix = send.fix.as_deref().unwrap();
        for label in [
            "App-Registrierungen",
            "API-Berechtigungen",
            "„Administratorzustimmung für <Ihre Organisation> erteilen“",
            "Deaktivieren und aktivieren Sie",
        ] {
            assert!(fix.contains(label), "{label} missing in: {fix}");
        }
        // Worded again in English, it is the English text once more.
        assert_eq!(de.localized(Lang::En).get("perm_mail_send"), Some(en));

        // Passing: everything registered and consented.
        let r = report_of(Scenario::Healthy).await;
        every_check_has_a_message(&r);
        assert!(r.ok, "{r:#?}");
        let de = r.localized(Lang::De);
        let text = |id: &str| de.get(id).unwrap().summary.clone();
        assert!(
            text("tenant").contains("existiert in Azure global"),
            "{}",
            text("tenant")
        );
        assert!(text("credentials").contains("ein Token ausgestellt"));
        assert!(
            text("registration")
                .contains("fordert Mail.ReadWrite (Anwendung), Mail.Send (Anwendung) und User.Read (Delegiert) an"),
            "{}",
            text("registration")
        );
        assert!(text("perm_mail_readwrite").contains("mit Administratorzustimmung erteilt"));
        assert!(text("perm_user_read").contains("für alle Benutzer erteilt"));
        assert!(de
            .checks
            .iter()
            .all(|c| c.fix.is_none() || c.status != Status::Pass));
    }

    #[tokio::test]
    async fn wrong_type_and_wrong_secret_name_the_german_portal_labels() {
        let r = report_of(Scenario::UserReadAsApplication).await;
        every_check_has_a_message(&r);
        let c = r.get("perm_user_read").unwrap();
        assert!(
            c.summary
                .contains("it was added as Application (User.Read.All)"),
            "{c:?}"
        );
        let de = c.localized(Lang::De);
        assert!(
            de.summary
                .contains("wurde als Anwendung (User.Read.All) hinzugefügt"),
            "{}",
            de.summary
        );
        let fix = de.fix.unwrap();
        assert!(
            fix.contains(
                "Berechtigung hinzufügen → Microsoft Graph → Delegierte Berechtigungen → User.Read"
            ),
            "{fix}"
        );
        assert!(fix.contains("(Typ Anwendung)"), "{fix}");

        let r = report_of(Scenario::SecretIdPasted).await;
        every_check_has_a_message(&r);
        let de = r.get("credentials").unwrap().localized(Lang::De);
        assert!(de.summary.contains("Geheimnis-ID"), "{}", de.summary);
        assert!(de
            .fix
            .unwrap()
            .contains("Zertifikate & Geheimnisse → Geheime Clientschlüssel"));
        let skipped = r.get("registration").unwrap().localized(Lang::De);
        assert_eq!(skipped.status, Status::Skip);
        assert!(
            skipped.summary.starts_with("Übersprungen:"),
            "{}",
            skipped.summary
        );

        let r = report_of(Scenario::UnknownTenant).await;
        every_check_has_a_message(&r);
        let de = r.get("tenant").unwrap().localized(Lang::De);
        assert!(de.fix.unwrap().contains("Verzeichnis-ID (Mandant)"));
        assert_eq!(
            r.get("credentials").unwrap().summary,
            "Skipped: the tenant was not found"
        );
    }

    fn at(s: &str) -> chrono::DateTime<chrono::Utc> {
        chrono::DateTime::parse_from_rfc3339(s)
            .unwrap()
            .with_timezone(&chrono::Utc)
    }

    fn cred(name: &str, hint: &str, end: &str) -> PasswordCredential {
        PasswordCredential {
            key_id: Some(format!("key-{name}")),
            display_name: Some(name.into()),
            hint: Some(hint.into()),
            start_date_time: None,
            end_date_time: Some(end.into()),
        }
    }

    fn expiry_of(creds: Vec<PasswordCredential>, now: &str) -> Check {
        let reg = Timed {
            result: Ok(Registration {
                display_name: Some("Genesys".into()),
                requested: Vec::new(),
                password_credentials: creds,
            }),
            elapsed: Duration::ZERO,
        };
        let input = CheckInput::new(
            Endpoints::for_cloud(Cloud::Global),
            "contoso.onmicrosoft.com".into(),
            "3b9d6f4a-1c2e-4a8b-9f70-6d5e4c3b2a10".into(),
            ClientSecret::new("abcdefghijklmnopqrstuvwxyz0123456789".to_string()),
        );
        secret_expiry_check(&reg, &input, at(now)).0
    }

    #[test]
    fn expiry_dates_and_day_counts_follow_the_language() {
        let c = expiry_of(
            vec![cred("in use", "abc", "2027-05-30T10:00:00Z")],
            "2027-05-29T10:00:00Z",
        );
        assert_eq!(c.status, Status::Warn);
        assert_eq!(
            c.summary,
            "The client secret in use, 'in use' (abc…), expires on 2027-05-30: only 1 day left."
        );
        let de = c.localized(Lang::De);
        assert_eq!(
            de.summary,
            "Der verwendete geheime Clientschlüssel 'in use' (abc…) läuft am 30.05.2027 ab: nur noch 1 Tag."
        );
        assert!(de.fix.unwrap().contains("Neuer geheimer Clientschlüssel"));

        // Far off, with two other secrets that need attention.
        let c = expiry_of(
            vec![
                cred("in use", "abc", "2027-09-30T10:00:00Z"),
                cred("second", "old", "2027-06-01T10:00:00Z"),
                cred("gone", "xyz", "2027-05-01T10:00:00Z"),
            ],
            "2027-05-29T10:00:00Z",
        );
        assert_eq!(c.status, Status::Pass);
        assert!(c.fix.is_none());
        assert_eq!(
            c.summary,
            "The client secret in use, 'in use' (abc…), expires on 2027-09-30 (124 days left). \
             Other secrets of the app: 'second' (old…) expires in 3 days; 'gone' (xyz…) expired on 2027-05-01."
        );
        assert_eq!(
            c.localized(Lang::De).summary,
            "Der verwendete geheime Clientschlüssel 'in use' (abc…) läuft am 30.09.2027 ab (noch 124 Tage). \
             Weitere Schlüssel der App: 'second' (old…) läuft in 3 Tagen ab; 'gone' (xyz…) ist am 01.05.2027 abgelaufen."
        );

        // Two secrets with the hint of the one in use, no expiry entered by hand.
        let c = expiry_of(
            vec![
                cred("a", "abc", "2027-09-30T10:00:00Z"),
                cred("b", "abc", "2027-10-01T10:00:00Z"),
            ],
            "2027-05-29T10:00:00Z",
        );
        assert_eq!(c.status, Status::Warn);
        assert!(c.summary.starts_with(
            "2 client secrets of the app start with 'abc' (expiring 2027-09-30, 2027-10-01)"
        ));
        assert!(c.localized(Lang::De).summary.starts_with(
            "2 geheime Clientschlüssel der App beginnen mit „abc“ (Ablauf: 30.09.2027, 01.10.2027)"
        ));
    }

    #[test]
    fn several_registration_problems_are_listed_in_either_language() {
        let reg = Timed {
            result: Ok(Registration {
                display_name: None,
                requested: vec![(
                    permissions::MAIL_READWRITE.id.to_string(),
                    permissions::Kind::Application,
                )],
                password_credentials: Vec::new(),
            }),
            elapsed: Duration::ZERO,
        };
        let c = registration_check(&reg, Cloud::Global, "3b9d6f4a-1c2e-4a8b-9f70-6d5e4c3b2a10");
        assert_eq!(c.status, Status::Fail);
        assert_eq!(
            c.summary,
            "The app: Mail.Send (Application) is not requested; User.Read (Delegated) is not requested."
        );
        let de = c.localized(Lang::De);
        assert_eq!(
            de.summary,
            "Die App: Mail.Send (Anwendung) ist nicht angefordert; User.Read (Delegiert) ist nicht angefordert."
        );
        let fix = de.fix.unwrap();
        assert!(
            fix.contains(
                "Microsoft Graph → Anwendungsberechtigungen, setzen Sie das Häkchen bei Mail.Send"
            ),
            "{fix}"
        );
        assert!(
            fix.contains(
                "Microsoft Graph → Delegierte Berechtigungen, setzen Sie das Häkchen bei User.Read"
            ),
            "{fix}"
        );
    }

    #[test]
    fn errors_of_this_side_have_catalog_messages() {
        let e = Endpoints::new(Cloud::Global, Some("http://login.example.com"), None).unwrap_err();
        assert!(e
            .to_string()
            .starts_with("login URL: 'http://login.example.com' uses plain http"));
        assert!(e
            .msg()
            .text(Lang::De)
            .starts_with("Anmelde-URL: „http://login.example.com“ nutzt unverschlüsseltes http"));
        let e = Endpoints::new(Cloud::Global, None, Some("https://u:p@h/")).unwrap_err();
        assert_eq!(
            e.to_string(),
            "Graph URL: 'https://u:p@h/' is not usable as a base URL: remove the user name or password from the URL"
        );
        assert!(e
            .msg()
            .text(Lang::De)
            .ends_with("Entfernen Sie Benutzername oder Kennwort aus der URL"));
        assert_eq!(
            "mars".parse::<Cloud>().unwrap_err(),
            "unknown cloud 'mars': use global, usgov or china"
        );
        assert_eq!(
            Cloud::China.name_msg().text(Lang::De),
            "Azure China (21Vianet)"
        );
        let f = GraphFailure::Status {
            status: 403,
            error: Some(crate::microsoft::aad::GraphError {
                code: "Authorization_RequestDenied".into(),
                message: "Insufficient privileges.".into(),
                request_id: None,
            }),
        };
        assert_eq!(
            f.to_string(),
            "Microsoft Graph answered HTTP 403 Authorization_RequestDenied: Insufficient privileges."
        );
        assert_eq!(
            f.msg().text(Lang::De),
            "Microsoft Graph hat mit HTTP 403 Authorization_RequestDenied geantwortet: Insufficient privileges."
        );
        assert_eq!(
            crate::microsoft::token::read_claims("x")
                .unwrap_err()
                .msg()
                .text(Lang::De),
            "das Zugriffstoken ist kein JWT (erwartet sind drei durch Punkte getrennte Teile)"
        );
    }
}
