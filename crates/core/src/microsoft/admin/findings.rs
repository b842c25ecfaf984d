//! What the administrator's token reads: the integration's service principal, its tenant-wide
//! delegated grants and app role assignments, and the `perm_user_read` verdict they settle.

use super::error::AdminError;
use super::token::AdminToken;
use crate::http::HttpClient;
use crate::i18n::{args, msg_arg, Msg};
use crate::microsoft::cloud::{path_segment, Cloud, Endpoints};
use crate::microsoft::graph::{self, Grant, GraphFailure};
use crate::microsoft::permissions::{self, MICROSOFT_GRAPH_APP_ID};
use crate::microsoft::portal;
use crate::report::{Check, Report, Status};
use serde::Deserialize;

/// Pages of a Graph collection read at most.
pub(super) const MAX_PAGES: usize = 20;

// ---------------------------------------------------------------------------------------------
// What the administrator's token reads
// ---------------------------------------------------------------------------------------------

/// What an administrator's sign-in proved about the integration's consents.
#[derive(Clone, Debug, Default, PartialEq, Eq, serde::Serialize)]
pub struct AdminFindings {
    /// Delegated User.Read on Microsoft Graph has tenant-wide admin consent (an `AllPrincipals`
    /// grant).
    pub user_read_consented: bool,
    /// Mail.ReadWrite (Application) is assigned on Microsoft Graph.
    pub mail_readwrite_assigned: bool,
    /// Mail.Send (Application) is assigned on Microsoft Graph.
    pub mail_send_assigned: bool,
    /// Who signed in (the token's `upn` claim, or `/me`).
    pub admin_upn: Option<String>,
    /// The integration's service principal; `None` when the tenant has none (nobody consented).
    pub service_principal_id: Option<String>,
    /// Delegated Microsoft Graph scopes consented for all users.
    pub consented_scopes: Vec<String>,
}

#[derive(Deserialize)]
pub(super) struct Page<T> {
    #[serde(default = "Vec::new")]
    value: Vec<T>,
    #[serde(rename = "@odata.nextLink")]
    next_link: Option<String>,
}

