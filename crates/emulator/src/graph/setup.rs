//! The Graph endpoints that create and repair an app registration, for the tenant
//! administrator's delegated token (app-only tokens get 403 `Authorization_RequestDenied`):
//!
//! - `GET /policies/defaultAppManagementPolicy` and `GET /policies/appManagementPolicies`: the
//!   tenant's credential restrictions ([`crate::Options::app_policy`]);
//! - `POST /applications` (`displayName`, `signInAudience`, `web.redirectUris`,
//!   `requiredResourceAccess`, `tags`; 201 with new ids, no consent, no secret),
//!   `PATCH /applications/{id}` (replaces what it names, e.g. the whole `requiredResourceAccess`)
//!   and `DELETE /applications/{id}` (the app and its service principal);
//! - `POST /servicePrincipals` (`{appId}`; a second one for the same app: 409
//!   `Request_MultipleObjectsWithSameKeyValue`);
//! - app role assignments and delegated grants ([`super::consent`]).
//!
//! Each checks the delegated scopes of the operation's permission table and then the
//! administrator's role ([`crate::AdminRole`]). Objects created here replicate for
//! [`crate::Options::object_replication`] before reads, assignments, grants and the token
//! endpoint see them. A body property the entity type lacks answers 400 `Request_BadRequest`.

use axum::http::{Method, StatusCode};
use chrono::Utc;
use serde_json::{json, Map, Value};

use crate::model::{AccessKind, App, ResourceAccess, Tenant, GRAPH_APP_ID};
use crate::rotation::POLICY_ID;
use crate::state::{AppPolicy, Shared};

use super::body;
use super::consent::{assign, create_grant, grant, unassign, AssignVia};
use super::error::GraphError;
use super::objects::{application_json, service_principal_entity, service_principal_fields};
use super::path::{Key, Resource};
use super::request::{app_id_key, Answer, GraphRequest};
use super::select::{APPLICATION, SERVICE_PRINCIPAL};

/// Delegated scopes that allow reading the tenant's app management policies.
pub(crate) const POLICY_READ_SCOPES: &[&str] = &[
    "Policy.Read.All",
    "Policy.ReadWrite.ApplicationConfiguration",
];
/// Delegated scopes that allow creating an application.
pub(crate) const APP_CREATE_SCOPES: &[&str] =
    &["AppRegistration.Create", "Application.ReadWrite.All"];
/// Delegated scopes that allow changing and deleting any application.
pub(crate) const APP_WRITE_SCOPES: &[&str] = &["Application.ReadWrite.All"];
/// Delegated scopes that allow creating a service principal.
pub(crate) const SP_CREATE_SCOPES: &[&str] =
    &["Application.ReadWrite.All", "Directory.ReadWrite.All"];

/// The sign-in audiences Graph accepts.
const AUDIENCES: &[&str] = &[
    "AzureADMyOrg",
    "AzureADMultipleOrgs",
    "AzureADandPersonalMicrosoftAccount",
    "PersonalMicrosoftAccount",
];

/// The properties of the v1.0 `webApplication` type.
const WEB_PROPS: &[&str] = &[
    "homePageUrl",
    "implicitGrantSettings",
    "logoutUrl",
    "redirectUris",
    "redirectUriSettings",
];

/// When the policy's restrictions start applying (every app the emulator knows is newer).
const RESTRICT_AFTER: &str = "2019-01-01T00:00:00Z";

/// The answer when the request is one of these endpoints; `None` for the directory reads and
/// other resources.
pub(super) fn route(
    s: &Shared,
    tenant: &mut Tenant,
    req: &GraphRequest<'_>,
    raw: &[u8],
) -> Option<Result<Answer, GraphError>> {
    let get = *req.method == Method::GET;
    let ours = match &req.resource {
        Resource::DefaultAppManagementPolicy
        | Resource::AppManagementPolicies
        | Resource::ServicePrincipalAssignment(_, _)
        | Resource::Grant(_) => true,
        Resource::Applications
        | Resource::Application(_)
        | Resource::ServicePrincipals
        | Resource::ServicePrincipalAppRoleAssignments(_)
        | Resource::ServicePrincipalAppRoleAssignedTo(_)
        | Resource::Grants => !get,
        _ => false,
    };
    if !ours {
        return None;
    }
    if !req.caller.is_delegated() {
        return Some(Err(GraphError::denied()));
    }
    Some(handle(s, tenant, req, raw))
}

