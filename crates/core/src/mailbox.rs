//! Mailbox checks: is each configured mailbox reachable through the mail endpoints the
//! integration's permissions allow (never `GET /users/{upn}`, which needs User.Read.All), and,
//! opt-in, can the app read a mailbox it should not (scope audit, FAQ question 3).

use crate::checks::{Check, Status};
use crate::cloud::{path_segment, Endpoints};
use crate::graph::{self, GraphFailure};
use crate::http::HttpClient;
use crate::login::AccessToken;
use crate::portal;
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

/// The fix for a refusal on `mailbox`.
pub fn refusal_check(
    id: &str,
    f: &GraphFailure,
    mailbox: &str,
    endpoints: &Endpoints,
    client_id: &str,
) -> Check {
    let code = f.code().map(str::to_string);
    let (summary, fix, portal_url) = match classify(f) {
        Refusal::Policy => (
            format!("An application access policy or RBAC for Applications in Exchange Online excludes {mailbox} (\"Access to OData is disabled.\")."),
            format!("Include the mailbox in the app's scope. Application access policy: add {mailbox} to the mail-enabled security group the policy names (`Add-DistributionGroupMember`), then verify with `Test-ApplicationAccessPolicy -Identity {mailbox} -AppId {client_id}`. RBAC for Applications: widen the management scope of the app's role assignment, then verify with `Test-ServicePrincipalAuthorization -Identity {client_id} -Resource {mailbox}`. Policy changes can take over an hour to apply."),
            None,
        ),
        Refusal::NotEnabled => (
            format!("{mailbox} has no usable Exchange Online mailbox: it is unlicensed, inactive, soft-deleted or hosted on-premises."),
            format!("Assign a licence that includes Exchange Online to {mailbox} (Microsoft 365 admin center → Users → Active users → the user → Licenses and apps), or use a shared mailbox in Exchange Online; on-premises mailboxes must be moved to Exchange Online. A new licence can take up to an hour to provision the mailbox."),
            None,
        ),
        Refusal::NoSuchUser => (
            format!("There is no mailbox {mailbox} in this tenant."),
            "Check the spelling and use the mailbox's primary SMTP address (Exchange admin center → Recipients → Mailboxes).".to_string(),
            None,
        ),
        Refusal::Permission => (
            format!("The app is not allowed to use {mailbox} (\"Access is denied\"): Mail.ReadWrite or Mail.Send (Application) is missing or lacks admin consent."),
            "Fix the permission checks above (perm_mail_readwrite, perm_mail_send): add the permissions with type Application and press \"Grant admin consent for <your organization>\".".to_string(),
            Some(portal::api_permissions(endpoints.cloud, client_id)),
        ),
        Refusal::Throttled => (
            format!("Microsoft Graph kept throttling or was unavailable for {mailbox} (HTTP {}).", f.status().unwrap_or(429)),
            "Outlook allows 4 concurrent requests per app and mailbox; something else may be using the mailbox heavily. Wait a few minutes and run the check again.".to_string(),
            None,
        ),
        Refusal::Other => (
            format!("Could not read {mailbox}: {f}."),
            match f {
                GraphFailure::Http(h) => h.fix(),
                _ => "Run the check again; if it persists, check the mailbox in the Exchange admin center.".to_string(),
            },
            None,
        ),
    };
    let status = match classify(f) {
        Refusal::Throttled => Status::Warn,
        _ => Status::Fail,
    };
    Check {
        id: id.to_string(),
        status,
        summary,
        fix: Some(fix),
        code,
        portal_url,
        elapsed_ms: 0,
        mailbox: Some(mailbox.to_string()),
        latency_ms: None,
        message_id: None,
        args: Default::default(),
    }
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
        Ok(folder) => Check {
            id: "mailbox_access".into(),
            status: Status::Pass,
            summary: format!(
                "{mailbox} is reachable: its Inbox holds {} messages ({} unread).",
                folder.total_item_count.unwrap_or(0),
                folder.unread_item_count.unwrap_or(0)
            ),
            fix: None,
            code: None,
            portal_url: None,
            elapsed_ms: 0,
            mailbox: Some(mailbox.to_string()),
            latency_ms: None,
            message_id: None,
            args: Default::default(),
        },
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
    let base = |status, summary: String, fix: Option<String>| Check {
        id: "scope_audit".into(),
        status,
        summary,
        fix,
        code: None,
        portal_url: None,
        elapsed_ms: u64::try_from(started.elapsed().as_millis()).unwrap_or(u64::MAX),
        mailbox: Some(probe.to_string()),
        latency_ms: None,
        message_id: None,
        args: Default::default(),
    };
    match result {
        Ok(_) => base(
            Status::Warn,
            format!("The app can read {probe}, a mailbox it does not serve: it can read every mailbox in the tenant."),
            Some(format!(
                "Restrict it with RBAC for Applications (Exchange Online PowerShell): create a management scope for the Genesys Cloud mailboxes (`New-ManagementScope -RecipientRestrictionFilter …`), register the app (`New-ServicePrincipal -AppId {client_id} -ObjectId <Enterprise application object ID>`), assign \"Application Mail.ReadWrite\" and \"Application Mail.Send\" with that scope (`New-ManagementRoleAssignment -App {client_id} -Role … -CustomResourceScope …`), then remove the unscoped Mail.ReadWrite and Mail.Send grants. Older alternative: `New-ApplicationAccessPolicy -AppId {client_id} -PolicyScopeGroupId <group> -AccessRight RestrictAccess`. Changes can take over an hour; verify with `Test-ServicePrincipalAuthorization`."
            )),
        ),
        Err(f) => match classify(&f) {
            Refusal::Policy => base(
                Status::Pass,
                format!("The app cannot read {probe}: access is limited to the mailboxes it serves."),
                None,
            ),
            Refusal::NoSuchUser | Refusal::NotEnabled => {
                let mut c = base(
                    Status::Warn,
                    format!("The scope audit proved nothing: {probe} is not a licensed mailbox of this tenant."),
                    Some("Probe with an existing, licensed mailbox that the integration does not serve (e.g. a colleague's mailbox).".into()),
                );
                c.code = f.code().map(str::to_string);
                c
            }
            _ => {
                let mut c = refusal_check("scope_audit", &f, probe, endpoints, client_id);
                c.status = Status::Warn;
                c.summary = format!("The scope audit could not decide: {}", c.summary);
                c.elapsed_ms = u64::try_from(started.elapsed().as_millis()).unwrap_or(u64::MAX);
                c
            }
        },
    }
}
