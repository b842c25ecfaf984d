//! Admin consent through Graph, for the tenant administrator's delegated token: assigning
//! Microsoft Graph app roles to an app's service principal
//! (`POST /servicePrincipals/{resourceId}/appRoleAssignedTo`, or
//! `POST /servicePrincipals/{principalId}/appRoleAssignments`; removed with `DELETE …/{id}`) and
//! the tenant-wide delegated grant (`POST /oauth2PermissionGrants`, `PATCH` and `DELETE
//! /oauth2PermissionGrants/{id}`). An assignment adds the role to the app's next client-credentials
//! token; a grant sets its consented delegated scopes.

use axum::http::{Method, StatusCode};
use serde_json::{json, Value};

use crate::model::{app_role_name, Tenant, GRAPH_APP_ID};
use crate::secrets::Replication;
use crate::state::AdminRole;

use super::body;
use super::delegated::{any_service_principal, AnySp, GRANT_READ_SCOPES};
use super::error::GraphError;
use super::objects::{assignment_item, grant_item, object_pair_id};
use super::path::Key;
use super::request::{Answer, GraphRequest};

/// Delegated scopes that allow assigning app roles: `AppRoleAssignment.ReadWrite.All` together
/// with one that reads service principals (the operation's permission table), or
/// `Directory.ReadWrite.All`.
pub(crate) const ASSIGN_SCOPES: &[&str] = &["AppRoleAssignment.ReadWrite.All"];
/// The reads `AppRoleAssignment.ReadWrite.All` needs beside it.
const ASSIGN_READ_SCOPES: &[&str] = &[
    "Application.Read.All",
    "Application.ReadWrite.All",
    "Directory.Read.All",
];
/// Delegated scopes that allow creating, changing and deleting oauth2PermissionGrants.
pub(crate) const GRANT_WRITE_SCOPES: &[&str] = &[
    "DelegatedPermissionGrant.ReadWrite.All",
    "Directory.ReadWrite.All",
];

/// The properties of the v1.0 `appRoleAssignment` type.
const ASSIGNMENT_PROPS: &[&str] = &[
    "appRoleId",
    "createdDateTime",
    "principalDisplayName",
    "principalId",
    "principalType",
    "resourceDisplayName",
    "resourceId",
];
/// The properties of the v1.0 `oAuth2PermissionGrant` type.
const GRANT_PROPS: &[&str] = &[
    "clientId",
    "consentType",
    "principalId",
    "resourceId",
    "scope",
];

/// Which collection an assignment is posted to.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum AssignVia {
    /// `servicePrincipals/{resourceId}/appRoleAssignedTo`.
    Resource,
    /// `servicePrincipals/{principalId}/appRoleAssignments`.
    Principal,
}

fn can_assign(req: &GraphRequest<'_>) -> bool {
    let c = req.caller;
    (c.has_any_scope(ASSIGN_SCOPES) && c.has_any_scope(ASSIGN_READ_SCOPES))
        || c.has_any_scope(&["Directory.ReadWrite.All"])
}