fn handle(
    s: &Shared,
    tenant: &mut Tenant,
    req: &GraphRequest<'_>,
    raw: &[u8],
) -> Result<Answer, GraphError> {
    let pending = &s.object_replication;
    let role = s.admin_role;
    let need = |scopes: &[&str], allowed: bool| {
        if req.caller.has_any_scope(scopes) && allowed {
            Ok(())
        } else {
            Err(GraphError::denied())
        }
    };
    let post = *req.method == Method::POST;
    match &req.resource {
        Resource::DefaultAppManagementPolicy | Resource::AppManagementPolicies => {
            if *req.method != Method::GET {
                return Err(GraphError::method_not_allowed());
            }
            need(POLICY_READ_SCOPES, true)?;
            let v = if req.resource == Resource::DefaultAppManagementPolicy {
                default_policy_json(req, s.app_policy)
            } else {
                json!({
                    "@odata.context": format!("{}/v1.0/$metadata#policies/appManagementPolicies", req.base),
                    "value": [],
                })
            };
            Ok(Answer::Json(StatusCode::OK, v))
        }
        Resource::Applications if post => {
            need(APP_CREATE_SCOPES, role.manages_apps())?;
            create_application(s, tenant, req, raw)
        }
        Resource::Application(key) => {
            need(APP_WRITE_SCOPES, role.manages_apps())?;
            let i = find_application(tenant, key)?;
            match *req.method {
                Method::PATCH => {
                    let m = body::object(raw)?;
                    body::known_properties(&m, APPLICATION, "application")?;
                    apply_application(&mut tenant.apps[i], &m)?;
                    Ok(Answer::Empty(StatusCode::NO_CONTENT))
                }
                Method::DELETE => {
                    tenant.apps.remove(i);
                    Ok(Answer::Empty(StatusCode::NO_CONTENT))
                }
                _ => Err(GraphError::method_not_allowed()),
            }
        }
        Resource::ServicePrincipals if post => {
            need(SP_CREATE_SCOPES, role.manages_apps())?;
            create_service_principal(s, tenant, req, raw)
        }
        Resource::ServicePrincipalAppRoleAssignedTo(key) => {
            assign(req, tenant, pending, role, key, AssignVia::Resource, raw)
        }
        Resource::ServicePrincipalAppRoleAssignments(key) => {
            assign(req, tenant, pending, role, key, AssignVia::Principal, raw)
        }
        Resource::ServicePrincipalAssignment(key, id) => {
            unassign(req, tenant, pending, role, key, id)
        }
        Resource::Grants if post => create_grant(req, tenant, pending, role, raw),
        Resource::Grant(id) => grant(req, tenant, role, id, raw),
        _ => Err(GraphError::method_not_allowed()),
    }
}

/// The tenant's default app management policy for `policy`.
fn default_policy_json(req: &GraphRequest<'_>, policy: AppPolicy) -> Value {
    let restriction = |kind: &str, max: Option<String>| {
        json!({
            "restrictionType": kind,
            "state": "enabled",
            "maxLifetime": max,
            "restrictForAppsCreatedAfterDateTime": RESTRICT_AFTER,
        })
    };
    let passwords: Vec<Value> = match policy {
        AppPolicy::None => Vec::new(),
        AppPolicy::MaxLifetime(days) => {
            vec![restriction("passwordLifetime", Some(format!("P{days}D")))]
        }
        AppPolicy::PasswordsBlocked => vec![restriction("passwordAddition", None)],
    };
    json!({
        "@odata.context": format!("{}/v1.0/$metadata#policies/defaultAppManagementPolicy/$entity", req.base),
        "id": POLICY_ID,
        "displayName": "Default app management tenant policy",
        "description": "Default tenant policy that enforces app management restrictions on applications and service principals. To apply policy to targeted resources, create a new policy under appManagementPolicies collection.",
        "isEnabled": policy != AppPolicy::None,
        "applicationRestrictions": {
            "passwordCredentials": passwords,
            "keyCredentials": [],
        },
        "servicePrincipalRestrictions": {
            "passwordCredentials": [],
            "keyCredentials": [],
        },
    })
}

/// The index of the application `key` names (object id or `appId`), or 404.
fn find_application(tenant: &Tenant, key: &Key) -> Result<usize, GraphError> {
    let by_app_id = app_id_key(key)?;
    tenant
        .apps
        .iter()
        .position(|a| {
            let id = if by_app_id { &a.app_id } else { &a.object_id };
            id.eq_ignore_ascii_case(&key.value)
        })
        .ok_or_else(|| GraphError::not_found(&key.value))
}

/// `requiredResourceAccess` as the emulator keeps it (one entry per permission).
fn required_resource_access(v: &Value) -> Result<Vec<ResourceAccess>, GraphError> {
    let bad = || body::invalid("requiredResourceAccess", "Application");
    let mut out = Vec::new();
    let Value::Array(items) = v else {
        return Err(bad());
    };
    for item in items {
        let Value::Object(m) = item else {
            return Err(bad());
        };
        body::known_properties(
            m,
            &["resourceAppId", "resourceAccess"],
            "requiredResourceAccess",
        )?;
        let resource = body::required_guid(m, "resourceAppId", "RequiredResourceAccess")?;
        let Some(Value::Array(access)) = body::get(m, "resourceAccess") else {
            return Err(bad());
        };
        for a in access {
            let Value::Object(am) = a else {
                return Err(bad());
            };
            body::known_properties(am, &["id", "type"], "resourceAccess")?;
            let id = body::required_guid(am, "id", "ResourceAccess")?;
            let kind = match body::required_text(am, "type", "ResourceAccess")?.as_str() {
                t if t.eq_ignore_ascii_case("Role") => AccessKind::Role,
                t if t.eq_ignore_ascii_case("Scope") => AccessKind::Scope,
                _ => return Err(body::invalid("type", "ResourceAccess")),
            };
            out.push(ResourceAccess {
                resource_app_id: resource.clone(),
                id,
                kind,
            });
        }
    }
    Ok(out)
}

