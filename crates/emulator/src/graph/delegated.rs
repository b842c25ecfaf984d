//! The directory reads of the tenant administrator's delegated token: any app, service
//! principal (Microsoft Graph's own included), grant, assignment and user, each kind behind the
//! delegated scopes that allow reading it.

use axum::http::Method;
use serde_json::{json, Value};

use crate::model::{App, Tenant, GRAPH_APP_ID};
use crate::secrets::Replication;

use super::apps::grants_list;
use super::error::{resource_not_found, GraphError};
use super::objects::{
    app_role_assignments_json, application_json, assignment_item, grants_json,
    graph_service_principal_fields, service_principal_entity, service_principal_fields, user_json,
};
use super::path::{Key, Resource};
use super::request::{app_id_key, check_guid, parse_filter, GraphRequest};

/// Delegated scopes that allow reading any application and service principal.
pub(crate) const APP_READ_SCOPES: &[&str] = &[
    "Application.Read.All",
    "Application.ReadWrite.All",
    "Directory.Read.All",
    "Directory.ReadWrite.All",
    "Directory.AccessAsUser.All",
];
/// Delegated scopes that allow listing oauth2PermissionGrants: exactly the ones Microsoft's
/// permission table for `oauth2permissiongrant-list` names (least privileged
/// `Directory.Read.All`, then `DelegatedPermissionGrant.ReadWrite.All`, `Directory.ReadWrite.All`).
pub(crate) const GRANT_READ_SCOPES: &[&str] = &[
    "Directory.Read.All",
    "DelegatedPermissionGrant.ReadWrite.All",
    "Directory.ReadWrite.All",
];
/// Delegated scopes that allow reading appRoleAssignments.
pub(crate) const ASSIGNMENT_READ_SCOPES: &[&str] = &[
    "Application.Read.All",
    "Application.ReadWrite.All",
    "AppRoleAssignment.ReadWrite.All",
    "Directory.Read.All",
    "Directory.ReadWrite.All",
    "Directory.AccessAsUser.All",
];
/// Delegated scopes that allow reading other users.
pub(crate) const USER_READ_SCOPES: &[&str] = &[
    "User.Read.All",
    "User.ReadBasic.All",
    "User.ReadWrite.All",
    "Directory.Read.All",
    "Directory.ReadWrite.All",
    "Directory.AccessAsUser.All",
];

/// A service principal of the tenant: one of its apps or Microsoft Graph itself.
pub(super) enum AnySp<'a> {
    App(&'a App),
    Graph,
}

/// Any service principal of the tenant by object id or `appId` key (delegated admin reads); one
/// still replicating is unknown.
pub(super) fn any_service_principal<'a>(
    tenant: &'a Tenant,
    key: &Key,
    pending: &Replication,
) -> Result<AnySp<'a>, GraphError> {
    let by_app_id = app_id_key(key)?;
    let v = &key.value;
    if (by_app_id && v.eq_ignore_ascii_case(GRAPH_APP_ID))
        || (!by_app_id && v.eq_ignore_ascii_case(&tenant.graph_sp_id))
    {
        return Ok(AnySp::Graph);
    }
    tenant
        .apps
        .iter()
        .filter(|a| a.has_service_principal && pending.is_usable(&a.sp_id))
        .find(|a| {
            if by_app_id {
                a.app_id.eq_ignore_ascii_case(v)
            } else {
                a.sp_id.eq_ignore_ascii_case(v)
            }
        })
        .map(AnySp::App)
        .ok_or_else(|| GraphError::not_found(v))
}

fn any_sp_json(tenant: &Tenant, sp: &AnySp<'_>) -> Value {
    match sp {
        AnySp::App(a) => service_principal_fields(tenant, a),
        AnySp::Graph => graph_service_principal_fields(tenant),
    }
}

