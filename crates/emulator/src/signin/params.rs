//! What the sign-in endpoints read from a request: query and form parameters, the tenant path
//! segment (with `common`/`organizations`), and the AADSTS errors they share.

use std::collections::HashMap;

use axum::http::{StatusCode, Uri};

use crate::aad::{is_tenant_alias, parse_form, resolve_tenant, AadError};
use crate::model::Tenant;

/// Query parameters; the first occurrence of a name wins.
pub(super) fn query_params(uri: &Uri) -> HashMap<String, String> {
    parse_form(uri.query().unwrap_or("").as_bytes())
}

pub(super) fn param<'a>(q: &'a HashMap<String, String>, name: &str) -> Option<&'a str> {
    q.get(name).map(|v| v.trim()).filter(|v| !v.is_empty())
}

/// The tenant named by the path, with `common`/`organizations` meaning tenant 0.
pub(super) fn interactive_tenant<'a>(
    tenants: &'a [Tenant],
    ident: &str,
    not_found_error: &'static str,
) -> Result<&'a Tenant, AadError> {
    if is_tenant_alias(ident) {
        if let Some(t) = tenants.first() {
            return Ok(t);
        }
    }
    resolve_tenant(tenants, ident, not_found_error)
}

pub(super) fn bad_request(error: &'static str, code: u32, message: impl Into<String>) -> AadError {
    AadError::new(StatusCode::BAD_REQUEST, error, code, message.into())
}

pub(super) fn app_not_found(client_id: &str, tenant: &Tenant) -> AadError {
    AadError::new(
        StatusCode::BAD_REQUEST,
        "unauthorized_client",
        700016,
        format!(
            "Application with identifier '{client_id}' was not found in the directory '{}'. This can happen if the application has not been installed by the administrator of the tenant or consented to by any user in the tenant. You may have sent your authentication request to the wrong tenant.",
            tenant.display_name
        ),
    )
}
