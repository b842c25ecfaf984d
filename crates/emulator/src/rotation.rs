//! Client-secret rotation on an app registration: the Graph actions
//! `POST /v1.0/applications(appId='{appId}')/addPassword` and `…/removePassword` (also
//! `/applications/{objectId}/…`, `/applications('{objectId}')/…` and the
//! `microsoft.graph.`-qualified action names).
//!
//! Who may call them: only a delegated token of the tenant's administrator (from the authorize
//! or device code sign-in) whose `scp` includes [`MANAGE_SCOPE`], and only while
//! [`crate::Options::admin_can_manage_apps`] is true and [`crate::Options::admin_role`] may manage
//! apps. The app's own client-credentials token, a delegated token without the scope, or an
//! administrator who may not manage apps get 403 `Authorization_RequestDenied` "Insufficient
//! privileges to complete the operation.".
//!
//! `addPassword` takes `{"passwordCredential":{"displayName":…,"endDateTime":…,"startDateTime":…}}`
//! (every field optional; start defaults to now, end to [`MAX_LIFETIME_MONTHS`] after the start)
//! and answers 200 with the new `passwordCredential` including `secretText` (40 characters, shown
//! only here) and `hint` (its first three characters); the app then lists it without
//! `secretText`. An `endDateTime` more than [`MAX_LIFETIME_MONTHS`] months after the moment the
//! request arrives is refused with 400 [`LIFETIME_ERROR_CODE`], as a tenant's app management
//! policy refuses it; [`crate::Options::app_policy`] can lower that limit
//! ([`crate::AppPolicy::MaxLifetime`], which also caps the default end) or refuse every new
//! secret with 400 [`BLOCKED_ERROR_CODE`] ([`crate::AppPolicy::PasswordsBlocked`]); an end not
//! after the start, a malformed date or body answer 400 `Request_BadRequest`. The new secret replicates for [`crate::Options::secret_replication`]
//! before the token endpoint accepts it.
//!
//! `removePassword` takes `{"keyId":"…"}` and answers 204; the secret is refused at once. A keyId
//! the app does not have answers 404 [`UNKNOWN_KEY_ERROR_CODE`] (so a repeated removal can be
//! told apart from other failures); a missing or malformed keyId answers 400 `Request_BadRequest`.
//!
//! An unknown app answers 404 `Request_ResourceNotFound`, any method but POST 405.

use axum::http::{HeaderMap, Method, StatusCode};
use chrono::{DateTime, Months, NaiveDateTime, Utc};
use serde_json::{json, Value};

use crate::graph::error::GraphError;
use crate::graph::path::{Key, Segment};
use crate::graph::request::{check_guid, graph_time, Answer, Caller};
use crate::model::{App, Secret, Tenant};
use crate::state::{AppPolicy, Shared};

/// The delegated permission addPassword and removePassword need.
pub const MANAGE_SCOPE: &str = "Application.ReadWrite.All";

/// The longest lifetime a new secret may have, in months after the request arrives.
pub const MAX_LIFETIME_MONTHS: u32 = 24;

/// The error code of a refused `endDateTime` (400), as Entra's app management policies answer.
pub const LIFETIME_ERROR_CODE: &str = "CredentialInvalidLifetimeAsPerAppPolicy";

/// The error code of addPassword when the tenant's app management policy blocks new passwords
/// ([`crate::AppPolicy::PasswordsBlocked`]; 400).
pub const BLOCKED_ERROR_CODE: &str = "CredentialTypeNotAllowedAsPerAppPolicy";

/// The error code of removePassword for a keyId the app does not have (404).
pub const UNKNOWN_KEY_ERROR_CODE: &str = "Request_ResourceNotFound";

/// The id of the app management policy named in the policy error messages (the tenant's default
/// policy).
pub(crate) const POLICY_ID: &str = "00000000-0000-0000-0000-000000000000";

/// Which password action a path names.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum PasswordAction {
    /// `addPassword`.
    Add,
    /// `removePassword`.
    Remove,
}

