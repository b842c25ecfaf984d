//! The Microsoft Graph calls of the Azure setup, with the administrator's delegated token: the
//! tenant's app management policy, Microsoft Graph's permission ids by value, the app
//! registration, its service principal, admin consent (two app role assignments and the
//! User.Read grant for all users), and deleting the app again on roll-back.
//!
//! Every call that addresses an object setup just created allows for Entra ID's replication:
//! new objects are invisible for a while ([`replicating`]), so those calls are repeated with
//! backoff until a deadline.

use crate::http::HttpClient;
use crate::microsoft::admin::AdminToken;
use crate::microsoft::cloud::{path_segment, Endpoints};
use crate::microsoft::graph::{check_result, GraphFailure};
use crate::microsoft::permissions::{self, MICROSOFT_GRAPH_APP_ID};
use chrono::{DateTime, Utc};
use serde::Deserialize;
use serde_json::{json, Value};
use std::time::{Duration, Instant};

/// The delegated permissions the setup's sign-in asks for: each the least-privileged one
/// Microsoft's permission table lists for the operations setup calls (tests/contracts/
/// operations.json): reading the app management policy (Policy.Read.All), creating the app, its
/// service principal and its secret (Application.ReadWrite.All), granting the application
/// permissions (AppRoleAssignment.ReadWrite.All) and the delegated one
/// (DelegatedPermissionGrant.ReadWrite.All).
pub const SETUP_SCOPES: [&str; 4] = [
    "Policy.Read.All",
    "Application.ReadWrite.All",
    "AppRoleAssignment.ReadWrite.All",
    "DelegatedPermissionGrant.ReadWrite.All",
];

/// The redirect URI Genesys Cloud's Azure setup guide registers on the app.
pub const REDIRECT_URI: &str = "http://localhost";

/// The account types Genesys Cloud's guide asks for: accounts in any organizational directory.
pub const SIGN_IN_AUDIENCE: &str = "AzureADMultipleOrgs";

/// What the tenant's app management policy says about new client secrets.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct PasswordPolicy {
    /// The longest lifetime a new secret may have, in days, and the policy that says so.
    pub max_lifetime: Option<(i64, String)>,
    /// The policy that blocks new client secrets, when one does.
    pub blocked_by: Option<String>,
    /// The policy could not be read (the error's words): setup goes on and says so.
    pub unreadable: Option<String>,
}

