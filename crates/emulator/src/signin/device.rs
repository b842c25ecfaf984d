//! The device code flow: the device code endpoint and the token endpoint's polls of a device
//! code, which answer `authorization_pending` and `slow_down` as configured before the outcome.

use std::collections::HashMap;
use std::sync::Arc;
use std::time::{Duration, Instant};

use axum::body::Bytes;
use axum::extract::State;
use axum::http::{HeaderMap, Method, Uri};
use axum::response::Response;
use chrono::{DateTime, Utc};
use serde_json::{json, Value};

use crate::aad::{parse_form, AadError, AadIds};
use crate::model::Tenant;
use crate::state::{AdminOutcome, Shared};
use crate::wire::{first_segment, lock};

use super::codes::{random_token, user_code, DeviceFlow};
use super::params::{app_not_found, bad_request, interactive_tenant, param};
use super::scopes::{invalid_scope, parse_scopes};
use super::token::{delegated_token, invalid_grant};

/// The `grant_type` of device code polls.
pub(crate) const DEVICE_CODE_GRANT: &str = "urn:ietf:params:oauth:grant-type:device_code";

/// Slack allowed when judging whether a device code poll came too early.
const POLL_SLACK: Duration = Duration::from_millis(250);

/// `POST /{tenant}/oauth2/v2.0/devicecode`
pub(crate) async fn device_code(
    State(s): State<Arc<Shared>>,
    method: Method,
    uri: Uri,
    headers: HeaderMap,
    body: Bytes,
) -> Response {
    let ids = AadIds::new(&headers);
    ids.answer(device_code_inner(&s, &method, &uri, &headers, &body))
}

fn device_code_inner(
    s: &Shared,
    method: &Method,
    uri: &Uri,
    headers: &HeaderMap,
    body: &[u8],
) -> Result<Value, AadError> {
    if method != Method::POST {
        return Err(AadError::method_not_allowed("POST, OPTIONS", method));
    }
    let ident = first_segment(uri.path());
    let dir = s.dir();
    let tenant = interactive_tenant(&dir.tenants, &ident, "invalid_request")?;
    let form = parse_form(body);
    let client_id =
        param(&form, "client_id").ok_or_else(|| AadError::missing_parameter("client_id"))?;
    if uuid::Uuid::parse_str(client_id).is_err() {
        return Err(app_not_found(client_id, tenant));
    }
    let scope = param(&form, "scope").ok_or_else(|| AadError::missing_parameter("scope"))?;
    let base = s.request_base(headers);
    let scopes = parse_scopes(scope, &[&s.base_url, &base]).map_err(|i| invalid_scope(&i))?;
    let now = Instant::now();
    let lifetime = s.device.lifetime;
    let interval = Duration::from_secs(s.device.interval_secs);
    let code = user_code();
    let device = format!("DAQABIQEAAAB{}", random_token(6));
    {
        let mut st = lock(&s.signin);
        st.prune(Utc::now(), now);
        st.devices.insert(
            device.clone(),
            DeviceFlow {
                tenant_id: tenant.id.clone(),
                client_id: client_id.to_string(),
                scopes,
                issued: now,
                expires: now
                    .checked_add(lifetime)
                    .unwrap_or(now + Duration::from_secs(86_400)),
                interval,
                pending_left: s.device.pending_polls,
                last_poll: None,
                done: false,
            },
        );
    }
    let expires_in = lifetime
        .as_secs()
        .saturating_add(u64::from(lifetime.subsec_nanos() > 0));
    let uri = "https://microsoft.com/devicelogin";
    Ok(json!({
        "user_code": code,
        "device_code": device,
        "verification_uri": uri,
        "expires_in": expires_in,
        "interval": s.device.interval_secs,
        "message": format!("To sign in, use a web browser to open the page {uri} and enter the code {code} to authenticate."),
    }))
}

/// `grant_type=urn:ietf:params:oauth:grant-type:device_code` at the token endpoint.
pub(crate) fn poll_device(
    s: &Shared,
    tenants: &[Tenant],
    endpoint_tenant: Option<&Tenant>,
    form: &HashMap<String, String>,
    now: DateTime<Utc>,
) -> Result<Value, AadError> {
    let device =
        param(form, "device_code").ok_or_else(|| AadError::missing_parameter("device_code"))?;
    let client_id =
        param(form, "client_id").ok_or_else(|| AadError::missing_parameter("client_id"))?;
    let bad_code = || {
        bad_request(
            "bad_verification_code",
            70000,
            "The provided value for the input parameter 'device_code' is not valid.",
        )
    };
    let mut st = lock(&s.signin);
    let flow = st.devices.get_mut(device).ok_or_else(bad_code)?;
    if !flow.client_id.eq_ignore_ascii_case(client_id)
        || endpoint_tenant.is_some_and(|t| !t.id.eq_ignore_ascii_case(&flow.tenant_id))
    {
        return Err(bad_code());
    }
    let instant = Instant::now();
    if instant >= flow.expires {
        return Err(bad_request(
            "expired_token",
            70020,
            "The provided value for the input parameter 'device_code' is not valid. This device code has expired.",
        ));
    }
    if flow.done {
        return Err(invalid_grant(
            70000,
            "Provided grant is invalid or malformed. The device code was already redeemed.",
        ));
    }
    let since = instant.saturating_duration_since(flow.last_poll.unwrap_or(flow.issued));
    flow.last_poll = Some(instant);
    if !flow.interval.is_zero() && since + POLL_SLACK < flow.interval {
        return Err(bad_request(
            "slow_down",
            70023,
            format!(
                "OAuth 2.0 device flow error. The client is polling too frequently. Wait at least {} seconds between polls.",
                flow.interval.as_secs()
            ),
        ));
    }
    if flow.pending_left > 0 {
        flow.pending_left -= 1;
        return Err(bad_request(
            "authorization_pending",
            70016,
            "OAuth 2.0 device flow error. Authorization is pending. Continue polling.",
        ));
    }
    if s.device.outcome == AdminOutcome::Deny {
        return Err(bad_request(
            "authorization_declined",
            70000,
            "The user declined the sign-in request; the device code was not authorized.",
        ));
    }
    flow.done = true;
    let scopes = flow.scopes.clone();
    let client = flow.client_id.clone();
    let tid = flow.tenant_id.clone();
    drop(st);
    let tenant = tenants
        .iter()
        .find(|t| t.id.eq_ignore_ascii_case(&tid))
        .ok_or_else(bad_code)?;
    Ok(delegated_token(s, tenant, &client, &scopes, now))
}
