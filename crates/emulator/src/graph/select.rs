//! `$select` on directory objects (applications, service principals, users), as Graph applies it:
//! only the named properties are returned (with the `@odata.*` annotations), the context names
//! the selection, and a property the entity type lacks is refused with 400 `Request_BadRequest`
//! "Could not find a property named '…' on type 'microsoft.graph.…'.".
//!
//! The property lists are the structural properties of the v1.0 entity types (Microsoft Graph's
//! metadata; the contract tests check the emulator's answers against the Graph SDK's models).

use serde_json::{Map, Value};

use super::error::GraphError;
use super::path::Resource;
use super::request::GraphRequest;

pub(super) const DIRECTORY_OBJECT: &[&str] = &["id", "deletedDateTime"];

pub(super) const APPLICATION: &[&str] = &[
    "addIns",
    "api",
    "appId",
    "applicationTemplateId",
    "appRoles",
    "authenticationBehaviors",
    "certification",
    "createdDateTime",
    "defaultRedirectUri",
    "description",
    "disabledByMicrosoftStatus",
    "displayName",
    "groupMembershipClaims",
    "identifierUris",
    "info",
    "isDeviceOnlyAuthSupported",
    "isFallbackPublicClient",
    "keyCredentials",
    "logo",
    "nativeAuthenticationApisEnabled",
    "notes",
    "oauth2RequirePostResponseTypes",
    "optionalClaims",
    "parentalControlSettings",
    "passwordCredentials",
    "publicClient",
    "publisherDomain",
    "requestSignatureVerification",
    "requiredResourceAccess",
    "samlMetadataUrl",
    "serviceManagementReference",
    "servicePrincipalLockConfiguration",
    "signInAudience",
    "spa",
    "tags",
    "tokenEncryptionKeyId",
    "uniqueName",
    "verifiedPublisher",
    "web",
];

pub(super) const SERVICE_PRINCIPAL: &[&str] = &[
    "accountEnabled",
    "addIns",
    "alternativeNames",
    "appDescription",
    "appDisplayName",
    "appId",
    "applicationTemplateId",
    "appOwnerOrganizationId",
    "appRoleAssignmentRequired",
    "appRoles",
    "customSecurityAttributes",
    "description",
    "disabledByMicrosoftStatus",
    "displayName",
    "homepage",
    "info",
    "keyCredentials",
    "loginUrl",
    "logoutUrl",
    "notes",
    "notificationEmailAddresses",
    "oauth2PermissionScopes",
    "passwordCredentials",
    "preferredSingleSignOnMode",
    "preferredTokenSigningKeyThumbprint",
    "replyUrls",
    "resourceSpecificApplicationPermissions",
    "samlSingleSignOnSettings",
    "servicePrincipalNames",
    "servicePrincipalType",
    "signInAudience",
    "tags",
    "tokenEncryptionKeyId",
    "verifiedPublisher",
];

const USER: &[&str] = &[
    "accountEnabled",
    "businessPhones",
    "city",
    "companyName",
    "country",
    "createdDateTime",
    "department",
    "displayName",
    "employeeId",
    "givenName",
    "jobTitle",
    "mail",
    "mailNickname",
    "mobilePhone",
    "officeLocation",
    "onPremisesSyncEnabled",
    "otherMails",
    "postalCode",
    "preferredLanguage",
    "proxyAddresses",
    "state",
    "streetAddress",
    "surname",
    "usageLocation",
    "userPrincipalName",
    "userType",
];

/// The entity type a directory resource answers with, and its structural properties.
fn entity_of(resource: &Resource) -> Option<(&'static str, &'static str, &'static [&'static str])> {
    match resource {
        Resource::Application(_) | Resource::Applications => {
            Some(("application", "applications", APPLICATION))
        }
        Resource::ServicePrincipal(_) | Resource::ServicePrincipals => {
            Some(("servicePrincipal", "servicePrincipals", SERVICE_PRINCIPAL))
        }
        Resource::Me | Resource::User(_) => Some(("user", "users", USER)),
        _ => None,
    }
}

/// The canonical names of a `$select` list for `type_name`, or the 400 for the first unknown one.
fn parse(
    select: &str,
    type_name: &str,
    props: &'static [&'static str],
) -> Result<Vec<&'static str>, GraphError> {
    let mut out: Vec<&'static str> = Vec::new();
    for item in select.split(',').map(str::trim).filter(|s| !s.is_empty()) {
        let found = DIRECTORY_OBJECT
            .iter()
            .chain(props.iter())
            .find(|p| p.eq_ignore_ascii_case(item))
            .copied();
        match found {
            Some(p) if !out.contains(&p) => out.push(p),
            Some(_) => {}
            None => {
                return Err(GraphError::bad_request_code(
                    "Request_BadRequest",
                    format!("Could not find a property named '{item}' on type 'microsoft.graph.{type_name}'."),
                ))
            }
        }
    }
    Ok(out)
}

fn keep(entity: &Value, names: &[&str]) -> Value {
    let mut out = Map::new();
    if let Value::Object(m) = entity {
        for (k, v) in m {
            if k.starts_with("@odata.") || names.contains(&k.as_str()) {
                out.insert(k.clone(), v.clone());
            }
        }
    }
    Value::Object(out)
}

/// Applies the request's `$select` to a directory answer (an entity or a `value` collection).
/// Answers of other resources, and requests without `$select`, pass unchanged.
pub(super) fn apply(req: &GraphRequest<'_>, answer: Value) -> Result<Value, GraphError> {
    let Some((type_name, set, props)) = entity_of(&req.resource) else {
        return Ok(answer);
    };
    let Some(select) = req.query.get("$select").filter(|s| !s.trim().is_empty()) else {
        return Ok(answer);
    };
    let names = parse(select, type_name, props)?;
    let listed = names.join(",");
    let mut answer = answer;
    if let Some(Value::Array(items)) = answer.get_mut("value") {
        for item in items.iter_mut() {
            *item = keep(item, &names);
        }
        if let Some(Value::String(ctx)) = answer.get_mut("@odata.context") {
            *ctx = format!("{}/v1.0/$metadata#{set}({listed})", req.base);
        }
        return Ok(answer);
    }
    let mut selected = keep(&answer, &names);
    if let Some(Value::String(ctx)) = selected.get_mut("@odata.context") {
        *ctx = format!("{}/v1.0/$metadata#{set}({listed})/$entity", req.base);
    }
    Ok(selected)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unknown_properties_are_refused_and_known_ones_canonical() {
        assert_eq!(
            parse("ID, displayname", "application", APPLICATION).unwrap(),
            vec!["id", "displayName"]
        );
        let err = parse("id,secretText", "application", APPLICATION).unwrap_err();
        assert_eq!(err.status.as_u16(), 400);
        assert!(err.message.contains("'secretText'"), "{}", err.message);
        let kept = keep(
            &serde_json::json!({"@odata.context": "c", "id": "1", "appId": "2", "web": {}}),
            &["id"],
        );
        assert_eq!(kept, serde_json::json!({"@odata.context": "c", "id": "1"}));
    }
}
