//! Mailbox checks: is each configured mailbox reachable through the mail endpoints the
//! integration's permissions allow (never `GET /users/{upn}`, which needs User.Read.All), and,
//! opt-in, can the app read a mailbox it should not (scope audit, FAQ question 3).

use crate::http::{HttpClient, HttpError};
use crate::i18n::{args, Args, Msg};
use crate::microsoft::cloud::{path_segment, Endpoints};
use crate::microsoft::graph::{self, GraphFailure};
use crate::microsoft::login::AccessToken;
use crate::microsoft::portal;
use crate::report::{Check, Status};
use serde::Deserialize;
use std::time::Instant;

/// `{graph}/v1.0/users/{upn}/{rest}`.
pub fn user_url(endpoints: &Endpoints, upn: &str, rest: &str) -> String {
    endpoints.graph_url(&format!(
        "users/{}/{}",
        path_segment(upn),
        rest.trim_start_matches('/')
    ))
}

/// What a mail endpoint's refusal means for an admin.
pub enum Refusal {
    /// Application access policy / RBAC for Applications excludes the mailbox.
    Policy,
    /// No Exchange Online licence, inactive, soft-deleted or on-premises mailbox.
    NotEnabled,
    /// No such address.
    NoSuchUser,
    /// Permission missing or not consented.
    Permission,
    /// Throttled beyond the retry budget.
    Throttled,
    /// Anything else.
    Other,
}

/// Classifies a Graph failure on a mail endpoint.
pub fn classify(f: &GraphFailure) -> Refusal {
    let (status, code, message) = match f {
        GraphFailure::Status { status, error } => (
            *status,
            error.as_ref().map(|e| e.code.as_str()).unwrap_or_default(),
            error
                .as_ref()
                .map(|e| e.message.as_str())
                .unwrap_or_default(),
        ),
        GraphFailure::Http(_) => return Refusal::Other,
    };
    match (status, code) {
        (429, _) | (503, _) => Refusal::Throttled,
        (403, "ErrorAccessDenied") if message.contains("OData is disabled") => Refusal::Policy,
        (403, _) => Refusal::Permission,
        (404, "MailboxNotEnabledForRESTAPI") | (404, "MailboxNotSupportedForRESTAPI") => {
            Refusal::NotEnabled
        }
        (404, "ErrorInvalidUser") | (404, "ResourceNotFound") => Refusal::NoSuchUser,
        _ => Refusal::Other,
    }
}

/// The catalog arguments of an HTTP failure, for the messages that word it through
/// `mail-failure` (en-mail.ftl): the network layer's catalog arguments where it has them
/// (`error` = `connect`, `proxy`, `tls`), else `error` = `other` with its text and advice.
pub(crate) fn http_failure_args(h: &HttpError) -> Args {
    match h.catalog() {
        Some((id @ ("net-tls" | "net-proxy" | "net-connect"), mut a)) => {
            a.insert("error".into(), id.trim_start_matches("net-").into());
            a
        }
        // Every other failure as the network layer words it, in the reader's language.
        _ => args([
            ("error", serde_json::Value::from("other")),
            ("text", crate::i18n::msg_arg(&h.msg())),
            ("advice", crate::i18n::msg_arg(&h.fix_msg())),
        ]),
    }
}

/// The catalog arguments of a Graph failure for `mail-failure`: an HTTP failure as
/// [`http_failure_args`] has them, or `error` = `graph` with the status and Graph's own reply.
pub(crate) fn failure_args(f: &GraphFailure) -> Args {
    match f {
        GraphFailure::Http(h) => http_failure_args(h),
        GraphFailure::Status { status, error } => {
            let reply = error
                .as_ref()
                .map(|e| format!(" {}: {}", e.code, e.message))
                .unwrap_or_default();
            args([
                ("error", serde_json::Value::from("graph")),
                ("status", serde_json::Value::from(*status)),
                ("reply", serde_json::Value::from(reply)),
            ])
        }
    }
}

impl Refusal {
    /// The key of the refusal in the catalog (`mail-refused-…`, `$refusal` of
    /// `mail-scope-undecided`).
    fn key(&self) -> &'static str {
        match self {
            Refusal::Policy => "policy",
            Refusal::NotEnabled => "not-enabled",
            Refusal::NoSuchUser => "no-user",
            Refusal::Permission => "permission",
            Refusal::Throttled => "throttled",
            Refusal::Other => "other",
        }
    }
}

/// The catalog message and arguments of a refusal on `mailbox`.
fn refusal_msg(f: &GraphFailure, refusal: &Refusal, mailbox: &str, client_id: &str) -> Msg {
    let mut a = args([("mailbox", mailbox)]);
    match refusal {
        Refusal::Policy => {
            a.insert("client".into(), client_id.into());
        }
        Refusal::Throttled => {
            a.insert("status".into(), f.status().unwrap_or(429).into());
        }
        Refusal::Other => a.extend(failure_args(f)),
        Refusal::NotEnabled | Refusal::NoSuchUser | Refusal::Permission => {}
    }
    Msg::new(&format!("mail-refused-{}", refusal.key()), a)
}