/// Days of an ISO 8601 duration as the policies write it (`P90D`, `P6M`, `P1Y`, `P2W`, …).
pub fn duration_days(iso: &str) -> Option<i64> {
    let rest = iso.trim().strip_prefix('P')?;
    let rest = rest.split('T').next()?;
    let mut days = 0i64;
    let mut num = String::new();
    for c in rest.chars() {
        if c.is_ascii_digit() {
            num.push(c);
            continue;
        }
        let n: i64 = num.parse().ok()?;
        num.clear();
        days += match c {
            'Y' => n * 365,
            'M' => n * 30,
            'W' => n * 7,
            'D' => n,
            _ => return None,
        };
    }
    (num.is_empty() && days > 0).then_some(days)
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct Restriction {
    restriction_type: Option<String>,
    max_lifetime: Option<String>,
    restrict_for_apps_created_after_date_time: Option<String>,
}

fn restrictions_of(v: &Value, key: &str) -> Vec<Restriction> {
    v.get(key)
        .and_then(|r| r.get("passwordCredentials"))
        .and_then(|p| serde_json::from_value(p.clone()).ok())
        .unwrap_or_default()
}

/// Applies a policy's password restrictions to a new app (created now).
fn apply(
    policy: &mut PasswordPolicy,
    name: &str,
    restrictions: &[Restriction],
    now: DateTime<Utc>,
) {
    for r in restrictions {
        let applies = r
            .restrict_for_apps_created_after_date_time
            .as_deref()
            .and_then(|d| DateTime::parse_from_rfc3339(d).ok())
            .is_none_or(|d| d.with_timezone(&Utc) <= now);
        if !applies {
            continue;
        }
        match r.restriction_type.as_deref() {
            Some("passwordAddition") => {
                policy.blocked_by.get_or_insert_with(|| name.to_string());
            }
            Some("passwordLifetime") => {
                if let Some(days) = r.max_lifetime.as_deref().and_then(duration_days) {
                    if policy.max_lifetime.as_ref().is_none_or(|(d, _)| days < *d) {
                        policy.max_lifetime = Some((days, name.to_string()));
                    }
                }
            }
            _ => {}
        }
    }
}

/// Reads the tenant's default app management policy, which applies to new apps (the
/// per-app policies of `appManagementPolicies` apply only to the apps assigned to them, which a
/// new app is not). A policy that cannot be read is reported, not fatal.
pub async fn password_policy(
    http: &HttpClient,
    e: &Endpoints,
    admin: &AdminToken,
) -> PasswordPolicy {
    let mut policy = PasswordPolicy::default();
    let url = e.graph_url("policies/defaultAppManagementPolicy");
    match check_result(http.get(&url, admin.bearer()).await).and_then(|r| Ok(r.json::<Value>()?)) {
        Ok(v) => {
            let enabled = v.get("isEnabled").and_then(Value::as_bool).unwrap_or(false);
            if enabled {
                let name = v
                    .get("displayName")
                    .and_then(Value::as_str)
                    .unwrap_or("Default app management tenant policy")
                    .to_string();
                apply(
                    &mut policy,
                    &name,
                    &restrictions_of(&v, "applicationRestrictions"),
                    Utc::now(),
                );
            }
        }
        Err(f) => policy.unreadable = Some(f.to_string()),
    }
    policy
}

/// Microsoft Graph's service principal in this tenant and the ids of the three permissions,
/// found by value (never hard-coded).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct GraphIds {
    /// Microsoft Graph's service principal object id (the resource of the grants).
    pub principal: String,
    /// The Mail.ReadWrite app role.
    pub mail_readwrite: String,
    /// The Mail.Send app role.
    pub mail_send: String,
    /// The User.Read delegated scope.
    pub user_read: String,
}

/// Looks the ids up on Microsoft Graph's service principal.
pub async fn graph_ids(
    http: &HttpClient,
    e: &Endpoints,
    admin: &AdminToken,
) -> Result<GraphIds, GraphFailure> {
    #[derive(Deserialize)]
    struct Named {
        id: Option<String>,
        value: Option<String>,
    }
    #[derive(Deserialize)]
    #[serde(rename_all = "camelCase")]
    struct Sp {
        id: Option<String>,
        #[serde(default)]
        app_roles: Vec<Named>,
        #[serde(default)]
        oauth2_permission_scopes: Vec<Named>,
    }
    #[derive(Deserialize)]
    struct List {
        #[serde(default)]
        value: Vec<Sp>,
    }
    let url = e.graph_url(&format!(
        "servicePrincipals?$filter={}&$select=id,appRoles,oauth2PermissionScopes",
        path_segment(&format!("appId eq '{MICROSOFT_GRAPH_APP_ID}'"))
    ));
    let list: List = check_result(http.get(&url, admin.bearer()).await)?.json()?;
    let missing = |what: &str| {
        GraphFailure::Http(crate::http::HttpError::BadBody {
            detail: format!("Microsoft Graph's service principal in this tenant has no {what}"),
        })
    };
    let sp = list
        .value
        .into_iter()
        .next()
        .ok_or_else(|| missing("entry"))?;
    let find = |items: &[Named], name: &str| {
        items
            .iter()
            .find(|n| n.value.as_deref() == Some(name))
            .and_then(|n| n.id.clone())
            .ok_or_else(|| missing(name))
    };
    Ok(GraphIds {
        principal: sp.id.clone().ok_or_else(|| missing("id"))?,
        mail_readwrite: find(&sp.app_roles, permissions::MAIL_READWRITE.name)?,
        mail_send: find(&sp.app_roles, permissions::MAIL_SEND.name)?,
        user_read: find(&sp.oauth2_permission_scopes, permissions::USER_READ.name)?,
    })
}

/// An app registration's object id and Application (client) ID.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AppIds {
    /// Object id (`id`).
    pub object_id: String,
    /// Application (client) ID (`appId`).
    pub app_id: String,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct RawApp {
    id: Option<String>,
    app_id: Option<String>,
}