/// Reads every page of a collection (at most [`MAX_PAGES`]); next links are followed only on the
/// Graph host in use, so the token never goes elsewhere.
pub(super) async fn graph_collection<T: serde::de::DeserializeOwned>(
    http: &HttpClient,
    endpoints: &Endpoints,
    token: &AdminToken,
    first: String,
) -> Result<Vec<T>, GraphFailure> {
    let prefix = format!("{}/", endpoints.graph_base());
    let mut url = first;
    let mut out = Vec::new();
    for _ in 0..MAX_PAGES {
        let page: Page<T> = graph::get(http, token.bearer(), &url).await?.json()?;
        out.extend(page.value);
        match page.next_link {
            Some(next) if next.starts_with(&prefix) => url = next,
            _ => break,
        }
    }
    Ok(out)
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
pub(super) struct Assignment {
    app_role_id: Option<String>,
    resource_id: Option<String>,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
pub(super) struct Me {
    user_principal_name: Option<String>,
}

/// The service principal of `app_id` in the tenant, `None` when it has none (404) or the answer
/// carries no GUID.
pub(super) async fn service_principal_id(
    http: &HttpClient,
    endpoints: &Endpoints,
    token: &AdminToken,
    app_id: &str,
) -> Result<Option<String>, GraphFailure> {
    match graph::service_principal_of(http, endpoints, token.bearer(), app_id).await {
        Ok(id) => Ok(id.filter(|id| crate::validate::is_guid(id))),
        Err(f) if f.status() == Some(404) => Ok(None),
        Err(f) => Err(f),
    }
}

pub(super) fn graph_err(what: &'static str) -> impl Fn(GraphFailure) -> AdminError {
    move |failure| AdminError::Graph { what, failure }
}

/// Reads, with the administrator's token, whether the integration `client_id` has admin consent:
/// its service principal by appId, its `AllPrincipals` delegated grants on Microsoft Graph
/// (User.Read) and its app role assignments on Microsoft Graph (Mail.ReadWrite, Mail.Send).
pub async fn admin_findings(
    http: &HttpClient,
    endpoints: &Endpoints,
    admin_token: &AdminToken,
    client_id: &str,
) -> Result<AdminFindings, AdminError> {
    let (sp, graph_sp) = tokio::join!(
        service_principal_id(http, endpoints, admin_token, client_id),
        service_principal_id(http, endpoints, admin_token, MICROSOFT_GRAPH_APP_ID),
    );
    let sp = sp.map_err(graph_err("app-sp"))?;
    let graph_sp = graph_sp.map_err(graph_err("graph-sp"))?;
    let admin_upn = match admin_token.upn() {
        Some(u) => Some(u.to_string()),
        None => match graph::get(
            http,
            admin_token.bearer(),
            &endpoints.graph_url("me?$select=userPrincipalName"),
        )
        .await
        {
            Ok(resp) => resp.json::<Me>().ok().and_then(|m| m.user_principal_name),
            Err(_) => None,
        },
    };
    let Some(sp_id) = sp else {
        // No service principal: the app was never consented to (or does not exist) in this tenant.
        return Ok(AdminFindings {
            admin_upn,
            ..AdminFindings::default()
        });
    };
    let on_graph = |resource: Option<&str>| match (&graph_sp, resource) {
        (Some(g), Some(r)) => g.eq_ignore_ascii_case(r),
        // Microsoft Graph's service principal unknown: accept any resource (best effort).
        (None, _) => true,
        (Some(_), None) => false,
    };
    let filter = format!("clientId eq '{sp_id}' and consentType eq 'AllPrincipals'");
    let grants_url = endpoints.graph_url(&format!(
        "oauth2PermissionGrants?$filter={}",
        path_segment(&filter)
    ));
    let assignments_url = endpoints.graph_url(&format!(
        "servicePrincipals/{}/appRoleAssignments",
        path_segment(&sp_id)
    ));
    let (grants, assignments) = tokio::join!(
        graph_collection::<Grant>(http, endpoints, admin_token, grants_url),
        graph_collection::<Assignment>(http, endpoints, admin_token, assignments_url),
    );
    let grants: Vec<Grant> = grants
        .map_err(graph_err("grants"))?
        .into_iter()
        .filter(|g| on_graph(g.resource_id.as_deref()))
        .collect();
    let assignments = assignments.map_err(graph_err("assignments"))?;
    let mut consented_scopes: Vec<String> = Vec::new();
    for g in grants
        .iter()
        .filter(|g| g.consent_type.as_deref() == Some("AllPrincipals"))
    {
        for s in g.scope.as_deref().unwrap_or_default().split_whitespace() {
            if !consented_scopes.iter().any(|x| x.eq_ignore_ascii_case(s)) {
                consented_scopes.push(s.to_string());
            }
        }
    }
    let assigned = |role: &str| {
        assignments.iter().any(|a| {
            a.app_role_id
                .as_deref()
                .is_some_and(|id| id.eq_ignore_ascii_case(role))
                && on_graph(a.resource_id.as_deref())
        })
    };
    Ok(AdminFindings {
        user_read_consented: grants
            .iter()
            .any(|g| g.is_admin_consent_for(permissions::USER_READ.name)),
        mail_readwrite_assigned: assigned(permissions::MAIL_READWRITE.id),
        mail_send_assigned: assigned(permissions::MAIL_SEND.id),
        admin_upn,
        service_principal_id: Some(sp_id),
        consented_scopes,
    })
}

/// The `perm_user_read` check decided for certain by an administrator's sign-in.
pub fn user_read_check_from_admin(
    findings: &AdminFindings,
    cloud: Cloud,
    client_id: &str,
) -> Check {
    let who = match findings.admin_upn.as_deref() {
        Some(u) => Msg::new("admin-verified-as", args([("upn", u)])),
        None => Msg::plain("admin-verified"),
    };
    let (status, id) = if findings.user_read_consented {
        (Status::Pass, "admin-user-read-pass")
    } else if findings.service_principal_id.is_none() {
        (Status::Fail, "admin-user-read-no-sp")
    } else {
        (Status::Fail, "admin-user-read-missing")
    };
    let mut c = Check::msg("perm_user_read", status, id, args([("who", msg_arg(&who))]));
    c.portal_url = Some(portal::api_permissions(cloud, client_id));
    c
}

/// Replaces the report's `perm_user_read` check by the one an administrator's sign-in decided,
/// when that check could not be verified (`warn`); returns whether it was replaced. `ok` is
/// recomputed.
pub fn settle_user_read(
    report: &mut Report,
    findings: &AdminFindings,
    cloud: Cloud,
    client_id: &str,
) -> bool {
    let Some(slot) = report
        .checks
        .iter_mut()
        .find(|c| c.id == "perm_user_read" && c.status == Status::Warn)
    else {
        return false;
    };
    let elapsed = slot.elapsed_ms;
    *slot = Check {
        elapsed_ms: elapsed,
        ..user_read_check_from_admin(findings, cloud, client_id)
    };
    report.ok = report.checks.iter().all(|c| c.status != Status::Fail);
    true
}
