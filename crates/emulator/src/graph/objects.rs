//! How directory objects look as Graph JSON: applications, service principals (also Microsoft
//! Graph's own), delegated permission grants, app role assignments and users.

use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine as _;
use serde_json::{json, Value};

use crate::model::{AccessKind, App, Tenant, GRAPH_APP_ID, GRAPH_PERMISSIONS};

use super::request::{graph_time, GraphRequest};

/// A user object for the administrator or a mailbox user named by UPN or object id.
pub(super) fn user_json(req: &GraphRequest<'_>, tenant: &Tenant, ident: &str) -> Option<Value> {
    let ident = ident.trim();
    let (id, upn, name) = if tenant.admin.upn.eq_ignore_ascii_case(ident)
        || tenant.admin.object_id.eq_ignore_ascii_case(ident)
    {
        (
            tenant.admin.object_id.clone(),
            tenant.admin.upn.clone(),
            tenant.admin.display_name.clone(),
        )
    } else {
        let m = tenant.mailbox(ident)?;
        (
            m.object_id.clone(),
            m.address.clone(),
            m.display_name.clone(),
        )
    };
    Some(json!({
        "@odata.context": format!("{}/v1.0/$metadata#users/$entity", req.base),
        "businessPhones": [],
        "displayName": name,
        "givenName": null,
        "jobTitle": null,
        "mail": upn,
        "mobilePhone": null,
        "officeLocation": null,
        "preferredLanguage": null,
        "surname": null,
        "userPrincipalName": upn,
        "id": id,
    }))
}

/// Microsoft Graph's own service principal, with the app roles and scopes the emulator knows.
pub(super) fn graph_service_principal_fields(tenant: &Tenant) -> Value {
    let roles: Vec<Value> = GRAPH_PERMISSIONS
        .iter()
        .filter(|p| p.kind == AccessKind::Role)
        .map(|p| {
            json!({
                "allowedMemberTypes": ["Application"],
                "description": format!("Allows the app to use {} without a signed-in user.", p.name),
                "displayName": p.name,
                "id": p.id,
                "isEnabled": true,
                "origin": "Application",
                "value": p.name,
            })
        })
        .collect();
    let scopes: Vec<Value> = GRAPH_PERMISSIONS
        .iter()
        .filter(|p| p.kind == AccessKind::Scope)
        .map(|p| {
            json!({
                "adminConsentDescription": format!("Allows the app to use {} on behalf of the signed-in user.", p.name),
                "adminConsentDisplayName": p.name,
                "id": p.id,
                "isEnabled": true,
                "type": "User",
                "userConsentDescription": format!("Allows the app to use {} on your behalf.", p.name),
                "userConsentDisplayName": p.name,
                "value": p.name,
            })
        })
        .collect();
    json!({
        "id": tenant.graph_sp_id,
        "deletedDateTime": null,
        "accountEnabled": true,
        "appDisplayName": "Microsoft Graph",
        "appId": GRAPH_APP_ID,
        "appOwnerOrganizationId": "f8cdef31-a31e-4b4a-93e4-5f571e91255a",
        "displayName": "Microsoft Graph",
        "servicePrincipalType": "Application",
        "servicePrincipalNames": ["https://graph.microsoft.com", GRAPH_APP_ID],
        "signInAudience": "AzureADMultipleOrgs",
        "tags": [],
        "appRoles": roles,
        "oauth2PermissionScopes": scopes,
        "passwordCredentials": [],
        "keyCredentials": [],
    })
}

pub(super) fn application_json(req: &GraphRequest<'_>, app: &App) -> Value {
    let mut groups: Vec<(String, Vec<Value>)> = Vec::new();
    for ra in &app.required_resource_access {
        let item = json!({"id": ra.id, "type": ra.kind.as_str()});
        match groups.iter_mut().find(|(r, _)| *r == ra.resource_app_id) {
            Some((_, list)) => list.push(item),
            None => groups.push((ra.resource_app_id.clone(), vec![item])),
        }
    }
    let required: Vec<Value> = groups
        .into_iter()
        .map(|(r, list)| json!({"resourceAppId": r, "resourceAccess": list}))
        .collect();
    let passwords: Vec<Value> = app
        .password_credentials
        .iter()
        .map(|c| {
            json!({
                "customKeyIdentifier": null,
                "displayName": c.display_name,
                "endDateTime": graph_time(c.end),
                "hint": c.hint,
                "keyId": c.key_id,
                "secretText": null,
                "startDateTime": graph_time(c.start),
            })
        })
        .collect();
    let context = format!("{}/v1.0/$metadata#applications/$entity", req.base);
    json!({
        "@odata.context": context,
        "id": app.object_id,
        "deletedDateTime": null,
        "appId": app.app_id,
        "createdDateTime": graph_time(app.created),
        "displayName": app.display_name,
        "signInAudience": app.sign_in_audience,
        "tags": app.tags,
        "web": {"redirectUris": app.redirect_uris},
        "requiredResourceAccess": required,
        "passwordCredentials": passwords,
        "keyCredentials": [],
    })
}