/// Applies the stored properties of an application body to `app` (other properties of the type
/// are accepted and not kept).
fn apply_application(app: &mut App, m: &Map<String, Value>) -> Result<(), GraphError> {
    if let Some(v) = body::get(m, "displayName") {
        match v {
            Value::String(n) if !n.trim().is_empty() => app.display_name = n.clone(),
            _ => return Err(body::invalid("displayName", "Application")),
        }
    }
    if let Some(v) = body::get(m, "signInAudience") {
        let a = v
            .as_str()
            .and_then(|a| AUDIENCES.iter().find(|x| x.eq_ignore_ascii_case(a)))
            .ok_or_else(|| body::invalid("signInAudience", "Application"))?;
        app.sign_in_audience = (*a).to_string();
    }
    if let Some(v) = body::get(m, "web") {
        match v {
            Value::Null => app.redirect_uris.clear(),
            Value::Object(web) => {
                body::known_properties(web, WEB_PROPS, "webApplication")?;
                if let Some(uris) = body::string_list(web, "redirectUris", "WebApplication")? {
                    app.redirect_uris = uris;
                }
            }
            _ => return Err(body::invalid("web", "Application")),
        }
    }
    if let Some(v) = body::get(m, "requiredResourceAccess") {
        app.required_resource_access = required_resource_access(v)?;
    }
    if let Some(tags) = body::string_list(m, "tags", "Application")? {
        app.tags = tags;
    }
    Ok(())
}

fn new_guid() -> String {
    uuid::Uuid::new_v4().hyphenated().to_string()
}

/// `POST /applications`.
fn create_application(
    s: &Shared,
    tenant: &mut Tenant,
    req: &GraphRequest<'_>,
    raw: &[u8],
) -> Result<Answer, GraphError> {
    let m = body::object(raw)?;
    body::known_properties(&m, APPLICATION, "application")?;
    body::required_text(&m, "displayName", "Application")?;
    let mut app = App {
        app_id: new_guid(),
        object_id: new_guid(),
        sp_id: new_guid(),
        display_name: String::new(),
        enabled: true,
        created: Utc::now(),
        required_resource_access: Vec::new(),
        password_credentials: Vec::new(),
        consented_app_roles: Vec::new(),
        delegated_grant_scopes: None,
        grants_readable: false,
        reads_own_registration: true,
        mailbox_scope: None,
        has_service_principal: false,
        sign_in_audience: "AzureADMyOrg".to_string(),
        redirect_uris: Vec::new(),
        tags: Vec::new(),
    };
    apply_application(&mut app, &m)?;
    s.object_replication.added(&app.object_id);
    s.object_replication.added(&app.app_id);
    let answer = application_json(req, &app);
    tenant.apps.push(app);
    Ok(Answer::Json(StatusCode::CREATED, answer))
}

/// `POST /servicePrincipals`.
fn create_service_principal(
    s: &Shared,
    tenant: &mut Tenant,
    req: &GraphRequest<'_>,
    raw: &[u8],
) -> Result<Answer, GraphError> {
    let m = body::object(raw)?;
    body::known_properties(&m, SERVICE_PRINCIPAL, "servicePrincipal")?;
    let app_id = body::required_guid(&m, "appId", "ServicePrincipal")?;
    let taken = || {
        GraphError::new(
            StatusCode::CONFLICT,
            "Request_MultipleObjectsWithSameKeyValue",
            format!(
                "The service principal cannot be created, updated, or restored because the service principal name {app_id} is already in use."
            ),
        )
    };
    if app_id.eq_ignore_ascii_case(GRAPH_APP_ID) {
        return Err(taken());
    }
    let app = tenant
        .apps
        .iter_mut()
        .find(|a| a.app_id.eq_ignore_ascii_case(&app_id))
        .filter(|a| s.object_replication.is_usable(&a.app_id))
        .ok_or_else(|| {
            GraphError::bad_request(format!(
                "The appId '{app_id}' of the service principal does not reference a valid application object."
            ))
        })?;
    if app.has_service_principal {
        return Err(taken());
    }
    app.has_service_principal = true;
    s.object_replication.added(&app.sp_id);
    let app = app.clone();
    let answer = service_principal_entity(req, service_principal_fields(tenant, &app));
    Ok(Answer::Json(StatusCode::CREATED, answer))
}