/// Answers a resolved resource for the tenant administrator's delegated token.
pub(super) fn dispatch_delegated(
    req: &GraphRequest<'_>,
    tenant: &Tenant,
    pending: &Replication,
) -> Result<Value, GraphError> {
    if *req.method != Method::GET {
        return Err(GraphError::method_not_allowed());
    }
    let need = |scopes: &[&str]| {
        if req.caller.has_any_scope(scopes) {
            Ok(())
        } else {
            Err(GraphError::denied())
        }
    };
    match &req.resource {
        Resource::Me => {
            let mut with_me = vec!["User.Read", "User.ReadWrite"];
            with_me.extend_from_slice(USER_READ_SCOPES);
            need(&with_me)?;
            user_json(req, tenant, &tenant.admin.object_id)
                .ok_or_else(|| GraphError::not_found(&tenant.admin.object_id))
        }
        Resource::User(key) => {
            need(USER_READ_SCOPES)?;
            user_json(req, tenant, &key.value).ok_or_else(|| GraphError::not_found(&key.value))
        }
        Resource::Applications => {
            need(APP_READ_SCOPES)?;
            let wanted = app_filter(req.query.get("$filter").unwrap_or(""))?;
            let items: Vec<Value> = tenant
                .apps
                .iter()
                .filter(|a| pending.is_usable(&a.object_id) && wanted.matches(a))
                .map(|a| {
                    let mut v = application_json(req, a);
                    if let Value::Object(m) = &mut v {
                        m.remove("@odata.context");
                    }
                    v
                })
                .collect();
            Ok(json!({
                "@odata.context": format!("{}/v1.0/$metadata#applications", req.base),
                "value": items,
            }))
        }
        Resource::Application(key) => {
            need(APP_READ_SCOPES)?;
            check_guid(&key.value)?;
            let by_app_id = key
                .prop
                .as_deref()
                .is_some_and(|p| p.eq_ignore_ascii_case("appId"));
            let app = tenant
                .apps
                .iter()
                .filter(|a| pending.is_usable(&a.object_id))
                .find(|a| {
                    if by_app_id {
                        a.app_id.eq_ignore_ascii_case(&key.value)
                    } else {
                        a.object_id.eq_ignore_ascii_case(&key.value)
                    }
                })
                .ok_or_else(|| GraphError::not_found(&key.value))?;
            Ok(application_json(req, app))
        }
        Resource::ServicePrincipals => {
            need(APP_READ_SCOPES)?;
            let filter = req.query.get("$filter").unwrap_or("");
            let clauses = parse_filter(filter)?;
            let wanted = clauses
                .iter()
                .find(|(p, _)| p.eq_ignore_ascii_case("appId"))
                .map(|(_, v)| v.as_str())
                .ok_or_else(|| {
                    GraphError::bad_request("Only $filter=appId eq '{appId}' is supported.")
                })?;
            let mut items = Vec::new();
            if wanted.eq_ignore_ascii_case(GRAPH_APP_ID) {
                items.push(graph_service_principal_fields(tenant));
            }
            for a in &tenant.apps {
                if a.has_service_principal
                    && pending.is_usable(&a.sp_id)
                    && a.app_id.eq_ignore_ascii_case(wanted)
                {
                    items.push(service_principal_fields(tenant, a));
                }
            }
            Ok(json!({
                "@odata.context": format!("{}/v1.0/$metadata#servicePrincipals", req.base),
                "value": items,
            }))
        }
        Resource::ServicePrincipal(key) => {
            need(APP_READ_SCOPES)?;
            let sp = any_service_principal(tenant, key, pending)?;
            Ok(service_principal_entity(req, any_sp_json(tenant, &sp)))
        }
        Resource::ServicePrincipalGrants(key) => {
            need(GRANT_READ_SCOPES)?;
            match any_service_principal(tenant, key, pending)? {
                AnySp::App(a) => Ok(grants_json(
                    req,
                    tenant,
                    a.delegated_grant_scopes.as_deref(),
                    a,
                )),
                AnySp::Graph => Ok(json!({
                    "@odata.context": format!("{}/v1.0/$metadata#oauth2PermissionGrants", req.base),
                    "value": [],
                })),
            }
        }
        Resource::ServicePrincipalAppRoleAssignments(key) => {
            need(ASSIGNMENT_READ_SCOPES)?;
            match any_service_principal(tenant, key, pending)? {
                AnySp::App(a) => Ok(app_role_assignments_json(req, tenant, a)),
                AnySp::Graph => Ok(json!({
                    "@odata.context": format!(
                        "{}/v1.0/$metadata#servicePrincipals('{}')/appRoleAssignments",
                        req.base, tenant.graph_sp_id
                    ),
                    "value": [],
                })),
            }
        }
        Resource::ServicePrincipalAppRoleAssignedTo(key) => {
            need(ASSIGNMENT_READ_SCOPES)?;
            let id = match any_service_principal(tenant, key, pending)? {
                AnySp::App(a) => a.sp_id.clone(),
                AnySp::Graph => tenant.graph_sp_id.clone(),
            };
            let items: Vec<Value> = if id == tenant.graph_sp_id {
                tenant
                    .apps
                    .iter()
                    .filter(|a| a.has_service_principal)
                    .flat_map(|a| {
                        a.consented_app_roles
                            .iter()
                            .map(move |r| assignment_item(tenant, a, r))
                    })
                    .collect()
            } else {
                Vec::new()
            };
            Ok(json!({
                "@odata.context": format!(
                    "{}/v1.0/$metadata#servicePrincipals('{id}')/appRoleAssignedTo",
                    req.base
                ),
                "value": items,
            }))
        }
        Resource::Grants => {
            need(GRANT_READ_SCOPES)?;
            grants_list(req, tenant)
        }
        Resource::Mail(_, _)
        | Resource::ServicePrincipalAssignment(_, _)
        | Resource::Grant(_)
        | Resource::DefaultAppManagementPolicy
        | Resource::AppManagementPolicies => Err(resource_not_found()),
    }
}