fn app_ids(a: RawApp) -> Option<AppIds> {
    Some(AppIds {
        object_id: a.id?,
        app_id: a.app_id?,
    })
}

/// The app registration carrying `tag`, if one exists (after a crash during its creation).
pub async fn find_app(
    http: &HttpClient,
    e: &Endpoints,
    admin: &AdminToken,
    tag: &str,
) -> Result<Option<AppIds>, GraphFailure> {
    #[derive(Deserialize)]
    struct List {
        #[serde(default)]
        value: Vec<RawApp>,
    }
    let url = e.graph_url(&format!(
        "applications?$filter={}&$select=id,appId",
        path_segment(&format!("tags/any(t:t eq '{tag}')"))
    ));
    let list: List = check_result(http.get(&url, admin.bearer()).await)?.json()?;
    Ok(list.value.into_iter().find_map(app_ids))
}

/// Creates the app registration: `name`, the account types and redirect URI Genesys Cloud's
/// guide asks for, exactly the three permissions with their types, and `tag`.
pub async fn create_app(
    http: &HttpClient,
    e: &Endpoints,
    admin: &AdminToken,
    name: &str,
    ids: &GraphIds,
    tag: &str,
) -> Result<AppIds, GraphFailure> {
    let body = json!({
        "displayName": name,
        "signInAudience": SIGN_IN_AUDIENCE,
        "web": {"redirectUris": [REDIRECT_URI]},
        "requiredResourceAccess": [{
            "resourceAppId": MICROSOFT_GRAPH_APP_ID,
            "resourceAccess": [
                {"id": ids.mail_readwrite, "type": "Role"},
                {"id": ids.mail_send, "type": "Role"},
                {"id": ids.user_read, "type": "Scope"},
            ],
        }],
        "tags": [tag],
    });
    let resp = check_result(
        http.post_json(&e.graph_url("applications"), admin.bearer(), &body)
            .await,
    )?;
    app_ids(resp.json()?).ok_or_else(|| {
        GraphFailure::Http(crate::http::HttpError::BadBody {
            detail: "Microsoft Graph's answer to creating the application names no id or appId"
                .into(),
        })
    })
}

/// The service principal of `app_id`, if one exists.
pub async fn find_principal(
    http: &HttpClient,
    e: &Endpoints,
    admin: &AdminToken,
    app_id: &str,
) -> Result<Option<String>, GraphFailure> {
    #[derive(Deserialize)]
    struct Id {
        id: Option<String>,
    }
    #[derive(Deserialize)]
    struct List {
        #[serde(default)]
        value: Vec<Id>,
    }
    let url = e.graph_url(&format!(
        "servicePrincipals?$filter={}&$select=id",
        path_segment(&format!("appId eq '{app_id}'"))
    ));
    let list: List = check_result(http.get(&url, admin.bearer()).await)?.json()?;
    Ok(list.value.into_iter().find_map(|i| i.id))
}

/// Creates the service principal of `app_id`.
pub async fn create_principal(
    http: &HttpClient,
    e: &Endpoints,
    admin: &AdminToken,
    app_id: &str,
) -> Result<String, GraphFailure> {
    #[derive(Deserialize)]
    struct Id {
        id: Option<String>,
    }
    let resp = check_result(
        http.post_json(
            &e.graph_url("servicePrincipals"),
            admin.bearer(),
            &json!({"appId": app_id}),
        )
        .await,
    )?;
    let id: Id = resp.json()?;
    id.id.ok_or_else(|| {
        GraphFailure::Http(crate::http::HttpError::BadBody {
            detail: "Microsoft Graph's answer to creating the service principal names no id".into(),
        })
    })
}

/// The app roles granted to the service principal `principal`: (assignment id, app role id in
/// lower case).
pub async fn assigned_roles(
    http: &HttpClient,
    e: &Endpoints,
    admin: &AdminToken,
    principal: &str,
) -> Result<Vec<(String, String)>, GraphFailure> {
    #[derive(Deserialize)]
    #[serde(rename_all = "camelCase")]
    struct Item {
        id: Option<String>,
        app_role_id: Option<String>,
    }
    #[derive(Deserialize)]
    struct List {
        #[serde(default)]
        value: Vec<Item>,
    }
    let url = e.graph_url(&format!(
        "servicePrincipals/{}/appRoleAssignments",
        path_segment(principal)
    ));
    let list: List = check_result(http.get(&url, admin.bearer()).await)?.json()?;
    Ok(list
        .value
        .into_iter()
        .filter_map(|i| Some((i.id?, i.app_role_id?.to_ascii_lowercase())))
        .collect())
}