/// One addPassword or removePassword request.
pub(crate) struct PasswordCall<'a> {
    /// The HTTP method.
    pub method: &'a Method,
    /// Who is calling.
    pub caller: &'a Caller,
    /// The base URL as the client addressed it.
    pub base: String,
    /// The application key from the path.
    pub key: Key,
    /// Add or remove.
    pub action: PasswordAction,
    /// The request body.
    pub body: &'a [u8],
}

fn action_of(seg: &Segment) -> Option<PasswordAction> {
    if seg.key.is_some() {
        return None;
    }
    let name = seg
        .name
        .strip_prefix("microsoft.graph.")
        .unwrap_or(&seg.name);
    if name.eq_ignore_ascii_case("addPassword") {
        Some(PasswordAction::Add)
    } else if name.eq_ignore_ascii_case("removePassword") {
        Some(PasswordAction::Remove)
    } else {
        None
    }
}

/// The application key and action when the decoded path is `applications(…)/addPassword`,
/// `applications/{id}/removePassword` and the like.
pub(crate) fn password_action(segs: &[Segment]) -> Option<(Key, PasswordAction)> {
    let (first, rest) = segs.split_first()?;
    if !first.name.eq_ignore_ascii_case("applications") {
        return None;
    }
    match (&first.key, rest) {
        (Some(k), [a]) => action_of(a).map(|act| (k.clone(), act)),
        (None, [id, a]) if id.key.is_none() => action_of(a).map(|act| {
            (
                Key {
                    prop: None,
                    value: id.name.clone(),
                },
                act,
            )
        }),
        _ => None,
    }
}

fn denied() -> GraphError {
    GraphError::new(
        StatusCode::FORBIDDEN,
        "Authorization_RequestDenied",
        "Insufficient privileges to complete the operation.",
    )
}

fn bad_request(message: impl Into<String>) -> GraphError {
    GraphError::new(StatusCode::BAD_REQUEST, "Request_BadRequest", message)
}

/// The app of `tenant` the key names (object id, or `appId` alternate key).
fn find_app<'a>(tenant: &'a mut Tenant, key: &Key) -> Result<&'a mut App, GraphError> {
    check_guid(&key.value)?;
    let by_app_id = match key.prop.as_deref() {
        None => false,
        Some(p) if p.eq_ignore_ascii_case("appId") => true,
        Some(p) => return Err(bad_request(format!("Unsupported alternate key '{p}'."))),
    };
    tenant
        .apps
        .iter_mut()
        .find(|a| {
            let id = if by_app_id { &a.app_id } else { &a.object_id };
            id.eq_ignore_ascii_case(&key.value)
        })
        .ok_or_else(|| {
            GraphError::new(
                StatusCode::NOT_FOUND,
                "Request_ResourceNotFound",
                format!(
                    "Resource '{}' does not exist or one of its queried reference-property objects are not present.",
                    key.value
                ),
            )
        })
}

/// The answer when the decoded path `segs` names addPassword or removePassword; `None` for any
/// other path.
pub(crate) fn route(
    s: &Shared,
    tenant: &mut Tenant,
    method: &Method,
    caller: &Caller,
    headers: &HeaderMap,
    segs: &[Segment],
    body: &[u8],
) -> Option<Result<Answer, GraphError>> {
    let (key, action) = password_action(segs)?;
    let call = PasswordCall {
        method,
        caller,
        base: s.request_base(headers),
        key,
        action,
        body,
    };
    Some(handle(s, tenant, &call))
}