/// The fix for a refusal on `mailbox`.
pub fn refusal_check(
    id: &str,
    f: &GraphFailure,
    mailbox: &str,
    endpoints: &Endpoints,
    client_id: &str,
) -> Check {
    let refusal = classify(f);
    let status = match refusal {
        Refusal::Throttled => Status::Warn,
        _ => Status::Fail,
    };
    let m = refusal_msg(f, &refusal, mailbox, client_id);
    let mut c = Check::msg(id, status, &m.id, m.args);
    c.code = f.code().map(str::to_string);
    if let Refusal::Permission = refusal {
        c.portal_url = Some(portal::api_permissions(endpoints.cloud, client_id));
    }
    c.mailbox = Some(mailbox.to_string());
    c
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct Folder {
    total_item_count: Option<u64>,
    unread_item_count: Option<u64>,
}

/// `mailbox_access`: reads the mailbox's Inbox folder (Mail.ReadWrite allows it).
pub async fn mailbox_access(
    http: &HttpClient,
    endpoints: &Endpoints,
    token: &AccessToken,
    client_id: &str,
    mailbox: &str,
) -> Check {
    let started = Instant::now();
    let url = user_url(
        endpoints,
        mailbox,
        "mailFolders/inbox?$select=id,displayName,totalItemCount,unreadItemCount",
    );
    let result = async {
        let resp = graph::check(http.get(&url, token.bearer()).await?)?;
        Ok::<Folder, GraphFailure>(resp.json()?)
    }
    .await;
    let mut check = match result {
        Ok(folder) => {
            let mut c = Check::msg(
                "mailbox_access",
                Status::Pass,
                "mail-access-pass",
                args([
                    ("mailbox", serde_json::Value::from(mailbox)),
                    ("total", folder.total_item_count.unwrap_or(0).into()),
                    ("unread", folder.unread_item_count.unwrap_or(0).into()),
                ]),
            );
            c.mailbox = Some(mailbox.to_string());
            c
        }
        Err(f) => refusal_check("mailbox_access", &f, mailbox, endpoints, client_id),
    };
    check.elapsed_ms = u64::try_from(started.elapsed().as_millis()).unwrap_or(u64::MAX);
    check
}

/// `scope_audit`: a read-only probe (`$top=1&$select=id`) of a mailbox the app should not reach.
pub async fn scope_audit(
    http: &HttpClient,
    endpoints: &Endpoints,
    token: &AccessToken,
    client_id: &str,
    probe: &str,
) -> Check {
    let started = Instant::now();
    let url = user_url(endpoints, probe, "messages?$top=1&$select=id");
    let result = graph::check_result(http.get(&url, token.bearer()).await);
    let base = |status, id: &str, extra: Args| {
        let mut a = args([("mailbox", probe)]);
        a.extend(extra);
        let mut c = Check::msg("scope_audit", status, id, a);
        c.elapsed_ms = u64::try_from(started.elapsed().as_millis()).unwrap_or(u64::MAX);
        c.mailbox = Some(probe.to_string());
        c
    };
    match result {
        Ok(_) => base(
            Status::Warn,
            "mail-scope-open",
            args([("client", client_id)]),
        ),
        Err(f) => match classify(&f) {
            Refusal::Policy => base(Status::Pass, "mail-scope-closed", Args::new()),
            Refusal::NoSuchUser | Refusal::NotEnabled => {
                let mut c = base(Status::Warn, "mail-scope-no-mailbox", Args::new());
                c.code = f.code().map(str::to_string);
                c
            }
            refusal => {
                let inner = refusal_msg(&f, &refusal, probe, client_id);
                let mut a = inner.args;
                a.insert("refusal".into(), refusal.key().into());
                let mut c = base(Status::Warn, "mail-scope-undecided", a);
                c.code = f.code().map(str::to_string);
                if let Refusal::Permission = refusal {
                    c.portal_url = Some(portal::api_permissions(endpoints.cloud, client_id));
                }
                c
            }
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::http::Route;
    use crate::i18n::Lang;
    use crate::microsoft::aad::GraphError;
    use crate::microsoft::cloud::Cloud;

    const CID: &str = "3b9d6f4a-1c2e-4a8b-9f70-6d5e4c3b2a10";
    const MB: &str = "support@contoso.example";

    fn graph(status: u16, code: &str, message: &str) -> GraphFailure {
        GraphFailure::Status {
            status,
            error: Some(GraphError {
                code: code.into(),
                message: message.into(),
                request_id: None,
            }),
        }
    }

    fn refused(f: &GraphFailure) -> Check {
        refusal_check(
            "mailbox_access",
            f,
            MB,
            &Endpoints::for_cloud(Cloud::Global),
            CID,
        )
    }

    #[test]
    fn refusals_come_from_the_catalog_in_both_languages() {
        let policy = refused(&graph(
            403,
            "ErrorAccessDenied",
            "Access to OData is disabled.",
        ));
        assert_eq!(policy.message_id.as_deref(), Some("mail-refused-policy"));
        assert_eq!(policy.status, Status::Fail);
        assert!(
            policy.summary.contains("application access policy"),
            "{}",
            policy.summary
        );
        assert!(policy.fix.as_deref().unwrap().contains(&format!(
            "Test-ApplicationAccessPolicy -Identity {MB} -AppId {CID}"
        )));
        let de = policy.localized(Lang::De);
        assert!(
            de.summary.contains("Anwendungszugriffsrichtlinie"),
            "{}",
            de.summary
        );
        let fix = de.fix.unwrap();
        assert!(fix.contains("Postfach"), "{fix}");
        // The PowerShell commands stay as they are.
        assert!(fix.contains(&format!(
            "Test-ApplicationAccessPolicy -Identity {MB} -AppId {CID}"
        )));

        let unlicensed = refused(&graph(404, "MailboxNotEnabledForRESTAPI", "x"));
        let de = unlicensed.localized(Lang::De);
        assert!(
            de.summary.contains("Exchange Online-Postfach"),
            "{}",
            de.summary
        );
        assert!(de
            .fix
            .unwrap()
            .contains("Microsoft 365 Admin Center → Benutzer → Aktive Benutzer"));

        let denied = refused(&graph(403, "ErrorAccessDenied", "Access is denied."));
        assert!(denied.portal_url.is_some());
        assert!(denied
            .localized(Lang::De)
            .fix
            .unwrap()
            .contains("„Administratorzustimmung für <Ihre Organisation> erteilen“"));

        let throttled = refused(&GraphFailure::Status {
            status: 503,
            error: None,
        });
        assert_eq!(throttled.status, Status::Warn);
        assert!(
            throttled.summary.contains("(HTTP 503)"),
            "{}",
            throttled.summary
        );
    }

    #[test]
    fn other_failures_quote_graph_or_the_network_layer() {
        let other = refused(&graph(500, "InternalServerError", "boom"));
        assert_eq!(
            other.summary,
            format!(
                "Could not read {MB}: Microsoft Graph answered HTTP 500 InternalServerError: boom."
            )
        );
        assert_eq!(other.code.as_deref(), Some("InternalServerError"));
        let de = other.localized(Lang::De);
        assert!(
            de.summary.contains("konnte nicht gelesen werden: Microsoft Graph antwortete mit HTTP 500 InternalServerError: boom"),
            "{}",
            de.summary
        );
        assert!(de.fix.unwrap().contains("Exchange Admin Center"));

        let h = HttpError::Connect {
            host: "graph.microsoft.com".into(),
            detail: "connection refused".into(),
            route: Route::Direct,
        };
        let net = refused(&GraphFailure::Http(h.clone()));
        assert_eq!(net.summary, format!("Could not read {MB}: {h}."));
        assert_eq!(net.fix.as_deref().map(str::trim), Some(h.fix().as_str()));
        let de = net.localized(Lang::De);
        assert!(de.summary.contains(&h.text_in(Lang::De)), "{}", de.summary);

        let timeout = HttpError::Timeout {
            host: "graph.microsoft.com".into(),
            secs: 5,
        };
        let t = refused(&GraphFailure::Http(timeout.clone()));
        assert_eq!(t.summary, format!("Could not read {MB}: {timeout}."));
        assert_eq!(t.fix.as_deref(), Some(timeout.fix().as_str()));
    }

    #[test]
    fn the_scope_audit_that_could_not_decide_says_why_in_german() {
        let f = graph(403, "ErrorAccessDenied", "Access is denied.");
        let inner = refused(&f);
        let refusal = classify(&f);
        let mut a = refusal_msg(&f, &refusal, MB, CID).args;
        a.insert("refusal".into(), refusal.key().into());
        let c = Check::msg("scope_audit", Status::Warn, "mail-scope-undecided", a);
        assert_eq!(
            c.summary,
            format!("The scope audit could not decide: {}", inner.summary)
        );
        assert_eq!(c.fix, inner.fix);
        let de = c.localized(Lang::De);
        assert!(
            de.summary
                .starts_with("Die Bereichsprüfung konnte nicht entscheiden: Die App darf"),
            "{}",
            de.summary
        );
    }

    #[test]
    fn a_reachable_mailbox_counts_its_messages() {
        let c = Check::msg(
            "mailbox_access",
            Status::Pass,
            "mail-access-pass",
            args([
                ("mailbox", serde_json::Value::from(MB)),
                ("total", 12.into()),
                ("unread", 3.into()),
            ]),
        );
        assert_eq!(
            c.summary,
            format!("{MB} is reachable: its Inbox holds 12 messages (3 unread).")
        );
        assert_eq!(
            c.localized(Lang::De).summary,
            format!("{MB} ist erreichbar: Sein Posteingang enthält 12 Nachrichten (3 ungelesen).")
        );
    }
}