/// Grants the app role `role` of Microsoft Graph to `principal` (admin consent to an application
/// permission).
pub async fn assign_role(
    http: &HttpClient,
    e: &Endpoints,
    admin: &AdminToken,
    graph: &GraphIds,
    principal: &str,
    role: &str,
) -> Result<(), GraphFailure> {
    let url = e.graph_url(&format!(
        "servicePrincipals/{}/appRoleAssignedTo",
        path_segment(&graph.principal)
    ));
    let body = json!({"principalId": principal, "resourceId": graph.principal, "appRoleId": role});
    check_result(http.post_json(&url, admin.bearer(), &body).await).map(|_| ())
}

/// A tenant-wide (AllPrincipals) delegated grant of the app.
#[derive(Clone, Debug, Default, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Grant {
    /// The API's service principal (Microsoft Graph's for User.Read).
    pub resource_id: Option<String>,
    /// The granted scopes, space-separated.
    pub scope: Option<String>,
}

impl Grant {
    /// True when the grant is on `resource` and holds User.Read.
    pub fn has_user_read_on(&self, resource: &str) -> bool {
        self.resource_id
            .as_deref()
            .is_some_and(|r| r.eq_ignore_ascii_case(resource))
            && self
                .scope
                .as_deref()
                .unwrap_or("")
                .split_whitespace()
                .any(|s| s.eq_ignore_ascii_case(permissions::USER_READ.name))
    }
}

/// The app's tenant-wide delegated grants.
pub async fn tenant_wide_grants(
    http: &HttpClient,
    e: &Endpoints,
    admin: &AdminToken,
    principal: &str,
) -> Result<Vec<Grant>, GraphFailure> {
    #[derive(Deserialize)]
    struct List {
        #[serde(default)]
        value: Vec<Grant>,
    }
    let url = e.graph_url(&format!(
        "oauth2PermissionGrants?$filter={}",
        path_segment(&format!(
            "clientId eq '{principal}' and consentType eq 'AllPrincipals'"
        ))
    ));
    let list: List = check_result(http.get(&url, admin.bearer()).await)?.json()?;
    Ok(list.value)
}

/// Grants User.Read to the app for all users (admin consent to the delegated permission): creates
/// the tenant-wide grant unless it exists. A tenant-wide grant of other scopes only (which a new
/// app cannot have unless someone added it meanwhile) is left as it is and reported.
pub async fn grant_user_read(
    http: &HttpClient,
    e: &Endpoints,
    admin: &AdminToken,
    graph: &GraphIds,
    principal: &str,
) -> Result<(), GraphFailure> {
    let grants = tenant_wide_grants(http, e, admin, principal).await?;
    let user_read = permissions::USER_READ.name;
    let existing = grants.into_iter().find(|g| {
        g.resource_id
            .as_deref()
            .is_some_and(|r| r.eq_ignore_ascii_case(&graph.principal))
    });
    match existing {
        Some(g) if g.has_user_read_on(&graph.principal) => Ok(()),
        Some(Grant { scope, .. }) => Err(GraphFailure::Http(crate::http::HttpError::BadBody {
            detail: format!(
                "the app already has a tenant-wide grant of '{}' without User.Read; add User.Read to it in the Azure portal (API permissions → Grant admin consent)",
                scope.unwrap_or_default()
            ),
        })),
        _ => {
            let body = json!({
                "clientId": principal,
                "consentType": "AllPrincipals",
                "principalId": null,
                "resourceId": graph.principal,
                "scope": user_read,
            });
            check_result(
                http.post_json(
                    &e.graph_url("oauth2PermissionGrants"),
                    admin.bearer(),
                    &body,
                )
                .await,
            )
            .map(|_| ())
        }
    }
}

