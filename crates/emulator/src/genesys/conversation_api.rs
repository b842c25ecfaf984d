//! The conversation endpoints of the Genesys Cloud emulator and the hook that creates email
//! conversations for mail the simulated consumer picked up:
//! `POST /api/v2/analytics/conversations/details/query`, `GET` and `PATCH
//! /api/v2/conversations/emails/{id}`.

use axum::http::StatusCode;
use chrono::Utc;
use serde_json::Value;

use super::analytics::DetailsQuery;
use super::conversation::{destination, Conversation};
use super::error::ApiError;
use super::scenario::GenesysScenario;
use super::state::GenesysShared;
use crate::pickup::PickedUp;
use crate::wire::lock;

fn missing_permission(permission: &str) -> ApiError {
    ApiError::new(
        StatusCode::FORBIDDEN,
        "missing.permissions",
        &format!("Unable to perform the requested action. You are missing the following permission(s): {permission}"),
    )
}

fn parse_body(body: &[u8]) -> Result<Value, ApiError> {
    serde_json::from_slice(body).map_err(|_| {
        ApiError::new(
            StatusCode::BAD_REQUEST,
            "bad.request",
            "The request could not be understood by the server due to malformed syntax.",
        )
    })
}

/// Creates the email conversation for a picked-up mail, in the queue the route of its mailbox
/// goes to; nothing when no route of the linked domain serves the mailbox.
pub(crate) fn create(s: &GenesysShared, picked: &PickedUp) {
    let Some(dest) = destination(&s.org(), &picked.mailbox) else {
        return;
    };
    let c = Conversation::new(
        &picked.from,
        &picked.mailbox,
        &picked.subject,
        dest,
        Utc::now(),
    );
    lock(&s.conversations).push(c);
}

/// `POST /api/v2/analytics/conversations/details/query`
pub(crate) fn details_query(s: &GenesysShared, body: &[u8]) -> Result<Value, ApiError> {
    if s.org().scenario() == GenesysScenario::NoAnalyticsPermission {
        return Err(missing_permission("analytics:conversationDetail:view"));
    }
    let query = DetailsQuery::parse(&parse_body(body)?)?;
    let all = lock(&s.conversations);
    Ok(query.run(&all, Utc::now(), s.analytics_lag))
}

/// `GET /api/v2/conversations/emails/{id}`
pub(crate) fn email(s: &GenesysShared, id: &str) -> Result<Value, ApiError> {
    lock(&s.conversations)
        .iter()
        .find(|c| c.id.eq_ignore_ascii_case(id))
        .map(Conversation::email_json)
        .ok_or_else(ApiError::not_found)
}

/// `PATCH /api/v2/conversations/emails/{id}`: only `{"state": "disconnected"}` is valid; it ends
/// the conversation (again: no change).
pub(crate) fn disconnect(s: &GenesysShared, id: &str, body: &[u8]) -> Result<Value, ApiError> {
    if s.org().scenario() == GenesysScenario::NoDisconnectPermission {
        return Err(missing_permission("conversation:communication:disconnect"));
    }
    let patch = parse_body(body)?;
    let mut all = lock(&s.conversations);
    let c = all
        .iter_mut()
        .find(|c| c.id.eq_ignore_ascii_case(id))
        .ok_or_else(ApiError::not_found)?;
    match patch.get("state") {
        Some(Value::String(v)) if v.eq_ignore_ascii_case("disconnected") => {}
        other => {
            let shown = other
                .map(Value::to_string)
                .unwrap_or_else(|| "missing".into());
            return Err(ApiError::new(
                StatusCode::BAD_REQUEST,
                "invalid.value",
                &format!("The value {shown} is not valid for state; on update, 'disconnected' will disconnect the conversation. No other values are valid."),
            ));
        }
    }
    if c.end.is_none() {
        c.end = Some(Utc::now());
    }
    Ok(c.conversation_json())
}