pub(super) fn service_principal_fields(tenant: &Tenant, app: &App) -> Value {
    json!({
        "id": app.sp_id,
        "deletedDateTime": null,
        "accountEnabled": app.enabled,
        "appDisplayName": app.display_name,
        "appId": app.app_id,
        "appOwnerOrganizationId": tenant.id,
        "displayName": app.display_name,
        "servicePrincipalType": "Application",
        "servicePrincipalNames": [app.app_id],
        "signInAudience": app.sign_in_audience,
        "tags": [],
        "appRoles": [],
        "oauth2PermissionScopes": [],
        "passwordCredentials": [],
        "keyCredentials": [],
    })
}

/// A service principal's fields as a single-entity answer, with its `@odata.context`.
pub(super) fn service_principal_entity(req: &GraphRequest<'_>, mut v: Value) -> Value {
    if let Value::Object(m) = &mut v {
        m.insert(
            "@odata.context".into(),
            json!(format!(
                "{}/v1.0/$metadata#servicePrincipals/$entity",
                req.base
            )),
        );
    }
    v
}

/// A stable id built the way Graph builds grant and assignment ids: base64url of object ids.
pub(super) fn object_pair_id(a: &str, b: &str) -> String {
    let mut bytes = Vec::with_capacity(32);
    for s in [a, b] {
        match uuid::Uuid::parse_str(s) {
            Ok(u) => bytes.extend_from_slice(u.as_bytes()),
            Err(_) => bytes.extend_from_slice(s.as_bytes()),
        }
    }
    URL_SAFE_NO_PAD.encode(bytes)
}

pub(super) fn grant_item(tenant: &Tenant, app: &App, scope: &str) -> Value {
    json!({
        "id": grant_id(tenant, app),
        "clientId": app.sp_id,
        "consentType": "AllPrincipals",
        "principalId": null,
        "resourceId": tenant.graph_sp_id,
        "scope": scope,
    })
}

pub(super) fn grants_json(
    req: &GraphRequest<'_>,
    tenant: &Tenant,
    scope: Option<&str>,
    app: &App,
) -> Value {
    let items: Vec<Value> = scope
        .map(|s| grant_item(tenant, app, s))
        .into_iter()
        .collect();
    json!({
        "@odata.context": format!("{}/v1.0/$metadata#oauth2PermissionGrants", req.base),
        "value": items,
    })
}

/// The id of the assignment of Microsoft Graph app role `role` to `app`'s service principal.
pub(super) fn assignment_id(app: &App, role: &str) -> String {
    object_pair_id(&app.sp_id, &role.to_ascii_lowercase())
}

/// One assignment of a Microsoft Graph app role to `app`'s service principal.
pub(super) fn assignment_item(tenant: &Tenant, app: &App, role: &str) -> Value {
    json!({
        "id": assignment_id(app, role),
        "deletedDateTime": null,
        "appRoleId": role,
        "createdDateTime": graph_time(app.created),
        "principalDisplayName": app.display_name,
        "principalId": app.sp_id,
        "principalType": "ServicePrincipal",
        "resourceDisplayName": "Microsoft Graph",
        "resourceId": tenant.graph_sp_id,
    })
}

/// The id of `app`'s AllPrincipals grant to Microsoft Graph.
pub(super) fn grant_id(tenant: &Tenant, app: &App) -> String {
    object_pair_id(&app.sp_id, &tenant.graph_sp_id)
}

pub(super) fn app_role_assignments_json(
    req: &GraphRequest<'_>,
    tenant: &Tenant,
    app: &App,
) -> Value {
    let items: Vec<Value> = app
        .consented_app_roles
        .iter()
        .map(|role| assignment_item(tenant, app, role))
        .collect();
    json!({
        "@odata.context": format!(
            "{}/v1.0/$metadata#servicePrincipals('{}')/appRoleAssignments",
            req.base, app.sp_id
        ),
        "value": items,
    })
}