/// Deletes the app registration (its service principal, grants and secrets go with it).
/// An app that is already gone counts as deleted.
pub async fn delete_app(
    http: &HttpClient,
    e: &Endpoints,
    admin: &AdminToken,
    object_id: &str,
) -> Result<(), GraphFailure> {
    let url = e.graph_url(&format!("applications/{}", path_segment(object_id)));
    match check_result(http.delete(&url, admin.bearer()).await) {
        Ok(_) | Err(GraphFailure::Status { status: 404, .. }) => Ok(()),
        Err(f) => Err(f),
    }
}

/// The first pause and the longest one between tries while Entra ID replicates a new object.
pub const REPLICATION_RETRY: (Duration, Duration) =
    (Duration::from_millis(100), Duration::from_millis(500));

/// The pause after `pause`: half as long again, at most [`REPLICATION_RETRY`]'s longest.
pub fn next_pause(pause: Duration) -> Duration {
    (pause + pause / 2).min(REPLICATION_RETRY.1)
}

/// True when a failure is Entra ID not having replicated a new object yet: Graph answers 404
/// ("Resource '…' does not exist …") or 400 naming an object that "does not exist" or "does
/// not reference a valid application object".
pub fn replicating(f: &GraphFailure) -> bool {
    match f {
        GraphFailure::Status { status: 404, .. } => true,
        GraphFailure::Status {
            status: 400,
            error: Some(e),
        } => {
            let m = e.message.to_ascii_lowercase();
            m.contains("does not exist")
                || m.contains("does not reference a valid application object")
                || m.contains("not present")
        }
        _ => false,
    }
}

/// Repeats `call` while it fails with [`replicating`], with backoff ([`REPLICATION_RETRY`]: 0.1 s
/// growing by half to 0.5 s, so a wait overshoots Entra ID's replication by at most half a second
/// and a minute's wait costs about 120 cheap requests), until `deadline`; `waiting` is told the
/// seconds waited so far before each retry.
pub async fn through_replication<T, F, Fut>(
    deadline: Instant,
    waiting: &(dyn Fn(u64) + Send + Sync),
    mut call: F,
) -> Result<T, GraphFailure>
where
    F: FnMut() -> Fut,
    Fut: std::future::Future<Output = Result<T, GraphFailure>>,
{
    let started = Instant::now();
    let mut pause = REPLICATION_RETRY.0;
    loop {
        match call().await {
            Err(f) if replicating(&f) && Instant::now() + pause < deadline => {
                waiting(started.elapsed().as_secs());
                tokio::time::sleep(pause).await;
                pause = next_pause(pause);
            }
            other => return other,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn policy_durations_are_read_in_days() {
        assert_eq!(duration_days("P90D"), Some(90));
        assert_eq!(duration_days("P6M"), Some(180));
        assert_eq!(duration_days("P1Y"), Some(365));
        assert_eq!(duration_days("P2W"), Some(14));
        assert_eq!(duration_days("P1Y6M"), Some(545));
        assert_eq!(duration_days("90"), None);
        assert_eq!(duration_days("P"), None);
        assert_eq!(duration_days("PXD"), None);
    }

    #[test]
    fn restrictions_apply_to_new_apps_only_when_in_force() {
        let now = Utc::now();
        let r = |t: &str, max: Option<&str>, after: Option<String>| Restriction {
            restriction_type: Some(t.into()),
            max_lifetime: max.map(str::to_string),
            restrict_for_apps_created_after_date_time: after,
        };
        let mut p = PasswordPolicy::default();
        apply(
            &mut p,
            "Tenant policy",
            &[
                r("passwordLifetime", Some("P180D"), None),
                r(
                    "passwordLifetime",
                    Some("P90D"),
                    Some((now - chrono::Duration::days(1)).to_rfc3339()),
                ),
                r(
                    "passwordAddition",
                    None,
                    Some((now + chrono::Duration::days(30)).to_rfc3339()),
                ),
            ],
            now,
        );
        assert_eq!(p.max_lifetime, Some((90, "Tenant policy".to_string())));
        assert_eq!(
            p.blocked_by, None,
            "a block that starts next month does not apply yet"
        );
        apply(&mut p, "Block", &[r("passwordAddition", None, None)], now);
        assert_eq!(p.blocked_by.as_deref(), Some("Block"));
    }
}