/// `POST` to `appRoleAssignedTo` or `appRoleAssignments` of the service principal `key`.
pub(super) fn assign(
    req: &GraphRequest<'_>,
    tenant: &mut Tenant,
    pending: &Replication,
    role: AdminRole,
    key: &Key,
    via: AssignVia,
    raw: &[u8],
) -> Result<Answer, GraphError> {
    if *req.method != Method::POST {
        return Err(GraphError::method_not_allowed());
    }
    if !can_assign(req) || !role.assigns_app_roles() {
        return Err(GraphError::denied());
    }
    let path_sp = match any_service_principal(tenant, key, pending)? {
        AnySp::App(a) => a.sp_id.clone(),
        AnySp::Graph => tenant.graph_sp_id.clone(),
    };
    let m = body::object(raw)?;
    body::known_properties(&m, ASSIGNMENT_PROPS, "appRoleAssignment")?;
    let principal = body::required_guid(&m, "principalId", "AppRoleAssignment")?;
    let resource = body::required_guid(&m, "resourceId", "AppRoleAssignment")?;
    let app_role = body::required_guid(&m, "appRoleId", "AppRoleAssignment")?;
    let named = match via {
        AssignVia::Resource => &resource,
        AssignVia::Principal => &principal,
    };
    if !named.eq_ignore_ascii_case(&path_sp) {
        return Err(GraphError::bad_request(format!(
            "The {} in the request body does not match the service principal '{path_sp}' of the request URI.",
            match via {
                AssignVia::Resource => "resourceId",
                AssignVia::Principal => "principalId",
            }
        )));
    }
    if !resource.eq_ignore_ascii_case(&tenant.graph_sp_id) {
        // The emulated apps define no app roles: only Microsoft Graph's can be assigned.
        return Err(GraphError::bad_request(format!(
            "Permission being assigned was not found on the resource service principal '{resource}'."
        )));
    }
    if app_role_name(&app_role).is_none() {
        return Err(GraphError::bad_request(format!(
            "Permission being assigned was not found on application '{GRAPH_APP_ID}'."
        )));
    }
    let app = tenant
        .apps
        .iter_mut()
        .find(|a| {
            a.has_service_principal
                && a.sp_id.eq_ignore_ascii_case(&principal)
                && pending.is_usable(&a.sp_id)
        })
        .ok_or_else(|| body::reference_missing(&principal))?;
    if app
        .consented_app_roles
        .iter()
        .any(|r| r.eq_ignore_ascii_case(&app_role))
    {
        return Err(GraphError::bad_request(
            "Permission being assigned already exists on the object",
        ));
    }
    app.consented_app_roles.push(app_role.clone());
    let app = app.clone();
    let mut item = assignment_item(tenant, &app, &app_role);
    let set = match via {
        AssignVia::Resource => "appRoleAssignedTo",
        AssignVia::Principal => "appRoleAssignments",
    };
    if let Value::Object(m) = &mut item {
        m.insert(
            "@odata.context".into(),
            json!(format!(
                "{}/v1.0/$metadata#servicePrincipals('{path_sp}')/{set}/$entity",
                req.base
            )),
        );
    }
    Ok(Answer::Json(StatusCode::CREATED, item))
}

/// `DELETE servicePrincipals/{key}/appRoleAssignedTo/{id}` (or `…/appRoleAssignments/{id}`).
pub(super) fn unassign(
    req: &GraphRequest<'_>,
    tenant: &mut Tenant,
    pending: &Replication,
    role: AdminRole,
    key: &Key,
    id: &str,
) -> Result<Answer, GraphError> {
    if *req.method != Method::DELETE {
        return Err(GraphError::method_not_allowed());
    }
    if !can_assign(req) || !(role.assigns_app_roles() || role.manages_apps()) {
        return Err(GraphError::denied());
    }
    let only = match any_service_principal(tenant, key, pending)? {
        AnySp::App(a) => Some(a.sp_id.clone()),
        AnySp::Graph => None,
    };
    for app in tenant.apps.iter_mut().filter(|a| a.has_service_principal) {
        if only.as_deref().is_some_and(|sp| sp != app.sp_id) {
            continue;
        }
        let before = app.consented_app_roles.len();
        let sp = app.sp_id.clone();
        app.consented_app_roles
            .retain(|r| object_pair_id(&sp, &r.to_ascii_lowercase()) != id);
        if app.consented_app_roles.len() != before {
            return Ok(Answer::Empty(StatusCode::NO_CONTENT));
        }
    }
    Err(GraphError::not_found(id))
}

/// The grant `id` of `tenant`: the index of its app.
fn find_grant(tenant: &Tenant, id: &str) -> Result<usize, GraphError> {
    tenant
        .apps
        .iter()
        .position(|a| {
            a.delegated_grant_scopes.is_some()
                && a.has_service_principal
                && object_pair_id(&a.sp_id, &tenant.graph_sp_id) == id
        })
        .ok_or_else(|| GraphError::not_found(id))
}

fn grant_entity(req: &GraphRequest<'_>, tenant: &Tenant, i: usize) -> Value {
    let app = &tenant.apps[i];
    let mut v = grant_item(
        tenant,
        app,
        app.delegated_grant_scopes.as_deref().unwrap_or(""),
    );
    if let Value::Object(m) = &mut v {
        m.insert(
            "@odata.context".into(),
            json!(format!(
                "{}/v1.0/$metadata#oauth2PermissionGrants/$entity",
                req.base
            )),
        );
    }
    v
}

