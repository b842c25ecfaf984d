//! The directory reads of app-only callers: a client-credentials token sees only its own app
//! registration and service principal (others are forbidden or unknown), and grants and
//! assignments only where the scenario lets it read them.

use axum::http::Method;
use serde_json::{json, Value};

use crate::model::{App, Tenant, GRAPH_APP_ID};

use super::error::{resource_not_found, GraphError};
use super::objects::{
    app_role_assignments_json, application_json, grant_item, grants_json, service_principal_entity,
    service_principal_fields, user_json,
};
use super::path::{Key, Resource};
use super::request::{app_id_key, parse_filter, GraphRequest};

/// Answers a resolved resource. New resources are added here.
pub(super) fn dispatch(
    req: &GraphRequest<'_>,
    tenant: &Tenant,
    app: &App,
) -> Result<Value, GraphError> {
    if *req.method != Method::GET {
        return Err(GraphError::method_not_allowed());
    }
    match &req.resource {
        Resource::Applications => Err(GraphError::denied()),
        Resource::Application(key) => {
            let own = own_application(tenant, app, key)?;
            if !own.reads_own_registration {
                return Err(GraphError::denied());
            }
            Ok(application_json(req, own))
        }
        Resource::ServicePrincipals => {
            let filter = req.query.get("$filter").unwrap_or("");
            let clauses = parse_filter(filter)?;
            let wanted = clauses
                .iter()
                .find(|(p, _)| p.eq_ignore_ascii_case("appId"))
                .map(|(_, v)| v.as_str());
            match wanted {
                Some(v) if v.eq_ignore_ascii_case(&app.app_id) => Ok(json!({
                    "@odata.context": format!("{}/v1.0/$metadata#servicePrincipals", req.base),
                    "value": [service_principal_fields(tenant, app)],
                })),
                _ => Err(GraphError::denied()),
            }
        }
        Resource::ServicePrincipal(key) => {
            let own = own_service_principal(tenant, app, key)?;
            Ok(service_principal_entity(
                req,
                service_principal_fields(tenant, own),
            ))
        }
        Resource::ServicePrincipalGrants(key) => {
            let own = own_service_principal(tenant, app, key)?;
            if !own.grants_readable {
                return Err(GraphError::denied());
            }
            Ok(grants_json(
                req,
                tenant,
                own.delegated_grant_scopes.as_deref(),
                own,
            ))
        }
        Resource::ServicePrincipalAppRoleAssignments(key) => {
            let own = own_service_principal(tenant, app, key)?;
            if !own.grants_readable {
                return Err(GraphError::denied());
            }
            Ok(app_role_assignments_json(req, tenant, own))
        }
        Resource::User(key) => {
            // Reading a user needs User.Read.All.
            if !req.caller.has_role("User.Read.All") {
                return Err(GraphError::denied());
            }
            user_json(req, tenant, &key.value).ok_or_else(|| GraphError::not_found(&key.value))
        }
        Resource::Me => Err(GraphError::bad_request_code(
            "BadRequest",
            "/me request is only valid with delegated authentication flow.",
        )),
        Resource::Mail(_, _) => Err(resource_not_found()),
        Resource::ServicePrincipalAppRoleAssignedTo(_)
        | Resource::ServicePrincipalAssignment(_, _)
        | Resource::Grant(_)
        | Resource::DefaultAppManagementPolicy
        | Resource::AppManagementPolicies => Err(GraphError::denied()),
        Resource::Grants => {
            if !app.grants_readable {
                return Err(GraphError::denied());
            }
            grants_list(req, tenant)
        }
    }
}

/// `oauth2PermissionGrants?$filter=…` over every app of the tenant.
pub(super) fn grants_list(req: &GraphRequest<'_>, tenant: &Tenant) -> Result<Value, GraphError> {
    let filter = req.query.get("$filter").unwrap_or("");
    let clauses = parse_filter(filter)?;
    let mut items = Vec::new();
    for candidate in &tenant.apps {
        let Some(scope) = candidate.delegated_grant_scopes.as_deref() else {
            continue;
        };
        let keep = clauses.iter().all(|(p, v)| {
            if p.eq_ignore_ascii_case("clientId") {
                v.eq_ignore_ascii_case(&candidate.sp_id)
            } else if p.eq_ignore_ascii_case("consentType") {
                v.eq_ignore_ascii_case("AllPrincipals")
            } else if p.eq_ignore_ascii_case("resourceId") {
                v.eq_ignore_ascii_case(&tenant.graph_sp_id)
            } else {
                true
            }
        });
        if keep {
            items.push(grant_item(tenant, candidate, scope));
        }
    }
    Ok(json!({
        "@odata.context": format!("{}/v1.0/$metadata#oauth2PermissionGrants", req.base),
        "value": items,
    }))
}

/// The caller's own application for a key; other apps are forbidden or unknown.
fn own_application<'a>(tenant: &'a Tenant, app: &'a App, key: &Key) -> Result<&'a App, GraphError> {
    let by_app_id = app_id_key(key)?;
    let matches = |a: &App| {
        if by_app_id {
            a.app_id.eq_ignore_ascii_case(&key.value)
        } else {
            a.object_id.eq_ignore_ascii_case(&key.value)
        }
    };
    if matches(app) {
        Ok(app)
    } else if tenant.apps.iter().any(matches) {
        Err(GraphError::denied())
    } else {
        Err(GraphError::not_found(&key.value))
    }
}

/// The caller's own service principal for a key; others are forbidden or unknown.
fn own_service_principal<'a>(
    tenant: &'a Tenant,
    app: &'a App,
    key: &Key,
) -> Result<&'a App, GraphError> {
    let by_app_id = app_id_key(key)?;
    let matches = |a: &App| {
        if by_app_id {
            a.app_id.eq_ignore_ascii_case(&key.value)
        } else {
            a.sp_id.eq_ignore_ascii_case(&key.value)
        }
    };
    let is_graph = if by_app_id {
        key.value.eq_ignore_ascii_case(GRAPH_APP_ID)
    } else {
        key.value.eq_ignore_ascii_case(&tenant.graph_sp_id)
    };
    if matches(app) {
        Ok(app)
    } else if is_graph || tenant.apps.iter().any(matches) {
        Err(GraphError::denied())
    } else {
        Err(GraphError::not_found(&key.value))
    }
}