/// Answers addPassword or removePassword for an app of `tenant`.
fn handle(s: &Shared, tenant: &mut Tenant, call: &PasswordCall<'_>) -> Result<Answer, GraphError> {
    if *call.method != Method::POST {
        return Err(GraphError::method_not_allowed());
    }
    if !call.caller.is_delegated()
        || !call.caller.has_any_scope(&[MANAGE_SCOPE])
        || !s.admin_can_manage_apps
        || !s.admin_role.manages_apps()
    {
        return Err(denied());
    }
    let app = find_app(tenant, &call.key)?;
    let body = parse_body(call.body)?;
    match call.action {
        PasswordAction::Add => add_password(s, app, &body, &call.base, Utc::now()),
        PasswordAction::Remove => remove_password(s, app, &body),
    }
}

fn parse_body(body: &[u8]) -> Result<Value, GraphError> {
    if body.iter().all(u8::is_ascii_whitespace) {
        return Ok(json!({}));
    }
    match serde_json::from_slice::<Value>(body) {
        Ok(v @ Value::Object(_)) => Ok(v),
        _ => Err(bad_request(
            "Unable to read JSON request payload. Please ensure Content-Type header is set and payload is of valid JSON format.",
        )),
    }
}

/// A Graph `DateTimeOffset`: RFC 3339, or without an offset (read as UTC).
fn parse_time(v: &str) -> Option<DateTime<Utc>> {
    DateTime::parse_from_rfc3339(v.trim())
        .map(|t| t.with_timezone(&Utc))
        .ok()
        .or_else(|| {
            NaiveDateTime::parse_from_str(v.trim(), "%Y-%m-%dT%H:%M:%S%.f")
                .ok()
                .map(|n| n.and_utc())
        })
}

fn time_field(
    cred: &Value,
    name: &str,
    default: DateTime<Utc>,
) -> Result<DateTime<Utc>, GraphError> {
    match cred.get(name) {
        None | Some(Value::Null) => Ok(default),
        Some(Value::String(v)) => parse_time(v).ok_or_else(|| invalid_property(name)),
        Some(_) => Err(invalid_property(name)),
    }
}

fn invalid_property(name: &str) -> GraphError {
    bad_request(format!(
        "Invalid value specified for property '{name}' of resource 'PasswordCredential'."
    ))
}

/// A fresh secret value shaped like an Entra one: three characters, `8Q~`, 34 more.
fn new_secret_text() -> String {
    const HEAD: &[u8] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    const TAIL: &[u8] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789~._-";
    let mut bytes = Vec::with_capacity(48);
    for _ in 0..3 {
        bytes.extend_from_slice(uuid::Uuid::new_v4().as_bytes());
    }
    let pick = |set: &[u8], b: u8| char::from(set[usize::from(b) % set.len()]);
    let head: String = bytes[..3].iter().map(|b| pick(HEAD, *b)).collect();
    let tail: String = bytes[3..37].iter().map(|b| pick(TAIL, *b)).collect();
    format!("{head}8Q~{tail}")
}