fn check_grant_writer(req: &GraphRequest<'_>, role: AdminRole) -> Result<(), GraphError> {
    if req.caller.has_any_scope(GRANT_WRITE_SCOPES) && role.grants_delegated() {
        Ok(())
    } else {
        Err(GraphError::denied())
    }
}

/// `POST /oauth2PermissionGrants`: the tenant-wide (`AllPrincipals`) grant of Microsoft Graph
/// scopes to an app's service principal.
pub(super) fn create_grant(
    req: &GraphRequest<'_>,
    tenant: &mut Tenant,
    pending: &Replication,
    role: AdminRole,
    raw: &[u8],
) -> Result<Answer, GraphError> {
    check_grant_writer(req, role)?;
    let m = body::object(raw)?;
    body::known_properties(&m, GRANT_PROPS, "oAuth2PermissionGrant")?;
    let client = body::required_guid(&m, "clientId", "OAuth2PermissionGrant")?;
    let resource = body::required_guid(&m, "resourceId", "OAuth2PermissionGrant")?;
    let consent = body::required_text(&m, "consentType", "OAuth2PermissionGrant")?;
    let scope = body::required_text(&m, "scope", "OAuth2PermissionGrant")?;
    if !consent.eq_ignore_ascii_case("AllPrincipals") {
        // Grants for one user are not emulated (no users besides the administrator consent).
        return Err(body::invalid("consentType", "OAuth2PermissionGrant"));
    }
    if !matches!(body::get(&m, "principalId"), None | Some(Value::Null)) {
        return Err(body::invalid("principalId", "OAuth2PermissionGrant"));
    }
    if !resource.eq_ignore_ascii_case(&tenant.graph_sp_id) {
        return Err(body::reference_missing(&resource));
    }
    let i = tenant
        .apps
        .iter()
        .position(|a| {
            a.has_service_principal
                && a.sp_id.eq_ignore_ascii_case(&client)
                && pending.is_usable(&a.sp_id)
        })
        .ok_or_else(|| body::reference_missing(&client))?;
    if tenant.apps[i].delegated_grant_scopes.is_some() {
        return Err(GraphError::new(
            StatusCode::CONFLICT,
            "Request_MultipleObjectsWithSameKeyValue",
            "Permission entry already exists.",
        ));
    }
    tenant.apps[i].delegated_grant_scopes = Some(scope);
    Ok(Answer::Json(
        StatusCode::CREATED,
        grant_entity(req, tenant, i),
    ))
}

/// `GET`, `PATCH` (`{scope}`) and `DELETE /oauth2PermissionGrants/{id}`.
pub(super) fn grant(
    req: &GraphRequest<'_>,
    tenant: &mut Tenant,
    role: AdminRole,
    id: &str,
    raw: &[u8],
) -> Result<Answer, GraphError> {
    match *req.method {
        Method::GET => {
            if !req.caller.has_any_scope(GRANT_READ_SCOPES) {
                return Err(GraphError::denied());
            }
            let i = find_grant(tenant, id)?;
            Ok(Answer::Json(StatusCode::OK, grant_entity(req, tenant, i)))
        }
        Method::PATCH => {
            check_grant_writer(req, role)?;
            let i = find_grant(tenant, id)?;
            let m = body::object(raw)?;
            body::known_properties(&m, GRANT_PROPS, "oAuth2PermissionGrant")?;
            if let Some(v) = body::get(&m, "scope") {
                let scope = v
                    .as_str()
                    .ok_or_else(|| body::invalid("scope", "OAuth2PermissionGrant"))?;
                tenant.apps[i].delegated_grant_scopes = Some(scope.trim().to_string());
            }
            Ok(Answer::Empty(StatusCode::NO_CONTENT))
        }
        Method::DELETE => {
            check_grant_writer(req, role)?;
            let i = find_grant(tenant, id)?;
            tenant.apps[i].delegated_grant_scopes = None;
            Ok(Answer::Empty(StatusCode::NO_CONTENT))
        }
        _ => Err(GraphError::method_not_allowed()),
    }
}
