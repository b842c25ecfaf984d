//! The Azure chain's verdicts: the check ids in report order, the checks skipped for a reason, and
//! the verdicts of tenant discovery, the token, the registration and the permissions.

use super::input::CheckInput;
use crate::http::HttpError;
use crate::i18n::{args, msg_arg, msgs_arg, Args, Msg};
use crate::microsoft::aad::AadError;
use crate::microsoft::cloud::Cloud;
use crate::microsoft::graph::{self, Grant, GraphFailure, Registration};
use crate::microsoft::login::LoginError;
use crate::microsoft::permissions::{self, Permission};
use crate::microsoft::portal;
use crate::microsoft::token::TokenClaims;
use crate::report::{Check, Status};
use std::time::{Duration, Instant};

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

pub(super) const GRAPH_CHECK_IDS: [&str; 5] = [
    "registration",
    "perm_mail_readwrite",
    "perm_mail_send",
    "perm_user_read",
    "secret_expiry",
];

/// Outcome of a timed Graph read.
pub(super) struct Timed<T> {
    pub(super) result: Result<T, GraphFailure>,
    pub(super) elapsed: Duration,
}

pub(super) async fn timed<T>(
    f: impl std::future::Future<Output = Result<T, GraphFailure>>,
) -> Timed<T> {
    let started = Instant::now();
    let result = f.await;
    Timed {
        result,
        elapsed: started.elapsed(),
    }
}

/// Why the checks after discovery did not run (catalog messages, "Skipped: …").
pub(super) const SKIP_NO_TENANT: &str = "azure-skip-no-tenant";
pub(super) const SKIP_NO_TOKEN: &str = "azure-skip-no-token";
/// Entra ID could not be reached at all: the tenant was not looked up, so it is not "not found".
pub(super) const SKIP_UNREACHABLE: &str = "azure-skip-unreachable";

/// A check skipped for the reason catalog message `reason` words.
pub(super) fn skipped(id: &str, reason: &str) -> Check {
    Check::msg(id, Status::Skip, reason, Args::new())
}

/// The checks after the token, all skipped for `reason` (a catalog message).
pub(super) fn skipped_graph_checks(input: &CheckInput, reason: &str) -> Vec<Check> {
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

/// The arguments naming permission `p` (`perm`, `kind`) and, when given, its wrong-type
/// look-alike (`wrong`, `wrong_kind`): what the permission messages and their fixes take.
pub(super) fn perm_args(p: &Permission, wrong: Option<&Permission>) -> Args {
    let mut a = args([("perm", p.name), ("kind", p.kind.id())]);
    if let Some(w) = wrong {
        a.insert("wrong".into(), w.name.into());
        a.insert("wrong_kind".into(), w.kind.id().into());
    }
    a
}

/// Adds the permission, from its tab of "Add a permission".
pub(super) fn add_permission_fix(p: &Permission) -> Msg {
    Msg::new("azure-fix-add", perm_args(p, None))
}

/// Replaces the look-alike `wrong` with `p`.
pub(super) fn wrong_kind_fix(p: &Permission, wrong: &Permission) -> Msg {
    Msg::new("azure-fix-wrong-kind", perm_args(p, Some(wrong)))
}

pub(super) fn requested(reg: &Registration, p: &Permission) -> bool {
    reg.requested
        .iter()
        .any(|(id, kind)| id.eq_ignore_ascii_case(p.id) && *kind == p.kind)
}

/// The registration could not be read: the summary says why, the fix what to do about it.
pub(super) fn registration_unreadable(f: &GraphFailure) -> Check {
    let throttled = matches!(f, GraphFailure::Status { status: 429, .. });
    let advice = match f {
        GraphFailure::Http(h) => graph::http_fix_msg(h),
        GraphFailure::Status { status: 429, .. } | GraphFailure::Status { status: 503, .. } => {
            Msg::plain("azure-graph-busy-fix")
        }
        // Whether an app with only Mail permissions may read its own registration by its
        // Application (client) ID is not documented: refused, graphwiz cannot verify the
        // requested permissions itself and says how to check them by hand.
        GraphFailure::Status {
            status: 401 | 403 | 404,
            ..
        } => Msg::plain("azure-registration-self-read-refused-fix"),
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
pub(super) fn yes_no(b: bool) -> &'static str {
    if b {
        "yes"
    } else {
        "no"
    }
}

/// The app's display name as the messages take it (`named`, `name`).
pub(super) fn app_name_args(name: Option<&str>) -> Args {
    args([
        ("named", yes_no(name.is_some())),
        ("name", name.unwrap_or_default()),
    ])
}

pub(super) fn registration_check(
    reg: &Timed<Registration>,
    cloud: Cloud,
    client_id: &str,
) -> Check {
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

pub(super) fn application_permission_check(
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

pub(super) fn user_read_check(
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

pub(super) fn tenant_failure(e: &LoginError, tenant: &str, cloud: Cloud) -> Check {
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
pub(super) fn http_args(h: &HttpError) -> Args {
    args([
        ("detail", msg_arg(&graph::http_msg(h))),
        ("advice", msg_arg(&graph::http_fix_msg(h))),
    ])
}

pub(super) fn credentials_failure(e: &LoginError, input: &CheckInput) -> Check {
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

pub(super) fn credentials_aad_failure(a: &AadError, input: &CheckInput) -> Check {
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
        Some(70011) | Some(1002012) => fail("azure-scope-refused", message()),
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

/// Items of a list worded "a; b; c": every item but the last gets `more = yes`, which its
/// catalog text ends in ";" for.
pub(super) fn with_more(mut items: Vec<Msg>) -> Vec<Msg> {
    let n = items.len();
    for (i, m) in items.iter_mut().enumerate() {
        m.args.insert("more".into(), yes_no(i + 1 < n).into());
    }
    items
}

/// [`with_more`] as one argument.
pub(super) fn list_arg(items: Vec<Msg>) -> serde_json::Value {
    msgs_arg(&with_more(items))
}