/// What `GET /applications?$filter=…` asks for: every app, one display name, or one tag.
#[derive(Debug, PartialEq, Eq)]
pub(super) enum AppFilter {
    All,
    DisplayName(String),
    AppId(String),
    Tag(String),
}

impl AppFilter {
    fn matches(&self, a: &App) -> bool {
        match self {
            AppFilter::All => true,
            AppFilter::DisplayName(n) => a.display_name == *n,
            AppFilter::AppId(id) => a.app_id.eq_ignore_ascii_case(id),
            AppFilter::Tag(t) => a.tags.iter().any(|x| x == t),
        }
    }
}

/// Reads `tags/any(t:t eq 'v')`, `displayName eq 'v'` or `appId eq 'v'`.
pub(super) fn app_filter(filter: &str) -> Result<AppFilter, GraphError> {
    let f = filter.trim();
    if f.is_empty() {
        return Ok(AppFilter::All);
    }
    let compact: String = f.chars().filter(|c| !c.is_whitespace()).collect();
    if let Some(inner) = compact
        .strip_prefix("tags/any(")
        .and_then(|r| r.strip_suffix(')'))
    {
        // `t:t eq 'v'`, any variable name.
        let (var, cond) = f
            .split_once('(')
            .and_then(|(_, r)| r.rsplit_once(')'))
            .and_then(|(body, _)| body.split_once(':'))
            .ok_or_else(|| unsupported_filter(filter))?;
        let var = var.trim();
        let clauses = parse_filter(cond.trim())?;
        return match clauses.as_slice() {
            [(p, v)] if p == var && !inner.is_empty() => Ok(AppFilter::Tag(v.clone())),
            _ => Err(unsupported_filter(filter)),
        };
    }
    match parse_filter(f)?.as_slice() {
        [(p, v)] if p.eq_ignore_ascii_case("displayName") => Ok(AppFilter::DisplayName(v.clone())),
        [(p, v)] if p.eq_ignore_ascii_case("appId") => Ok(AppFilter::AppId(v.clone())),
        _ => Err(unsupported_filter(filter)),
    }
}

fn unsupported_filter(filter: &str) -> GraphError {
    GraphError::new(
        axum::http::StatusCode::BAD_REQUEST,
        "Request_UnsupportedQuery",
        format!("Unsupported or invalid query filter clause specified: '{filter}'."),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn application_filters() {
        let f = |x: &str| app_filter(x).ok();
        assert_eq!(f(""), Some(AppFilter::All));
        assert_eq!(
            f("tags/any(t:t eq 'graphwiz-setup-1')"),
            Some(AppFilter::Tag("graphwiz-setup-1".into()))
        );
        assert_eq!(
            f("tags/any(x: x eq 'a''b')"),
            Some(AppFilter::Tag("a'b".into()))
        );
        assert_eq!(
            f("displayName eq 'Genesys Cloud'"),
            Some(AppFilter::DisplayName("Genesys Cloud".into()))
        );
        assert_eq!(f("tags/any(t:u eq 'x')"), None);
        assert_eq!(f("notes eq 'x'"), None);
    }
}
