//! The Exchange errors the mail endpoints answer with.

use axum::http::StatusCode;
use serde_json::Value;

use crate::graph::error::GraphError;

pub(super) fn access_denied() -> GraphError {
    GraphError::new(
        StatusCode::FORBIDDEN,
        "ErrorAccessDenied",
        "Access is denied. Check credentials and try again.",
    )
}

pub(super) fn odata_disabled() -> GraphError {
    GraphError::new(
        StatusCode::FORBIDDEN,
        "ErrorAccessDenied",
        "Access to OData is disabled.",
    )
}

pub(super) fn not_enabled() -> GraphError {
    GraphError::new(
        StatusCode::NOT_FOUND,
        "MailboxNotEnabledForRESTAPI",
        "The mailbox is either inactive, soft-deleted, or is hosted on-premise.",
    )
}

pub(super) fn invalid_user(x: &str) -> GraphError {
    GraphError::new(
        StatusCode::NOT_FOUND,
        "ErrorInvalidUser",
        format!("The requested user '{x}' is invalid."),
    )
}

pub(super) fn item_not_found() -> GraphError {
    GraphError::new(
        StatusCode::NOT_FOUND,
        "ErrorItemNotFound",
        "The specified object was not found in the store.",
    )
}

pub(super) fn bad(code: &'static str, message: impl Into<String>) -> GraphError {
    GraphError::bad_request_code(code, message)
}

pub(super) fn unknown_property(p: &str) -> GraphError {
    bad(
        "RequestBroker--ParseUri",
        format!("Could not find a property named '{p}' on type 'microsoft.graph.message'."),
    )
}

pub(super) fn invalid_filter(detail: &str) -> GraphError {
    bad(
        "ErrorInvalidUrlQueryFilter",
        format!("The query filter contains one or more invalid nodes. {detail}."),
    )
}

pub(super) fn sync_not_found() -> GraphError {
    bad(
        "SyncStateNotFound",
        "The sync state is invalid or has expired. Start a new synchronization without a delta token.",
    )
}

pub(super) fn parse_json_body(body: &[u8]) -> Result<Value, GraphError> {
    serde_json::from_slice(body).map_err(|_| {
        bad(
            "BadRequest",
            "Unable to read JSON request payload. Please ensure Content-Type header is set and payload is of valid JSON format.",
        )
    })
}