fn add_password(
    s: &Shared,
    app: &mut App,
    body: &Value,
    base: &str,
    now: DateTime<Utc>,
) -> Result<Answer, GraphError> {
    let empty = json!({});
    let cred = match body.get("passwordCredential") {
        None | Some(Value::Null) => &empty,
        Some(v @ Value::Object(_)) => v,
        Some(_) => return Err(invalid_property("passwordCredential")),
    };
    let display_name = match cred.get("displayName") {
        None | Some(Value::Null) => None,
        Some(Value::String(v)) => Some(v.clone()),
        Some(_) => return Err(invalid_property("displayName")),
    };
    if s.app_policy == AppPolicy::PasswordsBlocked {
        return Err(GraphError::new(
            StatusCode::BAD_REQUEST,
            BLOCKED_ERROR_CODE,
            format!("Password credentials are not allowed as per assigned policy '{POLICY_ID}'."),
        ));
    }
    let mut limit = now
        .checked_add_months(Months::new(MAX_LIFETIME_MONTHS))
        .unwrap_or(now);
    if let AppPolicy::MaxLifetime(days) = s.app_policy {
        limit = limit.min(now + chrono::Duration::days(i64::from(days)));
    }
    let start = time_field(cred, "startDateTime", now)?;
    let default_end = start
        .checked_add_months(Months::new(MAX_LIFETIME_MONTHS))
        .unwrap_or(start)
        .min(limit);
    let end = time_field(cred, "endDateTime", default_end)?;
    if end <= start {
        return Err(bad_request(
            "Key credential end date must be later than its start date.",
        ));
    }
    if end > limit {
        return Err(GraphError::new(
            StatusCode::BAD_REQUEST,
            LIFETIME_ERROR_CODE,
            format!(
                "Credential lifetime exceeds the max value allowed as per assigned policy '{POLICY_ID}'."
            ),
        ));
    }
    let key_id = uuid::Uuid::new_v4().hyphenated().to_string();
    let text = new_secret_text();
    let secret = Secret::new(
        &key_id,
        display_name.as_deref().unwrap_or(""),
        &text,
        start,
        end,
    );
    let answer = json!({
        "@odata.context": format!("{base}/v1.0/$metadata#microsoft.graph.passwordCredential"),
        "customKeyIdentifier": null,
        "displayName": display_name,
        "endDateTime": graph_time(end),
        "hint": secret.hint,
        "keyId": key_id,
        "secretText": text,
        "startDateTime": graph_time(start),
    });
    app.password_credentials.push(secret);
    s.replication.added(&key_id);
    Ok(Answer::Json(StatusCode::OK, answer))
}

fn remove_password(s: &Shared, app: &mut App, body: &Value) -> Result<Answer, GraphError> {
    let key_id = match body.get("keyId") {
        Some(Value::String(v)) if uuid::Uuid::parse_str(v.trim()).is_ok() => v.trim().to_string(),
        Some(Value::String(_)) => return Err(invalid_property("keyId")),
        _ => {
            return Err(bad_request(
                "The request body must contain the parameter 'keyId'.",
            ))
        }
    };
    let before = app.password_credentials.len();
    app.password_credentials
        .retain(|c| !c.key_id.eq_ignore_ascii_case(&key_id));
    if app.password_credentials.len() == before {
        return Err(match s.unknown_key_answer {
            crate::UnknownKeyAnswer::NotFound => GraphError::new(
                StatusCode::NOT_FOUND,
                UNKNOWN_KEY_ERROR_CODE,
                format!("No password credential found with keyId '{key_id}'."),
            ),
            crate::UnknownKeyAnswer::BadRequest => GraphError::new(
                StatusCode::BAD_REQUEST,
                "Request_BadRequest",
                "Invalid value specified for property 'keyId' of resource 'PasswordCredential'.",
            ),
        });
    }
    s.replication.removed(&key_id);
    Ok(Answer::Empty(StatusCode::NO_CONTENT))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::graph::path::parse_path;

    #[test]
    fn paths_name_password_actions() {
        let k = |p: &str| password_action(&parse_path(p));
        let (key, act) = k("/applications(appId='abc')/addPassword").expect("action");
        assert_eq!(
            (key.prop.as_deref(), key.value.as_str(), act),
            (Some("appId"), "abc", PasswordAction::Add)
        );
        let (key, act) = k("/applications/obj-1/microsoft.graph.removePassword").expect("action");
        assert_eq!(
            (key.prop, key.value.as_str(), act),
            (None, "obj-1", PasswordAction::Remove)
        );
        assert!(k("/applications/obj-1").is_none());
        assert!(k("/applications/obj-1/addKey").is_none());
        assert!(k("/servicePrincipals/x/addPassword").is_none());
    }

    #[test]
    fn secret_texts_look_like_entra_ones() {
        let a = new_secret_text();
        assert_eq!(a.len(), 40);
        assert_eq!(&a[3..6], "8Q~");
        assert_ne!(a, new_secret_text());
        assert!(parse_time("2030-01-02T03:04:05Z").is_some());
        assert!(parse_time("2030-01-02T03:04:05.123").is_some());
        assert!(parse_time("tomorrow").is_none());
    }
}
